/**
 * Layering of the answer layer, kept by a test over the TypeScript imports:
 * nothing under src/answer or src/benefits imports the HTTP layer, and the
 * answer modules import each other without a cycle.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve("src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Relative imports of a file, resolved to files under src (type-only imports count: they are still a dependency). */
export function importsOf(file: string, text = readFileSync(file, "utf8")): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)[^;]*?from\s+["'](\.[^"']+)["']/gmu)) {
    const target = resolve(dirname(file), m[1]!);
    found.push(target.endsWith(".ts") ? target : `${target}.ts`);
  }
  return found.map((t) => (statSync(t.replace(/\.ts$/u, ""), { throwIfNoEntry: false })?.isDirectory() ? join(t.replace(/\.ts$/u, ""), "index.ts") : t));
}

/** Cycles in the graph restricted to `nodes`, each as a list of files (Tarjan-free DFS: the graph is small). */
export function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, "visiting");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === "visiting") return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of graph.keys()) if (!state.has(node)) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

const rel = (f: string) => relative(SRC, f);

describe("the answer layer's imports", () => {
  const files = [...sourceFiles(join(SRC, "answer")), ...sourceFiles(join(SRC, "benefits"))];

  it("never reach the HTTP layer (src/http)", () => {
    const offending = files.flatMap((f) => importsOf(f).filter((t) => rel(t).startsWith("http/")).map((t) => `${rel(f)} → ${rel(t)}`));
    expect(offending).toEqual([]);
  });

  it("have no cycle among the answer and benefit modules", () => {
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    expect(findCycle(graph)?.map(rel) ?? null).toBeNull();
  });

  it("would catch a planted back-arrow and a planted cycle", () => {
    const a = join(SRC, "answer/a.ts");
    const b = join(SRC, "answer/b.ts");
    expect(importsOf(a, 'import type { X } from "../http/schemas";').map(rel)).toEqual(["http/schemas.ts"]);
    expect(findCycle(new Map([[a, [b]], [b, [a]]]))?.map(rel)).toEqual(["answer/a.ts", "answer/b.ts", "answer/a.ts"]);
  });
});
