/**
 * Short form ↔ full form of unit names, derived from the corpus (NOTES §4.6).
 *
 * Two sources, both checked against the texts at build time:
 *  1. KNOWN_EQUIVALENCES: pairs a reader of the gazette knows to be the same
 *     unit (市工信局 = 市工业和信息化局). They are data, not facts: an entry is
 *     used only with the forms that actually occur in the given texts, and
 *     only when its canonical form and at least one other form both occur.
 *  2. Definitions written in the text: "X（以下简称“Y”）" where X is a unit.
 *
 * The 朔州 prefix is optional everywhere (朔州市体育局 = 市体育局), so keys
 * drop "朔州" in front of 市. No full name is invented for a unit whose full
 * form the corpus does not print (市残联, 市医保局, 团市委 …).
 */
import type { UnitAlias } from "../types";
import { isGenericUnitName, looksLikeUnit } from "./unit-names";
import { nameKey } from "./text";

export interface AliasResolver {
  /** Full name from the corpus-derived table, or the name itself (normalised, 朔州 prefix dropped). */
  canonical(name: string): string;
  /** True for collective or non-specific names (市直相关部门, 各县（市、区）人民政府 …). */
  isGeneric(name: string): boolean;
  table(): UnitAlias[];
}

interface Equivalence {
  canonical: string;
  aliases: string[];
  probable?: boolean;
}

/** NOTES §4.6, canonical = the full form as printed. */
const KNOWN_EQUIVALENCES: readonly Equivalence[] = [
  { canonical: "市发展和改革委员会", aliases: ["市发改委", "市发展改革委"] },
  { canonical: "市工业和信息化局", aliases: ["市工信局"] },
  { canonical: "市人力资源和社会保障局", aliases: ["市人社局"] },
  { canonical: "市住房和城乡建设局", aliases: ["市住建局"] },
  { canonical: "市文化和旅游局", aliases: ["市文旅局"] },
  { canonical: "市卫生健康委员会", aliases: ["市卫健委"] },
  { canonical: "市市场监督管理局", aliases: ["市市场监管局"] },
  { canonical: "市行政审批服务管理局", aliases: ["市行政审批局"] },
  { canonical: "市应急管理局", aliases: ["市应急局"] },
  { canonical: "市交通运输局", aliases: ["市交通局"] },
  { canonical: "市城市管理局", aliases: ["市城管局"] },
  { canonical: "市政府金融工作办公室", aliases: ["市金融办", "市政府金融办", "朔州市人民政府金融工作办公室"] },
  { canonical: "市邮政管理局", aliases: ["市邮管局"] },
  { canonical: "朔州市人民政府国有资产监督管理委员会", aliases: ["市国资委"] },
  // The corpus never prints a longer form of the cyberspace office; 市委网信办 is the usual one.
  { canonical: "市委网信办", aliases: ["市网信办"] },
  { canonical: "中国人民银行朔州市中心支行", aliases: ["人行朔州中心支行", "人行朔州市中心支行"] },
  { canonical: "山西地方电力有限公司朔州分公司", aliases: ["地电朔州分公司"] },
  // The text never states these are one company; very likely, hence probable.
  {
    canonical: "国家电网朔州供电公司",
    aliases: ["国网朔州电力公司", "国网朔州市电力公司", "国网朔州供电公司"],
    probable: true,
  },
  { canonical: "朔州市公安局交通管理处（交通警察支队）", aliases: ["市交警支队", "市公安局交警支队"] },
  { canonical: "市税务局", aliases: ["朔州税务局"] },
  { canonical: "市体育局", aliases: ["朔州市体育局"] },
  {
    canonical: "朔州市融媒体中心（朔州广播电视台、朔州日报社、朔州市传媒集团）",
    aliases: ["市融媒体中心", "朔州融媒体中心"],
  },
];

/** Lookup key: normalised, no whitespace, 朔州 dropped in front of 市. */
export function aliasKey(name: string): string {
  return nameKey(name).replace(/^朔州(?=市)/, "");
}

/** "X（以下简称“Y”）" with X a unit; Y must name the place (市/朔州) so that 领导小组 or 工作专班 stay out. */
const DEFINED_SHORT_FORM = /([\u3400-\u9fff]{4,40})（以下简称“?([\u3400-\u9fff]{2,12})”?）/g;

