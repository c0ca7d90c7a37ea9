/** An earlier turn of the conversation, oldest first. */
export interface Turn {
  role: "user" | "assistant";
  content: string;
}

/**
 * Resolves a short follow-up ("那护理补贴呢", "谁负责") against the previous user
 * turn: the retrieval query becomes the previous question plus this one, so the
 * topic carries over while the new words still dominate the intent.
 */
export function resolveFollowUp(question: string, history: readonly Turn[] | undefined): { query: string; followUp: boolean } {
  const previous = [...(history ?? [])].reverse().find((turn) => turn.role === "user")?.content.trim();
  if (!previous || !looksLikeFollowUp(question)) return { query: question, followUp: false };
  return { query: `${previous} ${question}`, followUp: true };
}

const FOLLOW_UP_OPENERS = /^(那|那么|还有|另外|再问一下|其他的?|然后|这个|那个|它|他们)/u;
const TOPICLESS = /^(谁负责|哪个(单位|部门)(负责|牵头)?|找谁|怎么(办|申请|领)|有什么条件|什么时候|在哪(里)?办|多少钱|标准是多少)[？?。！!]*$/u;

export function looksLikeFollowUp(question: string): boolean {
  const q = question.trim();
  if (TOPICLESS.test(q)) return true;
  return FOLLOW_UP_OPENERS.test(q) && [...q.replace(/[\s\p{P}]/gu, "")].length <= 14;
}
