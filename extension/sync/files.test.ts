/**
 * Captured files to the real team server (its app factory on PGlite and PostgreSQL, through
 * `app.request`): after the events, content-addressed, resumable, no duplicates on retry.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { databases, useDatabase } from '../../test/pg';
import { flakyFetch, teamServer } from '../../test/team-server';
import type { ComplaintDb } from '../db/database';
import { appendEvents } from '../db/log';
import { COMPLETE_DRAFT, NOW, freshDb } from '../../test/support/extension/fixtures';
import { httpTransport } from './client';
import { SyncEngine } from './engine';
import { uploadFiles } from './files';

const SERVER = 'https://desk.test';
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 7]);

async function captureWithFile(db: ComplaintDb, bytes: Uint8Array, type = 'image/jpeg') {
  const complaintId = randomUUID();
  const attachment = {
    id: `${randomUUID()}-screenshot`,
    complaintId,
    name: 'screenshot.jpg',
    type,
    size: bytes.length,
    blob: new Blob([bytes as BlobPart], { type }),
    createdAt: NOW.toISOString(),
  };
  await appendEvents(
    db,
    complaintId,
    [
      {
        id: randomUUID(),
        complaintId,
        type: 'captured',
        at: NOW.toISOString(),
        actor: { id: 'u-agent', name: 'agent user', role: 'agent' },
        payload: { draft: COMPLETE_DRAFT },
      },
    ],
    { now: NOW, attachments: [attachment] },
  );
  return { complaintId, attachmentId: attachment.id };
}

describe.each(databases)('captured files to the team server on $name', (target) => {
  const ctx = useDatabase(target);

  async function setup() {
    const server = teamServer(ctx.db);
    const token = await server.token('agent');
    const db = freshDb();
    const engine = new SyncEngine({
      db,
      target: async () => ({
        transport: httpTransport({ serverUrl: SERVER, token, fetch: server.fetch }),
        server: SERVER,
      }),
      random: () => 0.5,
    });
    return { server, token, db, engine };
  }

  it('waits for the complaint to reach the server, then uploads once; a rerun sends nothing', async () => {
    const { server, token, db, engine } = await setup();
    const { attachmentId } = await captureWithFile(db, JPEG);
    const to = { serverUrl: SERVER, token, fetch: server.fetch };
    expect(await uploadFiles(db, to)).toEqual({ uploaded: 0, present: 0, later: 1, refused: 0 });
    expect(await engine.sync()).toMatchObject({ ok: true });
    expect(await uploadFiles(db, to)).toEqual({ uploaded: 1, present: 0, later: 0, refused: 0 });
    expect((await db.attachments.get(attachmentId))?.uploadedSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await uploadFiles(db, to)).toEqual({ uploaded: 0, present: 0, later: 0, refused: 0 });
    const { rows } = await ctx.db.pool.query('SELECT count(*)::int AS n FROM capture_files');
    expect(rows[0].n).toBe(1);
  });

  it('an answer lost after the server stored the file: the retry finds it (HEAD), no duplicate', async () => {
    const { server, token, db, engine } = await setup();
    await captureWithFile(db, JPEG);
    await engine.sync();
    let lost = true;
    const dropping = async (input: string, init?: RequestInit) => {
      const res = await server.fetch(input, init);
      if (init?.method === 'PUT' && lost) {
        lost = false;
        throw new TypeError('network: connection reset');
      }
      return res;
    };
    const to = { serverUrl: SERVER, token, fetch: dropping };
    expect(await uploadFiles(db, to)).toMatchObject({ later: 1 });
    expect(await uploadFiles(db, to)).toMatchObject({ present: 1, uploaded: 0 });
    const { rows } = await ctx.db.pool.query('SELECT count(*)::int AS n FROM capture_files');
    expect(rows[0].n).toBe(1);
  });

  it('converges through a network failing 40 % of the time', async () => {
    const { server, token, db, engine } = await setup();
    for (let i = 0; i < 5; i++) await captureWithFile(db, new Uint8Array([...JPEG, i]));
    await engine.sync();
    let seed = 7;
    const flaky = flakyFetch(server.fetch, 0.4, () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    });
    for (let i = 0; i < 30 && (await db.attachments.filter((a) => !a.uploadedSha256).count()); i++)
      await uploadFiles(db, { serverUrl: SERVER, token, fetch: flaky });
    expect(await db.attachments.filter((a) => !a.uploadedSha256).count()).toBe(0);
    const { rows } = await ctx.db.pool.query('SELECT count(*)::int AS n FROM capture_files');
    expect(rows[0].n).toBe(5);
  });

  it('a file that is not an image is refused for good and not sent again', async () => {
    const { server, token, db, engine } = await setup();
    const { attachmentId } = await captureWithFile(
      db,
      new TextEncoder().encode('<svg onload=alert(1)>'),
      'image/jpeg',
    );
    await engine.sync();
    const to = { serverUrl: SERVER, token, fetch: server.fetch };
    expect(await uploadFiles(db, to)).toMatchObject({ refused: 1 });
    expect((await db.attachments.get(attachmentId))?.uploadError).toBe('cap.file.type');
    expect(await uploadFiles(db, to)).toEqual({ uploaded: 0, present: 0, later: 0, refused: 0 });
  });
});
