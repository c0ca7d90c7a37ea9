import { describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app";
import { ErrorSchema } from "../../src/http/schemas";
import { runApiContract } from "../contract/api-contract";
import { testEngine } from "../helpers/engine";

runApiContract("Node app (in-process)", async () => {
  const engine = await testEngine();
  const app = createApp({ engine: () => engine });
  return { request: async (path, init) => app.request(path, init), mode: "lexical" };
});

describe("Node app without an index", () => {
  const app = createApp({ engine: () => null });

  it("reports not ready and answers API calls with 503 not-ready", async () => {
    expect((await app.request("/ready")).status).toBe(503);
    const res = await app.request("/api/search?q=x");
    expect(res.status).toBe(503);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe("not-ready");
  });
});

describe("GET /api/units/names (the unit filter's suggestions)", () => {
  it("lists each canonical unit once with its aliases, and every listed name finds that unit", async () => {
    const engine = await testEngine();
    const app = createApp({ engine: () => engine });
    const res = await app.request("/api/units/names");
    expect(res.status).toBe(200);
    const { units } = (await res.json()) as { units: { canonical: string; aliases: string[] }[] };
    const canonicals = units.map((u) => u.canonical);
    expect(new Set(canonicals).size).toBe(canonicals.length);
    expect(canonicals).toEqual([...canonicals].sort());
    // Every alias of the corpus's alias table is offered under its canonical name.
    for (const alias of engine.data.unitAliases) {
      const entry = units.find((u) => u.canonical === alias.canonical);
      expect(entry, alias.canonical).toBeDefined();
      for (const name of alias.aliases) if (name !== alias.canonical) expect(entry!.aliases).toContain(name);
    }
    // A suggestion is only useful if /api/units accepts it and resolves it to the same unit.
    const sample = units.filter((u) => u.aliases.length).slice(0, 5);
    expect(sample.length).toBeGreaterThan(0);
    for (const unit of sample) {
      const passages = await app.request(`/api/units?name=${encodeURIComponent(unit.aliases[0]!)}`);
      expect(passages.status).toBe(200);
      expect(((await passages.json()) as { canonical: string }).canonical).toBe(unit.canonical);
    }
  });
});

describe("the API reference's default examples", () => {
  it("sends a valid /api/ask request when Execute is pressed without edits", async () => {
    const engine = await testEngine();
    const app = createApp({ engine: () => engine });
    const spec = (await (await app.request("/openapi.json")).json()) as {
      paths: Record<string, { post?: { requestBody: { content: Record<string, { schema: { $ref?: string } }> } } }>;
      components: { schemas: Record<string, { example?: unknown }> };
    };
    const ref = spec.paths["/api/ask"]!.post!.requestBody.content["application/json"]!.schema.$ref!;
    const example = spec.components.schemas[ref.split("/").at(-1)!]!.example;
    expect(example).toBeDefined();
    const res = await app.request("/api/ask", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(example) });
    expect(res.status).toBe(200);
  });
});
