/**
 * Parses one gazette issue (one text file) into documents. Pure: no I/O.
 *
 * Order of work follows NOTES §8: numbered lines → layout (masthead, TOC,
 * back matter) → documents by 文号 anchor → displaced text put back → joins and
 * repairs → classification → section paths → paragraphs with offsets.
 * Anything unexpected becomes a ParseWarning naming the file and line; the
 * parser never throws on bad input.
 */
import type { GazetteIssue, Paragraph, ParseWarning, PolicyDocument, SectionNode, WarningCode } from "./types";
import { binaryShare, readLines, type SourceLine } from "./lines";
import { docNumberKey, findBackMatter, findTocHeader, isoDate, parseMasthead, parseToc, type TocEntry } from "./layout";
import { findDocuments, parseDateLine, type DocumentFrame } from "./documents";
import { buildBlocks, isRosterRow, startsNewParagraph, type JoinStats } from "./joins";
import { classifyBlocks, titledTypes, type Draft } from "./classify";
import { assignSections } from "./sections";
import { parseMarker } from "./headings";
import { rosterLabel, suspectedLeakWords } from "./normalise";
import { documentId, shortHash } from "./ids";
import { documentForm, documentType, governedPeriod, issuedTitle, onlineOnlyName, splitAddressees, targetYears } from "./metadata";
import { endsClause, removeWhitespace } from "./text";

export interface ParseDiagnostics {
  /** Source line pairs joined into one paragraph (J1, J2, roster wraps). */
  joins: Array<[number, number]>;
  /** Source lines dropped on purpose (repeated box titles, repeated table headers). */
  droppedLines: number[];
  /** Source lines moved back into their document (displaced blocks). */
  displacedLines: number[];
}

export interface ParsedGazette {
  issue: GazetteIssue;
  documents: PolicyDocument[];
  warnings: ParseWarning[];
  diagnostics: ParseDiagnostics;
}

const SECTION_BY_PREFIX: Array<[RegExp, string]> = [
  [/^朔政(?:发|函)$/, "市政府文件"],
  [/^朔政办(?:发|函)$/, "市政府办公室文件"],
  [/^朔政[干千]发$/, "人事任免"],
];

export interface ParseOptions {
  /**
   * "issue" (default): a gazette issue with masthead and TOC. "document": one
   * document on its own (a web page, a Word attachment), which has neither.
   */
  kind?: "issue" | "document";
}

export function parseGazette(name: string, text: string, options: ParseOptions = {}): ParsedGazette {
  const standalone = options.kind === "document";
  const warnings: ParseWarning[] = [];
  const warn = (code: WarningCode, line: number | null, message: string) => warnings.push({ code, file: name, line, message });
  const diagnostics: ParseDiagnostics = { joins: [], droppedLines: [], displacedLines: [] };

  if (binaryShare(text) > 0.01) warn("binary-input", null, "file contains control or replacement characters; it is probably not a text gazette");
  const lines = readLines(text);
  const tocAt = findTocHeader(lines);
  const backAt = findBackMatter(lines);
  const masthead = parseMasthead(lines.slice(0, tocAt >= 0 ? tocAt : 40));
  // A document on its own belongs to no issue: its documents carry gazette.issueId "".
  const issue = standalone ? { ...issueRecord(name, masthead), id: "" } : issueRecord(name, masthead);
  if (!standalone && (masthead.year === null || masthead.number === null)) warn("not-a-gazette", lines[0]?.no ?? null, "no masthead with year and issue number (e.g. 2023年第3期)");

  const body = lines.slice(tocAt + 1, backAt);
  const { frames, unassigned, problems } = findDocuments(body);
  for (const p of problems) warn("missing-field", p.line, p.message);
  const toc = tocAt >= 0 ? parseToc(unassigned) : [];
  if (tocAt < 0 && !standalone) {
    for (const l of unassigned) if (lines.indexOf(l) > 40) warn("unparsed-line", l.no, `line before the first document is not part of the cover: ${l.text.slice(0, 30)}`);
  }
  if (frames.length === 0) warn("not-a-gazette", null, "no document number line (e.g. 朔政发〔2023〕16号) found");

  const bigrams = bigramCounts(lines);
  const documents: PolicyDocument[] = [];
  const usedIds = new Set<string>();
  frames.forEach((frame, k) => {
    try {
      const doc = buildDocument(frame, issue.id, bigrams, diagnostics, warn);
      if (usedIds.has(doc.id)) {
        warn("missing-field", frame.numberLine.no, `duplicate document number ${doc.docNumber}; id suffixed`);
        doc.id = `${doc.id}-${k + 1}`;
      }
      usedIds.add(doc.id);
      documents.push(doc);
    } catch (e) {
      warn("unparsed-line", frame.numberLine.no, `document could not be parsed: ${(e as Error).message}`);
    }
  });
  if (frames.length > 0 && frames[frames.length - 1]!.dateLine === null) warn("truncated", lines[lines.length - 1]?.no ?? null, "the last document has no signature/date: the file may be truncated");

  matchToc(toc, documents, tocAt >= 0, warn);
  return { issue, documents, warnings, diagnostics };
}

