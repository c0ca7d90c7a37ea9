import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine";
import { answerQuestion } from "../../src/answer/compose";
import { suppliesAnswerType } from "../../src/search/answer-type";
import { DEFAULT_RANKING, withOverrides } from "../../src/search/config";
import { testEngine } from "../helpers/engine";

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine();
}, 120_000);

const termsOf = (question: string) => engine.retriever.contentTerms(engine.retriever.parse(question)).map((t) => t.term);

describe("retrieval over the seed gazette", () => {
  it("answers a group question with the group's roster and office line, not just any passage that names units", async () => {
    const { hits, query } = await engine.retriever.search("服务业发展领导小组 组长", { k: 5 });
    expect(query.intent).toBe("group");
    expect(hits[0]!.chunk.docNumber).toBe("朔政办函〔2023〕20号");
    expect(hits[0]!.chunk.text).toMatch(/组\s*长：|办公室设在/u);
    const roster = hits.findIndex((h) => h.chunk.text.replace(/\s/g, "").includes("组长：吴秀玲"));
    expect(roster).toBeGreaterThanOrEqual(0);
    expect(roster).toBeLessThan(3);
  });

  it("keeps the gazette's own words whole, so 托育 is a term and not two characters", () => {
    expect(termsOf("开托育机构要什么条件")).toContain("托育");
  });

  it("reads a separable colloquial word: 能免哪些税 looks for 免征", async () => {
    const query = engine.retriever.parse("开托育机构能免哪些税");
    expect(query.expansions.flatMap((e) => e.terms)).toContain("免征");
    const { hits } = await engine.retriever.search("开托育机构能免哪些税", { k: 5 });
    expect(hits.some((h) => h.chunk.text.includes("对提供社区婴幼儿照护服务的收入免征增值税"))).toBe(true);
  });
});

describe("the question's content terms (refusal evidence and sentence choice)", () => {
  it("count a long word once, not also its search-mode parts", () => {
    const terms = termsOf("公积金怎么提取");
    expect(terms).toContain("公积金");
    expect(terms).not.toContain("公积");
    expect(terms).not.toContain("积金");
  });

  it("leave out wh-words, which ask for a kind of fact rather than name the topic", () => {
    const terms = termsOf("迎宾大道二期啥时候开工，要多少钱");
    expect(terms).not.toContain("啥时候");
    expect(terms).not.toContain("多少");
    expect(terms).toContain("开工");
  });

  it("leave out the parts of a wh-word too (时候 of 啥时候, 长时间 of 多长时间)", () => {
    expect(termsOf("迎宾大道二期啥时候开工")).not.toContain("时候");
    const terms = termsOf("注册个公司多长时间能办完");
    expect(terms.some((t) => t.includes("时间"))).toBe(false);
    expect(terms).toContain("注册");
  });
});

describe("questions that ask for a kind of fact (多少钱, 几号)", () => {
  const statesAmount = (text: string) => suppliesAnswerType("amount", text);

  it("rank a passage that states the asked-for amount above one that only discusses the topic", async () => {
    const question = "托育收费上限是多少钱";
    const rankOfCap = async (answerTypeBoost: number) => {
      const config = withOverrides(DEFAULT_RANKING, { answerTypeBoost });
      const { hits } = await engine.retriever.search(question, { k: 10, config });
      return hits.findIndex((h) => h.chunk.text.includes("1.5倍"));
    };
    expect(DEFAULT_RANKING.answerTypeBoost).toBeGreaterThan(0);
    expect(await rankOfCap(DEFAULT_RANKING.answerTypeBoost)).toBe(0);
    expect(await rankOfCap(0)).toBeGreaterThan(0);
  });

  it("are not made answerable by the boost alone: topic and fact must meet in a topically top passage", async () => {
    const result = await engine.retriever.search("送孩子去托育班政府每月补多少钱", { k: 5 });
    expect(result.answerType).toBe("amount");
    expect(statesAmount(result.hits[0]!.chunk.text)).toBe(true);
    expect(result.answerTypeSupplied).toBe(false);
    const answer = await answerQuestion(engine, { question: "送孩子去托育班政府每月补多少钱", topK: 5 });
    expect(answer.answered).toBe(false);
    expect(answer.reason).toBe("fact-not-stated");
  });
});

describe("refusal evidence", () => {
  it("does not answer a question about a topic the gazette only lists in passing (公积金 among 开户 items)", async () => {
    const answer = await answerQuestion(engine, { question: "公积金能提取吗", topK: 5 });
    expect(answer.answered).toBe(false);
  });
});
