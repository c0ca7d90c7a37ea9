import type { PolicyDocument, UnitRoleKind } from "../corpus/types";
import type { AnswerUnit, Citation } from "../http/schemas";

const ROLE_LABEL = { lead: "牵头", participating: "参与", responsible: "责任" } as const;
const ROLE_ORDER = { lead: 0, responsible: 1, participating: 2 } as const;

/** Units the composer named, then units with a role in the given citations (deduplicated by canonical name and role), then the issuers. */
export function answerUnits(
  citations: readonly Citation[],
  documents: ReadonlyMap<string, PolicyDocument>,
  named: readonly AnswerUnit[] = [],
): AnswerUnit[] {
  const seen = new Set(named.map((u) => `${u.canonical}\u0000${u.role}`));
  const units: AnswerUnit[] = [...named];
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

/** "责任单位：牵头：市民政局、市残联；参与：市财政局" — or null when no unit has a role. */
export function unitsLine(units: readonly AnswerUnit[]): string | null {
  const roles = roleNames(units, ["lead", "participating", "responsible"]);
  return roles ? `责任单位（${roles}）` : null;
}

/**
 * "牵头：市民政局、市残联；参与：市财政局": the names of each role in `order`
 * (deduplicated, in first-seen order; roles without a unit left out), or "" when none has one.
 */
export function roleNames(units: readonly Pick<AnswerUnit, "name" | "role">[], order: readonly UnitRoleKind[]): string {
  const parts: string[] = [];
  for (const role of order) {
    const names = [...new Set(units.filter((u) => u.role === role).map((u) => u.name))];
    if (names.length) parts.push(`${ROLE_LABEL[role]}：${names.join("、")}`);
  }
  return parts.join("；");
}
