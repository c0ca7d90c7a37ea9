/**
 * 任免 notices (NOTES §7.4, D6):
 *
 *   …研究决定，任命：
 *   NAME为POST（试用期一年）；        one per paragraph, ；/。-terminated
 *   NAME为POST（兼），免去其POST职务。  an appointment can carry a removal
 *   免去：
 *   NAMEPOST职务；                    no separator between name and post
 *
 * A removal splits name from post where the post begins (朔州…, 山西…, 市…):
 * names are 2–3 characters. Posts keep their alternate names in brackets
 * (朔州开放大学（朔州老年开放大学）校长); the trailing notes （试用期一年） and （兼）
 * are not part of the post and are dropped (Appointment has no field for them yet).
 */
import type { Appointment, Paragraph } from "../types";
import { matchView, splitTopLevel } from "./text";

type Mode = "appoint" | "remove" | null;

const APPOINT_INTRO = /任命[：:]\s*$/;
const REMOVE_INTRO = /^免去[：:]\s*$/;
const END = /^特此(通知|决定)/;
const APPOINT = /^([\u3400-\u9fff]{2,3}?)为(.+)$/;
const REMOVE_ITS = /^免去其(.+?)职务$/;
const POST_START = /^(朔州|山西|中共|中国|市|县|区)/;
/** Only these brackets are notes; every other （…） belongs to the post (NOTES §7.4). */
const NOTE = /（(?:试用期一年|试用期[^（）]{0,4}|兼)）$/;

export function extractAppointments(paragraphs: Paragraph[]): Appointment[] {
  const out: Appointment[] = [];
  let mode: Mode = null;
  paragraphs.forEach((p, paragraphIndex) => {
    const text = p.text.trim();
    if (APPOINT_INTRO.test(text)) return void (mode = "appoint");
    if (REMOVE_INTRO.test(text)) return void (mode = "remove");
    if (END.test(text)) return void (mode = null);
    if (!mode) return;
    const view = matchView(text);
    let person: string | null = null;
    for (const span of splitTopLevel(view, { start: 0, end: view.length }, "；。，")) {
      const clause = view.slice(span.start, span.end).trim();
      const its = REMOVE_ITS.exec(clause);
      if (its && person) {
        out.push({ person, action: "remove", position: its[1]!, paragraphIndex });
        continue;
      }
      if (mode === "appoint") {
        const m = APPOINT.exec(clause);
        if (!m) continue;
        person = m[1]!;
        out.push({ person, action: "appoint", position: m[2]!.replace(NOTE, ""), paragraphIndex });
      } else {
        const removal = splitRemoval(clause);
        if (removal) out.push({ ...removal, action: "remove", paragraphIndex });
      }
    }
  });
  return out;
}

/** "高开新朔州开放大学（朔州老年开放大学）校长职务" → 高开新 + 朔州开放大学（朔州老年开放大学）校长. */
function splitRemoval(clause: string): { person: string; position: string } | null {
  const body = /^(.+?)职务$/.exec(clause)?.[1];
  if (!body) return null;
  for (const nameLength of [2, 3]) {
    const person = body.slice(0, nameLength);
    const position = body.slice(nameLength);
    if (/^[\u3400-\u9fff]+$/.test(person) && POST_START.test(position)) return { person, position };
  }
  return null;
}
