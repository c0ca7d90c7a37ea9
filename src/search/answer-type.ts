/**
 * What kind of fact a question asks for, and whether a passage can supply it.
 * "多少钱" needs an amount, "多久" a duration, "哪天" a date: a passage about the
 * right topic that states no such thing does not answer the question, and an
 * operator must not read it out as if it did.
 */
export type AnswerType = "amount" | "duration" | "date" | "ratio" | null;

/**
 * Phrasings that ask for one kind of fact. Only unambiguous ones: a money noun
 * with 标准 (缴费标准, 工资标准), a ceiling (额度, 起征点, 收入线), a percentage,
 * and a terse operator query that ends on 时间 (限行时间, 入户登记 时间). Bare
 * 多少 is left untyped: 多少用地, 多少个托位 ask for quantities no rule here names.
 */
const ASKS: [AnswerType, RegExp][] = [
  ["ratio", /(比例|比率|百分之几|几成|多少个?点)(是)?多少|比例|百分之多少/u],
  ["amount", /多少钱|几块钱|多少元|多少块|标准是多少|补(贴|助)?多少|发多少|给多少|奖励多少|罚多少|收多少|费用多少|多少费用|额度|起征点|收入线|(缴费|收费|工资)标准/u],
  ["duration", /多久|多长时间|几天|几个工作日|多少个?工作日|多少天|几个月|多长期限|时限/u],
  ["date", /哪天|哪一天|什么时候|啥时候|何时|几月几[日号]|几号|截止(日期|时间)|日期|起止时间|时间(?=\s|[？?。]|$)/u],
];

export function expectedAnswerType(question: string): AnswerType {
  for (const [type, pattern] of ASKS) if (pattern.test(question)) return type;
  return null;
}


const SUPPLIES: Record<Exclude<AnswerType, null>, RegExp> = {
  // A cap or price set as a multiple of a standard (不高于…标准的1.5倍) answers "how much" too.
  amount: /\d[\d.]*\s*(万|千|百)?\s*元|免费|减免|全额|[一二三四五六七八九十百千万\d]+\s*元|\d[\d.]*\s*倍/u,
  duration: /之日即|当日|当天|同步办理|\d[\d.]*\s*(个)?\s*(工作日|日|天|小时|个月|月|年)|[一二三四五六七八九十半]+\s*(个)?\s*(工作日|日|天|小时|个月)|即时|当场|立等可取|即来即办/u,
  // Year-level dates count: "2023年底前", "到2025年" answer "when"; so do times of day (7:00, 7时至20时).
  date: /\d{1,2}\s*月\s*\d{0,2}\s*日?|\d{4}\s*年\s*\d{1,2}\s*月|\d{4}\s*年\s*(底|末|内|前|上半年|下半年)|[到至于]\s*\d{4}\s*年|[一二三四五六七八九十]+月|春节|清明|全年|\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*时\s*(至|到|—|-)/u,
  ratio: /\d[\d.]*\s*%|百分之|\d+\s*成|比例(达到|不低于|不超过|为)/u,
};

/** True when the text contains an expression of the asked-for type (or nothing specific was asked). */
export function suppliesAnswerType(type: AnswerType, text: string): boolean {
  return type === null || SUPPLIES[type].test(text);
}

/**
 * Everything a question can ask for. The first four are the retrieval's answer
 * types (they boost and gate passages); the rest only shape the answer: which
 * value the first line must show (a person, a count, a unit, a place) and which
 * sentences it prefers (a condition, a procedure, a list).
 */
export type FactType =
  | Exclude<AnswerType, null>
  | "place"
  | "contact"
  | "person"
  | "count"
  | "unit"
  | "condition"
  | "procedure"
  | "list"
  | "none";

/**
 * Phrasings of what a question asks, for the answer, most specific first. The
 * retrieval's answer types above stay as they were tuned (bare 比例 counts
 * there, so ranking keeps its boost); here a ratio must be asked for (比例是多少),
 * so 超比例安排残疾人就业有奖励吗 asks whether there is a reward, not for a ratio.
 */
