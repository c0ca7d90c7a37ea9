import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTokenBuckets } from "../../src/http/middleware/token-bucket";

function fakeClock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => void (time += ms), set: (ms: number) => void (time = ms) };
}

describe("token buckets", () => {
  it("lets a client burst up to its capacity, then refuses with the time until the next token", () => {
    const clock = fakeClock();
    const buckets = createTokenBuckets({ capacity: 3, refillMs: 60_000, now: clock.now });
    expect([1, 2, 3].map(() => buckets.take("a").allowed)).toEqual([true, true, true]);
    const refused = buckets.take("a");
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterMs: 20_000 });
  });

  it("refills continuously at capacity per refill period", () => {
    const clock = fakeClock();
    const buckets = createTokenBuckets({ capacity: 60, refillMs: 60_000, now: clock.now });
    for (let i = 0; i < 60; i++) buckets.take("a");
    expect(buckets.take("a").allowed).toBe(false);
    clock.advance(999);
    expect(buckets.take("a").allowed).toBe(false);
    clock.advance(1);
    expect(buckets.take("a").allowed).toBe(true); // one token per second
    expect(buckets.take("a").allowed).toBe(false);
    clock.advance(10 * 60_000);
    expect(buckets.take("a")).toEqual({ allowed: true, remaining: 59 }); // never more than capacity
  });

  it("keeps clients apart: one client's flood does not spend another's budget", () => {
    const clock = fakeClock();
    const buckets = createTokenBuckets({ capacity: 2, refillMs: 60_000, now: clock.now });
    for (let i = 0; i < 10; i++) buckets.take("flooder");
    expect(buckets.take("flooder").allowed).toBe(false);
    expect(buckets.take("neighbour")).toEqual({ allowed: true, remaining: 1 });
  });

  it("neither mints tokens nor locks a client out when the clock goes backwards", () => {
    const clock = fakeClock();
    const buckets = createTokenBuckets({ capacity: 1, refillMs: 1_000, now: clock.now });
    expect(buckets.take("a").allowed).toBe(true);
    clock.advance(-50_000);
    expect(buckets.take("a").allowed).toBe(false);
    clock.advance(50_000 + 1_000);
    expect(buckets.take("a").allowed).toBe(true);
  });

  it("forgets buckets idle long enough to be full again, so memory does not grow with past clients", () => {
    const clock = fakeClock();
    const buckets = createTokenBuckets({ capacity: 5, refillMs: 60_000, now: clock.now });
    for (let i = 0; i < 1_000; i++) buckets.take(`10.0.${i >> 8}.${i & 255}`);
    expect(buckets.size()).toBe(1_000);
    clock.advance(60_000);
    buckets.take("newcomer");
    expect(buckets.size()).toBe(1);
  });

  it("holds at most maxKeys buckets, dropping the least recently seen", () => {
    const clock = fakeClock();
    const buckets = createTokenBuckets({ capacity: 1, refillMs: 60_000, now: clock.now, maxKeys: 3 });
    for (const key of ["a", "b", "c"]) buckets.take(key);
    buckets.take("a"); // a is now the most recent; b the least
    buckets.take("d");
    expect(buckets.size()).toBe(3);
    expect(buckets.take("a").allowed).toBe(false); // still remembered (spent)
    expect(buckets.take("b").allowed).toBe(true); // forgotten: starts full again
  });

  it("rejects settings that cannot work", () => {
    expect(() => createTokenBuckets({ capacity: 0, refillMs: 1 })).toThrow(/capacity/);
    expect(() => createTokenBuckets({ capacity: 1, refillMs: 0 })).toThrow(/refillMs/);
  });

  it("never allows more than capacity + elapsed × rate requests (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 100, max: 100_000 }),
        fc.array(fc.record({ wait: fc.integer({ min: 0, max: 5_000 }), key: fc.constantFrom("a", "b") }), { maxLength: 300 }),
        (capacity, refillMs, steps) => {
          const clock = fakeClock(0);
          const buckets = createTokenBuckets({ capacity, refillMs, now: clock.now });
          const allowed = { a: 0, b: 0 };
          for (const step of steps) {
            clock.advance(step.wait);
            const result = buckets.take(step.key);
            if (result.allowed) allowed[step.key]++;
            else expect(result.retryAfterMs).toBeGreaterThan(0);
          }
          const budget = capacity + (clock.now() * capacity) / refillMs;
          expect(allowed.a).toBeLessThanOrEqual(Math.floor(budget));
          expect(allowed.b).toBeLessThanOrEqual(Math.floor(budget));
        },
      ),
      { numRuns: 300 },
    );
  });
});
