/**
 * Full backup and restore of the local database as JSON. A backup carries the event logs (the
 * source of truth: snapshots are rebuilt from them), drafts and attachments. Restoring merges:
 * events are immutable and known by id, so only missing ones are appended (through the shell's
 * `appendEvents`, which replays them through the workflow); a draft is replaced only by a newer
 * one. Nothing newer is ever overwritten, and the plan is shown before anything is written.
 */
import { EventSchema } from '@shared/schema/event';
import { DraftSchema } from '@shared/schema/registration';
import * as z from 'zod/mini';
import type { ComplaintDb } from '../db/database';
import { appendEvents } from '../db/log';
import { type AttachmentRow, DERIVED, type DraftRow, type StoredEvent } from '../db/types';

export const BACKUP_FORMAT = 'complaint-desk-backup';
/** Bumped when the file layout changes; older files stay readable. */
export const BACKUP_VERSION = 1;

const Instant = z.iso.datetime({ offset: true });

const BackupEventSchema = z.object({
  event: EventSchema,
  seq: z.number().check(z.int(), z.gte(0)),
});

const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().check(z.int(), z.gte(1)),
  exportedAt: Instant,
  /** The database schema version it came from (information only: events carry everything). */
  schemaVersion: z.optional(z.number()),
  events: z.array(BackupEventSchema),
  drafts: z.array(
    z.object({
      complaintId: z.uuid(),
      draft: DraftSchema,
      updatedAt: Instant,
      needsReview: z.optional(z.boolean()),
    }),
  ),
  attachments: z.array(
    z.object({
      id: z.string().check(z.minLength(1), z.maxLength(100)),
      complaintId: z.uuid(),
      name: z.string().check(z.maxLength(255)),
      type: z.string().check(z.maxLength(255)),
      size: z.number().check(z.int(), z.gte(0)),
      createdAt: Instant,
      /** Base64 of the file's bytes. */
      data: z.string(),
    }),
  ),
});
export type Backup = z.infer<typeof BackupSchema>;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const s = atob(data);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** The whole database as a backup document (JSON text). */
export async function exportBackup(db: ComplaintDb, now: Date): Promise<string> {
  const [events, drafts, attachments] = await Promise.all([
    db.events.orderBy('seq').toArray(),
    db.drafts.toArray(),
    db.attachments.toArray(),
  ]);
  const backup: Backup = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    schemaVersion: db.verno,
    // Derived escalations are the device's own reading of the rules: rebuilt, never restored.
    events: events
      .filter((e) => e.pending !== DERIVED)
      .map(({ seq, pending: _p, ...event }) => ({
        event: event as unknown as Backup['events'][number]['event'],
        seq,
      })),
    drafts: drafts.map((d) => ({ ...d, draft: d.draft })),
    attachments: await Promise.all(
      attachments.map(async ({ blob, ...a }) => ({
        ...a,
        data: toBase64(new Uint8Array(await blob.arrayBuffer())),
      })),
    ),
  };
  return JSON.stringify(backup);
}

export type ParsedBackup =
  | { ok: true; backup: Backup }
  | { ok: false; reason: 'backup.invalid' }
  | { ok: false; reason: 'backup.tooNew'; params: { version: number } };

/** Reads and validates a backup file; a newer format is refused rather than half-read. */
export function parseBackup(text: string): ParsedBackup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'backup.invalid' };
  }
  const head = json as { format?: unknown; formatVersion?: unknown } | null;
  if (
    head?.format === BACKUP_FORMAT &&
    typeof head.formatVersion === 'number' &&
    head.formatVersion > BACKUP_VERSION
  ) {
    return { ok: false, reason: 'backup.tooNew', params: { version: head.formatVersion } };
  }
  const parsed = BackupSchema.safeParse(json);
  return parsed.success
    ? { ok: true, backup: parsed.data }
    : { ok: false, reason: 'backup.invalid' };
}

/** Which of two copies of a draft to keep: the newer by `updatedAt`; a tie keeps the local one. */
export function newerDraft(
  local: Pick<DraftRow, 'updatedAt'> | undefined,
  incoming: Pick<DraftRow, 'updatedAt'>,
): 'local' | 'incoming' {
  if (!local) return 'incoming';
  return Date.parse(incoming.updatedAt) > Date.parse(local.updatedAt) ? 'incoming' : 'local';
}

