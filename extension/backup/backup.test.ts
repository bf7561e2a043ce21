import 'fake-indexeddb/auto';
import { CaseBuilder } from '../../test/support/review';
import { shanghai, uuidFor } from '../../test/support/workflow';
import { describe, expect, it } from 'vitest';
import { ComplaintDb } from '../db/database';
import { appendEvents, eventsOf } from '../db/log';
import {
  BACKUP_VERSION,
  applyRestore,
  exportBackup,
  newerDraft,
  parseBackup,
  planRestore,
} from './backup';
import { uniqueName } from '../../test/support/extension/review-db';
import { dexieBackupLater } from './backup-later';

const NOW = new Date(shanghai('2026-03-05 10:00'));
const A = uuidFor(0xa);
const B = uuidFor(0xb);

async function populated() {
  const db = new ComplaintDb(uniqueName('bk'));
  const a = new CaseBuilder(A)
    .register(shanghai('2026-03-02 10:00'), {}, { caseNumber: '2603-0001' })
    .assign(shanghai('2026-03-02 10:10'));
  const b = new CaseBuilder(B).capture(shanghai('2026-03-03 10:00'));
  await appendEvents(db, A, a.events as never, {
    now: NOW,
    attachments: [
      {
        id: 'att-1',
        complaintId: A,
        name: '照片.jpg',
        type: 'image/jpeg',
        size: 3,
        blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }),
        createdAt: shanghai('2026-03-02 10:00'),
      },
    ],
  });
  await appendEvents(db, B, b.events as never, {
    now: NOW,
    draft: {
      complaintId: B,
      draft: { channel: 'phone', description: 'Leaking washing machine' },
      updatedAt: shanghai('2026-03-03 10:00'),
    },
  });
  return { db, a, b };
}

describe('backup and restore', () => {
  it('round trip into an empty database: same logs, snapshots rebuilt, attachments and drafts back', async () => {
    const { db } = await populated();
    const text = await exportBackup(db, NOW);
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup).toMatchObject({
      format: 'complaint-desk-backup',
      formatVersion: BACKUP_VERSION,
      exportedAt: NOW.toISOString(),
    });

    const fresh = new ComplaintDb(uniqueName('bk'));
    const plan = await planRestore(fresh, parsed.backup);
    expect(plan).toMatchObject({ eventCount: 3, localNewer: 0, drafts: { keptNewer: 0 } });
    expect(await applyRestore(fresh, plan, NOW)).toEqual({ appended: 3, rejected: 0 });
    expect((await fresh.complaints.get(A))?.state?.status).toBe('assigned');
    expect((await eventsOf(fresh, A)).map((e) => e.type)).toEqual(['registered', 'assigned']);
    const att = await fresh.attachments.get('att-1');
    expect(att?.name).toBe('照片.jpg');
    expect([...new Uint8Array(await att!.blob.arrayBuffer())]).toEqual([1, 2, 3]);
    expect((await fresh.drafts.get(B))?.draft.description).toBe('Leaking washing machine');
  });

  it('restoring onto the same data changes nothing', async () => {
    const { db } = await populated();
    const parsed = parseBackup(await exportBackup(db, NOW));
    if (!parsed.ok) throw new Error('invalid');
    const plan = await planRestore(db, parsed.backup);
    expect(plan.eventCount).toBe(0);
    expect(plan.attachments).toEqual([]);
    expect(plan.drafts.put).toEqual([]);
  });

  it('never overwrites newer local data: newer events are kept (merged), a newer draft is kept', async () => {
    const { db, a } = await populated();
    const parsed = parseBackup(await exportBackup(db, NOW));
    if (!parsed.ok) throw new Error('invalid');
    // After the backup: more work on A, and B's draft edited.
    await appendEvents(db, A, a.contact(shanghai('2026-03-04 10:00')).events.slice(-1) as never, {
      now: NOW,
    });
    await db.drafts.put({
      complaintId: B,
      draft: { channel: 'phone', description: 'Edited after the backup' },
      updatedAt: shanghai('2026-03-04 12:00'),
    });
    const plan = await planRestore(db, parsed.backup);
    expect(plan).toMatchObject({ eventCount: 0, localNewer: 1, drafts: { put: [], keptNewer: 1 } });
    await applyRestore(db, plan, NOW);
    expect((await db.complaints.get(A))?.state?.status).toBe('in_progress');
    expect((await db.drafts.get(B))?.draft.description).toBe('Edited after the backup');
  });

  it('an older local draft is replaced by the backup’s newer one', () => {
    expect(
      newerDraft({ updatedAt: '2026-03-01T00:00:00Z' }, { updatedAt: '2026-03-02T00:00:00Z' }),
    ).toBe('incoming');
    expect(
      newerDraft({ updatedAt: '2026-03-02T00:00:00Z' }, { updatedAt: '2026-03-02T00:00:00Z' }),
    ).toBe('local');
    expect(newerDraft(undefined, { updatedAt: '2026-03-02T00:00:00Z' })).toBe('incoming');
  });

  it.each([
    ['not JSON', '{', { ok: false, reason: 'backup.invalid' }],
    ['another file', '{"hello":1}', { ok: false, reason: 'backup.invalid' }],
    [
      'a newer format',
      '{"format":"complaint-desk-backup","formatVersion":99}',
      { ok: false, reason: 'backup.tooNew', params: { version: 99 } },
    ],
    [
      'a tampered event',
      JSON.stringify({
        format: 'complaint-desk-backup',
        formatVersion: 1,
        exportedAt: NOW.toISOString(),
        events: [{ seq: 1, event: { id: 'x', type: 'closed' } }],
        drafts: [],
        attachments: [],
      }),
      { ok: false, reason: 'backup.invalid' },
    ],
  ])('refuses %s', (_, text, expected) => {
    expect(parseBackup(text)).toEqual(expected);
  });
});

describe('dexieBackupLater (the report page’s: the backup code fetched on first use)', () => {
  it('exports, plans and restores as the backup code itself does', async () => {
    const { db } = await populated();
    const later = dexieBackupLater(db, () => NOW);
    const text = await later.exportText();
    expect(text).toBe(await exportBackup(db, NOW));
    const fresh = dexieBackupLater(new ComplaintDb(uniqueName('bk')), () => NOW);
    const planned = await fresh.plan(text);
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    expect(planned.plan).toMatchObject({ eventCount: 3 });
    expect(await fresh.apply(planned.plan)).toEqual({ appended: 3, rejected: 0 });
    expect((await fresh.plan('not a backup')).ok).toBe(false);
  });
});
