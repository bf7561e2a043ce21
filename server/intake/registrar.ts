import { createHash, randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { caseNumberPeriod } from '../../shared/numbering/index';
import type { Policy } from '../../shared/policy/policy';
import type { Actor, EventOf } from '../../shared/schema/event';
import {
  type ContactKeys,
  isSecondComplaint,
  normalizeEmail,
  normalizePhone,
} from '../../shared/severity/index';
import { type ComplaintSubmission, submissionToRegistration } from '../../shared/schema/submission';
import { deadlineFor } from '../../shared/sla/index';
import {
  type FoldEffect,
  type ReasonParams,
  type WorkflowReason,
  transition,
} from '../../shared/workflow/index';
import { complaintRow } from '../complaints/projection';
import { withTransaction } from '../db/transaction';
import { enqueueEffects } from '../notify/outbox';
import { EVENT_LOG_LOCK } from '../store/complaints';
import { caseNumberTemplate } from './case-number-template';
import type { IntakeFile } from './multipart';

/** What the widget is told (201 the first time, 200 on a repeat). */
export interface IntakeAnswer {
  id: string;
  caseNumber: string;
  receivedAt: string;
  replyDueAt: string;
}

export type RegisterOutcome =
  | { kind: 'created'; answer: IntakeAnswer; effects: FoldEffect[] }
  | { kind: 'repeat'; answer: IntakeAnswer }
  /** The id was used with another body (or names a complaint that did not come through intake). */
  | { kind: 'conflict' }
  /** The shared workflow refused the registration (the schemas disagree: a bug, not the user's). */
  | { kind: 'refused'; reason: WorkflowReason; params?: ReasonParams }
  /** The site had its daily quota of registrations (nothing stored). */
  | { kind: 'quotaExceeded' }
  /** Its photos would take the stored photos beyond the storage limit (nothing stored). */
  | { kind: 'storageFull' };

/** The server registering a web-form complaint on its own. */
export const INTAKE_ACTOR: Actor = { id: 'intake', name: 'Web form', role: 'system' };

/** Stands for the case number until SQL allocates it (upper case in JSON, lower in `search`). */
const PENDING = 'CDPENDING';
/** Separates JSON documents in one text parameter: JSON.stringify never emits a raw U+0001. */
const SEP = '\u0001';
/** Registrations per statement; a larger backlog waits for the next one. */
const MAX_BATCH = 100;
/** Photo bytes per statement: a group with more waits for the next one (at least one goes). */
const MAX_BATCH_FILE_BYTES = 8 * 1_048_576;
const DAY_MS = 86_400_000;
/** How far apart the clocks of two server processes may be (second complaints across them). */
const CLOCK_SKEW_MS = 5_000;
/** Newest earlier complaints read per contact and category: the newest that qualifies wins. */
const CANDIDATES_PER_CONTACT = 5;

/**
 * Unique violations that mean "this submission id is taken" (another server registered it
 * meanwhile). Any other violation — a case number already in use, say — is a server fault and
 * must never reach the visitor as a 409.
 */
const ID_CONSTRAINTS = new Set(['complaints_pkey', 'submissions_pkey']);
function isIdClash(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string };
  return e.code === '23505' && ID_CONSTRAINTS.has(e.constraint ?? '');
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Identifies the complaint's content: key order, whitespace and the anti-spam timing (which a
 * retry may report differently) do not matter.
 */
export function submissionHash(
  s: ComplaintSubmission,
  files: readonly Pick<IntakeFile, 'sha256'>[] = [],
): string {
  const { antiSpam: _spam, ...content } = s;
  const hash = createHash('sha256').update(canonical(content)).digest('hex');
  // With photos, the same JSON with other photos is another complaint (409 under one id).
  if (files.length === 0) return hash;
  return createHash('sha256')
    .update([hash, ...files.map((f) => f.sha256)].join('\n'))
    .digest('hex');
}

