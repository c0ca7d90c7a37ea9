/**
 * The service's settings, read once from the environment and checked with zod, so
 * a typo (RATE_LIMIT_PER_MINUTE=12o) stops the server with a message naming the
 * variable instead of silently running with a default.
 */
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
    .default(fallback ? "true" : "false")
    .transform((value) => value === "true" || value === "1" || value === "yes");

const integer = (fallback: number, min: number, max: number) =>
  z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(fallback);

const origin = z.string().refine((value) => {
  if (value === "*") return true;
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}, "each origin must look like https://example.gov.cn (scheme, host, optional port; no path) or be *");

export const ConfigSchema = z.object({
  PORT: integer(8787, 0, 65_535),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Requests per client per minute (also the burst); 0 switches rate limiting off (benchmarks). */
  RATE_LIMIT_PER_MINUTE: integer(120, 0, 1_000_000),
  /** Use the last X-Forwarded-For address as the client (only behind a proxy that sets it). */
  TRUST_PROXY: flag(false),
  /** Comma-separated browser origins allowed to call the API; empty = CORS off. */
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(origin)),
  REQUEST_TIMEOUT_MS: integer(10_000, 100, 600_000),
  /** How long SIGTERM waits for in-flight requests before closing connections anyway. */
  SHUTDOWN_GRACE_MS: integer(10_000, 0, 600_000),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  /** Citizens' questions may hold personal data: off unless an operator opts in. */
  LOG_QUESTIONS: flag(false),
  /** Bearer token for POST /admin/reload; unset = the endpoint does not exist. */
  ADMIN_TOKEN: z.string().min(16, "must be at least 16 characters (use a random secret)").optional(),
  // Feedback and the question log (issue 17).
  /** SQLite file for the question log and ratings; created on first start. Ignored when DATABASE_URL is set. */
  DB_PATH: z.string().min(1).default("data/feedback.db"),
  /** PostgreSQL connection string: several instances share one database. */
  DATABASE_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgres:// or postgresql:// URL")
    .optional(),
  /** off: asks are recorded without their question text (ratings still work). */
  QUESTION_LOG: z
    .enum(["on", "off", "true", "false", "1", "0", "yes", "no"], { error: "must be on or off" })
    .default("on")
    .transform((value) => ["on", "true", "1", "yes"].includes(value)),
  /** Question-log rows older than this many days are deleted (checked hourly). */
  RETENTION_DAYS: integer(90, 1, 3650),
  INDEX_DIR: z.string().default("index"),
  CORPUS_PATH: z.string().default("corpus/corpus.json"),
  MODELS_DIR: z.string().default("models"),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

/** Parses the environment; empty variables count as unset. Throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.keys(ConfigSchema.shape);
  const relevant = Object.fromEntries(known.filter((key) => env[key] !== undefined && env[key] !== "").map((key) => [key, env[key]]));
  const result = ConfigSchema.safeParse(relevant);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "environment");
    // Never echo ADMIN_TOKEN's or DATABASE_URL's value (it may hold a password), even when it is wrong.
    const shown = name === "ADMIN_TOKEN" || name === "DATABASE_URL" ? "" : ` (got ${JSON.stringify(relevant[name])})`;
    return `${name}${shown}: ${issue.message}`;
  });
  throw new ConfigError(`invalid configuration: ${problems.join("; ")}`);
}
