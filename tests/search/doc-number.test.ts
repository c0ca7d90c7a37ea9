import { describe, expect, it } from "vitest";
import { DocNumberResolver, findDocNumbers, parseDocNumber } from "../../src/search/doc-number";

const documents = [
  { docId: "szbf-2023-16", docNumber: "朔政办发〔2023〕16号" },
  { docId: "szf-2023-16", docNumber: "朔政发〔2023〕16号" },
  { docId: "szgf-2023-3", docNumber: "朔政干发〔2023〕3号" },
  { docId: "szbh-2023-24", docNumber: "朔政办函〔2023〕24号" },
];
const resolver = new DocNumberResolver(documents);

describe("document numbers in the loose forms operators type", () => {
  it.each([
    ["朔政办发〔2023〕16号", "the printed form"],
    ["朔政办发[2023]16号", "square brackets"],
    ["朔政办发［2023］16号", "full-width square brackets"],
    ["朔政办发（2023）16号", "parentheses"],
    ["朔政办发2023年16号", "年 instead of brackets"],
    ["朔政办发2023-16", "a dash and no 号"],
    ["朔政办发 2023 16号", "spaces"],
    ["请问朔政办发〔2023〕16号讲的是什么", "inside a question"],
    ["政办发〔2023〕16号", "without the city abbreviation"],
  ])("resolves %s (%s) to the one document", (query) => {
    expect(resolver.resolveOne(query)?.docId).toBe("szbf-2023-16");
  });

  it("treats the table of contents' OCR error 千 as 干", () => {
    expect(resolver.resolveOne("朔政千发〔2023〕3号")?.docId).toBe("szgf-2023-3");
  });

  it("resolves a bare 24号文 when only one document has that serial", () => {
    expect(resolver.resolveOne("24号文是什么")?.docId).toBe("szbh-2023-24");
  });

  it("does not guess when 16号文 is ambiguous, but lists both candidates", () => {
    expect(resolver.resolveOne("16号文")).toBeNull();
    const [match] = resolver.resolve("16号文");
    expect(match!.candidates.map((c) => c.docId).sort()).toEqual(["szbf-2023-16", "szf-2023-16"]);
  });

  it("reports a number that is not in the collection with no candidates", () => {
    const [match] = resolver.resolve("朔政办发〔2023〕10号");
    expect(match!.parts).toMatchObject({ prefix: "朔政办发", year: 2023, serial: 10 });
    expect(match!.candidates).toEqual([]);
  });

  it("keeps a different year apart", () => {
    expect(resolver.resolveOne("朔政办发〔2022〕16号")).toBeNull();
  });

  it("parses the printed form into its parts", () => {
    expect(parseDocNumber("朔政办函〔2023〕24号")).toMatchObject({ prefix: "朔政办函", year: 2023, serial: 24 });
  });

  it("finds several numbers in order, without reading 2023年16号 twice", () => {
    expect(findDocNumbers("朔政发〔2023〕16号和朔政办发2023年16号").map((m) => m.text)).toEqual([
      "朔政发〔2023〕16号",
      "朔政办发2023年16号",
    ]);
  });
});
