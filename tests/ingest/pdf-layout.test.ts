import { describe, expect, it } from "vitest";
import { layoutPdf, pageNumberOf, shapeKey, type PdfPage, type PdfTextItem } from "../../src/ingest/pdf-layout";
import { textQuality, unreadableReason } from "../../src/ingest/text-quality";

// A 400 × 600 page, 10-point text, block from x=50 to x=350 (30 glyphs a line).
const SIZE = 10;
const item = (str: string, x: number, y: number): PdfTextItem => ({ str, x, y, width: [...str].length * SIZE, height: SIZE });
const fullLine = (text: string, y: number, indent = false) => item(text, indent ? 70 : 50, y);

/** A full paragraph at the bottom of every page sets the text block, as real prose does. */
const PROSE = (y: number) => [item("一".repeat(28), 70, y), item("二".repeat(29) + "。", 50, y - 20)];

function page(number: number, body: PdfTextItem[], furniture = true): PdfPage {
  const items = [...body];
  // Furniture drawn FIRST in the content stream, as many producers do.
  if (furniture) items.unshift(item(`— ${number} —`, 185, 30), item("朔州市人民政府公报 2024年第1期", 125, 570));
  return { number, width: 400, height: 600, items };
}

const A = "一".repeat(28); // 28 glyphs from x=70 reach x=350: a full indented first line
const B = "二".repeat(30); // 30 glyphs from x=50: a full continuation line

describe("layoutPdf", () => {
  it("orders lines by position, not by content-stream order", () => {
    const p = page(1, [item("第二行。", 70, 480), item("第一行。", 70, 500), ...PROSE(100)]);
    const out = layoutPdf([p, page(2, [item("第三行。", 70, 500)])]);
    expect(out.text.split("\n").filter(Boolean)).toEqual(["第一行。", "第二行。", `${"一".repeat(28)}${"二".repeat(29)}。`, "第三行。"]);
  });

  it("joins items of one baseline and turns wide gaps into TABs (table cells)", () => {
    const out = layoutPdf([page(1, [item("类别", 50, 500), item("指标", 150, 500), item("属性", 250, 500)], false)]);
    expect(out.text).toBe("类别\t指标\t属性");
  });

  it("removes running headers and footers repeated across pages and reads the printed page number", () => {
    const pages = [1, 2, 3].map((n) => page(n, [item(`第${n}页的正文。`, 70, 500), ...(n === 3 ? PROSE(300) : [])]));
    const out = layoutPdf(pages);
    expect(out.text).not.toContain("公报");
    expect(out.text).not.toContain("—");
    expect(out.removed).toContain("朔州市人民政府公报 2024年第1期");
    expect(out.linePages!.filter((_, i) => out.text.split("\n")[i] !== "")).toEqual([1, 2, 3, 3]);
  });

  it("keeps a body line that repeats on every page when it is not at the top or bottom", () => {
    const pages = [1, 2, 3].map((n) => page(n, [item("特此通知。", 70, 300), item(`正文${n}。`, 70, 280)]));
    expect(layoutPdf(pages).text.match(/特此通知/g)).toHaveLength(3);
  });

  it("uses the printed page number of the footer, not the physical page", () => {
    const pages = [1, 2].map((n) => ({ ...page(n, [], false), items: [item("正文。", 70, 500), ...PROSE(300), item(`- ${n + 12} -`, 185, 30)] }));
    const out = layoutPdf(pages);
    expect(out.linePages!.filter((_, i) => out.text.split("\n")[i] !== "")).toEqual([13, 13, 14, 14]);
  });

  it("joins wrapped lines of a paragraph, keeps indented lines apart, and joins a paragraph cut by a page break", () => {
    const p1 = page(1, [fullLine(A, 500, true), fullLine(B, 480), fullLine("短句结束。", 460), fullLine(A, 440, true), fullLine(B, 420)]);
    const p2 = page(2, [fullLine("续完。", 500), fullLine("新段落。", 480, true)]);
    const out = layoutPdf([p1, p2]);
    expect(out.text.split("\n").filter(Boolean)).toEqual([`${A}${B}短句结束。`, `${A}${B}续完。`, "新段落。"]);
    expect(out.pageBreakJoins).toBe(1);
    // The cut paragraph starts on page 1.
    const lines = out.text.split("\n");
    expect(out.linePages![lines.indexOf(`${A}${B}续完。`)]).toBe(1);
  });

  it("does not join across a page break when the next page starts indented", () => {
    const out = layoutPdf([page(1, [fullLine(A, 500, true), fullLine(B, 480)]), page(2, [fullLine("新段落。", 500, true)])]);
    expect(out.text.split("\n").filter(Boolean)).toEqual([`${A}${B}`, "新段落。"]);
  });
});

describe("page furniture shapes", () => {
  it("folds digits so every page's header has one shape", () => {
    expect(shapeKey("2024年第1期 · 第 3 页")).toBe(shapeKey("2024年第1期 · 第 14 页"));
  });
  it("reads lone page numbers in the usual forms", () => {
    expect(["3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 9 页", "3/9"].map(pageNumberOf)).toEqual([3, 3, 3, 3, 3, 3]);
    expect(pageNumberOf("2023年")).toBeNull();
    expect(pageNumberOf("一、总体要求")).toBeNull();
  });
});

describe("unreadable text detection", () => {
  const good = "朔州市人民政府办公室关于印发朔州市新污染物治理行动方案的通知。".repeat(4);

  it("accepts ordinary Chinese text", () => {
    expect(unreadableReason(good, 1)).toBeNull();
    expect(textQuality(good).bad).toBe(0);
  });

  it("reports text extracted without a ToUnicode map (U+FFFD, private-use, control characters)", () => {
    for (const noise of ["\ufffd", "\ue000\ue1a2", "\u0001\u0002"]) {
      const r = unreadableReason(noise.repeat(40) + good.slice(0, 20), 1);
      expect(r).toMatchObject({ ok: false, reason: "unreadable-font" });
    }
  });

  it("reports a scan: pages but no text", () => {
    expect(unreadableReason("", 3)).toMatchObject({ ok: false, reason: "no-text-layer" });
    expect(unreadableReason("第1页", 3)).toMatchObject({ ok: false, reason: "no-text-layer" });
  });

  it("flags a PDF whose glyphs map to private-use code points after layout", () => {
    const garbage = [1, 2].map((n) => page(n, [item("\ue010\ue011\ue012\ue013".repeat(7), 70, 500), item("\ue020\ue021".repeat(15), 50, 480)]));
    expect(unreadableReason(layoutPdf(garbage).text, 2)).toMatchObject({ reason: "unreadable-font" });
  });
});
