// Checks the blind fact-based evaluation set eval/facts.jsonl against the parsed gazette.
//
//   npx tsx eval/check-facts.ts [facts.jsonl] [corpus.json]
//
// Verifies the schema, ids, document numbers, every fact span (verbatim, whitespace removed, in a listed
// document), the minimum counts and proportions the set was written to, and that no question repeats.
// Prints counts per split / persona / factType / kind / style and exits 1 on any problem.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  FACT_TYPES,
  PERSONAS,
  SPLITS,
  STYLES,
  UNANSWERABLE_KINDS,
  parseFactsJsonl,
  stripWhitespace,
  type FactRecord,
} from './facts-schema';

const here = import.meta.dirname ?? path.resolve('eval');
const factsPath = path.resolve(process.argv[2] ?? path.join(here, 'facts.jsonl'));
const corpusPath = path.resolve(process.argv[3] ?? path.join(here, '..', 'corpus', 'corpus.json'));

// ---- the targets the set was written to ----
const MIN_ANSWERABLE = 230;
const MIN_UNANSWERABLE = 115;
const MIN_TRAP = 58;
const MIN_FAR = 57;
/** Minimum answerable questions per factType group. */
const MIN_BY_FACT_GROUP: ReadonlyArray<readonly [label: string, types: readonly string[], min: number]> = [
  ['amount+ratio', ['amount', 'ratio'], 15],
  ['date', ['date'], 15],
  ['unit', ['unit'], 15],
  ['person', ['person'], 15],
  ['count', ['count'], 15],
  ['condition', ['condition'], 15],
  ['procedure', ['procedure'], 15],
  ['list', ['list'], 15],
  ['place', ['place'], 10],
  ['document', ['document'], 10],
];
/** Minimum share of all records per style group. */
const MIN_STYLE_SHARE: ReadonlyArray<readonly [label: string, styles: readonly string[], share: number]> = [
  ['terse', ['terse'], 0.2],
  ['colloquial+dialect', ['colloquial', 'dialect'], 0.25],
  ['typo', ['typo'], 0.1],
  ['story', ['story'], 0.1],
];
/** Persona shares: roughly 45 / 35 / 20 %. */
const PERSONA_RANGE: Record<(typeof PERSONAS)[number], readonly [number, number]> = {
  citizen: [0.38, 0.52],
  operator: [0.28, 0.42],
  enterprise: [0.14, 0.26],
};
/** Overall dev share and the dev share allowed inside any stratum of at least STRATUM_MIN records. */
const DEV_SHARE_OVERALL: readonly [number, number] = [0.4, 0.6];
const DEV_SHARE_STRATUM: readonly [number, number] = [0.3, 0.7];
const STRATUM_MIN = 6;
/** The large documents get more questions. */
const BIG_DOC_MIN_ANSWERABLE = 10;
const BIG_DOCS = [
  '朔政发〔2023〕16号', // 残疾人保障和发展规划
  '朔政办发〔2023〕13号', // 房证同交 地证同交
  '朔政办发〔2023〕15号', // 森林草原防灭火规划
  '朔政办发〔2023〕16号', // 一老一小
  '朔政办发〔2023〕17号', // 营商环境
  '朔政办发〔2023〕18号', // 新污染物
  '朔政办发〔2023〕19号', // 专业镇
  '朔政办发〔2023〕20号', // 重点产业链
  '朔政办发〔2023〕22号', // 省运会
];
/** Two documents share 16号 and two share 20号: a bare "16号文" cannot be answered. */
const AMBIGUOUS_BARE_NUMBER = /(?:^|[^\d])(?:16|20)号/u;
const DISAMBIGUATING_PREFIX = /朔政(?:办)?[发函]/u;
const MAX_AMBIGUOUS_TRAPS = 4;

const CorpusSchema = z.object({
  documents: z
    .array(z.object({ docNumber: z.string(), title: z.string(), text: z.string() }))
    .min(1),
});

