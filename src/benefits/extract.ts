/**
 * Rule-based extraction of benefit clauses over the parsed corpus.
 *
 * For every text chunk, every clause sentence (./sentences) is kept when
 *   1. its paragraph is body text in an operative section (not a heading,
 *      table row or roster; no SKIPPED_SECTIONS heading on its path; not the
 *      notice's front matter);
 *   2. it matches a benefit cue (KIND_CUES; the first in tie-break order is the kind);
 *   3. it is not excluded (EXCLUSIONS);
 *   4. a beneficiary is found: AUDIENCE_TERMS in the beneficiary phrase
 *      (对…的 / 为…提供 / 将…纳入 …), else in the sentence, else in the headings
 *      (专栏 items such as "落实两项补贴标准动态调整机制" name their group only in
 *      the heading), and the beneficiary is not a government body.
 * Conditions, amounts, flags and unchecked conditions are read from the
 * sentence (./conditions); units come from the paragraph's annotations.
 */
import type { Chunk, Paragraph, PolicyDocument } from "../corpus/types";
import { toUnitRoles } from "../corpus/units/roles";
import { amountsOf, beneficiaryPhrase, conditionText, flagRequirements, uncheckedConditions } from "./conditions";
import { AUDIENCE_TERMS, DISCRETIONARY, WEAK_AUDIENCE_TERMS, EXCLUSIONS, GRANT_RESCUE, KIND_CUES, SKIPPED_GOAL_HEADING, SKIPPED_SECTIONS } from "./rules";
import { splitSentences as clauseSentences } from "../text/sentences";
import type { Audience, BenefitClause, BenefitKind } from "./types";

export interface BenefitCorpus {
  documents: readonly PolicyDocument[];
  chunks: readonly Chunk[];
}

export function extractBenefits(corpus: BenefitCorpus): BenefitClause[] {
  const documents = new Map(corpus.documents.map((d) => [d.id, d]));
  const clauses: BenefitClause[] = [];
  for (const chunk of corpus.chunks) {
    const doc = documents.get(chunk.docId);
    if (!doc || chunk.kind !== "text") continue;
    clauseSentences(chunk.text).forEach((span, ordinal) => {
      const paragraph = paragraphAt(doc, chunk.start + span.start);
      if (!paragraph || !isOperative(paragraph)) return;
      const clause = readClause(span.text, paragraph);
      if (!clause) return;
      clauses.push({
        id: `${chunk.id}-b${ordinal}`,
        ...clause,
        units: toUnitRoles(paragraph.units),
        source: {
          chunkId: chunk.id,
          docId: chunk.docId,
          docNumber: chunk.docNumber,
          docTitle: chunk.docTitle,
          sectionPath: paragraph.sectionPath,
          sentence: span.text,
          start: span.start,
          end: span.end,
        },
      });
    });
  }
  return clauses;
}

type ClauseBody = Omit<BenefitClause, "id" | "units" | "source">;

/** The clause one sentence states, or null when it states none. Exported for unit tests. */
export function readClause(sentence: string, paragraph: Pick<Paragraph, "sectionPath">): ClauseBody | null {
  const body = stripListMarker(sentence);
  const phrase = beneficiaryPhrase(body);
  const cueText = maskQualifier(body, phrase);
  const kinds = KIND_CUES.filter(([, cue]) => cue.test(cueText)).map(([kind]) => kind);
  if (kinds.length === 0) return null;
  if (EXCLUSIONS.some((rule) => rule.pattern.test(body) && !(rule.rescuable && GRANT_RESCUE.test(body)))) return null;
  if (phrase && isGovernment(phrase.text)) return null;
  const audiences = audiencesOf(body, phrase?.text ?? null, paragraph.sectionPath);
  if (audiences.length === 0) return null;
  const discretionary = DISCRETIONARY.exec(body)?.[0] ?? null;
  const benefitStart = phrase && phrase.end < body.length ? phrase.end : 0;
  const benefit = body.slice(benefitStart).replace(/^[，,]/, "").replace(/[。；！？]$/, "") || body;
  return {
    audiences,
    beneficiary: phrase?.text ?? null,
    condition: conditionText(body, phrase),
    kind: kinds[0] as BenefitKind,
    kinds,
    benefit,
    amounts: amountsOf(body),
    discretionary: discretionary !== null,
    requires: flagRequirements(body),
    unchecked: uncheckedConditions(body, discretionary),
  };
}

