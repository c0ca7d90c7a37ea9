/**
 * The FeedbackStore contract, run against every implementation (SQLite file,
 * PostgreSQL server, D1 through a fake over SQLite): the same cases, the same
 * expected records.
 */
import { describe, expect, it } from "vitest";
import type { AskRecord, FeedbackStore } from "../../src/feedback/store";

/** Opens a store on one database; each call of NewDatabase makes a fresh, empty database. */
export type OpenStore = (options?: { migrateTo?: number }) => Promise<FeedbackStore>;
export type NewDatabase = () => Promise<OpenStore>;

const DAY = 86_400_000;
/** 2026-12-01 10:00 CST. */
const T0 = Date.UTC(2026, 11, 1, 2, 0, 0);

export function ask(askId: string, overrides: Partial<AskRecord> = {}): AskRecord {
  return {
    askId,
    at: T0,
    question: `问题 ${askId}`,
    intent: null,
    answered: true,
    reason: null,
    citations: [
      { docId: "szbf-2023-16", score: 0.9 },
      { docId: "szbf-2023-13", score: 0.4 },
    ],
    latencyMs: 3.5,
    client: "client-a",
    ...overrides,
  };
}

export function storeContract(name: string, newDatabase: NewDatabase): void {
  const open: OpenStore = async (options) => (await newDatabase())(options);
  describe(`FeedbackStore contract: ${name}`, () => {
    it("migrates an empty database to the latest version, and a second run changes nothing", async () => {
      const store = await open();
      try {
        expect(await store.migrate()).toBe(2);
        expect(await store.migrate()).toBe(2);
        expect(await store.counts()).toEqual({ asks: 0, ratings: 0, schemaVersion: 2 });
      } finally {
        await store.close();
      }
    });

    it("upgrades a version-1 database (question log, no ratings) keeping its rows", async () => {
      const database = await newDatabase();
      const old = await database({ migrateTo: 1 });
      expect(await old.migrate()).toBe(1);
      await old.logAsks([ask("v1-a", { answered: false, reason: "no-evidence" })]);
      await expect(old.rate({ askId: "v1-a", client: "c", rating: "down", reason: null, comment: null, at: T0 })).rejects.toThrow();
      // Same database, current code.
      await old.close();
      const store = await database();
      try {
        expect(await store.migrate()).toBe(2);
        expect((await store.counts()).asks).toBe(1);
        expect(await store.rate({ askId: "v1-a", client: "c", rating: "down", reason: "wrong", comment: null, at: T0 })).toBe("stored");
        const [problem] = await store.problemAsks(0, 10);
        expect(problem).toMatchObject({ askId: "v1-a", answered: false, reason: "no-evidence", rating: "down", ratingReason: "wrong" });
      } finally {
        await store.close();
      }
    });

    it("stores one rating per ask and client, and says which ask is unknown or already rated", async () => {
      const store = await open();
      try {
        await store.migrate();
        await store.logAsks([ask("a1"), ask("a2")]);
        const rating = { askId: "a1", client: "client-a", rating: "down" as const, reason: "outdated" as const, comment: "去年的", at: T0 + 1 };
        expect(await store.rate(rating)).toBe("stored");
        expect(await store.rate({ ...rating, rating: "up", reason: null })).toBe("already-rated");
        expect(await store.rate({ ...rating, client: "client-b" })).toBe("stored");
        expect(await store.rate({ ...rating, askId: "nope" })).toBe("unknown-ask");
        expect(await store.counts()).toMatchObject({ asks: 2, ratings: 2 });
      } finally {
        await store.close();
      }
    });

    it("writes a retried batch once", async () => {
      const store = await open();
      try {
        await store.migrate();
        const batch = [ask("r1"), ask("r2")];
        await store.logAsks(batch);
        await store.logAsks(batch);
        expect((await store.counts()).asks).toBe(2);
        expect((await store.documentAsks(0, 10)).find((d) => d.docId === "szbf-2023-16")?.asks).toBe(2);
      } finally {
        await store.close();
      }
    });

    it("lists refused and thumbs-down asks newest first with their cited documents in rank order", async () => {
      const store = await open();
      try {
        await store.migrate();
        await store.logAsks([
          ask("ok", { at: T0 }),
          ask("refused", { at: T0 + 1000, answered: false, reason: "out-of-domain", question: "医保报销比例", intent: "general" }),
          ask("rated", { at: T0 + 2000 }),
          ask("old", { at: T0 - 10 * DAY, answered: false }),
        ]);
        await store.rate({ askId: "rated", client: "c", rating: "down", reason: "incomplete", comment: null, at: T0 + 3000 });
        await store.rate({ askId: "ok", client: "c", rating: "up", reason: null, comment: null, at: T0 + 3000 });
        const problems = await store.problemAsks(T0 - DAY, 10);
        expect(problems.map((p) => p.askId)).toEqual(["rated", "refused"]);
        expect(problems[1]).toEqual({
          askId: "refused",
          at: T0 + 1000,
          question: "医保报销比例",
          intent: "general",
          answered: false,
          reason: "out-of-domain",
          rating: null,
          ratingReason: null,
          comment: null,
          citations: [
            { docId: "szbf-2023-16", score: 0.9 },
            { docId: "szbf-2023-13", score: 0.4 },
          ],
        });
        expect((await store.problemAsks(T0 - DAY, 1)).map((p) => p.askId)).toEqual(["rated"]);
      } finally {
        await store.close();
      }
    });

    it("counts documents and refusals per China Standard Time day", async () => {
      const store = await open();
      try {
        await store.migrate();
        // 23:30 CST on 1 Dec and 00:30 CST on 2 Dec: one hour apart, different days.
        const late = Date.UTC(2026, 11, 1, 15, 30);
        await store.logAsks([
          ask("d1", { at: late, answered: false, citations: [{ docId: "x", score: 0.2 }] }),
          ask("d2", { at: late + 3_600_000, citations: [{ docId: "x", score: 0.8 }] }),
          ask("d3", { at: late + 3_600_000 + 1, citations: [{ docId: "y", score: 0.8 }] }),
        ]);
        await store.rate({ askId: "d3", client: "c", rating: "down", reason: null, comment: null, at: late + 4_000_000 });
        expect(await store.dailyRefusals(0)).toEqual([
          { day: "2026-12-01", asks: 1, refused: 1, down: 0 },
          { day: "2026-12-02", asks: 2, refused: 0, down: 1 },
        ]);
        expect(await store.documentAsks(0, 10)).toEqual([
          { docId: "x", asks: 2, problems: 1 },
          { docId: "y", asks: 1, problems: 1 },
        ]);
      } finally {
        await store.close();
      }
    });

    it("prunes asks older than the cut-off with their ratings and citations", async () => {
      const store = await open();
      try {
        await store.migrate();
        await store.logAsks([ask("old", { at: T0 - 91 * DAY }), ask("new", { at: T0 })]);
        await store.rate({ askId: "old", client: "c", rating: "down", reason: null, comment: null, at: T0 - 91 * DAY });
        expect(await store.prune(T0 - 90 * DAY)).toBe(1);
        expect(await store.counts()).toMatchObject({ asks: 1, ratings: 0 });
        expect((await store.documentAsks(0, 10)).map((d) => d.asks)).toEqual([1, 1]);
        expect(await store.rate({ askId: "old", client: "c2", rating: "up", reason: null, comment: null, at: T0 })).toBe("unknown-ask");
      } finally {
        await store.close();
      }
    });
  });
}

