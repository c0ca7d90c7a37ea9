/**
 * The API contract, run against every runtime: the Node app in-process
 * (tests/http/api.test.ts) and the Worker under workerd (tests/worker/).
 * It uses only what a client sees over HTTP.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  AskResponseSchema,
  DocumentDetailSchema,
  DocumentListSchema,
  ErrorSchema,
  HealthSchema,
  SearchResponseSchema,
  UnitPassagesSchema,
} from "../../src/http/schemas";
/** Sends a request to the runtime under test; paths are absolute ("/api/ask"). */
export type RequestFn = (path: string, init?: RequestInit) => Promise<Response>;

export interface ContractTarget {
  request: RequestFn;
  /** "lexical" unless the runtime under test has dense retrieval bound. */
  mode: "lexical" | "hybrid";
}

export function runApiContract(name: string, target: () => Promise<ContractTarget>): void {
describe(`API contract: ${name}`, () => {
let app: { request: RequestFn };
let mode: ContractTarget["mode"];
let documents: { id: string; docNumber: string }[];

beforeAll(async () => {
  const t = await target();
  app = { request: t.request };
  mode = t.mode;
  documents = ((await (await app.request("/api/documents")).json()) as { documents: { id: string; docNumber: string }[] }).documents;
}, 120_000);

const ask = (body: unknown, init: RequestInit = {}) =>
  app.request("/api/ask", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
    ...init,
  });

async function askOk(body: Record<string, unknown>) {
  const res = await ask(body);
  expect(res.status).toBe(200);
  return AskResponseSchema.parse(await res.json());
}

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/application\/json/);
  const body = ErrorSchema.parse(await res.json());
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toMatch(/\n\s+at |\/work\/|node_modules/);
  return body;
}

/** Every "sentence[n]" in an answer must be text of citation n: nothing is invented. */
function expectQuotesFromCitations(response: Awaited<ReturnType<typeof askOk>>) {
  const quotes = [...response.answer.matchAll(/([^\n\]]+?)\[(\d+)\]/gu)];
  expect(quotes.length).toBeGreaterThan(0);
  for (const [, quoted, n] of quotes) {
    const citation = response.citations.find((c) => c.n === Number(n));
    expect(citation, `marker [${n}] has a citation`).toBeDefined();
    // Strip what the answer adds around a quote: a role prefix "牵头：…——", "要点：", a list number "1. ".
    const sentence = quoted!.replace(/^.*?——/u, "").replace(/^要点：/u, "").replace(/^\d+\.\s/u, "").trim();
    if (/^(《|文号|任命|免去|组长|副组长|成员|主任)/u.test(sentence)) continue; // labelled fields, not quotes
    expect(citation!.text).toContain(sentence);
  }
}

