import { foldWidth } from "../text/fold";

/** One row of src/data/query-expansion.json: how citizens say it → how the gazette says it. */
export interface ExpansionEntry {
  colloquial: string;
  terms: string[];
}

export interface AppliedExpansion {
  colloquial: string;
  terms: string[];
}

/**
 * Applies the colloquial → policy-term table. Longer keys are tried first and a
 * matched span is not reused, so 养老院 does not also fire 老.
 *
 * A key with "…" is a separable word (离合词): its parts may stand a few
 * characters apart, as people say 免哪些税 or 办个证. "免…税" matches 免 followed
 * within four characters of the same clause by 税.
 */
export class QueryExpander {
  /** `pattern` only for separable keys: plain keys use indexOf, which is much cheaper per question. */
  private readonly entries: { colloquial: string; pattern: RegExp | null; terms: string[] }[];

  constructor(entries: readonly ExpansionEntry[]) {
    this.entries = [...entries]
      .map((e) => {
        const colloquial = foldWidth(e.colloquial);
        return { colloquial, pattern: colloquial.includes("…") ? separablePattern(colloquial) : null, terms: e.terms };
      })
      .sort(
        (a, b) =>
          keyLength(b.colloquial) - keyLength(a.colloquial) ||
          // A whole word before its separable form: 免税 as written is 免税, not 免…税.
          Number(a.colloquial.includes("…")) - Number(b.colloquial.includes("…")) ||
          a.colloquial.localeCompare(b.colloquial),
      );
  }

  expand(question: string): AppliedExpansion[] {
    const text = foldWidth(question);
    const used = new Array<boolean>(text.length).fill(false);
    const applied: AppliedExpansion[] = [];
    for (const entry of this.entries) {
      for (const { at, matched } of occurrences(text, entry)) {
        const span = used.slice(at, at + matched.length);
        if (span.some(Boolean)) continue;
        span.forEach((_, i) => (used[at + i] = true));
        // A term the user already wrote adds nothing.
        const terms = entry.terms.filter((t) => !text.includes(foldWidth(t)));
        if (terms.length) applied.push({ colloquial: matched, terms });
        break;
      }
    }
    return applied;
  }
}

function* occurrences(text: string, entry: { colloquial: string; pattern: RegExp | null }): Generator<{ at: number; matched: string }> {
  if (entry.pattern) {
    for (const m of text.matchAll(entry.pattern)) yield { at: m.index, matched: m[0] };
    return;
  }
  for (let at = text.indexOf(entry.colloquial); at >= 0; at = text.indexOf(entry.colloquial, at + 1))
    yield { at, matched: entry.colloquial };
}

const GAP = "[^，。？！；,.?!;\\s]{0,4}?";

function separablePattern(colloquial: string): RegExp {
  const escape = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(colloquial.split("…").map(escape).join(GAP), "gu");
}

/** Characters a key needs, gaps excluded: longer keys are tried first. */
function keyLength(colloquial: string): number {
  return colloquial.replace(/…/g, "").length;
}

/** The expansion table as stored in src/data/query-expansion.json (and bundled for the Worker). */
export function parseExpansions(text: string): ExpansionEntry[] {
  return JSON.parse(text) as ExpansionEntry[];
}
