import { fileURLToPath } from "node:url";

/** The tiny model written by scripts/make-fixture-model.py (see tests/fixtures/models/README.md). */
export const FIXTURE_MODELS_DIR = fileURLToPath(new URL("../fixtures/models", import.meta.url));
export const FIXTURE_MODEL_ID = "fixture/tiny-zh-char";
