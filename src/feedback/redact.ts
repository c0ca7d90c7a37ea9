/**
 * Removes personal data from free text before it is stored or logged: e-mail
 * addresses, licence plates, 身份证号, bank card numbers, mobile and landline
 * numbers, and the name after 我叫 / 本人 / 我的名字是. Pure and runtime-free.
 *
 * The rule for numbers is deliberately broad: any run of seven or more digits
 * (spaces or hyphens allowed between them, an ID's final X included) is replaced,
 * and the placeholder says what it most likely was. Policy questions almost never
 * need such a number (amounts are written 3000元 or 10万元), so over-redacting
 * costs little and a phone number written in an odd way does not slip through.
 */

export const PLACEHOLDER = {
  email: "[邮箱]",
  plate: "[车牌]",
  idCard: "[身份证号]",
  bankCard: "[银行卡号]",
  mobile: "[手机号]",
  phone: "[电话]",
  name: "[姓名]",
} as const;

/** Digits in either width: questions typed on a phone often use full-width ones. */
const D = "[0-9０-９]";

const RULES: readonly { pattern: RegExp; replace: (match: string, ...groups: string[]) => string }[] = [
  { pattern: /[\p{L}\p{N}._%+-]+\s*[@＠]\s*[\p{L}\p{N}-]+(?:\s*[.．。]\s*[\p{L}\p{N}-]+)+/gu, replace: () => PLACEHOLDER.email },
  {
    // Province abbreviation, issuing-office letter, then 5 (ordinary) or 6 (new-energy) letters/digits.
    pattern: /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Za-zＡ-Ｚａ-ｚ]\s*[·・.．\- ]?\s*[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]{5,6}(?![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])/gu,
    replace: () => PLACEHOLDER.plate,
  },
  {
    pattern: new RegExp(`(?<![0-9０-９A-Za-z])(?:[+＋]?(?:86|８６)[\\s-]*)?${D}(?:[\\s\\-－—]?${D}){6,}(?:[\\s\\-]?[XxＸｘ])?(?![0-9０-９A-Za-z])`, "gu"),
    replace: (match) => numberPlaceholder(match),
  },
  {
    // A name is 2–4 Han characters (with · for minority names) or a Latin name; the whole run is taken.
    pattern: /(我叫|我的名字[是叫]|本人(?:姓名)?[是叫]?|姓名[:：是]?)\s*(?:[\p{Script=Han}·•]{1,6}|[A-Za-z][A-Za-z .'-]{0,40}[A-Za-z])/gu,
    replace: (_match, lead) => `${lead}${PLACEHOLDER.name}`,
  },
];

export function redact(text: string): string {
  let out = text;
  for (const { pattern, replace } of RULES) out = out.replace(pattern, replace as (m: string, ...g: string[]) => string);
  return out;
}

/** What a redacted number most likely was, by its digit count (the placeholder only helps the reader). */
function numberPlaceholder(match: string): string {
  const digits = match.replace(/^[+＋](?:86|８６)/u, "").replace(/[^0-9０-９XxＸｘ]/gu, "");
  if (/[XxＸｘ]$/u.test(digits) || digits.length === 18) return PLACEHOLDER.idCard;
  if (digits.length === 11 && /^[1１]/u.test(digits)) return PLACEHOLDER.mobile;
  if (digits.length >= 16 && digits.length <= 19) return PLACEHOLDER.bankCard;
  return PLACEHOLDER.phone;
}
