/**
 * Seam to the responsible-unit extractor (src/corpus/units/): the alias table
 * is built from ALL documents of ALL issues, then each document gets its
 * annotations, the units in force per paragraph, groups and appointments.
 * A failure inside the extractor for one document is reported, not fatal.
 */
import type { PolicyDocument, UnitAlias } from "./types";
import { buildAliasResolver, extractAppointments, extractGroups, extractUnitAnnotations, unitsInForce } from "./units";

export type UnitProblem = (file: string, line: number | null, message: string) => void;

/** Fills paragraph.units, annotations, groups and appointments in place; returns the alias table. */
export function annotateUnits(documents: PolicyDocument[], problem: UnitProblem): UnitAlias[] {
  const aliases = buildAliasResolver(documents.map((d) => d.text));
  for (const doc of documents) {
    try {
      doc.annotations = extractUnitAnnotations(doc.text, doc.paragraphs, aliases);
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
