/**
 * The parsed corpus: the contract between the gazette parser (src/corpus/),
 * the index builder (src/index/) and everything that cites policy text.
 *
 * Everything here is plain JSON-serialisable data so the same records can be
 * bundled into a Worker. Bump CORPUS_FORMAT_VERSION on any change of shape.
 */

export const CORPUS_FORMAT_VERSION = 1;

/** One gazette text file under corpus/ that went into the build. */
export interface SourceFile {
  /** File name relative to the corpus folder, e.g. "shuozhou-gazette-2023-03.txt". */
  name: string;
  /** sha256 of the raw bytes, hex. */
  sha256: string;
  format: SourceFormatName;
}

/** One gazette issue (one source file). */
export interface GazetteIssue {
  /** Stable id "YYYY-NN", e.g. "2023-03". */
  id: string;
  /** Masthead, e.g. "朔州市人民政府公报". */
  title: string;
  year: number;
  /** Issue number within the year (第3期 → 3). */
  number: number;
  /** Running number (总第23期 → 23), null when not printed. */
  totalNumber: number | null;
  /** Publication date "YYYY-MM-DD" (2023年6月28日出版), null when not printed. */
  publishedDate: string | null;
  sourceFile: string;
}

/** Role a unit plays for a passage. "issuer" is only used in answers, never in annotations. */
export type UnitRoleKind = "lead" | "participating" | "responsible";

/** A government unit named in a responsibility annotation. */
export interface UnitRole {
  /** As written in the text (after punctuation normalisation), e.g. "市人社局". */
  name: string;
  /** Full name from the corpus-derived alias table, or `name` itself when none is attested. */
  canonical: string;
  role: UnitRoleKind;
  /** True for collective or non-specific names: 市直相关部门, 有关部门, 各县（市、区）人民政府 … */
  generic: boolean;
}

/**
 * Which grammar form produced an annotation (NOTES.md §4.1 letters, plus the
 * other assignment forms of §4.3).
 */
export type UnitAnnotationForm =
  | "lead-participating" // A （牵头单位：X；参与单位：Y）
  | "responsible" // B （责任单位：X）
  | "lead-responsible" // C1/C2/D2/E1/F: X牵头(负责)…, Y配合/分工负责
  | "shared-responsible" // C3/C4/C5/D1/D3/E2: X(按职责分工)负责(落实)
  | "working-group" // G （…组实施）
  | "unit-list" // H bare unit list closing a duty item
  | "duty-assignment" // 职责分工 item: 市规划和自然资源局负责…
  | "authority-line" // 主管部门 / 建设单位 / 实施主体 lines
  | "office-location" // 领导小组办公室设在市统计局: where a group's daily work is done
  | "addressee"; // a 批复's 你单位 / 你局: the requesting unit that must carry it out

/** One responsibility annotation found in the text. */
export interface UnitAnnotation {
  form: UnitAnnotationForm;
  /** The marker exactly as it stands in the normalised document text. */
  raw: string;
  /** Offsets of `raw` in PolicyDocument.text. */
  start: number;
  end: number;
  roles: UnitRole[];
  /** Index into PolicyDocument.paragraphs of the paragraph the annotation governs. */
  paragraphIndex: number;
  /**
   * D12's scope-setting marker says every later item also applies to the
   * county governments; such roles are propagated and flagged here.
   */
  inherited?: boolean;
}

/** Alias table entry derived from the corpus. */
export interface UnitAlias {
  canonical: string;
  /** Every written form seen, including the canonical one. */
  aliases: string[];
  /** True when the corpus never states the equivalence but it is very likely (国网朔州电力公司 …). */
  probable?: boolean;
}

/** Member of a leading group, committee or working group. */
export interface GroupMember {
  /** Person name with padding spaces removed ("刘 亮" → "刘亮"); null when the entry is a unit. */
  person: string | null;
  /** Unit when the entry names a unit instead of a person (成员 = 市委组织部、… 主要负责人). */
  unit: string | null;
  /** 组长 / 副组长 / 成员 / 主任 / 副主任 / 秘书长 / 委员 … as printed without spaces. */
  role: string;
  /** Job title as printed, wrapped lines joined, e.g. "市委常委、副市长". */
  title: string;
}

