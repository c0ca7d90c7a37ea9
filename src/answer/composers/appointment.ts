/** 任免: who was appointed to or removed from what, read from the parsed notice. */
import { chineseDate } from "../lines";
import type { AnswerLine } from "../types";
import { overlap } from "./group";
import type { Composer } from "./types";

/** Appointments listed when the question names none of them. */
const MAX_APPOINTMENTS = 6;

export const composeAppointment: Composer = (ctx) => {
  const citation = ctx.citations.find((c) => (ctx.engine.documentById.get(c.docId)?.appointments.length ?? 0) > 0);
  const doc = citation ? ctx.engine.documentById.get(citation.docId) : undefined;
  if (!doc || !citation) return null;
  const q = ctx.query.text;
  const named = doc.appointments.filter((a) => q.includes(a.person) || overlap(a.position, q) >= 4);
  const shown = (named.length ? named : doc.appointments).slice(0, MAX_APPOINTMENTS);
  const lines: AnswerLine[] = shown.map((a, i) => {
    const verb = a.action === "appoint" ? "任命" : "免去";
    const text = `${verb}${a.person}${a.action === "appoint" ? "为" : ""}${a.position}${a.action === "remove" ? "职务" : ""}[${citation.n}]`;
    return { kind: i === 0 ? "fact" : "field", text, cite: citation.n, highlight: [verb.length, verb.length + a.person.length] };
  });
  const more = doc.appointments.length - shown.length;
  lines.push({
    kind: "field",
    text: `依据：${doc.title}（${doc.docNumber}，${chineseDate(doc.date)}）${more > 0 && !named.length ? `，共${doc.appointments.length}项任免，全文见[${citation.n}]` : ""}`,
    cite: citation.n,
  });
  return { lines, used: [citation], quoted: [], units: [] };
};
