/**
 * Finds the parenthesised responsibility markers of one paragraph, wherever
 * they stand (D11 item 59 has one in mid-paragraph), and keeps track of the
 * 工作职责 context in which a bare unit list counts as a marker (form H).
 */
import type { Paragraph } from "../types";
import { ROSTER_LABELS } from "../normalise";
import { parseMarkerBody, type ParsedMarker } from "./marker-grammar";
import { bracketPairs, matchView, nameKey, type Span } from "./text";

export interface FoundMarker {
  parsed: ParsedMarker;
  /** Offsets of the whole bracket group, brackets included, in the paragraph text. */
  span: Span;
}

/** What may follow a closing list at the end of a duty item. */
const ITEM_END = /^[\s。；．.]*$/;

/**
 * All markers of a paragraph. `dutyContext` allows form H, and then only for a
 * bracket that closes the paragraph.
 */
export function findMarkers(text: string, dutyContext: boolean): FoundMarker[] {
  const view = matchView(text);
  const found: FoundMarker[] = [];
  for (const pair of bracketPairs(view)) {
    if (found.some((f) => pair.start >= f.span.start && pair.end <= f.span.end)) continue;
    const closesItem = ITEM_END.test(view.slice(pair.end));
    const body = { start: pair.start + 1, end: pair.end - 1 };
    const parsed = parseMarkerBody(view, body, { dutyContext: dutyContext && closesItem });
    if (parsed) found.push({ parsed, span: pair });
  }
  return found;
}

const DUTY_LIST_START = /^(工作职责|主要职责)：?$/;
const CN_HEADING = /^(?:[（][一二三四五六七八九十]+[）]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+章)/;
const LABEL = new RegExp(`^(?:${ROSTER_LABELS.join("|")})：`);

/**
 * Per paragraph: is it inside a 工作职责 list? The list opens with a
 * "工作职责：" line and closes at the next Chinese-numeral heading or roster
 * label (the next working group). Arabic-numbered duty items keep it open.
 */
export function dutyContexts(paragraphs: readonly Paragraph[]): boolean[] {
  let open = false;
  return paragraphs.map((p) => {
    const key = nameKey(p.text).replace(/^-/, "");
    if (DUTY_LIST_START.test(key)) {
      open = true;
      return false;
    }
    if (CN_HEADING.test(key) || LABEL.test(key)) open = false;
    const inPath = p.sectionPath.some((h) => DUTY_LIST_START.test(nameKey(h)));
    return open || inPath;
  });
}
