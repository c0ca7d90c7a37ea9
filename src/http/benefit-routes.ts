/**
 * GET /api/benefits and POST /api/eligibility: benefit clauses with citations,
 * and the clauses whose conditions match a small profile.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { unitList } from "../benefits/answer";
import { findEligible } from "../benefits/eligibility";
import { filterBenefits } from "../benefits/filter";
import {
  BenefitListSchema,
  BenefitsQuerySchema,
  EligibilityRequestSchema,
  EligibilityResponseSchema,
} from "./benefit-schemas";
import type { Engine } from "../engine/engine";
import { ERROR_RESPONSE_DOCS } from "./schemas";

const errorResponses = { 400: ERROR_RESPONSE_DOCS[400], 503: ERROR_RESPONSE_DOCS[503] } as const;

const benefitsRoute = createRoute({
  method: "get",
  path: "/api/benefits",
  summary: "Benefit clauses (subsidies, exemptions, priority, services …) with citations, by audience and words",
  request: { query: BenefitsQuerySchema },
  responses: {
    200: { description: "Matching clauses", content: { "application/json": { schema: BenefitListSchema } } },
    ...errorResponses,
  },
});

const eligibilityRoute = createRoute({
  method: "post",
  path: "/api/eligibility",
  summary: "Clauses whose conditions match a profile, with the unit to contact and the conditions not checked",
  request: { body: { required: true, content: { "application/json": { schema: EligibilityRequestSchema } } } },
  responses: {
    200: { description: "Matching clauses", content: { "application/json": { schema: EligibilityResponseSchema } } },
    ...errorResponses,
  },
});

export const ELIGIBILITY_NOTICE =
  "以下结果只按您勾选的身份和情况匹配文件条款。文件中“符合条件的”“按规定”等具体标准、收入或等级认定、金额，本工具无法核实，已在每条下列出；是否能享受以责任单位审核为准。";

/** `engineOrFail` is the app's readiness rule (no index → 503 not-ready), shared with the other endpoints. */
export function registerBenefitRoutes(app: OpenAPIHono, engineOrFail: () => Engine): void {
  const ready = () => engineOrFail().data.benefits;

  app.openapi(benefitsRoute, (c) => {
    const { audience, q } = c.req.valid("query");
    const clauses = filterBenefits(ready(), { audience, q });
    return c.json({ count: clauses.length, clauses }, 200);
  });

  app.openapi(eligibilityRoute, (c) => {
    const profile = c.req.valid("json");
    const matches = findEligible(profile, ready()).map((m) => ({
      clause: m.clause,
      audience: m.audience,
      contact: m.clause.units,
      contactNote: m.clause.units.length ? `可咨询：${unitList(m.clause)}` : "文件此处未写明责任单位，可拨打12345政务服务便民热线咨询",
      unchecked: m.unchecked,
    }));
    return c.json({ count: matches.length, matches, notice: ELIGIBILITY_NOTICE }, 200);
  });
}
