/**
 * The public view of a unit's role in a passage: what citations, document
 * passages and benefit clauses carry (name, canonical name, role), without the
 * corpus-internal `generic` marker. Shared by index build (benefit extraction)
 * and serving (citations, GET /api/documents/{id}).
 */
import type { UnitRole } from "../types";

export type UnitRoleRef = Pick<UnitRole, "name" | "canonical" | "role">;

export function toUnitRoles(units: readonly UnitRole[]): UnitRoleRef[] {
  return units.map(({ name, canonical, role }) => ({ name, canonical, role }));
}
