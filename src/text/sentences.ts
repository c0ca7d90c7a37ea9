/**
 * Sentences of a passage: spans ending at 。！？； (or !?) or a paragraph break,
 * with their offsets. Shared by answer composition (which quotes them) and
 * benefit extraction (which reads clauses from them).
 *
 * "；" ends a sentence here (unlike the chunker) because the gazette packs
 * separate grants into one sentence with semicolons: 对养老机构…免征增值税；
 * 对用于提供婴幼儿照护服务的房产、土地，免征契税… are two benefits. A closing
 * mark right after the end stays with its sentence, so "（市民政局负责）。" and
 * "…。”" are not orphaned.
 */

export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

const TERMINATORS = new Set(["。", "！", "？", "；", "!", "?", "\n"]);
const CLOSERS = new Set(["”", "’", "）", ")", "》", "】", "」", "』"]);

export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    let a = start;
    let b = end;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) spans.push({ start: a, end: b, text: text.slice(a, b) });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!TERMINATORS.has(ch)) continue;
    let end = ch === "\n" ? i : i + 1;
    // "…。”" and "…。）" keep their closing mark.
    while (ch !== "\n" && end < text.length && CLOSERS.has(text[end]!)) end++;
    push(end);
    start = ch === "\n" ? i + 1 : end;
    i = Math.max(i, end - 1);
  }
  push(text.length);
  return spans;
}
