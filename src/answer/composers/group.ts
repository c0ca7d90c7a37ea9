/**
 * Leading groups, committees and 专班: the roles the parser read from the
 * roster. A question naming a role (组长是谁, 办公室主任) gets that role first and
 * highlighted; a long member list is counted, not printed (it is in the citation).
 */
import type { Group, GroupMember, PolicyDocument } from "../../corpus/types";
import type { AnswerLine } from "../types";
import type { Composer } from "./types";

/** Members of one role listed by name before the rest is counted. */
const MAX_MEMBERS_SHOWN = 4;

/** Roles a question may ask for, most specific first (副组长 before 组长). */
const ASKED_ROLES: [RegExp, (role: string) => boolean][] = [
  [/常务副组长/u, (r) => r === "常务副组长"],
  [/副组长/u, (r) => r.startsWith("副组长") || r === "常务副组长"],
  [/组长/u, (r) => r === "组长"],
  [/副主任/u, (r) => r.includes("副主任")],
  [/主任/u, (r) => r === "主任" || r.endsWith("主任") && !r.includes("副")],
  [/秘书长/u, (r) => r.includes("秘书长")],
  [/成员|委员|组成/u, (r) => r === "成员" || r === "委员"],
];

export const composeGroup: Composer = (ctx) => {
  for (const citation of ctx.citations) {
    const doc = ctx.engine.documentById.get(citation.docId);
    const group = doc ? pickGroup(doc, ctx.query.text) : null;
    if (!doc || !group) continue;
    const n = citation.n;
    const lines: AnswerLine[] = [];
    const q = ctx.query.text.replace(/\s+/gu, "");
    const asked = ASKED_ROLES.find(([cue]) => cue.test(q));
    const askedDirector = /办公室主任/u.test(q);
    const askedOffice = /办公室/u.test(q) && !askedDirector;
    const byRole = new Map<string, GroupMember[]>();
    for (const m of group.members) byRole.set(m.role, [...(byRole.get(m.role) ?? []), m]);
    const roleLine = (role: string, members: GroupMember[], kind: "fact" | "field"): AnswerLine => {
      // The first line quotes the roster's own words where they name the person with the role.
      const verbatim = kind === "fact" && members.length === 1 ? rosterWords(citation.text, members[0]!, role) : null;
      if (verbatim) return { kind, text: `${verbatim.text}[${n}]`, cite: n, highlight: verbatim.highlight };
      const names = members.slice(0, MAX_MEMBERS_SHOWN).map(who).join("、");
      const rest = members.length > MAX_MEMBERS_SHOWN ? `等${members.length}人（名单见[${n}]）` : "";
      const label = `${group.name}${role}：`;
      return { kind, text: `${label}${names}${rest}[${n}]`, cite: n, highlight: [label.length, label.length + names.length] };
    };
    const officeLine = (kind: "fact" | "field"): AnswerLine | null => {
      if (!group.officeUnit) return null;
      const label = `${group.name}办公室设在`;
      const director = group.officeDirector ? `，${group.officeDirector}` : "";
      return { kind, text: `${label}${group.officeUnit}${director}[${n}]`, cite: n, highlight: [label.length, label.length + group.officeUnit.length] };
    };
    if (askedDirector) {
      const director = directorWords(citation.text);
      if (director) lines.push({ kind: "fact", text: `${director.text}[${n}]`, cite: n, highlight: director.highlight });
    }
    if (askedOffice) {
      const office = officeLine("fact");
      if (office) lines.push(office);
    }
    if (asked && !lines.length) {
      for (const [role, members] of byRole) if (asked[1](role)) lines.push(roleLine(role, members, lines.length ? "field" : "fact"));
      // Where the group's office sits is whom a caller contacts, whatever role was asked.
      const office = lines.length && !askedOffice ? officeLine("field") : null;
      if (office) lines.push(office);
    }
    if (!lines.length) {
      // No role asked (or none of that name): the leaders, then the office; members are counted.
      for (const [role, members] of byRole) {
        if (role === "成员" || role === "委员") continue;
        lines.push(roleLine(role, members, lines.length ? "field" : "fact"));
        if (lines.length >= 2) break;
      }
      const members = (byRole.get("成员") ?? byRole.get("委员") ?? []).length;
      if (members) lines.push({ kind: "field", text: `成员：${members}人（名单见[${n}]）`, cite: n });
      const office = officeLine(lines.length ? "field" : "fact");
      if (office) lines.push(office);
    }
    if (!lines.length) continue;
    // The office is where the group's daily work is done: the unit a caller should contact.
    const office = group.officeUnit ? ctx.engine.units.find(group.officeUnit)[0] : undefined;
    const units = office ? [{ name: group.officeUnit!, canonical: office.canonical, role: "responsible" as const, docNumber: doc.docNumber }] : [];
    return { lines, used: [citation], quoted: [], units };
  }
  return null;
};

