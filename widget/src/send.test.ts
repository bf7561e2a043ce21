import { describe, expect, it, vi } from 'vitest';
import { retryAfterMs, send } from './send';

const answer = (status: number, body: unknown = {}, headers: Record<string, string> = {}) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status, headers }));

describe('send', () => {
  it('posts JSON with the visitor’s language and no cookies', async () => {
    const fetchFn = answer(201, { id: 'a', caseNumber: '2611-0001' });
    const r = await send(
      'https://desk.example/api/v1/intake',
      '{"id":"a"}',
      'zh-CN',
      fetchFn as never,
    );
    expect(r).toEqual({ kind: 'ok', receipt: { id: 'a', caseNumber: '2611-0001' } });
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://desk.example/api/v1/intake');
    expect(init).toMatchObject({ method: 'POST', body: '{"id":"a"}', credentials: 'omit' });
    expect(init.headers).toEqual({
      'content-type': 'application/json',
      'accept-language': 'zh-CN',
    });
  });

  it.each([
    [200, { id: 'a' }, 'ok'],
    [202, { id: 'a' }, 'ok'],
    [
      400,
      { errors: [{ path: 'description', code: 'validation.tooShort', message: 'x' }] },
      'invalid',
    ],
    [422, { errors: [{ path: '', code: 'x', message: 'x' }] }, 'invalid'],
    [413, {}, 'tooLarge'],
    [429, {}, 'rateLimited'],
    [403, { errors: [] }, 'rejected'],
    [409, {}, 'rejected'],
    [408, {}, 'retry'],
    [500, {}, 'retry'],
    [503, 'not json', 'retry'],
  ])('%i → %s', async (status, body, kind) => {
    expect((await send('/i', '{}', 'en', answer(status, body) as never)).kind).toBe(kind);
  });

  it('a network failure is worth retrying', async () => {
    const fetchFn = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await send('/i', '{}', 'en', fetchFn as never)).toEqual({ kind: 'retry' });
  });

  it('429 reads Retry-After', async () => {
    const r = await send('/i', '{}', 'en', answer(429, {}, { 'retry-after': '42' }) as never);
    expect(r).toEqual({ kind: 'rateLimited', status: 429, retryAfterMs: 42_000 });
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-11-16T10:00:00Z');
  it.each([
    ['120', 120_000],
    ['0', 1000],
    [null, 60_000],
    ['soon', 60_000],
    ['Mon, 16 Nov 2026 10:05:00 GMT', 300_000],
    ['99999', 3_600_000],
  ])('%s → %i ms', (header, ms) => {
    expect(retryAfterMs(header, now)).toBe(ms);
  });
});
