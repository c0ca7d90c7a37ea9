/**
 * The rule tables of benefit extraction (NOTES.md §7.1). Data only: the
 * extractor (./extract) applies them in the order documented there.
 *
 * A benefit clause is a sentence, in an operative part of a document, that
 * states something a party outside government receives. It needs
 *   1. a benefit cue (KIND_CUES),
 *   2. a beneficiary (AUDIENCE_TERMS in the sentence, else in its headings),
 *   3. and must not be excluded (EXCLUSIONS: encouragement without a grant,
 *      rewards to government bodies, obligations, capacity building …).
 */
import type { Audience, BenefitKind, ProfileFlag } from "./types";

/**
 * Sections that describe the past, the goals, the scope or the organisation,
 * never a grant: 发展现状 / 前言 / 目标 / 认定标准 / 领导小组 … (matched on every heading of the path).
 */
export const SKIPPED_SECTIONS =
  /发展现状|实施背景|发展基础|趋势判断|面临的问题|存在问题|前言|指导思想|推进步骤|认定标准|主要职责|组成人员|工作机构|职责分工|组织领导|考核激励|政策落实机制|高效服务机制|严格监管评价|实施机制|工作机制|主要指标|发展指标/;

/** Goal sections, recognised only as the whole heading ("（二）发展目标"), not inside one ("表彰达到预期发展目标的专业镇"). */
export const SKIPPED_GOAL_HEADING = /^(（[一二三四五六七八九十\d]+）|[一二三四五六七八九十]+、|\d+[.．])?\s*(发展目标|主要目标|总体目标|具体目标|目标任务)[。.]?$/;

/** Benefit cues per kind, in BENEFIT_KINDS tie-break order. */
export const KIND_CUES: ReadonlyArray<readonly [BenefitKind, RegExp]> = [
  ["finance", /信贷|贷款|融资(渠道|难题|成本|贷款|担保)|担保费率|上市|专项债|金融支持|扶持资金/],
  [
    "exemption",
    /免征|减半征收|减按|免收|减免|减税降费|不增收|准予[^。；]{0,20}扣除|零投资|零成本|免费|低收费|居民生活类价格|费率[^。；]{0,6}下降|降低[^。；]{0,6}费率|下降至/,
  ],
  ["subsidy", /补贴|补助|资助|奖补|代缴|救助(?!衔接|与疏散|较为困难)|渐退期|专项资金/],
  ["reward", /奖励|表彰|予以[^。；]{0,4}激励/],
  ["priority", /(?<!普惠)优先(?!评定|控制|评估|保护|建设)/],
  ["inclusion", /纳入[^。；]{0,30}(范围|名单|资源库|医联体|基本公共服务)/],
  ["land-facility", /划拨供地|建设用地指标|用地需求|公租房|土地出让底价|存量低效用地|新增建设用地/],
  ["preferential-policy", /优待|优惠政策|优惠电价|享受[^。；]{0,20}政策|享有|国民待遇|首台套|用足用好[^。；]{0,20}政策/],
  [
    "service",
    /(为|对|向)[^。；]{1,40}(提供|开展)[^。；]{0,60}(服务(?!清单|机构)|便利|渠道|帮助|指导)|为[^。；]{1,30}办理|绿色通道|探访|探视|走访|帮扶(?!机制|政策|基地)|便利化?服务|即可领取|即交证|个工作日内完成|无需|不再重复|直供到户|教育安置|就近就便|一人一策|签约服务|公益广告|统筹保障|寻亲|平等待遇|用工专区|照护服务指导|家庭(实施)?无障碍改造|家庭(开展)?适老化改造|(保障|满足)[^。；]{0,40}(特困|老年)[^。；]{0,30}服务需求|(残疾|老年|婴幼儿)[^。；]{0,20}等服务|做好[^。；]{0,30}(患者|残疾人|老年人)[^。；]{0,20}保障工作|服务企业(用工)?需求/,
  ],
  ["support", /给予[^。；]{0,12}支持|扶持|帮助[^。；]{0,8}争取|争取[^。；]{0,8}支持|学历提升/],
];

/**
 * Beneficiary terms, most specific first: the first term found in the
 * beneficiary phrase (or, failing that, the sentence) gives the primary audience.
 */
