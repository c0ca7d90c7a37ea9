/**
 * The files a transformers.js feature-extraction model needs on disk, and the
 * check that they are there. transformers.js resolves a model id to
 * `<modelsDir>/<modelId>/…` and reads the ONNX graph from `onnx/`.
 */
import { access } from "node:fs/promises";
import { join } from "node:path";

export const REQUIRED_MODEL_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json"] as const;
export const QUANTIZED_ONNX = "onnx/model_quantized.onnx";
export const FULL_ONNX = "onnx/model.onnx";

export interface ModelFolderCheck {
  folder: string;
  missing: string[];
  /** Which ONNX variant to load: the int8 one when present (4x smaller, faster on CPU). */
  quantized: boolean | null;
}

export function modelFolder(modelsDir: string, modelId: string): string {
  return join(modelsDir, ...modelId.split("/"));
}

export async function checkModelFolder(
  modelsDir: string,
  modelId: string,
  preferQuantized = true,
): Promise<ModelFolderCheck> {
  const folder = modelFolder(modelsDir, modelId);
  const missing: string[] = [];
  for (const file of REQUIRED_MODEL_FILES) {
    if (!(await exists(join(folder, file)))) missing.push(file);
  }
  const hasQuantized = await exists(join(folder, QUANTIZED_ONNX));
  const hasFull = await exists(join(folder, FULL_ONNX));
  let quantized: boolean | null = null;
  if (hasQuantized && (preferQuantized || !hasFull)) quantized = true;
  else if (hasFull) quantized = false;
  else missing.push(`${QUANTIZED_ONNX} or ${FULL_ONNX}`);
  return { folder, missing, quantized };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
