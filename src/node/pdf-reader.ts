/**
 * Reads a PDF's positioned text with pdf.js (pdfjs-dist's Node build) and hands
 * it to the pure layout (src/ingest/pdf-layout.ts). Chinese PDFs use
 * predefined CMaps (UniGB-UCS2-H …): pdf.js reads them from the copy bundled in
 * pdfjs-dist (`cMapUrl` + `cMapPacked`), never from the network.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { layoutPdf, type PdfPage, type PdfTextItem } from "../ingest/pdf-layout";
import { unreadableReason } from "../ingest/text-quality";
import { kindOfText, skip, type ReadResult } from "../ingest/types";

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
const CMAP_URL = `${join(PDFJS_DIR, "cmaps")}/`;
const STANDARD_FONTS_URL = `${join(PDFJS_DIR, "standard_fonts")}/`;

/** The positioned text of every page. Throws pdf.js's own errors (PasswordException, InvalidPDFException …). */
export async function readPdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    data: bytes.slice(), // pdf.js detaches the buffer it is given
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONTS_URL,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const it of content.items) {
        if (!("str" in it)) continue;
        const [a, b, , , e, f] = it.transform as number[];
        items.push({ str: it.str, x: e! - x0, y: f! - y0, width: it.width, height: it.height || Math.hypot(a!, b!) });
      }
      pages.push({ number: n, width: x1 - x0, height: y1 - y0, items });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** A PDF file → gazette lines, or the reason it cannot be read. Never throws. */
export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  let pages: PdfPage[];
  try {
    pages = await readPdfPages(bytes);
  } catch (e) {
    const err = e as Error;
    if (err.name === "PasswordException") return skip("encrypted", "the PDF is password-protected; save an unprotected copy");
    return skip("corrupt", `pdf.js cannot open it (${err.name}: ${err.message}); the file may be truncated or damaged`);
  }
  const laid = layoutPdf(pages);
  const problem = unreadableReason(laid.text, pages.length);
  return problem ?? { ok: true, value: { ...laid, kind: kindOfText(laid.text) } };
}
