/**
 * `npm run corpus [-- <corpus-dir> [<output-file>]]`
 *
 * Reads every file in the corpus folder (default ./corpus, subfolders too,
 * sorted by path) by its format — .txt, .pdf, .html/.htm, .docx — builds the
 * corpus and writes it atomically (temp file + rename) to
 * <corpus-dir>/corpus.json unless another output path is given. A file that
 * cannot be read is skipped with its reason; the rest of the build goes on.
 * Prints how many files were read and skipped, and every warning. Exit code 1
 * on I/O failure or when no file could be read.
 */
import { renameSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { buildCorpus, serialiseCorpus } from "../corpus/build-corpus";
import type { Corpus } from "../corpus/types";
import { readCorpusFolder, readSummary } from "../node/read-corpus";

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

export async function buildCorpusFolder(dir: string, out: string): Promise<number> {
  try {
    const folder = await readCorpusFolder(dir);
    console.log(readSummary(folder));
    if (folder.files.length === 0) {
      console.error(`build-corpus: no readable gazette or document file in ${dir}`);
      return 1;
    }
    const corpus = buildCorpus(folder.files, folder.skipped);
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
  const dir = resolve(process.argv[2] ?? "corpus");
  process.exitCode = await buildCorpusFolder(dir, resolve(process.argv[3] ?? join(dir, "corpus.json")));
}
