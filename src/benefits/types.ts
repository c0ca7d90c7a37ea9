/**
 * Benefit clauses: "what can I get, and on what condition", as citable records.
 *
 * Every text field is corpus text as written (a substring of the cited chunk),
 * so an answer built from these records never paraphrases policy.
 */
import type { UnitRoleRef } from "../corpus/units/roles";

/** Who benefits. A clause may name several (养老和婴幼儿照护服务机构 → two providers). */
export const AUDIENCES = [
  "enterprise", // 企业 / 市场主体 / 小微企业 / 个体工商户
  "employer", // 用人单位
  "individual", // 居民 / 购房人 / 人才 / 从业人员
  "disabled", // 残疾人 and their households, children, students
  "elderly", // 老年人
  "family-with-infant", // families with children under 3 (婴幼儿家庭)
  "low-income", // 低保对象 / 低收入家庭 / 特困人员
  "childcare-provider", // 托育机构 / 婴幼儿照护服务机构
  "elderly-care-provider", // 养老机构 / 养老服务机构
  "disability-service-provider", // 辅助性就业机构 / 残疾人康复、托养设施
  "social-organization", // 社会力量 / 社会组织
] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * What is given, in tie-break order: a clause that matches several cues takes
 * the first (免征… in a financing sentence is still "finance").
 */
export const BENEFIT_KINDS = [
  "finance", // 信贷 / 贷款 / 担保 / 融资 / 上市 / 专项债
  "exemption", // 免征 / 减半征收 / 减按 / 免费 / 零投资 / 居民生活类价格
  "subsidy", // 补贴 / 补助 / 资助 / 奖补 / 救助 / 代缴
  "reward", // 奖励 / 表彰 / 激励
  "priority", // 优先…
  "inclusion", // 纳入…范围 / 管理 / 名单
  "land-facility", // 用地 / 供地 / 公租房
  "preferential-policy", // 优待 / 优惠政策 / 享受…政策 / 国民待遇
  "service", // 提供…服务 / 绿色通道 / 探访 / 上门
  "support", // 给予…支持 / 扶持 / 帮助争取
] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

/** Profile flags the eligibility finder understands (POST /api/eligibility). */
export const PROFILE_FLAGS = [
  "hiresDisabledPeople",
  "inProfessionalTown",
  "inKeyIndustryChain",
  "isChildcareProvider",
  "isElderlyCareProvider",
  "isDisabilityServiceProvider",
  "isSmallMicroEnterprise",
  "isNonProfit",
  "isDisabledPerson",
  "isElderly",
  "hasChildUnder3",
  "isLowIncome",
] as const;
export type ProfileFlag = (typeof PROFILE_FLAGS)[number];

export const AUDIENCE_TYPES = ["enterprise", "individual", "organization"] as const;
export type AudienceType = (typeof AUDIENCE_TYPES)[number];

/** A condition the finder cannot verify from a profile, quoted from the clause. */
export interface UncheckedCondition {
  /** As written in the clause, e.g. "符合条件的", "按规定", "首次突破10亿元". */
  text: string;
  /** Why it cannot be checked, in plain Chinese for the citizen. */
  reason: string;
}

/**
 * A qualifier the clause states that a profile flag can decide
 * (非营利性 → isNonProfit: true; 营利性 → isNonProfit: false).
 */
export interface FlagRequirement {
  flag: ProfileFlag;
  value: boolean;
  /** The words of the clause that impose it. */
  text: string;
  /**
   * Mandatory flags (专业镇, 产业链) must be set on the profile; others, when
   * the profile leaves them unset, become an unchecked condition instead.
   */
  mandatory: boolean;
}

/** A responsible unit of the clause's paragraph: the same shape as a citation's units. */
export type BenefitUnit = UnitRoleRef;

export interface BenefitSource {
  chunkId: string;
  docId: string;
  docNumber: string;
  docTitle: string;
  sectionPath: string[];
  /** The clause sentence, verbatim: chunk.text.slice(start, end) (trimmed of line breaks). */
  sentence: string;
  start: number;
  end: number;
}

export interface BenefitClause {
  /** `${chunkId}-b${n}`: n is the sentence ordinal in the chunk, so ids survive rule changes elsewhere. */
  id: string;
  /** Primary audience first. */
  audiences: Audience[];
  /** The beneficiary as written (对…的残疾人 → "符合自主创业、灵活就业条件的残疾人"), null when only implied by the heading. */
  beneficiary: string | null;
  /** The conditional part as written (对…的 / 符合…条件的 / 招用…的 …), null when none. */
  condition: string | null;
  kind: BenefitKind;
  /** Every kind cue the clause matched, tie-break order. */
  kinds: BenefitKind[];
  /** What is given, as written (the clause from its benefit cue on). */
  benefit: string;
  /** Amounts, rates, limits and periods as written ("5-10%", "90%", "1%以下", "6个月"). */
  amounts: string[];
  /** True for clauses a local government may or may not apply (有条件的地方可 / 鼓励 / 探索 / 争取). */
  discretionary: boolean;
  /** Responsible units of the paragraph (empty when the text names none, e.g. 专栏 boxes). */
  units: BenefitUnit[];
  /** Flags a profile must (or must not) have for the clause to apply. */
  requires: FlagRequirement[];
  /** Conditions stated in the clause that no profile flag can settle. */
  unchecked: UncheckedCondition[];
  source: BenefitSource;
}
