import type { BenefitClause } from "../benefits/types";
import type { Chunk, PolicyDocument, UnitAlias } from "../corpus/types";
import type { IndexData } from "../engine/engine";
import { deserializeLexicalIndex, type SerializedLexicalIndex } from "../search/lexical-index";
import { INDEX_FILES } from "./build-index";
import { IndexError, type IndexManifest } from "./manifest";

const decoder = new TextDecoder("utf-8", { fatal: true });

/** The user dictionary the index was segmented with (one word per line). */
export function parseUserWords(files: ReadonlyMap<string, Uint8Array>): string[] {
  return decoder
    .decode(files.get(INDEX_FILES.userDictionary) ?? new Uint8Array())
    .split("\n")
    .filter(Boolean);
}

/** Parses verified index files into plain data. Pure: the Worker calls it on bundled bytes. */
export function parseIndexFiles(manifest: IndexManifest, files: ReadonlyMap<string, Uint8Array>): IndexData & { userWords: string[] } {
  const json = <T>(name: string): T => {
    const bytes = files.get(name);
    if (!bytes) throw new IndexError("index-corrupt", `index file ${name} is missing; run \`npm run index\``);
    try {
      return JSON.parse(decoder.decode(bytes)) as T;
    } catch {
      throw new IndexError("index-corrupt", `index file ${name} is not valid JSON; run \`npm run index\``);
    }
  };
  const documents = json<PolicyDocument[]>(INDEX_FILES.documents);
  const chunks = json<Chunk[]>(INDEX_FILES.chunks);
  const lexical = deserializeLexicalIndex(json<SerializedLexicalIndex>(INDEX_FILES.lexical));
  const unitAliases = json<UnitAlias[]>(INDEX_FILES.aliases);
  const benefits = json<BenefitClause[]>(INDEX_FILES.benefits);
  const generalIdf = new Map(Object.entries(json<Record<string, number>>(INDEX_FILES.generalIdf)));
  const groupChunkIndexes = json<number[]>(INDEX_FILES.groupPassages);
  const userWords = parseUserWords(files);
  if (chunks.length !== manifest.counts.chunks || lexical.words.docCount !== chunks.length)
    throw new IndexError("index-corrupt", `index chunk counts disagree with the manifest; run \`npm run index\``);
  return { manifest, documents, chunks, lexical, unitAliases, generalIdf, benefits, groupChunkIndexes, userWords };
}
