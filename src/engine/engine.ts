import type { BenefitClause } from "../benefits/types";
import type { Chunk, PolicyDocument, UnitAlias } from "../corpus/types";
import type { DenseStatus } from "../embed/embedder";
import type { IndexManifest } from "../index/manifest";
import type { Analyzer } from "../search/analyzer";
import type { RankingConfig } from "../search/config";
import { DocNumberResolver } from "../search/doc-number";
import { QueryExpander, type ExpansionEntry } from "../search/expansion";
import type { LexicalIndex } from "../search/lexical-index";
import { Retriever, type DenseSearch } from "../search/retriever";
import type { GeneralIdf } from "../search/term-weights";
import { UnitMatcher, type UnitName } from "../search/unit-matcher";

export type { DenseStatus };

/** Everything a loaded index holds, as plain data. */
export interface IndexData {
  manifest: IndexManifest;
  documents: PolicyDocument[];
  chunks: Chunk[];
  unitAliases: UnitAlias[];
  lexical: LexicalIndex;
  generalIdf: GeneralIdf;
  /** Benefit clauses extracted at index build time (src/benefits). */
  benefits: BenefitClause[];
  /** Passages that answer group questions, found at index build time (src/index/group-passages.ts). */
  groupChunkIndexes: number[];
}

export interface EngineOptions {
  analyzer: Analyzer;
  expansions: readonly ExpansionEntry[];
  config: RankingConfig;
  dense: DenseSearch | null;
  denseStatus: DenseStatus;
}

/** A loaded, verified index plus the retriever over it: what the API, CLI and evaluation share. */
export interface Engine {
  data: IndexData;
  retriever: Retriever;
  dense: DenseStatus;
  units: UnitMatcher;
  /** Finds a document by id or by (loosely written) document number. */
  findDocument(idOrNumber: string): PolicyDocument | null;
  documentById: ReadonlyMap<string, PolicyDocument>;
  chunkById: ReadonlyMap<string, Chunk>;
}

export function createEngine(data: IndexData, options: EngineOptions): Engine {
  const documentById = new Map(data.documents.map((d) => [d.id, d]));
  const chunkById = new Map(data.chunks.map((c) => [c.id, c]));
  const docNumbers = new DocNumberResolver(data.documents.map((d) => ({ docId: d.id, docNumber: d.docNumber })));
  const units = new UnitMatcher(unitNames(data));
  const retriever = new Retriever({
    chunks: data.chunks,
    lexical: data.lexical,
    analyzer: options.analyzer,
    parser: { docNumbers, units, expander: new QueryExpander(options.expansions) },
    config: options.config,
    generalIdf: data.generalIdf,
    appointmentDocIds: data.documents.filter((d) => d.appointments.length > 0).map((d) => d.id),
    groupChunkIndexes: data.groupChunkIndexes,
    dense: options.dense,
  });
  return {
    data,
    retriever,
    dense: options.denseStatus,
    units,
    documentById,
    chunkById,
    findDocument(idOrNumber) {
      const key = idOrNumber.trim();
      const byNumber = documentById.has(key) ? null : docNumbers.resolveOne(key);
      return documentById.get(key) ?? (byNumber ? (documentById.get(byNumber.docId) ?? null) : null);
    },
  };
}

/** Canonical names first, so an alias never shadows the name it stands for. */
function unitNames(data: IndexData): UnitName[] {
  const names: UnitName[] = [];
  for (const alias of data.unitAliases) names.push({ name: alias.canonical, canonical: alias.canonical });
  for (const alias of data.unitAliases) for (const name of alias.aliases) names.push({ name, canonical: alias.canonical });
  for (const chunk of data.chunks)
    for (const unit of chunk.units) if (!unit.generic) names.push({ name: unit.name, canonical: unit.canonical });
  return names;
}
