import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AGENT, COMPLETE_DRAFT, NOW, freshDb } from '../../test/support/extension/fixtures';
import type { ComplaintDb } from '../db/database';
import { type ClipPipeline, createCaptureService } from './capture-service';
import type { CaptureAck, JournalEntry } from './capture-types';
import { CaptureJournal } from './journal';

const TAB = { id: 7, windowId: 1, url: 'https://shop.example.test/p/1', title: 'Product' };

function setup(overrides: Partial<ClipPipeline> = {}, db: ComplaintDb = freshDb()) {
  let n = 0;
  const pipeline: ClipPipeline = {
    extract: vi.fn(async () => ({
      text: 'The washing machine arrived dented and the driver was rude.',
    })),
    sanitize: vi.fn(async (clip) => clip),
    toDraft: vi.fn((_clip, ctx) => ({
      draft: { ...COMPLETE_DRAFT, receivedAt: ctx.at.toISOString() },
      needsReview: false,
    })),
    ...overrides,
  };
  const failures: string[] = [];
  const acks: CaptureAck[] = [];
  const journal = new CaptureJournal(fakeBrowser.storage.session, fakeBrowser.storage.local);
  const service = createCaptureService({
    db: () => db,
    journal,
    pipeline,
    actor: async () => AGENT,
    screenshot: async () => undefined,
    reportFailure: async (reason) => void failures.push(reason),
    afterCommit: async (ack) => void acks.push(ack),
    now: () => NOW,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  });
  return { db, service, pipeline, journal, failures, acks };
}

beforeEach(() => {
  fakeBrowser.reset();
  delete (globalThis as { __complaintDeskHooks?: unknown }).__complaintDeskHooks;
});

