/**
 * Seam to the responsible-unit extractor (src/corpus/units/): the alias table
 * is built from ALL documents of ALL issues, then each document gets its
 * annotations, the units in force per paragraph, groups and appointments.
 * A failure inside the extractor for one document is reported, not fatal.
 */
import type { PolicyDocument, UnitAlias, UnitAnnotation } from "./types";
import type { AliasResolver } from "./units";
import { buildAliasResolver, extractAppointments, extractGroups, extractUnitAnnotations, unitsInForce } from "./units";

export type UnitProblem = (file: string, line: number | null, message: string) => void;

/** Fills paragraph.units, annotations, groups and appointments in place; returns the alias table. */
export function annotateUnits(documents: PolicyDocument[], problem: UnitProblem): UnitAlias[] {
  const aliases = buildAliasResolver(documents.map((d) => d.text));
  for (const doc of documents) {
    try {
      doc.annotations = [...extractUnitAnnotations(doc.text, doc.paragraphs, aliases), ...addresseeAnnotations(doc, aliases)].sort(
        (a, b) => a.paragraphIndex - b.paragraphIndex || a.start - b.start,
      );
      const inForce = unitsInForce(doc.paragraphs, doc.annotations);
      doc.paragraphs.forEach((p, i) => (p.units = inForce[i] ?? []));
      doc.groups = extractGroups(doc.title, doc.paragraphs);
      doc.appointments = extractAppointments(doc.paragraphs);
    } catch (e) {
      problem(doc.gazette.issueId, doc.sourceLines[0], `unit extraction failed for ${doc.docNumber}: ${(e as Error).message}`);
    }
  }
  return aliases.table();
}

/**
 * A 批复 speaks to the unit that asked for it ("你单位…要依法依规…", "请你局…办理"):
 * that addressee carries the decision out, so each paragraph that says 你单位 / 你局 /
 * 你委 / 你管委会 names it as responsible.
 */
export function addresseeAnnotations(doc: PolicyDocument, aliases: AliasResolver): UnitAnnotation[] {
  const addressee = doc.addressees.length === 1 ? doc.addressees[0]!.replace(/[：:]$/u, "") : null;
  if (doc.form !== "批复" || !addressee) return [];
  const annotations: UnitAnnotation[] = [];
  doc.paragraphs.forEach((p, paragraphIndex) => {
    const m = /你(单位|局|委|管委会|办|厅|部)/u.exec(p.text);
    if (!m || p.kind === "heading") return;
    const start = p.start + m.index;
    annotations.push({
      form: "addressee",
      raw: m[0],
      start,
      end: start + m[0].length,
      roles: [{ name: addressee, canonical: aliases.canonical(addressee), role: "responsible", generic: aliases.isGeneric(addressee) }],
      paragraphIndex,
    });
  });
  return annotations;
}