const problems: string[] = [];
const warnings: string[] = [];
const problem = (msg: string): void => {
  problems.push(msg);
};

// ---- read inputs ----
const rawBytes = readFileSync(factsPath);
const rawText = rawBytes.toString('utf8');
if (!Buffer.from(rawText, 'utf8').equals(rawBytes)) problem('facts.jsonl is not valid UTF-8');
if (rawText.startsWith('\uFEFF')) problem('facts.jsonl starts with a BOM');
if (rawText.length > 0 && !rawText.endsWith('\n')) problem('facts.jsonl does not end with a newline');
const rawLines = rawText.split('\n');
rawLines.forEach((line, i) => {
  if (/[ \t\r\u3000]+$/u.test(line)) problem(`line ${i + 1}: trailing whitespace`);
  if (line.trim() === '' && i < rawLines.length - 1) problem(`line ${i + 1}: empty line`);
});

const corpusParsed = CorpusSchema.safeParse(JSON.parse(readFileSync(corpusPath, 'utf8')));
if (!corpusParsed.success) {
  console.error(`corpus ${corpusPath} does not have documents[].{docNumber,title,text}`);
  process.exit(1);
}
const docs = corpusParsed.data.documents;
const docText = new Map<string, string>();
for (const d of docs) {
  if (docText.has(d.docNumber)) warnings.push(`corpus has two documents numbered ${d.docNumber}`);
  docText.set(d.docNumber, stripWhitespace(d.text));
}

const { records, issues } = parseFactsJsonl(rawText);
for (const issue of issues) problem(`line ${issue.line}: ${issue.message}`);

// ---- per-record checks ----
const seenIds = new Set<string>();
const seenQuestions = new Map<string, string>();
const normalizeQuestion = (q: string): string =>
  stripWhitespace(q)
    .replace(/[\p{P}\p{S}]/gu, '')
    .toLowerCase();

records.forEach((r, i) => {
  const expectedId = `f${String(i + 1).padStart(3, '0')}`;
  if (seenIds.has(r.id)) problem(`${r.id}: duplicate id`);
  seenIds.add(r.id);
  if (r.id !== expectedId && issues.length === 0) problem(`${r.id}: expected id ${expectedId} (ids must be consecutive)`);

  const exactKey = `=${r.question}`;
  const looseKey = `~${normalizeQuestion(r.question)}`;
  const sameAs = seenQuestions.get(exactKey);
  const nearlySameAs = seenQuestions.get(looseKey);
  if (sameAs !== undefined) problem(`${r.id}: question identical to ${sameAs}`);
  else if (nearlySameAs !== undefined) {
    problem(`${r.id}: question identical to ${nearlySameAs} after removing whitespace and punctuation`);
  }
  if (sameAs === undefined) seenQuestions.set(exactKey, r.id);
  if (nearlySameAs === undefined) seenQuestions.set(looseKey, r.id);

  if (new Set(r.docNumbers).size !== r.docNumbers.length) problem(`${r.id}: repeated docNumber`);
  if (new Set(r.facts.map(stripWhitespace)).size !== r.facts.length) problem(`${r.id}: repeated fact span`);

  if (r.answerable) {
    for (const n of r.docNumbers) if (!docText.has(n)) problem(`${r.id}: docNumber ${n} is not in corpus.json`);
    for (const span of r.facts) {
      const s = stripWhitespace(span);
      const found = r.docNumbers.some((n) => docText.get(n)?.includes(s) ?? false);
      if (!found) problem(`${r.id}: fact span "${span}" is not verbatim in ${r.docNumbers.join(', ')}`);
    }
    if (AMBIGUOUS_BARE_NUMBER.test(r.question) && !DISAMBIGUATING_PREFIX.test(r.question)) {
      problem(`${r.id}: answerable question uses a bare 16号/20号 reference, which is ambiguous`);
    }
  } else if (AMBIGUOUS_BARE_NUMBER.test(r.question) && !DISAMBIGUATING_PREFIX.test(r.question)) {
    if (r.kind !== 'trap' || !/ambiguous/iu.test(r.note)) {
      problem(`${r.id}: a bare 16号/20号 question must be a trap whose note says "ambiguous"`);
    }
  }
});

