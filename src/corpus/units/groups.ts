/**
 * extractGroups: leading groups, committees, 工作专班 and working groups of one
 * document (NOTES §4.3, §4.4), read top-down with a small state machine:
 *
 *  - a group opens at the document title ("关于成立/调整X领导小组的通知"), at an
 *    attachment title ("X主要职责及组成人员名单", "X组成人员及工作职责"), at a
 *    working-group heading ("（二）竞赛组织组", "（一）商贸服务工作专班。"), or at a
 *    prose roster that follows "成立X（以下简称…）";
 *  - roster labels stay in force until the next label; unlabelled rows and
 *    wrapped title tails continue them;
 *  - "…办公室设在X" and "办公室主任由Y兼任/担任" set the office of the group in force
 *    (a line before any group waits for the first one);
 *  - paragraphs after a 主要职责/工作职责 heading, and the free text of a working
 *    group, are its duties.
 */
import type { Group, GroupMember, Paragraph } from "../types";
import { isProseRoster, parseProseRoster } from "./prose-rosters";
import { isTitleContinuation, parseLabel, parseRosterValue, type RosterLabel } from "./rosters";
import { matchView, nameKey } from "./text";

export interface OfficeLine {
  paragraphIndex: number;
  unit: string;
  /** As printed between 由 and 兼任/担任, or null. */
  director: string | null;
}

const OFFICE = /办公室设在([^，。；、\s]+)/g;
const OFFICE_DIRECTOR = /办公室主任由([^，。；]+?)(?:兼任|担任)/;

/** "…办公室设在X" lines (NOTES §4.3: 15 in this issue). 设在 without 办公室 (应设在林地中心) is not one. */
export function findOfficeLines(paragraphs: readonly Paragraph[]): OfficeLine[] {
  const out: OfficeLine[] = [];
  paragraphs.forEach((p, paragraphIndex) => {
    const view = matchView(p.text);
    const director = OFFICE_DIRECTOR.exec(view)?.[1] ?? null;
    for (const m of view.matchAll(OFFICE)) out.push({ paragraphIndex, unit: m[1]!, director });
  });
  return out;
}

const GROUP_WORD = "领导小组|工作专班|专班|执行委员会|委员会|指挥部";
const TITLE_GROUP = new RegExp(`关于(?:成立|调整|设立|组建)(.+?(?:${GROUP_WORD}))(?:组成人员)?的通知`);
const ATTACHMENT_GROUP = new RegExp(`^(?!附件|[一二三四五六七八九十]+、|（)(.+?(?:${GROUP_WORD}))(?:主要职责及组成人员名单|组成人员及工作职责|组成人员名单|组成人员及主要职责)$`);
const WORKING_GROUP_HEADING = /^（[一二三四五六七八九十]+）(.{2,20}?(?:组|办公室|专班))。?$/;
const CN_PAREN_HEADING = /^（[一二三四五六七八九十]+）/;
const TOP_HEADING = /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+章)/;
const DUTY_HEADING = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)?(?:主要职责|工作职责|领导小组工作职责|领导小组主要职责)[。：]?$/;
const FOUNDED = new RegExp(`成立([\\u3400-\\u9fff]{2,40}?(?:${GROUP_WORD}))（以下简称`);

