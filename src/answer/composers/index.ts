/**
 * The composer table: for each intent, the composers to try in order. The
 * first that returns a composition answers; the policy composer ends every
 * chain, so every answerable question gets quoted text.
 */
import type { Intent } from "../../search/intent";
import { composeAppointment } from "./appointment";
import { composeDocument } from "./document";
import { composeEntitlement } from "./entitlement";
import { composeGroup } from "./group";
import { composePolicy } from "./policy";
import { composeResponsibility } from "./responsibility";
import type { ComposeContext, Composer, Composition } from "./types";

/**
 * Only a question for a list of benefits (有什么补贴, 能享受什么) is answered by the
 * clause list. One that asks for a value (补贴标准是多少), a procedure (怎么领) or
 * a condition wants the sentence that says it: the policy composer answers, and
 * says so when the documents do not state the value.
 */
const entitlementChain = (ctx: ComposeContext): Composer[] =>
  ctx.query.asks === "list" || ctx.query.asks === "none" ? [composeEntitlement, composePolicy] : [composePolicy];

const COMPOSERS: Record<Intent, (ctx: ComposeContext) => Composer[]> = {
  document: () => [composeDocument, composePolicy],
  responsibility: () => [composeResponsibility, composePolicy],
  group: () => [composeGroup, composeResponsibility, composePolicy],
  appointment: () => [composeAppointment, composePolicy],
  entitlement: entitlementChain,
  policy: () => [composePolicy],
  // Refused before composing; listed so the table is total.
  "out-of-domain": () => [],
};

export function compose(ctx: ComposeContext): Composition | null {
  for (const composer of COMPOSERS[ctx.query.intent](ctx)) {
    const composed = composer(ctx);
    if (composed?.lines.length) return composed;
  }
  return null;
}

export type { ComposeContext, Composition } from "./types";