function issueRecord(name: string, m: ReturnType<typeof parseMasthead>): GazetteIssue {
  const fromName = /(\d{4})[-_](\d{1,2})(?!\d)/.exec(name);
  const year = m.year ?? (fromName ? Number(fromName[1]) : 0);
  const number = m.number ?? (fromName ? Number(fromName[2]) : 0);
  const id = year > 0 && number > 0 ? `${year}-${String(number).padStart(2, "0")}` : `unknown-${shortHash(name).slice(0, 6)}`;
  return { id, title: m.title ?? "", year, number, totalNumber: m.totalNumber, publishedDate: m.publishedDate, sourceFile: name };
}

type Warn = (code: WarningCode, line: number | null, message: string) => void;

function buildDocument(frame: DocumentFrame, issueId: string, bigrams: Map<string, number>, diag: ParseDiagnostics, warn: Warn): PolicyDocument {
  const title = frame.title;
  const noticeText = frame.noticeLines.map((l) => l.text).join("");
  const named = new Set([...`${title}${noticeText}`.matchAll(/《([^《》]+)》/g)].map((m) => removeWhitespace(m[1]!)));

  // What follows the disclosure line: the attached text (its title is the 《…》 of the notice) or displaced text.
  let noticeLines = frame.noticeLines;
  let attachedTitleLines: SourceLine[] = [];
  let attachedLines: SourceLine[] = [];
  const after = frame.afterLines;
  if (after.length > 0) {
    const one = removeWhitespace(after[0]!.text);
    const two = after.length > 1 ? one + removeWhitespace(after[1]!.text) : "";
    if (named.has(one)) attachedTitleLines = after.slice(0, 1);
    else if (two !== "" && named.has(two)) attachedTitleLines = after.slice(0, 2);
    if (attachedTitleLines.length > 0) attachedLines = after.slice(attachedTitleLines.length);
    else if (after.length <= 6 && !/印发/.test(title)) {
      noticeLines = reinsertDisplaced(frame.noticeLines, after, bigrams);
      diag.displacedLines.push(...after.map((l) => l.no));
      warn("displaced-block", after[0]!.no, `lines ${after[0]!.no}–${after[after.length - 1]!.no} after the disclosure note of ${frame.docNumber} were moved back into the document`);
    } else {
      attachedLines = after;
      warn("unparsed-line", after[0]!.no, `text after the disclosure note of ${frame.docNumber} does not start with the attached title named in the notice`);
    }
  }

  const stats: JoinStats = { joins: [], dropped: [] };
  const boxTitles = new Set<string>();
  const noticeBlocks = buildBlocks(noticeLines, boxTitles, stats);
  const attachedBlocks = buildBlocks(attachedLines, boxTitles, stats);
  diag.joins.push(...stats.joins);
  diag.droppedLines.push(...stats.dropped);
  const titled = titledTypes([...noticeBlocks, ...attachedBlocks]);

  const one = (kind: Draft["kind"], text: string, ls: SourceLine[]): Draft => ({ kind, text, lines: [ls[0]!.no, ls[ls.length - 1]!.no] });
  const drafts: Draft[] = [];
  if (frame.titleLines.length > 0) drafts.push({ ...one("heading", title, frame.titleLines), reset: true });
  drafts.push(one("text", frame.docNumber, [frame.numberLine]));
  const addressee = frame.addresseeLines.map((l) => l.text.trim()).join("");
  if (frame.addresseeLines.length > 0) drafts.push(one("text", addressee, frame.addresseeLines));
  drafts.push(...classifyBlocks(noticeBlocks, titled));
  for (const l of [frame.signatureLine, frame.dateLine, frame.disclosureLine]) if (l) drafts.push(one("text", l.text.trim(), [l]));
  const attachedTitle = attachedTitleLines.length > 0 ? removeWhitespace(attachedTitleLines.map((l) => l.text).join("")) : null;
  if (attachedTitle !== null) drafts.push({ ...one("heading", attachedTitle, attachedTitleLines), reset: true });
  drafts.push(...markSecondAttachments(classifyBlocks(attachedBlocks, titled)));

  const { paths, outline } = assignSections(drafts);
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  drafts.forEach((d, i) => {
    const p: Paragraph = { kind: d.kind, text: d.text, start: offset, end: offset + d.text.length, sectionPath: paths[i]!, units: [], sourceLines: d.lines };
    if (d.table !== undefined) p.table = d.table;
    paragraphs.push(p);
    offset = p.end + 1;
  });
  const docText = paragraphs.map((p) => p.text).join("\n");

  const used: SourceLine[] = [...frame.titleLines, frame.numberLine, ...frame.addresseeLines, ...noticeLines, ...attachedTitleLines, ...attachedLines];
  for (const l of [frame.signatureLine, frame.dateLine, frame.disclosureLine]) if (l) used.push(l);
  for (const p of paragraphs) {
    for (const w of suspectedLeakWords(p.text)) {
      const at = used.find((l) => l.no >= p.sourceLines[0] && l.text.includes(w))?.no ?? p.sourceLines[0];
      warn("suspected-leak", at, `English word "${w}" inside Chinese text (converter leak?) kept as printed`);
    }
  }

  const date = frame.dateLine ? parseDateLine(frame.dateLine.text) : null;
  if (date === null) warn("missing-field", frame.numberLine.no, `no signing date for ${frame.docNumber}`);
  const attached = attachedTitle ?? (/印发/.test(title) ? issuedTitle(title) : null);
  const sourceLines: [number, number] = [Math.min(...used.map((l) => l.no)), Math.max(...used.map((l) => l.no))];

  // The key order of this literal (and of the paragraph literal above) is the key order of corpus.json.
  return {
    id: documentId(frame.org, frame.year, frame.num),
    docNumber: frame.docNumber,
    title,
    attachedTitle: attached,
    issuer: frame.issuer,
    addressees: splitAddressees(addressee),
    date: date ? isoDate(date.y, date.m, date.d) : "",
    disclosure: frame.disclosureLine ? "此件公开发布" : null,
    form: documentForm(title),
    type: documentType(title, attached),
    gazette: { issueId, page: null, section: SECTION_BY_PREFIX.find(([re]) => re.test(frame.org))?.[1] ?? null },
    period: governedPeriod(title, attached, docText),
    targetYears: targetYears(docText),
    text: docText,
    paragraphs,
    outline: outline as SectionNode[],
    annotations: [],
    groups: [],
    appointments: [],
    onlineOnlyAttachments: paragraphs.map((p) => onlineOnlyName(p.text)).filter((n): n is string => n !== null),
    sourceLines,
    // Filled by buildCorpus, which knows the file's format and pages and sees every issue.
    sources: [],
    replaces: [],
    replacedBy: [],
  };
}

