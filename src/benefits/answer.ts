/**
 * Entitlement answers for /api/ask: "残疾人就业有什么补贴？" → the matching
 * benefit clauses one by one, each line the verbatim clause sentence followed
 * by its source and the units to contact.
 *
 * Pure: the lead's composer calls it with the question and the extracted
 * clauses, and falls back to the general answer when it returns null.
 */
import { compactForMatch } from "../text/fold";
import type { Audience, BenefitClause, BenefitKind } from "./types";

export interface BenefitAnswer {
  lines: string[];
  clauseIds: string[];
  /** The chosen clauses themselves, in answer order (same order as clauseIds). */
  clauses: BenefitClause[];
}

export const MAX_ANSWER_CLAUSES = 6;

/** Words that make a question an entitlement question (有什么补贴 / 能享受什么 / 怎么申请). */
const ENTITLEMENT =
  /补|奖|免|减|优惠|优待|优先|享受|能得到|能拿|能领|怎么领|拿到|领到|办好|好处|照顾|帮助|申请|扶持|支持|福利|待遇|救助|贷款|担保|融资|政策|钱|费|税|价格/;

/** Question words → audiences (most specific first; the first rule that matches a word wins for it). */
const QUESTION_AUDIENCES: ReadonlyArray<readonly [RegExp, Audience]> = [
  [/用人单位|招[^，。？！]{0,4}残疾人|雇[^，。？！]{0,4}残疾人|残疾(人)?员工|安排残疾人就业/, "employer"],
  [/护理员|育婴员|保育员/, "individual"],
  [/辅助性就业机构|托养机构|康复机构/, "disability-service-provider"],
  [/养老机构|养老院|敬老院|办养老|养老服务机构|养老企业/, "elderly-care-provider"],
  [/托育机构|托育园|办托育|托育企业|托儿所|照护服务机构/, "childcare-provider"],
  [/残疾|残障|残疾证|盲人|聋人|精神障碍/, "disabled"],
  [/老人|老年|高龄|空巢|失能|养老(?!机构|院|服务机构|企业)/, "elderly"],
  [/婴幼儿|宝宝|孩子|小孩|3岁|三岁|带娃|托育(?!机构|园|企业)/, "family-with-infant"],
  [/低保|低收入|困难家庭|特困/, "low-income"],
  [/企业|公司|厂|小微|个体|工商户|市场主体|专业镇|产业链|链主|商户|老板/, "enterprise"],
  [/社会组织|社会力量/, "social-organization"],
  [/买[^，。？！]{0,2}房|购房|房产证|人才|护理员|育婴员|保育员/, "individual"],
];

const QUESTION_KINDS: ReadonlyArray<readonly [RegExp, BenefitKind]> = [
  [/贷款|融资|担保|上市/, "finance"],
  [/免税|免征|减免|税|收费|费用|要钱|不要钱|免费/, "exemption"],
  [/补贴|补助|资助|救助|奖补/, "subsidy"],
  [/奖励|表彰/, "reward"],
  [/优先/, "priority"],
  [/用地|土地|房子住|公租房/, "land-facility"],
];

/**
 * Everyday words → the gazette's wording, so "装扶手" finds 适老化改造 and
 * "房产证" finds 不动产权证书. Added to the question's topic, never shown.
 */
const TOPIC_SYNONYMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/扶手|装修|改造|无障碍/, "适老化改造"],
  [/公交|坐车|乘车/, "公共汽车"],
  [/房产证|房本|产权证|拿证/, "不动产权证书交证"],
  [/开店|创业|做生意|自己干/, "自主创业"],
  [/接电|用电|通电|装电/, "用电报装"],
  [/记账|会计/, "代理记账"],
  [/水电|电费|水费|燃气费|暖气费/, "用水用电"],
  [/抵税|扣税|税前/, "应纳税所得额扣除"],
  [/捐款|捐钱/, "捐赠"],
  [/托育|托儿|入托/, "托育婴幼儿照护"],
  [/看病|医疗|吃药/, "医疗"],
  [/上学|读书|入学/, "入学教育"],
  [/租房|住房|房子/, "住房公租房"],
];

/** Words that only carry the intent or the audience; they say nothing about the topic. */
const NOISE =
  /有什么|能享受|享受|什么|哪些|怎么|如何|能不能|有没有|申请|补贴|补助|政策|支持|福利|待遇|优惠|我们|我是|我家|我想|我|的|吗|呢|啊|能|可以|有|请问|想|要|办|是|个|和|给|对|在|了|里|自己|政府|出钱|掏钱|企业|公司|残疾人|残疾|老年人|老人|婴幼儿|孩子|宝宝|家庭|家里|机构|朔州|市里/g;

