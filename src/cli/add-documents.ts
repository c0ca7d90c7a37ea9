/**
 * `npm run add -- FILE… [--corpus DIR] [--to SUBDIR] [--index DIR] [--no-index]`
 *
 * Checks each file with the reader of its format (.txt, .pdf, .html/.htm,
 * .docx) before anything is copied: a file that cannot be read, or holds no
 * official document (文号 line), is reported with the reason and NOT copied.
 * The readable ones are copied into the corpus folder (or its SUBDIR), then the
 * corpus and the index are rebuilt. A running server picks the new index up
 * with `kill -HUP <pid>` or `POST /admin/reload`. A file of the same name with
 * other content is never overwritten. Exit code 1 when a file was refused or
 * the rebuild failed; the served index is only ever replaced by a complete,
 * verified build (src/node/index-store.ts), so nothing already indexed is lost.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { parseGazette } from "../corpus/parse-gazette";
import { readCorpusFile } from "../node/read-corpus";
import { buildCorpusFolder } from "./build-corpus";
import { buildIndex, parseArgs as parseIndexArgs } from "./build-index";

export interface AddOptions {
  files: string[];
  corpusDir: string;
  /** Subfolder of the corpus folder to copy into ("" = the folder itself). */
  to: string;
  /** null: do not rebuild the index (the corpus is still rebuilt). */
  indexDir: string | null;
  log: (line: string) => void;
}

export async function addDocuments(options: AddOptions): Promise<number> {
  const accepted: Array<{ from: string; to: string }> = [];
  let refused = 0;
  for (const file of options.files) {
    const target = join(options.corpusDir, options.to, basename(file));
    const problem = await checkFile(file, target);
    if (problem) {
      refused++;
      options.log(`not added ${file}: ${problem}`);
      continue;
    }
    accepted.push({ from: file, to: target });
  }
  for (const { from, to } of accepted) {
    mkdirSync(join(to, ".."), { recursive: true });
    if (!existsSync(to)) copyFileSync(from, to);
    options.log(`added ${from} → ${relative(process.cwd(), to) || to}`);
  }
  if (accepted.length === 0) {
    options.log("nothing to add; corpus and index unchanged");
    return 1;
  }
  const built = await buildCorpusFolder(options.corpusDir, join(options.corpusDir, "corpus.json"));
  if (built !== 0) return built;
  if (options.indexDir !== null) {
    const args = { ...parseIndexArgs([]), corpusPath: join(options.corpusDir, "corpus.json"), indexDir: options.indexDir, log: options.log };
    await buildIndex(args);
    options.log("reload a running server with `kill -HUP <pid>` or POST /admin/reload");
  }
  return refused > 0 ? 1 : 0;
}

/** Why a file may not be added, or null. */
async function checkFile(file: string, target: string): Promise<string | null> {
  if (!existsSync(file)) return "no such file";
  const bytes = new Uint8Array(readFileSync(file));
  const read = await readCorpusFile(basename(file), bytes);
  if (!read.ok) return `${read.reason} — ${read.message}`;
  const parsed = parseGazette(basename(file), read.value.text, { kind: read.value.kind });
  if (parsed.documents.length === 0) return "no-document — no official document (a 文号 line such as 朔政办发〔2024〕3号) found in it";
  if (existsSync(target)) {
    const same = sha256(readFileSync(target)) === sha256(bytes);
    if (!same) return `a different file named ${basename(file)} is already in the corpus (${target}); rename one of them`;
  }
  return null;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function parseArgs(argv: string[]): AddOptions {
  const files: string[] = [];
  let corpusDir = "corpus";
  let to = "";
  let indexDir: string | null = "index";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--corpus") corpusDir = argv[++i] ?? corpusDir;
    else if (a === "--to") to = argv[++i] ?? "";
    else if (a === "--index") indexDir = argv[++i] ?? indexDir;
    else if (a === "--no-index") indexDir = null;
    else files.push(a);
  }
  return { files: files.map((f) => resolve(f)), corpusDir: resolve(corpusDir), to, indexDir: indexDir === null ? null : resolve(indexDir), log: (l) => console.log(l) };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const options = parseArgs(process.argv.slice(2));
  if (options.files.length === 0) {
    console.error("usage: npm run add -- FILE… [--corpus DIR] [--to SUBDIR] [--index DIR] [--no-index]");
    process.exitCode = 1;
  } else {
    addDocuments(options)
      .then((code) => (process.exitCode = code))
      .catch((e: unknown) => {
        console.error(`add failed: ${e instanceof Error ? e.message : String(e)}`);
        process.exitCode = 1;
      });
  }
}
