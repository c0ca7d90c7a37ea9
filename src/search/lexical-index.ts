import type { Chunk } from "../corpus/types";
import type { Analyzer } from "./analyzer";
import {
  buildFieldIndex,
  deserializeFieldIndex,
  serializeFieldIndex,
  type FieldIndex,
  type SerializedFieldIndex,
} from "./bm25";

/** The three lexical fields every chunk is indexed under. */
export interface LexicalIndex {
  /** jieba words of the passage text. */
  words: FieldIndex;
  /** Character bigrams of the passage text: robust to segmentation misses. */
  bigrams: FieldIndex;
  /** Character bigrams of the document title, attached title and section path: the "title match" signal. */
  heading: FieldIndex;
}

export interface SerializedLexicalIndex {
  words: SerializedFieldIndex;
  bigrams: SerializedFieldIndex;
  heading: SerializedFieldIndex;
}

/** What a chunk is "about" beyond its own words: where it sits. */
export function headingText(chunk: Chunk, attachedTitle: string | null): string {
  return [chunk.docTitle, attachedTitle ?? "", ...chunk.sectionPath].join(" ");
}

export function buildLexicalIndex(
  chunks: readonly Chunk[],
  attachedTitles: ReadonlyMap<string, string | null>,
  analyzer: Analyzer,
): LexicalIndex {
  return {
    words: buildFieldIndex(chunks.map((c) => analyzer.words(c.text))),
    bigrams: buildFieldIndex(chunks.map((c) => analyzer.bigrams(c.text))),
    heading: buildFieldIndex(chunks.map((c) => analyzer.bigrams(headingText(c, attachedTitles.get(c.docId) ?? null)))),
  };
}

export function serializeLexicalIndex(index: LexicalIndex): SerializedLexicalIndex {
  return {
    words: serializeFieldIndex(index.words),
    bigrams: serializeFieldIndex(index.bigrams),
    heading: serializeFieldIndex(index.heading),
  };
}

export function deserializeLexicalIndex(data: SerializedLexicalIndex): LexicalIndex {
  return {
    words: deserializeFieldIndex(data.words),
    bigrams: deserializeFieldIndex(data.bigrams),
    heading: deserializeFieldIndex(data.heading),
  };
}
