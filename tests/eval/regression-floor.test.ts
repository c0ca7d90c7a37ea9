import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate, summarizeSubset } from "../../eval/harness";
import { loadAllQuestions } from "../../eval/load-questions";
import { testEngine } from "../helpers/engine";

const floor = JSON.parse(readFileSync("eval/floor.json", "utf8")).test as Record<string, number>;

describe("retrieval accuracy on the held-out test split", () => {
  it("stays at or above the committed floor (eval/floor.json)", async () => {
    const questions = loadAllQuestions((path) => readFileSync(path, "utf8"));
    const engine = await testEngine();
    const [ours] = await evaluate({ engine, questions });
    const test = summarizeSubset(ours!, questions, (q) => q.split === "test");
    expect(test.hitAt[5]).toBeGreaterThanOrEqual(floor.hitAt5!);
    expect(test.mrrAt10).toBeGreaterThanOrEqual(floor.mrrAt10!);
    expect(test.docRecallAt5).toBeGreaterThanOrEqual(floor.docRecallAt5!);
    expect(test.refusalAccuracy!).toBeGreaterThanOrEqual(floor.refusalAccuracy!);
    expect(test.unitRecall!).toBeGreaterThanOrEqual(floor.unitRecall!);
  }, 120_000);
});
