import type { PolicyDocument } from "../corpus/types";

/**
 * An operator must not read out a target whose period is over as if it were
 * current. Returns a notice (system text, not policy text) when a cited
 * document governs a period that has ended, or when a quoted sentence sets a
 * 到YYYY年 target in a past year.
 */
export function expiryNotice(documents: readonly PolicyDocument[], quoted: readonly string[], today: Date): string | null {
  const year = today.getFullYear();
  const notes: string[] = [];
  for (const doc of documents) {
    if (doc.period && doc.period.endYear < year) {
      notes.push(`${doc.docNumber}所定期限为${doc.period.startYear}—${doc.period.endYear}年，已届满`);
    }
  }
  const pastTargets = new Set<number>();
  for (const sentence of quoted)
    for (const m of sentence.matchAll(/到\s*(\d{4})\s*年/gu)) if (Number(m[1]) < year) pastTargets.add(Number(m[1]));
  if (pastTargets.size)
    notes.push(`引用中的目标年份（${[...pastTargets].sort().map((y) => `${y}年`).join("、")}）已过`);
  if (!notes.length) return null;
  return `注意：${notes.join("；")}。以上为文件原文，现行标准以主管部门最新规定为准。`;
}