export interface RestorePlan {
  /** Events not here yet, per complaint, in the backup's order. */
  events: Map<string, Backup['events'][number]['event'][]>;
  eventCount: number;
  /** Complaints that have events here the backup lacks: merged, never replaced. */
  localNewer: number;
  drafts: { put: DraftRow[]; keptNewer: number };
  attachments: AttachmentRow[];
}

/** What a restore would change, computed without writing anything. */
export async function planRestore(db: ComplaintDb, backup: Backup): Promise<RestorePlan> {
  const ids = backup.events.map((e) => e.event.id);
  const known = new Set((await db.events.where('id').anyOf(ids).primaryKeys()) as string[]);
  const events = new Map<string, Backup['events'][number]['event'][]>();
  const inBackup = new Map<string, Set<string>>();
  for (const { event } of [...backup.events].sort((a, b) => a.seq - b.seq)) {
    if (!inBackup.has(event.complaintId)) inBackup.set(event.complaintId, new Set());
    inBackup.get(event.complaintId)!.add(event.id);
    if (known.has(event.id)) continue;
    if (!events.has(event.complaintId)) events.set(event.complaintId, []);
    events.get(event.complaintId)!.push(event);
  }
  let localNewer = 0;
  for (const [complaintId, backupIds] of inBackup) {
    const local = (await db.events
      .where('complaintId')
      .equals(complaintId)
      .primaryKeys()) as string[];
    if (local.some((id) => !backupIds.has(id))) localNewer++;
  }
  const put: DraftRow[] = [];
  let keptNewer = 0;
  for (const d of backup.drafts) {
    const local = await db.drafts.get(d.complaintId);
    if (newerDraft(local, d) === 'incoming') put.push(d as DraftRow);
    else if (local && local.updatedAt !== d.updatedAt) keptNewer++;
  }
  const knownAttachments = new Set(
    (await db.attachments
      .where('id')
      .anyOf(backup.attachments.map((a) => a.id))
      .primaryKeys()) as string[],
  );
  const attachments = backup.attachments
    .filter((a) => !knownAttachments.has(a.id))
    .map(({ data, ...a }) => ({ ...a, blob: new Blob([fromBase64(data)], { type: a.type }) }));
  let eventCount = 0;
  for (const list of events.values()) eventCount += list.length;
  return { events, eventCount, localNewer, drafts: { put, keptNewer }, attachments };
}

export interface RestoreResult {
  appended: number;
  /** Events the workflow refused on replay (reported, not stored). */
  rejected: number;
}

/** Writes a plan: missing events through `appendEvents` (snapshots re-derived), newer drafts, new attachments. */
export async function applyRestore(
  db: ComplaintDb,
  plan: RestorePlan,
  now: Date,
): Promise<RestoreResult> {
  let appended = 0;
  let rejected = 0;
  const attachmentsOf = new Map<string, AttachmentRow[]>();
  for (const a of plan.attachments)
    attachmentsOf.set(a.complaintId, [...(attachmentsOf.get(a.complaintId) ?? []), a]);
  for (const [complaintId, events] of plan.events) {
    const attachments = attachmentsOf.get(complaintId);
    attachmentsOf.delete(complaintId);
    const result = await appendEvents(
      db,
      complaintId,
      events as unknown as Omit<StoredEvent, 'seq' | 'pending'>[],
      {
        now,
        ...(attachments ? { attachments } : {}),
      },
    );
    rejected += result.rejected.length;
    if (result.appended) appended += events.length - result.rejected.length;
  }
  const rest = [...attachmentsOf.values()].flat();
  await db.transaction('rw', [db.drafts, db.attachments], async () => {
    if (plan.drafts.put.length) await db.drafts.bulkPut(plan.drafts.put);
    if (rest.length) await db.attachments.bulkPut(rest);
  });
  return { appended, rejected };
}

/** What the backup panel needs, bound to a database (or faked in tests). */
export interface BackupActions {
  exportText(): Promise<string>;
  plan(
    text: string,
  ): Promise<{ ok: true; plan: RestorePlan } | Exclude<ParsedBackup, { ok: true }>>;
  apply(plan: RestorePlan): Promise<RestoreResult>;
}

export function dexieBackup(db: ComplaintDb, clock: () => Date = () => new Date()): BackupActions {
  return {
    exportText: () => exportBackup(db, clock()),
    async plan(text) {
      const parsed = parseBackup(text);
      return parsed.ok ? { ok: true, plan: await planRestore(db, parsed.backup) } : parsed;
    },
    apply: (plan) => applyRestore(db, plan, clock()),
  };
}
