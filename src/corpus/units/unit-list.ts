/**
 * LIST := UNIT (、UNIT)* 等?  (NOTES §4.1 grammar)
 *
 * Lists are split on 、，； outside brackets, so the three spellings of
 * 各县（市、区）/ 各县(市、区) / 各县〔市、区〕 stay whole (the matching view
 * maps all of them to （市、区）). A trailing 等 / 等部门 / 等相关部门 closes a
 * list and is dropped; "X等相关部门和Y" (D11 item 67) joins two lists.
 */
import { splitTopLevel, trimSpan, type Span } from "./text";
import { looksLikeUnit } from "./unit-names";

const LIST_SEPARATORS = "、，；";
/** 等, 等部门, 等相关部门, 等有关单位 … at the end of a list item. */
const TRAILING_ETC = /等(?:相关|有关)?(?:部门|单位)?$/;
/** "等相关部门和" / "等部门和" between two lists. */
const ETC_AND = /等(?:相关|有关)?(?:部门|单位)?和/g;

/**
 * Splits a list into item spans over `view`. Spans are narrowed so that the
 * item text is exactly the unit name as written.
 */
export function splitUnitList(view: string, span: Span): Span[] {
  const items: Span[] = [];
  for (const piece of splitTopLevel(view, span, LIST_SEPARATORS)) {
    for (const part of splitOnEtcAnd(view, piece)) {
      const trimmed = trimSpan(view, part);
      const text = view.slice(trimmed.start, trimmed.end);
      const etc = TRAILING_ETC.exec(text);
      const end = etc && etc.index > 0 ? trimmed.start + etc.index : trimmed.end;
      if (end > trimmed.start) items.push({ start: trimmed.start, end });
    }
  }
  return items;
}

function splitOnEtcAnd(view: string, span: Span): Span[] {
  const text = view.slice(span.start, span.end);
  const parts: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(ETC_AND)) {
    parts.push({ start: span.start + from, end: span.start + m.index });
    from = m.index + m[0].length;
  }
  parts.push({ start: span.start + from, end: span.end });
  return parts.filter((p) => p.end > p.start);
}

/** True when the span is a non-empty list whose every item looks like a unit name. */
export function isUnitList(view: string, span: Span): boolean {
  const items = splitUnitList(view, span);
  return items.length > 0 && items.every((it) => looksLikeUnit(view.slice(it.start, it.end)));
}