/**
 * Audiences, primary first: from the beneficiary phrase when it names one,
 * then the rest of the sentence, then the headings (innermost first).
 */
function audiencesOf(sentence: string, phrase: string | null, sectionPath: readonly string[]): Audience[] {
  const found = (text: string) => {
    const strong = AUDIENCE_TERMS.filter(([, term]) => term.test(text)).map(([audience]) => audience);
    return strong.length ? strong : WEAK_AUDIENCE_TERMS.filter(([, term]) => term.test(text)).map(([audience]) => audience);
  };
  const ordered: Audience[] = [];
  const add = (list: Audience[]) => {
    for (const a of list) if (!ordered.includes(a)) ordered.push(a);
  };
  // The beneficiary phrase, when it names a party, is the whole answer: other
  // groups in the sentence are context (…提升县级特困救助供养服务机构…).
  if (phrase) {
    const named = found(phrase);
    // 对安排残疾人见习的用人单位: the employer benefits; the group only describes it.
    add(named.some((a) => PROVIDERS.includes(a)) ? named.filter((a) => !GROUPS.includes(a)) : named);
  }
  if (ordered.length === 0) add(found(sentence));
  if (ordered.length === 0) for (const heading of [...sectionPath].reverse()) add(found(heading));
  return ordered;
}

const PROVIDERS: readonly Audience[] = ["employer", "childcare-provider", "elderly-care-provider", "disability-service-provider"];
const GROUPS: readonly Audience[] = ["disabled", "elderly", "family-with-infant", "low-income"];

/**
 * Words inside 对…的 describe who qualifies (对纳入监测范围的残疾人), not what
 * is given: they are blanked (up to the last 的 of the phrase) before cue matching.
 */
function maskQualifier(body: string, phrase: ReturnType<typeof beneficiaryPhrase>): string {
  if (!phrase?.opening.startsWith("对")) return body;
  const qualifier = phrase.text.slice(0, phrase.text.lastIndexOf("的") + 1);
  if (!qualifier) return body;
  const at = body.indexOf(phrase.text);
  return body.slice(0, at) + "＿".repeat(qualifier.length) + body.slice(at + qualifier.length);
}

/** 各县（市、区）人民政府 / 市直相关部门 receive duties, not benefits. */
function isGovernment(phrase: string): boolean {
  return /(政府|部门|机关|管委会)$/.test(phrase) || /^(各级|各)?县（市、区）/.test(phrase);
}

function isOperative(p: Paragraph): boolean {
  if (p.kind === "heading" || p.kind === "table-row" || p.kind === "roster") return false;
  if (p.sectionPath.length === 0) return false;
  return !p.sectionPath.some((heading) => SKIPPED_SECTIONS.test(heading) || SKIPPED_GOAL_HEADING.test(heading));
}

/** "24. 鼓励银行…" → "鼓励银行…": list numbers are layout, not wording. */
function stripListMarker(sentence: string): string {
  return sentence.replace(/^(\d+[.．、]\s*|（[一二三四五六七八九十\d]+）)/, "");
}

function paragraphAt(doc: PolicyDocument, offset: number): Paragraph | null {
  let lo = 0;
  let hi = doc.paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = doc.paragraphs[mid]!;
    if (offset < p.start) hi = mid - 1;
    else if (offset >= p.end) lo = mid + 1;
    else return p;
  }
  return null;
}
