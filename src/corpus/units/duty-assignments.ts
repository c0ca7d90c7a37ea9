/**
 * 职责分工 items (NOTES §4.3, D7 六、): "（一）市规划和自然资源局负责牵头组织协调…".
 * The unit leads the item's sentence; only items under a 职责分工 heading count,
 * so ordinary sentences that start with a unit name are left alone.
 */
import type { Paragraph, UnitRoleKind } from "../types";
import { matchView, nameKey, type Span } from "./text";
import { looksLikeUnit } from "./unit-names";

export interface DutyAssignment {
  paragraphIndex: number;
  /** Offsets in the paragraph text: the unit name and 负责. */
  span: Span;
  unit: Span;
  role: UnitRoleKind;
}

const ITEM = /^[（][一二三四五六七八九十]+[）]\s*((?:朔州)?市[\u3400-\u9fff]{1,20}?(?:局|委员会|委|办公室|办|中心|支队))负责(牵头)?/;
const TOP_HEADING = /^[一二三四五六七八九十]+、/;

export function findDutyAssignments(paragraphs: readonly Paragraph[]): DutyAssignment[] {
  const out: DutyAssignment[] = [];
  let underDutyHeading = false;
  paragraphs.forEach((p, paragraphIndex) => {
    const key = nameKey(p.text);
    if (TOP_HEADING.test(key)) underDutyHeading = key.includes("职责分工");
    const inPath = p.sectionPath.some((h) => nameKey(h).includes("职责分工"));
    if (!underDutyHeading && !inPath) return;
    const view = matchView(p.text);
    const m = ITEM.exec(view);
    if (!m || !looksLikeUnit(m[1]!)) return;
    const unitStart = m[0].length - m[1]!.length - "负责".length - (m[2]?.length ?? 0);
    const unit = { start: unitStart, end: unitStart + m[1]!.length };
    out.push({
      paragraphIndex,
      unit,
      span: { start: unit.start, end: unit.end + "负责".length },
      role: m[2] ? "lead" : "responsible",
    });
  });
  return out;
}
