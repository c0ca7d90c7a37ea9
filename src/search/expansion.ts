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
  private readonly entries: { colloquial: string; pattern: RegExp; terms: string[] }[];

  constructor(entries: readonly ExpansionEntry[]) {
    this.entries = [...entries]
      .map((e) => {
        const colloquial = foldWidth(e.colloquial);
        return { colloquial, pattern: keyPattern(colloquial), terms: e.terms };
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
      for (const match of text.matchAll(entry.pattern)) {
        const at = match.index;
        const span = used.slice(at, at + match[0].length);
        if (span.some(Boolean)) continue;
        span.forEach((_, i) => (used[at + i] = true));
        // A term the user already wrote adds nothing.
        const terms = entry.terms.filter((t) => !text.includes(foldWidth(t)));
        if (terms.length) applied.push({ colloquial: match[0], terms });
        break;
      }
    }
    return applied;
  }
}

const GAP = "[^，。？！；,.?!;\\s]{0,4}?";

function keyPattern(colloquial: string): RegExp {
  const escape = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(colloquial.split("…").map(escape).join(GAP), "gu");
}

/** Characters a key needs, gaps excluded: longer keys are tried first. */
function keyLength(colloquial: string): number {
  return colloquial.replace(/…/g, "").length;
}
