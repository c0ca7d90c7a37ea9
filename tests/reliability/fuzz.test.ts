/**
 * Fuzzing the whole app in-process (createApp + app.request, real lexical engine):
 * whatever arrives, the answer is a 4xx JSON error or a 200 that matches its
 * response schema; never a 5xx, a hang, a crash, a stack trace or a file path.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "@hono/zod-openapi";
import { createApp } from "../../src/http/app";
import {
  AskResponseSchema,
  DocumentDetailSchema,
  DocumentListSchema,
  ErrorSchema,
  HealthSchema,
  SearchResponseSchema,
  UnitPassagesSchema,
} from "../../src/http/schemas";
import { testEngine } from "../helpers/engine";

type App = ReturnType<typeof createApp>;
let app: App;
const HANG_MS = 5_000;

beforeAll(async () => {
  const engine = await testEngine();
  app = createApp({ engine: () => engine });
});

// ---------- what to send ----------

const realQuestions = readFileSync("eval/questions.jsonl", "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { question: string }).question);

/** Characters that break naive code: controls, lone surrogates, BOM, RTL marks, astral CJK, full-width punctuation. */
const nastyChar = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom("\u007f", "\u0085", "\u00a0", "\u200b", "\u200e", "\u202e", "\ufeff", "\ufffd", "\u{20000}", "〔", "〕", "号", "%", "\\", '"', "'", "<", "&"),
);
const cjkChar = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
const anyChar = fc.oneof({ weight: 3, arbitrary: cjkChar }, { weight: 2, arbitrary: nastyChar }, { weight: 2, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) });
const text = (maxLength: number) => fc.string({ unit: anyChar, maxLength });
/** A real question, damaged a little: most requests then reach retrieval and answering, not just validation. */
const question = fc.oneof(
  fc.constantFrom(...realQuestions),
  fc.tuple(fc.constantFrom(...realQuestions), text(20), fc.nat()).map(([q, junk, at]) => {
    const i = at % (q.length + 1);
    return q.slice(0, i) + junk + q.slice(i);
  }),
  text(40),
  fc.tuple(cjkChar, fc.integer({ min: 490, max: 520 })).map(([c, n]) => c.repeat(n)),
);

const jsonValue = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  text(30),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.constant(Number.MAX_SAFE_INTEGER + 2),
);

const askBody = fc.record(
  {
    question: fc.oneof({ weight: 4, arbitrary: question }, jsonValue),
    topK: fc.oneof(fc.integer({ min: -2, max: 25 }), jsonValue),
    history: fc.oneof(
      fc.array(fc.record({ role: fc.oneof(fc.constantFrom("user", "assistant"), jsonValue), content: fc.oneof(question, jsonValue) }), { maxLength: 12 }),
      jsonValue,
    ),
    filters: fc.oneof(
      fc.record({ docNumber: fc.oneof(fc.constantFrom("朔政办发〔2023〕16号", "朔政发〔2023〕16号"), text(10), jsonValue), unit: fc.oneof(fc.constantFrom("残联", "市人社局"), text(10), jsonValue) }, { requiredKeys: [] }),
      jsonValue,
    ),
    extra: jsonValue,
  },
  { requiredKeys: ["question"] },
);

/** Right types everywhere; only the text is odd. */
const wellFormedAsk = fc.record(
  {
    question,
    topK: fc.integer({ min: 1, max: 20 }),
    history: fc.array(fc.record({ role: fc.constantFrom("user", "assistant"), content: text(60) }), { maxLength: 10 }),
    filters: fc.record({ docNumber: fc.constantFrom("朔政办发〔2023〕16号", "朔政发〔2023〕16号", "朔政办发〔2023〕99号"), unit: fc.constantFrom("残联", "市人社局", "火星局") }, { requiredKeys: [] }),
  },
  { requiredKeys: ["question"] },
);

const deepNesting = fc.tuple(fc.integer({ min: 1, max: 8_000 }), fc.constantFrom("[", '{"a":')).map(([depth, open]) => {
  const close = open === "[" ? "]" : "}";
  return `{"question":"补贴","topK":${open.repeat(depth)}1${close.repeat(depth)}}`;
});

