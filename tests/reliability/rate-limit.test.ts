import { beforeAll, describe, expect, it } from "vitest";
import type { Context } from "hono";
import { createApp } from "../../src/http/app";
import { ErrorSchema, SearchResponseSchema } from "../../src/http/schemas";
import type { Engine } from "../../src/engine/engine";
import { nodeClientKey } from "../../src/node/server";
import { testEngine } from "../helpers/engine";

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine();
});

/** The app with a fake clock and a fake client address taken from a test header. */
function limitedApp(perMinute: number) {
  let time = 0;
  const app = createApp({
    engine: () => engine,
    rateLimit: { perMinute, clientKey: (c: Context) => c.req.header("X-Test-Client"), now: () => time },
  });
  const search = (client: string) =>
    app.request("/api/search?q=" + encodeURIComponent("养老服务") + "&k=1", { headers: { "X-Test-Client": client } });
  return { app, search, advance: (ms: number) => void (time += ms) };
}

describe("per-client rate limiting", () => {
  it("answers a client over its budget with 429 JSON and Retry-After, while another client is unaffected", async () => {
    const { search } = limitedApp(5);
    for (let i = 0; i < 5; i++) {
      const res = await search("203.0.113.7");
      expect(res.status).toBe(200);
      SearchResponseSchema.parse(await res.json());
    }
    for (let i = 0; i < 3; i++) {
      const res = await search("203.0.113.7");
      expect(res.status).toBe(429);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect(ErrorSchema.parse(await res.json()).error.code).toBe("rate-limited");
      expect(Number(res.headers.get("Retry-After"))).toBe(12); // one token every 60/5 s
    }
    const neighbour = await search("198.51.100.1");
    expect(neighbour.status).toBe(200);
    expect(neighbour.headers.get("RateLimit-Remaining")).toBe("4");
  });

  it("lets the client back in once its bucket has refilled", async () => {
    const { search, advance } = limitedApp(2);
    await search("a");
    await search("a");
    expect((await search("a")).status).toBe(429);
    advance(30_000);
    expect((await search("a")).status).toBe(200);
    expect((await search("a")).status).toBe(429);
  });

  it("counts POST /api/ask and junk requests to /api/* against the same budget", async () => {
    const { app, search } = limitedApp(3);
    const headers = { "X-Test-Client": "c", "Content-Type": "application/json" };
    expect((await app.request("/api/ask", { method: "POST", headers, body: "{" })).status).toBe(400);
    expect((await app.request("/api/nope", { headers })).status).toBe(404);
    expect((await search("c")).status).toBe(200);
    expect((await app.request("/api/ask", { method: "POST", headers, body: JSON.stringify({ question: "补贴" }) })).status).toBe(429);
  });

  it("does not limit health probes, readiness probes or the chat page", async () => {
    const { app, search } = limitedApp(1);
    await search("probe");
    expect((await search("probe")).status).toBe(429);
    for (let i = 0; i < 5; i++) {
      expect((await app.request("/health", { headers: { "X-Test-Client": "probe" } })).status).toBe(200);
      expect((await app.request("/ready", { headers: { "X-Test-Client": "probe" } })).status).toBe(200);
    }
  });

  it("is off with a budget of 0", async () => {
    const { search } = limitedApp(0);
    for (let i = 0; i < 30; i++) expect((await search("bench")).status).toBe(200);
  });

  describe("the Node client key", () => {
    const appWith = (trustProxy: boolean) =>
      createApp({ engine: () => engine, rateLimit: { perMinute: 1, clientKey: nodeClientKey(trustProxy) } });
    const get = (app: ReturnType<typeof appWith>, forwardedFor: string) =>
      app.request("/api/search?q=x", { headers: { "X-Forwarded-For": forwardedFor } });

    it("ignores X-Forwarded-For unless TRUST_PROXY is set, so a client cannot mint fresh budgets", async () => {
      const app = appWith(false);
      expect((await get(app, "1.1.1.1")).status).toBe(200);
      expect((await get(app, "2.2.2.2")).status).toBe(429);
    });

    it("behind a trusted proxy, keys on the address the proxy appended (the last one)", async () => {
      const app = appWith(true);
      expect((await get(app, "9.9.9.9, 1.1.1.1")).status).toBe(200);
      expect((await get(app, "8.8.8.8, 1.1.1.1")).status).toBe(429); // same real client, spoofed prefix
      expect((await get(app, "9.9.9.9, 2.2.2.2")).status).toBe(200);
    });
  });
});
