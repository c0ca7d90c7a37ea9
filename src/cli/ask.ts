/**
 * `npm run ask -- "残疾人就业有什么补贴"`: the /api/ask answer in a terminal.
 * `--json` prints the API response as is; `--top N` sets topK.
 */
import { resolve } from "node:path";
import { answerQuestion } from "../answer/compose";
import type { Answer as AskResponse, LineKind } from "../answer/types";
import { denseFrom } from "../node/dense";
import { loadEngine } from "../node/load-engine";

const ROLE = { lead: "牵头", participating: "参与", responsible: "责任", issuer: "发文" } as const;

/** How each kind of answer line is marked in a terminal (the text itself is printed as is). */
const LINE_MARK: Record<LineKind, string> = {
  fact: "▶ ",
  quote: "  ",
  field: "  ",
  units: "  ",
  source: "  ",
  notice: "! ",
  clarify: "? ",
  refusal: "✗ ",
  "next-step": "→ ",
};

export function formatAnswer(response: AskResponse): string {
  const head = response.answered ? "【答复】" : `【未找到答案：${response.reason}】`;
  const lines = [head, ...response.lines.map((l) => LINE_MARK[l.kind] + l.text), ""];
  if (response.units.length) {
    lines.push("【相关单位】");
    for (const u of response.units) lines.push(`  ${ROLE[u.role]}：${u.name}${u.canonical !== u.name ? `（${u.canonical}）` : ""}  ${u.docNumber}`);
    lines.push("");
  }
  lines.push("【引用】");
  for (const c of response.citations) {
    lines.push(`[${c.n}] 《${c.docTitle}》（${c.docNumber}）${c.sectionPath.join(" > ")}`);
    lines.push(`    ${c.text.replace(/\n/g, "\n    ")}`);
  }
  lines.push("", `检索：${response.retrieval.mode === "hybrid" ? `混合（${response.retrieval.model}）` : "仅关键词"}，${response.retrieval.tookMs} ms`);
  return lines.join("\n");
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes("--json");
  const topIndex = argv.indexOf("--top");
  const topK = topIndex >= 0 ? Number(argv[topIndex + 1]) : 5;
  const question = argv
    .filter((a, i) => !a.startsWith("--") && (topIndex < 0 || i !== topIndex + 1))
    .join(" ")
    .trim();
  if (!question) {
    console.error('usage: npm run ask -- "问题" [--json] [--top N]');
    return 2;
  }
  if (!Number.isInteger(topK) || topK < 1 || topK > 20) {
    console.error("--top must be an integer from 1 to 20");
    return 2;
  }
  const modelsDir = resolve(process.env.MODELS_DIR ?? "models");
  const engine = await loadEngine({
    indexDir: resolve(process.env.INDEX_DIR ?? "index"),
    corpusPath: resolve("corpus/corpus.json"),
    loadDense: denseFrom(modelsDir),
  });
  const response = await answerQuestion(engine, { question, topK });
  console.log(json ? JSON.stringify(response, null, 2) : formatAnswer(response));
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`ask failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
