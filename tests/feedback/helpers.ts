import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { startServer, type RunningServer, type ServerOptions } from "../../src/node/server";
import { testIndexDir } from "../helpers/engine";

export const ADMIN_TOKEN = "feedback-admin-token-0123";

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `policy-qa-${label}-`));
}

/** The real Node service on a free port with feedback on a SQLite file (or what `feedback` says). */
export async function startFeedbackServer(feedback: ServerOptions["feedback"], more: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return startServer({
    port: 0,
    host: "127.0.0.1",
    indexDir: await testIndexDir(),
    logger: pino({ level: "silent" }),
    adminToken: ADMIN_TOKEN,
    feedback,
    ...more,
  });
}

export async function askJson(url: string, question: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/api/ask`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify({ question }) });
  return { status: res.status, body: (await res.json()) as { askId: string; answered: boolean; citations: { docId: string }[] } };
}

export async function rate(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/api/feedback`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string }; stored?: boolean } };
}

export async function health(url: string) {
  return (await (await fetch(`${url}/health`)).json()) as { status: string; feedback: { status: string; reason: string | null; written: number; dropped: number; failedWrites: number } };
}

export function admin(url: string, path: string, token = ADMIN_TOKEN) {
  return fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
}
