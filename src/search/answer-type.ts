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
