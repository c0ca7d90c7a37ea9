/**
 * jieba-wasm for workerd. Workers refuse to compile WebAssembly at run time, so
 * the .wasm file is a static import that wrangler uploads as a compiled module,
 * and the wasm-bindgen glue is instantiated synchronously from it.
 */
import { add_word, cut_for_search, initSync } from "jieba-wasm/web";
// Not in the package's export map, hence the path; wrangler's CompiledWasm rule matches **/*.wasm.
import jiebaWasm from "../../node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm";
import type { JiebaWasmApi } from "./jieba-wasm-segmenter";

let ready = false;

export function workerJieba(): JiebaWasmApi {
  if (!ready) {
    initSync({ module: jiebaWasm });
    ready = true;
  }
  return { add_word, cut_for_search };
}
