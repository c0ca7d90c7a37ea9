/**
 * The index manifest: what an index was built from and what it contains, so a
 * stale, mismatched or damaged index is refused instead of served.
 */

export const INDEX_FORMAT_VERSION = 2;

export interface IndexFileEntry {
  sha256: string;
  bytes: number;
}

export interface IndexManifest {
  formatVersion: number;
  /** Content hash of the data files: the same inputs give the same buildId. */
  buildId: string;
  /** ISO timestamp of the build (informational, not part of buildId). */
  builtAt: string;
  /** sha256 of corpus/corpus.json the index was built from. */
  corpusHash: string;
  /** sha256 over the analysis inputs: user dictionary, stopwords, expansion table. */
  dictionaryHash: string;
  /** Dense model and vector dimension, or null for a lexical-only index. */
  model: { id: string; dimension: number } | null;
  /** Why dense retrieval is off, when it is. */
  denseReason: string | null;
  counts: { documents: number; chunks: number; wordTerms: number; bigramTerms: number; userWords: number };
  files: Record<string, IndexFileEntry>;
}

/** A reason not to serve an index, phrased for the person who has to fix it. */
export class IndexError extends Error {
  constructor(
    readonly code:
      | "index-missing"
      | "index-format"
      | "index-corrupt"
      | "corpus-changed"
      | "dictionary-changed"
      | "model-missing"
      | "model-mismatch",
    message: string,
  ) {
    super(message);
    this.name = "IndexError";
  }
}

export interface ManifestExpectations {
  /** Hash of the current corpus/corpus.json, when the runtime can see it. */
  corpusHash?: string;
  /** Hash of the current analysis inputs. */
  dictionaryHash?: string;
}

export function checkManifestShape(value: unknown): IndexManifest {
  const m = value as Partial<IndexManifest> | null;
  if (!m || typeof m !== "object" || typeof m.formatVersion !== "number" || !m.files || typeof m.files !== "object")
    throw new IndexError("index-corrupt", "index manifest is not a valid manifest object; run `npm run index`");
  if (m.formatVersion !== INDEX_FORMAT_VERSION)
    throw new IndexError(
      "index-format",
      `index format ${m.formatVersion} is not the supported format ${INDEX_FORMAT_VERSION}; run \`npm run index\``,
    );
  return m as IndexManifest;
}

export function checkManifestInputs(manifest: IndexManifest, expected: ManifestExpectations): void {
  if (expected.corpusHash && expected.corpusHash !== manifest.corpusHash)
    throw new IndexError(
      "corpus-changed",
      `corpus/corpus.json changed since the index was built (index ${short(manifest.corpusHash)}, corpus ${short(expected.corpusHash)}); run \`npm run index\``,
    );
  if (expected.dictionaryHash && expected.dictionaryHash !== manifest.dictionaryHash)
    throw new IndexError(
      "dictionary-changed",
      `stopwords or query-expansion data changed since the index was built; run \`npm run index\``,
    );
}

/** Verifies each file's size and checksum against the manifest. */
export async function checkFiles(
  manifest: IndexManifest,
  files: ReadonlyMap<string, Uint8Array>,
  sha256: (bytes: Uint8Array) => Promise<string> | string,
): Promise<void> {
  for (const [name, entry] of Object.entries(manifest.files)) {
    const bytes = files.get(name);
    if (!bytes) throw new IndexError("index-corrupt", `index file ${name} is missing; run \`npm run index\``);
    if (bytes.byteLength !== entry.bytes)
      throw new IndexError(
        "index-corrupt",
        `index file ${name} has ${bytes.byteLength} bytes, the manifest says ${entry.bytes} (truncated or replaced); run \`npm run index\``,
      );
    if ((await sha256(bytes)) !== entry.sha256)
      throw new IndexError("index-corrupt", `index file ${name} fails its checksum; run \`npm run index\``);
  }
}

function short(hash: string): string {
  return hash.slice(0, 12);
}
