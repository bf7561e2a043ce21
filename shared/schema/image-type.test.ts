import { describe, expect, it } from 'vitest';
import { sniffImageType } from './image-type';

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('sniffImageType', () => {
  it.each([
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), 'image/png'],
    ['WebP', bytes(...ascii('RIFF'), 1, 2, 3, 4, ...ascii('WEBP')), 'image/webp'],
    [
      'RIFF that is not WebP (WAV)',
      bytes(...ascii('RIFF'), 1, 2, 3, 4, ...ascii('WAVE')),
      undefined,
    ],
    ['GIF', bytes(...ascii('GIF89a')), undefined],
    ['HTML pretending to be an image', bytes(...ascii('<html><script>')), undefined],
    ['truncated JPEG', bytes(0xff, 0xd8), undefined],
    ['empty', bytes(), undefined],
  ])('%s → %s', (_, input, expected) => {
    expect(sniffImageType(input)).toBe(expected);
  });
});
