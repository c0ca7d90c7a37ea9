/**
 * What shape of answer the user needs. Decided once per question (by
 * `parseQuery`); retrieval boosts passages by it and the answer layer picks its
 * composer by it.
 */
export type Intent =
  | "document"
  | "responsibility"
  | "group"
  | "appointment"
  | "entitlement"
  | "policy"
  | "out-of-domain";

export const INTENTS: readonly Intent[] = ["document", "responsibility", "group", "appointment", "entitlement", "policy", "out-of-domain"];

const RESPONSIBILITY = /谁(来)?(负责|管|牵头|主管|办)|哪(个|些|家)?(单位|部门|机构|局)|牵头(单位)?|责任单位|找谁|归谁管|谁管|(由|归)哪|主管部门|负责(单位|部门)/u;
const GROUP = /领导小组|工作专班|专班|委员会.*(组成|成员|名单)|执委会|组长|副组长|成员(单位|名单)?有|组成人员|办公室设在|(委员会|招考委|执委|小组|专班)\s*(常务)?(副)?(主任|秘书长|委员)/u;
const APPOINTMENT = /任命|免去|任免|免职|职务(变动|调整)|被任命|担任什么|任(什么|啥)职务?|(什么|啥)职务|职务是/u;
const ENTITLEMENT = /补贴|补助|奖励|扶持|优惠|减免|能享受|可以享受|享受(什么|哪些)|有什么(政策|待遇|福利|支持)|怎么(申请|领|办)|如何申请|申领|资助|待遇|福利/u;

/**
 * Questions no city policy document answers, recognised by what they ask
 * rather than by their words: 天气 occurs in the forest-fire plan (极端天气), but
 * "明天天气怎么样" asks for a forecast. Kept narrow on purpose: a topic the
 * collection merely lacks is refused by the evidence, not by this list.
 */
const OUT_OF_DOMAIN = [
  /(今天|明天|后天|今儿|明儿|这几天|周末|最近|下周)[^，。？?]{0,6}(天气|气温|下雨|下雪|降温|刮风)|天气(怎么样|咋样|如何|好不好|预报)|会不会下(雨|雪)|气温(多少|几度)/u,
  /比分|几比几|国足|世界杯|欧冠|NBA|CBA|(足球|篮球|球)赛[^，。]{0,4}(结果|谁赢|赢了|输了)|(谁|哪个队)(赢|夺冠)|冠军是谁|彩票(中奖|开奖|号码|怎么买)|中奖号码|股票|股价|基金(净值|涨)|币价|比特币/u,
  /(哪里|哪儿|哪家|在哪)(能)?买|多少钱一(斤|个|件|箱|瓶)|网购|淘宝|京东|拼多多|快递(到|几天|单号)|外卖|优惠券|打折|团购|(好吃|好玩|好看)的?|推荐(一下|个|几)?(餐厅|饭店|电影|景点|酒店)|(电影|电视剧)(好看|推荐|几点|票)|明星|八卦|星座|运势|算命/u,
  /(身份证|护照|驾照|驾驶证|签证|户口本?|社保卡|医保卡)[^，。？?]{0,4}(过期|到期|丢了|补办|换|办理|怎么办|去哪)|二手房|房价|均价|油价|汽油|金价/u,
  /怎么做(菜|饭|红烧|饺子)|菜谱|(讲|说)个笑话|唱首歌|写(一)?首诗|你(是谁|叫什么|几岁|多大了|好吗)|^(你好|您好|在吗|在不在|哈喽|hello|hi|谢谢|多谢|再见|拜拜)[\s!！。.~～？?]*$/iu,
];

export function isOutOfDomain(question: string): boolean {
  return OUT_OF_DOMAIN.some((p) => p.test(question));
}

/** Asking for a document's own fields (its number, date, issuer), with or without the number: a document lookup. */
const DOCUMENT_FIELD = /文号|哪个文件|哪份文件|什么文件|哪个文|印发(日期|时间)|发文(日期|时间|机关|单位)|成文(日期|时间)|(哪天|什么时候|啥时候)(印发|发布|出台|下发)的?/u;

export function detectIntent(question: string, namesDocument: boolean): Intent {
  if (isOutOfDomain(question)) return "out-of-domain";
  if (DOCUMENT_FIELD.test(question)) return "document";
  if (APPOINTMENT.test(question)) return "appointment";
  if (GROUP.test(question)) return "group";
  if (RESPONSIBILITY.test(question)) return "responsibility";
  // A bare document number ("朔政办发〔2023〕16号", "16号文讲的什么") asks what the document is.
  if (namesDocument && question.replace(/[\s\p{P}]/gu, "").length <= 24) return "document";
  if (ENTITLEMENT.test(question)) return "entitlement";
  return "policy";
}
