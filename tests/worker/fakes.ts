/**
 * Stand-ins for the Cloudflare services that cannot run here: a deterministic
 * "embedding model" (hashed character bigrams, so related texts are close), a
 * Vectorize index doing exact cosine search, and the REST API endpoints
 * scripts/deploy-vectors.ts calls, served on 127.0.0.1.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { AiBinding, VectorizeBinding } from "../../src/worker/env";

export const FAKE_DIMENSION = 1024;

export function fakeEmbed(text: string): number[] {
  const v = new Array<number>(FAKE_DIMENSION).fill(0);
  const chars = [...text];
  for (let i = 0; i + 1 < chars.length; i++) {
    let h = 2166136261;
    for (const ch of chars[i]! + chars[i + 1]!) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
    v[(h >>> 0) % FAKE_DIMENSION]! += 1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

export interface StoredVector {
  id: string;
  values: number[];
  namespace?: string;
  metadata?: Record<string, unknown>;
}

export class FakeVectorize implements VectorizeBinding {
  readonly vectors = new Map<string, StoredVector>();
  readonly queries: { topK: number; namespace?: string }[] = [];

  async query(vector: number[] | Float32Array, options: { topK: number; namespace?: string }) {
    this.queries.push({ topK: options.topK, namespace: options.namespace });
    if (options.topK > 100) throw new Error("VECTOR_QUERY_ERROR: topK must be at most 100");
    const q = [...vector];
    const matches = [...this.vectors.values()]
      .filter((v) => v.namespace === options.namespace)
      .map((v) => ({ id: v.id, score: v.values.reduce((s, x, i) => s + x * q[i]!, 0) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, options.topK);
    return { matches, count: matches.length };
  }
}

export function fakeAi(): AiBinding & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    async run(_model, inputs) {
      calls.push(inputs.text);
      return { shape: [inputs.text.length, FAKE_DIMENSION], data: inputs.text.map(fakeEmbed) };
    },
  };
}

export interface FakeCloudflareApi {
  apiBase: string;
  vectorize: FakeVectorize;
  /** Every request: method, path, Authorization header. */
  requests: { method: string; path: string; auth: string | undefined }[];
  embeddedTexts: string[];
  close(): Promise<void>;
}

/** The three REST endpoints deploy:vectors uses; the first AI call answers 429 once, as a busy API does. */
export async function startFakeCloudflareApi(options: { accountId: string; indexName: string; dimensions?: number }): Promise<FakeCloudflareApi> {
  const vectorize = new FakeVectorize();
  const requests: FakeCloudflareApi["requests"] = [];
  const embeddedTexts: string[] = [];
  let throttled = false;
  const prefix = `/client/v4/accounts/${options.accountId}`;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (part: string) => (body += part));
    req.on("end", () => {
      const path = decodeURIComponent(req.url ?? "");
      requests.push({ method: req.method ?? "", path, auth: req.headers.authorization });
      const reply = (status: number, result: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "Content-Type": "application/json", ...headers });
        res.end(JSON.stringify({ success: status < 400, errors: status < 400 ? [] : [{ code: 10000, message: String(result) }], result }));
      };
      if (req.headers.authorization !== "Bearer test-token") return reply(403, "Authentication error");
      if (req.method === "GET" && path === `${prefix}/vectorize/v2/indexes/${options.indexName}`)
        return reply(200, { name: options.indexName, config: { dimensions: options.dimensions ?? FAKE_DIMENSION, metric: "cosine" } });
      if (req.method === "POST" && path === `${prefix}/ai/run/@cf/baai/bge-m3`) {
        if (!throttled) {
          throttled = true;
          return reply(429, "Too many requests", { "Retry-After": "1" });
        }
        const { text } = JSON.parse(body) as { text: string[] };
        embeddedTexts.push(...text);
        return reply(200, { shape: [text.length, FAKE_DIMENSION], data: text.map(fakeEmbed) });
      }
      if (req.method === "POST" && path === `${prefix}/vectorize/v2/indexes/${options.indexName}/upsert`) {
        if (!String(req.headers["content-type"]).startsWith("application/x-ndjson")) return reply(400, "expected ndjson");
        for (const line of body.split("\n").filter(Boolean)) {
          const vector = JSON.parse(line) as StoredVector;
          vectorize.vectors.set(vector.id, vector);
        }
        return reply(200, { mutationId: `m${requests.length}` });
      }
      reply(404, `no route ${req.method} ${path}`);
    });
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  return {
    apiBase: `http://127.0.0.1:${port}/client/v4`,
    vectorize,
    requests,
    embeddedTexts,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