/**
 * Registers a batch in one statement: take the event-log lock, skip ids already taken, allocate
 * each month's serials at once, finish the case numbers, insert complaints, `registered` events
 * (in arrival order) and submissions with their answers. A statement is atomic: a unique
 * violation (another server won a race for an id) undoes all of it, serials included.
 */
const REGISTER_SQL = `
WITH lock AS (SELECT pg_advisory_xact_lock($1::bigint)),
input AS (
  SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[],
    $8::text[], $9::text[], $10::timestamptz[], $11::timestamptz[], $12::int[],
    string_to_array($13::text, E'\\x01')::jsonb[], $14::text[], $15::uuid[],
    string_to_array($16::text, E'\\x01')::jsonb[], $17::text[],
    string_to_array($18::text, E'\\x01')::jsonb[], $20::text[], $21::text[], $22::text[],
    $30::timestamptz[])
    WITH ORDINALITY AS i(id, period, prefix, width, suffix, status, severity, site, received_at,
      next_due_at, version, snapshot, search, event_id, payload, hash, response, phone_key,
      email_key, category, alert_at, ord)
),
fresh AS (
  SELECT i.*, row_number() OVER (PARTITION BY i.period ORDER BY i.ord) AS rank
  FROM input i, lock
  WHERE NOT EXISTS (SELECT 1 FROM submissions s WHERE s.id = i.id)
    AND NOT EXISTS (SELECT 1 FROM complaints c WHERE c.id = i.id)
),
counts AS (SELECT period, count(*)::int AS n FROM fresh GROUP BY period),
serial AS (
  INSERT INTO case_number_counters AS k (period, last) SELECT period, n FROM counts
  ON CONFLICT (period) DO UPDATE SET last = k.last + EXCLUDED.last
  RETURNING period, last
),
num AS (
  SELECT f.*, f.prefix || CASE WHEN length(x.serial::text) >= f.width THEN x.serial::text
      ELSE lpad(x.serial::text, f.width, '0') END || f.suffix AS case_number
  FROM fresh f
  JOIN counts c ON c.period = f.period
  JOIN serial s ON s.period = f.period
  CROSS JOIN LATERAL (SELECT s.last - c.n + f.rank AS serial) x
),
complaint AS (
  INSERT INTO complaints (id, case_number, status, severity, site, received_at, next_due_at,
    alert_at, updated_at, version, snapshot, search, phone_key, email_key, category)
  SELECT id, case_number, status, severity, site, received_at, next_due_at, alert_at, received_at,
    version,
    jsonb_set(snapshot, '{caseNumber}', to_jsonb(case_number)),
    replace(search, lower('${PENDING}'), lower(case_number)), phone_key, email_key, category
  FROM num ORDER BY ord
),
attachment AS (
  INSERT INTO attachments (id, complaint_id, name, type, size, sha256, bytes)
  SELECT a.id, a.complaint_id, a.name, a.type, a.size, a.sha256, a.bytes
  FROM unnest($23::uuid[], $24::uuid[], $25::text[], $26::text[], $27::int[], $28::text[],
    $29::bytea[]) AS a(id, complaint_id, name, type, size, sha256, bytes)
  JOIN num ON num.id = a.complaint_id
),
event AS (
  INSERT INTO events (id, complaint_id, type, at, actor, payload, received_at)
  SELECT event_id, id, 'registered', received_at, $19::jsonb,
    jsonb_set(payload, '{caseNumber}', to_jsonb(case_number)), received_at
  FROM num ORDER BY ord
)
INSERT INTO submissions (id, body_hash, complaint_id, response, received_at)
SELECT id, hash, id, jsonb_set(response, '{caseNumber}', to_jsonb(case_number)), received_at
FROM num ORDER BY ord
RETURNING id, response`;

/** What `register` was given, waiting for its group's statement. */
interface Input {
  submission: ComplaintSubmission;
  now: Date;
  policy: Policy;
  files: readonly IntakeFile[];
  /** Registrations allowed per site in any 24 hours; 0: no quota. */
  dailyQuota: number;
  /** Photo bytes all complaints may store together; undefined: no limit. */
  storageBytes: number | undefined;
}

