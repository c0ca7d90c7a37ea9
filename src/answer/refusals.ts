/**
 * What a refusal says, one small handler per reason. Every refusal says
 * plainly that the documents do not answer, and what to do instead; a
 * "fact not stated" refusal also quotes the closest passage and names its
 * unit, because the topic *is* covered and the unit can answer the rest.
 */
import type { PolicyDocument } from "../corpus/types";
import type { FactType } from "../search/answer-type";
import { chineseDate, HOTLINE, nextStepLine, quoteLine, unitsLine } from "./lines";
import type { ComposeContext } from "./composers/types";
import { itemUnits } from "./composers/shared";
import { bestSentence } from "./sentences";
import type { AnswerLine, AnswerUnit, Citation, DocumentCandidate, RefusalReason } from "./types";
import { unknownDocumentNumbers } from "./decide";

export interface Refusal {
  lines: AnswerLine[];
  /** Citations kept for reference (the closest passages); empty when nothing is close. */
  citations: Citation[];
  units: AnswerUnit[];
  candidates?: DocumentCandidate[];
}

type RefusalHandler = (ctx: ComposeContext) => Refusal;

const FACT_LABEL: Partial<Record<FactType, string>> = {
  amount: "金额或标准",
  ratio: "比例",
  date: "时间",
  duration: "时限",
  person: "人员",
  count: "数量",
  place: "地点",
  contact: "联系电话或地址",
};

const HANDLERS: Record<RefusalReason, RefusalHandler> = {
  "out-of-domain": () => ({
    lines: [
      { kind: "refusal", text: "这个问题不在本库的范围内：本库只收录政府公报刊登的政策文件，回答政策原文、发文单位和责任单位。" },
      { kind: "next-step", text: `其他问题可拨打${HOTLINE}咨询。` },
    ],
    citations: [],
    units: [],
  }),

  "no-evidence": (ctx) => {
    const missing = unknownDocumentNumbers(ctx.result).map((m) => m.text);
    const lines: AnswerLine[] = [
      {
        kind: "refusal",
        text: `${missing.length ? `本库未收录文号为${missing.join("、")}的文件。` : ""}本库收录的政府文件中没有找到能回答这个问题的内容。`,
      },
      { kind: "next-step", text: `建议拨打${HOTLINE}咨询。` },
    ];
    const related = relatedDocuments(ctx);
    if (related.length) lines.push({ kind: "source", text: `相关度最高的文件（供参考）：${related.map(docLabel).join("；")}` });
    return { lines, citations: [...ctx.citations], units: [] };
  },

  "fact-not-stated": (ctx) => {
    const closest = ctx.citations[0];
    const sentence = closest ? bestSentence(closest, ctx.terms) : null;
    const label = FACT_LABEL[ctx.query.asks] ?? "内容";
    const lines: AnswerLine[] = [{ kind: "refusal", text: `文件提到了${topicPhrase(ctx)}，但没有写明具体${label}。` }];
    let units: AnswerUnit[] = [];
    if (closest && sentence) {
      lines.push(quoteLine(sentence.text, closest));
      units = itemUnits(closest, sentence.text);
      const line = unitsLine(units);
      if (line) lines.push(line);
    }
    lines.push(nextStepLine(units));
    return { lines, citations: [...ctx.citations], units };
  },

  ambiguous: (ctx) => {
    const candidates = ctx.query.documentCandidates
      .map((c) => ctx.engine.documentById.get(c.docId))
      .filter((d): d is PolicyDocument => !!d)
      .map((d) => ({ docId: d.id, docNumber: d.docNumber, title: d.title, date: d.date }));
    const named = ctx.query.docNumbers.find((m) => m.candidates.length > 1)?.text ?? ctx.query.text;
    const lines: AnswerLine[] = [
      { kind: "clarify", text: `「${named}」对应${candidates.length}份文件，请选择要查的是哪一份：` },
      ...candidates.map((c): AnswerLine => ({ kind: "field", text: `${c.docNumber}《${c.title}》（${chineseDate(c.date)}）` })),
    ];
    return { lines, citations: [], units: [], candidates };
  },
};

export function refuse(ctx: ComposeContext, reason: RefusalReason): Refusal {
  return HANDLERS[reason](ctx);
}

/**
 * The topic as the user put it: the stretch of the question from its first to
 * its last content word that the closest passage contains ("残疾人两项补贴标准"),
 * or those words joined when they lie far apart.
 */
function topicPhrase(ctx: ComposeContext): string {
  const closest = ctx.citations[0];
  const haystack = closest ? (closest.text + closest.sectionPath.join("") + closest.docTitle).toLowerCase() : "";
  const q = ctx.query.text;
  const covered = ctx.terms
    .filter((t) => haystack.includes(t.term) || t.alternatives.some((a) => haystack.includes(a)))
    .map((t) => ({ term: t.term, at: q.toLowerCase().indexOf(t.term) }))
    .filter((t) => t.at >= 0)
    .sort((a, b) => a.at - b.at);
  if (!covered.length) return "相关内容";
  const start = covered[0]!.at;
  const end = Math.max(...covered.map((t) => t.at + t.term.length));
  const stretch = q.slice(start, end);
  if (stretch.length <= 16 && !/[，,。？?！!\s]/u.test(stretch)) return `“${stretch}”`;
  return covered.slice(0, 3).map((t) => `“${t.term}”`).join("、");
}

function relatedDocuments(ctx: ComposeContext): PolicyDocument[] {
  const ids = [...new Set(ctx.citations.slice(0, 3).map((c) => c.docId))];
  return ids.map((id) => ctx.engine.documentById.get(id)).filter((d): d is PolicyDocument => !!d);
}

function docLabel(d: PolicyDocument): string {
  return `《${d.title}》（${d.docNumber}）`;
}