export function buildAliasResolver(documentTexts: string[]): AliasResolver {
  const corpus = documentTexts.map(nameKey).join("\n");
  const entries: UnitAlias[] = [];

  for (const eq of KNOWN_EQUIVALENCES) {
    const seen = writtenForms(corpus, [eq.canonical, ...eq.aliases]);
    const canonicalSeen = seen.some((f) => aliasKey(f) === aliasKey(eq.canonical));
    if (!canonicalSeen || seen.length < 2) continue;
    entries.push({ canonical: eq.canonical, aliases: seen, ...(eq.probable ? { probable: true } : {}) });
  }

  for (const m of corpus.matchAll(DEFINED_SHORT_FORM)) {
    const full = trimToUnit(m[1]!);
    const short = m[2]!;
    if (!full || !/^(市|朔州)/.test(short)) continue;
    if (entries.some((e) => e.aliases.some((a) => aliasKey(a) === aliasKey(short)))) continue;
    entries.push({ canonical: full, aliases: writtenForms(corpus, [full, short]) });
  }

  const byKey = new Map<string, string>();
  for (const e of entries) for (const form of e.aliases) byKey.set(aliasKey(form), e.canonical);

  return {
    canonical: (name) => byKey.get(aliasKey(name)) ?? aliasKey(name),
    isGeneric: isGenericUnitName,
    table: () => entries.map((e) => ({ ...e, aliases: [...e.aliases] })),
  };
}

/**
 * Which of `forms` (and their 朔州-prefixed variants) are written in the
 * corpus. Counting uses longest-match-first, so a form counts only where it
 * is not part of a longer listed form (市场监管局 inside 市市场监管局).
 */
function writtenForms(corpus: string, forms: string[]): string[] {
  const candidates = new Set<string>();
  for (const f of forms) {
    const key = nameKey(f);
    candidates.add(key);
    if (key.startsWith("市")) candidates.add(`朔州${key}`);
  }
  const counts = countLongestFirst(corpus, [...candidates]);
  return [...candidates].filter((f) => (counts.get(f) ?? 0) > 0);
}

/** Occurrences of each form, scanning left to right and preferring the longest form at each position. */
export function countLongestFirst(text: string, forms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of scanLongestFirst(text, forms)) counts.set(m.form, (counts.get(m.form) ?? 0) + 1);
  return counts;
}

export interface FormMatch {
  form: string;
  start: number;
  end: number;
}

export function scanLongestFirst(text: string, forms: string[]): FormMatch[] {
  const byFirst = new Map<string, string[]>();
  for (const f of new Set(forms)) {
    if (f === "") continue;
    const list = byFirst.get(f[0]!) ?? [];
    list.push(f);
    byFirst.set(f[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  const out: FormMatch[] = [];
  for (let i = 0; i < text.length; ) {
    const hit = byFirst.get(text[i]!)?.find((f) => text.startsWith(f, i));
    if (hit) {
      out.push({ form: hit, start: i, end: i + hit.length });
      i += hit.length;
    } else i++;
  }
  return out;
}

export interface UnitMention {
  /** As written in `text`. */
  name: string;
  canonical: string;
  start: number;
  end: number;
}

/**
 * Unit names of the alias table mentioned in a free text (a question, a
 * paragraph), longest match first. Only table forms are found, so ordinary
 * words such as 人行天桥 or 统战部部长 never count as units.
 * `text` should already be width-normalised; offsets refer to it.
 */
export function findUnitMentions(text: string, aliases: AliasResolver): UnitMention[] {
  const forms = aliases.table().flatMap((e) => [e.canonical, ...e.aliases]).flatMap((f) => {
    const key = nameKey(f);
    return key.startsWith("市") ? [key, `朔州${key}`] : [key];
  });
  return scanLongestFirst(text, forms).map((m) => ({
    name: m.form,
    canonical: aliases.canonical(m.form),
    start: m.start,
    end: m.end,
  }));
}

/** The unit name at the end of a run of CJK text ("根据工作要求，成立X" → X), or null. */
function trimToUnit(run: string): string | null {
  const cut = run.replace(/^.*?(成立|设立|组建)/, "");
  return looksLikeUnit(cut) ? cut : null;
}
