import { findMarkers } from "../corpus/units/markers";
import { bracketPairs, matchView, nameKey, type Span } from "../corpus/units/text";
import type { Citation } from "./types";

type CitedUnit = Citation["units"][number];

/**
 * The units responsible for one quoted sentence of a passage, rather than
 * every unit the passage names.
 *
 * A passage often holds several duty items, each closed by its own annotation:
 * "1. …（市发改委、市商务局按职责分工负责）2. …（市发改委牵头负责）". A hotline
 * operator reading out the answer needs the units of the item that was
 * quoted. In order:
 *  1. the quoted sentence assigns the duty itself (职责分工: "市税务局负责…");
 *  2. else the first responsibility marker at or after the sentence (parsed by
 *     the corpus's marker grammar, so each unit keeps its role in this item),
 *     or failing that the first parenthesised list naming units of the
 *     passage: it closes the quoted item;
 *  3. else, when nothing ties units to the sentence, all of the passage's units.
 * A working group's member units (成员单位：…) are kept with 1 and 2: the
 * group as a whole carries its duties.
 */
export function unitsForQuote(passage: string, units: readonly CitedUnit[], quote: string): CitedUnit[] {
  const at = passage.indexOf(quote);
  if (at < 0 || units.length === 0) return [...units];
  const item = itemUnits(passage, units, quote, at);
  if (!item) return [...units];
  // A working group's passage: its duties are the group's, so its member units stay named.
  const members = rosterUnits(passage, units);
  return units.filter((u) => item.includes(u) || members.includes(u));
}

function itemUnits(passage: string, units: readonly CitedUnit[], quote: string, at: number): CitedUnit[] | null {
  const assigning = units.filter((u) => assignsDuty(quote, u.name));
  if (assigning.length) return assigning;
  const view = matchView(passage);
  // A recognised marker gives each unit its role in this item: 市发改委 may lead one
  // item of the passage and share the next.
  const marker = findMarkers(passage, false).find((m) => m.span.start >= at);
  if (marker) {
    const roles = marker.parsed.roles.map((r) => ({ key: nameKey(view.slice(r.span.start, r.span.end)), role: r.role }));
    const named = units.filter((u) => roles.some((r) => r.key === nameKey(u.name) && r.role === u.role));
    if (named.length) return named;
  }
  for (const group of outermostBracketsFrom(view, at)) {
    const text = passage.slice(group.start, group.end);
    const named = units.filter((u) => text.includes(u.name));
    if (named.length) return named;
  }
  return null;
}

/** Units of a "成员单位：…" roster line (省运会 working groups list members, then duties). */
function rosterUnits(passage: string, units: readonly CitedUnit[]): CitedUnit[] {
  const roster = /成员单位[：:]([^\n]*?)(?:工作职责|\n|$)/u.exec(passage);
  return roster ? units.filter((u) => roster[1]!.includes(u.name)) : [];
}

/** "市税务局负责…", "市发改委牵头…": the unit named as the subject of a duty verb. */
function assignsDuty(sentence: string, name: string): boolean {
  let from = sentence.indexOf(name);
  while (from >= 0) {
    const after = sentence.slice(from + name.length, from + name.length + 6);
    if (/^(?:等部门|等单位)?(?:负责|牵头|配合|会同|具体负责)/u.test(after)) return true;
    from = sentence.indexOf(name, from + 1);
  }
  return false;
}

/** Outermost （…） pairs starting at or after `from`, in order; a nested （市、区） stays inside its group. */
function outermostBracketsFrom(view: string, from: number): Span[] {
  const outer: Span[] = [];
  for (const pair of bracketPairs(view)) {
    if (pair.start < from || outer.some((o) => pair.start < o.end)) continue;
    outer.push(pair);
  }
  return outer;
}

/**
 * The responsibility annotation that closes the quoted item, as offsets in the
 * passage: "（市工商联牵头负责）" after "…建立双月政企对接沟通机制". Null when the
 * item has none (the sentence itself may assign the duty: 市税务局负责…).
 */
export function itemAnnotation(passage: string, quote: string, unitName?: string): Span | null {
  const at = passage.indexOf(quote);
  if (at < 0) return null;
  const end = at + quote.length;
  const markers = findMarkers(passage, false);
  // Inside the quote, or right after it (the annotation may follow the sentence's full stop).
  const adjacent = markers.find((m) => m.span.start >= at && m.span.start <= end + 1);
  if (adjacent || !unitName) return adjacent?.span ?? null;
  // Otherwise the annotation that names the unit: the first after the quote (it closes the item),
  // else the last before it (a heading-level annotation covering the items below).
  const naming = markers.filter((m) => passage.slice(m.span.start, m.span.end).includes(unitName));
  const after = naming.find((m) => m.span.start >= end);
  return (after ?? naming.filter((m) => m.span.end <= at).at(-1))?.span ?? null;
}
