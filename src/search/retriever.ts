import type { Chunk } from "../corpus/types";
import type { Analyzer } from "./analyzer";
import { accumulateBm25, type WeightedTerm } from "./bm25";
import type { RankingConfig } from "./config";
import { passageCoverage, type ContentTerm } from "./evidence";
import type { LexicalIndex } from "./lexical-index";
import { suppliesAnswerType, type AnswerType } from "./answer-type";
import { isFiller } from "./filler";
import { resolveFollowUp, type Turn } from "./followup";
import { parseQuery, type ParsedQuery, type QueryParserParts } from "./query";
import { generalWeight, RARE_WEIGHT, type GeneralIdf } from "./term-weights";

/** Dense side of hybrid retrieval: an embedder plus a vector index, behind one call. */
export interface DenseSearch {
  readonly modelId: string;
  /** Chunk indexes with cosine similarity, best first. */
  search(question: string, k: number): Promise<{ chunkIndex: number; score: number }[]>;
}

export interface SearchFilters {
  /** Only passages of these documents. */
  docIds?: readonly string[];
  /** Only passages where this canonical unit has a role. */
  unitCanonical?: string;
}

export interface SearchOptions {
  k: number;
  filters?: SearchFilters;
  /** Per-call ranking overrides (evaluation ablations). */
  config?: RankingConfig;
  /** Skip the dense list even when available (ablation: lexical only). */
  lexicalOnly?: boolean;
  /** Skip the lexical list (ablation: dense only). */
  denseOnly?: boolean;
}

/** Why a passage ranked where it did; kept for debugging and the evaluation report. */
export interface HitSignals {
  lexicalRank: number | null;
  denseRank: number | null;
  denseScore: number | null;
  docNumberBoost: number;
  unitRoleBoost: number;
  answerTypeBoost: number;
}

export interface Hit {
  chunkIndex: number;
  chunk: Chunk;
  score: number;
  signals: HitSignals;
}

export interface SearchResult {
  query: ParsedQuery;
  hits: Hit[];
  mode: "hybrid" | "lexical";
  /**
   * How much of the question the best-covering answer candidate covers (0–1,
   * IDF-weighted over the question's content words). A candidate is one of the
   * three best passages by topic (the order without the answer-type boost) that
   * also states the asked-for kind of fact, so topic and fact must meet in one
   * passage. The answer layer refuses below a calibrated threshold.
   */
  evidence: number;
  /** The kind of fact the question asks for (amount, duration, date, ratio), if any. */
  answerType: AnswerType;
  /** Whether one of the three best passages by topic states a fact of that kind. */
  answerTypeSupplied: boolean;
  /**
   * The best coverage among the three best passages by topic, whether or not they
   * state the asked fact: high topic evidence with no fact means "the documents
   * cover this but do not say".
   */
  topicEvidence: number;
  /**
   * Share (0–1, by weight) of the question's content terms that occur nowhere in
   * the collection, neither as written nor as a policy term standing in for them:
   * a question about 驾照 is not about anything the collection holds, however well
   * its other words match.
   */
  unknownShare: number;
  /** Those terms, most specific first. */
  unknownTerms: string[];
}

export interface RetrieverParts {
  chunks: readonly Chunk[];
  lexical: LexicalIndex;
  analyzer: Analyzer;
  parser: QueryParserParts;
  config: RankingConfig;
  /** General-language IDF of common words (jieba's table), to tell question filler from content. */
  generalIdf: GeneralIdf;
  /** Documents that appoint or remove officials (任免), for appointment questions. */
  appointmentDocIds?: readonly string[];
  /** Passages that list a group's leaders and members or say where its office sits, for group questions. */
  groupChunkIndexes?: readonly number[];
  dense?: DenseSearch | null;
}

export class Retriever {
  private readonly chunkUnits: Set<string>[];

  private readonly appointmentDocs: ReadonlySet<string>;

  private readonly groupChunks: ReadonlySet<number>;

  /** Passage indexes of each document, for questions that name one. */
  private readonly chunksOfDocument = new Map<string, number[]>();

  /** Per answer type, whether each passage states such a fact: 1/0, -1 until first asked (passages never change). */
  private readonly statesFact = new Map<Exclude<AnswerType, null>, Int8Array>();

  constructor(private readonly parts: RetrieverParts) {
    this.chunkUnits = parts.chunks.map((c) => new Set(c.units.map((u) => u.canonical)));
    this.appointmentDocs = new Set(parts.appointmentDocIds ?? []);
    this.groupChunks = new Set(parts.groupChunkIndexes ?? []);
    parts.chunks.forEach((c, i) => {
      const indexes = this.chunksOfDocument.get(c.docId);
      if (indexes) indexes.push(i);
      else this.chunksOfDocument.set(c.docId, [i]);
    });
  }

