/**
 * Builds the whole corpus from many gazette files: parse each issue, attach
 * responsible units (alias table from ALL documents of ALL issues), chunk.
 * Pure and deterministic: same files in → byte-identical JSON out.
 */
import { CORPUS_FORMAT_VERSION, type Chunk, type Corpus, type PolicyDocument, type UnitAlias } from "./types";
import { parseGazette } from "./parse-gazette";
import { chunkDocument, DEFAULT_CHUNK_OPTIONS } from "./chunker";
import { annotateUnits } from "./attach-units";

export interface GazetteFile {
  /** File name relative to the corpus folder. */
  name: string;
  text: string;
  /** sha256 of the raw bytes, hex. */
  sha256: string;
}

export function buildCorpus(files: GazetteFile[]): Corpus {
  const sorted = files.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const parsed = sorted.map((f) => parseGazette(f.name, f.text));
  const documents: PolicyDocument[] = parsed.flatMap((p) => p.documents);
  const warnings = parsed.flatMap((p) => p.warnings);

  // The same 文号 in two issues (a reprint) must not produce two documents with one id.
  const seen = new Set<string>();
  for (const d of documents) {
    if (seen.has(d.id)) {
      warnings.push({ code: "missing-field", file: d.gazette.issueId, line: d.sourceLines[0], message: `document ${d.docNumber} appears in more than one issue; id suffixed with the issue id` });
      d.id = `${d.id}-${d.gazette.issueId}`;
    }
    seen.add(d.id);
  }

  const unitAliases: UnitAlias[] = annotateUnits(documents, (file, line, message) => warnings.push({ code: "unparsed-line", file, line, message }));
  const chunks: Chunk[] = documents.flatMap((d) => chunkDocument(d, DEFAULT_CHUNK_OPTIONS));

  return {
    formatVersion: CORPUS_FORMAT_VERSION,
    sources: sorted.map((f) => ({ name: f.name, sha256: f.sha256 })),
    issues: parsed.map((p) => p.issue),
    documents,
    chunks,
    unitAliases,
    warnings,
  };
}

/** Serialises a corpus: 2-space JSON plus a final newline. */
export function serialiseCorpus(corpus: Corpus): string {
  return `${JSON.stringify(corpus, null, 2)}\n`;
}
