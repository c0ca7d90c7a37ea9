/**
 * The invented issue tests/fixtures/gazettes/shuozhou-gazette-2023-05.txt (see
 * its README; never index it) was written independently of these extractors,
 * with its own expected markers, groups and appointments. Parsing it through
 * the parser and the unit extractors must give exactly those.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseGazette } from "../../../src/corpus/parse-gazette";
import {
  buildAliasResolver,
  extractAppointments,
  extractGroups,
  extractUnitAnnotations,
} from "../../../src/corpus/units/index";
import { fullWidth } from "../../../src/corpus/units/text";
import type { ExpectedDocument } from "../../fixtures/gazettes/expected";

const dir = (name: string) => fileURLToPath(new URL(`../../fixtures/gazettes/${name}`, import.meta.url));
const documents = parseGazette("shuozhou-gazette-2023-05.txt", readFileSync(dir("shuozhou-gazette-2023-05.txt"), "utf8")).documents;

const expected = (JSON.parse(readFileSync(dir("shuozhou-gazette-2023-05.expected.json"), "utf8")) as { documents: ExpectedDocument[] }).documents;
const aliases = buildAliasResolver(documents.map((d) => d.text));

describe.each(expected.map((e) => [e.docNumber, e] as const))("synthetic issue 2023-05, %s", (docNumber, e) => {
  const d = documents.find((x) => x.docNumber === docNumber)!;

  it("finds the expected responsibility markers with their roles, each in the paragraph it closes", () => {
    // Office lines ("办公室设在…") are annotations too, but not responsibility markers.
    const found = extractUnitAnnotations(d.text, d.paragraphs, aliases).filter((a) => !a.inherited && a.form !== "office-location");
    expect(found).toHaveLength(e.responsibilityMarkers.count);
    found.forEach((a, i) => {
      const want = e.responsibilityMarkers.all[i]!;
      const names = (role: string) => a.roles.filter((r) => r.role === role).map((r) => r.name);
      expect(fullWidth(a.raw)).toBe(want.raw);
      expect(d.paragraphs[a.paragraphIndex]!.text).toContain(want.paragraphSnippet);
      expect({ lead: names("lead"), participating: names("participating"), responsible: names("responsible") }).toEqual({
        lead: want.lead,
        participating: want.participating,
        responsible: want.responsible,
      });
    });
  });

  it("reads the expected groups", () => {
    const groups = extractGroups(d.title, d.paragraphs);
    expect(
      groups.map((g) => ({
        name: g.name,
        officeUnit: g.officeUnit,
        officeDirector: g.officeDirector,
        roleCounts: g.members.reduce<Record<string, number>>((acc, m) => ({ ...acc, [m.role]: (acc[m.role] ?? 0) + 1 }), {}),
        members: g.members.map((m) => ({ person: m.person, role: m.role, title: m.title })),
      })),
    ).toEqual(e.groups.map((g) => ({ name: g.name, officeUnit: g.officeUnit, officeDirector: g.officeDirector, roleCounts: g.roleCounts, members: g.members })));
  });

  it("reads the expected appointments", () => {
    expect(extractAppointments(d.paragraphs).map((a) => ({ person: a.person, action: a.action, position: a.position }))).toEqual(
      e.appointments.map((a) => ({ person: a.person, action: a.action, position: a.position })),
    );
  });
});