  get mode(): "hybrid" | "lexical" {
    return this.parts.dense ? "hybrid" : "lexical";
  }

  get config(): RankingConfig {
    return this.parts.config;
  }

  get denseModel(): string | null {
    return this.parts.dense?.modelId ?? null;
  }

  parse(question: string): ParsedQuery {
    return parseQuery(question, this.parts.parser);
  }

  /**
   * The one analysis of a question in its conversation: a short follow-up
   * (那护理补贴呢) is read with the previous user turn, then parsed once.
   */
  analyse(question: string, history?: readonly Turn[]): ParsedQuery {
    return this.parse(resolveFollowUp(question, history).query);
  }

  async search(question: string | ParsedQuery, options: SearchOptions): Promise<SearchResult> {
    const config = options.config ?? this.parts.config;
    const query = typeof question === "string" ? this.parse(question) : question;
    const allowed = this.allowedMask(options.filters);
    const useDense = !!this.parts.dense && !options.lexicalOnly;

    const lexicalScores = options.denseOnly ? null : this.lexicalScores(query, config);
    const lexicalList = lexicalScores ? rankScores(lexicalScores, allowed, config.candidateDepth) : [];
    const denseList = useDense
      ? (await this.parts.dense!.search(query.text, config.candidateDepth * 2))
          .filter((d) => !allowed || allowed[d.chunkIndex])
          .slice(0, config.candidateDepth)
      : [];

    const base = new Map<number, number>();
    const lexicalRank = new Map(lexicalList.map((d, rank) => [d.index, rank + 1]));
    const denseRank = new Map(denseList.map((d, rank) => [d.chunkIndex, rank + 1]));
    const denseScore = new Map(denseList.map((d) => [d.chunkIndex, d.score]));
    if (useDense && !options.denseOnly && denseList.length) {
      // Reciprocal-rank fusion: robust to the two lists' incomparable score scales.
      for (const [index, rank] of lexicalRank) base.set(index, config.lexicalWeight / (config.rrfK + rank));
      for (const [index, rank] of denseRank)
        base.set(index, (base.get(index) ?? 0) + config.denseWeight / (config.rrfK + rank));
    } else if (options.denseOnly) {
      for (const d of denseList) base.set(d.chunkIndex, d.score);
    } else {
      for (const d of lexicalList) base.set(d.index, d.score);
    }
    const maxBase = Math.max(0, ...base.values()) || 1;

    const docBoostFor = documentBoosts(query, config.docNumberBoost);
    const mentioned = new Set(query.units.map((u) => u.canonical));
    const answerType = query.answerType;
    // Passages of a named document must be reachable even when no word matched.
    for (const [docId] of docBoostFor)
      for (const i of this.chunksOfDocument.get(docId) ?? []) if ((!allowed || allowed[i]) && !base.has(i)) base.set(i, 0);

    const documentContext = config.documentContextWeight > 0 ? documentStrength(base, this.parts.chunks, maxBase) : new Map<string, number>();
    const scored: Hit[] = [...base].map(([chunkIndex, raw]) => {
      const chunk = this.parts.chunks[chunkIndex]!;
      const docNumberBoost = docBoostFor.get(chunk.docId) ?? 0;
      const context = config.documentContextWeight * (documentContext.get(chunk.docId) ?? 0);
      const intentBoost = this.answersIntent(query.intent, chunkIndex) ? config.intentBoost : 0;
      const unitRoleBoost =
        mentioned.size > 0 && [...mentioned].some((u) => this.chunkUnits[chunkIndex]!.has(u)) ? config.unitRoleBoost : 0;
      const answerTypeBoost = answerType && this.statesAnswerType(answerType, chunkIndex) ? config.answerTypeBoost : 0;
      return {
        chunkIndex,
        chunk,
        score: raw / maxBase + context + docNumberBoost + unitRoleBoost + intentBoost + answerTypeBoost,
        signals: {
          lexicalRank: lexicalRank.get(chunkIndex) ?? null,
          denseRank: denseRank.get(chunkIndex) ?? null,
          denseScore: denseScore.get(chunkIndex) ?? null,
          docNumberBoost,
          unitRoleBoost,
          answerTypeBoost,
        },
      };
    });
    scored.sort((a, b) => b.score - a.score || a.chunkIndex - b.chunkIndex);
    const hits = diversify(scored, config.maxPerSection, options.k);
    // Answerability is judged on the topical order: the answer-type boost may lift a
    // passage that states the fact to the top, but it cannot make a question answerable
    // whose topic the collection only touches (an amount somewhere near 托育 is not the
    // 托育 subsidy a parent asked about).
    const topical = answerType ? diversify(scored.slice().sort(byTopicalScore), config.maxPerSection, ANSWER_CANDIDATES) : hits;
    const best = topical.slice(0, ANSWER_CANDIDATES);
    const candidates = best.filter((h) => this.statesAnswerType(answerType, h.chunkIndex));
    const unknown = this.unknownTerms(query);
    return {
      query,
      hits,
      mode: useDense ? "hybrid" : "lexical",
      evidence: Math.max(0, ...candidates.map((h) => this.evidence(query, h.chunkIndex))),
      answerType,
      answerTypeSupplied: candidates.length > 0,
      topicEvidence: Math.max(0, ...best.map((h) => this.evidence(query, h.chunkIndex))),
      unknownShare: unknown.share,
      unknownTerms: unknown.terms,
    };
  }

