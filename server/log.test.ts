import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

describe('createLogger', () => {
  const at = new Date('2026-12-07T20:28:03.565Z');
  const lines: string[] = [];
  const log = createLogger(
    (l) => lines.push(l),
    () => at,
  );

  it('writes one JSON object per line: time, level, message, then the fields', () => {
    log.warn('slow', { ms: 1200 });
    expect(JSON.parse(lines.at(-1)!)).toEqual({
      time: at.toISOString(),
      level: 'warn',
      msg: 'slow',
      ms: 1200,
    });
  });

  it('keeps its own level when a field is called level (an alertSevere effect carries L3)', () => {
    log.info('effect', { type: 'alertSevere', level: 'L3', msg: 'x', time: 'y', eventId: 'e1' });
    expect(JSON.parse(lines.at(-1)!)).toEqual({
      time: at.toISOString(),
      level: 'info',
      msg: 'effect',
      type: 'alertSevere',
      eventId: 'e1',
      data: { level: 'L3', msg: 'x', time: 'y' },
    });
  });
});
