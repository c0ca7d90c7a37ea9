import { describe, expect, it } from "vitest";
import { createProgressReporter, formatDuration, formatBytes, formatProgress } from "../../src/embed/progress";

function recordingSink(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, sink: { isTTY, write: (chunk: string) => chunks.push(chunk) } };
}

/** A clock that advances one second per reading after the start. */
function steppingClock() {
  let t = 0;
  return () => (t += 1000) - 1000;
}

describe("formatProgress", () => {
  it("shows count, percent, rate and time left", () => {
    expect(formatProgress("embedding passages", 120, 1500, 4000)).toBe("embedding passages 120/1500 (8%) 30.0/s ETA 46s");
  });

  it("says done at the end and does not divide by zero at the start", () => {
    expect(formatProgress("x", 10, 10, 2000)).toBe("x 10/10 (100%) 5.0/s done");
    expect(formatProgress("x", 0, 10, 0)).toBe("x 0/10 (0%) -/s ETA ?");
    expect(formatProgress("x", 0, 0, 0)).toBe("x 0/0 (100%) -/s done");
  });

  it("can show counts as bytes, for downloads", () => {
    expect(formatProgress("model.onnx", 2_500_000, 10_000_000, 1000, formatBytes)).toBe(
      "model.onnx 2.5 MB/10.0 MB (25%) 2.5 MB/s ETA 3s",
    );
    expect(formatBytes(16_901)).toBe("16.9 kB");
  });

  it("formats long durations in minutes and hours", () => {
    expect(formatDuration(59.4)).toBe("59s");
    expect(formatDuration(61)).toBe("1m01s");
    expect(formatDuration(3 * 3600 + 5 * 60)).toBe("3h05m");
  });
});

describe("createProgressReporter", () => {
  it("rewrites one line in place on a terminal and ends it with a newline", () => {
    const { chunks, sink } = recordingSink(true);
    const report = createProgressReporter({ label: "emb", sink, now: steppingClock() });
    report(1, 3);
    report(2, 3);
    report(3, 3);
    expect(chunks).toHaveLength(3);
    expect(chunks.every((chunk) => chunk.startsWith("\r"))).toBe(true);
    expect(chunks[2]).toMatch(/emb 3\/3 \(100%\).*done\x1b\[K\n$/);
    expect(chunks.slice(0, 2).join("")).not.toContain("\n");
  });

  it("prints plain lines only every N percent when not a terminal", () => {
    const { chunks, sink } = recordingSink(false);
    const report = createProgressReporter({ label: "emb", sink, everyPercent: 25, now: steppingClock() });
    for (let done = 1; done <= 100; done++) report(done, 100);
    expect(chunks.map((chunk) => chunk.split(" ")[1])).toEqual(["1/100", "25/100", "50/100", "75/100", "100/100"]);
    expect(chunks.every((chunk) => chunk.endsWith("\n") && !chunk.includes("\r"))).toBe(true);
  });

  it("uses plain lines in CI even on a terminal", () => {
    const { chunks, sink } = recordingSink(true);
    const report = createProgressReporter({ label: "emb", sink, ci: true, now: steppingClock() });
    report(5, 10);
    report(10, 10);
    expect(chunks).toEqual([expect.stringMatching(/^emb 5\/10 .*\n$/), expect.stringMatching(/^emb 10\/10 .*done\n$/)]);
  });

  it("stays quiet after the run is complete", () => {
    const { chunks, sink } = recordingSink(false);
    const report = createProgressReporter({ label: "emb", sink, now: steppingClock() });
    report(2, 2);
    report(2, 2);
    expect(chunks).toHaveLength(1);
  });
});
