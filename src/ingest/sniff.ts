/**
 * What a file really is, from its first bytes, so a wrong extension is caught
 * before a reader turns garbage into documents.
 */
import type { SourceFormat } from "./types";

export type Sniffed = SourceFormat | "zip" | "ole" | "binary" | "empty";

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return "empty";
  const head = (n: number) => String.fromCharCode(...bytes.subarray(0, n));
  if (head(5) === "%PDF-") return "pdf";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // A .docx is a zip whose first entry names are [Content_Types].xml / word/…
    const probe = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
    return /\[Content_Types\]\.xml|word\//.test(probe) ? "docx" : "zip";
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "ole"; // legacy .doc/.xls
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, Math.min(bytes.length, 2048)));
  if (/^\uFEFF?\s*<(?:!doctype\s+html|html|head|body|meta|div)\b/i.test(text)) return "html";
  let controls = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) controls++;
  }
  return controls / Math.max(1, text.length) > 0.01 ? "binary" : "txt";
}

/** The format an extension promises, or null for one no reader handles. */
export function formatOfName(name: string): SourceFormat | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === "txt") return "txt";
  if (ext === "pdf") return "pdf";
  if (ext === "html" || ext === "htm" || ext === "shtml") return "html";
  if (ext === "docx") return "docx";
  return null;
}