const photoBytes = (input: Input) => input.files.reduce((sum, f) => sum + f.size, 0);

/** A stored photo as the statement inserts it. */
interface PreparedFile extends IntakeFile {
  id: string;
  complaintId: string;
}

/** A submission made ready before it reaches the database (all rules applied in JS). */
interface Prepared {
  id: string;
  hash: string;
  period: string;
  template: { prefix: string; width: number; suffix: string };
  row: ReturnType<typeof complaintRow>;
  snapshot: string;
  eventId: string;
  payload: string;
  /** The answer, with the case number still pending. */
  response: string;
  effects: FoldEffect[];
  files: PreparedFile[];
}

interface Waiting {
  input: Input;
  /** Set by the group's run once the second-complaint lookup is done. */
  item?: Prepared;
  resolve: (outcome: RegisterOutcome) => void;
  reject: (err: unknown) => void;
}

/** "key\u0001category" strings → [keys, categories], the two arrays the query unnests. */
function pairs(set: Set<string>): [string[], string[]] {
  const split = [...set].map((p) => p.split(SEP) as [string, string]);
  return [split.map((p) => p[0]), split.map((p) => p[1])];
}

/** The parts of a submission the shared second-complaint rule compares. */
function contactOf(input: Input): ContactKeys | undefined {
  const { submission: s, now } = input;
  if (s.complainant.anonymous || !s.category) return undefined;
  return {
    id: s.id,
    phone: s.complainant.phone,
    email: s.complainant.email,
    category: s.category,
    receivedAt: now.toISOString(),
  };
}

function prepare(
  { submission, now, policy, files }: Input,
  secondComplaintOf: string | undefined,
): Prepared | RegisterOutcome {
  const receivedAt = now.toISOString();
  const timeZone = policy.calendar.timeZone;
  const stored: PreparedFile[] = files.map((f) => ({
    ...f,
    id: randomUUID(),
    complaintId: submission.id,
  }));
  const record = submissionToRegistration(submission, receivedAt);
  // The photos received, with the ids staff fetch them by (they replace the sent metadata).
  if (stored.length > 0)
    record.attachments = stored.map(({ id, name, type, size }) => ({ id, name, type, size }));
  const event: EventOf<'registered'> = {
    id: randomUUID(),
    complaintId: submission.id,
    type: 'registered',
    at: receivedAt,
    actor: INTAKE_ACTOR,
    payload: {
      record,
      caseNumber: PENDING,
      caseNumberIssuer: 'server',
      ...(secondComplaintOf ? { secondComplaintOf } : {}),
    },
  };
  const applied = transition(undefined, event, { policy });
  if (!applied.ok) return { kind: 'refused', reason: applied.reason, params: applied.params };
  const state = applied.state;
  return {
    id: submission.id,
    hash: submissionHash(submission, files),
    period: caseNumberPeriod(now, timeZone, policy.caseNumberFormat),
    template: caseNumberTemplate(now, timeZone, policy.caseNumberFormat),
    row: complaintRow(state, policy),
    snapshot: JSON.stringify(state),
    eventId: event.id,
    payload: JSON.stringify(event.payload),
    response: JSON.stringify({
      id: submission.id,
      caseNumber: PENDING,
      receivedAt,
      replyDueAt: deadlineFor(
        'reply',
        { at: now, severity: state.severity.level, channel: state.channel, urgent: state.urgent },
        policy,
      ).dueAt.toISOString(),
    } satisfies IntakeAnswer),
    effects: applied.effects.map((e) => ({ ...e, eventId: event.id })),
    files: stored,
  };
}

/**
 * Candidates for second complaints: for each (normalized phone or email, category) pair of the
 * group, the newest few earlier complaints through the contact indexes. The stored keys come
 * back instead of the snapshot's contact fields (the shared normalizers are idempotent, so
 * `isSecondComplaint` reads them as it reads raw input) — no snapshot is parsed. The received-at
 * range only narrows the read (a day wider than the window on each side); the shared rule
 * decides. Newest first.
 */
