/**
 * `npm run worker:size`: bundles the Worker exactly as `wrangler deploy` would
 * (`wrangler deploy --dry-run`, which also runs the [build] command) and checks
 * the upload against the Workers script-size limits, naming the plan it needs.
 * Static assets do not count: they are uploaded separately ([assets]).
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const MiB = 1024 * 1024;

/** Compressed (gzip) script-size limits, and the uncompressed one, from the Workers limits page. */
export const WORKER_LIMITS = { freeCompressed: 3 * MiB, paidCompressed: 10 * MiB, uncompressed: 64 * MiB } as const;

export interface ModuleSize {
  name: string;
  bytes: number;
  gzipBytes: number;
}

export interface SizeVerdict {
  bytes: number;
  gzipBytes: number;
  plan: "free" | "paid" | "too large";
  line: string;
}

export function sizeVerdict(modules: readonly ModuleSize[]): SizeVerdict {
  const bytes = modules.reduce((s, m) => s + m.bytes, 0);
  const gzipBytes = modules.reduce((s, m) => s + m.gzipBytes, 0);
  const plan =
    bytes > WORKER_LIMITS.uncompressed || gzipBytes > WORKER_LIMITS.paidCompressed
      ? "too large"
      : gzipBytes > WORKER_LIMITS.freeCompressed
        ? "paid"
        : "free";
  const mib = (n: number) => `${(n / MiB).toFixed(2)} MiB`;
  const line =
    `worker size: ${mib(bytes)} uncompressed, ${mib(gzipBytes)} gzip → ` +
    (plan === "free"
      ? `fits the Free plan (${mib(WORKER_LIMITS.freeCompressed)})`
      : plan === "paid"
        ? `over the Free plan's ${mib(WORKER_LIMITS.freeCompressed)}, fits Workers Paid (${mib(WORKER_LIMITS.paidCompressed)}): needs the Paid plan`
        : `over every plan's limit (${mib(WORKER_LIMITS.paidCompressed)} gzip, ${mib(WORKER_LIMITS.uncompressed)} uncompressed)`);
  return { bytes, gzipBytes, plan, line };
}

/** Sizes of the modules wrangler would upload (source maps are not uploaded by default). */
export function measureModules(outDir: string): ModuleSize[] {
  return readdirSync(outDir)
    .filter((name) => !name.endsWith(".map") && name !== "README.md")
    .map((name) => {
      const bytes = readFileSync(join(outDir, name));
      return { name: name.replace(/^[0-9a-f]{40}-/, ""), bytes: bytes.byteLength, gzipBytes: gzipSync(bytes).byteLength };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = resolve("dist/worker/upload");
  rmSync(outDir, { recursive: true, force: true });
  const built = spawnSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outDir], {
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  if (built.status !== 0) {
    console.error(built.stdout + built.stderr);
    process.exit(1);
  }
  const wranglerTotal = /Total Upload: .+/.exec(built.stdout)?.[0];
  const modules = measureModules(outDir);
  for (const m of modules)
    console.log(`  ${m.name.padEnd(32)} ${(m.bytes / 1024).toFixed(0).padStart(6)} KiB  gzip ${(m.gzipBytes / 1024).toFixed(0).padStart(6)} KiB`);
  if (wranglerTotal) console.log(`wrangler: ${wranglerTotal}`);
  const verdict = sizeVerdict(modules);
  console.log(verdict.line);
  if (verdict.plan === "too large") process.exit(1);
}
