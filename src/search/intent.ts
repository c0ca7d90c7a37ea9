/** What shape of answer the user needs. */
export type Intent = "doc-number" | "responsibility" | "group" | "appointment" | "entitlement" | "general";

const RESPONSIBILITY = /谁(来)?(负责|管|牵头|主管|办)|哪(个|些|家)?(单位|部门|机构|局)|牵头(单位)?|责任单位|找谁|归谁管|谁管|(由|归)哪|主管部门|负责(单位|部门)/u;
const GROUP = /领导小组|工作专班|专班|委员会.*(组成|成员|名单)|执委会|组长|副组长|成员(单位|名单)?有|组成人员|办公室设在/u;
const APPOINTMENT = /任命|免去|任免|免职|职务(变动|调整)|被任命|担任什么/u;
const ENTITLEMENT = /补贴|补助|奖励|扶持|优惠|减免|能享受|可以享受|享受(什么|哪些)|有什么(政策|待遇|福利|支持)|怎么(申请|领|办)|如何申请|申领|资助|待遇|福利/u;

export function detectIntent(question: string, namesDocument: boolean): Intent {
  if (APPOINTMENT.test(question)) return "appointment";
  if (GROUP.test(question)) return "group";
  if (RESPONSIBILITY.test(question)) return "responsibility";
  // A bare document number ("朔政办发〔2023〕16号", "16号文讲的什么") asks what the document is.
  if (namesDocument && question.replace(/[\s\p{P}]/gu, "").length <= 24) return "doc-number";
  if (ENTITLEMENT.test(question)) return "entitlement";
  return "general";
}
