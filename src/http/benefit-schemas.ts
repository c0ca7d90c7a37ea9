/**
 * zod schemas of GET /api/benefits and POST /api/eligibility: they validate
 * requests (a bad audience or an unknown flag is a 400) and document the API.
 */
import { z } from "@hono/zod-openapi";
import { UnitRoleSchema } from "./schemas";
import { AUDIENCE_TYPES, AUDIENCES, BENEFIT_KINDS, PROFILE_FLAGS, type ProfileFlag } from "../benefits/types";

export const AudienceSchema = z.enum(AUDIENCES).openapi({ description: "Who benefits.", example: "disabled" });

export const BenefitsQuerySchema = z.object({
  audience: AudienceSchema.optional().openapi({ param: { name: "audience", in: "query" } }),
  q: z
    .string()
    .trim()
    .min(1, "q must not be empty")
    .max(60, "q must be at most 60 characters")
    .optional()
    .openapi({ param: { name: "q", in: "query" }, example: "就业" }),
});

const UncheckedSchema = z
  .object({
    text: z.string().openapi({ description: "The condition as written in the clause." }),
    reason: z.string().openapi({ description: "Why the finder could not check it." }),
  })
  .openapi("UncheckedCondition");

export const BenefitClauseSchema = z
  .object({
    id: z.string(),
    audiences: z.array(AudienceSchema),
    beneficiary: z.string().nullable(),
    condition: z.string().nullable(),
    kind: z.enum(BENEFIT_KINDS),
    kinds: z.array(z.enum(BENEFIT_KINDS)),
    benefit: z.string(),
    amounts: z.array(z.string()),
    discretionary: z.boolean(),
    units: z.array(UnitRoleSchema),
    requires: z.array(z.object({ flag: z.enum(PROFILE_FLAGS), value: z.boolean(), text: z.string(), mandatory: z.boolean() })),
    unchecked: z.array(UncheckedSchema),
    source: z.object({
      chunkId: z.string(),
      docId: z.string(),
      docNumber: z.string(),
      docTitle: z.string(),
      sectionPath: z.array(z.string()),
      sentence: z.string().openapi({ description: "The clause sentence, verbatim corpus text of the chunk." }),
      start: z.number().int(),
      end: z.number().int(),
    }),
  })
  .openapi("BenefitClause");

export const BenefitListSchema = z
  .object({ count: z.number().int(), clauses: z.array(BenefitClauseSchema) })
  .openapi("BenefitList");

const flagShape = Object.fromEntries(PROFILE_FLAGS.map((flag) => [flag, z.boolean().optional()])) as Record<
  ProfileFlag,
  z.ZodOptional<z.ZodBoolean>
>;

export const EligibilityRequestSchema = z
  .object({
    audienceType: z.enum(AUDIENCE_TYPES).openapi({ description: "enterprise | individual | organization" }),
    // strict: an unknown flag is a 400 naming it, never silently ignored.
    flags: z.object(flagShape).strict().default({}),
  })
  .strict()
  .openapi("EligibilityRequest", {
    example: { audienceType: "individual", flags: { isDisabledPerson: true } },
  });

export const EligibilityMatchSchema = z
  .object({
    clause: BenefitClauseSchema,
    audience: AudienceSchema,
    contact: z.array(UnitRoleSchema).openapi({ description: "Units to contact: the responsible units of the clause's paragraph." }),
    contactNote: z.string().openapi({ description: "Plain text of whom to contact, or that the text names no unit." }),
    unchecked: z.array(UncheckedSchema),
  })
  .openapi("EligibilityMatch");

export const EligibilityResponseSchema = z
  .object({
    count: z.number().int(),
    matches: z.array(EligibilityMatchSchema),
    notice: z.string().openapi({ description: "What the finder could not check, in plain words." }),
  })
  .openapi("EligibilityResponse");
