/**
 * The eligibility finder: which clauses apply to a small profile, and which of
 * their conditions it could not check.
 *
 * A clause applies when one of its audiences belongs to the profile's type and,
 * for a group audience (残疾人, 托育机构 …), the profile sets that group's flag;
 * its mandatory flags (专业镇, 产业链) are set; and none of its other flags is
 * contradicted. A flag the profile leaves unset, and every condition no flag
 * can settle (符合条件的, 按规定, 重度, 首次突破10亿元 …), is reported as unchecked.
 */
import { AUDIENCE_CONTEXT_FLAGS, AUDIENCE_PROFILE } from "./rules";
import type { Audience, AudienceType, BenefitClause, ProfileFlag, UncheckedCondition } from "./types";

export interface EligibilityProfile {
  audienceType: AudienceType;
  flags: Partial<Record<ProfileFlag, boolean>>;
}

export interface EligibilityMatch {
  clause: BenefitClause;
  /** The clause audience the profile was matched as. */
  audience: Audience;
  /** The clause's own unchecked conditions plus flags the profile left unset. */
  unchecked: UncheckedCondition[];
  /** True when the match rests on a group flag or 专业镇/产业链, not only on the profile type. */
  specific: boolean;
}

/** Plain-language names of flags, for "you did not say whether …". */
export const FLAG_LABELS: Record<ProfileFlag, string> = {
  hiresDisabledPeople: "是否招用（安排）残疾人就业",
  inProfessionalTown: "是否位于专业镇",
  inKeyIndustryChain: "是否属于重点产业链企业",
  isChildcareProvider: "是否为托育（婴幼儿照护）服务机构",
  isElderlyCareProvider: "是否为养老服务机构",
  isDisabilityServiceProvider: "是否为残疾人辅助性就业、康复或托养机构",
  isSmallMicroEnterprise: "是否为小微企业或个体工商户",
  isNonProfit: "是否为非营利性机构",
  isDisabledPerson: "是否为残疾人（或其家庭）",
  isElderly: "是否为老年人（或其家庭）",
  hasChildUnder3: "家中是否有3岁以下婴幼儿",
  isLowIncome: "是否为低保、低收入或经济困难家庭",
};

export function findEligible(profile: EligibilityProfile, clauses: readonly BenefitClause[]): EligibilityMatch[] {
  const matches: EligibilityMatch[] = [];
  for (const clause of clauses) {
    const match = matchClause(profile, clause);
    if (match) matches.push(match);
  }
  // Specific matches first (they answer the flags the user set); document order otherwise.
  return matches.map((m, i) => ({ m, i })).sort((a, b) => Number(b.m.specific) - Number(a.m.specific) || a.i - b.i).map(({ m }) => m);
}

export function matchClause(profile: EligibilityProfile, clause: BenefitClause): EligibilityMatch | null {
  const audience = clause.audiences.find((a) => audienceApplies(profile, a, clause));
  if (!audience) return null;
  const unchecked = [...clause.unchecked];
  let specific = AUDIENCE_PROFILE[audience].flag !== null;
  for (const requirement of clause.requires) {
    const value = profile.flags[requirement.flag];
    // The audience's own flag was already checked (低收入 names the low-income audience).
    if (requirement.flag === AUDIENCE_PROFILE[audience].flag) continue;
    if (requirement.mandatory) {
      if (value !== requirement.value) return null;
      specific = true;
    } else if (value === undefined) {
      unchecked.push({ text: requirement.text, reason: `您未说明${FLAG_LABELS[requirement.flag]}` });
    } else if (value !== requirement.value) {
      return null;
    } else {
      specific = true;
    }
  }
  if (AUDIENCE_CONTEXT_FLAGS[audience]?.some(([pattern]) => pattern.test(clause.source.sentence))) specific = true;
  return { clause, audience, unchecked, specific };
}

function audienceApplies(profile: EligibilityProfile, audience: Audience, clause: BenefitClause): boolean {
  const { types, flag } = AUDIENCE_PROFILE[audience];
  if (!types.includes(profile.audienceType)) return false;
  if (flag && profile.flags[flag] !== true) return false;
  for (const [pattern, needed] of AUDIENCE_CONTEXT_FLAGS[audience] ?? [])
    if (pattern.test(clause.source.sentence) && profile.flags[needed] !== true) return false;
  return true;
}
