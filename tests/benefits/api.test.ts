import { beforeAll, describe, expect, it } from "vitest";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { BenefitListSchema, EligibilityResponseSchema } from "../../src/http/benefit-schemas";
import type { Engine } from "../../src/engine/engine";
import { createApp } from "../../src/http/app";
import { ErrorSchema } from "../../src/http/schemas";
import { testEngine } from "../helpers/engine";

let app: OpenAPIHono;
let engine: Engine;

beforeAll(async () => {
  engine = await testEngine();
  app = createApp({ engine: () => engine });
});

const post = (body: unknown) =>
  app.request("/api/eligibility", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

async function expectError(res: Response, status: number, mentions: string) {
  expect(res.status).toBe(status);
  const { error } = ErrorSchema.parse(await res.json());
  expect(error.message).toContain(mentions);
  return error;
}

describe("GET /api/benefits", () => {
  it("lists every clause with its citation when no filter is given", async () => {
    const res = await app.request("/api/benefits");
    expect(res.status).toBe(200);
    const body = BenefitListSchema.parse(await res.json());
    expect(body.count).toBe(engine.data.benefits.length);
    const chunks = new Map(engine.data.chunks.map((c) => [c.id, c]));
    for (const c of body.clauses) expect(chunks.get(c.source.chunkId)!.text).toContain(c.source.sentence);
  });

  it("filters by audience and by words of the clause", async () => {
    const body = BenefitListSchema.parse(await (await app.request(`/api/benefits?audience=employer&q=${encodeURIComponent("见习")}`)).json());
    expect(body.count).toBeGreaterThan(0);
    for (const c of body.clauses) {
      expect(c.audiences).toContain("employer");
      expect(c.source.sentence + c.source.sectionPath.join("")).toContain("见习");
    }
  });

  it("finds clauses by their responsible unit", async () => {
    const body = BenefitListSchema.parse(await (await app.request(`/api/benefits?q=${encodeURIComponent("市能源局")}`)).json());
    expect(body.clauses.some((c) => c.source.sentence.includes("零投资"))).toBe(true);
  });

  it("answers an unknown audience with 400 invalid-request naming the parameter", async () => {
    const error = await expectError(await app.request("/api/benefits?audience=martians"), 400, "audience");
    expect(error.code).toBe("invalid-request");
  });

  it("answers 503 not-ready while no index is loaded", async () => {
    const cold = createApp({ engine: () => null });
    const res = await cold.request("/api/benefits");
    expect(res.status).toBe(503);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe("not-ready");
  });
});

describe("POST /api/eligibility", () => {
  it("returns the matching clauses with citation, unit to contact and unchecked conditions", async () => {
    const res = await post({ audienceType: "enterprise", flags: { hiresDisabledPeople: true } });
    expect(res.status).toBe(200);
    const body = EligibilityResponseSchema.parse(await res.json());
    expect(body.notice).toContain("无法核实");
    const quota = body.matches.find((m) => m.clause.source.sentence.includes("对超比例安排残疾人就业的用人单位给予奖励"))!;
    expect(quota.audience).toBe("employer");
    const hiring = body.matches.find((m) => m.clause.source.sentence.includes("按规定给予一次性就业补助等补贴"))!;
    expect(hiring.contact.map((u) => u.name)).toContain("市人社局");
    expect(hiring.contactNote).toContain("市人社局（牵头）");
    expect(hiring.unchecked.map((u) => u.text)).toContain("按规定");
    // Unit-less 专栏 items say so instead of inventing a unit.
    expect(quota.contact).toEqual([]);
    expect(quota.contactNote).toContain("未写明责任单位");
  });

  it("gives a family with a child under 3 the infant clauses only", async () => {
    const body = EligibilityResponseSchema.parse(await (await post({ audienceType: "individual", flags: { hasChildUnder3: true } })).json());
    expect(body.count).toBeGreaterThan(0);
    for (const m of body.matches) expect(["family-with-infant", "individual"]).toContain(m.audience);
    expect(body.matches.some((m) => m.clause.source.sentence.includes("特定家庭提供托育服务补贴支持"))).toBe(true);
  });

  it("accepts a profile without flags", async () => {
    const body = EligibilityResponseSchema.parse(await (await post({ audienceType: "organization" })).json());
    expect(body.matches.every((m) => ["social-organization", "employer"].includes(m.audience))).toBe(true);
  });

  it("rejects an unknown flag with 400 naming it", async () => {
    const error = await expectError(await post({ audienceType: "individual", flags: { isMartian: true } }), 400, "isMartian");
    expect(error.code).toBe("invalid-request");
  });

  it("rejects a bad audience type, a non-boolean flag and unknown top-level fields", async () => {
    await expectError(await post({ audienceType: "government", flags: {} }), 400, "audienceType");
    await expectError(await post({ audienceType: "individual", flags: { isElderly: "yes" } }), 400, "isElderly");
    await expectError(await post({ audienceType: "individual", flags: {}, income: 3000 }), 400, "income");
    await expectError(await post({ flags: {} }), 400, "audienceType");
  });

  it("rejects a body that is not JSON", async () => {
    const res = await app.request("/api/eligibility", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{not json" });
    expect(res.status).toBe(400);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe("invalid-json");
  });

  it("is documented in /openapi.json", async () => {
    const doc = (await (await app.request("/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/benefits", "/api/eligibility"]));
  });
});