// ---- counts ----
type Key = string;
const count = <T>(items: readonly T[], key: (t: T) => Key): Map<Key, number> => {
  const m = new Map<Key, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  return m;
};
const answerable = records.filter((r): r is Extract<FactRecord, { answerable: true }> => r.answerable);
const unanswerable = records.filter((r): r is Extract<FactRecord, { answerable: false }> => !r.answerable);
const total = records.length;

if (answerable.length < MIN_ANSWERABLE) problem(`answerable: ${answerable.length} < ${MIN_ANSWERABLE}`);
if (unanswerable.length < MIN_UNANSWERABLE) problem(`unanswerable: ${unanswerable.length} < ${MIN_UNANSWERABLE}`);
const byKind = count(unanswerable, (r) => r.kind);
if ((byKind.get('trap') ?? 0) < MIN_TRAP) problem(`trap: ${byKind.get('trap') ?? 0} < ${MIN_TRAP}`);
if ((byKind.get('far') ?? 0) < MIN_FAR) problem(`far: ${byKind.get('far') ?? 0} < ${MIN_FAR}`);

const answerableByType = count(answerable, (r) => r.factType);
for (const [label, types, min] of MIN_BY_FACT_GROUP) {
  const n = types.reduce((acc, t) => acc + (answerableByType.get(t) ?? 0), 0);
  if (n < min) problem(`answerable factType ${label}: ${n} < ${min}`);
}

const byStyle = count(records, (r) => r.style);
for (const [label, styles, share] of MIN_STYLE_SHARE) {
  const n = styles.reduce((acc, s) => acc + (byStyle.get(s) ?? 0), 0);
  if (total > 0 && n / total < share) {
    problem(`style ${label}: ${n}/${total} = ${pct(n / total)} < ${pct(share)}`);
  }
}

const byPersona = count(records, (r) => r.persona);
for (const p of PERSONAS) {
  const [lo, hi] = PERSONA_RANGE[p];
  const share = total > 0 ? (byPersona.get(p) ?? 0) / total : 0;
  if (share < lo || share > hi) problem(`persona ${p}: ${pct(share)} outside ${pct(lo)}–${pct(hi)}`);
}

// split stratification: every persona, factType and unanswerable kind in both splits, similar proportion
const devShare = (rs: readonly FactRecord[]): number => rs.filter((r) => r.split === 'dev').length / rs.length;
if (total > 0) {
  const s = devShare(records);
  if (s < DEV_SHARE_OVERALL[0] || s > DEV_SHARE_OVERALL[1]) problem(`dev share ${pct(s)} outside ${pct(DEV_SHARE_OVERALL[0])}–${pct(DEV_SHARE_OVERALL[1])}`);
}
const strata: Array<[string, readonly FactRecord[]]> = [
  ...PERSONAS.map((p): [string, FactRecord[]] => [`persona ${p}`, records.filter((r) => r.persona === p)]),
  ...FACT_TYPES.map((t): [string, FactRecord[]] => [`factType ${t}`, records.filter((r) => r.factType === t)]),
  ...FACT_TYPES.map((t): [string, FactRecord[]] => [`answerable factType ${t}`, answerable.filter((r) => r.factType === t)]),
  ...UNANSWERABLE_KINDS.map((k): [string, FactRecord[]] => [`kind ${k}`, unanswerable.filter((r) => r.kind === k)]),
  ['answerable', answerable],
];
for (const [label, rs] of strata) {
  for (const split of SPLITS) {
    if (rs.length > 0 && !rs.some((r) => r.split === split)) problem(`${label}: no ${split} record`);
  }
  if (rs.length >= STRATUM_MIN) {
    const s = devShare(rs);
    if (s < DEV_SHARE_STRATUM[0] || s > DEV_SHARE_STRATUM[1]) {
      problem(`${label}: dev share ${pct(s)} outside ${pct(DEV_SHARE_STRATUM[0])}–${pct(DEV_SHARE_STRATUM[1])}`);
    }
  }
}