/** The roster clause that names this member ("副组长：连彩霞（市科技局局长）", "由连彩霞担任"), verbatim. */
function rosterWords(passage: string, m: GroupMember, role: string): { text: string; highlight: [number, number] } | null {
  if (!m.person) return null;
  const at = passage.indexOf(m.person);
  if (at < 0) return null;
  const start = Math.max(passage.lastIndexOf("\n", at) + 1, lastBreak(passage, at, role));
  const endBreak = passage.slice(at).search(/[，；。\n]/u);
  const end = endBreak < 0 ? passage.length : at + endBreak;
  const text = passage.slice(start, end);
  if (text.length > 60) return null;
  return { text, highlight: [at - start, at - start + m.person.length] };
}

/** Start of the clause holding `at`, widened back to the role word when it stands just before. */
function lastBreak(passage: string, at: number, role: string): number {
  const before = passage.slice(Math.max(0, at - 40), at);
  const roleAt = before.lastIndexOf(role);
  const cut = Math.max(before.lastIndexOf("，"), before.lastIndexOf("；"), before.lastIndexOf("。"), before.lastIndexOf("、"));
  const from = roleAt >= 0 && roleAt > cut - role.length ? Math.min(roleAt, cut + 1) : cut + 1;
  return Math.max(0, at - 40) + Math.max(0, from);
}

/** "办公室主任由石生华担任" as printed, with the name highlighted. */
function directorWords(passage: string): { text: string; highlight: [number, number] } | null {
  const m = /办公室主任(由|为)?([\u4e00-\u9fff]{2,4}?)(同志)?(兼任|担任)/u.exec(passage) ?? /办公室主任[：:]?([\u4e00-\u9fff]{2,4})/u.exec(passage);
  if (!m) return null;
  const name = m[2] && m.length > 3 ? m[2] : m[1]!;
  const at = m[0].indexOf(name, "办公室主任".length);
  return { text: m[0], highlight: [at, at + name.length] };
}

function who(m: GroupMember): string {
  if (m.person) return m.title ? `${m.person}（${m.title}）` : m.person;
  return m.unit ?? m.title;
}

/**
 * The group whose name shares the most characters with the question; the first
 * one on a tie. Its distinctive part (朔州市服务业发展领导小组 → 服务业发展) must be
 * mostly in the question: a question about the 一老一小 group is not answered
 * with the 服务业 group's office.
 */
function pickGroup(doc: PolicyDocument, question: string): Group | null {
  let best: Group | null = null;
  let bestScore = -1;
  for (const g of doc.groups) {
    const score = overlap(g.name, question);
    if (score > bestScore) {
      best = g;
      bestScore = score;
    }
  }
  if (!best || !best.members.length) return null;
  const core = best.name.replace(GENERIC_GROUP_WORDS, "");
  // A group named only generically (领导小组) is recognised by its document's title instead.
  const distinctive = core || doc.title.replace(/朔州市|人民政府|办公室|关于|印发|的通知|通知|方案|实施/gu, "");
  return overlap(distinctive, question) >= Math.ceil(new Set(distinctive).size * MIN_NAME_SHARE) ? best : null;
}

const GENERIC_GROUP_WORDS = /朔州市|朔州|[（(][一二三四五六七八九十]+[)）]|领导小组|工作专班|专班|执行委员会|委员会|办公室|工作组|小组|组成人员/gu;
/** Share of the distinctive characters of a group's name the question must contain. */
const MIN_NAME_SHARE = 0.6;

export function overlap(a: string, b: string): number {
  return [...new Set(a)].filter((ch) => b.includes(ch)).length;
}