export function extractGroups(docTitle: string, paragraphs: Paragraph[]): Group[] {
  const groups: Group[] = [];
  const titleGroup = TITLE_GROUP.exec(nameKey(docTitle))?.[1] ?? null;
  let main: Group | null = null;
  let current: Group | null = null;
  let label: RosterLabel | null = null;
  let lastMember: GroupMember | null = null;
  let duties = false;
  const pendingOffices: OfficeLine[] = [];
  const offices = new Map<number, OfficeLine[]>();
  for (const line of findOfficeLines(paragraphs)) offices.set(line.paragraphIndex, [...(offices.get(line.paragraphIndex) ?? []), line]);

  const open = (name: string, paragraphIndex: number): Group => {
    const existing = groups.find((g) => g.name === name);
    if (existing) return existing;
    const g: Group = { name, members: [], officeUnit: null, officeDirector: null, duties: [], paragraphIndex };
    groups.push(g);
    for (const office of pendingOffices.splice(0)) setOffice(g, office);
    return g;
  };
  const ensureCurrent = (i: number): Group | null => {
    if (current) return current;
    if (!titleGroup) return null;
    main = current = open(titleGroup, i);
    return current;
  };
  const addMember = (g: Group, m: GroupMember) => {
    g.members.push(m);
    lastMember = m;
  };

  paragraphs.forEach((p, i) => {
    const key = nameKey(p.text).replace(/^-/, "");
    const attachment = ATTACHMENT_GROUP.exec(key);
    if (attachment) {
      main = current = open(attachment[1]!, i);
      label = null;
      duties = false;
      return;
    }
    if (WORKING_GROUP_HEADING.test(key) && (main || titleGroup)) {
      main ??= ensureCurrent(i);
      current = open(key.replace(/。$/, ""), i);
      label = null;
      lastMember = null;
      duties = true;
      return;
    }
    const topHeading = TOP_HEADING.test(key);
    if (topHeading || (CN_PAREN_HEADING.test(key) && key.length <= 20)) {
      if (topHeading) current = main;
      label = null;
      lastMember = null;
      duties = DUTY_HEADING.test(key);
      if (duties) ensureCurrent(i);
      // A heading that runs into its text ("三、工作机构领导小组下设办公室…") is read on as text.
      if (key.length <= 20) return;
    }

    const labelled = parseLabel(p.text);
    if (labelled) {
      lastMember = null;
      if (labelled.label === "工作职责") {
        duties = true;
        if (labelled.rest !== "") current?.duties.push(labelled.rest);
        return;
      }
      duties = false;
      const g = ensureCurrent(i);
      if (!g) return;
      label = labelled.label;
      addRow(g, labelled.rest, label, addMember);
      return;
    }

    if (label && current && addRow(current, p.text.replace(/^\s*-\s*/, ""), label, addMember, true)) return;
    if (label && lastMember && lastMember.person && isTitleContinuation(p.text)) {
      lastMember.title += p.text.trim().replace(/^-\s*/, "");
      return;
    }
    label = null;

    let consumed = false;
    if (isProseRoster(p.text)) {
      // A working group's own prose belongs to it; otherwise to the body the text founded ("成立X（以下简称…）").
      const founded = current && current !== main ? null : findFoundedName(paragraphs, i);
      const g = founded ? open(founded, i) : ensureCurrent(i);
      if (g) {
        for (const m of parseProseRoster(p.text)) addMember(g, m);
        consumed = true;
      }
    }
    const officeLines = offices.get(i) ?? [];
    for (const office of officeLines) {
      const g = ensureCurrent(i);
      if (g) setOffice(g, office);
      else pendingOffices.push(office);
    }
    // A prose roster paragraph states members, not duties; an office line inside a duty paragraph stays a duty.
    if (duties && current && !consumed && p.kind !== "heading" && p.kind !== "roster") current.duties.push(p.text);
  });

  return groups.filter((g) => g.members.length > 0 || g.officeUnit !== null);
}

/** Adds the members of one roster row. With `continuation`, only a NAME TITLE row counts. */
function addRow(
  g: Group,
  value: string,
  label: RosterLabel,
  add: (g: Group, m: GroupMember) => void,
  continuation = false,
): boolean {
  const parsed = parseRosterValue(value, continuation ? null : label);
  if (!parsed) return false;
  if (parsed.kind === "person") add(g, { person: parsed.name, unit: null, role: label, title: parsed.title });
  else if (continuation) return false;
  else if (parsed.kind === "names") for (const name of parsed.names) add(g, { person: name, unit: null, role: label, title: "" });
  else for (const u of parsed.units) add(g, { person: null, unit: u.unit, role: label, title: u.title });
  return true;
}

function setOffice(g: Group, office: OfficeLine): void {
  g.officeUnit ??= office.unit;
  g.officeDirector ??= office.director;
}

/** "成立山西省第十六届运动会朔州市执行委员会（以下简称…）" in this or an earlier paragraph. */
function findFoundedName(paragraphs: readonly Paragraph[], upTo: number): string | null {
  for (let i = upTo; i >= 0; i--) {
    const m = FOUNDED.exec(nameKey(paragraphs[i]!.text));
    if (m) return m[1]!;
  }
  return null;
}
