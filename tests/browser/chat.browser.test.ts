/**
 * The chat page in a real browser (headless Debian Chromium via playwright-core)
 * against the real service and index: what a citizen, a hotline operator and a
 * phone user actually see. Screenshots go to test-output/browser/ for review.
 *
 * Skipped (with the reason printed) when Chromium or the index is missing;
 * set BROWSER_TESTS=required to make that a failure instead (CI).
 */
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
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
    // No retrieval jargon where citizens look; it sits in the 关于 panel.
    expect(await page.locator("body").innerText()).not.toContain("向量模型");
    await page.locator(".about summary").click();
    expect(await page.locator("#about-mode").textContent()).toContain(health.dense.enabled ? "语义向量" : "仅关键词");

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
    expect(answer.lines.some((l) => l.cite !== undefined)).toBe(true);
    expect(await answerBox.locator(".cite-chip").count()).toBeGreaterThan(0);
    // One paragraph per line of the structured answer, quotes past the second folded away.
    expect(await answerBox.locator(".answer__line").count()).toBe(answer.lines.length);
    expect(await answerBox.locator(":scope > .answer__line--quote").count()).toBeLessThanOrEqual(2);
    // The markers are chips, not literal "[1]" text.
    expect(await answerBox.locator(".answer__line").allTextContents()).not.toContainEqual(expect.stringMatching(/\[\d+\]/));

    // Responsible units are marked with their role in the answer.
    const leads = answer.units.filter((u) => u.role === "lead");
    if (leads.length) expect(await answerBox.locator(".unit-mark--lead").count()).toBeGreaterThan(0);

    const firstChip = answerBox.locator(".cite-chip:visible").first();
    const n = Number(await firstChip.textContent());
    const cited = answer.citations.find((c) => c.n === n)!;
    await firstChip.click();
    const card = page.locator(`#turn-1-cite-${n}`);
    const body = card.locator(".citation__body");
    await body.waitFor({ state: "visible" });
    expect(await card.locator(".citation__toggle").getAttribute("aria-expanded")).toBe("true");
    expect(await body.locator(".details").textContent()).toContain(cited.docNumber);
    expect(await body.locator(".passage").textContent()).toBe(cited.text);
    // The quoted sentence is marked inside the passage, and the gazette issue is named.
    const quoted = answer.lines.find((l) => l.cite === n && (l.kind === "quote" || l.kind === "fact"));
    const sentence = quoted?.text.replace(/\[\d+\]\s*$/, "");
    if (sentence && cited.text.includes(sentence)) expect(await body.locator("mark.quoted").textContent()).toBe(sentence);
    await expect.poll(() => body.locator(".details__gazette").textContent()).toMatch(/政府公报 \d{4}年第\d+期/);
    for (const unit of cited.units) expect(await body.locator(`.citation__units .unit--${unit.role}`).count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/desktop-answer.png`, fullPage: true });

    // The neighbouring passages come from the whole document (/api/documents/:id).
    // (the page already fetched it once for the gazette line and the follow-ups; it is cached)
    await body.getByRole("button", { name: "查看上下文" }).click();
    const detail = (await (await fetch(`${server.url}/api/documents/${encodeURIComponent(cited.docId)}`)).json()) as { chunks: unknown[] };
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

  it("offers the corpus's unit names as suggestions and hints in Chinese at an unknown unit, before asking", async () => {
    const { context, page, problems } = await openPage(DESKTOP);
    const names = (await (await fetch(`${server.url}/api/units/names`)).json()) as { units: { canonical: string; aliases: string[] }[] };
    await page.locator("#filters summary").click();
    await expect.poll(() => page.locator("#unit-names option").count()).toBe(
      new Set(names.units.flatMap((u) => [u.canonical, ...u.aliases])).size,
    );
    const known = names.units.find((u) => u.aliases.length)!;
    await page.locator("#filter-unit").fill(known.aliases[0]!);
    expect(await page.locator("#unit-hint").textContent()).toBe("");

    await page.locator("#filter-unit").fill("不存在的单位局");
    await expect.poll(() => page.locator("#unit-hint").textContent()).toMatch(/没有这个单位名称/);
    let sent = 0;
    page.on("request", (r) => (r.url().endsWith("/api/ask") ? sent++ : 0));
    await page.getByRole("searchbox").fill("有什么补贴？");
    await page.getByRole("searchbox").press("Enter");
    await expect.poll(() => page.locator("#status").textContent()).toMatch(/没有这个单位名称/);
    expect(sent).toBe(0);
    expect(await page.locator("body").innerText()).not.toMatch(/no unit|invalid-request/);
    await page.screenshot({ path: `${SHOTS}/desktop-unit-hint.png` });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows an API error in Chinese from its code, never the English message", async () => {
    const { context, page, problems } = await openPage(DESKTOP);
    await page.route("**/api/ask", (route) =>
      route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "timeout", message: "the request took too long; please retry" } }) }),
    );
    await askByTyping(page, "有什么补贴？");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("查询超时");
    expect(await alert.textContent()).not.toMatch(/[a-z]{4,}/);
    expect(await alert.getByRole("button", { name: "重试" }).count()).toBe(1);
    expect(await page.title()).toContain("出错了");
    expect(problems.filter((p) => !/status of 5\d\d/.test(p))).toEqual([]);
    await context.close();
  });

  it("refuses clearly and lists the closest documents when the collection has no answer", async () => {
    const { context, page, problems } = await openPage(DESKTOP);
    const { json } = await askByTyping(page, "北京冬奥会门票多少钱？");
    const answer = json as AskResponse;
    expect(answer.answered).toBe(false);
    const refused = page.locator(`.answer--refused.answer--${answer.reason}`);
    await refused.waitFor();
    expect(await refused.locator(".answer__line--refusal, .answer__reason").count()).toBe(1);
    expect(await refused.locator(".answer__line--next-step, .answer__next li").count()).toBeGreaterThan(0);
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
    const body = await readJson<{
      count: number;
      matches: { audience: string; clause: { kind: string; source: { sentence: string } }; unchecked: { text: string; reason: string }[] }[];
    }>(response);
    expect(body.count).toBeGreaterThan(0);
    await page.locator(".benefits__item").first().waitFor();
    expect(await page.locator(".benefits__item").count()).toBe(body.count);
    // Every clause shown is the corpus sentence the API returned.
    expect(await page.locator(".benefits__item").first().textContent()).toContain(body.matches[0]!.clause.source.sentence);
    // Grouped by kind and audience, long groups folded with a count, a shared note said once.
    const groups = new Set(body.matches.map((m) => `${m.clause.kind}|${m.audience}`));
    expect(await page.locator(".benefits__group").count()).toBe(groups.size);
    expect(await page.locator(".benefits__item:visible").count()).toBeLessThan(body.count);
    expect(await page.locator(".benefits__more summary").first().textContent()).toMatch(/^展开其余 \d+ 条$/);
    const shared = body.matches[0]!.unchecked[0];
    if (shared && body.matches.filter((m) => m.unchecked.some((u) => u.text === shared.text && u.reason === shared.reason)).length >= body.count / 2) {
      expect(await page.locator(".benefits__common").textContent()).toContain(shared.reason);
      expect(await page.locator(".benefits__item").first().textContent()).not.toContain(shared.reason);
    }
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
  describe.each([
    ["phone", PHONE, true],
    ["desktop", { width: 1280, height: 800 }, false],
  ] as const)("structured answers at %s size", (name, viewport, mobile) => {
    it("puts the fact line first with the asked value highlighted, fits the width and passes axe", async () => {
      const { context, page, problems } = await openPage(viewport, mobile);
      const { json } = await askByTyping(page, "托育收费上限是多少钱？");
      const answer = json as AskResponse;
      const fact = answer.lines[0]!;
      expect(fact.kind).toBe("fact");
      expect(fact.highlight).toBeDefined();
      const first = page.locator(".answer").first().locator(".answer__line").first();
      await first.waitFor();
      expect(await first.getAttribute("class")).toContain("answer__line--fact");
      expect(await first.locator("mark.fact-value").textContent()).toBe(fact.text.slice(fact.highlight![0], fact.highlight![1]));
      expect(await page.title()).toContain("托育收费上限是多少钱");
      // Follow-up chips: topic-less ones and the cited document's other sections.
      await expect.poll(() => page.locator(".chip--followup").count()).toBeGreaterThan(2);
      const section = page.locator(".chip--followup", { hasText: "同一文件：" }).first();
      const [followUp] = await Promise.all([page.waitForRequest((r) => r.url().endsWith("/api/ask")), section.click()]);
      // Asked within the cited document, with a section title from its outline.
      expect(followUp.postDataJSON().filters).toEqual({ docNumber: answer.citations[0]!.docNumber });
      await expect.poll(() => page.locator(".answer").count()).toBe(2);
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await smallTargets(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/${name}-fact.png`, fullPage: true });
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });

    it("offers the documents of an ambiguous reference as buttons that re-ask with the chosen number", async () => {
      const { context, page, problems } = await openPage(viewport, mobile);
      const { json } = await askByTyping(page, "16号文");
      const answer = json as AskResponse;
      expect(answer.reason).toBe("ambiguous");
      const buttons = page.locator(".answer--ambiguous .candidate");
      await buttons.first().waitFor();
      expect(await buttons.count()).toBe(answer.candidates!.length);
      await page.screenshot({ path: `${SHOTS}/${name}-ambiguous.png`, fullPage: true });
      const chosen = answer.candidates![1]!;
      const [request] = await Promise.all([
        page.waitForRequest((r) => r.url().endsWith("/api/ask")),
        buttons.nth(1).click(),
      ]);
      expect(request.postDataJSON().question).toBe(chosen.docNumber);
      await expect.poll(() => page.locator(".answer").count()).toBe(2);
      expect(await page.locator(".answer").nth(1).locator(".citation__where").first().textContent()).toContain(chosen.docNumber);
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });

    it("says plainly when the documents do not state the asked figure, with a tappable 12345", async () => {
      const { context, page, problems } = await openPage(viewport, mobile);
      const { json } = await askByTyping(page, "残疾人两项补贴标准是多少");
      expect((json as AskResponse).reason).toBe("fact-not-stated");
      const box = page.locator(".answer--fact-not-stated");
      await box.waitFor();
      // One plain message (the API's refusal line, or the page's heading for the reason) and a next step.
      expect(await box.locator(".answer__line--refusal, .answer__reason").count()).toBe(1);
      expect(await box.locator('a[href="tel:12345"]').count()).toBeGreaterThan(0);
      expect(await page.title()).toContain("未找到答案");
      expect(await horizontalOverflow(page)).toBe(0);
      await page.screenshot({ path: `${SHOTS}/${name}-fact-not-stated.png`, fullPage: true });
      expect(problems).toEqual([]);
      await context.close();
    });

    it("keeps the conversation across a reload until 清空", async () => {
      const { context, page, problems } = await openPage(viewport, mobile);
      await askByTyping(page, "托育收费上限是多少钱？");
      await askByTyping(page, "明天天气怎么样");
      await expect.poll(() => page.locator(".answer").count()).toBe(2);
      await page.reload();
      await expect.poll(() => page.locator(".answer").count()).toBe(2);
      expect(await page.locator(".question").allTextContents()).toEqual(["问：托育收费上限是多少钱？", "问：明天天气怎么样"]);
      expect(await page.locator(".answer--out-of-domain").count()).toBe(1);
      // The restored turns are sent as history, as before the reload.
      const { body } = await askByTyping(page, "谁负责？");
      expect((body as { history: unknown[] }).history).toHaveLength(4);
      await page.getByRole("button", { name: "清空" }).click();
      expect(await page.locator(".answer").count()).toBe(0);
      await page.reload();
      await page.locator(".chip--example").first().waitFor();
      expect(await page.locator(".answer").count()).toBe(0);
      expect(problems).toEqual([]);
      await context.close();
    });

    it("shows a counter and a message at the length limit instead of cutting the question", async () => {
      const { context, page, problems } = await openPage(viewport, mobile);
      let sent = 0;
      page.on("request", (r) => (r.url().endsWith("/api/ask") ? sent++ : 0));
      await page.getByRole("searchbox").fill("补".repeat(520));
      expect(await page.getByRole("searchbox").inputValue()).toHaveLength(520);
      await page.getByRole("searchbox").press("Enter");
      const counter = page.locator("#question-counter");
      expect(await counter.isVisible()).toBe(true);
      expect(await counter.textContent()).toMatch(/^520\/500 · 问题超过 500 字/);
      expect(sent).toBe(0);
      expect(await horizontalOverflow(page)).toBe(0);
      expect(problems).toEqual([]);
      await context.close();
    });
  });

  it("lets an operator work from the keyboard: / to ask, Enter, j/k between citations, c copies the answer", async () => {
    const { context, page, problems } = await openPage({ width: 1280, height: 800 });
    await page.locator("body").click({ position: { x: 5, y: 300 } });
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("question");
    await page.keyboard.type("专业镇谁牵头");
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/api/ask")), page.keyboard.press("Enter")]);
    const answer = await readJson<AskResponse>(response);
    await page.locator(".citation").first().waitFor();
    await page.locator(".answer__line").first().click();
    const focused = () => page.evaluate(() => document.activeElement?.id);
    await page.keyboard.press("j");
    expect(await focused()).toBe(`turn-1-cite-${answer.citations[0]!.n}`);
    await page.keyboard.press("j");
    expect(await focused()).toBe(`turn-1-cite-${answer.citations[1]!.n}`);
    await page.keyboard.press("k");
    expect(await focused()).toBe(`turn-1-cite-${answer.citations[0]!.n}`);
    // Two cards of one document are told apart by their section.
    const sections = await page.locator(".citation__section").allTextContents();
    expect(new Set(sections).size).toBe(sections.length);

    await page.keyboard.press("c");
    await expect.poll(() => page.locator("#status").textContent()).toContain("已复制");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const rows = copied.split("\n");
    expect(rows[0]).toBe("【答复口径】");
    expect(rows[1]).toBe("问：专业镇谁牵头");
    for (const line of answer.lines) expect(rows).toContain(line.text);
    for (const c of answer.citations) expect(rows).toContain(`[${c.n}] 《${c.docTitle}》（${c.docNumber}）${c.sectionPath.join(" > ")}`);
    await page.screenshot({ path: `${SHOTS}/desktop-operator.png`, fullPage: true });
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


/** Visible buttons, links and chips smaller than 24 × 24 CSS px (WCAG 2.2 target size). */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>("button, a[href], summary, .chip"))
      .filter((el) => el.offsetParent !== null && !el.classList.contains("skip-link"))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(({ el, box }) => `${el.className || el.tagName} ${Math.round(box.width)}×${Math.round(box.height)} “${el.textContent?.trim().slice(0, 20)}”`),
  );
}