  /** The question's content terms that the collection never uses (see SearchResult.unknownShare). */
  private unknownTerms(query: ParsedQuery): { share: number; terms: string[] } {
    const terms = this.contentTerms(query);
    const total = terms.reduce((sum, t) => sum + t.weight, 0);
    const absent = terms
      .filter((t) => t.weight >= SPECIFIC_WEIGHT && !this.nearCollection(t))
      .sort((a, b) => b.weight - a.weight);
    const weight = absent.reduce((sum, t) => sum + t.weight, 0);
    return { share: total ? weight / total : 0, terms: absent.map((t) => t.term) };
  }

  /**
   * The term, a policy term standing in for it, or (for a word of three or more
   * characters) one of its character pairs occurs in the collection: 幼儿圆 is a
   * typo of 幼儿园, not a topic the collection lacks.
   */
  private nearCollection(t: ContentTerm): boolean {
    if (this.inCollection(t.term) || t.alternatives.some((a) => this.inCollection(a))) return true;
    const chars = [...t.term];
    if (chars.length < 3) return false;
    for (let i = 0; i + 1 < chars.length; i++) if (this.inCollection(chars[i]! + chars[i + 1]!)) return true;
    return false;
  }

  /** Whether any passage, title or heading contains `term` (lower-cased), remembered per term. */
  inCollection(term: string): boolean {
    let known = this.presence.get(term);
    if (known === undefined) {
      this.collectionText ??= this.parts.chunks
        .map((c) => `${c.text}\u0000${c.docTitle}\u0000${c.sectionPath.join("\u0000")}`)
        .join("\u0000")
        .toLowerCase();
      known = this.collectionText.includes(term.toLowerCase());
      if (this.presence.size > PRESENCE_CACHE_LIMIT) this.presence.clear();
      this.presence.set(term, known);
    }
    return known;
  }

  private collectionText: string | null = null;

  private readonly presence = new Map<string, boolean>();

  /** suppliesAnswerType for a passage, computed once per passage and type. */
  private statesAnswerType(type: AnswerType, chunkIndex: number): boolean {
    if (type === null) return true;
    let known = this.statesFact.get(type);
    if (!known) this.statesFact.set(type, (known = new Int8Array(this.parts.chunks.length).fill(-1)));
    if (known[chunkIndex] === -1) known[chunkIndex] = suppliesAnswerType(type, this.parts.chunks[chunkIndex]!.text) ? 1 : 0;
    return known[chunkIndex] === 1;
  }

  /**
   * Whether a passage has the kind of content the intent asks for: a "who is
   * responsible" question is answered by a passage that names units in a role;
   * a group question (组长, 成员单位, 办公室设在) by the group's roster or office
   * line; an appointment question by the appointment notice.
   */
  private answersIntent(intent: ParsedQuery["intent"], chunkIndex: number): boolean {
    if (intent === "responsibility") return this.chunkUnits[chunkIndex]!.size > 0;
    if (intent === "group") return this.groupChunks.has(chunkIndex);
    if (intent === "appointment") return this.appointmentDocs.has(this.parts.chunks[chunkIndex]!.docId);
    return false;
  }

