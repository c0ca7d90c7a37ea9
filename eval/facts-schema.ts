// Schema of the blind fact-based evaluation set (eval/facts.jsonl).
//
// The set was written from the gazette text alone, without looking at the service or its answers.
// Each record is one user question. Answerable records carry 1–3 alternative verbatim spans of the
// answering document ("facts"): a line of an answer that contains any one of them (after removing all
// whitespace from both) states the asked fact. Unanswerable records ask something the gazette does not
// state, either close to its topics ("trap") or far from them ("far").
//
// This module imports only zod so that any code (checker, eval harness, tests) can load the set.
import { z } from 'zod';

export const SPLITS = ['dev', 'test'] as const;
export const PERSONAS = ['citizen', 'operator', 'enterprise'] as const;
export const STYLES = ['plain', 'colloquial', 'typo', 'dialect', 'story', 'terse'] as const;
export const FACT_TYPES = [
  'amount',
  'ratio',
  'date',
  'place',
  'person',
  'count',
  'unit',
  'condition',
  'procedure',
  'list',
  'document',
] as const;
export const UNANSWERABLE_KINDS = ['trap', 'far'] as const;

export const SplitSchema = z.enum(SPLITS);
export const PersonaSchema = z.enum(PERSONAS);
export const StyleSchema = z.enum(STYLES);
export const FactTypeSchema = z.enum(FACT_TYPES);
export const UnanswerableKindSchema = z.enum(UNANSWERABLE_KINDS);

/** Removes every whitespace character; spans and document texts are compared in this form. */
export function stripWhitespace(s: string): string {
  return s.replace(/\s+/gu, '');
}

/** Printed document number, e.g. 朔政办发〔2023〕16号 or 朔政干发〔2023〕3号. */
export const DOC_NUMBER_RE = /^朔政[\u4e00-\u9fff]{0,3}〔\d{4}〕\d+号$/u;

const idSchema = z.string().regex(/^f\d{3,}$/u, 'id must look like f001');

const questionSchema = z
  .string()
  .min(2)
  .max(120)
  .refine((q) => q === q.trim(), 'question must not start or end with whitespace');

/** A fact span: 2–30 characters once whitespace is removed. */
export const FactSpanSchema = z
  .string()
  .refine((s) => {
    const n = [...stripWhitespace(s)].length;
    return n >= 2 && n <= 30;
  }, 'fact span must be 2–30 characters after removing whitespace');

const noteSchema = z.string().trim().min(1);

const common = {
  id: idSchema,
  split: SplitSchema,
  persona: PersonaSchema,
  style: StyleSchema,
  question: questionSchema,
  factType: FactTypeSchema,
};

export const AnswerableFactSchema = z.strictObject({
  ...common,
  answerable: z.literal(true),
  facts: z.array(FactSpanSchema).min(1).max(3),
  docNumbers: z.array(z.string().regex(DOC_NUMBER_RE, 'not a printed document number')).min(1),
  note: noteSchema.optional(),
});

export const UnanswerableFactSchema = z.strictObject({
  ...common,
  answerable: z.literal(false),
  facts: z.array(FactSpanSchema).max(0),
  docNumbers: z.array(z.string()).max(0),
  kind: UnanswerableKindSchema,
  note: noteSchema,
});

export const FactRecordSchema = z.discriminatedUnion('answerable', [AnswerableFactSchema, UnanswerableFactSchema]);

export type Split = z.infer<typeof SplitSchema>;
export type Persona = z.infer<typeof PersonaSchema>;
export type Style = z.infer<typeof StyleSchema>;
export type FactType = z.infer<typeof FactTypeSchema>;
export type UnanswerableKind = z.infer<typeof UnanswerableKindSchema>;
export type AnswerableFactRecord = z.infer<typeof AnswerableFactSchema>;
export type UnanswerableFactRecord = z.infer<typeof UnanswerableFactSchema>;
export type FactRecord = z.infer<typeof FactRecordSchema>;

export interface FactsParseIssue {
  line: number;
  message: string;
}

/**
 * Parses the text of facts.jsonl (one JSON object per non-empty line) and validates every record.
 * Returns the valid records and one issue per invalid line; it never throws on bad input.
 */
export function parseFactsJsonl(text: string): { records: FactRecord[]; issues: FactsParseIssue[] } {
  const records: FactRecord[] = [];
  const issues: FactsParseIssue[] = [];
  const lines = text.replace(/^\uFEFF/u, '').split('\n');
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      issues.push({ line, message: `invalid JSON: ${(err as Error).message}` });
      return;
    }
    const parsed = FactRecordSchema.safeParse(value);
    if (parsed.success) {
      records.push(parsed.data);
    } else {
      for (const issue of parsed.error.issues) {
        const where = issue.path.length > 0 ? issue.path.join('.') : '(record)';
        issues.push({ line, message: `${where}: ${issue.message}` });
      }
    }
  });
  return { records, issues };
}

/** Throws if any line is invalid; for code that only needs the records. */
export function loadFacts(text: string): FactRecord[] {
  const { records, issues } = parseFactsJsonl(text);
  if (issues.length > 0) {
    const first = issues
      .slice(0, 5)
      .map((i) => `line ${i.line}: ${i.message}`)
      .join('; ');
    throw new Error(`facts.jsonl has ${issues.length} invalid line(s): ${first}`);
  }
  return records;
}
