/** Shared loading for the corpus tests: the real issue is parsed once per test file. */
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { parseGazette, type ParsedGazette } from "../../src/corpus/parse-gazette";
import { expect } from "vitest";
import type { Corpus, PolicyDocument } from "../../src/corpus/types";

export const ROOT = resolve(import.meta.dirname, "../..");
export const SEED_NAME = "shuozhou-gazette-2023-03.txt";
export const SEED_PATH = resolve(ROOT, "corpus", SEED_NAME);

export const seedText = readFileSync(SEED_PATH, "utf8");
export const seedSha256 = createHash("sha256").update(readFileSync(SEED_PATH)).digest("hex");
export const seedLines = seedText.split("\n");

let cached: ParsedGazette | null = null;
export function seed(): ParsedGazette {
  cached ??= parseGazette(SEED_NAME, seedText);
  return cached;
}

export function doc(docNumber: string): PolicyDocument {
  const d = seed().documents.find((x) => x.docNumber === docNumber);
  if (!d) throw new Error(`no document ${docNumber}`);
  return d;
}

/** The paragraph whose text contains `snippet` (exactly one expected). */
export function paragraphWith(d: PolicyDocument, snippet: string) {
  const found = d.paragraphs.filter((p) => p.text.includes(snippet));
  if (found.length !== 1) throw new Error(`${found.length} paragraphs of ${d.docNumber} contain ${snippet}`);
  return found[0]!;
}

/** Chunk invariants: exact slices, ≤ 800 characters, one top-level section. */
export function checkChunkInvariants(c: Corpus): void {
  const docs = new Map(c.documents.map((d) => [d.id, d]));
  for (const ch of c.chunks) {
    const d = docs.get(ch.docId)!;
    expect(d.text.slice(ch.start, ch.end)).toBe(ch.text);
    expect(ch.end - ch.start).toBeLessThanOrEqual(800);
    expect(ch.text.length).toBeGreaterThan(0);
    const [first, last] = ch.paragraphs;
    expect(d.paragraphs[first]!.start).toBeLessThanOrEqual(ch.start);
    expect(d.paragraphs[last]!.end).toBeGreaterThanOrEqual(ch.end);
    // one top-level section, one document
    for (let i = first; i <= last; i++) expect(d.paragraphs[i]!.sectionPath[0]).toBe(ch.sectionPath[0]);
  }
}


/**
 * A document's paragraphs with each split-off inline heading glued back to the
 * body it introduced (same source lines): the reading a join-point test needs.
 */
export function logicalParagraphs(d: PolicyDocument): string[] {
  const out: string[] = [];
  d.paragraphs.forEach((p, i) => {
    const prev = d.paragraphs[i - 1];
    if (prev?.kind === "heading" && p.kind === "text" && prev.sourceLines.join() === p.sourceLines.join()) out[out.length - 1] += p.text;
    else out.push(p.text);
  });
  return out;
}
