/**
 * A document lookup (朔政办发〔2023〕16号, 16号文讲的什么): what the document is, as
 * labelled fields of the parsed document. A question about its date or issuer
 * gets that field first.
 */
import type { PolicyDocument } from "../../corpus/types";
import { chineseDate, quoteLine } from "../lines";
import { splitSentences } from "../../text/sentences";
import type { AnswerLine } from "../types";
import type { Composer } from "./types";

export const composeDocument: Composer = (ctx) => {
  const docId = ctx.query.document?.docId ?? ctx.citations[0]?.docId;
  const doc = docId ? ctx.engine.documentById.get(docId) : undefined;
  if (!doc) return null;
  const fromDoc = ctx.citations.filter((c) => c.docId === doc.id);
  const fields = documentFields(doc);
  const asked = askedField(ctx.query.text, ctx.query.asks);
  const order = asked ? [asked, ...FIELD_ORDER.filter((f) => f !== asked)] : FIELD_ORDER;
  const lines: AnswerLine[] = [];
  for (const name of order) {
    const field = fields[name];
    if (!field) continue;
    const label = `${FIELD_LABEL[name]}：`;
    lines.push({
      kind: lines.length === 0 ? "fact" : "field",
      text: `${label}${field}`,
      ...(lines.length === 0 ? { highlight: [label.length, label.length + field.length] as [number, number] } : {}),
    });
  }
  const quoted: string[] = [];
  const first = fromDoc.find((c) => c.sectionPath.length > 0) ?? fromDoc[0];
  const sentence = first ? splitSentences(first.text).find((s) => s.text.length > 12 && s.text.length <= MAX_KEY_SENTENCE && !s.text.startsWith(doc.title)) : undefined;
  if (first && sentence) {
    lines.push(quoteLine(sentence.text, first));
    quoted.push(sentence.text);
  }
  return { lines, used: first ? [first] : [], quoted, units: [] };
};

/** The document's key sentence is quoted only when short enough to read out; the outline says the rest. */
const MAX_KEY_SENTENCE = 120;

type FieldName = "title" | "number" | "issuer" | "date" | "attached" | "outline";

const FIELD_ORDER: FieldName[] = ["title", "number", "issuer", "date", "attached", "outline"];
const FIELD_LABEL: Record<FieldName, string> = {
  title: "标题",
  number: "文号",
  issuer: "发文机关",
  date: "成文日期",
  attached: "印发文件",
  outline: "主要内容",
};

function documentFields(doc: PolicyDocument): Record<FieldName, string | null> {
  const outline = doc.outline.filter((s) => s.level === 1).map((s) => s.title);
  return {
    title: `《${doc.title}》`,
    number: doc.docNumber,
    issuer: doc.issuer,
    date: chineseDate(doc.date),
    attached: doc.attachedTitle ? `《${doc.attachedTitle}》` : null,
    outline: outline.length ? outline.join("；") : null,
  };
}

function askedField(question: string, asks: string): FieldName | null {
  if (asks === "date" || /日期|哪天|什么时候|何时|啥时候|印发时间|发布时间|成文/u.test(question)) return "date";
  if (/(发文)?机关|谁发的|哪个(单位|部门)发/u.test(question)) return "issuer";
  if (/文号|多少号|编号/u.test(question)) return "number";
  if (/标题|名称|叫什么/u.test(question)) return "title";
  return null;
}
