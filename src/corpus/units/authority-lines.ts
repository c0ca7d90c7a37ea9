/**
 * Authority lines of plans and 批复 (NOTES §4.3, §7.5):
 *  - a heading "1.3 主管部门" / "1.4 建设单位" whose next paragraph is the unit list (D9);
 *  - an inline "主管部门：X" / "建设单位：X" / "实施主体：X";
 *  - "实施主体由X变更为Y" (D4): Y is the body now in charge.
 */
import type { Paragraph } from "../types";
import { matchView, nameKey, trimSpan, type Span } from "./text";
import { isUnitList, splitUnitList } from "./unit-list";

export interface AuthorityLine {
  paragraphIndex: number;
  /** Offsets in the paragraph text of the whole line part that names the units. */
  span: Span;
  units: Span[];
}

const LABELS = "主管部门|建设单位|实施主体|实施单位";
const HEADING_LABEL = new RegExp(`^(?:\\d+(?:\\.\\d+)*\\s*)?(?:${LABELS})$`);
const INLINE = new RegExp(`(?:${LABELS})：([^。；]+)`, "g");
const CHANGED = /实施主体由([^，。；]+?)变更为([^，。；的]+)/g;

export function findAuthorityLines(paragraphs: readonly Paragraph[]): AuthorityLine[] {
  const out: AuthorityLine[] = [];
  paragraphs.forEach((p, i) => {
    const view = matchView(p.text);
    const previous = i > 0 ? nameKey(paragraphs[i - 1]!.text) : "";
    if (HEADING_LABEL.test(previous)) {
      const body = trimSpan(view, { start: 0, end: view.replace(/[。；]+\s*$/, "").length });
      if (isUnitList(view, body)) out.push({ paragraphIndex: i, span: body, units: splitUnitList(view, body) });
      return;
    }
    for (const m of view.matchAll(INLINE)) {
      const list = { start: m.index + m[0].length - m[1]!.length, end: m.index + m[0].length };
      if (isUnitList(view, list)) out.push({ paragraphIndex: i, span: { start: m.index, end: list.end }, units: splitUnitList(view, list) });
    }
    for (const m of view.matchAll(CHANGED)) {
      const list = { start: m.index + m[0].length - m[2]!.length, end: m.index + m[0].length };
      if (isUnitList(view, list)) out.push({ paragraphIndex: i, span: { start: m.index, end: list.end }, units: splitUnitList(view, list) });
    }
  });
  return out;
}
