import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Outbox, type OutboxItem, type Settled, createOutbox } from './outbox';

let seq = 0;
const opened: Outbox[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) o.close();
});

function setup(answers: (() => Response | Promise<Response>)[]) {
  let t = 1_000_000;
  const fetchFn = vi.fn(async () => {
    const next = answers.shift();
    if (!next) throw new TypeError('offline');
    return next();
  });
  const target = new EventTarget() as unknown as Window;
  const name = `outbox-test-${seq++}`;
  const outbox = createOutbox({
    name,
    fetchFn: fetchFn as never,
    now: () => t,
    random: () => 0.5,
    target,
    locks: undefined,
  });
  opened.push(outbox);
  const settled: Settled[] = [];
  outbox.subscribe((s) => settled.push(s));
  /** What the outbox's database holds, read beside it. */
  const stored = async () => {
    const db = new Dexie(name);
    db.version(1).stores({ items: 'id, nextAt' });
    try {
      return (await db.table('items').toArray()) as OutboxItem[];
    } finally {
      db.close();
    }
  };
  return { outbox, fetchFn, settled, target, stored, advance: (ms: number) => (t += ms) };
}

const item = (id: string) => ({
  id,
  endpoint: '/api/v1/intake',
  body: `{"id":"${id}"}`,
  locale: 'en' as const,
});
const ok = (id: string) => () =>
  new Response(JSON.stringify({ id, caseNumber: '2611-0001' }), { status: 201 });

