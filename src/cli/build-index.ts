/**
 * `npm run index`: corpus/corpus.json → index/<buildId>/ (+ index/CURRENT).
 * Embeds passages when a model is installed under models/; otherwise builds a
 * lexical-only index and says so plainly.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Corpus } from "../corpus/types";
import { CORPUS_FORMAT_VERSION } from "../corpus/types";
import { buildIndexFiles, type IndexInputs } from "../index/build-index";
import { dictionaryFingerprint } from "../index/dictionary-hash";
import { buildUserDictionary } from "../index/user-dictionary";
import { discoverCorpusWords, wordDictionary } from "../index/corpus-words";
import { createAnalyzer, parseStopwords } from "../search/analyzer";
import { readAnalysisData, readJiebaDictionaryWords, readJiebaIdfTable } from "../node/data-files";
import { commonWordsFromJiebaIdf } from "../search/term-weights";
import { sha256Hex } from "../node/hash";
import { writeIndex } from "../node/index-store";
import { createJiebaSegmenter } from "../node/jieba-segmenter";
import { buildDenseVectors } from "../node/dense";
import { DEFAULT_MODEL_ID, DEFAULT_MODELS_DIR } from "../embed/transformers-embedder";

export interface BuildIndexArgs {
  corpusPath: string;
  indexDir: string;
  modelsDir: string;
  modelId: string | null;
  log: (line: string) => void;
}

export async function buildIndex(args: BuildIndexArgs): Promise<{ buildDir: string; manifestBuildId: string }> {
  const started = Date.now();
  if (!existsSync(args.corpusPath)) throw new Error(`${args.corpusPath} not found; run \`npm run corpus\` first`);
  const corpusBytes = readFileSync(args.corpusPath);
  const corpus = JSON.parse(corpusBytes.toString("utf8")) as Corpus;
  if (corpus.formatVersion !== CORPUS_FORMAT_VERSION)
    throw new Error(`${args.corpusPath} has format ${corpus.formatVersion}, expected ${CORPUS_FORMAT_VERSION}; run \`npm run corpus\``);

  const { named, discovered, userWords } = corpusUserWords(corpus);
  args.log(`user dictionary: ${named.length} named terms + ${discovered.length} discovered words (${discovered.join(" ")})`);
  const analysis = readAnalysisData();
  const analyzer = createAnalyzer(createJiebaSegmenter(userWords), parseStopwords(analysis.stopwords));

  let dense: IndexInputs["dense"];
  if (args.modelId === null) {
    dense = { reason: "embeddings switched off for this build (--lexical)" };
  } else {
    dense = await buildDenseVectors({
      chunks: corpus.chunks,
      modelsDir: args.modelsDir,
      modelId: args.modelId,
      log: args.log,
    });
  }
  if ("reason" in dense)
    args.log(`dense: disabled: ${dense.reason.replace(/^dense retrieval disabled:\s*/, "").replace(/\.?$/, ".")} The index is lexical only (BM25).`);
  else args.log(`dense: enabled: ${dense.modelId}, ${dense.dimension} dimensions`);

  const { manifest, files } = buildIndexFiles({
    corpus,
    corpusHash: sha256Hex(corpusBytes),
    dictionaryHash: sha256Hex(dictionaryFingerprint(analysis.stopwords, analysis.expansions, userWords)),
    userWords,
    generalIdf: commonWordsFromJiebaIdf(readJiebaIdfTable()),
    analyzer,
    dense,
    builtAt: new Date().toISOString(),
    sha256: sha256Hex,
  });
  const buildDir = await writeIndex(args.indexDir, manifest, files);
  const bytes = Object.values(manifest.files).reduce((sum, f) => sum + f.bytes, 0);
  args.log(
    `index: ${manifest.counts.documents} documents, ${manifest.counts.chunks} chunks, ` +
      `${manifest.counts.wordTerms} word terms, ${manifest.counts.bigramTerms} bigram terms, ` +
      `${manifest.counts.userWords} user-dictionary words, ${(bytes / 1024).toFixed(0)} KiB → ${buildDir} ` +
      `(${((Date.now() - started) / 1000).toFixed(2)} s)`,
  );
  return { buildDir, manifestBuildId: manifest.buildId };
}

/**
 * The index's user dictionary: terms the corpus names (units, quoted policy
 * terms) plus the words discovered in its text that jieba would cut apart.
 * Discovery counts the named terms as known, so it only adds what is still missing.
 */
export function corpusUserWords(corpus: Corpus): { named: string[]; discovered: string[]; userWords: string[] } {
  const named = buildUserDictionary(corpus);
  const discovered = discoverCorpusWords(corpus, wordDictionary([...readJiebaDictionaryWords(), ...named]));
  return { named, discovered, userWords: [...new Set([...named, ...discovered])].sort() };
}

export function parseArgs(argv: string[]): BuildIndexArgs {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    corpusPath: resolve(value("--corpus") ?? "corpus/corpus.json"),
    indexDir: resolve(value("--out") ?? "index"),
    modelsDir: resolve(value("--models") ?? process.env.MODELS_DIR ?? DEFAULT_MODELS_DIR),
    modelId: argv.includes("--lexical") ? null : (value("--model") ?? process.env.EMBEDDING_MODEL ?? DEFAULT_MODEL_ID),
    log: (line) => console.log(line),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildIndex(parseArgs(process.argv.slice(2))).catch((error: unknown) => {
    console.error(`index build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
