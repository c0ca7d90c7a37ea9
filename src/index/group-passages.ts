import type { Corpus } from "../corpus/types";

/** Prose forms of a group's set-up that are not roster paragraphs: 办公室设在市统计局, 组长由副市长李润军担任. */
const GROUP_PROSE = /办公室设在|组长由/u;

/**
 * Indexes of the passages that cover a roster paragraph (组长：…, 成员单位：…) or a
 * group's office line: what a group question (组长, 成员单位, 办公室设在) is answered by.
 * Worked out at index build, where the documents' paragraphs are at hand, so every
 * runtime reads the same list from the index.
 */
export function groupChunkIndexes(corpus: Pick<Corpus, "documents" | "chunks">): number[] {
  const paragraphsOf = new Map(corpus.documents.map((d) => [d.id, d.paragraphs]));
  const indexes: number[] = [];
  corpus.chunks.forEach((chunk, index) => {
    const [first, last] = chunk.paragraphs;
    const roster = (paragraphsOf.get(chunk.docId) ?? []).slice(first, last + 1).some((p) => p.kind === "roster");
    if (roster || GROUP_PROSE.test(chunk.text)) indexes.push(index);
  });
  return indexes;
}
