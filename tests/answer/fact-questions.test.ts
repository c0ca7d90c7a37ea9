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
    expect(answer.lines[0]!.kind).toBe("fact");
    expect(answer.lines[0]!.text).toContain("原则不高于普惠民办幼儿园最高收费标准的1.5倍");
  });

  it("takes 免费 as the answer to what one pays (坐公交要花多少钱), highlighted", async () => {
    const answer = await answerQuestion(engine, { question: "残疾人坐公交车要花多少钱", topK: 5 });
    expect(answer.answered).toBe(true);
    const first = answer.lines[0]!;
    expect(first.text).toMatch(/免费乘坐市内公共汽车电车/u);
    expect(first.text.slice(...first.highlight!)).toBe("免费");
  });

  it("does not take a fee cap (1.5倍) for the sum a subsidy pays (每月补多少钱)", async () => {
    const answer = await answerQuestion(engine, { question: "送孩子去托育班政府每月补多少钱", topK: 5 });
    expect(answer.answered).toBe(false);
    expect(answer.reason).toBe("fact-not-stated");
  });
});
