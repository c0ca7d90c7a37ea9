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
 */
export class QueryExpander {
  private readonly entries: ExpansionEntry[];

  constructor(entries: readonly ExpansionEntry[]) {
    this.entries = [...entries]
      .map((e) => ({ colloquial: foldWidth(e.colloquial), terms: e.terms }))
      .sort((a, b) => b.colloquial.length - a.colloquial.length || a.colloquial.localeCompare(b.colloquial));
  }

  expand(question: string): AppliedExpansion[] {
    const text = foldWidth(question);
    const used = new Array<boolean>(text.length).fill(false);
    const applied: AppliedExpansion[] = [];
    for (const entry of this.entries) {
      let from = 0;
      for (;;) {
        const at = text.indexOf(entry.colloquial, from);
        if (at < 0) break;
        from = at + 1;
        const span = used.slice(at, at + entry.colloquial.length);
        if (span.some(Boolean)) continue;
        span.forEach((_, i) => (used[at + i] = true));
        // A term the user already wrote adds nothing.
        const terms = entry.terms.filter((t) => !text.includes(foldWidth(t)));
        if (terms.length) applied.push({ colloquial: entry.colloquial, terms });
        break;
      }
    }
    return applied;
  }
}
