import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { queuePage } from '../queue/queries';
import { QUEUE_INDEXES, hasReviewIndexes } from './queue-columns';
import { reviewColumns } from './queue-projection';
import { DEFAULT_FILTER } from '@shared/review/index';
import { freshDb, NOW } from '../../test/support/extension/fixtures';
import { ComplaintDb } from './database';
import { rebuildSnapshots } from './log';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from './schema';
import { upgradeToV2 } from './upgrades';

const fixture = JSON.parse(
  readFileSync(new URL('../../test/fixtures/extension/v1-database.json', import.meta.url), 'utf8'),
) as { version: number; tables: Record<string, Record<string, unknown>[]> };

/** Writes the fixture with the v1 schema only, as version 0.1 of the extension would have. */
async function seedV1(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_VERSIONS[1]);
  await v1.open();
  for (const [table, rows] of Object.entries(fixture.tables)) await v1.table(table).bulkAdd(rows);
  v1.close();
}

/** The fixture taken to v2 by the released v2 code (schema 1 + 2 only), then closed. */
async function seedV2(name: string) {
  await seedV1(name);
  const v2 = new Dexie(name);
  v2.version(1).stores(SCHEMA_VERSIONS[1]);
  v2.version(2).stores(SCHEMA_VERSIONS[2]).upgrade(upgradeToV2);
  await v2.open();
  v2.close();
}

describe('schema migrations', () => {
  it('the fixture is a v1 database and the code is at the latest version', () => {
    expect(fixture.version).toBe(1);
    expect(Math.max(...Object.keys(SCHEMA_VERSIONS).map(Number))).toBe(CURRENT_VERSION);
  });

  it('upgrades v1 → v2 without losing a record', async () => {
    const name = freshDb().name;
    await seedV1(name);
    const db = new ComplaintDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.complaints.count()).toBe(2);
    expect(await db.events.count()).toBe(3);
    expect(await db.drafts.count()).toBe(1);
    expect((await db.meta.get('caseSerial:2611'))?.value).toBe(1);

    const registered = await db.complaints.get('5b0f4a64-2f7c-4e0e-9a51-0c6f6a1d9a01');
    expect(registered).toMatchObject({
      severity: 'L3',
      caseNumber: '2611-0001',
      caseNumberIssuer: 'local',
    });
    // new indexes answer queries
    expect((await db.complaints.where('caseNumber').equals('2611-0001').first())?.status).toBe(
      'registered',
    );
    expect(await db.complaints.where('severity').equals('L3').count()).toBe(1);
    expect(await db.attachments.count()).toBe(0);
  });

  it('numbers v1 events by time and marks them pending for sync', async () => {
    const name = freshDb().name;
    await seedV1(name);
    const db = new ComplaintDb(name);
    const events = await db.events.orderBy('seq').toArray();
    expect(events.map((e) => [e.seq, e.type, e.pending])).toEqual([
      [1, 'captured', 1],
      [2, 'registered', 1],
      [3, 'captured', 1],
    ]);
    expect((await db.meta.get('eventSeq'))?.value).toBe(3);
    expect(await db.events.where('pending').equals(1).count()).toBe(3);
  });

  it('migrated logs fold into the same snapshots under the shared workflow', async () => {
    const name = freshDb().name;
    await seedV1(name);
    const db = new ComplaintDb(name);
    await rebuildSnapshots(db, NOW);
    const registered = await db.complaints.get('5b0f4a64-2f7c-4e0e-9a51-0c6f6a1d9a01');
    expect(registered).toMatchObject({
      status: 'registered',
      caseNumber: '2611-0001',
      caseNumberIssuer: 'local',
    });
    // 记者/曝光 are media keywords: major
    expect(['L3', 'L4']).toContain(registered?.severity);
    expect(await db.complaints.get('5b0f4a64-2f7c-4e0e-9a51-0c6f6a1d9a02')).toMatchObject({
      status: 'draft',
    });
  });

  it('v3 declares every index the review queue walks', () => {
    const declared = SCHEMA_VERSIONS[3].complaints
      .split(',')
      .map((s) => s.trim().replace(/^\*/, ''));
    expect(declared).toEqual(expect.arrayContaining([...QUEUE_INDEXES]));
  });

  it('upgrades v2 → v3: every snapshot gets its queue columns and the queue uses the indexes', async () => {
    const name = freshDb().name;
    await seedV2(name);
    const db = new ComplaintDb(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(hasReviewIndexes(db)).toBe(true);
    expect(await db.complaints.count()).toBe(2);
    expect(await db.events.count()).toBe(3);
    const rows = await db.complaints.toArray();
    for (const row of rows) {
      if (!row.state) continue;
      // the review queue's own projection, nothing recomputed here
      const cols = reviewColumns(row.state, NOW);
      expect(row).toMatchObject({
        id: cols.id,
        dueKey: expect.any(String),
        terms: expect.any(Array),
        views: expect.any(Array),
        queueVersion: cols.queueVersion,
        receivedAt: cols.receivedAt,
      });
    }
    const registered = await db.complaints.get('5b0f4a64-2f7c-4e0e-9a51-0c6f6a1d9a01');
    expect(registered).toMatchObject({ caseNumber: '2611-0001', caseNumberIssuer: 'local' });
    expect(await db.complaints.where('terms').startsWith('2611').count()).toBeGreaterThan(0);
    const page = await queuePage(db, {
      filter: DEFAULT_FILTER,
      sort: 'due',
      ctx: { now: NOW, user: { id: 'u', name: 'U', role: 'supervisor' } },
    } as never);
    expect(page.rows.map((r) => r.id)).toContain('5b0f4a64-2f7c-4e0e-9a51-0c6f6a1d9a01');
  });

  it('upgrades v1 → v3 in one open, and refolded snapshots keep the queue columns', async () => {
    const name = freshDb().name;
    await seedV1(name);
    const db = new ComplaintDb(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(
      await db.complaints
        .where('[status+dueKey]')
        .between(['registered', ''], ['registered', '\uffff'])
        .count(),
    ).toBe(1);
    await rebuildSnapshots(db, NOW);
    const row = await db.complaints.get('5b0f4a64-2f7c-4e0e-9a51-0c6f6a1d9a01');
    expect(row).toMatchObject({ dueKey: expect.any(String), queueVersion: expect.any(Number) });
    expect(
      await db.complaints
        .where('[severity+dueKey]')
        .between([row!.severity, ''], [row!.severity, '\uffff'])
        .count(),
    ).toBe(1);
  });

  it('opens an empty database straight at the latest version', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'attachments',
      'complaints',
      'drafts',
      'events',
      'meta',
    ]);
  });
});
