/**
 * Government web pages (and the HTML mammoth makes of a Word file) → gazette
 * lines, with cheerio as the parser.
 *
 * The body is found by structure and text density, not by one site's class
 * names: structural chrome (nav, header, footer, aside, script, form) goes
 * first; then every text block scores by its length and its Chinese
 * punctuation, and passes its score to its parent and (half) to its
 * grandparent; the best-scoring container whose text is not mostly links is the
 * body. The metadata table (索引号 | 发文机关 | 成文日期 | 发文字号 | 主题分类 …)
 * is read from label/value cells anywhere on the page. Lines of site
 * boilerplate (打印本页, 关闭窗口, 网站标识码, ICP备案 …) are dropped even inside
 * the body.
 */
import * as cheerio from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { skip, type IngestedText, type ReadResult } from "./types";

/** Labels of the metadata table, as gov.cn sites print them. */
export const METADATA_LABELS = ["索引号", "主题分类", "发文机关", "成文日期", "发文字号", "发布日期", "标题", "名称", "文号", "主题词", "有效性"] as const;

const LABEL = new RegExp(`^(${METADATA_LABELS.join("|")})\\s*[:：]?\\s*$`);
const LABEL_VALUE = new RegExp(`^(${METADATA_LABELS.join("|")})\\s*[:：]\\s*(.+)$`);

/** Site furniture that is never policy text. */
export const BOILERPLATE =
  /打印本页|关闭窗口|网站标识码|ICP备|公网安备|分享到|【\s*字体|字号[：:]?\s*[大中小]|扫一扫|浏览次数|访问量|责任编辑|上一篇|下一篇|版权所有|主办单位|承办单位|网站地图|联系我们|您当前的位置|当前位置|打印\s*\|?\s*关闭|^\s*【?(?:打印|关闭|收藏|大|中|小)】?\s*$/;

