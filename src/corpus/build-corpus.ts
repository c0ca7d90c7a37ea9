/**
 * Builds the whole corpus from many files: parse each (a gazette issue or one
 * document on its own), record where every document came from, merge a
 * document printed twice, link documents that repeal or replace earlier ones,
 * attach responsible units (alias table from ALL documents of ALL files),
 * chunk. Pure and deterministic: same files in → byte-identical JSON out.
 */
import {
  CORPUS_FORMAT_VERSION,
  type Chunk,
  type Corpus,
  type DocumentSource,
  type ParseWarning,
  type PolicyDocument,
  type SkippedFile,
  type SourceFormatName,
  type UnitAlias,
} from "./types";
import { parseGazette } from "./parse-gazette";
import { chunkDocument, DEFAULT_CHUNK_OPTIONS } from "./chunker";
import { annotateUnits } from "./attach-units";
import { docNumberKey, isoDate } from "./layout";
import { removeWhitespace } from "./text";
import { linkReplacements } from "./replacements";

export interface GazetteFile {
  /** File name relative to the corpus folder. */
  name: string;
  /** The file as gazette lines: the text itself for .txt, what src/ingest made of a PDF, web page or Word file otherwise. */
  text: string;
  /** sha256 of the raw bytes, hex. */
  sha256: string;
  /** Default "txt". */
  format?: SourceFormatName;
  /** Default "issue": a gazette issue; "document": one document without masthead (web page, Word attachment). */
  kind?: "issue" | "document";
  /** Printed page of each line (index = line number − 1), for PDFs. */
  linePages?: Array<number | null> | null;
  /** A web page's metadata table. */
  fields?: Record<string, string>;
}

export function buildCorpus(files: GazetteFile[], skipped: SkippedFile[] = []): Corpus {
  const sorted = files.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const parsed = sorted.map((f) => ({ file: f, result: parseGazette(f.name, f.text, { kind: f.kind ?? "issue" }) }));
  const warnings: ParseWarning[] = parsed.flatMap((p) => p.result.warnings);
  const pageOfChunkStart = new Map<PolicyDocument, (line: number) => number | null>();

  const all: PolicyDocument[] = [];
  for (const { file, result } of parsed) {
    for (const d of result.documents) {
      if (file.fields) fillFromFields(d, file.fields, file.name, warnings);
      const pages = file.linePages ?? null;
      const pageAt = (line: number) => pages?.[line - 1] ?? null;
      pageOfChunkStart.set(d, pageAt);
      d.sources = [sourceOf(file, d, pages === null ? d.gazette.page : pageAt(d.sourceLines[0]))];
      all.push(d);
    }
  }
  const documents = mergeDuplicates(all, warnings);

  // The same 文号 with another title in two files must not produce two documents with one id.
  const seen = new Set<string>();
  for (const d of documents) {
    if (seen.has(d.id)) {
      const where = d.gazette.issueId || d.sources[0]!.file;
      warnings.push({ code: "missing-field", file: where, line: d.sourceLines[0], message: `document ${d.docNumber} appears in more than one issue; id suffixed with the issue id` });
      d.id = `${d.id}-${where.replace(/[^A-Za-z0-9-]/g, "-")}`;
    }
    seen.add(d.id);
  }
  linkReplacements(documents);

  const unitAliases: UnitAlias[] = annotateUnits(documents, (file, line, message) => warnings.push({ code: "unparsed-line", file, line, message }));
  const chunks: Chunk[] = documents.flatMap((d) => {
    const pageAt = pageOfChunkStart.get(d)!;
    return chunkDocument(d, DEFAULT_CHUNK_OPTIONS).map((c) => ({ ...c, page: pageAt(d.paragraphs[c.paragraphs[0]]!.sourceLines[0]) }));
  });
  for (const s of skipped) warnings.push({ code: "skipped-file", file: s.file, line: null, message: `${s.reason}: ${s.message}` });

  return {
    formatVersion: CORPUS_FORMAT_VERSION,
    sources: sorted.map((f) => ({ name: f.name, sha256: f.sha256, format: f.format ?? "txt" })),
    issues: parsed.filter((p) => (p.file.kind ?? "issue") === "issue").map((p) => p.result.issue),
    documents,
    chunks,
    unitAliases,
    warnings,
    skipped: skipped.slice().sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
  };
}

function sourceOf(file: GazetteFile, d: PolicyDocument, page: number | null): DocumentSource {
  const issue = (file.kind ?? "issue") === "issue" && d.gazette.issueId !== "" ? d.gazette.issueId : null;
  return { file: file.name, format: file.format ?? "txt", issueId: issue, page, fields: file.fields ?? {} };
}

/**
 * One document printed twice (same 文号 and title: a reprint in a later issue,
 * or a PDF and a web page of it) is kept once, with every source listed. The
 * text kept is a gazette issue's (it has pages and a TOC), the earliest file
 * first; a reprint whose text differs is reported.
 */
function mergeDuplicates(documents: PolicyDocument[], warnings: ParseWarning[]): PolicyDocument[] {
  const byKey = new Map<string, PolicyDocument>();
  const out: PolicyDocument[] = [];
  for (const d of documents) {
    const key = `${docNumberKey(d.docNumber)}|${removeWhitespace(d.title)}`;
    const kept = byKey.get(key);
    if (!kept) {
      byKey.set(key, d);
      out.push(d);
      continue;
    }
    const keptIsIssue = kept.sources[0]!.issueId !== null;
    const newIsIssue = d.sources[0]!.issueId !== null;
    const [primary, other] = !keptIsIssue && newIsIssue ? [d, kept] : [kept, d];
    if (removeWhitespace(primary.text) !== removeWhitespace(other.text)) {
      warnings.push({
        code: "duplicate-document",
        file: other.sources[0]!.file,
        line: other.sourceLines[0],
        message: `${d.docNumber} is also in ${primary.sources[0]!.file} with a different text; the text of ${primary.sources[0]!.file} is kept`,
      });
    }
    primary.sources = [...primary.sources, ...other.sources];
    if (primary !== kept) {
      out[out.indexOf(kept)] = primary;
      byKey.set(key, primary);
    }
  }
  return out;
}

/** A web page's metadata table fills what the body does not print (many sites print 文号 and date only there). */
function fillFromFields(d: PolicyDocument, fields: Record<string, string>, file: string, warnings: ParseWarning[]): void {
  const date = /(\d{4})\s*[年-]\s*(\d{1,2})\s*[月-]\s*(\d{1,2})/.exec(fields["成文日期"] ?? "");
  if (date) {
    const iso = isoDate(Number(date[1]), Number(date[2]), Number(date[3]));
    if (d.date === "") d.date = iso;
    else if (d.date !== iso) warnings.push({ code: "missing-field", file, line: null, message: `成文日期 ${fields["成文日期"]} differs from the signed date ${d.date} of ${d.docNumber} (body kept)` });
  }
  const issuer = fields["发文机关"];
  if (issuer && d.issuer === "") d.issuer = issuer;
  const number = fields["发文字号"];
  if (number && docNumberKey(number) !== docNumberKey(d.docNumber)) {
    warnings.push({ code: "missing-field", file, line: null, message: `发文字号 ${number} differs from the document number ${d.docNumber} in the body (body kept)` });
  }
}

/** Serialises a corpus: 2-space JSON plus a final newline. */
export function serialiseCorpus(corpus: Corpus): string {
  return `${JSON.stringify(corpus, null, 2)}\n`;
}
