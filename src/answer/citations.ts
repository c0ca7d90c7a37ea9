import type { Chunk } from "../corpus/types";
import { toUnitRoles } from "../corpus/units/roles";
import type { Engine } from "../engine/engine";
import type { Hit } from "../search/retriever";
import type { Citation } from "./types";

export function toCitation(engine: Engine, hit: Hit, n: number): Citation {
  return citationOf(engine, hit.chunk, hit.score, n);
}

/** A chunk as the API cites it, with its document's issuer and date. */
export function citationOf(engine: Engine, chunk: Chunk, score: number, n: number): Citation {
  const doc = engine.documentById.get(chunk.docId);
  return {
    n,
    chunkId: chunk.id,
    docId: chunk.docId,
    docNumber: chunk.docNumber,
    docTitle: chunk.docTitle,
    issuer: doc?.issuer ?? "",
    date: doc?.date ?? "",
    sectionPath: chunk.sectionPath,
    text: chunk.text,
    score: Math.round(score * 10000) / 10000,
    units: toUnitRoles(chunk.units),
    issueId: chunk.issueId ?? null,
    page: chunk.page ?? null,
  };
}
