/**
 * Roster line grammar (NOTES §4.4, §6.7, App. B/C):
 *
 *   row   := [LABEL：] VALUE
 *   VALUE := NAME TITLE          吴秀玲 市委副书记、市长 / 刘 亮 市委常委、副市长
 *          | NAME (NAME)*        彭 雁 李润军 (working-group leaders)
 *          | UNIT LIST           市委组织部、…主要负责人；…  (D13 成员, 成员单位)
 *
 * Two single CJK characters in a row are one padded name (刘 亮 → 刘亮).
 * A line with no inner space that is not a label continues the previous
 * title (titles wrap: 彭 雁 市委常委、统战部部长、 / 宣传部部长).
 */
import { BLOCK_LABELS } from "../normalise";
import { looksLikeUnit } from "./unit-names";
import { matchView, splitTopLevel, trimSpan } from "./text";

/** The labels a roster row may carry (normalise.ts BLOCK_LABELS: the roster labels plus 工作职责). */
export const ROSTER_ROLES = BLOCK_LABELS;
export type RosterLabel = (typeof ROSTER_ROLES)[number];

const LABEL_RE = new RegExp(
  `^(?:-\\s*)?(${ROSTER_ROLES.map((w) => [...w].join("\\s*")).join("|")})\\s*[:：]\\s*`,
);

/** "副 组 长：…", "- 主任：…", "组 长: …" → label without spaces and the rest. */
export function parseLabel(text: string): { label: RosterLabel; rest: string } | null {
  const m = LABEL_RE.exec(text.trim());
  if (!m) return null;
  return { label: m[1]!.replace(/\s+/g, "") as RosterLabel, rest: text.trim().slice(m[0].length).trim() };
}

const TITLE_END = /(长|书记|主任|常委|委员|调研员|负责人|经理|干部|主席|专员|成员|组长|馆长|院长|校长)$/;
const TITLE_START = /^(市|副|县|区|省|中共|中国|国家|山西|朔州)/;

function isTitleLike(token: string): boolean {
  return TITLE_END.test(token) || TITLE_START.test(token);
}

/** A personal name token: 2–3 CJK characters that do not read as a post. */
export function isPersonName(token: string): boolean {
  return /^[\u3400-\u9fff]{2,3}$/.test(token) && !isTitleLike(token);
}

/** Splits on whitespace and merges padded two-character names ("刘 亮" → "刘亮"). */
export function nameTokens(value: string): string[] {
  const raw = value.trim().split(/\s+/).filter((t) => t !== "");
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    const next = raw[i + 1];
    if (/^[\u3400-\u9fff]$/.test(t) && next !== undefined && /^[\u3400-\u9fff]$/.test(next)) {
      out.push(t + next);
      i++;
    } else out.push(t);
  }
  return out;
}

export type RosterValue =
  | { kind: "person"; name: string; title: string }
  | { kind: "names"; names: string[] }
  | { kind: "units"; units: UnitMember[] };

export interface UnitMember {
  unit: string;
  /** Qualifier as printed: 主要负责人, 相关业务科室 … ("" when none). */
  title: string;
}

/** Reads the value of a roster row (after its label, if any). */
export function parseRosterValue(value: string, label: RosterLabel | null): RosterValue | null {
  const text = value.trim();
  if (text === "") return null;
  if (label === "成员单位") return { kind: "units", units: parseUnitMembers(text) };
  const tokens = nameTokens(text);
  if (tokens.length === 1 && !isPersonName(tokens[0]!)) {
    return /[、；，]/.test(text) ? { kind: "units", units: parseUnitMembers(text) } : null;
  }
  if (tokens.every(isPersonName)) return { kind: "names", names: tokens };
  const [name, ...title] = tokens;
  if (!isPersonName(name!) || /[，。；]/.test(title.join(""))) return null;
  return { kind: "person", name: name!, title: title.join("") };
}

/** A wrapped tail of the previous row's title: 局长, 宣传部部长, 传部纪检监察组组长, 总经理 … */
export function isTitleContinuation(text: string): boolean {
  const t = text.trim().replace(/^-\s*/, "");
  return (
    t.length > 0 &&
    t.length <= 15 &&
    !/\s/.test(t) &&
    !/[，。；：:,;]/.test(t) &&
    !/^[（(\d一二三四五六七八九十]/.test(t) &&
    parseLabel(t) === null &&
    !isPersonName(t)
  );
}

const QUALIFIER = /(主要负责人|相关负责人|分管负责人|负责人|相关业务科室)$/;

/**
 * "市委组织部、市委统战部相关负责人；市政府分管副秘书长；朔城区、平鲁区…右玉县人民政府主要负责人，…"
 * → one member per unit, qualifier as title. Place names before a final
 * "…人民政府" share it (朔城区、平鲁区、…右玉县人民政府).
 */
export function parseUnitMembers(text: string): UnitMember[] {
  const view = matchView(text.replace(/[。．]\s*$/, ""));
  const out: UnitMember[] = [];
  const segments = splitTopLevel(view, { start: 0, end: view.length }, "；，").flatMap((s) => {
    const seg = view.slice(s.start, s.end);
    return seg.split(/(?<=科室|负责人)和/);
  });
  for (const segment of segments) {
    const q = QUALIFIER.exec(segment.trim());
    const title = q ? q[1]! : "";
    const body = q ? segment.trim().slice(0, q.index) : segment.trim();
    const items = splitTopLevel(body, { start: 0, end: body.length }, "、及")
      .map((s) => trimSpan(body, s))
      .map((s) => body.slice(s.start, s.end))
      .filter((s) => s !== "");
    const last = items[items.length - 1];
    const shared = last?.endsWith("人民政府") ? "人民政府" : null;
    for (const item of items) {
      const unit = shared && /[区县市]$/.test(item) && !looksLikeUnit(item) ? item + shared : item;
      if (!out.some((m) => m.unit === unit)) out.push({ unit, title });
    }
  }
  return out;
}
