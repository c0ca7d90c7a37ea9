import type { Corpus } from "../corpus/types";

/**
 * Words jieba must keep whole, drawn from the corpus itself: unit names and
 * their aliases, quoted policy terms (房证同交, 一老一小, 专业镇, 链长制) and the
 * quoted key phrases of document titles. Sorted and de-duplicated so the same
 * corpus gives the same dictionary (and the same dictionary hash).
 */
export function buildUserDictionary(corpus: Pick<Corpus, "documents" | "chunks" | "unitAliases">): string[] {
  const words = new Set<string>();
  const add = (w: string) => {
    const word = w.trim();
    // Very short words are already in jieba's dictionary; very long ones are phrases, not words.
    if (word.length >= 2 && word.length <= 12 && /^[\u4e00-\u9fff]+$/u.test(word)) words.add(word);
  };
  for (const alias of corpus.unitAliases) for (const name of [alias.canonical, ...alias.aliases]) addUnit(name, add);
  for (const chunk of corpus.chunks) for (const unit of chunk.units) if (!unit.generic) addUnit(unit.name, add);
  for (const doc of corpus.documents) {
    for (const title of [doc.title, doc.attachedTitle ?? ""]) for (const q of quoted(title)) add(q);
    for (const paragraph of doc.paragraphs) for (const q of quoted(paragraph.text)) add(q);
  }
  return [...words].sort();
}

function addUnit(name: string, add: (w: string) => void): void {
  add(name);
  // Users write 人社局 as often as 市人社局.
  add(name.replace(/^(朔州)?市/, ""));
}

/** Terms in Chinese quotation marks: the gazette's way of naming a policy (“房证同交”). */
function quoted(text: string): string[] {
  return [...text.matchAll(/“([^”]{2,10})”/gu)].map((m) => m[1]!);
}