export const CANDIDATES_SQL = `
SELECT id, category, received_at, phone, email FROM (
  SELECT c.* FROM unnest($3::text[], $4::text[]) AS k(key, category)
  CROSS JOIN LATERAL (
    SELECT id, category, received_at, phone_key AS phone, email_key AS email FROM complaints
    WHERE phone_key = k.key AND category = k.category
      AND received_at >= $1::timestamptz AND received_at <= $2::timestamptz
    ORDER BY received_at DESC LIMIT ${CANDIDATES_PER_CONTACT}) c
  UNION
  SELECT c.* FROM unnest($5::text[], $6::text[]) AS k(key, category)
  CROSS JOIN LATERAL (
    SELECT id, category, received_at, phone_key AS phone, email_key AS email FROM complaints
    WHERE email_key = k.key AND category = k.category
      AND received_at >= $1::timestamptz AND received_at <= $2::timestamptz
    ORDER BY received_at DESC LIMIT ${CANDIDATES_PER_CONTACT}) c
) candidates
ORDER BY received_at DESC, id`;

/** The `registered` event of a prepared registration, as the notification hook reads it. */
const registeredEvent = (p: Prepared) => ({
  id: p.eventId,
  complaintId: p.id,
  type: 'registered' as const,
  at: p.row.receivedAt,
});

/**
 * Web-form registrations, grouped: submissions arriving while a statement runs go together in
 * the next one (group commit). One round trip and one commit per group instead of per
 * complaint, which is what lets the embedded database (running on the request thread) and
 * PostgreSQL (one fsync per commit, serialized by the month's counter row) keep up.
 *
 * Each registration also says which earlier complaint it repeats (`secondComplaintOf`, docs/rules.md
 * §3): one indexed read per group finds the candidates (earlier ones in the same group count
 * too), and the shared `isSecondComplaint` picks the newest that qualifies.
 */
export class Registrar {
  readonly #pool: Pool;
  #queue: Waiting[] = [];
  #running = false;

  readonly #serialize: boolean;
  /** Where the current group's statements go: the pool, or the group's transaction. */
  #db: Pool | PoolClient;
  #inTransaction = false;

  /**
   * `serialize` (several processes on one PostgreSQL): each group runs in a transaction that
   * takes the event-log lock before it looks for earlier complaints, so the second-complaint
   * check and the numbering see the same, final set of complaints whichever process registers
   * them. Answers are given after the commit.
   */
  constructor(pool: Pool, { serialize = false }: { serialize?: boolean } = {}) {
    this.#pool = pool;
    this.#db = pool;
    this.#serialize = serialize;
  }

