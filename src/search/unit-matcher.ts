import { foldWidth } from "../text/fold";

/** A unit name as users may type it, pointing at the corpus's canonical name. */
export interface UnitName {
  name: string;
  canonical: string;
}

export interface UnitMention {
  text: string;
  canonical: string;
}

/**
 * Finds unit names in a question, longest match first, so that 市市场监管局 wins
 * over 市场监管局 and 市政府金融办 over 金融办. Users drop the 市 / 朔州市 prefix
 * ("人社局管不管"), so every name is also known without it.
 */
export class UnitMatcher {
  private readonly byVariant = new Map<string, string>();
  /** Lengths of the variants starting with each character, longest first: the only lengths worth trying there. */
  private readonly lengthsByFirst = new Map<string, number[]>();

  constructor(names: readonly UnitName[]) {
    for (const { name, canonical } of names) {
      for (const variant of variantsOf(name)) {
        // The first registration wins: callers list exact names before aliases.
        if (!this.byVariant.has(variant)) this.byVariant.set(variant, canonical);
      }
    }
    for (const variant of this.byVariant.keys()) {
      const lengths = this.lengthsByFirst.get(variant[0]!) ?? [];
      if (!lengths.includes(variant.length)) lengths.push(variant.length);
      this.lengthsByFirst.set(variant[0]!, lengths);
    }
    for (const lengths of this.lengthsByFirst.values()) lengths.sort((a, b) => b - a);
  }

  find(text: string): UnitMention[] {
    const folded = foldWidth(text);
    const mentions: UnitMention[] = [];
    let i = 0;
    while (i < folded.length) {
      let matched = 0;
      for (const len of this.lengthsByFirst.get(folded[i]!) ?? []) {
        if (len < 2 || i + len > folded.length) continue;
        const canonical = this.byVariant.get(folded.slice(i, i + len));
        if (canonical) {
          mentions.push({ text: folded.slice(i, i + len), canonical });
          matched = len;
          break;
        }
      }
      i += matched || 1;
    }
    return mentions;
  }
}

function variantsOf(name: string): string[] {
  const folded = foldWidth(name);
  const variants = new Set([folded]);
  const withoutCity = folded.replace(/^朔州市?/, "");
  if (withoutCity !== folded) variants.add(withoutCity);
  const bare = withoutCity.replace(/^市(?:政府)?/, "");
  // Two characters is the shortest name people use (残联, 妇联); shorter would match ordinary words.
  if (bare.length >= 2) variants.add(bare);
  if (withoutCity.startsWith("市")) variants.add("朔州" + withoutCity);
  return [...variants];
}
