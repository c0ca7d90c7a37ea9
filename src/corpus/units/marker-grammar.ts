/**
 * The grammar of parenthesised responsibility markers (NOTES §4.1, §4.2):
 *
 *   body := 牵头单位：LIST；参与单位：LIST                         A
 *         | 责任单位：LIST                                        B
 *         | GROUP实施                                             G
 *         | SEGMENT (，SEGMENT)* (。以下均需LIST落实，不再列出)?     C*, D*, E*, F
 *         | LIST                                                  H (duty context only)
 *
 * A SEGMENT is a LIST followed by at most one role word (牵头负责, 按(照)职责分工负责,
 * 分工负责(落实), 牵头, 配合, 落实, 负责). The sequence of role words decides the
 * form and who leads, participates or is responsible. Every LIST item must
 * look like a unit name, otherwise the bracket is not a marker.
 */
import type { UnitAnnotationForm, UnitRoleKind } from "../types";
import { splitTopLevel, trimSpan, type Span } from "./text";
import { isUnitList, splitUnitList } from "./unit-list";

/** Finer than UnitAnnotationForm: which §4.1 shape the marker has (used to check the per-form counts). */
export type MarkerShape =
  | "A" // 牵头单位：…；参与单位：…
  | "B" // 责任单位：…
  | "lead" // C1 X牵头负责
  | "lead-cooperate" // C2 X牵头负责，Y配合
  | "shared" // C3, D1 X(等)按(照)职责分工负责
  | "shared-cooperate" // C4 X按职责分工负责，Y配合
  | "responsible" // C5, D3 X负责
  | "scope" // D4 X负责，Y落实。以下均需Y落实，不再列出
  | "lead-division" // D2, E1, F X牵头，Y(，Z)*(等部门)(按职责)分工负责(落实)
  | "division" // E2 X，Y分工负责落实
  | "working-group" // G …组实施
  | "unit-list"; // H bare list

export interface ParsedRole {
  /** Span of the unit name in the matching view. */
  span: Span;
  role: UnitRoleKind;
}

export interface ParsedMarker {
  shape: MarkerShape;
  form: UnitAnnotationForm;
  roles: ParsedRole[];
  /** Units that every later item of the document also applies to (D4). */
  scope: Span[];
}

export interface MarkerContext {
  /** Inside a 工作职责 list: only there may a bare unit list (form H) be a marker. */
  dutyContext: boolean;
}

const FORM_OF_SHAPE: Readonly<Record<MarkerShape, UnitAnnotationForm>> = {
  A: "lead-participating",
  B: "responsible",
  lead: "lead-responsible",
  "lead-cooperate": "lead-responsible",
  "lead-division": "lead-responsible",
  shared: "shared-responsible",
  "shared-cooperate": "shared-responsible",
  responsible: "shared-responsible",
  scope: "shared-responsible",
  division: "shared-responsible",
  "working-group": "working-group",
  "unit-list": "unit-list",
};

/**
 * Parses the body of a bracket (`body` spans the text between the brackets
 * in the matching view). Returns null when the bracket is not a marker.
 */
export function parseMarkerBody(view: string, body: Span, ctx: MarkerContext): ParsedMarker | null {
  const span = trimSpan(view, body);
  const text = view.slice(span.start, span.end);
  if (text === "") return null;
  return (
    parseLabelled(view, span, text) ??
    parseWorkingGroup(span, text) ??
    parseSegments(view, span) ??
    (ctx.dutyContext ? parseBareList(view, span) : null)
  );
}

function make(shape: MarkerShape, roles: ParsedRole[], scope: Span[] = []): ParsedMarker {
  return { shape, form: FORM_OF_SHAPE[shape], roles, scope };
}

function rolesOf(view: string, list: Span, role: UnitRoleKind): ParsedRole[] {
  return splitUnitList(view, list).map((span) => ({ span, role }));
}

/** A and B: the labelled forms of D1. */
function parseLabelled(view: string, span: Span, text: string): ParsedMarker | null {
  const a = /^牵头单位：(.+?)；\s*参与单位：(.+)$/.exec(text);
  if (a) {
    const lead = { start: span.start + "牵头单位：".length, end: span.start + "牵头单位：".length + a[1]!.length };
    const partStart = span.start + text.indexOf("参与单位：", lead.end - span.start) + "参与单位：".length;
    const part = { start: partStart, end: span.end };
    if (!isUnitList(view, lead) || !isUnitList(view, part)) return null;
    return make("A", [...rolesOf(view, lead, "lead"), ...rolesOf(view, part, "participating")]);
  }
  const leadOnly = /^牵头单位：(.+)$/.exec(text);
  if (leadOnly) {
    const lead = { start: span.start + "牵头单位：".length, end: span.end };
    return isUnitList(view, lead) ? make("A", rolesOf(view, lead, "lead")) : null;
  }
  const b = /^责任单位：(.+)$/.exec(text);
  if (b) {
    const list = { start: span.start + "责任单位：".length, end: span.end };
    return isUnitList(view, list) ? make("B", rolesOf(view, list, "responsible")) : null;
  }
  return null;
}

