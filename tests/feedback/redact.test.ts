/**
 * Personal data never reaches the database or the logs: fast-check generates
 * mobile and landline numbers, 身份证号, bank card numbers, e-mail addresses,
 * licence plates and names (after 我叫 / 本人) inside questions and comments, sends
 * them through the real server with question logging on, and looks for them in
 * the SQLite file's bytes and every log line.
 */
import Database from "better-sqlite3";
import fc from "fast-check";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLACEHOLDER, redact } from "../../src/feedback/redact";
import type { RunningServer } from "../../src/node/server";
import { askJson, rate, startFeedbackServer, tempDir } from "./helpers";

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(""));
const sep = fc.constantFrom("", " ", "-");

/** Each generator gives [what is written, the bare value that must not survive]. */
const mobile = fc.tuple(fc.constantFrom("13", "15", "17", "18", "19"), digits(9), sep, fc.constantFrom("", "+86 ", "86-")).map(([p, rest, s, cc]) => {
  const n = p + rest;
  return [`${cc}${n.slice(0, 3)}${s}${n.slice(3, 7)}${s}${n.slice(7)}`, n] as const;
});
const landline = fc.tuple(fc.constantFrom("0349", "0351", "010"), digits(7), fc.constantFrom("-", "", " ")).map(([area, n, s]) => [`${area}${s}${n}`, n] as const);
const idCard = fc.tuple(digits(17), fc.constantFrom("X", "x", "0", "7")).map(([d, last]) => [d + last, d] as const);
const bankCard = fc.tuple(fc.integer({ min: 16, max: 19 }), fc.boolean()).chain(([n, spaced]) =>
  digits(n).map((d) => [spaced ? d.replace(/(\d{4})(?=\d)/g, "$1 ") : d, d] as const),
);
const email = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9._]{1,10}[a-z0-9]$/), fc.constantFrom("qq.com", "163.com", "sz.gov.cn")).map(([user, host]) => {
  const address = `${user}@${host}`;
  return [address, address] as const;
});
const plate = fc
  .tuple(fc.constantFrom("晋", "京", "冀", "蒙"), fc.constantFrom("F", "A", "B"), fc.constantFrom("", "·", " "), fc.stringMatching(/^[A-Z0-9]{5,6}$/))
  .map(([p, l, s, rest]) => [`${p}${l}${s}${rest}`, `${l}${rest}`] as const);
/** Names from characters the question templates never use. */
const nameChars = [..."赵钱孙李周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳"];
const name = fc.tuple(fc.constantFrom("我叫", "本人", "我叫 "), fc.array(fc.constantFrom(...nameChars), { minLength: 2, maxLength: 3 })).map(([lead, chars]) => [`${lead}${chars.join("")}`, chars.join("")] as const);

const personal = fc.oneof(mobile, landline, idCard, bankCard, email, plate, name);
const template = fc.constantFrom(
  (p: string) => `${p}，残疾人就业有什么补贴？`,
  (p: string) => `请问养老服务补贴怎么申请，联系方式${p}`,
  (p: string) => `${p}想咨询朔政办发〔2023〕16号的内容`,
  (p: string) => `房证同交由哪个单位牵头 ${p} 谢谢`,
);

describe("redact()", () => {
  it("removes every generated kind of personal data from a question", () => {
    fc.assert(
      fc.property(fc.array(personal, { minLength: 1, maxLength: 3 }), template, (items, wrap) => {
        const question = wrap(items.map(([written]) => written).join("，"));
        const out = redact(question);
        for (const [, bare] of items) expect(out.replace(/\s|-/g, ""), question).not.toContain(bare);
      }),
      { numRuns: 500 },
    );
  });

  it("leaves ordinary policy questions alone", () => {
    for (const q of ["朔政办发〔2023〕16号是什么文件", "补贴标准是每人每月300元吗", "2023年到2025年的目标", "12345热线电话", "“十四五”残疾人保障规划"])
      expect(redact(q)).toBe(q);
    expect(redact("我叫张三")).toBe(`我叫${PLACEHOLDER.name}`);
  });
});

describe("no personal data reaches the database or the logs", () => {
  let server: RunningServer;
  let dbPath: string;
  let logs = "";

  beforeAll(async () => {
    dbPath = join(tempDir("feedback-redact"), "feedback.db");
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logs += chunk.toString();
        done();
      },
    });
    server = await startFeedbackServer({ dbPath }, { logger: pino({ level: "info" }, sink), logQuestions: true });
  });
  afterAll(async () => server?.close());

  it("through /api/ask and /api/feedback comments, with LOG_QUESTIONS on", async () => {
    const bare: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(personal, { minLength: 1, maxLength: 2 }), template, personal, async (items, wrap, inComment) => {
        const { status, body } = await askJson(server.url, wrap(items.map(([w]) => w).join("，")));
        expect(status).toBe(200);
        const rated = await rate(server.url, { askId: body.askId, rating: "down", reason: "other", comment: `联系我：${inComment[0]}` });
        expect(rated.status).toBe(201);
        bare.push(...items.map(([, b]) => b), inComment[1]);
      }),
      { numRuns: 60 },
    );
    await server.feedback!.flush();
    const db = new Database(dbPath, { readonly: true });
    const rows = JSON.stringify([db.prepare("SELECT * FROM asks").all(), db.prepare("SELECT * FROM ratings").all()]);
    expect((db.prepare("SELECT COUNT(*) AS n FROM ratings").get() as { n: number }).n).toBe(60);
    db.close();
    // The raw bytes too (main file and write-ahead log): a deleted or overwritten value can linger in free pages.
    const file = [dbPath, `${dbPath}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f).toString("utf8")).join("");
    expect(logs).toContain('"question"'); // question logging really was on
    const squeeze = (s: string) => s.replace(/[\s-]/g, "");
    for (const value of bare) {
      expect(squeeze(rows), value).not.toContain(value);
      expect(squeeze(file), value).not.toContain(value);
      expect(squeeze(logs), value).not.toContain(value);
    }
  });
});
