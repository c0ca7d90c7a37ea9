/**
 * The synthetic awkward-layout issue of tests/fixtures/gazettes/ (see its
 * README): the parser's output is compared with the expected JSON written for it.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseGazette } from "../../src/corpus/parse-gazette";
import type { PolicyDocument } from "../../src/corpus/types";
import { normalisePunctuation } from "../../src/corpus/normalise";
import { logicalParagraphs } from "./helpers";

const DIR = resolve(import.meta.dirname, "../fixtures/gazettes");
const NAME = "shuozhou-gazette-2023-05.txt";
const text = readFileSync(resolve(DIR, NAME), "utf8");
interface ExpectedDocument {
  docNumber: string;
  title: string;
  issuer: string;
  date: string;
  form: string;
  type: string;
  attachedTitle: string | null;
  addressees: string[];
  disclosure: string | null;
  gazette: { page: number; section: string };
  sourceLines: [number, number];
  targetYears: number[];
  sections: Array<{ snippet: string; sectionPath: string[] }>;
  joins: Array<{ joined: string }>;
  tables?: Array<{ title?: string; rowCount: number; rowTextExample?: string }>;
}
interface Expected {
  issue: Record<string, unknown>;
  documents: ExpectedDocument[];
  warnings: { required: Array<{ code: string; line: number }>; allowedCodes: string[] };
  mustNotOccur: string[];
}
const expected = JSON.parse(readFileSync(resolve(DIR, "shuozhou-gazette-2023-05.expected.json"), "utf8")) as Expected;
const parsed = parseGazette(NAME, text);
const byNumber = (n: string): PolicyDocument => parsed.documents.find((d) => d.docNumber === n)!;


describe("synthetic issue 2023-05 (awkward layout)", () => {
  it("reads the issue metadata", () => {
    expect(parsed.issue).toMatchObject(expected.issue);
  });

  it("finds every document", () => {
    expect(parsed.documents.map((d) => d.docNumber)).toEqual(expected.documents.map((d) => d.docNumber));
  });

  describe.each(expected.documents.map((d) => [d.docNumber, d] as const))("%s", (_n, e) => {
    const d = () => byNumber(e.docNumber);
    it("has the expected header fields", () => {
      expect({
        title: d().title,
        issuer: d().issuer,
        date: d().date,
        form: d().form,
        type: d().type,
        attachedTitle: d().attachedTitle,
        addressees: d().addressees,
        disclosure: d().disclosure,
        page: d().gazette.page,
        section: d().gazette.section,
        sourceLines: d().sourceLines,
        targetYears: d().targetYears,
      }).toEqual({
        title: e.title,
        issuer: e.issuer,
        date: e.date,
        form: e.form,
        type: e.type,
        attachedTitle: e.attachedTitle,
        addressees: e.addressees,
        disclosure: e.disclosure,
        page: e.gazette.page,
        section: e.gazette.section,
        sourceLines: e.sourceLines,
        targetYears: e.targetYears,
      });
    });
    it("puts the sampled snippets under the expected section paths", () => {
      for (const s of e.sections) {
        const hits = d().paragraphs.filter((p) => p.text.includes(s.snippet) && p.kind !== "heading");
        expect(hits.length, s.snippet).toBe(1);
        expect(hits[0]!.sectionPath, s.snippet).toEqual(s.sectionPath);
      }
    });
    it("repairs every listed join", () => {
      const paras = logicalParagraphs(d());
      for (const j of e.joins) expect(paras.some((p) => p.includes(normalisePunctuation(j.joined))), j.joined).toBe(true);
    });
    it("keeps the tables whole with the expected row counts", () => {
      for (const t of e.tables ?? []) {
        const rows = d().paragraphs.filter((p) => p.kind === "table-row" && (!t.title || p.table?.replace(/\s+/g, "") === t.title.replace(/\s+/g, "")));
        expect(rows).toHaveLength(t.rowCount);
        if (t.rowTextExample) expect(rows.map((r) => r.text)).toContain(t.rowTextExample);
      }
    });
  });

  it("emits the required warnings and no others", () => {
    for (const w of expected.warnings.required) expect(parsed.warnings).toContainEqual(expect.objectContaining({ code: w.code, line: w.line }));
    for (const w of parsed.warnings) expect([...expected.warnings.allowedCodes, ...expected.warnings.required.map((r) => r.code)]).toContain(w.code);
  });

  it("produces none of the strings that only a wrong join or failed repair would create", () => {
    const all = parsed.documents.map((d) => d.text).join("\n");
    for (const s of expected.mustNotOccur) expect(all).not.toContain(s);
  });
});
