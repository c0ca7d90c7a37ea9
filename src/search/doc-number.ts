/**
 * Recognises document numbers in the loose forms operators type
 * (朔政办发〔2023〕16号, 朔政办发[2023]16号, 朔政办发2023年16号, 朔政办发2023-16, 16号文)
 * and resolves them to documents of the corpus.
 */

export interface DocNumberParts {
  /** Issuing-office prefix, e.g. "朔政办发"; null for a bare "16号文". */
  prefix: string | null;
  year: number | null;
  serial: number;
}

export interface DocNumberRef {
  docId: string;
  docNumber: string;
}

export interface DocNumberMatch {
  /** The text in the query that named the document. */
  text: string;
  parts: DocNumberParts;
  /** Documents it may denote: one when resolved, several when ambiguous, none when unknown. */
  candidates: DocNumberRef[];
}

const OPEN = "[〔\\[［(（【{]";
const CLOSE = "[〕\\]］)）】}]";
// Prefix: 1–6 CJK characters ending in 发/函/字/令/通 etc.; the first is the city's
// one-character abbreviation in this corpus (朔) but other issuers exist in citations.
const FULL_NUMBER = new RegExp(
  `([\\u4e00-\\u9fff]{1,6}?[发函字令])\\s*(?:${OPEN}\\s*(\\d{4})\\s*${CLOSE}|(\\d{4})\\s*(?:年|-|－|—|/|\\s)?)\\s*第?\\s*(\\d{1,4})\\s*号?`,
  "gu",
);
const LEADING_FILLER = /^[和与及或、的是在把请问查找看下关于按照根据依据]+/u;
const BARE_SERIAL = /(?<![\d〕\]］)）】])(\d{1,4})\s*号(?:文件?|文)/gu;

/** 千 is a known OCR confusion for 干 (朔政干发) in the table of contents. */
function canonicalPrefix(prefix: string): string {
  return prefix.replace(/千/g, "干");
}

/** Parses the canonical printed form "朔政办发〔2023〕16号". */
export function parseDocNumber(docNumber: string): DocNumberParts | null {
  const found = findDocNumbers(docNumber);
  return found[0] ?? null;
}

/** Every document-number-like expression in `text`, in order. */
export function findDocNumbers(text: string): (DocNumberParts & { text: string })[] {
  const results: (DocNumberParts & { text: string; index: number })[] = [];
  for (const m of text.matchAll(FULL_NUMBER)) {
    const year = Number(m[2] ?? m[3]);
    // The lazy prefix may start at a function word of the sentence ("和朔政办发…"); trim it off.
    const lead = LEADING_FILLER.exec(m[1]!)?.[0].length ?? 0;
    const prefix = m[1]!.slice(lead);
    if (prefix.length < 2) continue;
    results.push({ text: m[0].slice(lead), index: m.index! + lead, prefix: canonicalPrefix(prefix), year, serial: Number(m[4]) });
  }
  for (const m of text.matchAll(BARE_SERIAL)) {
    const overlaps = results.some((r) => m.index! >= r.index && m.index! < r.index + r.text.length);
    if (!overlaps) results.push({ text: m[0], index: m.index!, prefix: null, year: null, serial: Number(m[1]) });
  }
  return results.sort((a, b) => a.index - b.index).map(({ index: _index, ...rest }) => rest);
}

/** Resolves loose document numbers against the corpus's documents. */
export class DocNumberResolver {
  private readonly documents: { ref: DocNumberRef; parts: DocNumberParts }[];

  constructor(documents: readonly DocNumberRef[]) {
    this.documents = documents.flatMap((ref) => {
      const parts = parseDocNumber(ref.docNumber);
      return parts ? [{ ref, parts }] : [];
    });
  }

  resolve(query: string): DocNumberMatch[] {
    return findDocNumbers(query).map(({ text, ...parts }) => ({
      text,
      parts,
      candidates: this.documents
        .filter(({ parts: d }) => matches(parts, d))
        .map(({ ref }) => ref),
    }));
  }

  /** The single document the query names, when it names exactly one unambiguously. */
  resolveOne(query: string): DocNumberRef | null {
    return singleDocument(this.resolve(query));
  }
}

/** The one document resolved matches name, when every unambiguous match names the same one. */
export function singleDocument(matches: readonly DocNumberMatch[]): DocNumberRef | null {
  const resolved = matches.filter((m) => m.candidates.length === 1);
  const ids = new Set(resolved.map((m) => m.candidates[0]!.docId));
  return ids.size === 1 ? resolved[0]!.candidates[0]! : null;
}

function matches(query: DocNumberParts, doc: DocNumberParts): boolean {
  if (query.serial !== doc.serial) return false;
  if (query.year !== null && query.year !== doc.year) return false;
  if (query.prefix === null) return true;
  // Users drop the city abbreviation ("政办发2023年16号") or write it in full; compare on the tail.
  const q = query.prefix;
  const d = doc.prefix ?? "";
  return q === d || d.endsWith(q) || q.endsWith(d);
}
