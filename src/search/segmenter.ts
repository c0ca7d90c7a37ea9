/**
 * Word segmentation seam. The Node build uses nodejieba (src/node/jieba-segmenter.ts);
 * a Worker build can plug in jieba-wasm. Implementations receive CJK-only runs.
 */
export interface Segmenter {
  /** Search-mode segmentation: long words plus their shorter in-dictionary parts. */
  cutForSearch(cjkText: string): string[];
}
