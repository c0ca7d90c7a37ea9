/**
 * Feedback in a real browser: ask on the chat page, press 👎 and one reason, then
 * open /admin with the token and find the question in its group. Skipped like the
 * other browser tests when Chromium or the index is missing (required in CI).
 */
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/node/server";
import { ADMIN_TOKEN, startFeedbackServer, tempDir } from "../feedback/helpers";
import { browserTestBlocker, CHROMIUM_ARGS, CHROMIUM_PATH } from "./server";

const blocker = browserTestBlocker();
if (blocker && process.env.BROWSER_TESTS === "required") throw new Error(`browser tests required but ${blocker}`);

describe.skipIf(blocker !== null)("feedback in a real browser", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync("test-output/browser", { recursive: true });
    server = await startFeedbackServer({ dbPath: join(tempDir("feedback-browser"), "feedback.db") });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("👎 with a reason reaches the admin page's group for that question", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => void (m.type() === "error" && problems.push(m.text())));
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${server.url}/`);
    const question = "医保报销比例是多少";
    await page.getByRole("searchbox").fill(question);
    await Promise.all([page.waitForResponse((r) => r.url().endsWith("/api/ask")), page.getByRole("searchbox").press("Enter")]);
    await page.getByRole("button", { name: "没帮助" }).click();
    const [rated] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/api/feedback")),
      page.getByRole("button", { name: "答错了" }).click(),
    ]);
    expect(rated.status()).toBe(201);
    await expect.poll(() => page.locator(".feedback__thanks").textContent()).toContain("谢谢");
    await page.screenshot({ path: "test-output/browser/feedback-chat.png" });

    await page.goto(`${server.url}/admin`);
    await page.getByLabel("管理口令（ADMIN_TOKEN）").fill(ADMIN_TOKEN);
    await page.getByRole("button", { name: "进入" }).click();
    const group = page.locator(".admin-group", { hasText: question });
    await expect.poll(() => group.count(), { timeout: 10_000 }).toBe(1);
    expect(await group.locator("h3").textContent()).toContain("医保报销");
    expect(await group.locator(".admin-reasons").textContent()).toContain("答错了");
    await expect.poll(() => page.locator("#chart canvas").count()).toBeGreaterThan(0);
    await page.screenshot({ path: "test-output/browser/feedback-admin.png", fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