describe("POST /api/ask", () => {
  it("answers a citizen's question with quoted, cited policy text and the units to contact", async () => {
    const response = await askOk({ question: "残疾人就业有什么补贴？" });
    expect(response.answered).toBe(true);
    expect(response.citations.length).toBe(5);
    expect(response.citations.map((c) => c.n)).toEqual([1, 2, 3, 4, 5]);
    expect(response.answer).toMatch(/来源：《.+》（朔政.+号，\d{4}年\d+月\d+日）/u);
    expect(response.retrieval.mode).toBe(mode);
    expectQuotesFromCitations(response);
  });

  it("honours topK", async () => {
    expect((await askOk({ question: "养老服务", topK: 2 })).citations).toHaveLength(2);
  });

  it("describes a document when asked for its number, in any loose form", async () => {
    for (const question of ["朔政办发〔2023〕16号", "朔政办发[2023]16号", "朔政办发2023年16号"]) {
      const response = await askOk({ question });
      expect(response.answered).toBe(true);
      expect(response.answer).toContain("文号：朔政办发〔2023〕16号");
      expect(response.citations[0]!.docNumber).toBe("朔政办发〔2023〕16号");
    }
  });

  it("names the lead and participating units for a 'who leads' question", async () => {
    const response = await askOk({ question: "巩固拓展残疾人脱贫攻坚成果由哪个单位牵头？" });
    expect(response.answered).toBe(true);
    // The first line is the fact: the leading unit, highlighted.
    const first = response.lines[0]!;
    expect(first.kind).toBe("fact");
    expect(first.text.slice(...first.highlight!)).toBe("市乡村振兴局");
    expect(response.units.some((u) => u.role === "lead" && u.name === "市乡村振兴局")).toBe(true);
  });

  it("lists a leading group's leader and members, and where its office sits", async () => {
    const response = await askOk({ question: "服务业发展领导小组组长是谁？" });
    expect(response.answered).toBe(true);
    const first = response.lines[0]!;
    expect(first.kind).toBe("fact");
    expect(first.text).toMatch(/组长：吴秀玲/u);
    expect(first.text.slice(...first.highlight!)).toMatch(/^吴秀玲/u);
    expect(response.answer).toMatch(/办公室设在市发改委/u);
    // The office is the unit a caller contacts, so it is one of the answer's units.
    expect(response.units.map((u) => u.name)).toContain("市发改委");
  });

  it("names, next to each quoted duty, only the units of that duty's item", async () => {
    const response = await askOk({ question: "市场准入负面清单 牵头单位" });
    expect(response.answered).toBe(true);
    const fact = response.lines[0]!;
    expect(fact.kind).toBe("fact");
    const passage = response.citations.find((c) => c.n === fact.cite)!;
    // Every highlighted unit leads or is responsible in the cited passage; the fact is the passage's own
    // words, or, where the item's units stand apart from its sentence, its roles as a labelled field.
    const units = fact.text.slice(...fact.highlight!).split("、");
    for (const unit of units)
      expect(passage.units.some((u) => u.name === unit && (u.role === "lead" || u.role === "responsible"))).toBe(true);
    const words = fact.text.replace(/\[\d+\]$/u, "");
    if (!/^(牵头|责任)单位：/u.test(words)) expect(passage.text).toContain(words);
    // Units appear once: no separate units line repeats them.
    expect(response.lines.filter((l) => l.kind === "units")).toHaveLength(0);
  });

  it("says who was appointed to what in an appointment notice", async () => {
    const response = await askOk({ question: "麻祥被任命为什么职务？" });
    expect(response.answered).toBe(true);
    expect(response.answer).toContain("任命麻祥为朔州开放大学");
    expect(response.citations[0]!.docNumber).toBe("朔政干发〔2023〕3号");
  });

  it("lists benefit clauses one by one for an entitlement question", async () => {
    const response = await askOk({ question: "公司招了残疾人，政府给什么补贴？" });
    expect(response.answered).toBe(true);
    const quotes = response.lines.filter((l) => l.kind === "quote");
    expect(quotes.length).toBeGreaterThanOrEqual(2);
    for (const q of quotes) expect(q.text).toMatch(/补/u);
    // One units line for all the clauses.
    expect(response.lines.filter((l) => l.kind === "units")).toHaveLength(1);
    expectQuotesFromCitations(response);
  });

  it("refuses a question the collection does not cover, suggests 12345 and still lists the closest documents", async () => {
    const response = await askOk({ question: "驾照考试科目二怎么预约？" });
    expect(response.answered).toBe(false);
    expect(response.reason).toBe("no-evidence");
    expect(response.answer).toContain("12345");
    expect(response.citations.length).toBeGreaterThan(0);
    expect(response.units).toEqual([]);
  });

  it("recognises a question outside any policy document (weather) and says so without citing anything", async () => {
    const response = await askOk({ question: "明天天气怎么样" });
    expect(response.answered).toBe(false);
    expect(response.reason).toBe("out-of-domain");
    expect(response.citations).toEqual([]);
    expect(response.lines.map((l) => l.kind)).toEqual(["refusal", "next-step"]);
  });

  it("asks which document a bare 16号文 means, offering both", async () => {
    const response = await askOk({ question: "16号文" });
    expect(response.answered).toBe(false);
    expect(response.reason).toBe("ambiguous");
    expect(response.lines[0]!.kind).toBe("clarify");
    expect(response.candidates!.map((c) => c.docNumber).sort()).toEqual(["朔政办发〔2023〕16号", "朔政发〔2023〕16号"]);
  });

  it("says the documents cover the topic but state no amount (残疾人两项补贴标准), quoting the closest passage", async () => {
    const response = await askOk({ question: "残疾人两项补贴标准是多少" });
    expect(response.answered).toBe(false);
    expect(response.reason).toBe("fact-not-stated");
    expect(response.lines[0]!.kind).toBe("refusal");
    expect(response.lines[0]!.text).toMatch(/没有写明/u);
    const quote = response.lines.find((l) => l.kind === "quote")!;
    expect(response.citations.find((c) => c.n === quote.cite)!.text).toMatch(/两项补贴/u);
    expect(response.lines.at(-1)!.kind).toBe("next-step");
  });

  it("answers who leads a benefit (养老服务补贴谁牵头) with a unit, not with a list of benefits", async () => {
    const response = await askOk({ question: "养老服务补贴谁牵头" });
    expect(response.answered).toBe(true);
    const first = response.lines[0]!;
    expect(first.kind).toBe("fact");
    expect(response.units.some((u) => u.name === first.text.slice(...first.highlight!))).toBe(true);
    expect(response.lines.filter((l) => l.kind === "quote").length).toBeLessThanOrEqual(2);
  });

  it("renders answer as the plain text of lines", async () => {
    const response = await askOk({ question: "托育收费上限是多少钱" });
    expect(response.answer).toBe(response.lines.map((l) => l.text).join("\n"));
    const first = response.lines[0]!;
    expect(first.kind).toBe("fact");
    expect(first.text.slice(...first.highlight!)).toBe("1.5倍");
  });

  it("says plainly when a document number is not in the collection", async () => {
    const response = await askOk({ question: "朔政办发〔2023〕10号" });
    expect(response.answered).toBe(false);
    expect(response.answer).toContain("本库未收录文号为朔政办发〔2023〕10号的文件");
  });

  it("resolves a short follow-up against the previous question", async () => {
    const alone = await askOk({ question: "那护理补贴呢" });
    const followUp = await askOk({
      question: "那护理补贴呢",
      history: [
        { role: "user", content: "残疾人生活补贴怎么领" },
        { role: "assistant", content: "……" },
      ],
    });
    expect(followUp.citations[0]!.text).toMatch(/残疾/u);
    expect(followUp.citations.map((c) => c.chunkId)).not.toEqual(alone.citations.map((c) => c.chunkId));
  });

  it("restricts citations to a document filter", async () => {
    const response = await askOk({ question: "补贴", filters: { docNumber: "朔政办发〔2023〕16号" } });
    expect(new Set(response.citations.map((c) => c.docNumber))).toEqual(new Set(["朔政办发〔2023〕16号"]));
  });

  it("warns that a target period has ended when quoting an expired 十四五 target", async () => {
    const response = await askOk({ question: "到2025年残疾人保障的主要目标是什么" });
    expect(response.answer).toMatch(/注意：.*已/u);
  });

  describe("rejects bad input with a JSON error and the right status", () => {
    it.each([
      [{}, "a missing question"],
      [{ question: "" }, "an empty question"],
      [{ question: "   " }, "a blank question"],
      [{ question: "问".repeat(501) }, "a question over 500 characters"],
      [{ question: 42 }, "a question that is not a string"],
      [{ question: "补贴", topK: 0 }, "topK below 1"],
      [{ question: "补贴", topK: 21 }, "topK above 20"],
      [{ question: "补贴", topK: 2.5 }, "a fractional topK"],
      [{ question: "补贴", history: Array.from({ length: 11 }, () => ({ role: "user", content: "x" })) }, "more than 10 history turns"],
      [{ question: "补贴", history: [{ role: "system", content: "x" }] }, "a history role that is not user or assistant"],
      [{ question: "补贴", filters: { docNumber: "" } }, "an empty docNumber filter"],
    ] as [unknown, string][])("400 for %j (%s)", async (body) => {
      await expectError(await ask(body), 400, "invalid-request");
    });

    it("400 for a document filter the collection does not hold", async () => {
      await expectError(await ask({ question: "补贴", filters: { docNumber: "朔政办发〔2099〕1号" } }), 400, "invalid-request");
    });

    it("400 for malformed JSON", async () => {
      await expectError(await ask('{"question": "补贴"'), 400, "invalid-json");
    });

    it("413 for a body over 16 KB", async () => {
      await expectError(await ask({ question: "补贴", padding: "x".repeat(17 * 1024) }), 413, "payload-too-large");
    });

    it("415 for a body that is not JSON", async () => {
      await expectError(
        await app.request("/api/ask", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "补贴" }),
        415,
        "unsupported-media-type",
      );
    });

    it("405 with an Allow header for GET", async () => {
      const res = await app.request("/api/ask");
      await expectError(res, 405, "method-not-allowed");
      expect(res.headers.get("Allow")).toContain("POST");
    });
  });
});