describe('capture service', () => {
  it('acknowledges only after the captured event and draft are committed', async () => {
    const { db, service, pipeline } = setup();
    let committedBeforeAck = false;
    const ack = await service.capture({ trigger: 'menu.selection' }, TAB).then(async (a) => {
      committedBeforeAck = (await db.events.get(a.eventId)) !== undefined;
      return a;
    });
    expect(committedBeforeAck).toBe(true);
    expect(ack).toMatchObject({ needsReview: false, duplicate: false });
    expect(pipeline.sanitize).toHaveBeenCalledOnce();
    const event = await db.events.get(ack.eventId);
    expect(event).toMatchObject({
      type: 'captured',
      actor: AGENT,
      payload: { draft: { channel: 'web_page' } },
    });
    expect(await db.drafts.get(ack.complaintId)).toBeDefined();
    expect(await service.status()).toEqual({ failed: 0, inFlight: 0 });
  });

  it('journals the clip before committing, so a stopped worker resumes it without duplicates', async () => {
    const { db, service, journal } = setup();
    let seen: JournalEntry[] = [];
    (globalThis as { __complaintDeskHooks?: unknown }).__complaintDeskHooks = {
      beforeCommit: async () => {
        seen = await journal.list();
        throw new Error('worker stopped');
      },
    };
    await expect(service.capture({ trigger: 'command' }, TAB)).rejects.toThrow();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ stage: 'extracted', tab: TAB });
    delete (globalThis as { __complaintDeskHooks?: unknown }).__complaintDeskHooks;

    // a new worker: resume twice (startup + retry) → exactly one complaint
    const first = await service.resume();
    const second = await service.resume();
    expect(first.committed).toHaveLength(1);
    expect(second.committed).toHaveLength(0);
    expect(await db.complaints.count()).toBe(1);
    expect(await db.events.count()).toBe(1);
  });

  it('a worker stopped after the commit but before clearing the journal does not duplicate', async () => {
    const { db, service } = setup();
    (globalThis as { __complaintDeskHooks?: unknown }).__complaintDeskHooks = {
      afterCommit: async () => {
        throw new Error('worker stopped');
      },
    };
    await expect(service.capture({ trigger: 'command' }, TAB)).rejects.toThrow();
    delete (globalThis as { __complaintDeskHooks?: unknown }).__complaintDeskHooks;
    const { committed } = await service.resume();
    expect(committed[0]?.duplicate).toBe(true);
    expect(await db.events.count()).toBe(1);
  });

  it('re-runs the extraction for a trigger interrupted before the page answered', async () => {
    const { db, service, journal, pipeline } = setup();
    await journal.put({
      id: '00000000-0000-4000-8000-0000000000aa',
      complaintId: '00000000-0000-4000-8000-0000000000ab',
      at: NOW.toISOString(),
      actor: AGENT,
      request: { trigger: 'command' },
      tab: TAB,
      stage: 'triggered',
      attempts: 0,
    });
    const { committed } = await service.resume();
    expect(pipeline.extract).toHaveBeenCalledWith(TAB, { trigger: 'command' });
    expect(committed).toHaveLength(1);
    expect(await db.complaints.count()).toBe(1);
  });

  it('tells the agent when an interrupted trigger cannot be finished (the tab is gone)', async () => {
    const { service, journal, failures } = setup({
      extract: vi.fn(async () => Promise.reject(new Error('No tab'))),
    });
    await journal.put({
      id: '00000000-0000-4000-8000-0000000000aa',
      complaintId: '00000000-0000-4000-8000-0000000000ab',
      at: NOW.toISOString(),
      actor: AGENT,
      request: { trigger: 'command' },
      tab: TAB,
      stage: 'triggered',
      attempts: 0,
    });
    const result = await service.resume();
    expect(result.dropped).toBe(1);
    expect(failures).toEqual(['ext.error.captureInterrupted']);
  });

  it('keeps a capture the database refuses (quota) and writes it on a later try', async () => {
    const db = freshDb();
    const { service, failures } = setup({}, db);
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(db, 'transaction').mockRejectedValueOnce(quota);
    await expect(service.capture({ trigger: 'popup' }, TAB)).rejects.toMatchObject({
      reason: 'ext.error.storageFull',
    });
    expect(failures).toEqual(['ext.error.storageFull']);
    expect(await service.status()).toEqual({
      failed: 1,
      inFlight: 0,
      lastError: 'ext.error.storageFull',
    });
    // kept in session and local storage
    const local = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(local).some((k) => k.startsWith('capture:'))).toBe(true);

    spy.mockRestore();
    const { committed, failed } = await service.resume();
    expect(failed).toBe(0);
    expect(committed).toHaveLength(1);
    expect(await db.complaints.count()).toBe(1);
    expect(await service.status()).toEqual({ failed: 0, inFlight: 0 });
  });

  it('says why when the page cannot be clipped, and keeps nothing half-done', async () => {
    const { service, db } = setup({
      extract: vi.fn(async () => Promise.reject(new Error('Cannot access a chrome:// URL'))),
    });
    await expect(service.capture({ trigger: 'popup' }, TAB)).rejects.toMatchObject({
      reason: 'ext.error.cannotCapture',
    });
    expect(await service.status()).toEqual({ failed: 0, inFlight: 0 });
    expect(await db.complaints.count()).toBe(0);
  });

  it('flags low-confidence clips for review', async () => {
    const { service, db } = setup({
      toDraft: () => ({ draft: COMPLETE_DRAFT, needsReview: true }),
    });
    const ack = await service.capture({ trigger: 'menu.page' }, TAB);
    expect(ack.needsReview).toBe(true);
    expect((await db.drafts.get(ack.complaintId))?.needsReview).toBe(true);
  });

  it('stores a screenshot as an attachment blob referenced by the draft', async () => {
    const db = freshDb();
    let n = 100;
    const journal = new CaptureJournal(fakeBrowser.storage.session, fakeBrowser.storage.local);
    const service = createCaptureService({
      db: () => db,
      journal,
      pipeline: {
        extract: async () => ({}),
        sanitize: async (c) => c,
        toDraft: () => ({ draft: { ...COMPLETE_DRAFT }, needsReview: false }),
      },
      actor: async () => AGENT,
      screenshot: async () =>
        new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' }),
      reportFailure: async () => undefined,
      afterCommit: async () => undefined,
      now: () => NOW,
      newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    });
    const ack = await service.capture({ trigger: 'popup', screenshot: true }, TAB);
    const [att] = await db.attachments.where('complaintId').equals(ack.complaintId).toArray();
    expect(att).toMatchObject({ type: 'image/jpeg', size: 4, name: 'screenshot.jpg' });
    const draft = (await db.drafts.get(ack.complaintId))?.draft;
    expect(draft?.attachments?.[0]).toMatchObject({ id: att?.id, type: 'image/jpeg' });
  });
});