export const AUDIENCE_TERMS: ReadonlyArray<readonly [Audience, RegExp]> = [
  ["employer", /用人单位/],
  ["disability-service-provider", /辅助性就业机构|残疾人康复、托养设施|辅助性就业服务/],
  ["elderly", /养老服务对象/],
  ["elderly-care-provider", /养老机构|养老服务机构|养老和婴幼儿照护服务机构|敬老院|日间照料中心|养老托育|养老、托育项目|养老服务设施|社区养老服务|养老、婴幼儿照护服务/],
  ["childcare-provider", /托育机构|婴幼儿照护服务机构|婴幼儿照护服务的(收入|房产)|婴幼儿照护服务设施|照护服务机构/],
  ["social-organization", /社会力量/],
  ["family-with-infant", /特定家庭|婴幼儿家庭|婴幼儿(?!照护服务(机构|设施|的))/],
  ["disabled", /残疾|精神障碍|盲人|聋人|重性精神病/],
  ["elderly", /老年人|(?<!兼顾)老人|特困对象|特困人员|适老化/],
  ["low-income", /低保对象|低收入|特困/],
  ["enterprise", /企业|市场主体|个体工商户|用地主体|开发建设单位/],
  ["individual", /购房人|群众|人才|传承人|终端用户|居民|养老护理员|育婴员|保育员/],
];

/**
 * Places and programmes that stand for the enterprises in them (专业镇, 产业链,
 * 项目) and, last resort, a tax preference with no named party (taxpayers).
 * Used only when AUDIENCE_TERMS find nobody, so "资助项目" never turns a
 * students' grant into an enterprise benefit.
 */
export const WEAK_AUDIENCE_TERMS: ReadonlyArray<readonly [Audience, RegExp]> = [
  ["enterprise", /专业镇|产业链|项目|税收优惠/],
];

/**
 * What rescues a sentence from the "encouragement", "capacity building" and
 * "enforcement" exclusions: a grant verb or a concrete benefit for a party.
 */
export const GRANT_RESCUE =
  /给予|予以|免费|免征|减半|减免|优先(?!建设)|救助(安置|力度|标准|水平)|医疗救助|司法救助|申请[^。；]{0,10}(补贴|奖补|奖励)|争取[^。；]{0,10}(奖励|补助|奖补|资金|支持)|企业上市|无需|不再重复|做好[^。；]{0,30}(患者|残疾人|老年人)[^。；]{0,20}保障工作|对[^。；]{1,40}提供|为[^。；]{1,30}(提供|办理|开展|实施)|向[^。；]{1,20}(提供|开放)|纳入[^。；]{0,30}范围|享受|资助|走访|探访|一人一策|绿色通道|即交证|零成本|安置|签约服务|补贴(制度|奖励|试点|支持)|落实[^。；]{0,20}补贴|实行|家庭(实施)?无障碍改造|家庭(开展)?适老化改造|(残疾|老年|婴幼儿)[^。；]{0,20}等服务|就近就便|(保障|满足)[^。；]{0,40}(特困|老年)[^。；]{0,30}服务需求|便利化?服务|信贷|贷款|担保费率|下降至|融资难题|服务企业(用工)?需求|公益广告|用足用好|直供到户/;

export interface Exclusion {
  reason: string;
  pattern: RegExp;
  /** When true, GRANT_RESCUE in the same sentence keeps it. */
  rescuable: boolean;
}

/** Sentences that carry a cue word but grant nothing. */
export const EXCLUSIONS: readonly Exclusion[] = [
  { reason: "reward or duty of a government body", pattern: /县（市、区）政府给予|督办|通报|考核|问责/, rescuable: false },
  { reason: "emergency response, not an entitlement", pattern: /疏散/, rescuable: false },
  { reason: "scope of a reform, not a grant", pattern: /适用于/, rescuable: false },
  { reason: "designation of towns", pattern: /专业镇名单|专业镇认定/, rescuable: false },
  { reason: "recognition campaign", pattern: /评选表彰活动|评选活动/, rescuable: false },
  { reason: "support for an industry, base or training pipeline", pattern: /扶持(和规范)?[^。；，]{0,12}(行业|基地|培养)/, rescuable: false },
  { reason: "allocation of public funds", pattern: /资金优先/, rescuable: false },
  { reason: "encouragement of employers", pattern: /推动有条件的用人单位/, rescuable: false },
  { reason: "a condition on providers, not a grant", pattern: /享受政府补助、提供普惠服务/, rescuable: false },
  {
    reason: "encouragement without a grant",
    pattern: /^(鼓励|引导|倡导|支持[^。；，]{0,20}(设置|接收|建设|发展|开展|利用|建立|提升|推广|参加|布局|打造|上规|创新|围绕|举办|拓宽))/,
    rescuable: true,
  },
  {
    reason: "capacity building or planning",
    pattern:
      /^(进一步)?(加强|完善|健全|推进|加快|推动|制定|建立|建设|优化|深化|统筹|充分发挥|发挥|增强|提升|严格落实|严格执行|规范|组织|持续|积极推进|积极发展|发展|开展|加大|强化|探索|积极探索|广泛开展|实施)/,
    rescuable: true,
  },
  { reason: "enforcement against others", pattern: /查处|打击|整治|清理|严禁|不得/, rescuable: true },
];