describe("GET /api/search", () => {
  it("returns the raw ranked passages for a keyword query", async () => {
    const res = await app.request("/api/search?q=" + encodeURIComponent("链长制") + "&k=3");
    expect(res.status).toBe(200);
    const body = SearchResponseSchema.parse(await res.json());
    expect(body.hits).toHaveLength(3);
    expect(body.hits[0]!.text + body.hits[0]!.docTitle).toMatch(/链长/u);
    expect(body.hits[0]!.score).toBeGreaterThanOrEqual(body.hits[1]!.score);
  });

  it.each([["?q="], ["?k=3"], ["?q=x&k=abc"], ["?q=x&k=0"], ["?q=x&k=51"]])("400 for %s", async (query) => {
    await expectError(await app.request("/api/search" + query), 400, "invalid-request");
  });
});

describe("documents", () => {
  it("lists all documents of the collection", async () => {
    const body = DocumentListSchema.parse(await (await app.request("/api/documents")).json());
    expect(body.documents).toHaveLength(20);
    expect(body.documents.map((d) => d.docNumber)).toContain("朔政办发〔2023〕16号");
  });

  it("returns one document by id and by URL-encoded document number, with outline and passages", async () => {
    const doc = documents.find((d) => d.docNumber === "朔政办发〔2023〕16号")!;
    for (const key of [doc.id, encodeURIComponent(doc.docNumber)]) {
      const res = await app.request(`/api/documents/${key}`);
      expect(res.status).toBe(200);
      const body = DocumentDetailSchema.parse(await res.json());
      expect(body.docNumber).toBe(doc.docNumber);
      expect(body.outline.length).toBeGreaterThan(0);
      expect(body.chunks.length).toBeGreaterThan(0);
    }
  });

  it("404 for an unknown document", async () => {
    await expectError(await app.request("/api/documents/no-such-doc"), 404, "unknown-document");
  });
});

