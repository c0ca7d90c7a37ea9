import { singleDocument, type DocNumberMatch, type DocNumberRef, type DocNumberResolver } from "./doc-number";
import type { AppliedExpansion, QueryExpander } from "./expansion";
import { askedFact, expectedAnswerType, type AnswerType, type FactType } from "./answer-type";
import { detectIntent, type Intent } from "./intent";
import type { UnitMatcher, UnitMention } from "./unit-matcher";

/** Who seems to be asking, from the wording (shapes how long and how formal the answer is). */
export type Audience = "citizen" | "operator" | "enterprise";

/**
 * Everything retrieval and answering need to know about a question: the one
 * analysis of it. Intent, asked fact and audience are decided here and nowhere
 * else; retrieval and every composer read them.
 */
export interface ParsedQuery {
  /** The text retrieval runs on (with a follow-up, the previous question too). */
  text: string;
  intent: Intent;
  /** What the question asks for: the value the first line of the answer must show. */
  asks: FactType;
  /** The kind of fact retrieval boosts and gates on (broader than `asks`, as it was tuned). */
  answerType: AnswerType;
  audience: Audience;
  docNumbers: DocNumberMatch[];
  /** The one document the question names unambiguously, if any. */
  document: DocNumberRef | null;
  /** Documents named ambiguously ("16号文" with two 16号 documents): each gets a share of the boost. */
  documentCandidates: DocNumberRef[];
  units: UnitMention[];
  expansions: AppliedExpansion[];
}

export interface QueryParserParts {
  docNumbers: DocNumberResolver;
  units: UnitMatcher;
  expander: QueryExpander;
}

export function parseQuery(text: string, parts: QueryParserParts): ParsedQuery {
  const docNumbers = parts.docNumbers.resolve(text);
  const document = singleDocument(docNumbers);
  const candidates = new Map<string, DocNumberRef>();
  for (const match of docNumbers) for (const c of match.candidates) candidates.set(c.docId, c);
  return {
    text,
    intent: detectIntent(text, docNumbers.some((m) => m.candidates.length > 0)),
    asks: askedFact(text),
    answerType: expectedAnswerType(text),
    audience: detectAudience(text, docNumbers.length > 0),
    docNumbers,
    document,
    documentCandidates: [...candidates.values()],
    units: parts.units.find(text),
    expansions: parts.expander.expand(text),
  };
}

const ENTERPRISE = /企业|公司|厂|老板|个体|工商户|商户|市场主体|投资|招商|营业执照|纳税人|我们单位|链主|园区/u;
const CITIZEN = /我|俺|咱|家里|老人|孩子|娃|咋|啥|怎么|能不能|可不可以|去哪|哪里|找谁|吗|呢|呀|啊/u;

/**
 * Enterprise wording first (a business asking is an enterprise whatever its
 * tone); then conversational wording is a citizen; terse keywords or a
 * document number without either are an operator's.
 */
function detectAudience(text: string, namesDocument: boolean): Audience {
  if (ENTERPRISE.test(text)) return "enterprise";
  if (CITIZEN.test(text)) return "citizen";
  const terse = /\s/u.test(text.trim()) || !/[？?。！!]$/u.test(text.trim());
  return namesDocument || terse ? "operator" : "citizen";
}
