/**
 * Turns the numbered source lines of one document region into logical
 * paragraphs ("blocks"), repairing the layout damage of NOTES §6:
 *  - J1  paragraphs broken at column/page bottoms are joined (incl. the "+5"
 *        fragments that start with a marker or label, the open bracket after
 *        "：", and joins across a dropped repeated box title);
 *  - J2  orphan responsibility markers are attached to the paragraph before;
 *  - R1  repeated 专栏 titles and table header rows are dropped;
 *  - rosters: one block per row, title wraps joined, padded names collapsed;
 *  - tables: TAB rows grouped under their title.
 */
import type { SourceLine } from "./lines";
import { BLOCK_LABELS, collapsePaddedNames, rosterLabel } from "./normalise";
import { isHeadingOnly, ONLINE_ONLY, parseMarker } from "./headings";
import { DATE_LINE, DISCLOSURE } from "./documents";
import { ATTACH_LABEL } from "./classify";
import { BACK_MATTER } from "./layout";
import { CJK, endsClause, unclosedBrackets } from "./text";

export type BlockKind = "prose" | "roster" | "table-row" | "table-title";

export interface Block {
  kind: BlockKind;
  text: string;
  /** Source lines this block was built from, in reading order. */
  lines: number[];
  /** For table rows: the table title, cells and header. */
  table?: { title: string | null; cells: string[]; header: string[] };
  /** A `- ` bullet was stripped from the first line (a list item, not a heading). */
  bulleted?: boolean;
}

export interface JoinStats {
  /** Pairs of source lines joined by J1/J2/roster wraps: [lineA, lineB]. */
  joins: Array<[number, number]>;
  /** Source lines dropped on purpose (repeated titles / header rows). */
  dropped: number[];
}

/** Looser than documents.ts's ISSUER_ONLY (0–20 leading characters, not 2–20): kept separate on purpose. */
const ISSUER_ONLY = /^\S{0,20}?(?:人民政府|政府)(?:办公室|办公厅)?$/;
const LABEL_LINE = new RegExp(`^(?:${BLOCK_LABELS.join("|")})[：:]`);

/**
 * J2: a line holding only a bracketed unit list plus role words (NOTES §6.2).
 * Headings such as （一）… and the disclosure note are excluded.
 */
const MARKER_ONLY = new RegExp(
  `^(?![（(]\\s*[一二三四五六七八九十\\d]+\\s*[)）])[（(](?:[^。（()）]|[（(][^（()）]*[)）])*?(?:负责|配合|实施|落实|单位[：:]|[${CJK}](?:局|委|办|部|厅|会|组|中心|支队|政府))[^。]*[)）]$`,
);
export function isOrphanMarker(text: string): boolean {
  return MARKER_ONLY.test(text) && !DISCLOSURE.test(text) && !/的通知$/.test(text);
}

const NAME = `(?:[${CJK}] [${CJK}]|[${CJK}]{2,3})`;
const ROSTER_ROW = new RegExp(`^${NAME}\\s+[${CJK}（(“]`);
/** `NAME TITLE` (a roster row without label) — only meaningful inside a roster. */
export function isRosterRow(text: string): boolean {
  return ROSTER_ROW.test(text) && parseMarker(text) === null;
}

/** A short line without spaces or commas inside a roster continues the previous title ("局长", "总经理"). */
function isTitleWrap(text: string): boolean {
  return !/\s/.test(text) && !/[，。；：]/.test(text) && [...text].length <= 14 && parseMarker(text) === null;
}

/** A roster label whose value is a unit list (成员：市委组织部、…): it can wrap like prose. */
function isListLabel(text: string): boolean {
  const l = rosterLabel(text);
  return l !== null && /[、，]/.test(l.rest) && !isRosterRow(l.rest);
}

/** Lines that always start a new paragraph (J1 rule 4). */
export function startsNewParagraph(text: string): boolean {
  return (
    parseMarker(text) !== null ||
    LABEL_LINE.test(text) ||
    ATTACH_LABEL.test(text) ||
    ISSUER_ONLY.test(text) ||
    DATE_LINE.test(text) ||
    DISCLOSURE.test(text) ||
    BACK_MATTER.test(text)
  );
}

/** J1 rules 2 and 3 on the paragraph built so far: may the next line continue it? */
function isOpenEnded(text: string): boolean {
  if (ATTACH_LABEL.test(text) || ONLINE_ONLY.test(text)) return false;
  const m = parseMarker(text);
  if (m !== null && isHeadingOnly(text, m)) return false;
  if (unclosedBrackets(text) > 0) return true;
  return !endsClause(text) && !endsWithClosingMarker(text);
}

/**
 * "…。（市行政审批局牵头负责）" ends a paragraph although its last character is a
 * bracket: the group follows a sentence end, or it is a responsibility marker.
 * "…（国办发〔2019〕15号）" mid-sentence does not.
 */
