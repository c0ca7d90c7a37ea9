/**
 * Which documents a later document repeals, replaces or revises: sentences such
 * as "…《…的通知》（朔政办发〔2023〕13号）同时废止", "本方案代替《…》（…号）",
 * "…（…号）停止执行". Links go both ways (replaces / replacedBy) when the
 * earlier document is in the collection; otherwise the later one still records
 * the number it names. Pure.
 */
import type { DocumentLink, DocumentRelation, PolicyDocument } from "./types";
import { docNumberKey } from "./layout";

const NUMBER = /[\u4e00-\u9fff]{2,10}[〔［[（(]\d{4}[〕］\]）)]\d+号/g;
/**
 * The relation word must stand right after the number ("（…13号）同时废止") or,
 * for 代替, before it ("本方案代替《…》（…号）"): a 文号 cited as a basis next to
 * a title that merely contains 修订 ("《…条例（2019年修订）》") is no link.
 */
const AFTER = /^[）)]?(?:的)?(?:文件)?(?:同时|予以|即行|自即日起|自发布之日起)?(废止|停止执行|失效|不再执行|作废|(?:进行了?)?修订)/;
const BEFORE = /(代替|替代|取代)[^。；]{0,60}$/;
const RELATION_OF: Record<string, DocumentRelation> = { 废止: "废止", 停止执行: "废止", 失效: "废止", 不再执行: "废止", 作废: "废止", 代替: "代替", 替代: "代替", 取代: "代替", 修订: "修订" };

/** Fills `replaces` and `replacedBy` of every document (in place). */
export function linkReplacements(documents: PolicyDocument[]): void {
  const byKey = new Map(documents.map((d) => [docNumberKey(d.docNumber), d]));
  for (const doc of documents) {
    for (const sentence of doc.text.split(/(?<=[。；！？\n])/)) {
      if (!/废止|停止执行|失效|不再执行|作废|代替|替代|取代|修订/.test(sentence)) continue;
      for (const m of sentence.matchAll(NUMBER)) {
        const word = AFTER.exec(sentence.slice(m.index + m[0].length))?.[1] ?? BEFORE.exec(sentence.slice(0, m.index))?.[1];
        if (word === undefined) continue;
        const relation = RELATION_OF[word.replace(/^进行了?/, "")]!;
        const key = docNumberKey(m[0]);
        if (key === docNumberKey(doc.docNumber)) continue;
        const target = byKey.get(key) ?? null;
        // An older text only: a document does not repeal a later one.
        if (target && target.date !== "" && doc.date !== "" && target.date > doc.date) continue;
        const named = /《([^《》]+)》[（(]?$/.exec(sentence.slice(0, m.index))?.[1] ?? null;
        if (doc.replaces.some((l) => docNumberKey(l.docNumber) === key)) continue;
        const text = sentence.trim();
        doc.replaces.push({ docId: target?.id ?? null, docNumber: target?.docNumber ?? m[0], title: target?.title ?? named, relation, sentence: text });
        if (target) target.replacedBy.push({ docId: doc.id, docNumber: doc.docNumber, title: doc.title, relation, sentence: text });
      }
    }
  }
}
