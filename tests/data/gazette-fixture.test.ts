/**
 * Consistency of the synthetic gazette fixture with its expectations.
 *
 * These tests do not exercise the parser: they pin the fixture file and its
 * `.expected.json` to each other, so that a parser test failing on the fixture
 * means the parser is wrong, not that a line number or snippet drifted.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ExpectedMarker, ExpectedTable, ExpectedGroup, ExpectedAppointment, ExpectedDocument, ExpectedIssue } from "../fixtures/gazettes/expected";

const FIXTURE_DIR = fileURLToPath(new URL("../fixtures/gazettes/", import.meta.url));
const raw = readFileSync(`${FIXTURE_DIR}shuozhou-gazette-2023-05.txt`, "utf8");
const expected = JSON.parse(
  readFileSync(`${FIXTURE_DIR}shuozhou-gazette-2023-05.expected.json`, "utf8"),
) as ExpectedIssue;
const readme = readFileSync(`${FIXTURE_DIR}README.md`, "utf8");

/** Source lines, 1-based: lines[0] is a placeholder. */
const lines = ["", ...raw.split("\n")];
const line = (n: number): string => lines[n] ?? "";


const noSpace = (s: string): string => s.replace(/[ \t]/g, "");
/** Half-width → full-width for the punctuation the gazette mixes (NOTES §6.6, rule P1, simplified). */
const fullWidth = (s: string): string =>
  s.replace(/,/g, "，").replace(/;/g, "；").replace(/:/g, "：").replace(/\(/g, "（").replace(/\)/g, "）");
/** Heading marker canonicalisation used by sectionPath: （一）, （1）, "1. ". */
const canonicalHeading = (s: string): string =>
  fullWidth(s).replace(/^（\s*([一二三四五六七八九十\d]+)\s*）\s*/, "（$1）").replace(/^(\d+)\.\s*/, "$1. ");
/** Non-empty lines of a range glued without separators: what a correct join produces inside one paragraph. */
const glue = (from: number, to: number): string =>
  lines.slice(from, to + 1).filter((l) => l.trim() !== "").join("");
const docText = (d: ExpectedDocument): string => fullWidth(glue(d.sourceLines[0], d.sourceLines[1]));
const linesContaining = (s: string): number[] =>
  lines.flatMap((l, i) => (i > 0 && l.includes(s) ? [i] : []));

describe("the synthetic gazette fixture file", () => {
  it("is marked synthetic in its expectations and never says 测试 in the text", () => {
    expect(expected.synthetic).toBe(true);
    expect(raw).not.toContain("测试");
  });

  it("has the expected size and, like the real issue, no trailing newline", () => {
    expect(lines.length - 1).toBe(expected.lineCount);
    expect(expected.lineCount).toBeGreaterThanOrEqual(250);
    expect(expected.lineCount).toBeLessThanOrEqual(450);
    expect(raw.endsWith("\n")).toBe(false);
  });

  it("prints the issue metadata on the masthead", () => {
    const { year, number, totalNumber, publishedDate } = expected.issue;
    expect(line(17)).toBe(`${year}年第${number}期（总第${totalNumber}期）`);
    const [y, m, d] = publishedDate.split("-").map(Number);
    expect(line(21)).toBe(`${y}年${m}月${d}日出版（双月刊）`);
    expect(expected.issue.id).toBe(`${year}-${String(number).padStart(2, "0")}`);
  });

  it("has every listed layout feature on the stated line", () => {
    for (const f of expected.layoutFeatures) {
      expect(line(f.line), `${f.id} @${f.line}`).toMatch(new RegExp(`^${escapeRegExp(f.text)}`));
    }
  });

  it("has a README that mentions every layout feature id and its line", () => {
    for (const f of expected.layoutFeatures) {
      expect(readme, f.id).toContain(f.id);
      expect(readme, f.id).toContain(String(f.line));
    }
  });
});

