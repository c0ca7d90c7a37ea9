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
