/**
 * `npm run deploy:vectors`: embeds every passage of the current index build with
 * Workers AI (`@cf/baai/bge-m3`, the model the Worker embeds questions with) through
 * the Cloudflare REST API and upserts the vectors into a Vectorize index, one vector
 * per chunk, id = chunk id, in the namespace of this build's chunks (see
 * src/worker/vectorize-dense.ts), so the Worker never mixes vectors of other texts.
 *
 *   CLOUDFLARE_ACCOUNT_ID=… CLOUDFLARE_API_TOKEN=… npm run deploy:vectors -- [--index-name policy-qa-chunks]
 *
 * The token needs "Workers AI: Read" and "Vectorize: Edit". HTTP goes through an
 * injectable fetch and API base URL, so tests run it against a local fake server.
 */
import { resolve } from "node:path";
import type { Chunk } from "../src/corpus/types";
import { INDEX_FILES } from "../src/index/build-index";
import type { IndexManifest } from "../src/index/manifest";
import { passageForEmbedding } from "../src/embed/passage-text";
import { readIndex } from "../src/node/index-store";
import { DEFAULT_DENSE_MODEL } from "../src/worker/env";
import { vectorNamespace } from "../src/worker/vectorize-dense";
import { BGE_M3_DIMENSION } from "../src/worker/workers-ai-embedder";

export const CLOUDFLARE_API = "https://api.cloudflare.com/client/v4";

export interface DeployVectorsOptions {
  manifest: Pick<IndexManifest, "files" | "buildId">;
  chunks: readonly Chunk[];
  accountId: string;
  apiToken: string;
  indexName: string;
  model?: string;
  dimension?: number;
  /** Passages per Workers AI call (and per Vectorize upsert). */
  batchSize?: number;
  apiBase?: string;
  fetch?: typeof fetch;
  /** Waits between retries of a 429/5xx answer; injectable so tests do not sleep. */
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
}

export interface DeployVectorsResult {
  namespace: string;
  vectors: number;
  mutationIds: string[];
}

interface CloudflareEnvelope<T> {
  success: boolean;
  errors?: { code: number; message: string }[];
  result: T;
}

export async function deployVectors(options: DeployVectorsOptions): Promise<DeployVectorsResult> {
  const model = options.model ?? DEFAULT_DENSE_MODEL;
  const dimension = options.dimension ?? BGE_M3_DIMENSION;
  const batchSize = options.batchSize ?? 50;
  const base = `${options.apiBase ?? CLOUDFLARE_API}/accounts/${encodeURIComponent(options.accountId)}`;
  const indexUrl = `${base}/vectorize/v2/indexes/${encodeURIComponent(options.indexName)}`;
  const log = options.log ?? (() => {});
  const namespace = vectorNamespace(options.manifest);
  const call = cloudflareCaller(options);

  // A Vectorize index of another size or metric would accept nothing, or rank wrongly.
  const info = await call<{ config?: { dimensions?: number; metric?: string } }>(indexUrl, { method: "GET" });
  if (info.config?.dimensions !== dimension || info.config?.metric !== "cosine")
    throw new Error(
      `Vectorize index ${options.indexName} has ${info.config?.dimensions} dimensions and metric ${info.config?.metric}; ` +
        `${model} needs ${dimension} and cosine: \`npx wrangler vectorize create ${options.indexName} --dimensions=${dimension} --metric=cosine\``,
    );

  const mutationIds: string[] = [];
  for (let start = 0; start < options.chunks.length; start += batchSize) {
    const batch = options.chunks.slice(start, start + batchSize);
    const embedded = await call<{ data?: number[][] }>(`${base}/ai/run/${model}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: batch.map(passageForEmbedding) }),
    });
    const vectors = embedded.data ?? [];
    if (vectors.length !== batch.length || vectors.some((v) => v.length !== dimension))
      throw new Error(`${model} returned ${vectors.length} vectors of ${vectors[0]?.length} dimensions for ${batch.length} passages`);
    const ndjson = batch
      .map((chunk, i) =>
        JSON.stringify({ id: chunk.id, values: vectors[i], namespace, metadata: { docNumber: chunk.docNumber } }),
      )
      .join("\n");
    const upserted = await call<{ mutationId?: string; mutation_id?: string }>(`${indexUrl}/upsert`, {
      method: "POST",
      headers: { "Content-Type": "application/x-ndjson" },
      body: ndjson + "\n",
    });
    const mutation = upserted.mutationId ?? upserted.mutation_id;
    if (mutation) mutationIds.push(mutation);
    log(`vectors: ${Math.min(start + batchSize, options.chunks.length)}/${options.chunks.length} upserted`);
  }
  log(
    `vectors: ${options.chunks.length} passages of index build ${options.manifest.buildId} embedded with ${model} ` +
      `→ Vectorize ${options.indexName}, namespace ${namespace}`,
  );
  return { namespace, vectors: options.chunks.length, mutationIds };
}

function cloudflareCaller(options: DeployVectorsOptions) {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  return async function call<T>(url: string, init: RequestInit, attempt = 1): Promise<T> {
    const res = await doFetch(url, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${options.apiToken}` },
    });
    if ((res.status === 429 || res.status >= 500) && attempt < 5) {
      await sleep(Number(res.headers.get("Retry-After")) * 1000 || 1000 * 2 ** attempt);
      return call<T>(url, init, attempt + 1);
    }
    const text = await res.text();
    let body: CloudflareEnvelope<T> | null = null;
    try {
      body = JSON.parse(text) as CloudflareEnvelope<T>;
    } catch {
      // reported below with the status
    }
    if (!res.ok || !body?.success) {
      const reason = body?.errors?.map((e) => `${e.code} ${e.message}`).join("; ") || text.slice(0, 200);
      throw new Error(`${init.method ?? "GET"} ${url.replace(/accounts\/[^/]+/, "accounts/…")} → ${res.status}: ${reason}`);
    }
    return body.result;
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
  const apiToken = process.env.CLOUDFLARE_API_TOKEN;
  if (!accountId || !apiToken) {
    console.error("deploy:vectors needs CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN (Workers AI: Read, Vectorize: Edit)");
    process.exit(1);
  }
  readIndex(resolve(value("--index") ?? "index"))
    .then(({ manifest, files }) =>
      deployVectors({
        manifest,
        chunks: JSON.parse(new TextDecoder().decode(files.get(INDEX_FILES.chunks))) as Chunk[],
        accountId,
        apiToken,
        indexName: value("--index-name") ?? "policy-qa-chunks",
        model: value("--model"),
        log: (line) => console.log(line),
      }),
    )
    .catch((error: unknown) => {
      console.error(`deploy:vectors failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
