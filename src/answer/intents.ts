import type { Group, PolicyDocument } from "../corpus/types";
import type { Engine } from "../engine/engine";
import type { Citation } from "../http/schemas";
import type { SearchResult } from "../search/retriever";
import { bestSentence, chineseDate, type Composed } from "./compose";
import { splitSentences } from "../text/sentences";
import { unitsForQuote } from "./quote-units";
import { roleNames } from "./units";

/**
 * Answers shaped for recognised intents. Every line is either a labelled field
 * of the parsed document (number, issuer, date, group roles) or a quoted corpus
 * sentence with its marker. Returns null to fall back to the general composer.
 */
export function renderIntent(engine: Engine, result: SearchResult, citations: readonly Citation[]): Composed | null {
  switch (result.query.intent) {
    case "doc-number":
      return renderDocument(engine, result, citations);
    case "responsibility":
      return renderResponsibility(engine, result, citations);
    case "group":
      return renderGroup(engine, result, citations);
    case "appointment":
      return renderAppointments(engine, result, citations);
    default:
      return null;
  }
}

function renderDocument(engine: Engine, result: SearchResult, citations: readonly Citation[]): Composed | null {
  const docId = result.query.document?.docId ?? citations[0]?.docId;
  const doc = docId ? engine.documentById.get(docId) : undefined;
  if (!doc) return null;
  const fromDoc = citations.filter((c) => c.docId === doc.id);
  const lines = [
    `《${doc.title}》`,
    `文号：${doc.docNumber}；发文机关：${doc.issuer}；成文日期：${chineseDate(doc.date)}；类型：${doc.type}`,
  ];
  if (doc.attachedTitle) lines.push(`印发文件：《${doc.attachedTitle}》`);
  const outline = doc.outline.filter((s) => s.level === 1).map((s) => s.title);
  if (outline.length) lines.push(`主要内容：${outline.join("；")}`);
  const quoted: string[] = [];
  const first = fromDoc[0];
  if (first) {
    const sentence = splitSentences(first.text)[0];
    if (sentence) {
      lines.push(`要点：${sentence.text}[${first.n}]`);
      quoted.push(sentence.text);
    }
  }
  return { text: lines.join("\n"), used: first ? [first] : [], quoted };
}

function renderResponsibility(engine: Engine, result: SearchResult, citations: readonly Citation[]): Composed | null {
  const withUnits = citations.filter((c) => c.units.some((u) => u.canonical)).slice(0, 3);
  if (!withUnits.length) return null;
  // Every passage with units speaks (a caller may need any of them), each with its
  // best-covering body sentence and the units of that sentence's item.
  const lines: string[] = [];
  const quoted: string[] = [];
  for (const c of withUnits) {
    const sentence = bestSentence(engine, result, c)?.text ?? splitSentences(c.text)[0]?.text;
    if (!sentence) continue;
    const units = unitsForQuote(c.text, c.units, sentence);
    lines.push(`${roleNames(units, ["lead", "responsible", "participating"])}——${sentence}[${c.n}]`);
    quoted.push(sentence);
  }
  return { text: lines.join("\n"), used: withUnits, quoted };
}

function renderGroup(engine: Engine, result: SearchResult, citations: readonly Citation[]): Composed | null {
  for (const citation of citations) {
    const doc = engine.documentById.get(citation.docId);
    const group = doc ? pickGroup(doc, result.query.text) : null;
    if (!doc || !group) continue;
    const lines = [`${group.name}（${doc.docNumber}）[${citation.n}]`];
    const byRole = new Map<string, string[]>();
    for (const m of group.members) {
      const who = m.person ? (m.title ? `${m.person}（${m.title}）` : m.person) : (m.unit ?? m.title);
      byRole.set(m.role, [...(byRole.get(m.role) ?? []), who]);
    }
    for (const [role, people] of byRole) lines.push(`${role}：${people.join("、")}`);
    if (group.officeUnit) lines.push(`办公室：设在${group.officeUnit}${group.officeDirector ? `，${group.officeDirector}` : ""}`);
    // The office is where the group's daily work is done: the unit a caller should contact.
    const office = group.officeUnit ? engine.units.find(group.officeUnit)[0] : undefined;
    const units = office
      ? [{ name: group.officeUnit!, canonical: office.canonical, role: "responsible" as const, docNumber: doc.docNumber }]
      : [];
    return { text: lines.join("\n"), used: [citation], quoted: [], units };
  }
  return null;
}

/** The group whose name shares the most characters with the question; the first one on a tie. */
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
  return best && best.members.length ? best : null;
}

function renderAppointments(engine: Engine, result: SearchResult, citations: readonly Citation[]): Composed | null {
  const citation = citations.find((c) => (engine.documentById.get(c.docId)?.appointments.length ?? 0) > 0);
  const doc = citation ? engine.documentById.get(citation.docId) : undefined;
  if (!doc || !citation) return null;
  const q = result.query.text;
  const named = doc.appointments.filter((a) => q.includes(a.person) || overlap(a.position, q) >= 4);
  const shown = named.length ? named : doc.appointments;
  const lines = shown.map((a) => `${a.action === "appoint" ? "任命" : "免去"}${a.person}${a.action === "appoint" ? "为" : ""}${a.position}${a.action === "remove" ? "职务" : ""}`);
  return {
    text: [`${doc.title}（${doc.docNumber}，${chineseDate(doc.date)}）[${citation.n}]`, ...lines].join("\n"),
    used: [citation],
    quoted: [],
  };
}

function overlap(a: string, b: string): number {
  return [...new Set(a)].filter((ch) => b.includes(ch)).length;
}