describe("the table of contents of the fixture", () => {
  it("lists one entry per document, with titles equal to the body titles", () => {
    expect(expected.toc).toHaveLength(expected.documentCount);
    const titles = expected.documents.map((d) => d.title);
    for (const entry of expected.toc) expect(titles).toContain(line(entry.titleLine).replace(/\t$/, ""));
  });

  it("prints the document numbers in format A (dots) or B (TAB) on the stated lines", () => {
    for (const entry of expected.toc) {
      const numberLine = entry.format === "A" ? entry.titleLine + 2 : entry.titleLine + 1;
      const sep = entry.format === "A" ? "..... " : "\t";
      expect(line(numberLine)).toBe(`${entry.printedDocNumber}${sep}${entry.page}`);
      if (entry.format === "B") expect(line(entry.titleLine).endsWith("\t")).toBe(true);
    }
  });

  it("disagrees with the body in exactly the document number that the required warning names", () => {
    const mismatches = expected.toc.filter((t) => !expected.documents.some((d) => d.docNumber === t.printedDocNumber));
    expect(mismatches.map((t) => t.printedDocNumber)).toEqual(expected.warnings.required.map((w) => w.mentions));
    for (const w of expected.warnings.required) expect(line(w.line)).toContain(w.mentions);
  });
});