describe('outbox', () => {
  it('keeps one entry per client UUID', async () => {
    const { outbox } = setup([]);
    await outbox.enqueue(item('a'));
    await outbox.enqueue(item('a'));
    expect(await outbox.size()).toBe(1);
  });

  it('waits for the backoff, then delivers once and forgets the entry', async () => {
    const { outbox, fetchFn, settled, advance } = setup([ok('a')]);
    await outbox.enqueue(item('a'));
    await outbox.flush();
    expect(fetchFn).not.toHaveBeenCalled(); // not due yet (first wait 1.5 s with random 0.5)
    advance(1500);
    await outbox.flush();
    await outbox.flush();
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(settled).toEqual([
      { id: 'a', outcome: { kind: 'ok', receipt: { id: 'a', caseNumber: '2611-0001' } } },
    ]);
    expect(await outbox.size()).toBe(0);
  });

  it('backs off exponentially while the network fails', async () => {
    const { outbox, fetchFn, advance } = setup([]);
    await outbox.enqueue(item('a'));
    for (const wait of [1500, 3000, 6000]) {
      advance(wait - 1);
      await outbox.flush();
      const before = fetchFn.mock.calls.length;
      advance(1);
      await outbox.flush();
      expect(fetchFn.mock.calls.length).toBe(before + 1);
    }
    expect(await outbox.size()).toBe(1);
  });

  it('sends everything at once when the browser comes back online', async () => {
    const { outbox, fetchFn, settled, target } = setup([ok('a'), ok('b')]);
    await outbox.enqueue(item('a'));
    await outbox.enqueue(item('b'));
    target.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(settled).toHaveLength(2));
    expect(fetchFn).toHaveBeenCalledTimes(2);
  });

  it.each([
    [403, { errors: [{ path: '', code: 'intake.originNotAllowed', message: 'no' }] }, 'rejected'],
    [404, 'Not Found', 'rejected'],
    [400, { errors: [] }, 'invalid'],
    [409, { errors: [{ path: 'id', code: 'intake.idReused', message: 'used' }] }, 'rejected'],
    [422, {}, 'invalid'],
  ])(
    'a %i is reported and the entry held, never deleted: not retried on a timer, sent again on the next page load',
    async (status, body, kind) => {
      const refuse = () =>
        new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
      const { outbox, fetchFn, settled, advance } = setup([refuse, refuse, ok('a')]);
      await outbox.enqueue(item('a'));
      advance(1500);
      await outbox.flush();
      expect(settled.map((s) => s.outcome.kind)).toEqual([kind]);
      expect(await outbox.size()).toBe(1);
      advance(86_400_000);
      await outbox.flush();
      expect(fetchFn).toHaveBeenCalledTimes(1);
      // The next page load (or `online`) tries again: still refused, still kept …
      await outbox.retryAll();
      expect(await outbox.size()).toBe(1);
      // … until the server takes it.
      await outbox.retryAll();
      expect(settled.map((s) => s.outcome.kind)).toEqual([kind, kind, 'ok']);
      expect(await outbox.size()).toBe(0);
    },
  );

  it('a held entry (refused at the first send) waits; remove() forgets one the page got registered', async () => {
    const { outbox, fetchFn, advance } = setup([]);
    await outbox.enqueue(item('a'), { held: true });
    await outbox.enqueue(item('b'));
    advance(86_400_000);
    await outbox.flush();
    expect(fetchFn).toHaveBeenCalledTimes(1); // b only (offline answer: kept for a retry)
    expect(await outbox.size()).toBe(2);
    await outbox.remove('a');
    expect(await outbox.size()).toBe(1);
  });

  it('a 429 waits for Retry-After', async () => {
    const { outbox, fetchFn, advance } = setup([
      () => new Response('{}', { status: 429, headers: { 'retry-after': '60' } }),
      ok('a'),
    ]);
    await outbox.enqueue(item('a'));
    await outbox.retryAll();
    advance(59_000);
    await outbox.flush();
    expect(fetchFn).toHaveBeenCalledTimes(1);
    advance(1000);
    await outbox.flush();
    expect(fetchFn).toHaveBeenCalledTimes(2);
    expect(await outbox.size()).toBe(0);
  });

  it('keeps the images (Blobs in IndexedDB) and sends them with every retry, once accepted', async () => {
    const { outbox, fetchFn, settled } = setup([
      () => new Response('{}', { status: 503 }),
      ok('a'),
    ]);
    const photo = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9, 9])], {
      type: 'image/png',
    });
    await outbox.enqueue({
      ...item('a'),
      files: [{ name: 'receipt.png', type: 'image/png', blob: photo }],
    });
    await outbox.retryAll();
    await outbox.retryAll();
    expect(fetchFn).toHaveBeenCalledTimes(2);
    for (const call of fetchFn.mock.calls) {
      const form = (call as unknown as [string, RequestInit])[1].body as FormData;
      expect(form.get('submission')).toBe('{"id":"a"}');
      const [file] = form.getAll('images') as File[];
      expect([file!.name, file!.type]).toEqual(['receipt.png', 'image/png']);
      expect([...new Uint8Array(await file!.arrayBuffer())]).toEqual([
        0x89, 0x50, 0x4e, 0x47, 9, 9,
      ]);
    }
    expect(settled.map((s) => s.outcome.kind)).toEqual(['ok']);
    expect(await outbox.size()).toBe(0);
    await outbox.retryAll();
    expect(fetchFn).toHaveBeenCalledTimes(2);
  });

  it('one flush at a time: concurrent triggers do not send an entry twice', async () => {
    const { outbox, fetchFn } = setup([ok('a'), ok('a')]);
    await outbox.enqueue(item('a'));
    await Promise.all([outbox.retryAll(), outbox.retryAll(), outbox.flush()]);
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });

  it('after a 409 the item waits under a new id (text, photos, creation time kept) and its next try registers it', async () => {
    const conflict = () =>
      new Response('{"errors":[{"path":"id","code":"intake.idReused"}]}', { status: 409 });
    const { outbox, fetchFn, settled, stored, advance } = setup([conflict]);
    const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 1])], { type: 'image/jpeg' });
    const body = '{"id":"a","description":"The kettle leaks.","antiSpam":{"elapsedMs":9000}}';
    await outbox.enqueue({
      ...item('a'),
      body,
      files: [{ name: 'leak.jpg', type: 'image/jpeg', blob: photo }],
    });
    const createdAt = (await stored())[0]!.createdAt;
    advance(60_000);
    await outbox.retryAll();
    const renewed = settled[0]!.renewedAs!;
    expect(settled[0]).toMatchObject({ id: 'a', outcome: { kind: 'rejected', status: 409 } });
    expect(renewed).toMatch(/^[0-9a-f-]{36}$/);
    const [held] = await stored();
    expect(held).toMatchObject({ id: renewed, renewedFrom: 'a', createdAt });
    expect(JSON.parse(held!.body)).toEqual({ ...JSON.parse(body), id: renewed });
    expect(held!.files?.map((f) => f.name)).toEqual(['leak.jpg']);
    // Held: no timer sends it; the next try (page load, online, "Try again") does.
    advance(86_400_000);
    await outbox.flush();
    expect(fetchFn).toHaveBeenCalledTimes(1);
    fetchFn.mockImplementationOnce(async () => ok(renewed)());
    await outbox.retryAll();
    const sent = (fetchFn.mock.calls[1] as unknown as [string, RequestInit])[1].body as FormData;
    expect(JSON.parse(sent.get('submission') as string).id).toBe(renewed);
    expect((sent.get('images') as File).name).toBe('leak.jpg');
    expect(settled.map((s) => [s.id, s.outcome.kind])).toEqual([
      ['a', 'rejected'],
      [renewed, 'ok'],
    ]);
    expect(await outbox.size()).toBe(0);
  });

  it('gives a new id once only: a second 409 leaves the item held under that id, and nothing loops', async () => {
    const conflict = () => new Response('{}', { status: 409 });
    const { outbox, fetchFn, settled, stored } = setup([conflict, conflict, conflict]);
    await outbox.enqueue(item('a'), { held: true });
    await outbox.retryAll();
    const renewed = settled[0]!.renewedAs!;
    await outbox.retryAll();
    expect(settled[1]).toMatchObject({ id: renewed, renewedAs: undefined });
    expect((await stored()).map((i) => i.id)).toEqual([renewed]);
    expect(await outbox.renew(renewed)).toBeUndefined();
    await outbox.retryAll();
    expect(fetchFn).toHaveBeenCalledTimes(3);
    expect(await outbox.size()).toBe(1);
  });

  it('the same complaint enqueued again keeps its creation time and its new id', async () => {
    const { outbox, stored, advance } = setup([]);
    await outbox.enqueue(item('a'), { held: true });
    const createdAt = (await stored())[0]!.createdAt;
    const renewed = (await outbox.renew('a'))!;
    advance(5_000);
    // "Try again" from the page under the new id, answered again with a refusal.
    await outbox.enqueue({ ...item(renewed), body: `{"id":"${renewed}"}` }, { held: true });
    expect(await stored()).toMatchObject([{ id: renewed, createdAt, renewedFrom: 'a' }]);
    expect(await outbox.renew(renewed)).toBeUndefined();
  });
});
