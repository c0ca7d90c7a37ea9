/**
 * The Worker under workerd, started locally and offline: the shared API contract,
 * the static pages, rate limiting, and the evaluation questions compared with the
 * Node service over the same index build (lexical mode on both sides).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerQuestion, DEFAULT_ANSWER_SETTINGS } from "../../src/answer/compose";
import { AskResponseSchema, HealthSchema } from "../../src/http/schemas";
import { parseQuestions } from "../../eval/load-questions";
import { scoreQuestion, summarize, type QuestionOutcome } from "../../eval/metrics";
import { runApiContract } from "../contract/api-contract";
import { testEngine } from "../helpers/engine";
import { startLocalWorker, type LocalWorker } from "./local-worker";

/** High enough for the whole file's API traffic from one client; the throttling test uses its own client key. */
const TEST_RATE_LIMIT = 600;

let pending: Promise<LocalWorker> | null = null;
const localWorker = () => (pending ??= startLocalWorker({ rateLimit: TEST_RATE_LIMIT }));

afterAll(async () => {
  if (pending) await (await pending).dispose();
}, 30_000);

runApiContract("Worker (workerd)", async () => {
  const worker = await localWorker();
  return { request: worker.fetch, mode: "lexical" };
});

describe("the Worker under workerd", () => {
  let worker: LocalWorker;
  beforeAll(async () => {
    worker = await localWorker();
  }, 120_000);

  it("starts locally in reasonable time", () => {
    console.log(
      `worker: workerd ready in ${(worker.startupMs / 1000).toFixed(2)} s, first request answered ` +
        `${(worker.firstRequestMs / 1000).toFixed(2)} s after start`,
    );
    expect(worker.firstRequestMs).toBeLessThan(60_000);
  });

  it("serves the bundled index built from the same corpus as the Node engine, lexically, saying why", async () => {
    const health = HealthSchema.parse(await (await worker.fetch("/health")).json());
    const engine = await testEngine();
    expect(health.indexBuildId).toBe(engine.data.manifest.buildId);
    expect(health.chunks).toBe(engine.data.chunks.length);
    expect(health.dense).toMatchObject({ enabled: false, model: null });
    expect(health.dense.reason).toMatch(/AI.*VECTORIZE/);
  });

  it("serves the chat page and Swagger UI's files as static assets, with the app's security headers", async () => {
    const page = await worker.fetch("/");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(readFileSync("src/web/public/index.html", "utf8").slice(0, 200));
    expect(page.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
    expect(page.headers.get("X-Content-Type-Options")).toBe("nosniff");
    for (const file of ["swagger-ui.css", "swagger-ui-bundle.js"]) {
      const res = await worker.fetch(`/docs/assets/${file}`);
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    }
    expect(await (await worker.fetch("/docs/assets/init.js")).text()).toContain("SwaggerUIBundle");
  });

  it("answers the evaluation questions like the Node service: hit@5 within 2 points, the same top document on ≥95%, the same answered/refused decision on all", async () => {
    const questions = parseQuestions(readFileSync("eval/questions.jsonl", "utf8"));
    const engine = await testEngine();
    const node: QuestionOutcome[] = [];
    const onWorker: QuestionOutcome[] = [];
    for (const q of questions) {
      const local = await answerQuestion(engine, { question: q.question, topK: 10 }, DEFAULT_ANSWER_SETTINGS);
      node.push(outcomeOf(local));
      const res = await worker.fetch("/api/ask", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ question: q.question, topK: 10 }),
      });
      expect(res.status, q.id).toBe(200);
      onWorker.push(outcomeOf(AskResponseSchema.parse(await res.json())));
    }
    const hitAt5 = (outcomes: QuestionOutcome[]) =>
      summarize(questions, questions.map((q, i) => scoreQuestion(q, outcomes[i]!, 1, (u) => u)), outcomes).hitAt[5];
    const sameTop = questions.filter((_, i) => node[i]!.ranked[0]?.docNumber === onWorker[i]!.ranked[0]?.docNumber).length;
    const decisionDiffers = questions.filter((_, i) => node[i]!.answered !== onWorker[i]!.answered).map((q) => q.id);
    const sameAnswered = questions.length - decisionDiffers.length;
    const [nodeHit, workerHit] = [hitAt5(node), hitAt5(onWorker)];
    console.log(
      `eval (${questions.length} questions, lexical): hit@5 Node ${(nodeHit * 100).toFixed(1)}% vs Worker ${(workerHit * 100).toFixed(1)}%; ` +
        `same top document ${sameTop}/${questions.length}; same answered/refused ${sameAnswered}/${questions.length}` +
        (decisionDiffers.length ? ` (differs on ${decisionDiffers.join(", ")})` : ""),
    );
    expect(Math.abs(nodeHit - workerHit)).toBeLessThanOrEqual(0.02);
    expect(sameTop / questions.length).toBeGreaterThanOrEqual(0.95);
    expect(decisionDiffers).toEqual([]);
  }, 120_000);

  it("throttles one client's API calls with the rate-limiting binding, leaving other clients alone", async () => {
    const call = (ip: string) => worker.fetch("/api/documents", { headers: { "CF-Connecting-IP": ip } });
    let limitedAfter = 0;
    for (; limitedAfter <= TEST_RATE_LIMIT + 1; limitedAfter++) if ((await call("203.0.113.7")).status === 429) break;
    expect(limitedAfter).toBeLessThanOrEqual(TEST_RATE_LIMIT);
    const limited = await call("203.0.113.7");
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("rate-limited");
    expect((await call("203.0.113.8")).status).toBe(200);
    expect((await worker.fetch("/health", { headers: { "CF-Connecting-IP": "203.0.113.7" } })).status).toBe(200);
  }, 60_000);
});

function outcomeOf(response: { citations: { text: string; docNumber: string }[]; answered: boolean }): QuestionOutcome {
  return {
    ranked: response.citations.map((c) => ({ text: c.text, docNumber: c.docNumber })),
    answered: response.answered,
    units: null,
    tookMs: 0,
  };
}
