import { singleDocument, type DocNumberMatch, type DocNumberRef, type DocNumberResolver } from "./doc-number";
import type { AppliedExpansion, QueryExpander } from "./expansion";
import { detectIntent, type Intent } from "./intent";
import type { UnitMatcher, UnitMention } from "./unit-matcher";

/** Everything retrieval and answering need to know about a question. */
export interface ParsedQuery {
  text: string;
  intent: Intent;
  docNumbers: DocNumberMatch[];
  /** The one document the question names unambiguously, if any. */
  document: DocNumberRef | null;
  /** Documents named ambiguously ("16号文" with two 16号 documents): each gets a share of the boost. */
  documentCandidates: DocNumberRef[];
  units: UnitMention[];
  expansions: AppliedExpansion[];
}

export interface QueryParserParts {
  docNumbers: DocNumberResolver;
  units: UnitMatcher;
  expander: QueryExpander;
}

export function parseQuery(text: string, parts: QueryParserParts): ParsedQuery {
  const docNumbers = parts.docNumbers.resolve(text);
  const document = singleDocument(docNumbers);
  const candidates = new Map<string, DocNumberRef>();
  for (const match of docNumbers) for (const c of match.candidates) candidates.set(c.docId, c);
  return {
    text,
    intent: detectIntent(text, docNumbers.some((m) => m.candidates.length > 0)),
    docNumbers,
    document,
    documentCandidates: [...candidates.values()],
    units: parts.units.find(text),
    expansions: parts.expander.expand(text),
  };
}