  register(
    submission: ComplaintSubmission,
    {
      now,
      policy,
      files = [],
      dailyQuota = 0,
      storageBytes,
    }: {
      now: Date;
      policy: Policy;
      files?: readonly IntakeFile[];
      dailyQuota?: number;
      storageBytes?: number;
    },
  ): Promise<RegisterOutcome> {
    return new Promise((resolve, reject) => {
      this.#queue.push({
        input: { submission, now, policy, files, dailyQuota, storageBytes },
        resolve,
        reject,
      });
      if (!this.#running) {
        this.#running = true;
        // Let the requests already parsed in this turn of the event loop join the group.
        setImmediate(() => void this.#drain());
      }
    });
  }

  /** The next group: at most MAX_BATCH, and at most MAX_BATCH_FILE_BYTES of photos (≥ 1). */
  #nextBatch(): Waiting[] {
    let bytes = 0;
    let n = 0;
    while (n < this.#queue.length && n < MAX_BATCH) {
      const size = photoBytes(this.#queue[n]!.input);
      if (n > 0 && bytes + size > MAX_BATCH_FILE_BYTES) break;
      bytes += size;
      n++;
    }
    return this.#queue.splice(0, n);
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#nextBatch();
      try {
        await this.#run(batch);
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    this.#running = false;
  }

  /** `secondComplaintOf` per waiting registration (undefined: not a second complaint). */
  async #secondComplaints(batch: readonly Waiting[]): Promise<(string | undefined)[]> {
    const contacts = batch.map((w) => contactOf(w.input));
    // "key\u0001category" pairs, so each contact is probed only in its own category.
    const phones = new Set<string>();
    const emails = new Set<string>();
    const categories = new Set<string>();
    let from = Number.POSITIVE_INFINITY;
    let to = Number.NEGATIVE_INFINITY;
    for (const [i, c] of contacts.entries()) {
      if (!c) continue;
      const phone = normalizePhone(c.phone);
      const email = normalizeEmail(c.email);
      if (!phone && !email) continue;
      if (phone) phones.add(`${phone}${SEP}${c.category}`);
      if (email) emails.add(`${email}${SEP}${c.category}`);
      categories.add(c.category);
      const { now, policy } = batch[i]!.input;
      from = Math.min(from, now.getTime() - (policy.secondComplaintWindowDays + 1) * DAY_MS);
      to = Math.max(to, now.getTime() + DAY_MS);
    }
    if (categories.size === 0) return batch.map(() => undefined);
    const { rows } = await this.#db.query<{
      id: string;
      category: string;
      received_at: Date;
      phone: string | null;
      email: string | null;
    }>({
      name: 'intake-second-complaints',
      text: CANDIDATES_SQL,
      values: [new Date(from), new Date(to), ...pairs(phones), ...pairs(emails)],
    });
    const stored: ContactKeys[] = rows.map((r) => ({
      id: r.id,
      category: r.category,
      receivedAt: r.received_at.toISOString(),
      phone: r.phone ?? undefined,
      email: r.email ?? undefined,
    }));
    return contacts.map((candidate, i) => {
      if (!candidate) return undefined;
      // Earlier registrations of this group, newest first, then the stored ones.
      const earlier = contacts
        .slice(0, i)
        .filter((c): c is ContactKeys => c !== undefined)
        .reverse();
      const policy = batch[i]!.input.policy;
      // Stored complaints were registered before this one (the event-log lock orders them),
      // though another process's clock may have stamped them a moment later.
      const at = Date.parse(candidate.receivedAt);
      const before = stored.map((p) =>
        Date.parse(p.receivedAt) > at && Date.parse(p.receivedAt) - at <= CLOCK_SKEW_MS
          ? { ...p, receivedAt: candidate.receivedAt }
          : p,
      );
      return [...earlier, ...before].find((p) => isSecondComplaint(candidate, [p], policy))?.id;
    });
  }

  async #run(group: Waiting[]): Promise<void> {
    if (!this.#serialize) return this.#runGroup(group);
    // Hold every answer until the commit: nothing is acknowledged that could still roll back.
    const settled: (() => void)[] = [];
    const held = group.map((w) => ({
      ...w,
      resolve: (o: RegisterOutcome) => settled.push(() => w.resolve(o)),
      reject: (e: unknown) => settled.push(() => w.reject(e)),
    }));
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [EVENT_LOG_LOCK]);
      this.#db = client;
      this.#inTransaction = true;
      await this.#runGroup(held);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch((e: Error) => {
        broken = e;
      });
      throw err;
    } finally {
      this.#db = this.#pool;
      this.#inTransaction = false;
      client.release(broken);
    }
    for (const settle of settled) settle();
  }

  /**
   * The new registrations of the group that must be refused, in arrival order: `quotaExceeded`
   * beyond a site's daily quota, `storageFull` when their photos would take the stored photos
   * beyond the storage limit. Runs where numbering is serialized (one group at a time in this
   * process, and under the event-log lock across processes), so concurrent submissions at a
   * limit never pass it: each accepted one counts before the next is checked. Repeats of a
   * registered id are not counted (they store nothing) and still get their answer.
   */
  async #refusals(group: readonly Waiting[]): Promise<Map<Waiting, RegisterOutcome>> {
    const refused = new Map<Waiting, RegisterOutcome>();
    const limited = group.filter(
      (w) =>
        w.input.dailyQuota > 0 || (w.input.storageBytes !== undefined && photoBytes(w.input) > 0),
    );
    if (limited.length === 0) return refused;
    const quota = limited.filter((w) => w.input.dailyQuota > 0);
    const siteOf = (w: Waiting) => w.input.submission.site ?? null;
    const sites = [...new Set(quota.map(siteOf))];
    // Counted from the earliest arrival's window: a group spans milliseconds, and counting a
    // little more never lets one through beyond the quota.
    const since = Math.min(...quota.map((w) => w.input.now.getTime())) - DAY_MS;
    const named = sites.filter((s): s is string => s !== null);
    // One after another: on PostgreSQL these share the group's transaction (one connection).
    const counts =
      quota.length === 0
        ? { rows: [] }
        : await this.#db.query<{ site: string | null; n: number }>(
            `SELECT site, count(*)::int AS n FROM complaints
             WHERE received_at > $1 AND (site = ANY($2::text[]) OR ($3 AND site IS NULL))
             GROUP BY site`,
            [new Date(since), named, sites.includes(null)],
          );
    const taken = await this.#db.query<{ id: string }>(
      'SELECT id FROM submissions WHERE id = ANY($1::uuid[])',
      [limited.map((w) => w.input.submission.id)],
    );
    const photos = limited.some((w) => photoBytes(w.input) > 0)
      ? await this.#db.query<{ n: string }>('SELECT coalesce(sum(size), 0) AS n FROM attachments')
      : { rows: [{ n: '0' }] };
    const used = new Map(counts.rows.map((r) => [r.site, r.n]));
    const registered = new Set(taken.rows.map((r) => r.id));
    let stored = Number(photos.rows[0]!.n);
    for (const w of limited) {
      const { submission, dailyQuota, storageBytes } = w.input;
      if (registered.has(submission.id)) continue;
      const n = used.get(siteOf(w)) ?? 0;
      if (dailyQuota > 0 && n >= dailyQuota) {
        refused.set(w, { kind: 'quotaExceeded' });
        continue;
      }
      const bytes = photoBytes(w.input);
      if (storageBytes !== undefined && bytes > 0 && stored + bytes > storageBytes) {
        refused.set(w, { kind: 'storageFull' });
        continue;
      }
      if (dailyQuota > 0) used.set(siteOf(w), n + 1);
      stored += bytes;
      // A second submission with this id in the group is a repeat (or a conflict), not a new one.
      registered.add(submission.id);
    }
    return refused;
  }

  async #runGroup(all: Waiting[]): Promise<void> {
    const refused = await this.#refusals(all);
    for (const [w, outcome] of refused) w.resolve(outcome);
    const group = all.filter((w) => !refused.has(w));
    const seconds = await this.#secondComplaints(group);
    const batch: Waiting[] = [];
    for (const [i, w] of group.entries()) {
      const prepared = prepare(w.input, seconds[i]);
      if ('hash' in prepared) {
        w.item = prepared;
        batch.push(w);
      } else w.resolve(prepared);
    }
    if (batch.length === 0) return;
    const item = (w: Waiting) => w.item!;
    // The first of several submissions with one id in a group is registered; the rest are repeats.
    const firsts = new Map<string, Waiting>();
    for (const w of batch) if (!firsts.has(item(w).id)) firsts.set(item(w).id, w);
    const items = [...firsts.values()];
    let stored: Map<string, IntakeAnswer>;
    const failed = new Map<Waiting, unknown>();
    try {
      stored = await this.#insert(items.map(item));
    } catch (err) {
      if (!isIdClash(err)) throw err;
      // Another server took one of these ids meanwhile: register them one by one. Any other
      // error fails only its own registration (a server error, never an id conflict).
      stored = new Map();
      for (const w of items) {
        try {
          for (const [id, answer] of await this.#insert([item(w)])) stored.set(id, answer);
        } catch (one) {
          if (!isIdClash(one)) failed.set(w, one);
        }
      }
    }
    // Repeats of a failed registration in this group fail with it.
    const failedIds = new Set([...failed.keys()].map((w) => item(w).id));
    for (const w of batch) {
      if (failedIds.has(item(w).id) && !failed.has(w)) failed.set(w, failed.values().next().value);
    }
    for (const [w, err] of failed) w.reject(err);
    const missing = batch.filter(
      (w) => !failed.has(w) && (!stored.has(item(w).id) || firsts.get(item(w).id) !== w),
    );
    const earlier = await this.#earlier([...new Set(missing.map((w) => item(w).id))]);
    for (const w of batch) {
      if (failed.has(w)) continue;
      const answer = stored.get(item(w).id);
      if (answer && firsts.get(item(w).id) === w) {
        w.resolve({ kind: 'created', answer, effects: item(w).effects });
        continue;
      }
      const first = earlier.get(item(w).id);
      w.resolve(
        first && first.hash === item(w).hash
          ? { kind: 'repeat', answer: first.response }
          : { kind: 'conflict' },
      );
    }
  }

  /**
   * Registers `items`; their notifications (server/notify) commit in the same transaction. Inside
   * a serialized group's transaction a savepoint undoes this statement only, so a retry can follow.
   */
  async #insert(items: Prepared[]): Promise<Map<string, IntakeAnswer>> {
    const registerAndNotify = async (client: PoolClient) => {
      const stored = await this.#register(client, items);
      const done = items.filter((p) => stored.has(p.id));
      await enqueueEffects(
        client,
        done.map(registeredEvent),
        done.flatMap((p) => p.effects),
      );
      return stored;
    };
    if (!this.#inTransaction) return withTransaction(this.#pool, registerAndNotify);
    const client = this.#db as PoolClient;
    await client.query('SAVEPOINT register');
    try {
      const stored = await registerAndNotify(client);
      await client.query('RELEASE SAVEPOINT register');
      return stored;
    } catch (err) {
      await client.query('ROLLBACK TO SAVEPOINT register');
      throw err;
    }
  }

  async #register(client: PoolClient, items: Prepared[]): Promise<Map<string, IntakeAnswer>> {
    const col = <T>(f: (p: Prepared) => T) => items.map(f);
    const files = items.flatMap((p) => p.files);
    const fileCol = <T>(f: (p: PreparedFile) => T) => files.map(f);
    const { rows } = await client.query<{ id: string; response: IntakeAnswer }>({
      // Named: parsed and planned once per connection.
      name: 'intake-register',
      text: REGISTER_SQL,
      values: [
        EVENT_LOG_LOCK,
        col((p) => p.id),
        col((p) => p.period),
        col((p) => p.template.prefix),
        col((p) => p.template.width),
        col((p) => p.template.suffix),
        col((p) => p.row.status),
        col((p) => p.row.severity),
        col((p) => p.row.site),
        col((p) => p.row.receivedAt),
        col((p) => p.row.nextDueAt),
        col((p) => p.row.version),
        col((p) => p.snapshot).join(SEP),
        col((p) => p.row.search),
        col((p) => p.eventId),
        col((p) => p.payload).join(SEP),
        col((p) => p.hash),
        col((p) => p.response).join(SEP),
        JSON.stringify(INTAKE_ACTOR),
        col((p) => p.row.phoneKey),
        col((p) => p.row.emailKey),
        col((p) => p.row.category),
        fileCol((f) => f.id),
        fileCol((f) => f.complaintId),
        fileCol((f) => f.name),
        fileCol((f) => f.type),
        fileCol((f) => f.size),
        fileCol((f) => f.sha256),
        fileCol((f) => f.bytes),
        col((p) => p.row.alertAt),
      ],
    });
    return new Map(rows.map((r) => [r.id, r.response]));
  }

  /** The stored hash and answer of submissions registered before. */
  async #earlier(ids: string[]): Promise<Map<string, { hash: string; response: IntakeAnswer }>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.#db.query<{
      id: string;
      body_hash: string;
      response: IntakeAnswer;
    }>('SELECT id, body_hash, response FROM submissions WHERE id = ANY($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [r.id, { hash: r.body_hash, response: r.response }]));
  }
}
