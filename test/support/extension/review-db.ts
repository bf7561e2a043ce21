/**
 * Test and bench helpers for the review queue: a database with the queue's indexes (the schema
 * v3 the db owner is asked to add), deterministic seeded complaints, and a row-read counter.
 */
import { CHANNELS, type ClockId, type SeverityLevel, type Status } from '@shared/schema/codes';
import type { ComplaintState } from '@shared/schema/complaint';
import { defaultPolicy } from '@shared/policy/default-policy';
import { happyState } from '../workflow';
import type { DBCore, DBCoreCursor } from 'dexie';
import { ComplaintDb } from '../../../extension/db/database';
import type { ComplaintRow } from '../../../extension/db/types';
import {
  type QueueCursor,
  compareRows,
  countByStatus,
  cursorOf,
  isAfter,
  matchesFilter,
} from '@shared/review/index';
import type { ReviewRow } from '../../../extension/db/queue-columns';
import { reviewColumns } from '../../../extension/db/queue-projection';
import { SCHEMA_VERSIONS } from '../../../extension/db/schema';
import type { QueuePage, QueueQuery } from '../../../extension/queue/queries';

/** The extension's database with the queue's indexes as version 3. */
export class ReviewTestDb extends ComplaintDb {
  constructor(name: string) {
    super(name);
    this.version(3).stores({ complaints: SCHEMA_VERSIONS[3].complaints });
  }
}

let counter = 0;
export function uniqueName(prefix = 'rv'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`;
}

/** Counts rows delivered by cursors and bulk reads: proves a query did not scan the table. */
export function countReads(db: ComplaintDb): { reads: number; reset(): void } {
  const stats = {
    reads: 0,
    reset: () => {
      stats.reads = 0;
    },
  };
  db.use({
    stack: 'dbcore',
    name: 'count-reads',
    create: (down: DBCore) => ({
      ...down,
      table: (name: string) => {
        const table = down.table(name);
        return {
          ...table,
          query: async (req) => {
            const res = await table.query(req);
            if (req.values !== false) stats.reads += res.result.length;
            return res;
          },
          getMany: async (req) => {
            const res = await table.getMany(req);
            stats.reads += res.length;
            return res;
          },
          openCursor: async (req) => {
            const cursor = await table.openCursor(req);
            if (!cursor || req.values === false) return cursor;
            const start = cursor.start.bind(cursor);
            return Object.create(cursor, {
              start: {
                value: (onNext: () => void) =>
                  start(() => {
                    stats.reads += 1;
                    onNext();
                  }),
              },
            }) as DBCoreCursor;
          },
        };
      },
    }),
  });
  return stats;
}

// mulberry32: the same mix every run.
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const STATUS_MIX: Status[] = [
  'draft',
  'registered',
  'registered',
  'assigned',
  'assigned',
  'in_progress',
  'in_progress',
  'in_progress',
  'resolution_proposed',
  'awaiting_approval',
  'replied',
  'follow_up',
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'invalid',
  'withdrawn',
  'transferred',
];
const LEVELS: SeverityLevel[] = ['L0', 'L1', 'L1', 'L1', 'L1', 'L2', 'L2', 'L3', 'L4'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', 'Smith', 'Garcia'];
const SUBJECTS = [
  '洗衣机漏水',
  '快递延误三天',
  '客服态度恶劣',
  'Billing error on invoice',
  'Refrigerator not cooling',
  '维修后仍有噪音',
  'Parcel arrived damaged',
  '合同承诺未兑现',
];
const HOUR = 3_600_000;

/**
 * `n` varied complaint snapshots received over the `days` before `now`, with their clocks in
 * flight for their status; deterministic for a seed. Fast: no event folding per complaint.
 */
export function seedStates(n: number, now: Date, seed = 20_260_302, days = 60): ComplaintState[] {
  const rnd = random(seed);
  const template = happyState('registered').state;
  const cats = defaultPolicy.categories;
  const out: ComplaintState[] = [];
  for (let i = 0; i < n; i++) {
    const received = now.getTime() - Math.floor(rnd() * days * 24 * HOUR);
    const at = (h: number) => new Date(received + h * HOUR).toISOString();
    const status = pick(rnd, STATUS_MIX);
    const level = pick(rnd, LEVELS);
    const cat = pick(rnd, cats);
    const handler = Math.floor(rnd() * 50);
    const assigned = !['draft', 'registered'].includes(status);
    const finished = ['closed', 'invalid', 'withdrawn', 'transferred'].includes(status);
    const clocks: Partial<Record<ClockId, { startedAt: string; stoppedAt?: string }>> = {
      forward: { startedAt: at(0) },
    };
    if (status !== 'draft') {
      clocks.reply = { startedAt: at(0) };
      clocks.progress = { startedAt: at(rnd() * 24) };
      clocks.close = { startedAt: at(0) };
    }
    if (assigned) {
      clocks.forward = { startedAt: at(0), stoppedAt: at(rnd()) };
      clocks.firstContact = { startedAt: at(1) };
      if (!['assigned'].includes(status)) clocks.firstContact.stoppedAt = at(1 + rnd() * 3);
    }
    if (['replied', 'follow_up', 'closed'].includes(status)) {
      clocks.reply = { startedAt: at(0), stoppedAt: at(rnd() * 30) };
      clocks.progress = { startedAt: at(0), stoppedAt: at(20) };
      clocks.callback = { startedAt: at(30) };
    }
    if (finished) for (const c of Object.values(clocks)) c.stoppedAt ??= at(40 + rnd() * 100);
    const surname = pick(rnd, SURNAMES);
    const subject = `${pick(rnd, SUBJECTS)} #${i}`;
    const serial = String(i % 10_000).padStart(4, '0');
    const state: ComplaintState = {
      ...template,
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      status,
      caseNumber:
        status === 'draft' ? undefined : `26${String(1 + (i % 12)).padStart(2, '0')}-${serial}`,
      record: {
        ...template.record,
        channel: pick(rnd, CHANNELS),
        receivedAt: at(0),
        subject,
        description: `${subject}. 客户来电反映问题，要求尽快处理。The customer asks for a quick fix.`,
        complainant: {
          name: surname,
          anonymous: false,
          phone: `138${String(10_000_000 + i).slice(-8)}`,
          email: `c${i}@example.com`,
        },
        category: cat.code,
      },
      receivedAt: at(0),
      registeredAt: status === 'draft' ? undefined : at(0),
      channel: pick(rnd, CHANNELS),
      category: cat.code,
      department: cat.department,
      severity: { level, assessed: { level, reasons: [] } },
      secondComplaint: rnd() < 0.05,
      reassignCount: rnd() < 0.03 ? 2 : 0,
      assignment: assigned
        ? {
            department: cat.department,
            handlerId: `u-${handler}`,
            handlerName: `Handler ${handler}`,
            at: at(0.5),
            by: template.firstResponder,
          }
        : undefined,
      updatedAt: at(finished ? 140 : 2),
      clocks,
    };
    out.push(state);
  }
  return out;
}

