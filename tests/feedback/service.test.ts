/** The write queue over a store that fails on purpose: bounded, counted, retried, never throwing into answering. */
import { describe, expect, it } from "vitest";
import { FeedbackService } from "../../src/feedback/service";
import type { AskRecord, FeedbackStore } from "../../src/feedback/store";
import { openD1Store } from "../../src/worker/d1-store";
import { fakeD1 } from "./fake-d1";
import { ask } from "./store-contract";

/** A real (fake-D1) store whose writes can be switched to fail. */
function flaky(): { store: FeedbackStore; fail: (message: string | null) => void } {
  const inner = openD1Store(fakeD1());
  let failing: string | null = null;
  const store: FeedbackStore = {
    ...inner,
    kind: "test",
    logAsks: async (records: readonly AskRecord[]) => {
      if (failing) throw Object.assign(new Error(failing), { code: "SQLITE_BUSY" });
      return inner.logAsks(records);
    },
  };
  return { store, fail: (message) => (failing = message) };
}

describe("FeedbackService", () => {
  it("keeps at most `capacity` asks while writes fail, counts the rest as dropped, and writes the kept ones later", async () => {
    const { store, fail } = flaky();
    const service = new FeedbackService(store, { capacity: 5, backoffMs: 5, maxBackoffMs: 20 });
    await service.start();
    fail("database is locked");
    for (let i = 0; i < 8; i++) service.logAsk(ask(`q${i}`));
    await service.flush();
    expect(service.snapshot()).toMatchObject({ status: "degraded", reason: "SQLITE_BUSY: database is locked", queued: 5, dropped: 3 });
    fail(null);
    await expect.poll(() => service.snapshot().status, { timeout: 5_000 }).toBe("ok");
    expect(service.snapshot()).toMatchObject({ queued: 0, written: 5, dropped: 3 });
    expect((await store.counts()).asks).toBe(5);
  });

  it("lets a rating wait for its ask still in the queue, and says unavailable when that ask cannot be written", async () => {
    const { store, fail } = flaky();
    const service = new FeedbackService(store);
    await service.start();
    service.logAsk(ask("fresh"));
    expect(await service.rate({ askId: "fresh", client: "c", rating: "up", reason: null, comment: null, at: 1 })).toBe("stored");
    fail("disk I/O error");
    service.logAsk(ask("stuck"));
    expect(await service.rate({ askId: "stuck", client: "c", rating: "up", reason: null, comment: null, at: 1 })).toBe("unavailable");
    await service.close();
  });

  it("drops the question text when the question log is off, but keeps the ask so it can be rated", async () => {
    const { store } = flaky();
    const service = new FeedbackService(store, { questionLog: false });
    await service.start();
    service.logAsk(ask("private", { answered: false, question: "医保报销", intent: "general" }));
    await service.flush();
    const [row] = await store.problemAsks(0, 10);
    expect(row).toMatchObject({ askId: "private", question: null, intent: null, answered: false });
  });

  it("prunes on a schedule", async () => {
    const { store } = flaky();
    const service = new FeedbackService(store);
    await service.start();
    service.logAsk(ask("ancient", { at: Date.now() - 100 * 86_400_000 }));
    await service.flush();
    const stop = service.scheduleRetention(90, 20);
    await expect.poll(async () => (await store.counts()).asks, { timeout: 2_000 }).toBe(0);
    service.logAsk(ask("ancient-2", { at: Date.now() - 100 * 86_400_000 }));
    await service.flush();
    await expect.poll(async () => (await store.counts()).asks, { timeout: 2_000 }).toBe(0); // the interval, not only the first run
    stop();
  });

  it("is off, with its reason, without a store", async () => {
    const service = new FeedbackService(null, {}, "no D1 binding named DB is configured");
    service.logAsk(ask("x"));
    expect(await service.health()).toMatchObject({ status: "off", store: null, reason: "no D1 binding named DB is configured", queued: 0 });
  });
});