describe("benefits and eligibility", () => {
  it("lists benefit clauses for an audience, each with its verbatim sentence and citation", async () => {
    const res = await app.request("/api/benefits?audience=disabled");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { count: number; clauses: { source: { sentence: string; docNumber: string } }[] };
    expect(body.count).toBeGreaterThan(5);
    expect(body.clauses.every((c) => c.source.sentence.length > 0 && /号$/u.test(c.source.docNumber))).toBe(true);
  });

  it("matches a profile to clauses and says which conditions it could not check", async () => {
    const res = await app.request("/api/eligibility", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ audienceType: "enterprise", flags: { hiresDisabledPeople: true } }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { count: number; matches: { unchecked: unknown[] }[] };
    expect(body.count).toBeGreaterThan(0);
    expect(body.matches.some((m) => m.unchecked.length > 0)).toBe(true);
  });

  it("rejects an unknown profile flag with 400", async () => {
    const res = await app.request("/api/eligibility", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ audienceType: "enterprise", flags: { isMartian: true } }),
    });
    await expectError(res, 400, "invalid-request");
  });
});

describe("GET /api/units", () => {
  it("groups every passage where a unit, named by its alias, has a role", async () => {
    const res = await app.request("/api/units?name=" + encodeURIComponent("残联"));
    expect(res.status).toBe(200);
    const body = UnitPassagesSchema.parse(await res.json());
    expect(body.documents.length).toBeGreaterThan(0);
    expect(body.documents.every((d) => d.passages.length > 0)).toBe(true);
  });

  it("404 for a unit the collection does not name, 400 for no name", async () => {
    await expectError(await app.request("/api/units?name=" + encodeURIComponent("火星管理局")), 404, "unknown-unit");
    await expectError(await app.request("/api/units"), 400, "invalid-request");
  });
});

describe("service routes", () => {
  it("reports health with counts, corpus hash, build time and why dense retrieval is off", async () => {
    const body = HealthSchema.parse(await (await app.request("/health")).json());
    expect(body.documents).toBe(documents.length);
    expect(body.chunks).toBeGreaterThan(100);
    expect(body.corpusHash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.dense.enabled).toBe(mode === "hybrid");
    if (mode === "lexical") expect(body.dense.reason).toBeTruthy();
  });

  it("serves the OpenAPI document generated from the request schemas", async () => {
    const spec = (await (await app.request("/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(["/api/ask", "/api/search", "/api/documents", "/api/documents/{id}", "/api/units", "/health"]),
    );
  });

  it("serves an interactive reference page", async () => {
    const res = await app.request("/docs");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("swagger-ui");
  });

  it("answers unknown routes with a JSON 404", async () => {
    await expectError(await app.request("/nope"), 404, "not-found");
  });

  it("sends a request id and secure headers", async () => {
    const res = await app.request("/health");
    expect(res.headers.get("X-Request-Id")).toBeTruthy();
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

});
});
}
