/**
 * Everyday words a question wraps its topic in: where the asker lives (市里,
 * 俺家), how they heard (听说), when (今年, 那会儿), hedges (到底, 算不算). They
 * are not in the documents and say nothing of the topic, yet a long story is
 * full of them: counted as content, they made a citizen's story look like a
 * question about something the collection lacks. Not stopwords for ranking
 * (BM25 already discounts them); only left out of the refusal evidence and
 * sentence choice. Written from the ways people ask, not from answers.
 */
export const QUESTION_FILLER: ReadonlySet<string> = new Set(
  `市里 县里 乡里 村里 镇里 区里 城里 咱 咱们 咱家 俺 俺们 俺家 俺爹 俺妈 我家 我们 你们 他们 人家 自己 家里 老家 外地
听说 听人说 听别人说 问问 问下 问一下 想问 请问 查查 查一下 看看 打听 咨询一下 麻烦 谢谢
文号 算不算 到底 究竟 是不是 有没有 能不能 可不可以 会不会 的话 啥的 之类 等等
今年 明年 去年 前年 今天 明天 昨天 这儿 那儿 这块 那块 那会儿 这会儿 里头 多会儿 现在 最近 目前 以前 之前 以后 马上
有点 心里 还是 开始 结束 是从 回来 一下 好几 好几年 好几趟 来回 清楚 应该 事先 下个月 上个月 日子 大概 一般 具体 到时候
情况 事情 东西 时候 想要 需要 可以 一直 总是 老是 特别 非常 真的`.split(/\s+/u),
);

export function isFiller(term: string): boolean {
  return QUESTION_FILLER.has(term);
}
