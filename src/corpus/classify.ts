/**
 * Decides what each block is (heading, split inline heading, list item, text,
 * roster row, table row) and renders table rows as "header：value；…".
 */
import type { ParagraphKind } from "./types";
import type { Block } from "./joins";
import { ALWAYS_HEADING, type Marker, type MarkerType, ONLINE_ONLY, inlineTitleLength, isHeadingOnly, parseMarker, splitHeading } from "./headings";

export interface Draft {
  kind: ParagraphKind;
  text: string;
  lines: [number, number];
  table?: string;
  /** For section headings: the marker and the section title. */
  heading?: { marker: Marker; title: string };
  /** For numbered list items that are not headings (they still close sibling sections). */
  listMarker?: Marker;
  /** Clears the heading stack: attached-text titles, 附件/附表 lines. */
  reset?: boolean;
  /** Body text split off an inline heading (belongs to that heading). */
  splitBody?: boolean;
}

/** A 附件/附表 label line: 附件：, 附件1, 附表 … */
export const ATTACH_LABEL = /^附\s*[件表](?:\s*[：:]|$|\s*\d)/;
/** Longest inline title accepted in a titled list (D1's longest is 25; NOTES §3.3). */
const MAX_INLINE_TITLE = 25;
/** A list whose typical first clause is longer than this is a list of sentences (D11), not of titles. */
const TITLED_LIST_MEDIAN = 20;

/**
 * Per marker type: does this document use it for titled items ("1. 巩固…成果。…")
 * or for plain sentences ("1. 全面落实外商投资准入前…")? Decided by the median
 * inline-title length, so one odd item does not flip the whole list.
 */
export function titledTypes(blocks: Block[]): Set<MarkerType> {
  const lengths = new Map<MarkerType, number[]>();
  for (const b of blocks) {
    if (b.kind !== "prose" || b.bulleted) continue;
    const m = parseMarker(b.text);
    if (m === null || ALWAYS_HEADING.has(m.type)) continue;
    const list = lengths.get(m.type) ?? [];
    list.push(inlineTitleLength(m, isHeadingOnly(b.text, m)));
    lengths.set(m.type, list);
  }
  const titled = new Set<MarkerType>();
  for (const [type, list] of lengths) {
    const sorted = list.slice().sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
    if (median <= TITLED_LIST_MEDIAN) titled.add(type);
  }
  return titled;
}

export function classifyBlocks(blocks: Block[], titled: Set<MarkerType>): Draft[] {
  const out: Draft[] = [];
  let previousRow: { title: string | null; cells: string[] } | null = null;
  for (const b of blocks) {
    const lines: [number, number] = [b.lines[0]!, b.lines[b.lines.length - 1]!];
    if (b.kind === "table-row" && b.table) {
      const cells = b.table.cells.slice();
      // A leading empty cell continues the group of the row above (merged first column).
      if (cells[0] === "" && previousRow && previousRow.title === b.table.title && previousRow.cells[0]) cells[0] = previousRow.cells[0];
      previousRow = { title: b.table.title, cells };
      const text = cells
        .map((c, i) => (c === "" ? null : b.table!.header[i] ? `${b.table!.header[i]}：${c}` : c))
        .filter((c): c is string => c !== null)
        .join("；");
      out.push({ kind: "table-row", text: text === "" ? b.text : text, lines, ...(b.table.title ? { table: b.table.title } : {}) });
      continue;
    }
    previousRow = null;
    if (b.kind === "roster") {
      out.push({ kind: "roster", text: b.text, lines });
      continue;
    }
    const m = parseMarker(b.text);
    if (b.kind === "table-title" && m) {
      const split = splitHeading(m, true);
      out.push({ kind: "heading", text: split.headingText, lines, heading: { marker: m, title: split.title } });
      continue;
    }
    if (ATTACH_LABEL.test(b.text) || ONLINE_ONLY.test(b.text)) {
      out.push({ kind: "list-item", text: b.text, lines, reset: ATTACH_LABEL.test(b.text) });
      continue;
    }
    if (m === null) {
      out.push({ kind: "text", text: b.text, lines });
      continue;
    }
    if (b.bulleted) {
      out.push({ kind: "list-item", text: m.canonical + m.rest, lines, listMarker: m });
      continue;
    }
    // After the joins a block is complete, so a short marker line without end punctuation is a title even with a comma in it
    // ("二、进一步规范涉企收费，推动减轻市场主体经营负担").
    const headingOnly = isHeadingOnly(b.text, m) || ([...b.text].length <= 40 && !/[。；，、：！？）)]$/.test(b.text) && !/[。；]/.test(b.text));
    const isTitled = titled.has(m.type) || m.type === "cn" || m.type === "cn-paren";
    if (ALWAYS_HEADING.has(m.type) || (headingOnly && isTitled)) {
      const split = splitHeading(m, true);
      out.push({ kind: "heading", text: split.headingText, lines, heading: { marker: m, title: split.title } });
      continue;
    }
    if (titled.has(m.type) && inlineTitleLength(m, false) <= MAX_INLINE_TITLE) {
      const split = splitHeading(m, false);
      out.push({ kind: "heading", text: split.headingText, lines, heading: { marker: m, title: split.title } });
      if (split.body !== "") out.push({ kind: "text", text: split.body, lines, splitBody: true });
      continue;
    }
    out.push({ kind: "list-item", text: m.canonical + m.rest, lines, listMarker: m });
  }
  return out;
}