/** G: (市执委会竞赛组实施), (志愿者工作组实施). */
function parseWorkingGroup(span: Span, text: string): ParsedMarker | null {
  const g = /^([\u3400-\u9fff]{2,20}组)实施$/.exec(text);
  if (!g) return null;
  return make("working-group", [{ span: { start: span.start, end: span.start + g[1]!.length }, role: "responsible" }]);
}

type Verb = "lead" | "shared" | "division" | "leadOpen" | "cooperate" | "implement" | "responsible" | "none";

/** Role words at the end of a segment, longest first. */
const VERBS: ReadonlyArray<[Verb, RegExp]> = [
  ["lead", /牵头负责$/],
  ["shared", /按(?:照)?职责分工负责$/],
  ["division", /分工负责(?:落实)?$/],
  ["leadOpen", /牵头$/],
  ["cooperate", /配合$/],
  ["implement", /落实$/],
  ["responsible", /负责$/],
];

interface Segment {
  verb: Verb;
  list: Span;
}

function segmentOf(view: string, span: Span): Segment {
  const text = view.slice(span.start, span.end);
  for (const [verb, re] of VERBS) {
    const m = re.exec(text);
    if (m) return { verb, list: { start: span.start, end: span.start + m.index } };
  }
  return { verb: "none", list: span };
}

const SCOPE = /^以下均需(.+)落实，?不再列出$/;

/** C1–C5, D1–D4, E1, E2, F: lists joined by ， with role words. */
function parseSegments(view: string, span: Span): ParsedMarker | null {
  const sentences = splitTopLevel(view, span, "。").map((s) => trimSpan(view, s));
  const [main, ...rest] = sentences;
  if (!main) return null;
  const scope: Span[] = [];
  for (const sentence of rest) {
    const m = SCOPE.exec(view.slice(sentence.start, sentence.end));
    if (!m) return null;
    const list = { start: sentence.start + "以下均需".length, end: sentence.start + "以下均需".length + m[1]!.length };
    if (!isUnitList(view, list)) return null;
    scope.push(...splitUnitList(view, list));
  }

  const segments = splitTopLevel(view, main, "，").map((s) => segmentOf(view, trimSpan(view, s)));
  if (segments.length === 0 || segments.every((s) => s.verb === "none")) return null;
  if (!segments.every((s) => s.list.end > s.list.start && isUnitList(view, s.list))) return null;

  const parsed = assemble(view, segments);
  if (!parsed) return null;
  if (scope.length > 0) return make("scope", parsed.roles, scope);
  return parsed;
}

function assemble(view: string, segs: Segment[]): ParsedMarker | null {
  const first = segs[0]!;
  const verbs = segs.map((s) => s.verb);
  const tail = segs.slice(1);

  // C1 / C2: X牵头负责(，Y…配合)
  if (first.verb === "lead") {
    if (tail.length === 0) return make("lead", rolesOf(view, first.list, "lead"));
    const last = tail[tail.length - 1]!;
    if (last.verb !== "cooperate" || tail.slice(0, -1).some((s) => s.verb !== "none")) return null;
    return make("lead-cooperate", [
      ...rolesOf(view, first.list, "lead"),
      ...tail.flatMap((s) => rolesOf(view, s.list, "participating")),
    ]);
  }

  // D2 / E1 / F: X牵头，Y(，Z)* …分工负责
  if (first.verb === "leadOpen") {
    const last = tail[tail.length - 1];
    if (!last || !["shared", "division", "responsible"].includes(last.verb)) return null;
    if (tail.slice(0, -1).some((s) => s.verb !== "none")) return null;
    return make("lead-division", [
      ...rolesOf(view, first.list, "lead"),
      ...tail.flatMap((s) => rolesOf(view, s.list, "participating")),
    ]);
  }

  // C3 / C4 / C5 / D1 / D3 / D4 / E2: everybody up to the role word is responsible.
  const verbAt = verbs.findIndex((v) => v !== "none");
  const verb = verbs[verbAt]!;
  if (!["shared", "division", "responsible"].includes(verb)) return null;
  const responsible = segs.slice(0, verbAt + 1).flatMap((s) => rolesOf(view, s.list, "responsible"));
  const after = segs.slice(verbAt + 1);
  if (after.length === 0) {
    const shape: MarkerShape = verb === "division" ? "division" : verb === "shared" ? "shared" : "responsible";
    return make(shape, responsible);
  }
  if (after.length === 1 && after[0]!.verb === "cooperate") {
    return make("shared-cooperate", [
      ...responsible,
      ...rolesOf(view, after[0]!.list, "participating"),
    ]);
  }
  if (after.length === 1 && after[0]!.verb === "implement") {
    return make("responsible", [...responsible, ...rolesOf(view, after[0]!.list, "responsible")]);
  }
  return null;
}

/** H: a bare list of unit names closing a duty item (D16 attachment 2). */
function parseBareList(view: string, span: Span): ParsedMarker | null {
  if (!isUnitList(view, span)) return null;
  return make("unit-list", rolesOf(view, span, "responsible"));
}
