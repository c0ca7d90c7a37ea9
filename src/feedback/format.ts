/** The gap report as plain text for a terminal (`npm run gaps`). Pure. */
import { REASON_LABEL, type GapReport } from "./report";

export function formatGapReport(report: GapReport, days: number, title: (docId: string) => string = (id) => id): string {
  const lines: string[] = [`未回答与 👎 的问题（最近 ${days} 天，按主题）`, ""];
  if (!report.groups.length) lines.push("  （没有）", "");
  report.groups.forEach((g, i) => {
    lines.push(`${i + 1}. ${g.topic} —— ${g.count} 次（未回答 ${g.refused}，👎 ${g.down}）`);
    if (g.reasons.length) lines.push(`   原因：${g.reasons.map((r) => `${REASON_LABEL[r.reason] ?? r.reason} × ${r.count}`).join("；")}`);
    for (const q of g.examples) lines.push(`   · ${q}`);
    if (g.documents.length) lines.push(`   最接近的文件：${g.documents.map((d) => `《${title(d.docId)}》（${d.count} 次，${d.bestScore.toFixed(2)}）`).join("；")}`);
    lines.push("");
  });
  lines.push("被问到最多的文件：");
  for (const d of report.documents) lines.push(`  ${String(d.asks).padStart(5)}  （未回答或 👎 ${d.problems}）  ${title(d.docId)}`);
  lines.push("", "每日未回答比例：");
  for (const d of report.daily) {
    const share = d.asks ? d.refused / d.asks : 0;
    lines.push(`  ${d.day}  ${(share * 100).toFixed(1).padStart(5)}%  ${"█".repeat(Math.round(share * 40))}  （${d.refused}/${d.asks}，👎 ${d.down}）`);
  }
  return lines.join("\n");
}
