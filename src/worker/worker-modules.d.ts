/**
 * Module kinds wrangler's bundler provides and tsc cannot see: a .wasm import is a
 * compiled WebAssembly.Module (Workers forbid compiling WASM at run time), a .bin
 * import is its bytes, and "@policy-qa/worker-index" is the generated index bundle
 * (aliased in wrangler.toml to dist/worker/index/bundle.js; see scripts/build-worker-index.ts).
 */
declare module "*.wasm" {
  const module: WebAssembly.Module;
  export default module;
}

declare module "*.bin" {
  const bytes: ArrayBuffer;
  export default bytes;
}

declare module "@policy-qa/worker-index" {
  /** Raw as generated; src/worker/index-bundle.ts checks it before use. */
  const bundle: {
    formatVersion: number;
    manifest: unknown;
    checksums: Record<string, { sha256: string; bytes: number }>;
    files: Record<string, ArrayBuffer>;
  };
  export default bundle;
}
