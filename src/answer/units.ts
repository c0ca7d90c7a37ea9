import type { PolicyDocument } from "../corpus/types";
import type { AnswerUnit, Citation } from "./types";

const ROLE_ORDER = { lead: 0, responsible: 1, participating: 2 } as const;

/**
 * The response's `units` field: units the composer named, then every unit with a
 * role in the quoted citations (deduplicated by canonical name and role), then
 * the issuers. The answer's one units line shows only the quoted items' units;
 * this list is the structured data behind the citations.
 */
export function answerUnits(
  citations: readonly Citation[],
  documents: ReadonlyMap<string, PolicyDocument>,
  named: readonly AnswerUnit[] = [],
): AnswerUnit[] {
  const seen = new Set<string>();
  const units: AnswerUnit[] = [];
  for (const u of named) {
    const key = `${u.canonical}\u0000${u.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    units.push(u);
  }
  const roles = citations.flatMap((c) => c.units.map((u) => ({ unit: u, docNumber: c.docNumber })));
  roles.sort((a, b) => ROLE_ORDER[a.unit.role] - ROLE_ORDER[b.unit.role]);
  for (const { unit, docNumber } of roles) {
    const key = `${unit.canonical}\u0000${unit.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    units.push({ name: unit.name, canonical: unit.canonical, role: unit.role, docNumber });
  }
  for (const c of citations) {
    const doc = documents.get(c.docId);
    const key = `${c.issuer}\u0000issuer`;
    if (!doc || seen.has(key)) continue;
    seen.add(key);
    units.push({ name: doc.issuer, canonical: doc.issuer, role: "issuer", docNumber: doc.docNumber });
  }
  return units;
}
