import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { characterBigrams, createAnalyzer, parseStopwords } from "../../src/search/analyzer";

describe("character bigrams", () => {
  it("overlaps within a CJK run and keeps numbers and Latin whole", () => {
    expect(characterBigrams("残疾人补贴2025年APP")).toEqual(["残疾", "疾人", "人补", "补贴", "2025", "年", "app"]);
  });

  it("keeps a lone CJK character as a unigram and drops punctuation", () => {
    expect(characterBigrams("市，残联")).toEqual(["市", "残联"]);
  });

  it("folds full-width forms so ＡＰＰ and APP meet", () => {
    expect(characterBigrams("ＡＰＰ")).toEqual(characterBigrams("app"));
  });

  it("never yields an empty term or punctuation, for any input", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const term of characterBigrams(text)) {
          expect(term.length).toBeGreaterThan(0);
          // A decimal point inside a number is kept (0.7679公顷), nothing else.
          expect(term.replace(/(?<=\d)\.(?=\d)/g, "")).not.toMatch(/[\s\p{P}]/u);
        }
      }),
    );
  });
});

describe("word analysis", () => {
  // A dictionary segmenter in miniature: known words whole, anything else per character.
  const words = ["怎么", "申请", "补贴"];
  const segmenter = {
    cutForSearch: (text: string) => text.match(new RegExp(`${words.join("|")}|.`, "gu")) ?? [],
  };
  const analyzer = createAnalyzer(segmenter, parseStopwords("# filler\n怎么\n"));

  it("segments CJK runs only and drops stopwords", () => {
    expect(analyzer.words("怎么申请2023年补贴")).toEqual(["申请", "2023", "年", "补贴"]);
  });

  it("reads a stopword file with comments and blank lines", () => {
    expect([...parseStopwords("的\n\n# comment\n吗 # trailing\n")]).toEqual(["的", "吗"]);
  });
});