/**
 * A second attached text without a 附件 label (D16 2621) is a short unmarked
 * line followed by a "一、" that restarts numbering already used: treat that
 * line as an attached-text title (outside every section).
 */
function markSecondAttachments(drafts: Draft[]): Draft[] {
  let seenCn = false;
  return drafts.map((d, i) => {
    const next = drafts[i + 1];
    if (d.heading?.marker.type === "cn") seenCn = true;
    const looksLikeTitle = d.kind === "text" && !d.splitBody && [...d.text].length <= 40 && !/[，。；：、]/.test(d.text) && !endsClause(d.text);
    if (seenCn && looksLikeTitle && next?.heading?.marker.type === "cn" && next.heading.marker.ordinal === 1) {
      return { ...d, kind: "heading", text: removeWhitespace(d.text), reset: true };
    }
    return d;
  });
}

/**
 * NOTES §1.5: text after a disclosure note that starts no document belongs
 * inside the document, before the first line that starts mid-word. "Mid-word"
 * is judged by character bigrams of the whole issue: the displaced block's last
 * character followed by the candidate's first character should be a common pair
 * (部+门), more common than the pair it currently follows; a prose line right
 * after a roster (where a column of text went missing) scores extra. Falls back
 * to the end of the notice body.
 */
function reinsertDisplaced(notice: SourceLine[], displaced: SourceLine[], bigrams: Map<string, number>): SourceLine[] {
  const tail = [...displaced[displaced.length - 1]!.text.trim()].pop() ?? "";
  let best = -1;
  let bestScore = 0;
  notice.forEach((l, i) => {
    if (i === 0) return;
    const text = l.text.trim();
    const prev = notice[i - 1]!.text.trim();
    if (l.hasTab || startsNewParagraph(text) || rosterLabel(text) || isRosterRow(text) || parseMarker(text)) return;
    const head = [...text][0] ?? "";
    // Displaced text sat in the column next to a roster, so a prose line right after roster rows is favoured.
    const afterRoster = isRosterRow(prev) || rosterLabel(prev) !== null || (!/\s/.test(prev) && !/[，。；：、]/.test(prev) && [...prev].length <= 14);
    const score = (bigrams.get(tail + head) ?? 0) - (bigrams.get(([...prev].pop() ?? "") + head) ?? 0) + (afterRoster ? 2 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  const at = bestScore >= 2 ? best : notice.length;
  return [...notice.slice(0, at), ...displaced, ...notice.slice(at)];
}

function bigramCounts(lines: SourceLine[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const chars = [...l.text];
    for (let i = 0; i + 1 < chars.length; i++) {
      const k = chars[i]! + chars[i + 1]!;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return counts;
}

/** Matches TOC entries to documents by title, then by 文号 (千/干 folded); disagreements become warnings. */
function matchToc(toc: TocEntry[], documents: PolicyDocument[], hasToc: boolean, warn: Warn): void {
  const used = new Set<TocEntry>();
  for (const doc of documents) {
    const entry =
      toc.find((e) => !used.has(e) && e.title === doc.title) ?? toc.find((e) => !used.has(e) && docNumberKey(e.docNumber) === docNumberKey(doc.docNumber));
    if (!entry) {
      if (hasToc) warn("toc-mismatch", doc.sourceLines[0], `document ${doc.docNumber} is not listed in the table of contents`);
      continue;
    }
    used.add(entry);
    doc.gazette.page = entry.page;
    if (entry.section) doc.gazette.section = entry.section;
    if (entry.docNumber !== doc.docNumber) warn("toc-mismatch", entry.line, `TOC has ${entry.docNumber}, the body has ${doc.docNumber} (body kept)`);
    if (entry.title !== doc.title) warn("toc-mismatch", entry.line, `TOC title differs from body title of ${doc.docNumber}`);
  }
  for (const e of toc) if (!used.has(e)) warn("toc-mismatch", e.line, `TOC entry ${e.docNumber} has no document in the body`);
}