  /** Weighted query terms per field: the user's own terms at 1, expansions lower. */
  queryTerms(query: ParsedQuery, config: RankingConfig): Record<keyof LexicalIndex, WeightedTerm[]> {
    const { analyzer } = this.parts;
    const specificity = this.specificity(query.text, config.specificityExponent);
    const own = (f: (t: string) => string[]) =>
      f(query.text).map((term) => ({ term, weight: specificity(term) }));
    const expanded = (f: (t: string) => string[]) =>
      query.expansions.flatMap((e) =>
        e.terms.flatMap((t) => f(t).map((term) => ({ term, weight: config.expansionWeight }))),
      );
    const words = (t: string) => analyzer.words(t);
    const bigrams = (t: string) => analyzer.bigrams(t);
    // The heading field is searched with the same bigram terms as the body.
    const bigramTerms = [...own(bigrams), ...expanded(bigrams)];
    return { words: [...own(words), ...expanded(words)], bigrams: bigramTerms, heading: bigramTerms };
  }

  /**
   * How specific each query term is in everyday language, from 0 to 1: a small
   * corpus thinks 时间 and 地点 are rare, general usage knows they are not. A
   * bigram takes the specificity of the most specific question word containing it.
   * With exponent 0 every term weighs 1.
   */
  private specificity(question: string, exponent: number): (term: string) => number {
    if (exponent === 0) return () => 1;
    const words = this.parts.analyzer.words(question);
    const weights = words.map((w) => [w, (generalWeight(w, this.parts.generalIdf) / RARE_WEIGHT) ** exponent] as const);
    return (term) => {
      let best = 0;
      for (const [word, weight] of weights) if (word.includes(term) && weight > best) best = weight;
      return best || 1;
    };
  }

  lexicalScores(query: ParsedQuery, config: RankingConfig): Float64Array {
    const { lexical } = this.parts;
    const scores = new Float64Array(this.parts.chunks.length);
    const terms = this.queryTerms(query, config);
    for (const field of ["words", "bigrams", "heading"] as const) {
      const weight = config.fieldWeights[field];
      if (weight > 0) accumulateBm25(lexical[field], terms[field], config.bm25, scores, weight);
    }
    return scores;
  }

  private allowedMask(filters: SearchFilters | undefined): Uint8Array | null {
    if (!filters || (!filters.docIds && !filters.unitCanonical)) return null;
    const docIds = filters.docIds ? new Set(filters.docIds) : null;
    return Uint8Array.from(this.parts.chunks, (c, i) =>
      (!docIds || docIds.has(c.docId)) && (!filters.unitCanonical || this.chunkUnits[i]!.has(filters.unitCanonical))
        ? 1
        : 0,
    );
  }

  /**
   * The question's content words, weighted by general-language IDF so that
   * everyday filler (时候, 意思, 看看) counts little and the topic (公积金, 暖气费)
   * counts most, each with the policy terms that may stand in for it.
   */
  contentTerms(query: ParsedQuery): ContentTerm[] {
    // Retrieval, refusal and sentence selection all ask for these; segment the question once.
    const cached = this.contentTermCache.get(query);
    if (cached) return cached;
    const terms = this.computeContentTerms(query);
    this.contentTermCache.set(query, terms);
    return terms;
  }

  private readonly contentTermCache = new WeakMap<ParsedQuery, ContentTerm[]>();

  private computeContentTerms(query: ParsedQuery): ContentTerm[] {
    const candidates = [...new Set(this.parts.analyzer.words(query.text))].filter((w) => w.length >= 2 || /\d/.test(w));
    // Search mode also emits the parts of a long word (公积/积金 of 公积金, 长时间 of
    // 多长时间); a question names the word once, so only the longest form counts.
    const words = candidates.filter(
      (w) => !QUESTION_WORD.test(w) && !isFiller(w) && !candidates.some((other) => other !== w && other.includes(w)),
    );
    return words.map((term) => {
      const expansion = query.expansions.find((e) => e.colloquial.includes(term) || term.includes(e.colloquial));
      return {
        term,
        weight: generalWeight(term, this.parts.generalIdf),
        alternatives: expansion?.terms.map((t) => t.toLowerCase()) ?? [],
      };
    });
  }

  /** IDF-weighted share of the question's content terms that the passage or its headings contain (see passageCoverage). */
  evidence(query: ParsedQuery, chunkIndex: number): number {
    const chunk = this.parts.chunks[chunkIndex]!;
    const haystack = (chunk.text + " " + chunk.docTitle + " " + chunk.sectionPath.join(" ")).toLowerCase();
    return passageCoverage(this.contentTerms(query), haystack);
  }
}

/** Only words at least this specific in everyday language (general IDF) can make a question "about something else". */
const SPECIFIC_WEIGHT = 9;

/** Distinct question terms whose presence in the collection is remembered before the memo is reset. */
const PRESENCE_CACHE_LIMIT = 20_000;

