/**
 * General-language IDF (from jieba's idf table) for common words only: words
 * absent from the table are rare, so they get the cap. Kept small enough to
 * ship inside the index and a Worker bundle.
 */
export type GeneralIdf = ReadonlyMap<string, number>;

/** Words rarer than this are not stored; they all weigh RARE_WEIGHT. */
export const COMMON_WORD_MAX_IDF = 8;
export const RARE_WEIGHT = 12;

export function generalWeight(term: string, table: GeneralIdf): number {
  return Math.min(RARE_WEIGHT, table.get(term) ?? RARE_WEIGHT);
}

/** Parses jieba's "word idf" lines, keeping the common words. */
export function commonWordsFromJiebaIdf(fileText: string): Record<string, number> {
  const common: Record<string, number> = {};
  for (const line of fileText.split("\n")) {
    const space = line.lastIndexOf(" ");
    if (space <= 0) continue;
    const idf = Number(line.slice(space + 1));
    if (Number.isFinite(idf) && idf < COMMON_WORD_MAX_IDF) common[line.slice(0, space)] = Math.round(idf * 100) / 100;
  }
  return Object.fromEntries(Object.entries(common).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
