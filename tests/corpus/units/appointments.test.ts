import { describe, expect, it } from "vitest";
import { extractAppointments } from "../../../src/corpus/units/index";
import { makeDoc } from "./fixtures";

/** D6 475–523, abridged (verbatim paragraphs, some left out). */
const d6 = makeDoc([
  "经朔州市人民政府2023年6月2日党组会议研究决定，任命：",
  "麻祥为朔州开放大学（朔州老年开放大学）校长；",
  "吉保为朔州市人民政府督查专员（试用期一年）；",
  "杨秀峰为朔州市工业和信息化局（朔州市人民政府国有资产监督管理委员会、朔州市大数据应用局）副局长；",
  "马子瑞为朔州市公安局交通管理处（交通警察支队）处长（支队长）；",
  "马金强为朔州市产业技术研究院院长（兼），免去其朔州市产业技术研究院副院长职务。",
  "免去：",
  "高开新朔州开放大学（朔州老年开放大学）校长职务；",
  "韩栋朔州市公安局开发分局局长、督察长职务；",
  "贾品晋朔州市融媒体中心（朔州广播电视台、朔州日报社、朔州市传媒集团）副主任职务。",
  "特此通知。",
]);

describe("extractAppointments (NOTES §7.4)", () => {
  it("reads each 任命 as NAME为POST, keeping bracketed alternate names but not the 试用期/兼 notes", () => {
    const appointed = extractAppointments(d6.paragraphs).filter((a) => a.action === "appoint");
    expect(appointed.map((a) => [a.person, a.position, a.paragraphIndex])).toEqual([
      ["麻祥", "朔州开放大学（朔州老年开放大学）校长", 1],
      ["吉保", "朔州市人民政府督查专员", 2],
      ["杨秀峰", "朔州市工业和信息化局（朔州市人民政府国有资产监督管理委员会、朔州市大数据应用局）副局长", 3],
      ["马子瑞", "朔州市公安局交通管理处（交通警察支队）处长（支队长）", 4],
      ["马金强", "朔州市产业技术研究院院长", 5],
    ]);
  });

  it("reads the removal embedded in an appointment (免去其…职务, 493)", () => {
    const removed = extractAppointments(d6.paragraphs).filter((a) => a.action === "remove");
    expect(removed[0]).toEqual({ person: "马金强", action: "remove", position: "朔州市产业技术研究院副院长", paragraphIndex: 5 });
  });

  it("splits NAMEPOST职务 removals where the post begins, for 2- and 3-character names", () => {
    const removed = extractAppointments(d6.paragraphs).filter((a) => a.action === "remove").slice(1);
    expect(removed.map((a) => [a.person, a.position])).toEqual([
      ["高开新", "朔州开放大学（朔州老年开放大学）校长"],
      ["韩栋", "朔州市公安局开发分局局长、督察长"],
      ["贾品晋", "朔州市融媒体中心（朔州广播电视台、朔州日报社、朔州市传媒集团）副主任"],
    ]);
  });

  it("finds nothing in documents without a 任命/免去 list", () => {
    const doc = makeDoc(["你局《关于朔州市七里河生态环境综合整治二期工程用地供应的请示》收悉。", "2. 同意免除关于该用地的划拨成本费用。请你局依法依规办理相关手续。"]);
    expect(extractAppointments(doc.paragraphs)).toEqual([]);
  });
});