export function benefitAnswer(question: string, clauses: readonly BenefitClause[]): BenefitAnswer | null {
  if (!ENTITLEMENT.test(question)) return null;
  const audiences = questionAudiences(question);
  if (audiences.length === 0) return null;
  const kinds = QUESTION_KINDS.filter(([cue]) => cue.test(question)).map(([, kind]) => kind);
  const topic = topicBigrams(question);
  const wantsTown = /专业镇/.test(question);
  const wantsChain = /产业链|链主|链核/.test(question);

  const scored = clauses
    .map((clause, order) => {
      const town = clause.requires.some((r) => r.flag === "inProfessionalTown");
      const chain = clause.requires.some((r) => r.flag === "inKeyIndustryChain");
      const relevance = scoreClause(clause, audiences, kinds, topic);
      let score = relevance.score;
      // Programme-only clauses (专业镇 / 产业链) answer questions about that programme;
      // elsewhere they rank below general ones.
      if ((wantsTown && !town) || (wantsChain && !chain)) score = 0;
      else if ((town && !wantsTown) || (chain && !wantsChain)) score -= 2;
      return { clause, order, score, hits: relevance.hits };
    })
    .filter(({ score }) => score > 0);
  if (scored.length === 0) return null;
  // A topical question is answered by the clauses that share most of its topic words.
  const maxHits = Math.max(...scored.map((s) => s.hits));
  const best = scored
    // …unless the clause gives exactly the kind asked for (免税 → the exemptions).
    .filter((s) => s.hits >= Math.ceil(maxHits / 2) || kinds.includes(s.clause.kind))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, MAX_ANSWER_CLAUSES);
  return {
    lines: best.map(({ clause }, i) => `${i + 1}. ${clause.source.sentence}${sourceAndUnits(clause)}`),
    clauseIds: best.map(({ clause }) => clause.id),
    clauses: best.map(({ clause }) => clause),
  };
}

/** Audiences a question names, most specific first. */
export function questionAudiences(question: string): Audience[] {
  const found: Audience[] = [];
  for (const [pattern, audience] of QUESTION_AUDIENCES) if (pattern.test(question) && !found.includes(audience)) found.push(audience);
  // "招残疾人的企业" asks as an employer, not as a disabled person.
  if (found.includes("employer")) return found.filter((a) => a !== "disabled");
  // "办托育的企业" asks as a provider, not as a family; "当养老护理员" as a worker, not as an old person.
  if (found.includes("childcare-provider")) return found.filter((a) => a !== "family-with-infant");
  if (/护理员|育婴员|保育员/.test(question)) return found.filter((a) => a !== "elderly" && a !== "family-with-infant");
  return found;
}

/**
 * Relevance: the audience must match (primary audience counts more), a named
 * kind adds weight, and each topic bigram of the question found in the clause
 * sentence or its headings adds weight.
 */
function scoreClause(
  clause: BenefitClause,
  audiences: readonly Audience[],
  kinds: readonly BenefitKind[],
  topic: readonly string[],
): { score: number; hits: number } {
  const rank = audiences.findIndex((a) => clause.audiences.includes(a));
  if (rank < 0) return { score: 0, hits: 0 };
  let score = clause.audiences[0] === audiences[rank] ? 3 : 2;
  if (kinds.includes(clause.kind)) score += 2;
  else if (clause.kinds.some((k) => kinds.includes(k))) score += 1;
  if (topic.length) {
    const text = searchableText(clause);
    const hits = topic.filter((bigram) => text.includes(bigram)).length;
    // A topical question ("残疾人就业…") should not be answered with an off-topic clause.
    if (hits === 0) return { score: kinds.length && kinds.includes(clause.kind) ? score - 2 : 0, hits };
    return { score: score + 2 * hits, hits };
  }
  return { score, hits: 0 };
}

const searchable = new WeakMap<BenefitClause, string>();

/** The clause sentence and its headings without spaces or punctuation, computed once per clause. */
function searchableText(clause: BenefitClause): string {
  let text = searchable.get(clause);
  if (text === undefined) {
    text = compactForMatch([clause.source.sentence, ...clause.source.sectionPath].join(""));
    searchable.set(clause, text);
  }
  return text;
}

function topicBigrams(question: string): string[] {
  const rest = compactForMatch(question.replace(NOISE, " "));
  const synonyms = TOPIC_SYNONYMS.filter(([cue]) => cue.test(question)).map(([, terms]) => terms);
  const parts = [...question.replace(NOISE, " ").split(/\s+/), ...synonyms].map(compactForMatch).filter((p) => p.length >= 2);
  const bigrams = new Set<string>();
  for (const part of parts) for (let i = 0; i + 2 <= part.length; i++) bigrams.add(part.slice(i, i + 2));
  return rest.length >= 2 ? [...bigrams] : [];
}

function sourceAndUnits(clause: BenefitClause): string {
  const units = unitList(clause);
  return `（${clause.source.docNumber}；${units ? `责任单位：${units}` : "文中未写明责任单位"}）`;
}

const ROLE_LABEL = { lead: "牵头", participating: "参与", responsible: "负责" } as const;

export function unitList(clause: BenefitClause): string {
  return clause.units.map((u) => `${u.name}（${ROLE_LABEL[u.role]}）`).join("、");
}
