/**
 * Node side of dense retrieval: transformers.js embeddings in an hnswlib index.
 * Both directions say plainly why dense retrieval is off; neither invents vectors.
 */
import { isAbsolute, join, relative } from "node:path";
import type { Chunk } from "../corpus/types";
import { createDenseSearcher, indexPassages } from "../embed/dense-search";
import { passageForEmbedding } from "../embed/passage-text";
import { createProgressReporter } from "../embed/progress";
import { loadTransformersEmbedder } from "../embed/transformers-embedder";
import { INDEX_FILES } from "../index/build-index";
import { IndexError, type IndexManifest } from "../index/manifest";
import type { DenseSearch } from "../search/retriever";
import { HnswIndex } from "../vector/hnsw-index";

export interface DenseBuildArgs {
  chunks: readonly Chunk[];
  modelsDir: string;
  modelId: string;
  log: (line: string) => void;
}

/** Embeds every chunk and serialises an HNSW index, or explains why it cannot. */
export async function buildDenseVectors(
  args: DenseBuildArgs,
): Promise<{ modelId: string; dimension: number; bytes: Uint8Array } | { reason: string }> {
  const loaded = await loadTransformersEmbedder({ modelId: args.modelId, modelsDir: args.modelsDir });
  // The reason is stored in the committed manifest: name the folder as the project sees it, not this machine's path.
  if ("unavailable" in loaded) return { reason: loaded.unavailable.split(args.modelsDir).join(projectPath(args.modelsDir)) };
  const { embedder } = loaded;
  args.log(`embedding ${args.chunks.length} passages with ${embedder.modelId} (${embedder.dimension} dimensions)`);
  const index = HnswIndex.create(embedder.dimension, { capacity: Math.max(16, args.chunks.length) });
  await indexPassages(
    embedder,
    index,
    args.chunks.map(passageForEmbedding),
    createProgressReporter({ label: "embedding", sink: process.stderr, ci: process.env.CI === "true" }),
  );
  return { modelId: embedder.modelId, dimension: embedder.dimension, bytes: index.toBytes() };
}

/** A folder inside the project as the project names it ("models"); anything else unchanged. */
function projectPath(folder: string): string {
  const inside = relative(process.cwd(), folder);
  return inside && !inside.startsWith("..") && !isAbsolute(inside) ? inside : folder;
}

/** loadEngine's `loadDense` hook for models installed in `modelsDir`. */
export function denseFrom(modelsDir: string): (manifest: IndexManifest, buildDir: string) => Promise<DenseSearch> {
  return (manifest, buildDir) => loadDenseSearch(manifest, buildDir, modelsDir);
}

/** Query-side dense search for an index that has vectors; fails loudly if the model is gone or different. */
export async function loadDenseSearch(manifest: IndexManifest, buildDir: string, modelsDir: string): Promise<DenseSearch> {
  const model = manifest.model;
  if (!model) throw new IndexError("model-missing", `index ${manifest.buildId} has no vectors`);
  const loaded = await loadTransformersEmbedder({ modelId: model.id, modelsDir });
  if ("unavailable" in loaded)
    throw new IndexError(
      "model-missing",
      `index ${manifest.buildId} was built with embeddings from ${model.id}, but that model cannot be loaded: ${loaded.unavailable} ` +
        `Install it (\`npm run model:fetch\`) or rebuild a lexical index (\`npm run index -- --lexical\`).`,
    );
  if (loaded.embedder.dimension !== model.dimension)
    throw new IndexError(
      "model-mismatch",
      `index ${manifest.buildId} holds ${model.dimension}-dimension vectors but ${model.id} in ${modelsDir} embeds to ` +
        `${loaded.embedder.dimension}; run \`npm run index\``,
    );
  let index: HnswIndex;
  try {
    index = HnswIndex.load(join(buildDir, INDEX_FILES.vectors), model.dimension);
  } catch (error) {
    throw new IndexError("index-corrupt", `vector index: ${error instanceof Error ? error.message : String(error)}; run \`npm run index\``);
  }
  return createDenseSearcher(loaded.embedder, index);
}
