/**
 * Builders for the lines every composer shares (units, sources, next steps)
 * and the plain-text rendering of an answer.
 */
import type { PolicyDocument, UnitRoleKind } from "../corpus/types";
import type { AnswerLine, AnswerUnit, Citation } from "./types";

const ROLE_LABEL: Record<UnitRoleKind, string> = { lead: "牵头单位", responsible: "责任单位", participating: "参与单位" };
const ROLE_ORDER: readonly UnitRoleKind[] = ["lead", "responsible", "participating"];

/** Names shown per role before the rest is summarised as "等N个单位" (the full list stays in the citation). */
export const MAX_NAMES_PER_ROLE = 5;

type NamedRole = Pick<AnswerUnit, "name" | "role">;

/**
 * "牵头单位：市民政局；责任单位：市财政局、市人社局等7个单位": each role once, names deduplicated
 * in first-seen order, a long roster cut to MAX_NAMES_PER_ROLE. Empty when no unit has a role.
 * Returns the text and the [start, end) of the first role's names (what a "which unit" answer highlights).
 */
export function rolesText(units: readonly NamedRole[], max = MAX_NAMES_PER_ROLE): { text: string; first: [number, number] | null } {
  const parts: string[] = [];
  let first: [number, number] | null = null;
  let offset = 0;
  for (const role of ROLE_ORDER) {
    const names = [...new Set(units.filter((u) => u.role === role).map((u) => u.name))];
    if (!names.length) continue;
    const shown = names.slice(0, max).join("、") + (names.length > max ? `等${names.length}个单位` : "");
    const label = `${ROLE_LABEL[role]}：`;
    const prefix = parts.length ? "；" : "";
    if (!first) first = [offset + prefix.length + label.length, offset + prefix.length + label.length + shown.length];
    const part = `${prefix}${label}${shown}`;
    parts.push(part);
    offset += part.length;
  }
  return { text: parts.join(""), first };
}

/** The one units line of an answer, or null when nothing quoted names a unit in a role. */
export function unitsLine(units: readonly NamedRole[]): AnswerLine | null {
  const { text } = rolesText(units.filter((u) => u.role !== "issuer"));
  return text ? { kind: "units", text } : null;
}

/** "来源：《title》（朔政办发〔2023〕16号，2023年5月8日）" for the cited documents. */
export function sourceLine(docs: readonly PolicyDocument[]): AnswerLine | null {
  if (!docs.length) return null;
  return { kind: "source", text: `来源：${docs.map((d) => `《${d.title}》（${d.docNumber}，${chineseDate(d.date)}）`).join("；")}` };
}

export const HOTLINE = "12345政务服务便民热线";

/**
 * Whom to contact: the unit responsible for the quoted item (its lead first),
 * or the hotline when the documents name none.
 */
export function nextStepLine(units: readonly NamedRole[]): AnswerLine {
  const contact = ROLE_ORDER.map((role) => units.find((u) => u.role === role)).find((u) => u);
  return contact
    ? { kind: "next-step", text: `办理和咨询：请联系${contact.name}，也可拨打${HOTLINE}。` }
    : { kind: "next-step", text: `办理和咨询：文件未写明具体经办单位，请拨打${HOTLINE}。` };
}

export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** A quote line: the sentence verbatim, then its marker. */
export function quoteLine(text: string, citation: Pick<Citation, "n">, kind: "quote" | "fact" = "quote", highlight?: [number, number]): AnswerLine {
  return { kind, text: `${text}[${citation.n}]`, cite: citation.n, ...(highlight ? { highlight } : {}) };
}

/** The plain-text answer: the lines in order, one per line. */
export function renderLines(lines: readonly AnswerLine[]): string {
  return lines.map((l) => l.text).join("\n");
}
