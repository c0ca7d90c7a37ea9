/** Stable, ASCII, URL-safe identifiers. */

/** Known 文号 prefixes (NOTES §2). Unknown prefixes get a short deterministic hash code. */
const PREFIX_CODES: Record<string, string> = {
  朔政发: "szf",
  朔政函: "szh",
  朔政办发: "szbf",
  朔政办函: "szbh",
  朔政干发: "szgf",
  朔政千发: "szgf", // OCR confusion 千/干 (NOTES §6.10)
};

export function prefixCode(org: string): string {
  return PREFIX_CODES[org] ?? `x${shortHash(org).slice(0, 6)}`;
}

/** "朔政办发" 2023 16 → "szbf-2023-16". */
export function documentId(org: string, year: number, num: number): string {
  return `${prefixCode(org)}-${year}-${num}`;
}

/**
 * cyrb53-style 53-bit string hash as 10 hex digits: deterministic across
 * platforms and runs, no crypto dependency (the core stays runtime-neutral).
 */
export function shortHash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, "0").slice(-10);
}

/** Chunk id: document + section path + ordinal within that section, so unrelated edits elsewhere never move it. */
export function chunkId(docId: string, sectionPath: string[], ordinal: number): string {
  return `${docId}-${shortHash(sectionPath.join("/")).slice(0, 8)}-${ordinal}`;
}
