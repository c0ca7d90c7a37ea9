/**
 * Reads a Word (.docx) file with mammoth: its HTML keeps paragraphs, headings
 * (Heading 1–6 styles become h1–h6) and tables, and src/ingest/html.ts's block
 * walker turns that into gazette lines. A .docx that holds a whole issue
 * (masthead 2024年第2期 near the top) is read as an issue, otherwise as one
 * document.
 */
import * as cheerio from "cheerio";
import mammoth from "mammoth";
import { blockLines } from "../ingest/html";
import { unreadableReason } from "../ingest/text-quality";
import { kindOfText, skip, type ReadResult } from "../ingest/types";

export async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (e) {
    return skip("corrupt", `mammoth cannot open it (${(e as Error).message}); the file may be truncated or not a Word 2007+ document`);
  }
  const $ = cheerio.load(html);
  const body = $("body").get(0);
  const lines = body ? blockLines($, body) : [];
  const text = lines.join("\n\n");
  const problem = unreadableReason(text, 1);
  if (problem) return problem;
  return { ok: true, value: { format: "docx", text, linePages: null, kind: kindOfText(text), fields: {}, removed: [] } };
}