function endsWithClosingMarker(text: string): boolean {
  if (!/[）)]$/.test(text)) return false;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const ch = text[i]!;
    if (ch === "）" || ch === ")") depth++;
    else if (ch === "（" || ch === "(") {
      depth--;
      if (depth === 0) {
        const inner = text.slice(i + 1, -1);
        return /[。；！？]/.test(text[i - 1] ?? "") || /负责|配合|实施|落实|单位[：:]/.test(inner);
      }
    }
  }
  return false;
}

export function rosterRowText(text: string): string {
  const label = rosterLabel(text);
  if (label) return `${label.label}：${collapsePaddedNames(label.rest)}`;
  return collapsePaddedNames(text);
}

/**
 * Builds blocks from the lines of one region. `boxTitles` carries the 专栏/表
 * titles already opened in the same document (R1 is scoped by document).
 */
export function buildBlocks(lines: SourceLine[], boxTitles: Set<string>, stats: JoinStats): Block[] {
  const blocks: Block[] = [];
  let inRoster = false;
  let table: { title: string | null; header: string[] | null; headerText: string } | null = null;
  const last = () => blocks[blocks.length - 1];

  for (const line of lines) {
    const text = line.text.trim();

    // R1: a repeated box title inside the same document is page furniture.
    const marker = parseMarker(text);
    if (marker && (marker.type === "box" || marker.type === "table") && !line.hasTab) {
      if (boxTitles.has(text)) {
        stats.dropped.push(line.no);
        continue;
      }
      boxTitles.add(text);
      inRoster = false;
      table = null;
      blocks.push({ kind: "table-title", text, lines: [line.no] });
      continue;
    }

    if (line.hasTab) {
      inRoster = false;
      const cells = line.text.split("\t").map(cleanCell);
      const rowText = cells.join("\t");
      const prev = last();
      if (table === null) {
        const title = prev?.kind === "table-title" ? prev.text : null;
        table = { title, header: cells, headerText: rowText };
        continue; // the header row is carried by every data row
      }
      if (rowText === table.headerText) {
        stats.dropped.push(line.no);
        continue;
      }
      blocks.push({ kind: "table-row", text: rowText, lines: [line.no], table: { title: table.title, cells, header: table.header ?? [] } });
      continue;
    }
    // A table's header row without data rows stays visible as text.
    if (table !== null) table = null;

    const prev = last();

    // J2: an orphan responsibility marker belongs to the paragraph before it.
    if (isOrphanMarker(text) && prev !== undefined && prev.kind === "prose" && (endsClause(prev.text) || !isHeadingOnly(prev.text, parseMarker(prev.text)))) {
      stats.joins.push([prev.lines[prev.lines.length - 1]!, line.no]);
      prev.text += text;
      prev.lines.push(line.no);
      continue;
    }

    // Rosters: label lines open them; NAME TITLE rows and title wraps continue them.
    if (rosterLabel(text) !== null) {
      inRoster = true;
      blocks.push({ kind: "roster", text: rosterRowText(text), lines: [line.no], bulleted: line.bulletStripped });
      continue;
    }
    if (inRoster && prev?.kind === "roster") {
      if (isListLabel(prev.text) && isOpenEnded(prev.text) && !startsNewParagraph(text) && !isRosterRow(text)) {
        stats.joins.push([prev.lines[prev.lines.length - 1]!, line.no]);
        prev.text += text;
        prev.lines.push(line.no);
        continue;
      }
      if (isRosterRow(text)) {
        blocks.push({ kind: "roster", text: rosterRowText(text), lines: [line.no], bulleted: line.bulletStripped });
        continue;
      }
      if (isTitleWrap(text) && !isListLabel(prev.text)) {
        stats.joins.push([prev.lines[prev.lines.length - 1]!, line.no]);
        prev.text += text;
        prev.lines.push(line.no);
        continue;
      }
    }
    inRoster = false;

    // J1: a paragraph cut at a column or page bottom continues on this line.
    if (prev !== undefined && prev.kind === "prose" && isOpenEnded(prev.text) && !startsNewParagraph(text)) {
      stats.joins.push([prev.lines[prev.lines.length - 1]!, line.no]);
      prev.text += text;
      prev.lines.push(line.no);
      continue;
    }

    blocks.push({ kind: "prose", text, lines: [line.no], bulleted: line.bulletStripped });
  }
  return blocks;
}

/** Global, but only used with replace (no lastIndex state survives a call). */
const CELL_WRAP_SPACE = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, "g");

/** In-cell wrap spaces between Chinese characters are deleted (NOTES §5 rule 5). */
export function cleanCell(cell: string): string {
  return cell.trim().replace(CELL_WRAP_SPACE, "");
}
