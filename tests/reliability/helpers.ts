import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildIndex } from "../../src/cli/build-index";
import { CURRENT_FILE } from "../../src/node/index-store";

export const CORPUS_PATH = resolve("corpus/corpus.json");
export const FIXTURE_MODELS = resolve("tests/fixtures/models");
export const FIXTURE_MODEL_ID = "fixture/tiny-zh-char";

export function temporaryDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `policy-qa-${label}-`));
}

export async function buildLexicalIndex(indexDir: string, corpusPath = CORPUS_PATH): Promise<string> {
  const { manifestBuildId } = await buildIndex({ corpusPath, indexDir, modelsDir: join(indexDir, "no-models"), modelId: null, log: () => {} });
  return manifestBuildId;
}

/** A copy of a built index folder, so each destructive case starts clean. */
export function copyIndex(from: string, parent: string, name: string): { dir: string; buildDir: string; buildId: string } {
  const dir = join(parent, name);
  cpSync(from, dir, { recursive: true });
  const buildId = currentBuild(dir);
  return { dir, buildDir: join(dir, buildId), buildId };
}

export function currentBuild(indexDir: string): string {
  return readFileSync(join(indexDir, CURRENT_FILE), "utf8").trim();
}

/** The tsx binary itself (not npx), so signals reach the server process and its exit code comes back. */
export const TSX = resolve("node_modules/.bin/tsx");

export interface ChildServer {
  /** The tsx wrapper we spawned (it passes SIGTERM and SIGINT on, not SIGHUP). */
  child: ChildProcess;
  /** The node process that runs the server, from its "listening" log line. */
  serverPid: number;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `tsx src/node/server.ts` on a free loopback port and waits for its "listening" log line. */
export function startChildServer(env: Record<string, string>, timeoutMs = 30_000): Promise<ChildServer> {
  const child = spawn(TSX, ["src/node/server.ts"], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on("exit", (code, signal) => done({ code, signal })),
  );
  return new Promise((ready, fail) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      fail(new Error(`server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = () => {
      const match = /"pid":(\d+)[^\n]*"url":"(http:\/\/[^"]+)"[^\n]*policy Q&A listening/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off("data", onData);
        ready({ child, serverPid: Number(match[1]), url: match[2]!, output: () => output, exited });
      }
    };
    child.stdout!.on("data", onData);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      fail(new Error(`server exited with code ${code} before listening:\n${output}`));
    });
  });
}
