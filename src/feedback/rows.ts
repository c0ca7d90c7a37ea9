/**
 * Turns database rows into the store's records, the same way for every backend
 * (pg returns COUNT(*) as a string and BIGINT as a string; SQLite returns numbers).
 */
import {
  dayLabel,
  type CitedDocument,
  type DailyRefusals,
  type DocumentAsks,
  type ProblemAsk,
  type Rating,
  type RatingReason,
} from "./store";

type Row = Record<string, unknown>;

const num = (value: unknown): number => (typeof value === "number" ? value : Number(value ?? 0));
const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export function toProblemAsks(rows: readonly Row[], citationRows: readonly Row[]): ProblemAsk[] {
  const citations = new Map<string, CitedDocument[]>();
  for (const row of citationRows) {
    const id = String(row.ask_id);
    const list = citations.get(id) ?? [];
    list.push({ docId: String(row.doc_id), score: num(row.score) });
    citations.set(id, list);
  }
  return rows.map((row) => ({
    askId: String(row.ask_id),
    at: num(row.at),
    question: str(row.question),
    intent: str(row.intent),
    answered: Boolean(num(row.answered)),
    reason: str(row.reason),
    rating: str(row.rating) as Rating | null,
    ratingReason: str(row.rating_reason) as RatingReason | null,
    comment: str(row.comment),
    citations: citations.get(String(row.ask_id)) ?? [],
  }));
}

export function toDocumentAsks(rows: readonly Row[]): DocumentAsks[] {
  return rows.map((row) => ({ docId: String(row.doc_id), asks: num(row.asks), problems: num(row.problems) }));
}

export function toDailyRefusals(rows: readonly Row[]): DailyRefusals[] {
  return rows.map((row) => ({ day: dayLabel(num(row.day)), asks: num(row.asks), refused: num(row.refused), down: num(row.down) }));
}
