/**
 * The server as a real process (`tsx src/node/server.ts`): graceful shutdown on
 * SIGTERM, index swaps on SIGHUP, and startup failures that exit 1 with a message.
 * tsx is started directly rather than through npx: npx does not pass SIGTERM on
 * to the server, so under npx a container stop would kill it abruptly.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AskResponseSchema, HealthSchema } from "../../src/http/schemas";
import { buildLexicalIndex, CORPUS_PATH, startChildServer, temporaryDir, type ChildServer } from "./helpers";

let work: string;
let indexDir: string;
let corpusCopy: string;
let firstBuild: string;
const children: ChildServer[] = [];

beforeAll(async () => {
  work = temporaryDir("process");
  corpusCopy = join(work, "corpus.json");
  cpSync(CORPUS_PATH, corpusCopy);
  indexDir = join(work, "index");
  firstBuild = await buildLexicalIndex(indexDir, corpusCopy);
});

afterAll(() => {
  for (const { child, serverPid } of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill("SIGKILL");
    try {
      process.kill(serverPid, "SIGKILL"); // tsx does not pass SIGKILL on
    } catch {
      // already gone
    }
  }
  rmSync(work, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}): Promise<ChildServer> {
  const server = await startChildServer({ INDEX_DIR: indexDir, CORPUS_PATH: corpusCopy, RATE_LIMIT_PER_MINUTE: "0", ...env });
  children.push(server);
  return server;
}

const health = async (url: string) => HealthSchema.parse(await (await fetch(`${url}/health`)).json());

describe("graceful shutdown on SIGTERM", () => {
  it("stops accepting, finishes the request in flight, then exits 0", async () => {
    const server = await start({ SHUTDOWN_GRACE_MS: "8000" });
    await health(server.url); // leaves an idle keep-alive connection open, which must not hold shutdown up
    const body = Buffer.from(JSON.stringify({ question: "残疾人就业有什么补贴？" }));
    const { hostname, port } = new URL(server.url);

    // A request whose body arrives slowly: in flight when SIGTERM comes.
    const response = new Promise<{ status: number; text: string }>((done, fail) => {
      const req = request(
        { hostname, port, path: "/api/ask", method: "POST", headers: { "Content-Type": "application/json", "Content-Length": body.length } },
        (res) => {
          let text = "";
          res.on("data", (d: Buffer) => (text += d.toString()));
          res.on("end", () => done({ status: res.statusCode!, text }));
        },
      );
      req.on("error", fail);
      req.write(body.subarray(0, 10));
      setTimeout(() => {
        server.child.kill("SIGTERM");
        setTimeout(async () => {
          // Stopped accepting: a new connection is refused while the old request is still open.
          const refused = await fetch(`${server.url}/health`, { headers: { Connection: "close" } }).then(
            () => false,
            () => true,
          );
          expect(refused).toBe(true);
          req.end(body.subarray(10));
        }, 500);
      }, 200);
    });

    const { status, text } = await response;
    expect(status).toBe(200);
    expect(AskResponseSchema.parse(JSON.parse(text)).answered).toBe(true);
    const exit = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r("still running"), 5_000))]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.output()).toMatch(/"signal":"SIGTERM".*finishing in-flight requests/);
    expect(server.output()).toMatch(/"msg":"stopped"/);
  }, 30_000);
});

// SIGHUP goes to the server's own pid (logged on every line): tsx passes on SIGTERM and
// SIGINT only, and a SIGHUP to the tsx wrapper would end the wrapper, not reload.
describe("index swaps on SIGHUP", () => {
  it("swaps in a new verified build, and keeps the old one when the new one is damaged", async () => {
    const server = await start();
    expect((await health(server.url)).indexBuildId).toBe(firstBuild);

    const corpus = JSON.parse(readFileSync(corpusCopy, "utf8")) as { chunks: { text: string }[] };
    corpus.chunks[1]!.text += "（修订）";
    writeFileSync(corpusCopy, JSON.stringify(corpus));
    const secondBuild = await buildLexicalIndex(indexDir, corpusCopy); // `npm run index` while serving
    process.kill(server.serverPid, "SIGHUP");
    await waitFor(async () => (await health(server.url)).indexBuildId === secondBuild);

    writeFileSync(join(indexDir, secondBuild, "chunks.json"), "[]");
    process.kill(server.serverPid, "SIGHUP");
    await waitFor(async () => /index reload failed; still serving the previous index/.test(server.output()));
    expect((await health(server.url)).indexBuildId).toBe(secondBuild);
    expect(server.output()).toMatch(/chunks\.json has 2 bytes/);
    server.child.kill("SIGTERM");
    expect(await server.exited).toEqual({ code: 0, signal: null });
  }, 30_000);
});

describe("startup failures", () => {
  it("exits 1 with a message saying what to run when there is no index", async () => {
    await expect(start({ INDEX_DIR: join(work, "nothing") })).rejects.toThrow(
      /exited with code 1[\s\S]*"msg":"cannot start"|exited with code 1[\s\S]*no index at .*run `npm run index`/,
    );
  });

  it("exits 1 naming the variable when the configuration is wrong", async () => {
    await expect(start({ RATE_LIMIT_PER_MINUTE: "lots" })).rejects.toThrow(/exited with code 1[\s\S]*RATE_LIMIT_PER_MINUTE \(got \\"lots\\"\)/);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("condition not met in time");
}