/** Words that make a clause discretionary: it may not be offered everywhere. */
export const DISCRETIONARY = /有条件的(地方|县（市、区）|村（社区）)?|可(通过|对|以|凭|申请|按)|鼓励|探索|争取|力争|帮助/;

/** Amounts, rates, limits and periods as written. */
export const AMOUNT =
  /(不低于|不高于|不少于|不超过|以上|以下|以内)?[\d０-９]+(\.\d+)?(\s*[-—–]\s*[\d.]+)?\s*(%|％|亿元|万元|元|个月|个工作日|千瓦|周岁|倍|户|名|个)(以上|以下|以内|及以下)?/g;

/**
 * Profile flags a clause's words require. `true` = must hold; `false` = must not
 * (营利性 → not non-profit). `mandatory` flags exclude a profile that does not
 * set them; other flags only become an unchecked condition when left unset.
 */
export interface FlagCue {
  flag: ProfileFlag;
  value: boolean;
  pattern: RegExp;
  mandatory: boolean;
}

export const FLAG_CUES: readonly FlagCue[] = [
  { flag: "inProfessionalTown", value: true, pattern: /专业镇/, mandatory: true },
  { flag: "inKeyIndustryChain", value: true, pattern: /产业链|链主|链核/, mandatory: true },
  { flag: "isNonProfit", value: true, pattern: /非营利性/, mandatory: false },
  { flag: "isNonProfit", value: false, pattern: /(?<!非)营利性/, mandatory: false },
  { flag: "isSmallMicroEnterprise", value: true, pattern: /小微企业|中小微企业|中小企业|个体工商户/, mandatory: false },
  { flag: "isLowIncome", value: true, pattern: /经济困难|低收入|低保对象|特困|困难残疾人|困难家庭|困难重度|特殊困难|困难老年人|困难精神/, mandatory: false },
];

/** Audience → the profile it belongs to and the flag that proves membership. */
export const AUDIENCE_PROFILE: Record<Audience, { types: readonly ("enterprise" | "individual" | "organization")[]; flag: ProfileFlag | null }> = {
  enterprise: { types: ["enterprise"], flag: null },
  employer: { types: ["enterprise", "organization"], flag: null },
  individual: { types: ["individual"], flag: null },
  disabled: { types: ["individual"], flag: "isDisabledPerson" },
  elderly: { types: ["individual"], flag: "isElderly" },
  "family-with-infant": { types: ["individual"], flag: "hasChildUnder3" },
  "low-income": { types: ["individual"], flag: "isLowIncome" },
  "childcare-provider": { types: ["enterprise", "organization"], flag: "isChildcareProvider" },
  "elderly-care-provider": { types: ["enterprise", "organization"], flag: "isElderlyCareProvider" },
  "disability-service-provider": { types: ["enterprise", "organization"], flag: "isDisabilityServiceProvider" },
  "social-organization": { types: ["organization"], flag: null },
};

/** Flags an audience needs when the clause names a group with it (对安排残疾人见习的用人单位 → hires disabled people). */
export const AUDIENCE_CONTEXT_FLAGS: Partial<Record<Audience, ReadonlyArray<readonly [RegExp, ProfileFlag]>>> = {
  employer: [[/残疾/, "hiresDisabledPeople"]],
};

/** Conditions no flag can settle, with the reason given to the user. */
export const UNCHECKED_CUES: ReadonlyArray<readonly [RegExp, string]> = [
  [/符合[^，。；]{0,40}?(条件|标准|规划|目录|范围)的?/g, "具体条件在文件中未写明或须由主管部门审核"],
  [/按(照)?(有关|相关)?规定|按照相关规则|按程序|按照相关人才政策/g, "标准和额度按其他规定执行，本文未写明"],
  [/持《中华人民共和国残疾人证》的?/g, "须持有残疾人证"],
  [/重度|一、二级|三级智力|三级精神|失能失智|失能|高龄|独居|空巢|留守|孤儿|事实无人抚养|生活不能自理/g, "残疾等级、年龄或生活状况须经认定"],
  [/[\d]+[—-][\d]+周岁/g, "有年龄限制"],
  [/(首次|新)(突破|进入|获评|入选)[^，。；]{0,16}/g, "须达到文中所列的业绩门槛"],
  [/有条件的(地方|县（市、区）|村（社区）)?/g, "取决于当地是否实施"],
  [/高层次人才|领军企业|骨干企业|龙头企业|“链主”|“链核”|主导产业企业|重点项目|重大项目/g, "须经认定属于文中所列的对象"],
  [/人均收入超过当地低保标准后/g, "取决于家庭收入核算"],
];