/** A leading group / committee / 工作专班 / working group defined in a document. */
export interface Group {
  /** e.g. "朔州市服务业发展领导小组" or "（一）执委会办公室". */
  name: string;
  members: GroupMember[];
  /** Where its office sits (办公室设在市统计局), null when not stated. */
  officeUnit: string | null;
  /** Who directs the office (办公室主任由…兼任), as printed. */
  officeDirector: string | null;
  /** Duties as printed, one per item. */
  duties: string[];
  paragraphIndex: number;
}

/** One 任命 / 免去 in an appointment notice. */
export interface Appointment {
  person: string;
  action: "appoint" | "remove";
  position: string;
  paragraphIndex: number;
}

/** What a paragraph is, for chunking and display. */
export type ParagraphKind = "heading" | "text" | "table-row" | "roster" | "list-item";

/** One logical paragraph after all repairs, in reading order. */
export interface Paragraph {
  kind: ParagraphKind;
  /** Normalised text. For a table row: "header1：value1；header2：value2". */
  text: string;
  /** Offsets of `text` in PolicyDocument.text. */
  start: number;
  end: number;
  /** Headings in force, outermost first, each as printed (marker normalised), e.g. ["三、主要任务", "（一）提高残疾人民生保障水平"]. */
  sectionPath: string[];
  /** Units in force for this paragraph (its own annotations, or inherited ones). */
  units: UnitRole[];
  /** 1-based line numbers in the source file this paragraph was built from (first and last). */
  sourceLines: [number, number];
  /** For table rows: the table's title (专栏1 … / 表5—1 …). */
  table?: string;
}

/** A node of the section outline. */
export interface SectionNode {
  /** Heading as printed, marker normalised. */
  title: string;
  level: number;
  path: string[];
  /** Index of the heading paragraph. */
  paragraphIndex: number;
}

/** The time span a document governs. */
export interface GovernedPeriod {
  startYear: number;
  endYear: number;
  /** The phrase it was read from, e.g. "规划期2021—2030年" or "“十四五”". */
  source: string;
}

/** Form of the official document: read from the title suffix. */
export type DocumentForm = "通知" | "批复" | "决定" | "意见" | "公告" | "其他";

/**
 * What the document is, for users: 规划 / 方案 / 通知 / 批复 / 任免 / 领导小组 …
 * For a 印发 notice this is the kind of the attached text.
 */
export type DocumentType = "规划" | "方案" | "通知" | "批复" | "任免" | "领导小组" | "印章" | "其他";

export interface PolicyDocument {
  /** Stable id derived from the document number, e.g. "szbf-2023-16". URL-safe ASCII. */
  id: string;
  /** As printed in the body, e.g. "朔政办发〔2023〕16号". */
  docNumber: string;
  /** Title with wrap spaces removed. */
  title: string;
  /** Title of the attached text (印发 notices), e.g. "朔州市“一老一小”整体解决方案". */
  attachedTitle: string | null;
  issuer: string;
  /** Addressees, split on "，" ( "各县（市、区）人民政府" kept whole). */
  addressees: string[];
  /** Signing date "YYYY-MM-DD". */
  date: string;
  /** "此件公开发布" or null. */
  disclosure: string | null;
  form: DocumentForm;
  type: DocumentType;
  /** Gazette issue id and TOC page. */
  gazette: { issueId: string; page: number | null; section: string | null };
  period: GovernedPeriod | null;
  /** Years named in 到YYYY年 targets, ascending. */
  targetYears: number[];
  /** Normalised full text: paragraphs joined by "\n". All offsets point here. */
  text: string;
  paragraphs: Paragraph[];
  outline: SectionNode[];
  annotations: UnitAnnotation[];
  groups: Group[];
  appointments: Appointment[];
  /** Attachments named but not printed (见网络版). */
  onlineOnlyAttachments: string[];
  /** 1-based source line range. */
  sourceLines: [number, number];
  /**
   * Every file the document was read from, the one its text comes from first.
   * The same document printed twice (same 文号 and title in two issues, or a
   * PDF and a web page of it) is one document with several sources.
   */
  sources: DocumentSource[];
  /** Earlier documents this one repeals, replaces or revises (同时废止, 代替, 修订 …). */
  replaces: DocumentLink[];
  /** Later documents in the collection that repeal, replace or revise this one. */
  replacedBy: DocumentLink[];
}

