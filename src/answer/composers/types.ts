import type { Engine } from "../../engine/engine";
import type { ContentTerm } from "../../search/evidence";
import type { ParsedQuery } from "../../search/query";
import type { SearchResult } from "../../search/retriever";
import type { AnswerLine, AnswerUnit, Citation } from "../types";

/** What every composer reads: the one question analysis, the retrieval and the cited passages. */
export interface ComposeContext {
  engine: Engine;
  query: ParsedQuery;
  result: SearchResult;
  citations: readonly Citation[];
  /** The question's content terms with their weights (from the analysis). */
  terms: readonly ContentTerm[];
}

/**
 * A composer's answer body: the fact, quote and field lines in reading order.
 * The orchestrator adds the units, source, notice and next-step lines.
 */
export interface Composition {
  lines: AnswerLine[];
  /** Citations the lines quote, in the order they are quoted. */
  used: Citation[];
  /** The quoted sentences (for the expiry check). */
  quoted: string[];
  /** Units of what was quoted, for the units line (the composer decides which units an item has). */
  units: AnswerUnit[];
  /** True when the lines already name the units (a "which unit" answer): no separate units line then. */
  unitsShown?: boolean;
  /** Replacement citation list (the entitlement composer swaps in clause passages). */
  citations?: Citation[];
}

/** One small handler per intent: null means "not mine after all", and the next composer in the chain runs. */
export type Composer = (ctx: ComposeContext) => Composition | null;