const BLOCK_TAGS = new Set(["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "section", "article", "blockquote", "pre", "tr", "table", "ul", "ol", "main", "dd", "dt", "center"]);
const CHROME = "script, style, noscript, iframe, nav, header, footer, aside, form, button, select, input, textarea, svg, canvas";

/** A web page → gazette lines for one document. */
export function readHtml(html: string): ReadResult {
  const $ = cheerio.load(html);
  const fields = readMetadata($);
  $(CHROME).remove();
  const body = findBody($);
  if (!body) return skip("no-document", "no block of text found in the page");
  const removed: string[] = [];
  // The metadata table sits next to the body on most sites; inside it, it must not become policy text.
  $(body).find("table").filter((_, t) => isMetadataTable($, t)).remove();
  const lines = blockLines($, body).filter((line) => {
    if (BOILERPLATE.test(line)) {
      removed.push(line);
      return false;
    }
    return true;
  });
  const title = pageTitle($, fields);
  const docNumber = fields["发文字号"] ?? fields["文号"] ?? null;
  if (title !== null && lines[0] !== undefined && squash(lines[0]) === squash(title)) lines.shift();
  const head: string[] = [];
  if (title !== null) head.push(title);
  // Many sites print the 文号 only in the metadata table: the parser anchors documents on that line.
  if (docNumber !== null && !lines.slice(0, 5).some((l) => squash(l) === squash(docNumber))) head.push(docNumber);
  const all = [...head, ...lines];
  if (all.length === 0) return skip("no-document", "the page has no text");
  const value: IngestedText = { format: "html", text: all.join("\n\n"), linePages: null, kind: "document", fields, removed };
  return { ok: true, value };
}

/**
 * Block-level text of an element, one line per block, tables as TAB-separated
 * rows. Exported for the Word reader, whose HTML has the same shape.
 */
export function blockLines($: cheerio.CheerioAPI, root: AnyNode): string[] {
  const out: string[] = [];
  let inline = "";
  const flush = () => {
    const text = clean(inline);
    if (text !== "") out.push(text);
    inline = "";
  };
  const walk = (node: AnyNode) => {
    if (node.type === "text") {
      inline += (node as unknown as { data: string }).data;
      return;
    }
    if (node.type !== "tag") return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (tag === "br") {
      flush();
      return;
    }
    if (tag === "tr") {
      flush();
      const cells = $(el).children("td, th").toArray().map((c) => clean($(c).text()));
      if (cells.some((c) => c !== "")) out.push(cells.join("\t"));
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (const child of el.children) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}

function readMetadata($: cheerio.CheerioAPI): Record<string, string> {
  const fields: Record<string, string> = {};
  const put = (label: string, value: string) => {
    const v = clean(value);
    if (v !== "" && fields[label] === undefined) fields[label] = v;
  };
  // Label cell followed by its value cell: <td>发文字号：</td><td>朔政办发〔2024〕3号</td> (also th/td, dt/dd, span/span).
  $("td, th, dt, span, b, strong, label, li, p, div").each((_, el) => {
    // Labels are padded to one width (索 引 号：, 标　　题：): spaces go before matching.
    const own = clean($(el).text()).replace(/(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff：:])/g, "");
    const lv = LABEL_VALUE.exec(own);
    // "label：value" in one leaf element only; a container's text merely starts with a label.
    if (lv && $(el).find("td, th, div, p, li, table, dd").length === 0 && [...lv[2]!].length <= 120) {
      put(lv[1]!, lv[2]!);
      return;
    }
    const m = LABEL.exec(own);
    if (!m) return;
    const next = $(el).next();
    if (next.length > 0) put(m[1]!, next.text());
  });
  return fields;
}

function isMetadataTable($: cheerio.CheerioAPI, table: Element): boolean {
  const cells = $(table).find("td, th").toArray().map((c) => squash($(c).text()));
  return cells.filter((c) => LABEL.test(c) || LABEL_VALUE.test(c)).length >= 2;
}

/**
 * Readability-style scoring: a paragraph-like block (≥ 10 characters, less than
 * half links) scores 1 + its commas and full stops + its length / 100 (max 3);
 * the score goes to the parent and half of it to the grandparent.
 */
function findBody($: cheerio.CheerioAPI): Element | null {
  const scores = new Map<Element, number>();
  const add = (el: Element | null, s: number) => {
    if (el && el.type === "tag") scores.set(el, (scores.get(el) ?? 0) + s);
  };
  $("body p, body div, body td, body li, body pre, body section, body article").each((_, el) => {
    if ($(el).children().toArray().some((c) => c.type === "tag" && BLOCK_TAGS.has(c.tagName.toLowerCase()) && c.tagName.toLowerCase() !== "span")) {
      // Not a leaf block: its text is counted through its children.
      if (!["p", "pre"].includes(el.tagName.toLowerCase())) return;
    }
    const text = clean($(el).text());
    if ([...text].length < 10 || linkDensity($, el) > 0.5) return;
    const score = 1 + (text.match(/[，。；、,]/g)?.length ?? 0) + Math.min([...text].length / 100, 3);
    const parent = el.parent as Element | null;
    add(parent, score);
    add((parent?.parent as Element | null) ?? null, score / 2);
  });
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, s] of scores) {
    const adjusted = s * (1 - linkDensity($, el));
    if (adjusted > bestScore) {
      best = el;
      bestScore = adjusted;
    }
  }
  return best ?? ($("body").get(0) as Element | undefined) ?? null;
}

function linkDensity($: cheerio.CheerioAPI, el: Element): number {
  const all = clean($(el).text()).length;
  if (all === 0) return 0;
  const links = $(el)
    .find("a")
    .toArray()
    .reduce((n, a) => n + clean($(a).text()).length, 0);
  return links / all;
}

function pageTitle($: cheerio.CheerioAPI, fields: Record<string, string>): string | null {
  const fromField = fields["标题"] ?? fields["名称"];
  if (fromField) return squash(fromField);
  const h = $("h1").first().text() || $("h2").first().text();
  if (clean(h) !== "") return squash(h);
  const t = clean($("title").text()).split(/[_|—-]/)[0] ?? "";
  return t === "" ? null : squash(t);
}

/** Entities are decoded by cheerio; runs of spaces (incl. NBSP and U+3000 used for indents) collapse. */
function clean(text: string): string {
  return text.replace(/[\u00a0\u3000\s]+/g, " ").trim();
}

/** Chinese titles and numbers contain no spaces: wrap and indent spaces go. */
function squash(text: string): string {
  return text.replace(/[\u00a0\u3000\s]+/g, "");
}
