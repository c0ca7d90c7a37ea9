import { describe, expect, it } from "vitest";
import { extractGroups, findOfficeLines } from "../../../src/corpus/units/index";
import { parseRosterValue, isTitleContinuation } from "../../../src/corpus/units/rosters";
import { splitTitleName } from "../../../src/corpus/units/prose-rosters";
import { heading, makeDoc, roster } from "./fixtures";

const byRole = (members: { role: string }[]) =>
  members.reduce<Record<string, number>>((acc, m) => ({ ...acc, [m.role]: (acc[m.role] ?? 0) + 1 }), {});

describe("roster rows (NOTES §4.4, §6.7)", () => {
  it("splits NAME TITLE and collapses a padded two-character name", () => {
    expect(parseRosterValue("刘 亮 市委常委、副市长", "副组长")).toEqual({ kind: "person", name: "刘亮", title: "市委常委、副市长" });
    expect(parseRosterValue("田东 副市长", "主任")).toEqual({ kind: "person", name: "田东", title: "副市长" });
  });

  it("reads a label followed only by names as a name list", () => {
    expect(parseRosterValue("康宝红 刘国清 刘晓琰 张猛", "副组长")).toEqual({ kind: "names", names: ["康宝红", "刘国清", "刘晓琰", "张猛"] });
    expect(parseRosterValue("彭 雁 李润军", "组长")).toEqual({ kind: "names", names: ["彭雁", "李润军"] });
    expect(parseRosterValue("宋红波 田 东", "组长")).toEqual({ kind: "names", names: ["宋红波", "田东"] });
  });

  it("recognises wrapped title tails but not names or new rows", () => {
    for (const tail of ["局长", "宣传部部长", "传部纪检监察组组长", "总经理", "公司总经理"]) expect(isTitleContinuation(tail), tail).toBe(true);
    for (const other of ["李润军", "王海军 市纪委常务副书记、监委", "副主任：刘 焕 王玉锋", "二、组成人员"]) expect(isTitleContinuation(other), other).toBe(false);
  });

  it("splits TITLE+NAME in prose, keeping 统战部部长 a title", () => {
    expect(splitTitleName("市长吴秀玲")).toEqual({ title: "市长", name: "吴秀玲" });
    expect(splitTitleName("宣传部部长彭雁")).toEqual({ title: "宣传部部长", name: "彭雁" });
    expect(splitTitleName("统战部部长")).toBeNull();
    expect(splitTitleName("市委副书记")).toBeNull();
  });
});

