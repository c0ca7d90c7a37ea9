/**
 * Reading who benefits and on what condition from one clause sentence.
 * Every string returned is a substring of the sentence (as written).
 */
import { AMOUNT, FLAG_CUES, UNCHECKED_CUES } from "./rules";
import type { FlagRequirement, UncheckedCondition } from "./types";

export interface BeneficiaryPhrase {
  /** The phrase naming who benefits, e.g. "符合条件的城镇残疾人家庭". */
  text: string;
  /** The whole conditional opening as written, e.g. "对符合条件的城镇残疾人家庭". */
  opening: string;
  /** Offset just after the opening in the sentence. */
  end: number;
}

// Ordered: the first pattern that matches names the beneficiary.
const BENEFICIARY_PATTERNS: readonly RegExp[] = [
  // 对X的，… / 对X给予… / 对X按规定… (NOTES §7.1 eligibility patterns)
  /对(?![象接比标外口话照应称])于?([^，,。；]{2,60}?)(?=[，,]|给予|按规定|按照|免征|减半|优先|开展|进行|提供|实行|实施|落实|可按|可凭)/,
  // 为X提供…
  /为([^，,。；]{2,50}?)(?=提供|开展|实施)/,
  // 向X开放/提供…
  /向([^，,。；]{2,30}?)(?=开放|提供|免费)/,
  // 将X纳入…
  /将([^，,。；]{2,60}?)(?=纳入)/,
  // 帮助X争取…
  /帮助([^，,。；]{2,40}?)(?=争取)/,
];

export function beneficiaryPhrase(sentence: string): BeneficiaryPhrase | null {
  for (const pattern of BENEFICIARY_PATTERNS) {
    const m = pattern.exec(sentence);
    if (!m) continue;
    return { text: m[1]!, opening: m[0], end: m.index + m[0].length };
  }
  return null;
}

/**
 * The conditional part as written: the beneficiary opening when it states a
 * condition (…的 / 符合…), else a leading "…的，" clause (推荐残疾人稳定就业的，),
 * else a "符合…条件的" phrase anywhere.
 */
export function conditionText(sentence: string, phrase: BeneficiaryPhrase | null): string | null {
  if (phrase && /的|符合|招录|招用|安排|通过/.test(phrase.text)) return phrase.opening;
  const leading = /^[^，,。；]{2,40}的(?=[，,])/.exec(sentence);
  if (leading && !/^(对|为|将)/.test(leading[0])) return leading[0];
  const laterClause = /[，,]([^，,。；]{2,40}的)(?=[，,])/.exec(sentence);
  if (laterClause && /符合|推荐|参加|安排|招录|对/.test(laterClause[1]!)) return laterClause[1]!;
  const meets = /符合[^，,。；]{0,40}?条件的?/.exec(sentence);
  return meets ? meets[0] : null;
}

export function amountsOf(sentence: string): string[] {
  return [...new Set([...sentence.matchAll(AMOUNT)].map((m) => m[0].trim()))];
}

export function flagRequirements(sentence: string): FlagRequirement[] {
  const out: FlagRequirement[] = [];
  for (const cue of FLAG_CUES) {
    const m = cue.pattern.exec(sentence);
    if (m && !out.some((r) => r.flag === cue.flag)) out.push({ flag: cue.flag, value: cue.value, text: m[0], mandatory: cue.mandatory });
  }
  return out;
}

/** Conditions stated in the sentence that no profile flag settles, de-duplicated by text. */
export function uncheckedConditions(sentence: string, discretionary: string | null): UncheckedCondition[] {
  const out: UncheckedCondition[] = [];
  const add = (text: string, reason: string) => {
    if (!out.some((c) => c.text === text || c.text.includes(text))) out.push({ text, reason });
  };
  for (const [pattern, reason] of UNCHECKED_CUES) for (const m of sentence.matchAll(pattern)) add(m[0], reason);
  if (discretionary && !out.some((c) => c.text.includes(discretionary)))
    add(discretionary, "文件只要求争取、鼓励或有条件时实施，能否享受取决于当地执行");
  return out;
}
