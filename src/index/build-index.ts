import { extractBenefits } from "../benefits/extract";
import type { Corpus } from "../corpus/types";
import type { Analyzer } from "../search/analyzer";
import { buildLexicalIndex, serializeLexicalIndex, type SerializedLexicalIndex } from "../search/lexical-index";
import { groupChunkIndexes } from "./group-passages";
import { INDEX_FORMAT_VERSION, type IndexManifest } from "./manifest";

/** File names inside an index build folder. */
export const INDEX_FILES = {
  manifest: "manifest.json",
  documents: "documents.json",
  chunks: "chunks.json",
  lexical: "lexical.json",
  userDictionary: "user-dictionary.txt",
  aliases: "unit-aliases.json",
  generalIdf: "general-idf.json",
  benefits: "benefits.json",
  groupPassages: "group-passages.json",
  vectors: "vectors.hnsw",
} as const;

export interface IndexInputs {
  corpus: Corpus;
  corpusHash: string;
  dictionaryHash: string;
  userWords: string[];
  /** Common words' general-language IDF (see search/term-weights.ts). */
  generalIdf: Record<string, number>;
  analyzer: Analyzer;
  /** Serialised vector index and its model, or why there is none. */
  dense: { modelId: string; dimension: number; bytes: Uint8Array } | { reason: string };
  builtAt: string;
  sha256: (bytes: Uint8Array) => string;
}

export interface BuiltIndex {
  manifest: IndexManifest;
  files: Map<string, Uint8Array>;
}

const encoder = new TextEncoder();

/** Pure: corpus + analysis → the bytes of every index file and the manifest describing them. */
export function buildIndexFiles(inputs: IndexInputs): BuiltIndex {
  const { corpus } = inputs;
  const attachedTitles = new Map(corpus.documents.map((d) => [d.id, d.attachedTitle]));
  const lexical = buildLexicalIndex(corpus.chunks, attachedTitles, inputs.analyzer);
  const serialized: SerializedLexicalIndex = serializeLexicalIndex(lexical);

  const files = new Map<string, Uint8Array>();
  files.set(INDEX_FILES.documents, encoder.encode(JSON.stringify(corpus.documents)));
  files.set(INDEX_FILES.chunks, encoder.encode(JSON.stringify(corpus.chunks)));
  files.set(INDEX_FILES.lexical, encoder.encode(JSON.stringify(serialized)));
  files.set(INDEX_FILES.userDictionary, encoder.encode(inputs.userWords.join("\n") + "\n"));
  files.set(INDEX_FILES.aliases, encoder.encode(JSON.stringify(corpus.unitAliases)));
  files.set(INDEX_FILES.generalIdf, encoder.encode(JSON.stringify(inputs.generalIdf)));
  // Benefit clauses need the documents' paragraphs; extracting them here lets every runtime serve them from the index.
  files.set(INDEX_FILES.benefits, encoder.encode(JSON.stringify(extractBenefits(corpus))));
  // So do the passages that answer group questions (they are found by paragraph kind).
  files.set(INDEX_FILES.groupPassages, encoder.encode(JSON.stringify(groupChunkIndexes(corpus))));
  if ("bytes" in inputs.dense) files.set(INDEX_FILES.vectors, inputs.dense.bytes);

  const entries: IndexManifest["files"] = {};
  for (const name of [...files.keys()].sort()) {
    const bytes = files.get(name)!;
    entries[name] = { sha256: inputs.sha256(bytes), bytes: bytes.byteLength };
  }
  // Everything the index depends on names the build, so a changed input is a new build folder.
  const model = "bytes" in inputs.dense ? `${inputs.dense.modelId}:${inputs.dense.dimension}` : "lexical";
  const buildId = inputs
    .sha256(
      encoder.encode(
        [`corpus:${inputs.corpusHash}`, `dictionary:${inputs.dictionaryHash}`, `model:${model}`, ...Object.entries(entries).map(([n, e]) => `${n}:${e.sha256}`)].join("\n"),
      ),
    )
    .slice(0, 16);
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    buildId,
    builtAt: inputs.builtAt,
    corpusHash: inputs.corpusHash,
    dictionaryHash: inputs.dictionaryHash,
    model: "bytes" in inputs.dense ? { id: inputs.dense.modelId, dimension: inputs.dense.dimension } : null,
    denseReason: "reason" in inputs.dense ? inputs.dense.reason : null,
    counts: {
      documents: corpus.documents.length,
      chunks: corpus.chunks.length,
      wordTerms: lexical.words.postings.size,
      bigramTerms: lexical.bigrams.postings.size,
      userWords: inputs.userWords.length,
    },
    files: entries,
  };
  return { manifest, files };
}
