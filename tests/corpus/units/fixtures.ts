/**
 * Builds a document (text + Paragraph records) from hand-copied paragraphs of
 * corpus/shuozhou-gazette-2023-03.txt, as the parser delivers them after its
 * repairs (column-break joins, orphan markers appended, label spaces collapsed).
 * Line numbers in the tests refer to the source file.
 */
import type { Paragraph, ParagraphKind } from "../../../src/corpus/types";

export type ParagraphSpec = string | { text: string; kind?: ParagraphKind; sectionPath?: string[] };

export interface FixtureDoc {
  docText: string;
  paragraphs: Paragraph[];
}

/** Paragraphs joined by "\n", offsets computed, so docText.slice(p.start, p.end) === p.text. */
export function makeDoc(specs: ParagraphSpec[]): FixtureDoc {
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  specs.forEach((spec, i) => {
    const { text, kind = "text", sectionPath = [] } = typeof spec === "string" ? { text: spec } : spec;
    paragraphs.push({ kind, text, start: offset, end: offset + text.length, sectionPath, units: [], sourceLines: [i + 1, i + 1] });
    offset += text.length + 1;
  });
  return { docText: paragraphs.map((p) => p.text).join("\n"), paragraphs };
}

export const roster = (text: string): ParagraphSpec => ({ text, kind: "roster" });
export const heading = (text: string): ParagraphSpec => ({ text, kind: "heading" });
