/**
 * The API contract as zod schemas: they validate requests, type the handlers and
 * generate /openapi.json, so the documentation cannot drift from the code.
 */
import { z } from "@hono/zod-openapi";
import { LINE_KINDS, REFUSAL_REASONS, type Answer, type LineKind, type RefusalReason } from "../answer/types";

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
  // Swagger UI's default Execute sends this; without it, it would invent history and filter values that 400.
  .openapi("AskRequest", { example: { question: "残疾人就业有什么补贴？", topK: 5 } });

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
    // Ingestion (issue 16): where the passage was printed. Optional so older clients and fixtures stay valid.
    issueId: z.string().nullable().optional().openapi({ description: "Gazette issue of the passage (2024-01); null for a web page or Word file." }),
    page: z.number().int().nullable().optional().openapi({ description: "Printed page where the passage starts (PDF sources); null when unknown." }),
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

export const AnswerLineSchema = z
  .object({
    kind: z.enum(LINE_KINDS as [LineKind, ...LineKind[]]).openapi({
      description:
        "fact: the short answer (the asked value highlighted); quote: a verbatim corpus sentence; field: a labelled field of the parsed document; units: responsible units by role; source: cited documents; notice: expired period, replaced document; clarify: which document did you mean; refusal: why there is no answer; next-step: whom to contact",
    }),
    text: z.string(),
    cite: z.number().int().min(1).optional().openapi({ description: "Citation number [n] the text comes from." }),
    highlight: z
      .tuple([z.number().int().min(0), z.number().int().min(0)])
      .optional()
      .openapi({ description: "[start, end) of the asked value inside text (UTF-16 offsets)." }),
  })
  .openapi("AnswerLine");

export const DocumentCandidateSchema = z
  .object({ docId: z.string(), docNumber: z.string(), title: z.string(), date: z.string() })
  .openapi("DocumentCandidate");

export const AskResponseSchema = z
  .object({
    answered: z.boolean(),
    reason: z
      .enum(REFUSAL_REASONS as [RefusalReason, ...RefusalReason[]])
      .optional()
      .openapi({ description: "Why answered is false: no-evidence, out-of-domain, fact-not-stated, ambiguous." }),
    answer: z.string().openapi({ description: "`lines` as plain text, joined by newlines." }),
    lines: z.array(AnswerLineSchema),
    citations: z.array(CitationSchema),
    units: z.array(AnswerUnitSchema),
    candidates: z.array(DocumentCandidateSchema).optional().openapi({ description: "With reason ambiguous: the documents to choose from." }),
    analysis: z.object({ intent: z.string(), asks: z.string(), audience: z.string() }),
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

// Ingestion (issue 16): /api/documents filters and the sources and replacement links of a document.
export const DocumentListQuerySchema = z.object({
  issue: z
    .string()
    .regex(/^\d{4}-\d{2}$/, "issue must look like 2024-01")
    .optional()
    .openapi({ param: { name: "issue", in: "query" }, example: "2023-03" }),
  format: z
    .enum(["txt", "pdf", "html", "docx"], { error: "format must be one of txt, pdf, html, docx" })
    .optional()
    .openapi({ param: { name: "format", in: "query" } }),
});

export const DocumentSourceSchema = z.object({
  file: z.string(),
  format: z.enum(["txt", "pdf", "html", "docx"]),
  issueId: z.string().nullable(),
  page: z.number().int().nullable(),
});

export const DocumentLinkSchema = z.object({
  docId: z.string().nullable(),
  docNumber: z.string(),
  title: z.string().nullable(),
  relation: z.enum(["废止", "代替", "修订"]),
});

export const DocumentSummarySchema = z
  .object({
    id: z.string(),
    docNumber: z.string(),
    title: z.string(),
    issuer: z.string(),
    date: z.string(),
    type: z.string(),
    sources: z.array(DocumentSourceSchema).optional(),
    replacedBy: z.array(DocumentLinkSchema).optional(),
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
    z.object({
      chunkId: z.string(),
      sectionPath: z.array(z.string()),
      text: z.string(),
      units: z.array(UnitRoleSchema),
      page: z.number().int().nullable().optional(),
    }),
  ),
  replaces: z.array(DocumentLinkSchema).optional(),
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

// --- unit names for the page's unit filter (issue 15) ---
export const UnitNamesSchema = z
  .object({
    units: z.array(
      z.object({
        canonical: z.string(),
        aliases: z.array(z.string()).openapi({ description: "Other names the corpus uses for it (市人社局 …)." }),
      }),
    ),
  })
  .openapi("UnitNames");

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

/** The answer layer's type and this schema must agree both ways; a drift is a compile error here. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const answerMatchesSchema: Same<Answer, AskResponse> = true;
void answerMatchesSchema;
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
