/** Document-level fields read from the title and text (NOTES §2, §7.2). */
import type { DocumentForm, DocumentType, GovernedPeriod } from "./types";

const FORMS: DocumentForm[] = ["通知", "批复", "决定", "意见", "公告"];

export function documentForm(title: string): DocumentForm {
  return FORMS.find((f) => title.endsWith(f)) ?? "其他";
}

/** The 印发 object of a title: "…关于印发《X》的通知" → "X". */
export function issuedTitle(title: string): string | null {
  const m = /关于印发(.+?)的通知$/.exec(title);
  if (!m) return null;
  const inner = /^《(.+)》$/.exec(m[1]!);
  return inner ? inner[1]! : m[1]!;
}

/** What the document is for users; for 印发 notices the kind of the attached text. */
export function documentType(title: string, attachedTitle: string | null): DocumentType {
  const form = documentForm(title);
  if (form === "批复") return "批复";
  const attached = attachedTitle ?? issuedTitle(title);
  if (attached !== null && /印发/.test(title)) {
    if (/规划/.test(attached)) return "规划";
    if (/方案/.test(attached)) return "方案";
    return "其他";
  }
  if (/任免/.test(title)) return "任免";
  if (/印章/.test(title)) return "印章";
  if (/领导小组|委员会组成人员|工作专班|委员会的通知|组成人员/.test(title)) return "领导小组";
  if (form === "通知") return "通知";
  return "其他";
}

const PLAN_PERIODS: Record<string, [number, number]> = { 十三五: [2016, 2020], 十四五: [2021, 2025], 十五五: [2026, 2030] };

/**
 * The governed period: an explicit year range in the title or attached title,
 * then "规划期为2021—2030年" in the text, then a five-year-plan name (“十四五”)
 * in the title or attached title.
 */
export function governedPeriod(title: string, attachedTitle: string | null, text: string): GovernedPeriod | null {
  const heads = [title, attachedTitle ?? ""];
  for (const h of heads) {
    const m = /[（(](\d{4})\s*[—–\-~～至]\s*(\d{4})年?[)）]/.exec(h);
    if (m) return { startYear: Number(m[1]), endYear: Number(m[2]), source: m[0] };
  }
  const inText = /规划期(?:为|是)?\s*(\d{4})\s*[—–\-~～至]\s*(\d{4})年/.exec(text);
  if (inText) return { startYear: Number(inText[1]), endYear: Number(inText[2]), source: inText[0] };
  for (const h of heads) {
    const m = /[“"]?(十[三四五]五)[”"]?/.exec(h);
    if (m && PLAN_PERIODS[m[1]!]) {
      const [startYear, endYear] = PLAN_PERIODS[m[1]!]!;
      return { startYear, endYear, source: m[0] };
    }
  }
  return null;
}

/** Years named in 到YYYY年 targets, ascending, unique. */
export function targetYears(text: string): number[] {
  const years = new Set<number>();
  for (const m of text.matchAll(/到\s*(\d{4})\s*年/g)) years.add(Number(m[1]));
  return [...years].sort((a, b) => a - b);
}

/** "各县（市、区）人民政府，朔州经济开发区管委会，市直各有关单位：" → three addressees. */
export function splitAddressees(text: string): string[] {
  return text
    .replace(/[：:]$/, "")
    .split(/[，,](?![^（(〔]*[）)〕])/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Names of attachments that are not printed (…（见网络版）). */
export function onlineOnlyName(text: string): string | null {
  const m = /^(?:附\s*[件表]\s*[：:]?\s*)?(?:\d+[.．、]\s*)?(.+?)\s*[（(]见网络版[)）]$/.exec(text.trim());
  return m ? m[1]! : null;
}
