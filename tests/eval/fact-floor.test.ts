import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadFacts } from "../../eval/facts-schema";
import { runFacts, summarizeFacts, type FactSummary } from "../../eval/facts-eval";
import { testEngine } from "../helpers/engine";

interface FactFloor {
  factAtFirst: number;
  factAtAnswer: number;
  maxWronglyRefused: number;
  maxFalseAnswers: number;
  maxCharsP50: number;
}
const floor = (JSON.parse(readFileSync("eval/floor.json", "utf8")) as { facts: FactFloor }).facts;

describe("the answer a user reads, on the frozen test split of the blind fact set", () => {
  let test: FactSummary;
  beforeAll(async () => {
    const records = loadFacts(readFileSync("eval/facts.jsonl", "utf8")).filter((r) => r.split === "test");
    test = summarizeFacts(records, await runFacts(await testEngine(), records));
  }, 120_000);

  it("states the asked fact first and in the answer at least as often as the committed floor", () => {
    expect(test.factAtFirst).toBeGreaterThanOrEqual(floor.factAtFirst);
    expect(test.factAtAnswer).toBeGreaterThanOrEqual(floor.factAtAnswer);
  });

  it("refuses answerable questions and answers unanswerable ones no more often than the floor allows", () => {
    expect(test.wronglyRefused).toBeLessThanOrEqual(floor.maxWronglyRefused);
    expect(test.falseAnswers).toBeLessThanOrEqual(floor.maxFalseAnswers);
  });

  it("keeps the median answer short enough for a phone", () => {
    expect(test.charsP50).toBeLessThanOrEqual(floor.maxCharsP50);
  });
});
