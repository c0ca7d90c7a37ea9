/**
 * Units in force for each paragraph: the roles of the annotations that govern
 * it, including roles inherited from D12's scope-setting marker (those come as
 * annotations of their own). Nothing flows from headings to the paragraphs
 * below them: in this corpus no heading carries a marker, and a 职责分工
 * heading names no unit itself. Roles are de-duplicated by canonical name and
 * role, first mention first.
 */
import type { Paragraph, UnitAnnotation, UnitRole } from "../types";

export function unitsInForce(paragraphs: Paragraph[], annotations: UnitAnnotation[]): UnitRole[][] {
  const result: UnitRole[][] = paragraphs.map(() => []);
  const seen: Set<string>[] = paragraphs.map(() => new Set());
  for (const a of annotations) {
    const list = result[a.paragraphIndex];
    const keys = seen[a.paragraphIndex];
    if (!list || !keys) continue;
    for (const r of a.roles) {
      const key = `${r.canonical}\u0000${r.role}`;
      if (keys.has(key)) continue;
      keys.add(key);
      list.push(r);
    }
  }
  return result;
}
