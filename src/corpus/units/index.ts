/**
 * Responsible units and people in parsed gazette paragraphs (NOTES §4, §7.3–7.4).
 * Pure functions over repaired paragraphs; see each module for its grammar.
 */
export { buildAliasResolver, findUnitMentions, type AliasResolver, type UnitMention } from "./aliases";
export { extractUnitAnnotations } from "./annotations";
export { unitsInForce } from "./units-in-force";
export { extractGroups, findOfficeLines, type OfficeLine } from "./groups";
export { extractAppointments } from "./appointments";