/** How many of the top passages an answer may come from (the answer quotes about this many). */
const ANSWER_CANDIDATES = 3;

/**
 * Wh-words and the words built on them (啥时候, 咋个, 几号, 多少, 哪天): they ask for
 * a kind of fact, which the answer-type check judges, and say nothing of the topic.
 */
const QUESTION_WORD = /^(?:多少|几|啥|咋|哪|什么|怎|多(?:长|久|大|高|远|重))/u;

/** The `depth` best positive scores, best first (ties by index), without sorting every document. */
function rankScores(scores: Float64Array, allowed: Uint8Array | null, depth: number) {
  const top = new TopK(depth);
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]!;
    if (score > 0 && (!allowed || allowed[i])) top.offer(i, score);
  }
  return top.sorted();
}

/** A bounded min-heap of (index, score): keeps the k best of a stream in O(n log k). */
class TopK {
  private readonly indexes: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  /** a ranks below b: lower score, or the same score and a later index. */
  private below(a: number, b: number): boolean {
    const sa = this.scores[a]!;
    const sb = this.scores[b]!;
    return sa < sb || (sa === sb && this.indexes[a]! > this.indexes[b]!);
  }

  offer(index: number, score: number): void {
    if (this.k <= 0) return;
    if (this.indexes.length < this.k) {
      this.indexes.push(index);
      this.scores.push(score);
      this.up(this.indexes.length - 1);
    } else if (score > this.scores[0]! || (score === this.scores[0]! && index < this.indexes[0]!)) {
      this.indexes[0] = index;
      this.scores[0] = score;
      this.down(0);
    }
  }

  sorted(): { index: number; score: number }[] {
    return this.indexes
      .map((index, i) => ({ index, score: this.scores[i]! }))
      .sort((a, b) => b.score - a.score || a.index - b.index);
  }

  private swap(i: number, j: number): void {
    [this.indexes[i], this.indexes[j]] = [this.indexes[j]!, this.indexes[i]!];
    [this.scores[i], this.scores[j]] = [this.scores[j]!, this.scores[i]!];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.below(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.indexes.length && this.below(left, smallest)) smallest = left;
      if (right < this.indexes.length && this.below(right, smallest)) smallest = right;
      if (smallest === i) break;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}

/**
 * How strongly each document as a whole answers the question: the mean of its
 * three best passage scores (0–1). A passage of a document that matches in
 * several places is more likely the one meant than a lone match elsewhere.
 */
function documentStrength(base: ReadonlyMap<number, number>, chunks: readonly Chunk[], maxBase: number): Map<string, number> {
  // The three best scores of each document, kept in place (no per-candidate arrays).
  const best = new Map<string, [number, number, number]>();
  for (const [index, score] of base) {
    const docId = chunks[index]!.docId;
    let top = best.get(docId);
    if (!top) best.set(docId, (top = [0, 0, 0]));
    if (score > top[0]) [top[0], top[1], top[2]] = [score, top[0], top[1]];
    else if (score > top[1]) [top[1], top[2]] = [score, top[1]];
    else if (score > top[2]) top[2] = score;
  }
  const strength = new Map<string, number>();
  for (const [docId, [a, b, c]] of best) strength.set(docId, (a + b + c) / (3 * maxBase));
  return strength;
}

/** An unambiguous number gets the whole boost; an ambiguous one shares it among its candidates. */
function documentBoosts(query: ParsedQuery, boost: number): Map<string, number> {
  const boosts = new Map<string, number>();
  if (query.document) boosts.set(query.document.docId, boost);
  else if (query.documentCandidates.length)
    for (const c of query.documentCandidates) boosts.set(c.docId, boost / query.documentCandidates.length);
  return boosts;
}

/** Keeps at most `maxPerSection` passages of one section, so one long section cannot fill the list. */
/** Score order without the answer-type boost (ties by index, like the result order). */
function byTopicalScore(a: Hit, b: Hit): number {
  return b.score - b.signals.answerTypeBoost - (a.score - a.signals.answerTypeBoost) || a.chunkIndex - b.chunkIndex;
}

function diversify(sorted: Hit[], maxPerSection: number, k: number): Hit[] {
  const perSection = new Map<string, number>();
  const kept: Hit[] = [];
  for (const hit of sorted) {
    const key = hit.chunk.docId + "\u0000" + hit.chunk.sectionPath.join("\u0000");
    const count = perSection.get(key) ?? 0;
    if (count >= maxPerSection) continue;
    perSection.set(key, count + 1);
    kept.push(hit);
    if (kept.length >= k) break;
  }
  return kept;
}