const ANSWER_ASKS: [Exclude<FactType, "none">, RegExp][] = [
  ["ratio", /(比例|比率|占比|费率|利率|增速|增长率|覆盖率)(是|为|要|能|达到|降到|不低于|不超过)?(多少|几|啥)|百分之(几|多少)|几成|多少个?点|(降|提|升|涨)(到|了)多少/u],
  ["amount", /多少钱|几块钱|多少元|多少块|多少万|(资金|经费|奖金|补贴|补助|费用?)[^，。？?]{0,6}(有|是|给|拿|发)?多少|标准是多少|补(贴|助)?多少|发多少|给多少|奖励多少|罚多少|收多少|费用多少|多少费用|额度|起征点|收入线|(缴费|收费|工资)标准|上限是多少|最高(能)?(贷|补|给|奖)多少/u],
  ["duration", /多久|多长时间|几天|几个工作日|多少个?工作日|多少天|几个月|多长期限|时限|多长/u],
  ["date", /哪天|哪一天|哪年|哪一年|什么时候|啥时候|多会儿|何时|几月几[日号]|几月份?|几号|截止(日期|时间)|日期|起止时间|从几月|时间(?=\s|[？?。]|$)/u],
  ["person", /(组长|副组长|主任|秘书长|市长|局长|书记|负责人|联系人)\s*(是|为)?\s*(谁|哪位|哪个|叫啥|叫什么)|谁(是|当|担任|任)(了)?(组长|副组长|主任|秘书长)|任命(了)?谁|谁被(任命|免)|免(去|了)谁|(组长|副组长)[\s？?]*$/u],
  ["unit", /谁(来)?(负责|管|牵头|主管|办|组织)|哪(个|些|家)?(单位|部门|机构|局)|牵头(单位|部门)?|责任单位|配合单位|找谁|归谁管|谁管|(由|归)哪|主管部门|负责(单位|部门)/u],
  ["place", /地点|选址|在哪个(场馆|地方|位置|县|区|场地)|哪个场馆|在哪(里|儿)?(办|举办|举行|建|设)|设在哪(?!个单位|个部门)|(位置|场地)(在哪|是哪)/u],
  ["contact", /电话|联系方式|手机号|热线号码|地址|门牌|哪条(街|路)|什么(街|路)上/u],
  ["list", /哪几(个|项|类|条|家|种)|有(哪些|什么|啥)(?!要求|条件)|包括(哪些|什么|啥)|都(有)?(啥|哪些)/u],
  // Only when the count is what the question ends on: 招了几个残疾人，政府给什么补贴 asks about the subsidy.
  ["count", /(多少|(?<!哪)几)(个|家|所|项|名|条|座|处|户|张|床|间|支|批|类|人次|万人|起|人(?!民))[^，,。？?]{0,8}([？?。！!]|$)|数量|(规模|总数|长度|面积)(是|有)?(多(少|大|长))?/u],
  ["procedure", /怎么(领|办|申请|办理|弄|报名|申报|享受|拿)|如何(申请|办理|领取|申报|享受)|咋(领|办|弄|申请|报名)|流程|程序|手续|步骤|需要(带|准备|提交)|要(带|准备)(什么|啥|哪些)/u],
  ["condition", /条件|资格|符合(什么|哪些|啥)|(谁|哪些人|什么人|啥人)(能|可以|才能)|够不够|满足(什么|哪些)|(有|是)(什么|啥)要求|要求是/u],
];

/** What the question asks for (for the answer; the retrieval's type is `expectedAnswerType`). */
export function askedFact(question: string): FactType {
  for (const [type, pattern] of ANSWER_ASKS) if (pattern.test(question)) return type;
  return "none";
}


/** Value patterns of the types the first line must show; person and unit values come from the parsed corpus instead. */
const VALUE: Partial<Record<FactType, RegExp>> = {
  ...SUPPLIES,
  // How often (每季度召开1次) answers 多久一次; a year's end (2025年年底以前) and 即日 answer "when".
  duration: new RegExp(`${SUPPLIES.duration.source}|每(年度?|半年|季度|月|周|旬)|(?<!\\d)[一二三四五六七八九十\\d]+\\s*年一次`, "u"),
  date: new RegExp(`${SUPPLIES.date.source}|\\d{4}\\s*年\\s*年?(底|末)|即日|每年\\d{1,2}月`, "u"),
  count:
    /\d[\d.]*\s*(万|千|百)?\s*(余|多)?\s*(个|家|所|项|名|人次|人|条|座|处|户|张|套|支|类|批|次|间|床|亩|公里|公顷|平方米|万平方米|千米)|[一二三四五六七八九十两百千万]+\s*(个|家|所|项|名|条|座|处|户|张|支|类|批|大)/u,
  place:
    /(设在|位于|落户|建在|在)[^，。；、\n]{2,24}?(中心|大厅|局|馆|场|站|园|处|室|基地|社区|街道|乡镇|村|县|区|市)|[\u4e00-\u9fff]{2,12}(体育馆|体育场|基地|公园|广场|水库|校区|会展中心)/u,
  // A phone number or a street address: a contact the documents would have to state in full.
  contact: /\d{3,4}[-—]\d{7,8}|(?<!\d)1[3-9]\d{9}(?!\d)|\d{7,8}(?!\d)|[\u4e00-\u9fff]{1,8}(街|路|大道|巷)\d+号/u,
};

/** Whether a value check exists for this type (so "the fact is not stated" can be judged). */
export function hasValuePattern(type: FactType): boolean {
  return type in VALUE;
}

/** Every span of `text` that states a value of `type` (for highlighting), in order. */
export function valueSpans(type: FactType, text: string): [number, number][] {
  const pattern = VALUE[type];
  if (!pattern) return [];
  const global = new RegExp(pattern.source, "gu");
  const spans: [number, number][] = [];
  for (const m of text.matchAll(global)) if (m[0].length) spans.push([m.index!, m.index! + m[0].length]);
  return spans;
}
