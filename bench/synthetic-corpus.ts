/**
 * Grows the seed corpus N-fold for scaling benchmarks: every copy gets its own
 * document numbers, place names, digits and title, so copies are distinct
 * documents to the index rather than duplicates it could collapse.
 */
import type { Chunk, Corpus, PolicyDocument } from "../src/corpus/types";

const PLACES = ["大同", "忻州", "吕梁", "晋中", "长治", "晋城", "临汾", "运城", "阳泉", "太原", "沂州", "云州"];

export function alter(text: string, copy: number): string {
  const place = PLACES[copy % PLACES.length]! + (copy >= PLACES.length ? String(Math.floor(copy / PLACES.length)) : "");
  return text.replace(/朔州/g, place).replace(/\d/g, (d) => String((Number(d) + copy) % 10));
}

/** 朔政办发〔2023〕16号 → 朔政办发〔2023〕1016号 for copy 1: distinct numbers, same form. */
function renumber(docNumber: string, copy: number): string {
  return docNumber.replace(/(\d+)号$/, (_, n: string) => `${Number(n) + 1000 * copy}号`);
}

export function replicateCorpus(seed: Corpus, factor: number): Corpus {
  if (factor === 1) return seed;
  const documents: PolicyDocument[] = [];
  const chunks: Chunk[] = [];
  for (let copy = 0; copy < factor; copy++) {
    const suffix = copy === 0 ? "" : `-r${copy}`;
    for (const doc of seed.documents) {
      documents.push(
        copy === 0
          ? doc
          : {
              ...doc,
              id: doc.id + suffix,
              docNumber: renumber(doc.docNumber, copy),
              title: alter(doc.title, copy),
              text: alter(doc.text, copy),
              paragraphs: doc.paragraphs.map((p) => ({ ...p, text: alter(p.text, copy) })),
            },
      );
    }
    for (const chunk of seed.chunks) {
      chunks.push(
        copy === 0
          ? chunk
          : {
              ...chunk,
              id: chunk.id + suffix,
              docId: chunk.docId + suffix,
              docNumber: renumber(chunk.docNumber, copy),
              docTitle: alter(chunk.docTitle, copy),
              text: alter(chunk.text, copy),
            },
      );
    }
  }
  return { ...seed, documents, chunks };
}
