/**
 * The feedback and question-log storage seam: one small interface, implemented
 * over SQLite (src/node/sqlite-store.ts), PostgreSQL (src/node/pg-store.ts) and
 * Cloudflare D1 (src/worker/d1-store.ts), and run through one shared contract
 * suite (tests/feedback/store-contract.ts). Everything above it (the write queue,
 * health, the grouped report) is pure TypeScript over these plain records.
 */

export const RATINGS = ["up", "down"] as const;
export const RATING_REASONS = ["wrong", "outdated", "incomplete", "not-found", "other"] as const;
export const MAX_COMMENT_CHARS = 300;

export type Rating = (typeof RATINGS)[number];
export type RatingReason = (typeof RATING_REASONS)[number];

/** One document an answer cited, in rank order. */
export interface CitedDocument {
  docId: string;
  score: number;
}

/** One /api/ask, as written to the question log. The question is already redacted. */
export interface AskRecord {
  askId: string;
  /** Milliseconds since the epoch. */
  at: number;
  /** Redacted question; null when QUESTION_LOG=off (the ask is still recorded, so it can be rated). */
  question: string | null;
  /** The answer layer's analysed intent, when it reports one. */
  intent: string | null;
  answered: boolean;
  /** Why it was refused (no-evidence, out-of-domain, …), when the answer layer says. */
  reason: string | null;
  citations: CitedDocument[];
  latencyMs: number;
  /** An opaque hash of the client (never its address), for "one rating per client". */
  client: string;
}

export interface RatingRecord {
  askId: string;
  client: string;
  rating: Rating;
  reason: RatingReason | null;
  /** Redacted, at most MAX_COMMENT_CHARS characters. */
  comment: string | null;
  at: number;
}

export type RateOutcome = "stored" | "unknown-ask" | "already-rated";

/** An ask that needs a maintainer's attention: refused, or rated down. */
export interface ProblemAsk {
  askId: string;
  at: number;
  question: string | null;
  intent: string | null;
  answered: boolean;
  reason: string | null;
  rating: Rating | null;
  ratingReason: RatingReason | null;
  comment: string | null;
  citations: CitedDocument[];
}

export interface DocumentAsks {
  docId: string;
  /** Asks that cited it. */
  asks: number;
  /** Of those, asks that were refused or rated down. */
  problems: number;
}

export interface DailyRefusals {
  /** YYYY-MM-DD in China Standard Time (UTC+8): the day the hotline centre works in. */
  day: string;
  asks: number;
  refused: number;
  down: number;
}

export interface StoreCounts {
  asks: number;
  ratings: number;
  schemaVersion: number;
}

export interface FeedbackStore {
  /** "sqlite" | "postgres" | "d1": shown in /health. */
  readonly kind: string;
  /** Applies every migration the database has not seen yet (idempotent; safe with several instances). Returns the schema version. */
  migrate(): Promise<number>;
  /** Writes a batch of asks in one transaction. */
  logAsks(records: readonly AskRecord[]): Promise<void>;
  /** Stores a rating unless the ask is unknown or this client already rated it. */
  rate(record: RatingRecord): Promise<RateOutcome>;
  /** Refused or thumbs-down asks since `since` (ms), newest first, at most `limit`. */
  problemAsks(since: number, limit: number): Promise<ProblemAsk[]>;
  /** The documents cited most often since `since`. */
  documentAsks(since: number, limit: number): Promise<DocumentAsks[]>;
  /** Asks, refusals and thumbs-down per day (UTC+8) since `since`. */
  dailyRefusals(since: number): Promise<DailyRefusals[]>;
  /** Deletes asks (and their ratings and citations) older than `before` (ms). Returns how many asks went. */
  prune(before: number): Promise<number>;
  counts(): Promise<StoreCounts>;
  /** Throws when the database is no longer usable as configured (file deleted, made read-only, …). Cheap. */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** UTC+8 has no daylight saving, so a fixed offset is exact. */
export const CST_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** The CST day of a day number (days since 1970-01-01 in UTC+8), as the stores compute it in SQL. */
export function dayLabel(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}
