/**
 * One record of the evaluation question set (eval/questions.jsonl).
 *
 * The set measures the product and decides every ranking weight, so its gold
 * is machine-checked (eval/check-questions.ts): snippets must be verbatim
 * corpus text of the gold document, and a correct passage is one that
 * contains at least one snippet.
 */
import { z } from "zod";

/** Who asks: shapes wording (colloquial / terse keywords / business terms). */
export const PERSONAS = ["citizen", "operator", "enterprise"] as const;
export type Persona = (typeof PERSONAS)[number];

/** What kind of answer is wanted; lets the evaluation report per intent. */
export const INTENTS = ["doc-number", "responsibility", "group", "appointment", "entitlement", "general"] as const;
export type Intent = (typeof INTENTS)[number];

export const SPLITS = ["dev", "test"] as const;
export type Split = (typeof SPLITS)[number];

/** Snippet length bounds, counted in characters as written in the record. */
export const SNIPPET_MIN_CHARS = 8;
export const SNIPPET_MAX_CHARS = 40;

const docNumberPattern = /^[\u4e00-\u9fff]{2,8}〔\d{4}〕\d+号$/;

export const questionRecordSchema = z
  .object({
    // q… for the main set (eval/questions.jsonl), b… for entitlement questions (eval/benefit-questions.jsonl).
    id: z.string().regex(/^[qb]\d{3,4}$/, "id must look like q001 or b001"),
    persona: z.enum(PERSONAS),
    question: z.string().trim().min(2).max(80),
    answerable: z.boolean(),
    /** Gold document number(s) as printed in the body, e.g. "朔政办发〔2023〕16号"; empty when unanswerable. */
    docNumbers: z.array(z.string().regex(docNumberPattern, "docNumber must be printed form like 朔政办发〔2023〕16号")),
    /** Verbatim snippets of the answering passage; a correct passage contains at least one. */
    snippets: z.array(z.string().min(SNIPPET_MIN_CHARS).max(SNIPPET_MAX_CHARS)),
    /** Expected responsible units, as written in the text. */
    units: z.array(z.string().min(2)).min(1).optional(),
    intent: z.enum(INTENTS).optional(),
    /** Questions that express the same need in different words share a pairId. */
    pairId: z.string().regex(/^p\d{2,3}$/, "pairId must look like p01").optional(),
    split: z.enum(SPLITS),
    note: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((record, ctx) => {
    if (record.answerable) {
      if (record.docNumbers.length === 0) {
        ctx.addIssue({ code: "custom", path: ["docNumbers"], message: "an answerable question needs at least one gold docNumber" });
      }
      if (record.snippets.length === 0) {
        ctx.addIssue({ code: "custom", path: ["snippets"], message: "an answerable question needs at least one snippet" });
      }
    } else {
      if (record.docNumbers.length > 0 || record.snippets.length > 0 || record.units) {
        ctx.addIssue({
          code: "custom",
          path: ["answerable"],
          message: "an unanswerable question carries no docNumbers, snippets or units",
        });
      }
    }
  });

export type QuestionRecord = z.infer<typeof questionRecordSchema>;
