import { existsSync, readFileSync } from "node:fs";
import { createEngine, type DenseStatus, type Engine } from "../engine/engine";
import { dictionaryFingerprint } from "../index/dictionary-hash";
import { parseIndexFiles } from "../index/load-index";
import { checkManifestInputs, type IndexManifest } from "../index/manifest";
import { createAnalyzer, parseStopwords } from "../search/analyzer";
import { DEFAULT_RANKING } from "../search/config";
import type { DenseSearch } from "../search/retriever";
import { parseExpansions } from "../search/expansion";
import { readAnalysisData } from "./data-files";
import { sha256Hex } from "./hash";
import { readIndex } from "./index-store";
import { createJiebaSegmenter } from "./jieba-segmenter";

export interface LoadEngineOptions {
  indexDir: string;
  /** When given and present, the index must have been built from exactly this corpus file. */
  corpusPath?: string;
  /** Builds the dense side for an index that has vectors. Injected so lexical-only callers avoid loading ONNX. */
  loadDense?: (manifest: IndexManifest, buildDir: string) => Promise<DenseSearch>;
}

/** Reads, verifies and loads the current index. Throws IndexError with a fix-it message on any mismatch. */
export async function loadEngine(options: LoadEngineOptions): Promise<Engine> {
  const { manifest, files, buildDir } = await readIndex(options.indexDir);
  const data = parseIndexFiles(manifest, files);
  const analysisText = readAnalysisData();
  checkManifestInputs(manifest, {
    corpusHash:
      options.corpusPath && existsSync(options.corpusPath) ? sha256Hex(readFileSync(options.corpusPath)) : undefined,
    dictionaryHash: sha256Hex(dictionaryFingerprint(analysisText.stopwords, analysisText.expansions, data.userWords)),
  });
  const analyzer = createAnalyzer(createJiebaSegmenter(data.userWords), parseStopwords(analysisText.stopwords));
  let dense: DenseSearch | null = null;
  let denseStatus: DenseStatus;
  if (manifest.model && options.loadDense) {
    dense = await options.loadDense(manifest, buildDir);
    denseStatus = { enabled: true, model: manifest.model.id, reason: null };
  } else if (manifest.model) {
    denseStatus = { enabled: false, model: manifest.model.id, reason: "dense retrieval not loaded by this process" };
  } else {
    denseStatus = {
      enabled: false,
      model: null,
      reason: manifest.denseReason ?? "index was built without embeddings",
    };
  }
  return createEngine(data, {
    analyzer,
    expansions: parseExpansions(analysisText.expansions),
    config: DEFAULT_RANKING,
    dense,
    denseStatus,
  });
}