/** Formats a corpus file can be read from (src/ingest/types.ts SourceFormat). */
export type SourceFormatName = "txt" | "pdf" | "html" | "docx";

/** One file a document was read from. */
export interface DocumentSource {
  /** Path relative to the corpus folder, e.g. "2024/gazette-2024-01.pdf". */
  file: string;
  format: SourceFormatName;
  /** Gazette issue id ("2024-01"); null for a web page or a Word file that is not a gazette issue. */
  issueId: string | null;
  /** Page where the document starts: the printed page of a PDF, else the TOC page of a gazette; null when unknown. */
  page: number | null;
  /** A web page's metadata table (索引号, 发文机关, 成文日期, 发文字号, 主题分类 …), as printed; empty otherwise. */
  fields: Record<string, string>;
}

/** How a later document acts on an earlier one. */
export type DocumentRelation = "废止" | "代替" | "修订";

/** A link between a document and one it repeals / replaces / revises (or is repealed by). */
export interface DocumentLink {
  /** The other document's id; null when it is not in the collection. */
  docId: string | null;
  docNumber: string;
  /** The other document's title when it is in the collection (else the 《…》 named next to the number, or null). */
  title: string | null;
  relation: DocumentRelation;
  /** The sentence of the later document that says so. */
  sentence: string;
}

export type ChunkKind = "text" | "table";

/** The unit of retrieval and citation. */
export interface Chunk {
  /** Stable: docId + section path + ordinal, hashed; independent of edits elsewhere. */
  id: string;
  docId: string;
  docNumber: string;
  docTitle: string;
  sectionPath: string[];
  kind: ChunkKind;
  /** Normalised, otherwise verbatim text of the paragraphs it covers. */
  text: string;
  /** Offsets into PolicyDocument.text. */
  start: number;
  end: number;
  /** Units in force (union over its paragraphs, de-duplicated by canonical + role). */
  units: UnitRole[];
  /** Paragraph index range [first, last] in the document. */
  paragraphs: [number, number];
  /** Gazette issue of the document's first source (null for a web page or Word file). */
  issueId: string | null;
  /** Printed page where the chunk starts, when its source has pages (PDF); null otherwise. */
  page: number | null;
}

export type WarningCode =
  | "toc-mismatch"
  | "unparsed-line"
  | "displaced-block"
  | "suspected-leak"
  | "missing-field"
  | "not-a-gazette"
  | "truncated"
  | "binary-input"
  | "skipped-file"
  | "duplicate-document";

/** A non-fatal problem, always naming the file and line. */
export interface ParseWarning {
  code: WarningCode;
  file: string;
  line: number | null;
  message: string;
}

/** The whole output of `npm run corpus` (corpus/corpus.json). */
export interface Corpus {
  formatVersion: number;
  sources: SourceFile[];
  issues: GazetteIssue[];
  documents: PolicyDocument[];
  chunks: Chunk[];
  unitAliases: UnitAlias[];
  warnings: ParseWarning[];
  /** Files under corpus/ that could not be read, with the reason; the rest of the build went on. */
  skipped: SkippedFile[];
}

/** A corpus file that was not indexed. */
export interface SkippedFile {
  file: string;
  /** src/ingest/types.ts SkipReason. */
  reason: string;
  message: string;
}
