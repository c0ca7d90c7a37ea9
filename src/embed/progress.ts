/**
 * Progress for long embedding runs. On a terminal: one line rewritten in
 * place. In CI or when piped: a plain line every `everyPercent` so logs stay
 * short and readable.
 */

export interface ProgressSink {
  isTTY?: boolean;
  write(chunk: string): unknown;
}

export interface ProgressReporterOptions {
  /** What is being counted, e.g. "embedding passages". */
  label: string;
  /** Usually process.stderr. */
  sink: ProgressSink;
  /** Set from process.env.CI === "true": CI consoles render "\r" badly. */
  ci?: boolean;
  /** Plain-line mode: print when progress crosses a multiple of this. */
  everyPercent?: number;
  /** How to print a count, e.g. as megabytes. */
  formatCount?: (count: number) => string;
  now?: () => number;
}

/** `embedding passages 120/1500 (8%) 35.2/s ETA 39s` */
export function formatProgress(
  label: string,
  done: number,
  total: number,
  elapsedMs: number,
  formatCount: (count: number) => string = String,
): string {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const rateText = rate > 0 ? `${formatCount === String ? rate.toFixed(1) : formatCount(rate)}/s` : "-/s";
  const eta = done >= total ? "done" : rate > 0 ? `ETA ${formatDuration((total - done) / rate)}` : "ETA ?";
  return `${label} ${formatCount(done)}/${formatCount(total)} (${percent}%) ${rateText} ${eta}`;
}

/** `12.3 MB` / `16.9 kB`, for download progress. */
export function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${(bytes / 1000).toFixed(1)} kB`;
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

/** Returns an `onProgress(done, total)` callback. */
export function createProgressReporter({
  label,
  sink,
  ci = false,
  everyPercent = 10,
  formatCount = String,
  now = Date.now,
}: ProgressReporterOptions): (done: number, total: number) => void {
  const startedAt = now();
  const inPlace = Boolean(sink.isTTY) && !ci;
  let lastBucket = -1;
  let finished = false;

  return function reportProgress(done, total) {
    if (finished) return;
    const line = formatProgress(label, done, total, now() - startedAt, formatCount);
    const complete = done >= total;
    if (inPlace) {
      // "\x1b[K" clears what a longer previous line left behind.
      sink.write(`\r${line}\x1b[K${complete ? "\n" : ""}`);
    } else {
      const bucket = total > 0 ? Math.floor((done / total) * 100 / everyPercent) : 0;
      if (bucket > lastBucket || complete) sink.write(`${line}\n`);
      lastBucket = bucket;
    }
    finished = complete;
  };
}
