import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, open } from "node:fs/promises";
import { join } from "node:path";
import { INDEX_FILES } from "../index/build-index";
import { checkFiles, checkManifestShape, IndexError, type IndexManifest } from "../index/manifest";
import { sha256Hex } from "./hash";

/**
 * On-disk layout: index/<buildId>/… holds one complete build; index/CURRENT names
 * the build in service. A build is written to a temporary folder, flushed, renamed
 * into place, and only then is CURRENT replaced (atomic rename). A build that fails
 * or is killed half way leaves CURRENT, and so the served index, untouched.
 */
export const CURRENT_FILE = "CURRENT";
export async function writeIndex(
  indexDir: string,
  manifest: IndexManifest,
  files: ReadonlyMap<string, Uint8Array>,
): Promise<string> {
  await mkdir(indexDir, { recursive: true });
  const target = join(indexDir, manifest.buildId);
  const temporary = join(indexDir, `.tmp-${manifest.buildId}-${process.pid}-${Date.now()}`);
  await mkdir(temporary);
  try {
    for (const [name, bytes] of files) await writeDurably(join(temporary, name), bytes);
    await writeDurably(join(temporary, INDEX_FILES.manifest), JSON.stringify(manifest, null, 2) + "\n");
    // Same content gives the same buildId: replace the folder rather than fail on rename.
    if (existsSync(target)) await rm(target, { recursive: true, force: true });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  const currentTemporary = join(indexDir, `.${CURRENT_FILE}.${process.pid}.tmp`);
  await writeDurably(currentTemporary, manifest.buildId + "\n");
  await rename(currentTemporary, join(indexDir, CURRENT_FILE));
  await pruneOldBuilds(indexDir, manifest.buildId);
  return target;
}

async function writeDurably(path: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(path, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Removes every build but the current one, and leftovers of interrupted builds. A
 * running server holds its index in memory once loaded, so older folders are not
 * needed; a reload that races a prune fails verification and keeps serving what it had.
 */
async function pruneOldBuilds(indexDir: string, currentId: string): Promise<void> {
  for (const e of await readdir(indexDir, { withFileTypes: true })) {
    if (e.name.startsWith(".tmp-")) await rm(join(indexDir, e.name), { recursive: true, force: true }).catch(() => {});
    else if (e.isDirectory() && !e.name.startsWith(".") && e.name !== currentId)
      await rm(join(indexDir, e.name), { recursive: true, force: true });
  }
}

export interface LoadedIndexFiles {
  buildDir: string;
  manifest: IndexManifest;
  files: Map<string, Uint8Array>;
}

/** Reads the current build and verifies every file against the manifest before anything is parsed. */
export async function readIndex(indexDir: string): Promise<LoadedIndexFiles> {
  const currentPath = join(indexDir, CURRENT_FILE);
  if (!existsSync(currentPath))
    throw new IndexError("index-missing", `no index at ${indexDir} (${CURRENT_FILE} is missing); run \`npm run index\``);
  const buildId = (await readFile(currentPath, "utf8")).trim();
  if (!/^[0-9a-f]{8,64}$/.test(buildId))
    throw new IndexError("index-corrupt", `${currentPath} does not name a build; run \`npm run index\``);
  const buildDir = join(indexDir, buildId);
  const manifestPath = join(buildDir, INDEX_FILES.manifest);
  if (!existsSync(manifestPath))
    throw new IndexError("index-missing", `index build ${buildId} has no manifest; run \`npm run index\``);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(manifestPath, "utf8"));
  } catch {
    throw new IndexError("index-corrupt", `index manifest ${manifestPath} is not valid JSON; run \`npm run index\``);
  }
  const manifest = checkManifestShape(parsed);
  if (manifest.buildId !== buildId)
    throw new IndexError("index-corrupt", `index manifest names build ${manifest.buildId}, folder is ${buildId}`);
  const files = new Map<string, Uint8Array>();
  for (const name of Object.keys(manifest.files)) {
    const path = join(buildDir, name);
    if (existsSync(path)) files.set(name, new Uint8Array(await readFile(path)));
  }
  await checkFiles(manifest, files, sha256Hex);
  return { buildDir, manifest, files };
}
