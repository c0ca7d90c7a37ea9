import { describe, expect, it } from "vitest";
import { sizeVerdict, WORKER_LIMITS } from "../../scripts/worker-size";

const module = (gzipBytes: number, bytes = gzipBytes * 2) => ({ name: "m", bytes, gzipBytes });

describe("worker size check (npm run worker:size)", () => {
  it("sums gzip sizes over all uploaded modules and names the plan the Worker needs", () => {
    expect(sizeVerdict([module(1024 * 1024), module(1024 * 1024)]).plan).toBe("free");
    const paid = sizeVerdict([module(2.8 * 1024 * 1024), module(0.7 * 1024 * 1024)]);
    expect(paid.plan).toBe("paid");
    expect(paid.line).toMatch(/3\.50 MiB gzip.*needs the Paid plan/);
    expect(sizeVerdict([module(WORKER_LIMITS.paidCompressed + 1)]).plan).toBe("too large");
    expect(sizeVerdict([module(1024, WORKER_LIMITS.uncompressed + 1)]).plan).toBe("too large");
  });
});
