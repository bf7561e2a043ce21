import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config';
import { RefusalCounter, SLOW_REQUEST_MS, createLogger, shouldLogRequest } from './log';

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

describe('shouldLogRequest', () => {
  it('all: every request, as production logs them', () => {
    expect(shouldLogRequest('all', 200, 1)).toBe(true);
    expect(shouldLogRequest('all', 304, 0.2)).toBe(true);
  });

  it('problems (npm start): only failed or slow requests', () => {
    expect(shouldLogRequest('problems', 200, 3.9)).toBe(false);
    expect(shouldLogRequest('problems', 304, 0.2)).toBe(false);
    expect(shouldLogRequest('problems', 399, 10)).toBe(false);
    expect(shouldLogRequest('problems', 400, 1)).toBe(true);
    expect(shouldLogRequest('problems', 401, 1)).toBe(true);
    expect(shouldLogRequest('problems', 500, 1)).toBe(true);
    expect(shouldLogRequest('problems', 200, SLOW_REQUEST_MS - 0.1)).toBe(false);
    expect(shouldLogRequest('problems', 200, SLOW_REQUEST_MS)).toBe(true);
  });
});

describe('LOG_REQUESTS', () => {
  it('is all unless set to problems; anything else is refused', () => {
    expect(configFromEnv({}).logRequests).toBe('all');
    expect(configFromEnv({ LOG_REQUESTS: 'problems' }).logRequests).toBe('problems');
    expect(() => configFromEnv({ LOG_REQUESTS: 'none' })).toThrow(/LOG_REQUESTS=none/);
  });
});

describe('RefusalCounter', () => {
  it('logs the first, counts repeats for the quiet time, then logs with the count', () => {
    const counter = new RefusalCounter(1_000, 2);
    expect(counter.next('a', 0)).toBe(0);
    expect(counter.next('a', 500)).toBeUndefined();
    expect(counter.next('a', 999)).toBeUndefined();
    expect(counter.next('a', 1_000)).toBe(2);
    expect(counter.next('a', 1_500)).toBeUndefined();
  });

  it('forgets the oldest client beyond its bound (a scan cannot grow it without end)', () => {
    const counter = new RefusalCounter(1_000, 2);
    expect(counter.next('a', 0)).toBe(0);
    expect(counter.next('b', 0)).toBe(0);
    expect(counter.next('c', 0)).toBe(0); // 'a' forgotten
    expect(counter.next('a', 1)).toBe(0);
    expect(counter.next('c', 2)).toBeUndefined();
  });
});
