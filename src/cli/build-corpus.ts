/**
 * `npm run corpus [-- <corpus-dir> [<output-file>]]`
 *
 * Reads every *.txt gazette in the corpus folder (default ./corpus, sorted by
 * name), builds the corpus and writes it atomically (temp file + rename) to
 * <corpus-dir>/corpus.json unless another output path is given. Prints a
 * summary and every warning. Exit code 1 on I/O failure.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { buildCorpus, serialiseCorpus, type GazetteFile } from "../corpus/build-corpus";
import type { Corpus } from "../corpus/types";

export function readGazetteFolder(dir: string): GazetteFile[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith(".txt"))
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      return { name, text: bytes.toString("utf8"), sha256: createHash("sha256").update(bytes).digest("hex") };
    });
}

export function writeCorpusAtomically(corpus: Corpus, outFile: string): void {
  mkdirSync(dirname(outFile), { recursive: true });
  const tmp = `${outFile}.${process.pid}.tmp`;
  writeFileSync(tmp, serialiseCorpus(corpus), "utf8");
  renameSync(tmp, outFile);
}

export function summarise(corpus: Corpus): string {
  const paragraphs = corpus.documents.reduce((n, d) => n + d.paragraphs.length, 0);
  const lines = [
    `issues: ${corpus.issues.length}  documents: ${corpus.documents.length}  paragraphs: ${paragraphs}  chunks: ${corpus.chunks.length}  unit aliases: ${corpus.unitAliases.length}  warnings: ${corpus.warnings.length}`,
    ...corpus.warnings.map((w) => `  warning [${w.code}] ${w.file}${w.line === null ? "" : `:${w.line}`} ${w.message}`),
  ];
  return lines.join("\n");
}

function main(argv: string[]): number {
  const dir = resolve(argv[0] ?? "corpus");
  const out = resolve(argv[1] ?? join(dir, "corpus.json"));
  try {
    const files = readGazetteFolder(dir);
    if (files.length === 0) {
      console.error(`build-corpus: no *.txt gazette files in ${dir}`);
      return 1;
    }
    const corpus = buildCorpus(files);
    writeCorpusAtomically(corpus, out);
    console.log(summarise(corpus));
    console.log(`wrote ${out}`);
    return 0;
  } catch (e) {
    console.error(`build-corpus: ${(e as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = main(process.argv.slice(2));
}
