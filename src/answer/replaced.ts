/**
 * "This document was replaced": when an answer cites a document that a later
 * document in the collection repeals, replaces or revises, the answer must say
 * so and name the later one, so nobody reads out a repealed rule as current.
 * Pure; the answer composer appends the notice (like expiryNotice).
 */
import type { DocumentLink, PolicyDocument } from "../corpus/types";
import { chineseDate } from "./lines";

const VERB: Record<DocumentLink["relation"], string> = { 废止: "废止", 代替: "代替", 修订: "修订" };

/**
 * One notice line for every cited document with a later replacement, or null
 * when none has one. `byId` resolves the replacing document (for its date).
 */
export function replacementNotice(documents: readonly PolicyDocument[], byId: ReadonlyMap<string, PolicyDocument>): string | null {
  const parts: string[] = [];
  for (const doc of documents) {
    for (const link of doc.replacedBy ?? []) {
      const later = link.docId === null ? undefined : byId.get(link.docId);
      const when = later?.date ? `${chineseDate(later.date)}` : "";
      const title = later?.title ?? link.title;
      const by = title ? `《${title}》（${link.docNumber}）` : link.docNumber;
      parts.push(`《${doc.title}》（${doc.docNumber}）已被${when ? `${when}印发的` : ""}${by}${VERB[link.relation]}，请以新文件为准。`);
    }
  }
  return parts.length === 0 ? null : `注意：${parts.join("")}`;
}
