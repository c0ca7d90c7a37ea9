/**
 * Chooses and opens the Node feedback store: PostgreSQL when DATABASE_URL is set,
 * otherwise the SQLite file at DB_PATH. A database that cannot even be opened
 * (corrupt header, unreachable folder) still gives a service: every write fails,
 * /health says degraded with the reason, and answering goes on.
 */
import type { FeedbackStore } from "../feedback/store";
import { FeedbackService, type FeedbackServiceOptions } from "../feedback/service";
import { openPgStore } from "./pg-store";
import { openSqliteStore, type SqliteStoreOptions } from "./sqlite-store";

export interface NodeFeedbackOptions {
  /** SQLite file; ignored when databaseUrl is set. */
  dbPath?: string;
  databaseUrl?: string;
  questionLog?: boolean;
  /** Days a question-log row is kept; default 90. */
  retentionDays?: number;
  sqlite?: SqliteStoreOptions;
  service?: FeedbackServiceOptions;
}

export const DEFAULT_RETENTION_DAYS = 90;

export function openNodeStore(options: NodeFeedbackOptions): FeedbackStore {
  const kind = options.databaseUrl ? "postgres" : "sqlite";
  try {
    return options.databaseUrl ? openPgStore(options.databaseUrl) : openSqliteStore(options.dbPath!, options.sqlite);
  } catch (error) {
    return failingStore(kind, `cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Starts the service (migrations) and its retention schedule; resolves even when the database is broken. */
export async function startNodeFeedback(
  options: NodeFeedbackOptions,
  onProblem: (reason: string | null) => void,
): Promise<{ service: FeedbackService; stop: () => Promise<void> }> {
  const store = openNodeStore(options);
  const service = new FeedbackService(store, { questionLog: options.questionLog ?? true, onProblem, ...options.service });
  await service.start();
  const stopRetention = service.scheduleRetention(options.retentionDays ?? DEFAULT_RETENTION_DAYS);
  return {
    service,
    stop: async () => {
      stopRetention();
      await service.close();
    },
  };
}

function failingStore(kind: string, reason: string): FeedbackStore {
  const fail = async (): Promise<never> => {
    throw new Error(reason);
  };
  return {
    kind,
    migrate: fail,
    logAsks: fail,
    rate: fail,
    problemAsks: fail,
    documentAsks: fail,
    dailyRefusals: fail,
    prune: fail,
    counts: fail,
    check: fail,
    close: async () => {},
  };
}
