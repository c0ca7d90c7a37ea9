import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Native addons (nodejieba, hnswlib-node, onnxruntime) are safest in forked processes.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // CI also writes a machine-readable result that .ci/run turns into a plain summary line.
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: process.env.CI ? { json: "test-output/vitest.json" } : undefined,
  },
});
