/**
 * extractUnitAnnotations: every responsibility annotation of one document —
 * parenthesised markers (§4.1), 职责分工 items and authority lines (§4.3) —
 * plus the roles D12's scope-setting marker hands down to every later
 * annotated item (flagged `inherited`).
 */
import type { Paragraph, UnitAnnotation, UnitRole, UnitRoleKind } from "../types";
import type { AliasResolver } from "./aliases";
import { findAuthorityLines } from "./authority-lines";
import { findDutyAssignments } from "./duty-assignments";
import { findOfficeLines } from "./groups";
import { dutyContexts, findMarkers } from "./markers";
import { fullWidth, type Span } from "./text";

export function extractUnitAnnotations(
  docText: string,
  paragraphs: Paragraph[],
  aliases: AliasResolver,
): UnitAnnotation[] {
  const own: UnitAnnotation[] = [];
  const shown = paragraphs.map((p) => fullWidth(p.text));
  const role = (i: number, span: Span, kind: UnitRoleKind): UnitRole => {
    const name = shown[i]!.slice(span.start, span.end);
    return { name, canonical: aliases.canonical(name), role: kind, generic: aliases.isGeneric(name) };
  };
  const annotation = (
    i: number,
    span: Span,
    form: UnitAnnotation["form"],
    roles: UnitRole[],
  ): UnitAnnotation => {
    const p = paragraphs[i]!;
    const start = p.start + span.start;
    const end = p.start + span.end;
    return { form, raw: docText.slice(start, end), start, end, roles, paragraphIndex: i };
  };

  const scopes: Array<{ after: number; source: UnitAnnotation; roles: UnitRole[] }> = [];
  const duty = dutyContexts(paragraphs);
  paragraphs.forEach((p, i) => {
    for (const marker of findMarkers(p.text, duty[i]!)) {
      const roles = marker.parsed.roles.map((r) => role(i, r.span, r.role));
      const a = annotation(i, marker.span, marker.parsed.form, roles);
      own.push(a);
      if (marker.parsed.scope.length > 0) {
        scopes.push({ after: i, source: a, roles: marker.parsed.scope.map((s) => role(i, s, "responsible")) });
      }
    }
  });
  for (const d of findDutyAssignments(paragraphs)) {
    own.push(annotation(d.paragraphIndex, d.span, "duty-assignment", [role(d.paragraphIndex, d.unit, d.role)]));
  }
  for (const line of findAuthorityLines(paragraphs)) {
    const roles = line.units.map((u) => role(line.paragraphIndex, u, "responsible"));
    own.push(annotation(line.paragraphIndex, line.span, "authority-line", roles));
  }
  // "办公室设在市统计局": callers asking "who handles X" are sent to the office's unit.
  for (const office of findOfficeLines(paragraphs)) {
    const at = shown[office.paragraphIndex]!.indexOf("设在" + office.unit);
    if (at < 0) continue;
    const span = { start: at + 2, end: at + 2 + office.unit.length };
    own.push(annotation(office.paragraphIndex, span, "office-location", [role(office.paragraphIndex, span, "responsible")]));
  }

  // D12: "以下均需各县（市、区）人民政府落实，不再列出" — one inherited annotation per later annotated paragraph.
  const inherited: UnitAnnotation[] = [];
  for (const scope of scopes) {
    const later = new Set(own.filter((a) => a.paragraphIndex > scope.after).map((a) => a.paragraphIndex));
    for (const paragraphIndex of later) {
      inherited.push({ ...scope.source, roles: scope.roles, paragraphIndex, inherited: true });
    }
  }
  return [...own, ...inherited].sort((a, b) => a.paragraphIndex - b.paragraphIndex || Number(!!a.inherited) - Number(!!b.inherited) || a.start - b.start);
}
