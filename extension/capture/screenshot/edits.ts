// Screenshot edits made in the side panel before the picture may leave the device: crop to an
// area, highlight an area, black out an area (personal data). Pure geometry here; `render.ts`
// draws them. Every rectangle is in the pixels of the picture as it stands before that edit.

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type EditKind = 'crop' | 'highlight' | 'redact';

export interface Edit {
  kind: EditKind;
  rect: Rect;
}

export interface Size {
  w: number;
  h: number;
}

/** Too small to mean anything: a click, not a drag. */
export const MIN_SIDE = 4;

/** The rectangle between two points, clamped to the picture; undefined when smaller than MIN_SIDE. */
export function rectBetween(
  a: { x: number; y: number },
  b: { x: number; y: number },
  size: Size,
): Rect | undefined {
  const clamp = (v: number, max: number) => Math.min(Math.max(Math.round(v), 0), max);
  const x1 = clamp(Math.min(a.x, b.x), size.w);
  const y1 = clamp(Math.min(a.y, b.y), size.h);
  const x2 = clamp(Math.max(a.x, b.x), size.w);
  const y2 = clamp(Math.max(a.y, b.y), size.h);
  const rect = { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
  return rect.w >= MIN_SIDE && rect.h >= MIN_SIDE ? rect : undefined;
}

/** A point on the displayed picture (CSS pixels) in the picture's own pixels. */
export function toImagePoint(
  point: { x: number; y: number },
  displayed: Size,
  natural: Size,
): { x: number; y: number } {
  return {
    x: (point.x * natural.w) / (displayed.w || 1),
    y: (point.y * natural.h) / (displayed.h || 1),
  };
}

/** The picture's size after the edits (only a crop changes it). */
export function sizeAfter(size: Size, edits: readonly Edit[]): Size {
  return edits.reduce((s, e) => (e.kind === 'crop' ? { w: e.rect.w, h: e.rect.h } : s), size);
}

/**
 * The edits as drawing steps on the ORIGINAL picture: the final crop (crops compose), and each
 * highlight or redaction moved into the final picture's coordinates. A redaction that a later
 * crop cuts away entirely leaves nothing to draw.
 */
export function plan(size: Size, edits: readonly Edit[]): { crop: Rect; marks: Edit[] } {
  let crop: Rect = { x: 0, y: 0, w: size.w, h: size.h };
  let marks: Edit[] = [];
  for (const e of edits) {
    if (e.kind === 'crop') {
      const next = { x: crop.x + e.rect.x, y: crop.y + e.rect.y, w: e.rect.w, h: e.rect.h };
      marks = marks
        .map((m) => ({
          ...m,
          rect: intersect(shift(m.rect, -e.rect.x, -e.rect.y), e.rect.w, e.rect.h),
        }))
        .filter((m): m is Edit => !!m.rect);
      crop = next;
    } else marks.push(e);
  }
  return { crop, marks };
}

const shift = (r: Rect, dx: number, dy: number): Rect => ({ ...r, x: r.x + dx, y: r.y + dy });

function intersect(r: Rect, w: number, h: number): Rect | undefined {
  const x = Math.max(r.x, 0);
  const y = Math.max(r.y, 0);
  const x2 = Math.min(r.x + r.w, w);
  const y2 = Math.min(r.y + r.h, h);
  return x2 > x && y2 > y ? { x, y, w: x2 - x, h: y2 - y } : undefined;
}
