/**
 * Structural check of an hnswlib index file before the native reader sees it.
 *
 * hnswlib's own loader only checks the file length; a file with a wrong
 * dimension, a flipped bit in a neighbour list or a garbage header is read
 * as-is and can crash the process later (out-of-range pointers in C++). This
 * walks the layout of hnswlib 0.8 (hnswalg.h saveIndex) and rejects anything
 * inconsistent with a clear message instead.
 *
 * Layout: a 96-byte header, then `count` level-0 records of
 * [neighbour count u32, maxM0 × u32 ids, dimension × f32, label u64],
 * then per element a u32 byte length and that many bytes of upper-level
 * neighbour lists, each [count u32, maxM × u32 ids].
 */

export interface HnswFileSummary {
  count: number;
  maxElements: number;
  m: number;
  efConstruction: number;
  maxLevel: number;
}

export type HnswFileCheck = ({ ok: true } & HnswFileSummary) | { ok: false; reason: string };

const HEADER_BYTES = 96;
const U32 = 4;

export function checkHnswFile(bytes: Uint8Array, dimension: number): HnswFileCheck {
  const fail = (reason: string): HnswFileCheck => ({ ok: false, reason });
  if (bytes.length < HEADER_BYTES) return fail(`file is ${bytes.length} bytes, shorter than the ${HEADER_BYTES}-byte header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u64 = (offset: number): number => {
    const value = view.getBigUint64(offset, true);
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(value);
  };

  const offsetLevel0 = u64(0);
  const maxElements = u64(8);
  const count = u64(16);
  const recordBytes = u64(24);
  const labelOffset = u64(32);
  const dataOffset = u64(40);
  const maxLevel = view.getInt32(48, true);
  const entryPoint = view.getUint32(52, true);
  const maxM = u64(56);
  const maxM0 = u64(64);
  const m = u64(72);
  const efConstruction = u64(88);

  const linksLevel0 = maxM0 * U32 + U32;
  const linksUpper = maxM * U32 + U32;
  if (offsetLevel0 !== 0 || !(m >= 2 && m <= 10_000) || maxM !== m || maxM0 !== 2 * m) {
    return fail(`header is not an hnswlib index (M=${m}, maxM=${maxM}, maxM0=${maxM0})`);
  }
  if (dataOffset !== linksLevel0 || recordBytes !== linksLevel0 + dimension * 4 + 8 || labelOffset !== dataOffset + dimension * 4) {
    const storedDimension = (labelOffset - dataOffset) / 4;
    return fail(`index was built for dimension ${storedDimension}, expected ${dimension}`);
  }
  if (count > maxElements || count * recordBytes > bytes.length) {
    return fail(`header claims ${count} vectors but the file is only ${bytes.length} bytes (truncated?)`);
  }
  if (count > 0 && (entryPoint >= count || maxLevel < 0 || maxLevel > 64)) {
    return fail(`entry point ${entryPoint} / top level ${maxLevel} out of range for ${count} vectors`);
  }

  const neighboursOk = (offset: number, capacity: number): boolean => {
    const listed = view.getUint16(offset, true); // hnswlib reads the count as u16; the upper bytes hold flags
    if (listed > capacity) return false;
    for (let j = 0; j < listed; j++) {
      if (view.getUint32(offset + U32 + j * U32, true) >= count) return false;
    }
    return true;
  };

  for (let i = 0; i < count; i++) {
    if (!neighboursOk(HEADER_BYTES + i * recordBytes, maxM0)) return fail(`vector ${i} has corrupt level-0 neighbour list`);
  }
  let offset = HEADER_BYTES + count * recordBytes;
  for (let i = 0; i < count; i++) {
    if (offset + U32 > bytes.length) return fail(`file ends inside the upper-level links of vector ${i} (truncated?)`);
    const length = view.getUint32(offset, true);
    offset += U32;
    if (length % linksUpper !== 0 || length / linksUpper > maxLevel || offset + length > bytes.length) {
      return fail(`vector ${i} has corrupt upper-level links (${length} bytes)`);
    }
    for (let level = 0; level < length / linksUpper; level++) {
      if (!neighboursOk(offset + level * linksUpper, maxM)) return fail(`vector ${i} has corrupt level-${level + 1} neighbour list`);
    }
    offset += length;
  }
  if (offset !== bytes.length) return fail(`${bytes.length - offset} unexpected bytes after the last record`);
  return { ok: true, count, maxElements, m, efConstruction, maxLevel };
}
