/**
 * A grouped bar chart as standalone SVG: one group per metric, one bar per
 * system. Written by the harness next to report.md so the comparison reads at a glance.
 */

export interface ChartSeries {
  name: string;
  values: number[];
}

const PALETTE = ["#1f6feb", "#d1242f", "#8250df", "#1a7f37", "#bf8700", "#57606a", "#0a7ea4", "#cf222e"];

export function barChartSvg(title: string, metrics: readonly string[], series: readonly ChartSeries[]): string {
  const width = 760;
  const height = 360;
  const margin = { top: 40, right: 16, bottom: 60 + 18 * Math.ceil(series.length / 2), left: 44 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const groupW = plotW / metrics.length;
  const barW = Math.max(4, (groupW * 0.8) / Math.max(1, series.length));
  const y = (v: number) => margin.top + plotH * (1 - Math.max(0, Math.min(1, v)));
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`);
  parts.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  parts.push(`<text x="${width / 2}" y="22" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(title)}</text>`);
  for (let t = 0; t <= 5; t++) {
    const v = t / 5;
    parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${y(v)}" y2="${y(v)}" stroke="#d0d7de" stroke-width="0.5"/>`);
    parts.push(`<text x="${margin.left - 6}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(1)}</text>`);
  }
  metrics.forEach((metric, m) => {
    const x0 = margin.left + m * groupW + groupW * 0.1;
    series.forEach((s, i) => {
      const v = s.values[m] ?? 0;
      const x = x0 + i * barW;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${(margin.top + plotH - y(v)).toFixed(1)}" fill="${PALETTE[i % PALETTE.length]}"><title>${escapeXml(s.name)} ${escapeXml(metric)}: ${v.toFixed(3)}</title></rect>`,
      );
    });
    parts.push(`<text x="${(margin.left + m * groupW + groupW / 2).toFixed(1)}" y="${margin.top + plotH + 16}" text-anchor="middle">${escapeXml(metric)}</text>`);
  });
  series.forEach((s, i) => {
    const col = i % 2;
    const row = Math.floor(i / 2);
    const lx = margin.left + col * (plotW / 2);
    const ly = margin.top + plotH + 36 + row * 18;
    parts.push(`<rect x="${lx}" y="${ly - 9}" width="10" height="10" fill="${PALETTE[i % PALETTE.length]}"/>`);
    parts.push(`<text x="${lx + 14}" y="${ly}">${escapeXml(s.name)}</text>`);
  });
  parts.push(`</svg>`);
  return parts.join("\n") + "\n";
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[ch]!);
}
