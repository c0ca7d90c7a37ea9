/**
 * Chunks: the unit of retrieval and citation.
 *
 * Rules:
 *  - a chunk never crosses a document or a section: it covers paragraphs that
 *    share one sectionPath, plus any bare ancestor headings right before them
 *    (a lone "二、总体要求" is merged into the chunk of its first subsection);
 *  - text chunks break only at paragraph ends or sentence ends (。；！？, a
 *    closing quote/bracket directly after them stays with the sentence, and a
 *    responsibility marker "（…负责）" right after 。 stays with its task);
 *  - target 150–500 characters, hard maximum 800. A single sentence longer than
 *    800 is split at its last "，" before the limit (last resort), or hard-cut
 *    when it has none;
 *  - table rows are packed by row group (rows sharing their first cell, i.e. a
 *    merged first column) — a group is never split unless it exceeds 800;
 *  - chunk.text === doc.text.slice(start, end), verbatim.
 */
import type { Chunk, PolicyDocument, UnitRole } from "./types";
import { chunkId } from "./ids";

export interface ChunkOptions {
  minChars: number;
  targetChars: number;
  maxChars: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { minChars: 150, targetChars: 500, maxChars: 800 };

interface Piece {
  start: number;
  end: number;
  para: number;
  /** First row of a table row group. */
  groupStart: boolean;
}

export function chunkDocument(doc: PolicyDocument, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Chunk[] {
  const chunks: Chunk[] = [];
  const ordinals = new Map<string, number>();
  for (const run of sectionRuns(doc)) {
    const isTable = doc.paragraphs[run[run.length - 1]!]!.kind === "table-row";
    const pieces = isTable ? tablePieces(doc, run, options.maxChars) : textPieces(doc, run, options.maxChars);
    const groups = pack(pieces, options, isTable);
    const sectionPath = doc.paragraphs[run[run.length - 1]!]!.sectionPath;
    const key = sectionPath.join("/");
    for (const g of groups) {
      const ordinal = ordinals.get(key) ?? 0;
      ordinals.set(key, ordinal + 1);
      const first = g[0]!;
      const last = g[g.length - 1]!;
      chunks.push({
        id: chunkId(doc.id, sectionPath, ordinal),
        docId: doc.id,
        docNumber: doc.docNumber,
        docTitle: doc.title,
        sectionPath,
        kind: isTable ? "table" : "text",
        text: doc.text.slice(first.start, last.end),
        start: first.start,
        end: last.end,
        units: unionUnits(doc, first.para, last.para),
        paragraphs: [first.para, last.para],
        issueId: doc.sources[0]?.issueId ?? null,
        page: null,
      });
    }
  }
  return chunks;
}

/** Runs of paragraph indices sharing a sectionPath (and table-ness); bare ancestor headings join the next run. */
export function sectionRuns(doc: PolicyDocument): number[][] {
  const runs: number[][] = [];
  let current: number[] = [];
  const key = (i: number) => {
    const p = doc.paragraphs[i]!;
    return JSON.stringify([p.sectionPath, p.kind === "table-row" ? p.table ?? "" : null]);
  };
  doc.paragraphs.forEach((p, i) => {
    const prev = current[current.length - 1];
    // Document and attached-text titles (headings outside every section) always start a run.
    const titleBreak = p.kind === "heading" && p.sectionPath.length === 0;
    if (prev !== undefined && (key(prev) !== key(i) || titleBreak)) {
      runs.push(current);
      current = [];
    }
    current.push(i);
  });
  if (current.length > 0) runs.push(current);

  // Merge heading-only runs forward into a descendant run in the same top-level section.
  const merged: number[][] = [];
  let pending: number[] = [];
  runs.forEach((run, k) => {
    const all = [...pending, ...run];
    const onlyHeadings = run.every((i) => doc.paragraphs[i]!.kind === "heading");
    const next = runs[k + 1];
    const here = doc.paragraphs[run[0]!]!.sectionPath;
    if (onlyHeadings && next && here.length > 0 && isPrefix(here, doc.paragraphs[next[0]!]!.sectionPath)) {
      pending = all;
      return;
    }
    merged.push(all);
    pending = [];
  });
  if (pending.length > 0) merged.push(pending);
  return merged;
}

function isPrefix(a: string[], b: string[]): boolean {
  return a.length <= b.length && a.every((t, i) => b[i] === t);
}

/** Sentence pieces of the run's paragraphs (absolute offsets into doc.text). */
function textPieces(doc: PolicyDocument, run: number[], maxChars: number): Piece[] {
  const pieces: Piece[] = [];
  for (const i of run) {
    const p = doc.paragraphs[i]!;
    for (const [a, b] of sentenceSpans(p.text, maxChars)) pieces.push({ start: p.start + a, end: p.start + b, para: i, groupStart: true });
  }
  return pieces;
}

function tablePieces(doc: PolicyDocument, run: number[], maxChars: number): Piece[] {
  let previousFirstCell: string | null = null;
  return run.flatMap((i) => {
    const p = doc.paragraphs[i]!;
    const firstCell = p.kind === "table-row" ? p.text.split("；")[0]! : null;
    const groupStart = firstCell === null || firstCell !== previousFirstCell;
    previousFirstCell = firstCell;
    if (p.end - p.start <= maxChars) return [{ start: p.start, end: p.start + p.text.length, para: i, groupStart }];
    // A row longer than the maximum (long prose cells) is cut at sentence ends like text.
    return sentenceSpans(p.text, maxChars).map(([a, b], k) => ({ start: p.start + a, end: p.start + b, para: i, groupStart: groupStart && k === 0 }));
  });
}

const TERMINATORS = "。！？；";
const CLOSERS = "”’」』）)》】";

/**
 * Sentence spans of one paragraph: [start, end) pairs covering it exactly.
 * Sentences longer than maxChars are cut at their last "，" before the limit.
 */
export function sentenceSpans(text: string, maxChars: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    i++;
    if (!TERMINATORS.includes(ch)) continue;
    while (i < text.length && CLOSERS.includes(text[i]!)) i++;
    // "…。（市发改委牵头负责）" — the marker closes the task, keep it with the sentence.
    if (text[i] === "（" || text[i] === "(") continue;
    spans.push([start, i]);
    start = i;
  }
  if (start < text.length) spans.push([start, text.length]);
  if (spans.length === 0) spans.push([0, 0]);
  return spans.flatMap(([a, b]) => splitLong(text, a, b, maxChars));
}

/** Last resort for one sentence over the hard maximum: cut after "，", else hard-cut. */
function splitLong(text: string, a: number, b: number, maxChars: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  while (b - a > maxChars) {
    const window = text.slice(a, a + maxChars);
    const comma = Math.max(window.lastIndexOf("，"), window.lastIndexOf("、"));
    const cut = comma > maxChars / 4 ? a + comma + 1 : a + maxChars;
    out.push([a, cut]);
    a = cut;
  }
  out.push([a, b]);
  return out;
}

/**
 * Greedy packing: close a chunk when the next piece would pass the target and
 * the chunk already has the minimum, or when it would pass the hard maximum.
 * Table pieces are first grouped so that a row group is never split.
 */
function pack(pieces: Piece[], o: ChunkOptions, isTable: boolean): Piece[][] {
  const units: Piece[][] = [];
  for (const p of pieces) {
    const lastUnit = units[units.length - 1];
    if (isTable && !p.groupStart && lastUnit && span(lastUnit.concat(p)) <= o.maxChars) lastUnit.push(p);
    else units.push([p]);
  }
  const out: Piece[][] = [];
  let current: Piece[] = [];
  for (const u of units) {
    if (current.length === 0) {
      current = u.slice();
      continue;
    }
    const size = span(current);
    const combined = span(current.concat(u));
    if (combined > o.maxChars || (combined > o.targetChars && size >= o.minChars)) {
      out.push(current);
      current = u.slice();
    } else current.push(...u);
  }
  if (current.length > 0) out.push(current);
  // A short tail joins the chunk before it when that stays under the maximum.
  if (out.length >= 2) {
    const tail = out[out.length - 1]!;
    const before = out[out.length - 2]!;
    if (span(tail) < o.minChars && span(before.concat(tail)) <= o.maxChars) {
      out.splice(out.length - 2, 2, before.concat(tail));
    }
  }
  return out;
}

function span(pieces: Piece[]): number {
  return pieces[pieces.length - 1]!.end - pieces[0]!.start;
}

function unionUnits(doc: PolicyDocument, first: number, last: number): UnitRole[] {
  const seen = new Set<string>();
  const out: UnitRole[] = [];
  for (let i = first; i <= last; i++) {
    for (const u of doc.paragraphs[i]!.units) {
      const k = `${u.canonical}\u0000${u.role}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(u);
    }
  }
  return out;
}
