import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluate, summarizeSubset, type SystemRun } from "../../eval/harness";
import { loadAllQuestions } from "../../eval/load-questions";
import type { QuestionRecord } from "../../eval/questions-schema";
import { testEngine } from "../helpers/engine";

type Floor = Record<"hitAt5" | "mrrAt10" | "docRecallAt5" | "refusalAccuracy" | "unitRecall", number>;
const floors = JSON.parse(readFileSync("eval/floor.json", "utf8")) as { test: Floor; testOriginal: Floor };

/** The questions of the first question set (q001–q220 and the b… entitlement set); q221+ were added blind later. */
const original = (q: QuestionRecord) => q.id.startsWith("b") || Number(q.id.slice(1)) <= 220;

describe("retrieval accuracy on the held-out test split", () => {
  const questions = loadAllQuestions((path) => readFileSync(path, "utf8"));
  let ours: SystemRun;
  // One evaluation run serves every floor.
  beforeAll(async () => {
    [ours] = (await evaluate({ engine: await testEngine(), questions })) as [SystemRun];
  }, 120_000);

  const floorCases: [string, Floor, (q: QuestionRecord) => boolean][] = [
    ["the whole test split", floors.test, (q) => q.split === "test"],
    ["the original test questions", floors.testOriginal, (q) => q.split === "test" && original(q)],
  ];

  it.each(floorCases)("stays at or above the committed floor (eval/floor.json) on %s", (_name, floor, keep) => {
    const test = summarizeSubset(ours, questions, keep);
    expect(test.hitAt[5]).toBeGreaterThanOrEqual(floor.hitAt5);
    expect(test.mrrAt10).toBeGreaterThanOrEqual(floor.mrrAt10);
    expect(test.docRecallAt5).toBeGreaterThanOrEqual(floor.docRecallAt5);
    expect(test.refusalAccuracy!).toBeGreaterThanOrEqual(floor.refusalAccuracy);
    expect(test.unitRecall!).toBeGreaterThanOrEqual(floor.unitRecall);
  });
});