describe("each expected document of the fixture", () => {
  it("is anchored on its own document-number line, in page order", () => {
    expect(expected.documents).toHaveLength(expected.documentCount);
    const pages = expected.documents.map((d) => d.gazette.page);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
    for (const d of expected.documents) expect(line(d.docNumberLine)).toBe(d.docNumber);
  });

  it("has a title equal to its title lines without whitespace", () => {
    for (const d of expected.documents) {
      expect(d.titleLines.map((n) => noSpace(line(n))).join("")).toBe(d.title);
      expect(line(d.titleLines[0] ?? 0).startsWith(d.issuer)).toBe(true);
    }
  });

  it("is signed by its issuer on the stated date, followed by the disclosure note", () => {
    for (const d of expected.documents) {
      const [y, m, day] = d.date.split("-").map(Number);
      const dateLine = linesContaining(`${y}年${m}月${day}日`).find((n) => line(n) === `${y}年${m}月${day}日`);
      expect(dateLine, d.docNumber).toBeDefined();
      const n = dateLine ?? 0;
      expect(n).toBeGreaterThan(d.docNumberLine);
      expect(n).toBeLessThanOrEqual(d.sourceLines[1]);
      expect(line(n - 2)).toBe(d.issuer);
      expect(line(n + 2)).toMatch(/^[（(]此件公开发布[)）]$/);
    }
  });

  it("addresses the listed addressees", () => {
    for (const d of expected.documents) {
      const addressee = fullWidth(glue(d.docNumberLine + 1, d.docNumberLine + 3)).split("：")[0] ?? "";
      expect(addressee.split("，")).toEqual(d.addressees);
    }
  });

  it("names its attached text in the 印发 sentence and prints it on the stated line", () => {
    for (const d of expected.documents.filter((x) => x.attachedTitle !== null)) {
      expect(noSpace(line(d.attachedTitleLine ?? 0))).toBe(d.attachedTitle);
      expect(docText(d)).toContain(`《${d.attachedTitle}》已经市人民政府同意`);
    }
  });

  it("contains every section snippet on exactly one line, below the headings of its path", () => {
    for (const d of expected.documents) {
      for (const s of d.sections) {
        const hits = linesContaining(s.snippet);
        expect(hits, s.snippet).toHaveLength(1);
        const at = hits[0] ?? 0;
        expect(at).toBeGreaterThanOrEqual(d.sourceLines[0]);
        expect(at).toBeLessThanOrEqual(d.sourceLines[1]);
        let previous = d.docNumberLine;
        for (const heading of s.sectionPath) {
          const headingLine = findHeading(heading, previous, at);
          expect(headingLine, `${heading} before line ${at}`).toBeGreaterThan(0);
          previous = headingLine;
        }
      }
    }
  });

  it("has join checks that exist only after joining, never on one raw line of the document", () => {
    for (const d of expected.documents) {
      for (const j of d.joins) {
        const inDocument = linesContaining(j.joined).filter((n) => n >= d.sourceLines[0] && n <= d.sourceLines[1]);
        expect(inDocument, j.joined).toEqual([]);
        const [a, b] = j.lines;
        const glued = a < b ? glue(a, b) : line(a) + line(b);
        expect(glued, j.joined).toContain(j.joined);
      }
    }
  });

  it("lists every responsibility marker of the document, and the units in each", () => {
    const markerPattern = /（(?:[^（）]|（市、区）)*?(?:负责|配合)）|（牵头单位：(?:[^（）]|（市、区）)*）/g;
    for (const d of expected.documents) {
      const text = docText(d);
      expect(d.responsibilityMarkers.all).toHaveLength(d.responsibilityMarkers.count);
      expect(text.match(markerPattern) ?? [], d.docNumber).toEqual(d.responsibilityMarkers.all.map((m) => m.raw));
      for (const m of d.responsibilityMarkers.all) {
        expect(text).toContain(m.paragraphSnippet);
        for (const unit of [...m.lead, ...m.participating, ...m.responsible]) expect(m.raw).toContain(unit);
        if (m.orphanLine !== undefined) expect(fullWidth(line(m.orphanLine))).toBe(m.raw);
      }
    }
  });

  it("cites the listed document numbers", () => {
    for (const d of expected.documents) {
      const body = fullWidth(glue(d.docNumberLine + 1, d.sourceLines[1]));
      const cited = body.match(/[\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号/g) ?? [];
      expect(cited.filter((c) => c !== d.docNumber)).toEqual(d.citations);
    }
  });
});

describe("the table, roster and appointments of the fixture", () => {
  const tables = expected.documents.flatMap((d) => d.tables);
  const groups = expected.documents.flatMap((d) => d.groups);
  const appointments = expected.documents.flatMap((d) => d.appointments);

  it("has a TAB table whose repeated title and header at the page break are not rows", () => {
    expect(tables).toHaveLength(1);
    for (const t of tables) {
      expect(line(t.titleLine)).toBe(t.title);
      expect(line(t.repeatedTitleLine)).toBe(t.title);
      expect(line(t.titleLine + 2).split("\t")).toEqual(t.header);
      expect(line(t.repeatedHeaderLine).split("\t")).toEqual(t.header);
      const rows = lines
        .slice(t.titleLine + 3, t.sourceLines[1] + 1)
        .filter((l) => l.includes("\t") && l !== line(t.titleLine + 2))
        .map((l) => l.split("\t"));
      expect(rows).toHaveLength(t.rowCount);
      expect(rows.map((r) => r[0])).toEqual(t.firstCells);
      expect(rows.at(-1)).toEqual(t.lastRow);
    }
  });

  it("has a roster whose members, with padding removed and wrapped titles joined, are printed", () => {
    expect(groups).toHaveLength(1);
    for (const g of groups) {
      const owner = expected.documents.find((d) => d.groups.includes(g));
      const text = noSpace(glue(owner?.sourceLines[0] ?? 0, owner?.sourceLines[1] ?? 0));
      expect(text).toContain(g.name);
      expect(text).toContain(`办公室设在${g.officeUnit}`);
      expect(text).toContain(`办公室主任由${g.officeDirector}兼任`);
      const counts: Record<string, number> = {};
      for (const m of g.members) {
        counts[m.role] = (counts[m.role] ?? 0) + 1;
        expect(text, m.person).toContain(`${m.person}${m.title}`);
      }
      expect(counts).toEqual(g.roleCounts);
    }
  });

  it("has appointments and removals printed on the stated lines", () => {
    for (const a of appointments) {
      const text = line(a.line);
      if (a.action === "appoint") expect(text.startsWith(`${a.person}为${a.position}`)).toBe(true);
      else if (a.embedded) expect(text).toContain(`免去其${a.position}职务`);
      else expect(text).toMatch(new RegExp(`^${escapeRegExp(a.person + a.position)}职务[；。]$`));
      if (a.note !== null && a.action === "appoint") expect(text).toContain(`（${a.note}）`);
    }
  });

  it("has its displaced block after the last disclosure note, right before the back matter", () => {
    for (const b of expected.displacedBlocks) {
      expect(line(b.afterDisclosureLine)).toMatch(/^[（(]此件公开发布[)）]$/);
      for (let n = b.lines[0]; n <= b.lines[1]; n++) expect(line(n)).not.toBe("");
      expect(line(b.lines[1] + 2)).toMatch(/^《.+公报》简介$/);
    }
  });
});

function findHeading(heading: string, after: number, before: number): number {
  for (let n = after + 1; n < before + 1; n++) {
    if (canonicalHeading(line(n)).startsWith(heading)) return n;
  }
  return -1;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
