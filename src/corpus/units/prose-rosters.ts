/**
 * Members written as prose (NOTES §4.3):
 *  - D16 2533 "成立由市委副书记、市长吴秀玲担任执委会主任；…李润军担任副主任；
 *    市政府副市长李润军兼任秘书长；…由市纪委、…等单位主要负责人担任执委会委员的组织机构。"
 *    (TITLE+NAME before 担任/兼任 ROLE)
 *  - D17 专班 "组长由副市长李润军担任，副组长由市商务局局长王志福担任，成员由市商务局相关业务科室组成。"
 *    (ROLE由 TITLE+NAME 担任, ROLE由 UNITS 组成)
 */
import type { GroupMember } from "../types";
import { isPersonName, parseUnitMembers } from "./rosters";
import { matchView, splitTopLevel } from "./text";

const ROLE = "副秘书长|秘书长|副组长|组长|副主任|主任|委员|成员";
const TITLE_END = /(长|书记|主任|常委|委员|调研员|负责人|经理|干部|主席|专员)$/;
/** TITLE+NAME(、TITLE+NAME)* 担任|兼任 (执委会|领导小组)? ROLE */
const NAME_THEN_ROLE = new RegExp(`^(?:成立)?由?(.+?)(?:担任|兼任)(?:执委会|领导小组|委员会|工作专班|专班)?(${ROLE})(?:的组织机构)?$`);
/** ROLE由 X 担任|兼任|组成 */
const ROLE_THEN_NAME = /^(组长|副组长|成员)由(.+?)(担任|兼任|组成)$/;
/** Role clauses counted by isProseRoster. Global, but only used with String.match (lastIndex is reset). */
const NAME_THEN_ROLE_CLAUSE = new RegExp(`(?:担任|兼任)(?:执委会|领导小组)?(?:${ROLE})(?:[；。，]|的组织机构)`, "g");

/** True when the paragraph reads as a prose roster (at least two role clauses). */
export function isProseRoster(text: string): boolean {
  const view = matchView(text);
  const nameThenRole = view.match(NAME_THEN_ROLE_CLAUSE);
  const roleThenName = view.match(/(?:^|[，。；])(?:组长|副组长)由/g);
  return (nameThenRole?.length ?? 0) >= 2 || (roleThenName?.length ?? 0) >= 1;
}

export function parseProseRoster(text: string): GroupMember[] {
  const view = matchView(text);
  const members: GroupMember[] = [];
  for (const span of splitTopLevel(view, { start: 0, end: view.length }, "；。，")) {
    const clause = view.slice(span.start, span.end).trim();
    const a = ROLE_THEN_NAME.exec(clause);
    if (a) {
      members.push(...(a[3] === "组成" ? unitMembers(a[2]!, a[1]!) : personMembers(a[2]!, a[1]!)));
    }
  }
  // TITLE+NAME lists are separated by ， inside one ；-clause, so split those on ；/。 only.
  for (const span of splitTopLevel(view, { start: 0, end: view.length }, "；。")) {
    const clause = view.slice(span.start, span.end).trim();
    const b = NAME_THEN_ROLE.exec(clause);
    if (!b || ROLE_THEN_NAME.test(clause) || /由.+?(担任|兼任|组成)，/.test(clause)) continue;
    const who = b[1]!;
    const units = /等单位|负责人$/.test(who);
    members.push(...(units ? unitMembers(who.replace(/等单位/, ""), b[2]!) : personMembers(who, b[2]!)));
  }
  return members;
}

function unitMembers(list: string, role: string): GroupMember[] {
  return parseUnitMembers(list).map((u) => ({ person: null, unit: u.unit, role, title: u.title }));
}

/** "市委副书记、政法委书记宋红波，市委常委、常务副市长武跃飞，…" → one member per name. */
function personMembers(list: string, role: string): GroupMember[] {
  const out: GroupMember[] = [];
  let titlePrefix: string[] = [];
  for (const token of list.split(/[，、]/).map((t) => t.trim()).filter((t) => t !== "")) {
    const split = splitTitleName(token);
    if (split) {
      out.push({ person: split.name, unit: null, role, title: [...titlePrefix, split.title].join("、") });
      titlePrefix = [];
    } else if (isPersonName(token) && titlePrefix.length === 0) {
      out.push({ person: token, unit: null, role, title: "" });
    } else {
      titlePrefix.push(token);
    }
  }
  return out;
}

/**
 * "市长吴秀玲" → {title 市长, name 吴秀玲}; "宣传部部长彭雁" → {宣传部部长, 彭雁}.
 * The title must end in a post word, so "统战部部长" alone is a title, not 统战部 + 部长.
 */
export function splitTitleName(token: string): { title: string; name: string } | null {
  for (const nameLength of [3, 2]) {
    const title = token.slice(0, token.length - nameLength);
    const name = token.slice(token.length - nameLength);
    if (title.length >= 2 && TITLE_END.test(title) && isPersonName(name)) return { title, name };
  }
  return null;
}
