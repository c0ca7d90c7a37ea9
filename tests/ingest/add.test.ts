import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { addDocuments } from "../../src/cli/add-documents";
import type { Corpus } from "../../src/corpus/types";

const ROOT = resolve(import.meta.dirname, "../..");
const FIX = join(ROOT, "tests/fixtures/ingest");

function tempCorpus(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "policy-qa-add-")), "corpus");
  mkdirSync(dir);
  copyFileSync(join(ROOT, "corpus/shuozhou-gazette-2023-03.txt"), join(dir, "shuozhou-gazette-2023-03.txt"));
  return dir;
}

describe("npm run add", () => {
  it("copies readable files, refuses unreadable ones without copying them, and rebuilds the corpus", async () => {
    const corpusDir = tempCorpus();
    const log: string[] = [];
    const code = await addDocuments({
      files: [join(FIX, "files/gazette-2024-02.docx"), join(FIX, "bad/truncated.pdf")],
      corpusDir,
      to: "2024",
      indexDir: null,
      log: (l) => log.push(l),
    });
    expect(code).toBe(1); // one file refused
    expect(existsSync(join(corpusDir, "2024/gazette-2024-02.docx"))).toBe(true);
    expect(existsSync(join(corpusDir, "2024/truncated.pdf"))).toBe(false);
    expect(log.join("\n")).toMatch(/not added .*truncated\.pdf: corrupt/);
    const corpus = JSON.parse(readFileSync(join(corpusDir, "corpus.json"), "utf8")) as Corpus;
    expect(corpus.issues.map((i) => i.id).sort()).toEqual(["2023-03", "2024-02"]);
    expect(corpus.documents.some((d) => d.docNumber === "朔政办发〔2024〕9号")).toBe(true);
  }, 60_000);

  it("never overwrites a different file of the same name, and changes nothing when no file is accepted", async () => {
    const corpusDir = tempCorpus();
    const other = join(corpusDir, "..", "shuozhou-gazette-2023-03.txt");
    // A readable gazette with documents, but not the file already in the corpus under that name.
    writeFileSync(other, readFileSync(join(FIX, "text/gazette-2024-01.txt")));
    const log: string[] = [];
    const code = await addDocuments({ files: [other], corpusDir, to: "", indexDir: null, log: (l) => log.push(l) });
    expect(code).toBe(1);
    expect(log.join("\n")).toMatch(/a different file named shuozhou-gazette-2023-03\.txt is already in the corpus/);
    expect(readFileSync(join(corpusDir, "shuozhou-gazette-2023-03.txt"))).toEqual(readFileSync(join(ROOT, "corpus/shuozhou-gazette-2023-03.txt")));
    expect(existsSync(join(corpusDir, "corpus.json"))).toBe(false);
  });
});
