import { describe, expect, it } from "vitest";
import { unitsForQuote } from "../../src/answer/quote-units";

type Unit = Parameters<typeof unitsForQuote>[1][number];
const unit = (name: string, role: Unit["role"] = "responsible"): Unit => ({ name, canonical: name, role });

// Shaped like 朔政办发〔2023〕17号: several duty items in one passage, each closed by its own annotation.
const multiItem =
  "（一）全面实施市场准入负面清单管理\n" +
  "1. 严格落实“全国一张清单”管理要求，确保“一单尽列、单外无单”。完善审批机制。（市发改委、市商务局、市行政审批局按职责分工负责，市直相关部门配合）\n" +
  "2. 研究制定市场准入效能评估指标体系。健全处理回应机制。（市发改委牵头负责）\n" +
  "3. 严格执行国家跨境服务贸易负面清单，积极推动给予外商投资企业国民待遇。（市商务局牵头负责）";
// As the corpus lists them: one entry per unit and role, whichever item gave it.
const multiItemUnits = [
  unit("市发改委"),
  unit("市商务局"),
  unit("市行政审批局"),
  unit("市直相关部门", "participating"),
  unit("市发改委", "lead"),
  unit("市商务局", "lead"),
];
const named = (units: readonly Unit[]) => units.map((u) => `${u.name}:${u.role}`);

describe("unitsForQuote: the units of the quoted item, not of the whole passage", () => {
  it("takes the annotation that closes the quoted item, with the role it gives there", () => {
    const units = unitsForQuote(multiItem, multiItemUnits, "严格执行国家跨境服务贸易负面清单，积极推动给予外商投资企业国民待遇。");
    expect(named(units)).toEqual(["市商务局:lead"]);
  });

  it("reads past the rest of the item to its annotation, and does not borrow roles from other items", () => {
    const units = unitsForQuote(multiItem, multiItemUnits, "严格落实“全国一张清单”管理要求，确保“一单尽列、单外无单”。");
    expect(named(units)).toEqual([
      "市发改委:responsible",
      "市商务局:responsible",
      "市行政审批局:responsible",
      "市直相关部门:participating",
    ]);
  });

  it("keeps an annotation's nested （市、区） inside the annotation", () => {
    const text = "鼓励设立专业镇发展专项资金。（市工信局、市财政局，各县（市、区）人民政府分工负责落实）（市商务局负责）";
    const units = [unit("市工信局"), unit("市财政局"), unit("各县（市、区）人民政府"), unit("市商务局")];
    expect(unitsForQuote(text, units, "鼓励设立专业镇发展专项资金。").map((u) => u.name)).toEqual([
      "市工信局",
      "市财政局",
      "各县（市、区）人民政府",
    ]);
  });

  it("takes the subject of a 职责分工 sentence that assigns the duty itself", () => {
    const text = "六、职责分工\n（一）市规划和自然资源局负责牵头组织协调。（二）市税务局负责项目日常税收征管及购房业主契税征收。";
    const units = [unit("市规划和自然资源局", "lead"), unit("市税务局")];
    expect(unitsForQuote(text, units, "（二）市税务局负责项目日常税收征管及购房业主契税征收。").map((u) => u.name)).toEqual([
      "市税务局",
    ]);
  });

  it("keeps a working group's member units with the unit of the quoted duty", () => {
    const text =
      "（三）财务保障和资源开发组 组长：李润军 成员单位：市政府办公室、市体育局、市财政局 工作职责： 1. 编制经费预算；（市政府办公室、市财政局） 2. 负责统筹冠名、赞助工作。（市体育局）";
    const units = [unit("市政府办公室"), unit("市体育局"), unit("市财政局")];
    expect(unitsForQuote(text, units, "2. 负责统筹冠名、赞助工作。").map((u) => u.name)).toEqual([
      "市政府办公室",
      "市体育局",
      "市财政局",
    ]);
  });

  it("falls back to every unit of the passage when nothing ties units to the sentence", () => {
    const text = "专业镇发展领导小组统筹推进全市专业镇工作。";
    const units = [unit("市工信局"), unit("市农业农村局")];
    expect(unitsForQuote(text, units, text)).toEqual(units);
  });

  it("falls back to every unit when the quote is not in the passage", () => {
    expect(unitsForQuote(multiItem, multiItemUnits, "不在这段里的句子。")).toEqual(multiItemUnits);
  });
});