/** Bodies: JSON-ish text, invalid UTF-8, truncations, deep nesting, oversize. */
const body: fc.Arbitrary<string | Uint8Array | undefined> = fc.oneof(
  { weight: 6, arbitrary: askBody.map((b) => JSON.stringify(b)) },
  { weight: 2, arbitrary: fc.json({ maxDepth: 4 }) },
  { weight: 1, arbitrary: askBody.map((b) => JSON.stringify(b)).chain((s) => fc.nat(s.length).map((n) => s.slice(0, n))) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  {
    weight: 1,
    arbitrary: question.map((q) => {
      const bytes = new TextEncoder().encode(JSON.stringify({ question: q }));
      const out = new Uint8Array(bytes.length + 3);
      out.set(bytes.subarray(0, 14));
      out.set([0xe8, 0xa1, 0xff], 14); // a broken UTF-8 sequence inside the question string
      out.set(bytes.subarray(14), 17);
      return out;
    }),
  },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: fc.integer({ min: 15 * 1024, max: 40 * 1024 }).map((n) => JSON.stringify({ question: "补贴", pad: "x".repeat(n) })) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const contentType = fc.constantFrom(
  "application/json",
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/json; charset=latin1",
  "application/vnd.api+json",
  "text/plain",
  "text/html",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "application/octet-stream",
  "",
  "json",
  undefined,
);

const method = fc.constantFrom("GET", "GET", "POST", "POST", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "PROPFIND");

const knownPaths = ["/api/ask", "/api/search", "/api/documents", "/api/units", "/health", "/ready", "/openapi.json", "/docs", "/"];
const pathSegment = fc.oneof(
  fc.constantFrom("szbf-2023-16", encodeURIComponent("朔政办发〔2023〕16号"), "..", "%2e%2e", "%00", "%E4%B8", "%zz", "%", "api", "admin", "reload", ";", "a?b"),
  text(12).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "?"))),
  fc.integer({ min: 70, max: 300 }).map((n) => "x".repeat(n)),
);
const path = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...knownPaths) },
  { weight: 2, arbitrary: pathSegment.map((s) => `/api/documents/${s}`) },
  { weight: 2, arbitrary: fc.array(pathSegment, { minLength: 1, maxLength: 4 }).map((parts) => "/" + parts.join("/")) },
  { weight: 1, arbitrary: fc.constantFrom("/api/", "/api//search", "//api/ask", "/API/ASK", "/api/ask/", "/admin/reload") },
);
/** Query values: real questions, junk, broken percent-encoding, numbers of every kind. */
const queryValue = fc.oneof(
  question.map((q) => encodeURIComponent(q.replace(/[\ud800-\udfff]/g, "?"))),
  fc.constantFrom("%E4%B8", "%zz", "%", "%00", "%C0%AF", "+", "", "1e3", "-1", "NaN", "Infinity", "0x10", "10.5", "50", "51", "9".repeat(400)),
  fc.integer({ min: -5, max: 60 }).map(String),
);
const query = fc
  .array(fc.tuple(fc.constantFrom("q", "k", "name", "q", "k", "x", "q[]", "__proto__", "constructor"), queryValue), { maxLength: 4 })
  .map((pairs) => (pairs.length ? "?" + pairs.map(([key, value]) => `${key}=${value}`).join("&") : ""));

const anyRequest = fc.record({ method, path, query, contentType, body });
/** Right method and route, odd everything else: these reach validation, retrieval and answering. */
const plausibleRequest = fc.oneof(
  fc.record({ method: fc.constant("POST"), path: fc.constant("/api/ask"), query, contentType, body }),
  fc.record({ method: fc.constant("GET"), path: fc.constantFrom("/api/search", "/api/units", "/api/documents"), query, contentType, body: fc.constant(undefined) }),
  fc.record({ method: fc.constant("GET"), path: pathSegment.map((s) => `/api/documents/${s}`), query, contentType, body: fc.constant(undefined) }),
);
const request = fc.oneof(anyRequest, plausibleRequest);

// ---------- what must come back ----------

const okSchemas: [RegExp, z.ZodTypeAny][] = [
  [/^\/api\/ask$/, AskResponseSchema],
  [/^\/api\/search$/, SearchResponseSchema],
  [/^\/api\/documents$/, DocumentListSchema],
  [/^\/api\/documents\/[^/]+$/, DocumentDetailSchema],
  [/^\/api\/units$/, UnitPassagesSchema],
  [/^\/health$/, HealthSchema],
];

async function send(r: { method: string; path: string; query: string; contentType?: string; body?: string | Uint8Array }): Promise<Response> {
  const headers: Record<string, string> = {};
  if (r.contentType !== undefined) headers["Content-Type"] = r.contentType;
  const init: RequestInit = { method: r.method, headers };
  if (r.body !== undefined && r.method !== "GET" && r.method !== "HEAD") init.body = r.body as BodyInit;
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no response within ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    return await Promise.race([app.request(`http://localhost${r.path}${r.query}`, init), hang]);
  } finally {
    clearTimeout(timer);
  }
}

async function expectWellBehaved(r: Parameters<typeof send>[0]): Promise<number> {
  const res = await send(r);
  const text = r.method === "HEAD" ? "" : await res.text();
  const where = `${r.method} ${r.path}${r.query} → ${res.status} ${text.slice(0, 300)}`;
  expect(res.status, where).toBeGreaterThanOrEqual(200);
  expect(res.status, where).toBeLessThan(500);
  expect(text, where).not.toMatch(/\n\s+at |node_modules|\/work\/|\/tmp\/|\.ts:\d+/);
  if (r.method === "HEAD" || r.method === "OPTIONS") return res.status;
  if (res.status >= 400) {
    expect(res.headers.get("content-type"), where).toMatch(/^application\/json/);
    ErrorSchema.parse(JSON.parse(text));
    return res.status;
  }
  expect(res.status, where).toBe(200);
  const pathname = new URL(`http://localhost${r.path}`).pathname;
  const schema = okSchemas.find(([pattern]) => pattern.test(pathname))?.[1];
  if (schema) {
    const parsed = schema.safeParse(JSON.parse(text));
    expect(parsed.success, `${where}\n${parsed.success ? "" : parsed.error.message}`).toBe(true);
  }
  return res.status;
}

describe("fuzzing the API in-process", () => {
  it("answers any request with a 4xx JSON error or a schema-valid 200", async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const status = await expectWellBehaved(r);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }),
      { numRuns: 3_000 },
    );
    // The generator must reach the answering code, not only the validators.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(200);
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 404, 405, 413, 415]));
  }, 60_000);

  it("answers every well-formed question, however odd its characters, with 200 or 400", async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(wellFormedAsk, async (b) => {
        const status = await expectWellBehaved({ method: "POST", path: "/api/ask", query: "", contentType: "application/json", body: JSON.stringify(b) });
        expect([200, 400]).toContain(status);
        if (status === 200) answered++;
      }),
      { numRuns: 1_000 },
    );
    expect(answered).toBeGreaterThan(200);
  }, 60_000);

  it("searches for any query text with 200 or 400", async () => {
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom("/api/search", "/api/units"), async (q, p) => {
        const status = await expectWellBehaved({ method: "GET", path: p, query: q });
        expect([200, 400, 404]).toContain(status);
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);
});
