/**
 * Peer baselines on the same chunks, out of the box: Orama with its Mandarin
 * tokenizer, and MiniSearch tokenising with jieba. They answer "is our ranking
 * better than a well-kept search library?" in the same report.
 */
import { create, insertMultiple, search } from "@orama/orama";
import { createTokenizer } from "@orama/tokenizers/mandarin";
import MiniSearch from "minisearch";
import type { Chunk } from "../src/corpus/types";
import type { Segmenter } from "../src/search/segmenter";
import { splitRuns } from "../src/text/runs";

export interface PeerSystem {
  name: string;
  /** Chunk indexes, best first. */
  search(question: string, k: number): Promise<number[]>;
}

export async function createOramaPeer(chunks: readonly Chunk[]): Promise<PeerSystem> {
  const db = create({
    schema: { text: "string", title: "string", index: "number" } as const,
    components: { tokenizer: createTokenizer() },
  });
  await insertMultiple(
    db,
    chunks.map((c, index) => ({ text: c.text, title: c.docTitle, index })),
  );
  return {
    name: "Orama (mandarin tokenizer)",
    async search(question, k) {
      const result = (await search(db, { term: question, properties: ["text", "title"], limit: k })) as {
        hits: { document: { index: number } }[];
      };
      return result.hits.map((h) => h.document.index);
    },
  };
}

export function createMiniSearchPeer(
  chunks: readonly Chunk[],
  segmenter: Segmenter,
  name = "MiniSearch (jieba tokens)",
): PeerSystem {
  const tokenize = (text: string) =>
    splitRuns(text).flatMap((run) => (run.kind === "cjk" ? segmenter.cutForSearch(run.text) : [run.text.toLowerCase()]));
  const mini = new MiniSearch<{ id: number; text: string; title: string }>({
    fields: ["text", "title"],
    tokenize,
  });
  mini.addAll(chunks.map((c, id) => ({ id, text: c.text, title: c.docTitle })));
  return {
    name,
    async search(question, k) {
      return mini
        .search(question)
        .slice(0, k)
        .map((r) => Number(r.id));
    },
  };
}
