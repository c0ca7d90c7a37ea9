/**
 * What a government unit name looks like (NOTES §4.5).
 *
 * Unit names are recognised by their ending (局, 委, 办, 中心, 支队, 公司,
 * 政府 …), never by position alone: that is what keeps （一）, （2021—2030年）,
 * （此件公开发布）, (%), (RCEP) or （见附件） from being read as unit lists.
 */
import { nameKey } from "./text";

const UNIT_SUFFIX =
  /(局|委|办|部|厅|处|中心|支队|大队|队|公司|集团|政府|管委会|委员会|工会|联|协|海关|分局|支行|银行|院|学院|学校|高校|馆|组|科室|部门|单位|纪委|工委|分公司|总队|军分区|检察院|法院|社|站|所|办公室)$/;

/** Characters allowed in a unit name (after 〔〕 and width normalisation). */
const UNIT_CHARS = /^[\u3400-\u9fff（）、“”]+$/;

/** True when `name` can be a unit (or a collective of units) as written in a marker or member list. */
export function looksLikeUnit(name: string): boolean {
  const key = nameKey(name);
  if (key.length < 2 || key.length > 40) return false;
  if (!UNIT_CHARS.test(key)) return false;
  // 、 only inside the protected （市、区） group.
  if (key.replace(/（市、区）/g, "").includes("、")) return false;
  return UNIT_SUFFIX.test(key);
}

/**
 * Collective or non-specific names: 市直相关部门, 有关部门, 各县（市、区）人民政府,
 * 各高校, 相关经济开发区管委会, 市级行政执法部门, …各成员单位, 市体育局各科室.
 * 市直属机关事务服务中心 is a real unit, hence 市直 only with 相关/有关/各.
 */
export function isGenericUnitName(name: string): boolean {
  const key = nameKey(name);
  return (
    /^(各|有关|相关|市直(相关|有关|各)|市级)/.test(key) ||
    /(部门|各成员单位|成员单位|各科室|科室)$/.test(key) ||
    /^各.*(高校|单位)$/.test(key)
  );
}
