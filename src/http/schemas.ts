/**
 * The API contract as zod schemas: they validate requests, type the handlers and
 * generate /openapi.json, so the documentation cannot drift from the code.
 */
import { z } from "@hono/zod-openapi";

export const MAX_QUESTION_CHARS = 500;
export const MAX_HISTORY_TURNS = 10;

const question = z
  .string({ error: "question must be a string" })
  .trim()
  .min(1, "question must not be empty")
  .max(MAX_QUESTION_CHARS, `question must be at most ${MAX_QUESTION_CHARS} characters`)
  .openapi({ example: "残疾人就业有什么补贴？" });

export const AskRequestSchema = z
  .object({
    question,
    topK: z.number().int().min(1).max(20).default(5).openapi({ description: "How many passages to cite (1–20)." }),
    history: z
      .array(
        z.object({
          role: z.enum(["user", "assistant"]),
          content: z.string().max(4000),
        }),
      )
      .max(MAX_HISTORY_TURNS)
      .optional()
      .openapi({ description: "Earlier turns, oldest first; a short follow-up is resolved against the last user turn." }),
    filters: z
      .object({
        docNumber: z.string().min(1).max(60).optional(),
        unit: z.string().min(1).max(60).optional(),
      })
      .optional(),
  })
  .openapi("AskRequest");

/** The role a unit has for a passage (corpus UnitRoleKind). */
const UnitRoleKindSchema = z.enum(["lead", "participating", "responsible"]);

/** A unit with its role in a passage: citations, document passages, benefit clauses. */
export const UnitRoleSchema = z.object({
  name: z.string(),
  canonical: z.string(),
  role: UnitRoleKindSchema,
});

export const AnswerUnitSchema = z
  .object({
    name: z.string(),
    canonical: z.string(),
    role: z.enum([...UnitRoleKindSchema.options, "issuer"]),
    docNumber: z.string(),
  })
  .openapi("AnswerUnit");

export const HitSchema = z
  .object({
    chunkId: z.string(),
    docId: z.string(),
    docNumber: z.string(),
    docTitle: z.string(),
    issuer: z.string(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    sectionPath: z.array(z.string()),
    text: z.string(),
    score: z.number(),
    units: z.array(UnitRoleSchema),
  })
  .openapi("Hit");

export const CitationSchema = HitSchema.extend({ n: z.number().int().min(1) }).openapi("Citation");

export const RetrievalInfoSchema = z
  .object({
    mode: z.enum(["hybrid", "lexical"]),
    model: z.string().nullable(),
    tookMs: z.number(),
  })
  .openapi("RetrievalInfo");

export const AskResponseSchema = z
  .object({
    answered: z.boolean(),
    answer: z.string(),
    citations: z.array(CitationSchema),
    units: z.array(AnswerUnitSchema),
    retrieval: RetrievalInfoSchema,
    // Feedback (issue 17): the id POST /api/feedback rates; the HTTP layer adds it.
    askId: z.string().optional().openapi({ description: "Identifies this answer for POST /api/feedback." }),
  })
  .openapi("AskResponse");

export const SearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, "q must not be empty")
    .max(MAX_QUESTION_CHARS, `q must be at most ${MAX_QUESTION_CHARS} characters`)
    .openapi({ param: { name: "q", in: "query" }, example: "链长制" }),
  k: z.coerce
    .number({ error: "k must be a number" })
    .int("k must be an integer")
    .min(1)
    .max(50)
    .default(10)
    .openapi({ param: { name: "k", in: "query" } }),
});

export const SearchResponseSchema = z
  .object({ hits: z.array(HitSchema), retrieval: RetrievalInfoSchema })
  .openapi("SearchResponse");

export const DocumentSummarySchema = z
  .object({
    id: z.string(),
    docNumber: z.string(),
    title: z.string(),
    issuer: z.string(),
    date: z.string(),
    type: z.string(),
  })
  .openapi("DocumentSummary");

export const DocumentListSchema = z.object({ documents: z.array(DocumentSummarySchema) }).openapi("DocumentList");

export const OutlineNodeSchema = z.object({ title: z.string(), level: z.number().int(), path: z.array(z.string()) });

export const DocumentDetailSchema = DocumentSummarySchema.extend({
  attachedTitle: z.string().nullable(),
  addressees: z.array(z.string()),
  disclosure: z.string().nullable(),
  form: z.string(),
  gazette: z.object({ issueId: z.string(), page: z.number().nullable(), section: z.string().nullable() }),
  period: z.object({ startYear: z.number(), endYear: z.number(), source: z.string() }).nullable(),
  outline: z.array(OutlineNodeSchema),
  chunks: z.array(
    z.object({ chunkId: z.string(), sectionPath: z.array(z.string()), text: z.string(), units: z.array(UnitRoleSchema) }),
  ),
}).openapi("DocumentDetail");

export const DocumentParamSchema = z.object({
  id: z.string().min(1).max(80).openapi({ param: { name: "id", in: "path" }, example: "szbf-2023-16" }),
});

export const UnitsQuerySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "name must not be empty")
    .max(60)
    .openapi({ param: { name: "name", in: "query" }, example: "市人社局" }),
});

export const UnitPassagesSchema = z
  .object({
    query: z.string(),
    canonical: z.string(),
    documents: z.array(
      z.object({
        docId: z.string(),
        docNumber: z.string(),
        docTitle: z.string(),
        passages: z.array(
          z.object({
            chunkId: z.string(),
            sectionPath: z.array(z.string()),
            text: z.string(),
            roles: z.array(UnitRoleKindSchema),
          }),
        ),
      }),
    ),
  })
  .openapi("UnitPassages");

export const HealthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    documents: z.number().int(),
    chunks: z.number().int(),
    corpusHash: z.string(),
    indexBuildId: z.string(),
    indexBuiltAt: z.string(),
    dense: z.object({ enabled: z.boolean(), model: z.string().nullable(), reason: z.string().nullable() }),
    // Feedback (issue 17): question-log and rating storage; "degraded" here never stops answering.
    feedback: z
      .object({
        status: z.enum(["ok", "degraded", "off"]),
        store: z.string().nullable(),
        reason: z.string().nullable(),
        questionLog: z.boolean(),
        queued: z.number().int(),
        written: z.number().int(),
        dropped: z.number().int(),
        failedWrites: z.number().int(),
      })
      .optional(),
  })
  .openapi("Health");

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi("Error");

/** An error entry of a route's `responses` (the body is always ErrorSchema). */
export function errorResponseDoc(description: string) {
  return { description, content: { "application/json": { schema: ErrorSchema } } };
}

/** Error entries several routes list, worded once. */
export const ERROR_RESPONSE_DOCS = {
  400: errorResponseDoc("Invalid request"),
  404: errorResponseDoc("Not found"),
  503: errorResponseDoc("No index loaded"),
} as const;

export type AskRequest = z.infer<typeof AskRequestSchema>;
export type AskResponse = z.infer<typeof AskResponseSchema>;
export type Citation = z.infer<typeof CitationSchema>;
export type AnswerUnit = z.infer<typeof AnswerUnitSchema>;
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
