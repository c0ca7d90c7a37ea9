/**
 * Section paths: a stack of open headings (NOTES §3.2–3.4, §6.12).
 *
 * Levels are not fixed per marker: a marker type takes the level at which it
 * first opens under its parent, as in the printed outline. Numbering decides
 * between "sibling" and "new nested list": a 3. after a box holding 1.–7.
 * continues the main list (closing the box) because the main list ended at 2.
 */
import type { SectionNode } from "./types";
import type { Draft } from "./classify";
import { FIXED_RANK, type MarkerType } from "./headings";

interface Frame {
  type: MarkerType;
  ordinal: number | null;
  title: string;
  /** A numbered list item that is not a heading: it keeps the numbering but is not part of the path. */
  ghost: boolean;
}

const BOX_TYPES: ReadonlySet<MarkerType> = new Set(["box", "table"]);

export function assignSections(drafts: Draft[]): { paths: string[][]; outline: SectionNode[] } {
  const stack: Frame[] = [];
  const paths: string[][] = [];
  const outline: SectionNode[] = [];
  const titles = () => stack.filter((f) => !f.ghost).map((f) => f.title);

  drafts.forEach((d, i) => {
    const prev = drafts[i - 1];
    // A table box closes with its last row.
    if (prev?.kind === "table-row" && d.kind !== "table-row" && stack.length > 0 && BOX_TYPES.has(stack[stack.length - 1]!.type)) stack.pop();
    if (d.reset) stack.length = 0;

    if (d.kind === "heading" && d.heading) {
      const { marker, title } = d.heading;
      placeHeading(stack, marker.type, marker.ordinal, title, false);
      paths.push(titles());
      outline.push({ title, level: titles().length, path: titles(), paragraphIndex: i });
      return;
    }
    if (d.kind === "heading") {
      // Document / attached-text titles: outside every section.
      stack.length = 0;
      paths.push([]);
      return;
    }
    if (d.listMarker) placeHeading(stack, d.listMarker.type, d.listMarker.ordinal, "", true);
    else if (d.kind === "text" && !d.splitBody && stack.length > 0 && stack[stack.length - 1]!.type === "dash") stack.pop();
    paths.push(titles());
  });

  reparentLeadingItem(drafts, paths, outline);
  return { paths, outline };
}

function indexOfType(stack: Frame[], type: MarkerType): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.type === type) return i;
  return -1;
}

/** Where a same-type frame continues the numbering (n = last + 1), searching from the innermost. */
function continuationIndex(stack: Frame[], type: MarkerType, ordinal: number | null): number {
  if (ordinal === null) return -1;
  for (let i = stack.length - 1; i >= 0; i--) {
    const f = stack[i]!;
    if (f.type === type && f.ordinal !== null && f.ordinal + 1 === ordinal) return i;
  }
  return -1;
}

function boxAbove(stack: Frame[], index: number): boolean {
  return stack.slice(index + 1).some((f) => BOX_TYPES.has(f.type));
}

function placeHeading(stack: Frame[], type: MarkerType, ordinal: number | null, title: string, ghost: boolean): void {
  const rank = FIXED_RANK[type];
  if (rank !== undefined) {
    // 第X章 > N.N > N.N.N: keep only frames of a strictly higher fixed rank.
    let keep = 0;
    for (let i = 0; i < stack.length; i++) {
      const r = FIXED_RANK[stack[i]!.type];
      if (r !== undefined && r < rank) keep = i + 1;
      else break;
    }
    stack.length = keep;
  } else if (BOX_TYPES.has(type)) {
    // A new box replaces an open one; otherwise it nests below the current heading.
    const open = stack.findIndex((f) => BOX_TYPES.has(f.type));
    if (open >= 0) stack.length = open;
  } else {
    const cont = continuationIndex(stack, type, ordinal);
    const same = indexOfType(stack, type);
    if (cont >= 0) stack.length = cont;
    else if (same >= 0 && !((ordinal === 1) && boxAbove(stack, same))) stack.length = same;
  }
  stack.push({ type, ordinal, title, ghost });
}

/**
 * NOTES §6.12: "（1）场地面积" is printed before its parent "6.5.1 航空消防起降点"
 * while its siblings （2）（3） follow the parent. Re-parent such a leading item.
 */
function reparentLeadingItem(drafts: Draft[], paths: string[][], outline: SectionNode[]): void {
  drafts.forEach((d, i) => {
    const next = drafts[i + 1];
    if (!d.heading || !next?.heading) return;
    const item = d.heading.marker;
    const parent = next.heading.marker;
    if (item.ordinal !== 1 || FIXED_RANK[item.type] !== undefined || FIXED_RANK[parent.type] === undefined) return;
    const sibling = drafts.slice(i + 2).find((x) => x.heading && (x.heading.marker.type === item.type || FIXED_RANK[x.heading.marker.type] !== undefined));
    if (!sibling?.heading || sibling.heading.marker.type !== item.type || sibling.heading.marker.ordinal !== 2) return;
    const path = [...paths[i + 1]!, d.heading.title];
    paths[i] = path;
    const node = outline.find((n) => n.paragraphIndex === i);
    if (node) {
      node.path = path;
      node.level = path.length;
    }
  });
}