// document coverage
const answerableByDoc = new Map<string, number>();
for (const r of answerable) for (const n of r.docNumbers) answerableByDoc.set(n, (answerableByDoc.get(n) ?? 0) + 1);
for (const d of docs) {
  const n = answerableByDoc.get(d.docNumber) ?? 0;
  if (n === 0) problem(`document ${d.docNumber} has no answerable question`);
}
for (const n of BIG_DOCS) {
  if (!docText.has(n)) continue;
  const c = answerableByDoc.get(n) ?? 0;
  if (c < BIG_DOC_MIN_ANSWERABLE) problem(`large document ${n}: ${c} answerable < ${BIG_DOC_MIN_ANSWERABLE}`);
}
const ambiguousTraps = unanswerable.filter((r) => /ambiguous/iu.test(r.note)).length;
if (ambiguousTraps > MAX_AMBIGUOUS_TRAPS) problem(`${ambiguousTraps} ambiguous traps > ${MAX_AMBIGUOUS_TRAPS}`);

// ---- report ----
function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
function table(title: string, values: readonly string[], rs: readonly FactRecord[], key: (r: FactRecord) => string): void {
  const rows = values.map((v) => {
    const dev = rs.filter((r) => key(r) === v && r.split === 'dev').length;
    const test = rs.filter((r) => key(r) === v && r.split === 'test').length;
    return [v, String(dev), String(test), String(dev + test)];
  });
  const dev = rs.filter((r) => r.split === 'dev').length;
  rows.push(['total', String(dev), String(rs.length - dev), String(rs.length)]);
  const head = [title, 'dev', 'test', 'all'];
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((row) => width(row[i] ?? ''))));
  const fmt = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? padEnd(c, widths[i] ?? 0) : padStart(c, widths[i] ?? 0))).join('  ');
  console.log(fmt(head));
  for (const row of rows) console.log(fmt(row));
  console.log('');
}
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/u.test(ch) ? 2 : 1;
  return w;
}
function padEnd(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}
function padStart(s: string, w: number): string {
  return ' '.repeat(Math.max(0, w - width(s))) + s;
}

const sha = createHash('sha256').update(rawBytes).digest('hex');
console.log(`facts: ${path.relative(process.cwd(), factsPath) || factsPath}  (${total} records, sha256 ${sha.slice(0, 16)})`);
console.log(`corpus: ${path.relative(process.cwd(), corpusPath) || corpusPath}  (${docs.length} documents)`);
console.log('');
table('answerable', ['true', 'false'], records, (r) => String(r.answerable));
table('persona', PERSONAS, records, (r) => r.persona);
table('factType (answerable)', FACT_TYPES, answerable, (r) => r.factType);
table('factType (unanswerable)', FACT_TYPES, unanswerable, (r) => r.factType);
table('kind (unanswerable)', UNANSWERABLE_KINDS, unanswerable, (r) => (r.answerable ? '' : r.kind));
table('style', STYLES, records, (r) => r.style);
table(
  'document (answerable)',
  docs.map((d) => d.docNumber),
  answerable,
  (r) => r.docNumbers[0] ?? '',
);

for (const w of warnings) console.log(`warning: ${w}`);
if (problems.length > 0) {
  for (const p of problems) console.error(`problem: ${p}`);
  console.error(`\n${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`ok: ${total} records (${answerable.length} answerable, ${unanswerable.length} unanswerable), all fact spans verbatim`);
