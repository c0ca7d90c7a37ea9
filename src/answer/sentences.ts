/** A sentence of a passage, with its offsets in the passage text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits passage text at sentence ends (。！？；, and line breaks between
 * paragraphs). A closing bracket or quote right after the end mark stays with
 * the sentence, so a responsibility marker "（市民政局负责）。" is not orphaned.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const trimmedStart = start + (raw.length - raw.trimStart().length);
    const value = text.slice(trimmedStart, end).trimEnd();
    if (value) sentences.push({ text: value, start: trimmedStart, end: trimmedStart + value.length });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\n") {
      push(i);
      start = i + 1;
    } else if ("。！？；!?".includes(ch)) {
      let end = i + 1;
      while (end < text.length && "”’）)」』".includes(text[end]!)) end++;
      push(end);
      i = end - 1;
    }
  }
  push(text.length);
  return sentences;
}
