import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import type { Corpus, PolicyDocument } from "../../src/corpus/types";
import { corpusUserWords } from "../../src/cli/build-index";
import { discoverCorpusWords, wordDictionary } from "../../src/index/corpus-words";

/** A corpus of one document whose paragraphs are the given texts. */
function corpusOf(texts: string[]): Pick<Corpus, "documents"> {
  const paragraphs = texts.map((text) => ({ text })) as unknown as PolicyDocument["paragraphs"];
  return { documents: [{ paragraphs } as PolicyDocument] };
}

const dictionary = (words: string[]) => wordDictionary(words);
const loose = { minFragments: 3, minPmi: 1, minEntropy: 0.5 };
const childcare = ["发展普惠托育服务", "支持托育机构建设", "鼓励社区托育照护", "完善托育服务体系", "提供家庭托育指导"];

describe("discoverCorpusWords: corpus terms jieba would cut apart", () => {
  it("finds a pair no dictionary word covers that stands free in varied contexts", () => {
    expect(discoverCorpusWords(corpusOf(childcare), dictionary(["服务", "机构", "社区"]), loose)).toContain("托育");
  });

  it("adds nothing the dictionary already has", () => {
    expect(discoverCorpusWords(corpusOf(childcare), dictionary(["托育", "服务"]), loose)).not.toContain("托育");
  });

  it("leaves a character that belongs to a dictionary word where it stands (进一步推进 → not 步推)", () => {
    const texts = ["进一步推进改革", "进一步推动发展", "进一步推广经验", "进一步推行制度"];
    expect(discoverCorpusWords(corpusOf(texts), dictionary(["进一步", "推进", "推动", "推广", "推行"]), loose)).not.toContain("步推");
  });

  it("does not take the inside of a longer fragment with a fixed neighbour (普惠托育 → not 惠托)", () => {
    const words = discoverCorpusWords(corpusOf(["发展普惠托育", "推进普惠托育", "扩大普惠托育", "支持普惠托育"]), dictionary([]), loose);
    expect(words).not.toContain("惠托");
  });

  it("never makes a word of a function character (由市)", () => {
    const words = discoverCorpusWords(corpusOf(["由市局负责", "由市委负责", "由市府负责", "由市办负责"]), dictionary([]), loose);
    expect(words).not.toContain("由市");
  });

  it("on the seed gazette, discovers the gazette's own terms, and the same ones on every call", () => {
    const corpus = JSON.parse(readFileSync("corpus/corpus.json", "utf8")) as Corpus;
    const first = corpusUserWords(corpus);
    expect(first.discovered).toEqual(expect.arrayContaining(["托育", "普惠", "失能", "康养"]));
    expect(first.discovered.length).toBeLessThan(30);
    expect(corpusUserWords(corpus)).toEqual(first);
  });
});
