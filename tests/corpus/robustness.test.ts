/** Property tests: bad, truncated or random input never throws and chunks keep their invariants. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseGazette } from "../../src/corpus/parse-gazette";
import { buildCorpus } from "../../src/corpus/build-corpus";
import { checkChunkInvariants, seedText } from "./helpers";

const lines = seedText.split("\n");

function parsesCleanly(name: string, text: string): void {
  const r = parseGazette(name, text);
  for (const d of r.documents) {
    expect(d.text).toBe(d.paragraphs.map((p) => p.text).join("\n"));
    for (const p of d.paragraphs) expect(d.text.slice(p.start, p.end)).toBe(p.text);
  }
  for (const w of r.warnings) expect(w.file).toBe(name);
}

describe("robustness", () => {
  it("handles empty, binary and non-gazette input with warnings", () => {
    expect(parseGazette("empty.txt", "").warnings).toContainEqual(expect.objectContaining({ code: "not-a-gazette", file: "empty.txt" }));
    const binary = parseGazette("x.bin", "\u0000\u0001\u0002PK\u0003\u0004\ufffd\ufffd");
    expect(binary.warnings.map((w) => w.code)).toContain("binary-input");
    expect(parseGazette("readme.txt", "# Hello\n\nThis is not a gazette.").documents).toEqual([]);
  });

  it("never throws on random strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."朔政发〔2023〕16号关于通知（）()，,。：:\n\t 一、1. 组 长专栏表-$"), maxLength: 300 }), (s) => {
        parsesCleanly("random.txt", s);
      }),
      { numRuns: 200 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => parsesCleanly("random.txt", s)), { numRuns: 200 });
  });

  it("never throws on slices and truncations of the real file", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: lines.length }), fc.integer({ min: 0, max: 400 }), (start, len) => {
        parsesCleanly("slice.txt", lines.slice(start, start + len).join("\n"));
      }),
      { numRuns: 40 },
    );
    fc.assert(fc.property(fc.integer({ min: 0, max: seedText.length }), (cut) => parsesCleanly("cut.txt", seedText.slice(0, cut))), { numRuns: 15 });
  });

  it("keeps chunk invariants when random lines are deleted", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: lines.length - 1 }), { maxLength: 60 }), (drop) => {
        const gone = new Set(drop);
        const text = lines.filter((_, i) => !gone.has(i)).join("\n");
        checkChunkInvariants(buildCorpus([{ name: "deleted.txt", text, sha256: "x" }]));
      }),
      { numRuns: 8 },
    );
  });
});