/** The stored row for a snapshot: the shell's columns plus the queue columns. */
export function rowFor(state: ComplaintState, now: Date): ReviewRow {
  const q = reviewColumns(state, now);
  const base: ComplaintRow = {
    id: state.id,
    status: state.status,
    severity: state.severity.level,
    updatedAt: state.updatedAt,
    createdAt: state.receivedAt,
    title: q.subject,
    channel: state.channel,
    state,
  };
  return { ...base, ...q };
}

/** Writes seeded rows in batches. */
export async function seed(
  db: ComplaintDb,
  states: readonly ComplaintState[],
  now: Date,
  batch = 5_000,
): Promise<ReviewRow[]> {
  const rows = states.map((s) => rowFor(s, now));
  for (let i = 0; i < rows.length; i += batch)
    await db.complaints.bulkPut(rows.slice(i, i + batch));
  return rows;
}

/** A queue source over rows in memory, with the shared filter and sort (component tests). */
export function memorySource(states: readonly ComplaintState[], now: Date) {
  const rows = states.map((s) => reviewColumns(s, now));
  const calls: { query: QueueQuery; after?: QueueCursor }[] = [];
  return {
    rows,
    calls,
    async page(query: QueueQuery, after?: QueueCursor, limit = 50): Promise<QueuePage> {
      calls.push(after ? { query, after } : { query });
      const all = rows
        .filter(
          (r) =>
            matchesFilter(r, query.filter, query.ctx) && (!after || isAfter(r, after, query.sort)),
        )
        .sort(compareRows(query.sort));
      const page = all.slice(0, limit);
      return all.length > limit
        ? { rows: page, next: cursorOf(page[page.length - 1]!) }
        : { rows: page };
    },
    async counts() {
      return countByStatus(rows);
    },
    async loadStates(ids: readonly string[]) {
      return states.filter((s) => ids.includes(s.id));
    },
  };
}