describe("extractGroups", () => {
  it("reads a D16-style roster: labels in force until the next, wrapped titles joined, padding removed (2621–2644, 2693)", () => {
    const doc = makeDoc([
      "山西省第十六届运动会朔州执行委员会 组成人员及工作职责",
      heading("一、朔州市执委会组成人员"),
      roster("主任：吴秀玲 市委副书记、市长"),
      roster("副主任：宋红波 市委副书记、政法委书记"),
      roster("武跃飞 市委常委、副市长"),
      roster("彭 雁 市委常委、统战部部长、"),
      roster("宣传部部长"),
      roster("秘书长：李润军 市政府副市长（兼）"),
      roster("副秘书长：刘宏武 市政府秘书长"),
      roster("委员：王 福 市委副秘书长、市信访局"),
      roster("局长"),
      roster("王海军 市纪委常务副书记、监委"),
      roster("副主任"),
      roster("康宝红 市委宣传部分管新闻工"),
      roster("作负责人"),
      "执委会下设办公室，办公室设在市体育局。",
      heading("二、执委会各工作组及工作职责"),
    ]);
    const [g] = extractGroups("朔州市人民政府办公室关于印发《山西省第十六届运动会朔州市执行委员会工作方案》的通知", doc.paragraphs);
    expect(g!.name).toBe("山西省第十六届运动会朔州执行委员会");
    expect(g!.officeUnit).toBe("市体育局");
    expect(byRole(g!.members)).toEqual({ 主任: 1, 副主任: 3, 秘书长: 1, 副秘书长: 1, 委员: 3 });
    expect(g!.members.map((m) => `${m.role}|${m.person}|${m.title}`)).toEqual([
      "主任|吴秀玲|市委副书记、市长",
      "副主任|宋红波|市委副书记、政法委书记",
      "副主任|武跃飞|市委常委、副市长",
      "副主任|彭雁|市委常委、统战部部长、宣传部部长",
      "秘书长|李润军|市政府副市长（兼）",
      "副秘书长|刘宏武|市政府秘书长",
      "委员|王福|市委副秘书长、市信访局局长",
      "委员|王海军|市纪委常务副书记、监委副主任",
      "委员|康宝红|市委宣传部分管新闻工作负责人",
    ]);
  });

  it("reads D16 working groups: heading name, name-list leaders, 成员单位 and 工作职责 items (2719–2743)", () => {
    const doc = makeDoc([
      "山西省第十六届运动会朔州执行委员会 组成人员及工作职责",
      heading("二、执委会各工作组及工作职责"),
      heading("（二）竞赛组织组"),
      roster("组长：刘 焕"),
      roster("副组长：梁子谦 孟志明"),
      roster("成员单位：市体育局及各县（市、区）人民政府"),
      roster("工作职责："),
      { text: "1. 组建各单项竞赛委员会，制定各单项竞赛委员会工作职责，督促、检查承办单位的有关工作；（各县（市、区）人民政府）", kind: "list-item" },
      { text: "7. 完成省组委会、市执委会交办的其他工作。", kind: "list-item" },
      heading("（三）财务保障和资源开发组"),
      roster("组长：李润军"),
    ]);
    const groups = extractGroups("", doc.paragraphs);
    expect(groups.map((g) => g.name)).toEqual(["（二）竞赛组织组", "（三）财务保障和资源开发组"]);
    const g = groups[0]!;
    expect(g.members.map((m) => `${m.role}|${m.person}|${m.unit}`)).toEqual([
      "组长|刘焕|null",
      "副组长|梁子谦|null",
      "副组长|孟志明|null",
      "成员单位|null|市体育局",
      "成员单位|null|各县（市、区）人民政府",
    ]);
    expect(g.duties).toHaveLength(2);
    expect(g.duties[0]).toMatch(/^1\. 组建各单项竞赛委员会/);
  });

  it("keeps the D18 spurious '- 李占山' row in 成员 and reads the office line (3116–3148)", () => {
    const doc = makeDoc([
      roster("主任：田东 副市长"),
      roster("副主任：聂日旺 市政府办公室二级调研员"),
      roster("刘国清 市教育局局长"),
      roster("成员：原恒宝 市委副秘书长、市委机要保密局局长"),
      roster("张旭 市生态环境局副局长"),
      roster("- 李占山 市卫生健康委员会副主任"),
      roster("年鹏 市应急管理局副局长"),
      "招生考试委员会办公室设在市招生考试管理中心，办公室主任由张清明兼任。",
    ]);
    const [g] = extractGroups("朔州市人民政府办公室关于调整朔州市招生考试委员会组成人员的通知", doc.paragraphs);
    expect(g!.name).toBe("朔州市招生考试委员会");
    expect(byRole(g!.members)).toEqual({ 主任: 1, 副主任: 2, 成员: 4 });
    expect(g!.members.find((m) => m.person === "李占山")).toMatchObject({ role: "成员", title: "市卫生健康委员会副主任" });
    expect(g!).toMatchObject({ officeUnit: "市招生考试管理中心", officeDirector: "张清明" });
  });

  it("joins a title wrapped across a blank line (D19 3207/3209) and reads duties after 主要职责", () => {
    const doc = makeDoc([
      heading("一、主要职责"),
      "贯彻落实国家、省、市安排部署，组织领导全市分布式能源发展工作，统筹协调解决工作中遇到的重大问题，确保新能源高质量发展，集中式与分布式能源协同并举。",
      heading("二、组织机构"),
      roster("组长：刘亮 市委常委、副市长"),
      roster("成员：刘敦 市发改委三级调研员"),
      roster("李宏宇 山西地方电力有限公司朔州分公司"),
      "总经理",
      "工作专班办公室设在市能源局，办公室主任由黄军兼任，副主任由尹志胜兼任。各成员单位根据工作职能，加强工作对接，合力推进各项工作取得实效。",
    ]);
    const [g] = extractGroups("朔州市人民政府办公室关于成立朔州市分布式能源发展工作专班的通知", doc.paragraphs);
    expect(g!.name).toBe("朔州市分布式能源发展工作专班");
    expect(g!.members.at(-1)).toEqual({ person: "李宏宇", unit: null, role: "成员", title: "山西地方电力有限公司朔州分公司总经理" });
    expect(g!.duties).toEqual([doc.paragraphs[1]!.text]);
    expect(g!).toMatchObject({ officeUnit: "市能源局", officeDirector: "黄军" });
  });

  it("reads a D13 成员 line that lists units as unit members (2376–2386, office line before the group)", () => {
    const doc = makeDoc([
      "(一)建立协同推进机制。市政府成立专业镇发展领导小组(见附件),加强对专业镇建设的统筹协调和宏观指导。领导小组办公室设在市工信局,负责日常协调工作。",
      "朔州市专业镇发展领导小组主要职责及 组成人员名单",
      heading("二、组成人员"),
      roster("组长：吴秀玲 市委副书记、市长"),
      roster("副组长：刘 亮 市委常委、副市长"),
      roster(
        "成员：市委组织部、市委统战部、市委统战部相关负责人；市政府分管副秘书长；市发改委、市工信局、市融媒体中心主要负责人；朔城区、平鲁区、怀仁市、山阴县、应县、右玉县人民政府主要负责人，朔州经济开发区管委会主要负责人。",
      ),
      heading("三、工作机构"),
      "领导小组下设办公室，办公室设在市工信局。办公室主任由市工信局局长兼任，副主任由市工信局、市农业农村局、市文旅局分管负责人担任。",
    ]);
    const [g] = extractGroups("朔州市人民政府办公室关于印发朔州市促进专业镇高质量发展实施方案的通知", doc.paragraphs);
    expect(g!.name).toBe("朔州市专业镇发展领导小组");
    expect(g!).toMatchObject({ officeUnit: "市工信局", officeDirector: "市工信局局长" });
    const units = g!.members.filter((m) => m.person === null);
    expect(units.map((m) => m.unit)).toEqual([
      "市委组织部",
      "市委统战部",
      "市政府分管副秘书长",
      "市发改委",
      "市工信局",
      "市融媒体中心",
      "朔城区人民政府",
      "平鲁区人民政府",
      "怀仁市人民政府",
      "山阴县人民政府",
      "应县人民政府",
      "右玉县人民政府",
      "朔州经济开发区管委会",
    ]);
    expect(units.every((m) => m.role === "成员")).toBe(true);
    expect(units[0]!.title).toBe("相关负责人");
    expect(units[5]!.title).toBe("主要负责人");
  });

  it("reads the D16 prose roster: TITLE+NAME担任ROLE and the units that supply 委员 (2527, 2533)", () => {
    const doc = makeDoc([
      "根据工作要求，成立山西省第十六届运动会朔州市执行委员会（以下简称“朔州市执委会”），并建立由朔州市执委会统一领导各单项竞赛委员会组织比赛的管理运行体制。",
      heading("（一）机构设置"),
      "成立由市委副书记、市长吴秀玲担任执委会主任；市委副书记、政法委书记宋红波，市委常委、常务副市长武跃飞，市委常委、统战部部长、宣传部部长彭雁，市政府副市长田东，市政府副市长魏元平，市政府副市长、公安局局长袁小波，市政府副市长李润军担任副主任；市政府副市长李润军兼任秘书长；市政府秘书长刘宏武、市委副秘书长樊志文、市体育局局长刘焕担任副秘书长；由市纪委、市委宣传部、市委网信办、朔城区人民政府、平鲁区人民政府等单位主要负责人担任执委会委员的组织机构。",
    ]);
    const [g] = extractGroups("", doc.paragraphs);
    expect(g!.name).toBe("山西省第十六届运动会朔州市执行委员会");
    expect(byRole(g!.members)).toEqual({ 主任: 1, 副主任: 7, 秘书长: 1, 副秘书长: 3, 委员: 5 });
    expect(g!.members.find((m) => m.person === "彭雁")).toEqual({ person: "彭雁", unit: null, role: "副主任", title: "市委常委、统战部部长、宣传部部长" });
    expect(g!.members.find((m) => m.role === "秘书长")).toMatchObject({ person: "李润军", title: "市政府副市长" });
    expect(g!.members.filter((m) => m.role === "委员").every((m) => m.person === null && m.title === "主要负责人")).toBe(true);
  });

  it("reads D17 工作专班 prose: office, leaders, member units and the duty paragraph (3040–3058)", () => {
    const doc = makeDoc([
      heading("二、服务业各工作专班主要职责及组成人员"),
      heading("（三）交通运输工作专班。"),
      "专班办公室设在市交通局。组长由副市长何向荣担任，副组长由市交通局局长崔金鑫担任，成员由市交通局、市邮管局相关业务科室组成。",
      "负责交通运输、仓储和邮政业运行分析研究，强化重点服务业企业监测。",
      heading("三、工作要求"),
      "(一) 履行专班职责。各专班要主动作为，切实把责任扛在肩上，把工作抓在手上。",
    ]);
    const groups = extractGroups("朔州市人民政府办公室关于调整朔州市服务业发展领导小组的通知", doc.paragraphs);
    const g = groups.find((x) => x.name === "（三）交通运输工作专班")!;
    expect(g.officeUnit).toBe("市交通局");
    expect(g.members).toEqual([
      { person: "何向荣", unit: null, role: "组长", title: "副市长" },
      { person: "崔金鑫", unit: null, role: "副组长", title: "市交通局局长" },
      { person: null, unit: "市交通局", role: "成员", title: "相关业务科室" },
      { person: null, unit: "市邮管局", role: "成员", title: "相关业务科室" },
    ]);
    expect(g.duties).toEqual([doc.paragraphs[3]!.text]);
  });

  it("takes the office deputy of '办公室主任由石生华担任，副主任由李清发担任' for no group member (D17 3034)", () => {
    const doc = makeDoc([
      heading("（二）领导小组工作职责。"),
      "统筹领导推进全市服务业发展工作，督促检查服务业发展政策的贯彻落实。领导小组办公室设在市发改委，办公室主任由石生华担任，副主任由李清发担任。承担领导小组的日常工作。",
    ]);
    const [g] = extractGroups("朔州市人民政府办公室关于调整朔州市服务业发展领导小组的通知", doc.paragraphs);
    expect(g).toMatchObject({ name: "朔州市服务业发展领导小组", officeUnit: "市发改委", officeDirector: "石生华", members: [] });
    expect(g!.duties).toHaveLength(1);
  });
});

describe("findOfficeLines", () => {
  it("requires 办公室 before 设在 (1261 应设在林地中心 is not an office)", () => {
    const doc = makeDoc([
      "④全方位观测的瞭望塔(台)应设在林地中心或控制区的中心。",
      "专班办公室设在市商务局。组长由副市长李润军担任，副组长由市商务局局长王志福担任，成员由市商务局相关业务科室组成。",
      "领导小组办公室设在市统计局，承担领导小组的日常工作，加强与有关地区和部门的沟通协调，承办领导小组交办的其他事项，办公室主任由市统计局副局长张奇武兼任。",
    ]);
    expect(findOfficeLines(doc.paragraphs)).toEqual([
      { paragraphIndex: 1, unit: "市商务局", director: null },
      { paragraphIndex: 2, unit: "市统计局", director: "市统计局副局长张奇武" },
    ]);
  });
});
