/**
 * The chat page in a real browser (headless Debian Chromium via playwright-core)
 * against the real service and index: what a citizen, a hotline operator and a
 * phone user actually see. Screenshots go to test-output/browser/ for review.
 *
 * Skipped (with the reason printed) when Chromium or the index is missing;
 * set BROWSER_TESTS=required to make that a failure instead (CI).
 */
import { mkdirSync } from "node:fs";
import { chromium, type Browser, type Page, type Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskResponse, SearchResponse } from "../../src/http/schemas";
import { browserTestBlocker, CHROMIUM_ARGS, CHROMIUM_PATH, startTestServer, type TestServer } from "./server";

const SHOTS = "test-output/browser";
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const EXAMPLE = "残疾人就业有什么补贴？";

const blocker = browserTestBlocker();
if (blocker && process.env.BROWSER_TESTS === "required") throw new Error(`browser tests required but ${blocker}`);
if (blocker) console.warn(`skipping browser tests: ${blocker}`);

describe.skipIf(blocker !== null)("the chat page in a real browser", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh page that records console errors (CSP violations land there) and uncaught exceptions. */
  async function openPage(viewport: { width: number; height: number }, mobile = false) {
    const context = await browser.newContext({ viewport, isMobile: mobile, hasTouch: mobile, locale: "zh-CN" });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${server.url}/`);
    return { context, page, problems };
  }

  async function askByClicking(page: Page, example: string): Promise<AskResponse> {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/api/ask")),
      page.getByRole("button", { name: example }).click(),
    ]);
    return readJson<AskResponse>(response);
  }

  async function askByTyping(page: Page, question: string): Promise<{ body: unknown; status: number; json: unknown }> {
    await page.getByRole("searchbox").fill(question);
    const [request, response] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith("/api/ask")),
      page.waitForResponse((r) => r.url().endsWith("/api/ask")),
      page.getByRole("searchbox").press("Enter"),
    ]);
    return { body: request.postDataJSON(), status: response.status(), json: await response.json() };
  }

  it("greets first-time visitors with clickable example questions and the retrieval mode", async () => {
    const { context, page, problems } = await openPage(DESKTOP);
    await expect.poll(() => page.locator(".chip--example").count()).toBeGreaterThanOrEqual(5);
    await expect.poll(() => page.locator("#filter-doc option").count()).toBeGreaterThan(1);

    const health = (await (await fetch(`${server.url}/health`)).json()) as { dense: { enabled: boolean }; documents: number };
    const mode = page.locator("#retrieval-mode");
    await expect.poll(() => mode.textContent()).toContain(`${health.documents} 份文件`);
    expect(await mode.textContent()).toContain(health.dense.enabled ? "混合" : "仅关键词（未安装向量模型）");

    await page.screenshot({ path: `${SHOTS}/desktop-welcome.png`, fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("answers an example question with citation chips that open the passage and copy its source", async () => {
    const { context, page, problems } = await openPage(DESKTOP);
    const answer = await askByClicking(page, EXAMPLE);
    expect(answer.answered).toBe(true);

    const answerBox = page.locator(".answer").first();
    await answerBox.waitFor();
    const markers = new Set([...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => m[1]));
    expect(markers.size).toBeGreaterThan(0);
    expect(await answerBox.locator(".cite-chip").count()).toBe([...answer.answer.matchAll(/\[(\d+)\]/g)].length);
    // The markers are chips, not literal "[1]" text.
    expect(await answerBox.locator(".answer__line").allTextContents()).not.toContainEqual(expect.stringMatching(/\[\d+\]/));

    // Responsible units are marked with their role in the answer.
    const leads = answer.units.filter((u) => u.role === "lead");
    if (leads.length) expect(await answerBox.locator(".unit-mark--lead").count()).toBeGreaterThan(0);

    const firstChip = answerBox.locator(".cite-chip").first();
    const n = Number(await firstChip.textContent());
    const cited = answer.citations.find((c) => c.n === n)!;
    await firstChip.click();
    const card = page.locator(`#turn-1-cite-${n}`);
    const body = card.locator(".citation__body");
    await body.waitFor({ state: "visible" });
    expect(await card.locator(".citation__toggle").getAttribute("aria-expanded")).toBe("true");
    expect(await body.locator(".details").textContent()).toContain(cited.docNumber);
    expect(await body.locator(".passage").textContent()).toBe(cited.text);
    for (const unit of cited.units) expect(await body.locator(`.citation__units .unit--${unit.role}`).count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/desktop-answer.png`, fullPage: true });

    // The neighbouring passages come from the whole document (/api/documents/:id).
    const documentResponse = page.waitForResponse((r) => r.url().includes(`/api/documents/${encodeURIComponent(cited.docId)}`));
    await body.getByRole("button", { name: "查看上下文" }).click();
    const detail = await readJson<{ chunks: unknown[] }>(await documentResponse);
    await expect.poll(() => body.locator(".context__info").textContent()).toContain(`共 ${detail.chunks.length} 段`);
    expect(await body.locator(".context__passage").count()).toBeGreaterThan(0);

    await body.getByRole("button", { name: "复制出处" }).click();
    await expect.poll(() => body.locator(".copy-ref").textContent()).toBe("已复制");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^《[^》]+》（[^）]+号）/);
    expect(copied).toBe(`《${cited.docTitle}》（${cited.docNumber}）${cited.sectionPath.join(" > ")}`);

    expect(problems).toEqual([]);
    await context.close();
  });

  it("sends the earlier turns as history with a follow-up, and the chosen filters", async () => {
    const { context, page, problems } = await openPage(DESKTOP);
    const first = await askByClicking(page, EXAMPLE);

    const followUp = await askByTyping(page, "那谁负责？");
    expect(followUp.status).toBe(200);
    expect(followUp.body).toMatchObject({
      question: "那谁负责？",
      history: [
        { role: "user", content: EXAMPLE },
        { role: "assistant", content: first.answer },
      ],
    });
    await expect.poll(() => page.locator(".answer").count()).toBe(2);

    await page.locator("#filters summary").click();
    const option = page.locator("#filter-doc option").nth(1);
    const docNumber = (await option.getAttribute("value"))!;
    await page.locator("#filter-doc").selectOption(docNumber);
    const filtered = await askByTyping(page, "主要任务有哪些？");
    expect(filtered.body).toMatchObject({ filters: { docNumber } });
    const citations = (filtered.json as AskResponse).citations;
    expect(citations.every((c) => c.docNumber === docNumber || c.docId === docNumber)).toBe(true);

    expect(problems).toEqual([]);
    await context.close();
  });

  it("explains API errors in Chinese, such as an unknown unit in the filter", async () => {
    const { context, page, problems } = await openPage(DESKTOP);
    await page.locator("#filters summary").click();
    await page.locator("#filter-unit").fill("不存在的单位局");
    const result = await askByTyping(page, "有什么补贴？");
    expect(result.status).toBeGreaterThanOrEqual(400);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("没有找到这个单位");
    expect(await alert.getByRole("button", { name: "重试" }).count()).toBe(1);
    // The failed request is the browser's own "status of 4xx" console line; nothing else may appear.
    expect(problems.filter((p) => !/status of 4\d\d/.test(p))).toEqual([]);
    await context.close();
  });

  it("refuses clearly and lists the closest documents when the collection has no answer", async () => {
    const { context, page, problems } = await openPage(DESKTOP);
    const { json } = await askByTyping(page, "北京冬奥会门票多少钱？");
    const answer = json as AskResponse;
    expect(answer.answered).toBe(false);
    const refusal = page.locator(".answer--refused .answer__line--refusal");
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(answer.answer.split("\n")[0]);
    expect(await page.locator(".answer--refused .citation").count()).toBe(answer.citations.length);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("searches ranked passages in hotline mode, compactly, and remembers the mode", async () => {
    const { context, page, problems } = await openPage(DESKTOP);
    await page.getByText("热线检索", { exact: true }).click();
    await page.getByRole("searchbox").fill("链长制");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/search?")),
      page.getByRole("searchbox").press("Enter"),
    ]);
    const result = await readJson<SearchResponse>(response);
    expect(result.hits.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator(".hit").count()).toBe(result.hits.length);
    const first = page.locator(".hit").first();
    const hit = result.hits[0]!;
    expect(await first.locator(".hit__doc").textContent()).toBe(hit.docNumber || hit.docTitle);
    expect(await first.locator(".hit__section").textContent()).toBe(hit.sectionPath.join(" > ") || "（正文）");
    expect(await first.locator(".unit-line .unit-mark").count()).toBe(new Set(hit.units.map((u) => `${u.role}|${u.name}`)).size);
    expect(await first.locator("mark.term").count()).toBeGreaterThan(0);
    // What an operator sees without scrolling.
    await page.screenshot({ path: `${SHOTS}/desktop-hotline.png` });

    await page.reload();
    expect(await page.locator("#mode-hotline").isChecked()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("finds what an employer of disabled people can get in the 'What can I get?' panel", async () => {
    const { context, page, problems } = await openPage(DESKTOP);
    await page.locator("#benefits-panel summary").click();
    await page.getByLabel("企业或个体工商户", { exact: true }).check();
    await page.getByLabel("招用（安排）残疾人就业").check();
    const [request, response] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith("/api/eligibility")),
      page.waitForResponse((r) => r.url().endsWith("/api/eligibility")),
      page.getByRole("button", { name: "查看可享受的政策" }).click(),
    ]);
    expect(request.postDataJSON()).toEqual({ audienceType: "enterprise", flags: { hiresDisabledPeople: true } });
    const body = await readJson<{ count: number; matches: { clause: { source: { sentence: string } } }[] }>(response);
    expect(body.count).toBeGreaterThan(0);
    await page.locator(".benefits__item").first().waitFor();
    expect(await page.locator(".benefits__item").count()).toBe(body.count);
    // Every clause shown is the corpus sentence the API returned.
    expect(await page.locator(".benefits__item").first().textContent()).toContain(body.matches[0]!.clause.source.sentence);
    await page.screenshot({ path: `${SHOTS}/desktop-benefits.png`, fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("fits a 390px phone screen without sideways scrolling, in both modes", async () => {
    const { context, page, problems } = await openPage(PHONE, true);
    await page.locator(".chip--example").first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: `${SHOTS}/phone-welcome.png`, fullPage: true });

    await askByClicking(page, EXAMPLE);
    await page.locator(".answer .cite-chip").first().click();
    await page.locator(".citation.is-open").first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: `${SHOTS}/phone-answer.png`, fullPage: true });

    await page.getByText("热线检索", { exact: true }).click();
    await page.getByRole("searchbox").fill("朔政办发〔2023〕16号");
    await Promise.all([page.waitForResponse((r) => r.url().includes("/api/search?")), page.getByRole("searchbox").press("Enter")]);
    await page.locator(".hit").first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: `${SHOTS}/phone-hotline.png`, fullPage: true });

    expect(problems).toEqual([]);
    await context.close();
  });
});

async function readJson<T>(response: Response): Promise<T> {
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

/** Pixels the page is wider than the viewport (0 when nothing sticks out). */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

