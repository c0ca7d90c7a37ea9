/**
 * The index as the Worker carries it: the files of one index build (index/<buildId>/),
 * imported into the script as bytes, plus the two analysis data files the index
 * was built with. Pure, so the build script (Node) and the Worker (workerd) share it.
 *
 * Compact: documents.json loses `paragraphs` (the corpus build's working copy of
 * the text, ~30% of the index; what query time needs from them, the group passages,
 * is its own index file). Every bundled file gets its own checksum, verified with
 * Web Crypto when the Worker loads the bundle.
 */
import type { PolicyDocument } from "../corpus/types";
import { createEngine, type DenseStatus, type Engine, type IndexData } from "../engine/engine";
import { INDEX_FILES } from "../index/build-index";
import { dictionaryFingerprint } from "../index/dictionary-hash";
import { parseIndexFiles } from "../index/load-index";
import { checkFiles, checkManifestInputs, checkManifestShape, IndexError, type IndexFileEntry, type IndexManifest } from "../index/manifest";
import { createAnalyzer, parseStopwords } from "../search/analyzer";
import { DEFAULT_RANKING, type RankingConfig } from "../search/config";
import { parseExpansions } from "../search/expansion";
import type { DenseSearch } from "../search/retriever";
import type { Segmenter } from "../search/segmenter";

export const WORKER_BUNDLE_FORMAT = 1;

/** The analysis inputs hashed into the manifest's dictionaryHash, bundled under these names. */
export const ANALYSIS_FILES = { stopwords: "stopwords.txt", expansions: "query-expansion.json" } as const;

/** Index files the Worker needs (vectors.hnsw stays behind: Vectorize holds the Worker's vectors). */
export const BUNDLED_INDEX_FILES = [
  INDEX_FILES.documents,
  INDEX_FILES.chunks,
  INDEX_FILES.lexical,
  INDEX_FILES.userDictionary,
  INDEX_FILES.aliases,
  INDEX_FILES.generalIdf,
  INDEX_FILES.benefits,
  INDEX_FILES.groupPassages,
] as const;

export interface WorkerIndexBundle {
  formatVersion: number;
  /** The index build's own manifest (buildId, corpusHash, counts): what /health reports. */
  manifest: unknown;
  /** Size and sha256 of each bundled file as bundled (documents.json compacted). */
  checksums: Record<string, IndexFileEntry>;
  files: Record<string, ArrayBuffer>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/** Build side: the index build's files + analysis texts → the files to bundle and their checksums. */
export function bundleIndexFiles(
  indexFiles: ReadonlyMap<string, Uint8Array>,
  analysis: { stopwords: string; expansions: string },
  sha256: (bytes: Uint8Array) => string,
): { files: Map<string, Uint8Array>; checksums: Record<string, IndexFileEntry> } {
  const files = new Map<string, Uint8Array>();
  for (const name of BUNDLED_INDEX_FILES) {
    const bytes = indexFiles.get(name);
    if (!bytes) throw new IndexError("index-corrupt", `index file ${name} is missing; run \`npm run index\``);
    files.set(name, name === INDEX_FILES.documents ? compactDocuments(bytes) : bytes);
  }
  files.set(ANALYSIS_FILES.stopwords, encoder.encode(analysis.stopwords));
  files.set(ANALYSIS_FILES.expansions, encoder.encode(analysis.expansions));
  const checksums: Record<string, IndexFileEntry> = {};
  for (const [name, bytes] of files) checksums[name] = { sha256: sha256(bytes), bytes: bytes.byteLength };
  return { files, checksums };
}

function compactDocuments(bytes: Uint8Array): Uint8Array {
  const documents = JSON.parse(decoder.decode(bytes)) as PolicyDocument[];
  return encoder.encode(JSON.stringify(documents.map((d) => ({ ...d, paragraphs: [] }))));
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export interface DenseSetup {
  dense: DenseSearch | null;
  status: DenseStatus;
}

export interface BundledEngineOptions {
  /** Query-side word segmentation with the index's user dictionary. */
  segmenter: (userWords: readonly string[]) => Segmenter;
  /** The dense side, given the loaded data (to map vector ids to chunks). */
  dense: (data: IndexData) => DenseSetup;
  config?: RankingConfig;
}

/** Worker side: verifies and loads a bundle into the same Engine the Node service builds. */
export async function loadBundledEngine(bundle: WorkerIndexBundle, options: BundledEngineOptions): Promise<Engine> {
  if (bundle.formatVersion !== WORKER_BUNDLE_FORMAT)
    throw new IndexError(
      "index-format",
      `worker index bundle format ${bundle.formatVersion} is not ${WORKER_BUNDLE_FORMAT}; run \`npm run build:worker\``,
    );
  const manifest: IndexManifest = checkManifestShape(bundle.manifest);
  for (const name of [...BUNDLED_INDEX_FILES, ...Object.values(ANALYSIS_FILES)])
    if (!bundle.checksums[name])
      throw new IndexError("index-corrupt", `worker index bundle has no checksum for ${name}; run \`npm run build:worker\``);
  const files = new Map(Object.entries(bundle.files).map(([name, buffer]) => [name, new Uint8Array(buffer)]));
  await checkFiles({ ...manifest, files: bundle.checksums }, files, sha256Hex);
  const data = parseIndexFiles(manifest, files);
  const stopwords = decoder.decode(files.get(ANALYSIS_FILES.stopwords));
  const expansions = decoder.decode(files.get(ANALYSIS_FILES.expansions));
  checkManifestInputs(manifest, {
    dictionaryHash: await sha256Hex(encoder.encode(dictionaryFingerprint(stopwords, expansions, data.userWords))),
  });
  const { userWords: _userWords, ...indexData } = data;
  const analyzer = createAnalyzer(options.segmenter(data.userWords), parseStopwords(stopwords));
  const { dense, status } = options.dense(indexData);
  return createEngine(indexData, {
    analyzer,
    expansions: parseExpansions(expansions),
    config: options.config ?? DEFAULT_RANKING,
    dense,
    denseStatus: status,
  });
}
