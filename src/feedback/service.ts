/**
 * What the HTTP layer talks to: a bounded write queue in front of a FeedbackStore,
 * with failure counters and a health state. Answering never waits on the database:
 * `logAsk` only enqueues; one drain loop writes batches; a failed batch is retried
 * with back-off while the queue has room, and asks beyond its capacity are
 * dropped and counted. Whatever the database does (locked, read-only, full,
 * deleted, corrupt), the worst outcome is a lost log row, never a failed answer.
 */
import type { AskRecord, FeedbackStore, RateOutcome, RatingRecord } from "./store";

export interface FeedbackHealth {
  /** off: no store configured; degraded: the last write or check failed. */
  status: "ok" | "degraded" | "off";
  store: string | null;
  /** Why it is degraded or off; null when ok. */
  reason: string | null;
  questionLog: boolean;
  queued: number;
  written: number;
  /** Asks not written because the queue was full. */
  dropped: number;
  /** Write attempts (batches) that failed. */
  failedWrites: number;
}

export interface FeedbackServiceOptions {
  /** Asks held in memory while the database is slow or failing; default 10,000. */
  capacity?: number;
  /** Rows per transaction; default 200. */
  batchSize?: number;
  /** false (QUESTION_LOG=off): asks are recorded without their question text. */
  questionLog?: boolean;
  /** First retry delay after a failed write, doubled up to maxBackoffMs; default 250 ms / 10 s. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Where failures are reported (the server's logger); called at most once per change of reason. */
  onProblem?: (reason: string | null) => void;
  now?: () => number;
}

export type RateResult = RateOutcome | "unavailable";

export class FeedbackService {
  private readonly queue: AskRecord[] = [];
  /** askIds still in the queue, so a rating arriving first can wait for its ask. */
  private readonly pending = new Set<string>();
  private draining: Promise<void> | null = null;
  private written = 0;
  private dropped = 0;
  private failedWrites = 0;
  private problem: string | null = null;
  private backoff: number;
  private closed = false;
  private readonly settled: (() => void)[] = [];

  constructor(
    private readonly store: FeedbackStore | null,
    private readonly options: FeedbackServiceOptions = {},
    /** Why there is no store (shown in /health while off). */
    private readonly offReason = "no database configured",
  ) {
    this.backoff = options.backoffMs ?? 250;
  }

  get enabled(): boolean {
    return this.store !== null;
  }

  get questionLog(): boolean {
    return this.options.questionLog ?? true;
  }

  /** Runs the migrations; a failure is recorded (degraded), not thrown, so the server still starts. */
  async start(): Promise<void> {
    if (!this.store) return;
    try {
      await this.store.migrate();
      this.setProblem(null);
    } catch (error) {
      this.setProblem(`migration failed: ${messageOf(error)}`);
    }
  }

  /** Never throws, never waits. */
  logAsk(record: AskRecord): void {
    if (!this.store || this.closed) return;
    if (this.queue.length >= (this.options.capacity ?? 10_000)) {
      this.dropped++;
      return;
    }
    this.queue.push(this.questionLog ? record : { ...record, question: null, intent: null });
    this.pending.add(record.askId);
    this.drain();
  }

  async rate(record: RatingRecord): Promise<RateResult> {
    if (!this.store) return "unavailable";
    if (this.pending.has(record.askId)) await this.flush();
    if (this.pending.has(record.askId)) return "unavailable"; // its ask could not be written
    try {
      const outcome = await this.store.rate(record);
      this.setProblem(null);
      return outcome;
    } catch (error) {
      this.failedWrites++;
      this.setProblem(messageOf(error));
      return "unavailable";
    }
  }

  /** Resolves once everything queued so far was written or given up (queue empty or writes failing). */
  flush(): Promise<void> {
    if (!this.queue.length && !this.draining) return Promise.resolve();
    const settled = new Promise<void>((done) => this.settled.push(done));
    // Waiting out a back-off would hold a rating (or shutdown) for seconds: try once more now.
    if (!this.draining) this.drain();
    return settled;
  }

  /** Deletes asks older than `days` days; a failure is recorded, not thrown. */
  async prune(days: number): Promise<number> {
    if (!this.store) return 0;
    try {
      return await this.store.prune((this.options.now ?? Date.now)() - days * 86_400_000);
    } catch (error) {
      this.setProblem(`retention prune failed: ${messageOf(error)}`);
      return 0;
    }
  }

  /** Runs `prune(days)` now and every `everyMs` (default hourly); returns a stop function. */
  scheduleRetention(days: number, everyMs = 3_600_000): () => void {
    void this.prune(days);
    const timer = setInterval(() => void this.prune(days), everyMs);
    (timer as { unref?: () => void }).unref?.();
    return () => clearInterval(timer);
  }

  /** For /health: re-checks the store (cheap) so a deleted or read-only file shows even when nobody asks. */
  async health(): Promise<FeedbackHealth> {
    if (this.store && !this.queue.length) {
      try {
        await this.store.check();
        if (this.problem?.startsWith("check: ")) this.setProblem(null);
      } catch (error) {
        this.setProblem(`check: ${messageOf(error)}`);
      }
    }
    return this.snapshot();
  }

  snapshot(): FeedbackHealth {
    return {
      status: !this.store ? "off" : this.problem ? "degraded" : "ok",
      store: this.store?.kind ?? null,
      reason: !this.store ? this.offReason : this.problem,
      questionLog: this.questionLog,
      queued: this.queue.length,
      written: this.written,
      dropped: this.dropped,
      failedWrites: this.failedWrites,
    };
  }

  /** The store, for the maintainer's read-only views. */
  reader(): FeedbackStore | null {
    return this.store;
  }

  /** Writes what is queued (one more attempt), then closes the store. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    await this.store?.close().catch(() => {});
  }

  private drain(): void {
    this.draining ??= this.loop().finally(() => {
      this.draining = null;
      for (const done of this.settled.splice(0)) done();
      if (this.queue.length && !this.closed) (setTimeout(() => this.drain(), this.backoff) as { unref?: () => void }).unref?.();
    });
  }

  private async loop(): Promise<void> {
    const store = this.store!;
    while (this.queue.length) {
      // Let the requests that enqueued these finish first, and gather a fuller batch.
      await new Promise((r) => setTimeout(r, 0));
      const batch = this.queue.slice(0, this.options.batchSize ?? 200);
      try {
        await store.check();
        await store.logAsks(batch);
      } catch (error) {
        this.failedWrites++;
        this.setProblem(messageOf(error));
        this.backoff = Math.min(this.backoff * 2, this.options.maxBackoffMs ?? 10_000);
        return; // kept at the front of the queue; retried after the back-off
      }
      this.queue.splice(0, batch.length);
      for (const r of batch) this.pending.delete(r.askId);
      this.written += batch.length;
      this.backoff = this.options.backoffMs ?? 250;
      this.setProblem(null);
    }
  }

  private setProblem(reason: string | null): void {
    if (reason === this.problem) return;
    this.problem = reason;
    this.options.onProblem?.(reason);
  }
}

/** Database errors name the condition (SQLITE_READONLY, disk full …); file paths are cut by the HTTP layer. */
function messageOf(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e?.message === "string" ? e.message : String(error);
  const code = typeof e?.code === "string" && !message.includes(e.code) ? `${e.code}: ` : "";
  return `${code}${message}`.slice(0, 300);
}
