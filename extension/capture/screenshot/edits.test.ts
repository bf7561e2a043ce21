import { describe, expect, it } from 'vitest';
import { plan, rectBetween, sizeAfter, toImagePoint } from './edits';

const SIZE = { w: 1280, h: 800 };

describe('screenshot edits', () => {
  it.each([
    [
      { x: 10, y: 20 },
      { x: 110, y: 70 },
      { x: 10, y: 20, w: 100, h: 50 },
    ],
    [
      { x: 110, y: 70 },
      { x: 10, y: 20 },
      { x: 10, y: 20, w: 100, h: 50 },
    ],
    [
      { x: -50, y: -5 },
      { x: 2000, y: 900 },
      { x: 0, y: 0, w: 1280, h: 800 },
    ],
    [{ x: 10, y: 10 }, { x: 12, y: 40 }, undefined],
  ])('the drag %j → %j is %j', (a, b, rect) => {
    expect(rectBetween(a, b, SIZE)).toEqual(rect);
  });

  it('maps a point on the shrunken display to the picture', () => {
    expect(toImagePoint({ x: 160, y: 100 }, { w: 320, h: 200 }, SIZE)).toEqual({ x: 640, y: 400 });
  });

  it('crops compose, and marks move into the cropped picture', () => {
    const edits = [
      { kind: 'redact' as const, rect: { x: 100, y: 100, w: 50, h: 20 } },
      { kind: 'crop' as const, rect: { x: 80, y: 90, w: 400, h: 300 } },
      { kind: 'highlight' as const, rect: { x: 5, y: 5, w: 10, h: 10 } },
      { kind: 'crop' as const, rect: { x: 10, y: 0, w: 200, h: 100 } },
    ];
    expect(sizeAfter(SIZE, edits)).toEqual({ w: 200, h: 100 });
    expect(plan(SIZE, edits)).toEqual({
      crop: { x: 90, y: 90, w: 200, h: 100 },
      marks: [
        { kind: 'redact', rect: { x: 10, y: 10, w: 50, h: 20 } },
        // The highlight's left part was cropped away.
        { kind: 'highlight', rect: { x: 0, y: 5, w: 5, h: 10 } },
      ],
    });
  });

  it('a redaction cropped away entirely is dropped; one half cut keeps its visible half', () => {
    const { marks } = plan(SIZE, [
      { kind: 'redact', rect: { x: 0, y: 0, w: 10, h: 10 } },
      { kind: 'redact', rect: { x: 90, y: 0, w: 20, h: 10 } },
      { kind: 'crop', rect: { x: 100, y: 0, w: 100, h: 100 } },
    ]);
    expect(marks).toEqual([{ kind: 'redact', rect: { x: 0, y: 0, w: 10, h: 10 } }]);
  });
});
