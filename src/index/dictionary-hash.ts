/** The analysis inputs whose change makes an index stale: stopwords, expansion table, user dictionary. */
export function dictionaryFingerprint(stopwords: string, expansions: string, userWords: readonly string[]): string {
  return ["stopwords", stopwords, "expansions", expansions, "user-words", userWords.join("\n")].join("\n\u0000\n");
}
