import type { Chunk, PolicyDocument } from "../../src/corpus/types";
import { INDEX_FILES } from "../../src/index/build-index";
import type { IndexManifest } from "../../src/index/manifest";
import { readAnalysisData } from "../../src/node/data-files";
import { sha256Hex } from "../../src/node/hash";
import { readIndex } from "../../src/node/index-store";
import { bundleIndexFiles, WORKER_BUNDLE_FORMAT, type WorkerIndexBundle } from "../../src/worker/index-bundle";
import { testIndexDir } from "../helpers/engine";

export interface BundleFixture {
  manifest: IndexManifest;
  chunks: Chunk[];
  /** The index build's documents, as the Node service loads them. */
  documents: PolicyDocument[];
  /** A fresh bundle, as the generated module hands it to the Worker, each call (tests may damage it). */
  bundle(): WorkerIndexBundle;
}

let pending: Promise<BundleFixture> | null = null;

/** The Worker bundle of a lexical index built from the current corpus, once per test file. */
export function bundleFixture(): Promise<BundleFixture> {
  pending ??= (async () => {
    const { manifest, files: indexFiles } = await readIndex(await testIndexDir());
    const { files, checksums } = bundleIndexFiles(indexFiles, readAnalysisData(), sha256Hex);
    const chunks = JSON.parse(new TextDecoder().decode(indexFiles.get(INDEX_FILES.chunks))) as Chunk[];
    const documents = JSON.parse(new TextDecoder().decode(indexFiles.get(INDEX_FILES.documents))) as PolicyDocument[];
    return {
      manifest,
      chunks,
      documents,
      bundle: () => ({
        formatVersion: WORKER_BUNDLE_FORMAT,
        manifest: structuredClone(manifest),
        checksums: structuredClone(checksums),
        files: Object.fromEntries([...files].map(([name, bytes]) => [name, bytes.slice().buffer])),
      }),
    };
  })();
  return pending;
}
