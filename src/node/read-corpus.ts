/**
 * Reads every file under a corpus folder (subfolders too) by its format and
 * returns what the corpus build takes, plus the files that could not be read
 * and why. Never throws for a bad file: it is skipped with a message naming
 * it, and the rest of the build goes on.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { GazetteFile } from "../corpus/build-corpus";
import type { SkippedFile } from "../corpus/types";
import { readHtml } from "../ingest/html";
import { formatOfName, sniff } from "../ingest/sniff";
import { skip, type ReadResult, type SourceFormat } from "../ingest/types";
import { readDocx } from "./docx-reader";
import { readPdf } from "./pdf-reader";

export interface CorpusFolder {
  files: GazetteFile[];
  skipped: SkippedFile[];
}

/** corpus.json and other build outputs and notes are not sources. */
const NOT_SOURCES = /(^|\/)(corpus\.json|README(\.md)?|\.[^/]*)$/;

export async function readCorpusFolder(dir: string): Promise<CorpusFolder> {
  const files: GazetteFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const path of listFiles(dir)) {
    const name = relative(dir, path).split(sep).join("/");
    if (NOT_SOURCES.test(name)) continue;
    const bytes = new Uint8Array(readFileSync(path));
    const read = await readCorpusFile(name, bytes);
    if (!read.ok) {
      skipped.push({ file: name, reason: read.reason, message: read.message });
      continue;
    }
    const v = read.value;
    files.push({ name, text: v.text, sha256: createHash("sha256").update(bytes).digest("hex"), format: v.format, kind: v.kind, linePages: v.linePages, fields: v.fields });
  }
  return { files, skipped };
}

/** One file by its extension, after checking that its bytes are what the extension says. */
export async function readCorpusFile(name: string, bytes: Uint8Array): Promise<ReadResult> {
  const format = formatOfName(name);
  if (format === null) return skip("unsupported-format", `no reader for this extension (supported: .txt, .pdf, .html/.htm, .docx; save a .doc as .docx)`);
  const actual = sniff(bytes);
  if (actual === "empty") return skip("corrupt", "the file is empty");
  if (!agrees(format, actual)) return skip("wrong-format", `the extension says ${format} but the content looks like ${actual}`);
  return READERS[format](bytes);
}

const READERS: Record<SourceFormat, (bytes: Uint8Array) => Promise<ReadResult> | ReadResult> = {
  txt: (bytes) => ({ ok: true, value: { format: "txt", text: new TextDecoder("utf-8").decode(bytes), linePages: null, kind: "issue", fields: {}, removed: [] } }),
  pdf: readPdf,
  docx: readDocx,
  html: (bytes) => readHtml(new TextDecoder("utf-8").decode(bytes)),
};

function agrees(format: SourceFormat, actual: ReturnType<typeof sniff>): boolean {
  if (format === "txt") return actual === "txt" || actual === "binary"; // binary text is reported by the parser (binary-input)
  return format === actual;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

/** The build's one-paragraph summary of what was read and skipped. */
export function readSummary(folder: CorpusFolder): string {
  const byFormat = new Map<string, number>();
  for (const f of folder.files) byFormat.set(f.format ?? "txt", (byFormat.get(f.format ?? "txt") ?? 0) + 1);
  const formats = [...byFormat].map(([f, n]) => `${n} ${f}`).join(", ");
  const lines = [`files read: ${folder.files.length}${formats ? ` (${formats})` : ""}  skipped: ${folder.skipped.length}`];
  for (const s of folder.skipped) lines.push(`  skipped ${s.file}: ${s.reason} — ${s.message}`);
  return lines.join("\n");
}
