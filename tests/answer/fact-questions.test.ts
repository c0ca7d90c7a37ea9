import { beforeAll, describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/compose";
import type { Engine } from "../../src/engine/engine";
import { testEngine } from "../helpers/engine";

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine();
}, 120_000);

describe("a question that asks for one figure (收费上限是多少钱)", () => {
  it("is answered with the sentence that states the figure, not with a list of benefits on the topic", async () => {
    const answer = await answerQuestion(engine, { question: "托育收费上限是多少钱", topK: 5 });
    expect(answer.answered).toBe(true);
    expect(answer.answer.split("\n")[0]).toContain("原则不高于普惠民办幼儿园最高收费标准的1.5倍");
  });

  it("still lists the benefit clauses that state a figure of the kind asked for (免费 answers 多少钱)", async () => {
    const answer = await answerQuestion(engine, { question: "残疾人坐公交车要花多少钱", topK: 5 });
    expect(answer.answered).toBe(true);
    expect(answer.answer).toMatch(/^1\. .*免费乘坐市内公共汽车电车/u);
  });
});
