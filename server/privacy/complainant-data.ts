import type { Pool } from 'pg';
import { randomUUID } from 'node:crypto';
import { normalizeEmail, normalizePhone } from '../../shared/contact/contact-key';
import type { Policy } from '../../shared/policy/policy';
import { anonymiseEvent, isDueForErasure } from '../../shared/privacy/anonymise';
import type { ComplaintState } from '../../shared/schema/complaint';
import type { Actor, ComplaintEvent, EventOf } from '../../shared/schema/event';
import { TERMINAL_STATUSES, fold } from '../../shared/workflow/index';
import { withTransaction } from '../db/transaction';
import { loadStates, lockEventLog, saveComplaints } from '../store/complaints';
import { eventsOf, insertEvents } from '../store/events';

/** Who a request is about: a phone number and/or an email, compared as intake compares them. */
export interface ComplainantContact {
  phone?: string;
  email?: string;
}

/** Complaints whose complainant has this phone or email (the shared caller keys). */
export async function complaintsOf(pool: Pool, contact: ComplainantContact): Promise<string[]> {
  const phone = normalizePhone(contact.phone) ?? null;
  const email = normalizeEmail(contact.email) ?? null;
  if (!phone && !email) return [];
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM complaints WHERE (phone_key = $1 OR email_key = $2) ORDER BY received_at, id`,
    [phone, email],
  );
  return rows.map((r) => r.id);
}

export interface ComplainantExport {
  format: 'complaint-desk-personal-data';
  contact: ComplainantContact;
  exportedAt: string;
  complaints: {
    id: string;
    snapshot: ComplaintState;
    events: ComplaintEvent[];
    attachments: { id: string; name: string; type: string; size: number }[];
  }[];
}

/** Everything stored about one complainant (PIPL art. 45: a copy on request). */
export async function exportComplainant(
  pool: Pool,
  contact: ComplainantContact,
  now: Date,
): Promise<ComplainantExport> {
  const ids = await complaintsOf(pool, contact);
  const states = await loadStates(pool, ids);
  const complaints: ComplainantExport['complaints'] = [];
  for (const id of ids) {
    const { rows } = await pool.query<{ id: string; name: string; type: string; size: number }>(
      'SELECT id, name, type, size FROM attachments WHERE complaint_id = $1 ORDER BY id',
      [id],
    );
    complaints.push({
      id,
      snapshot: states.get(id)!,
      events: (await eventsOf(pool, id)).map(({ seq: _seq, ...e }) => e as ComplaintEvent),
      attachments: rows,
    });
  }
  return {
    format: 'complaint-desk-personal-data',
    contact,
    exportedAt: now.toISOString(),
    complaints,
  };
}

export interface EraseOptions {
  policy: Policy;
  now: Date;
  actor: Actor;
  reason: string;
  scope: 'retention' | 'request';
  /** The admin token that asked (audit); null for the retention job. */
  tokenId: string | null;
}

export interface EraseResult {
  erased: string[];
  /** Cases left as they are, with why: still open, or already erased. */
  skipped: { id: string; reason: string }[];
}

/**
 * Erases the personal data of finished complaints (docs/rules.md R-PIPL-1): every stored event is
 * rewritten through the shared `anonymiseEvent`, a `personalDataErased` event records who, when
 * and why, the snapshot is the fold of the anonymised log, and the photos are deleted. The
 * anonymised log must fold without refusals, else the case is left untouched and reported.
 */
export async function eraseComplaints(
  pool: Pool,
  ids: readonly string[],
  opts: EraseOptions,
): Promise<EraseResult> {
  const result: EraseResult = { erased: [], skipped: [] };
  if (ids.length === 0) return result;
  await withTransaction(pool, async (client) => {
    await lockEventLog(client);
    const states = await loadStates(client, ids);
    for (const id of ids) {
      const state = states.get(id);
      if (!state) continue;
      if (state.erasedAt) {
        result.skipped.push({ id, reason: 'workflow.erase.already' });
        continue;
      }
      if (!TERMINAL_STATUSES.includes(state.status)) {
        result.skipped.push({ id, reason: 'privacy.stillOpen' });
        continue;
      }
      const events = (await eventsOf(client, id)).map(({ seq: _seq, ...e }) => e as ComplaintEvent);
      const anonymised = events.map(anonymiseEvent);
      const erasure: EventOf<'personalDataErased'> = {
        id: randomUUID(),
        complaintId: id,
        type: 'personalDataErased',
        at: opts.now.toISOString(),
        actor: opts.actor,
        payload: {
          reason: opts.reason,
          scope: opts.scope,
          kept: {
            level: state.severity.level,
            assessedLevel: state.severity.assessed.level,
            tier: state.tier,
          },
        },
      };
      const folded = fold([...anonymised, erasure], { policy: opts.policy });
      if (folded.rejected.length > 0 || !folded.state) {
        result.skipped.push({ id, reason: folded.rejected[0]?.reason ?? 'workflow.event.invalid' });
        continue;
      }
      const changed = anonymised.filter((e, i) => e !== events[i]);
      await client.query(
        `UPDATE events e SET payload = u.payload
         FROM unnest($1::uuid[], string_to_array($2::text, E'\\x01')::jsonb[]) AS u(id, payload)
         WHERE e.id = u.id`,
        [changed.map((e) => e.id), changed.map((e) => JSON.stringify(e.payload)).join('\u0001')],
      );
      await insertEvents(client, [erasure], opts.now, { tokenOf: () => opts.tokenId });
      await saveComplaints(client, [folded.state], opts.policy);
      await client.query('DELETE FROM attachments WHERE complaint_id = $1', [id]);
      result.erased.push(id);
    }
  });
  return result;
}

/** Erases one complainant's finished complaints on request (PIPL art. 47). */
export async function eraseComplainant(
  pool: Pool,
  contact: ComplainantContact,
  opts: Omit<EraseOptions, 'scope'>,
): Promise<EraseResult> {
  return eraseComplaints(pool, await complaintsOf(pool, contact), { ...opts, scope: 'request' });
}

/** Finished complaints past `policy.personalDataRetentionDays`, erased by the system. */
export async function eraseExpired(pool: Pool, policy: Policy, now: Date): Promise<EraseResult> {
  const days = policy.personalDataRetentionDays;
  if (days === null) return { erased: [], skipped: [] };
  const { rows } = await pool.query<{ id: string; snapshot: ComplaintState }>(
    `SELECT id, snapshot FROM complaints
     WHERE status = ANY($1::text[]) AND updated_at < $2 AND NOT (snapshot ? 'erasedAt')`,
    [TERMINAL_STATUSES, new Date(now.getTime() - days * 86_400_000)],
  );
  const due = rows.filter((r) => isDueForErasure(r.snapshot, now, days)).map((r) => r.id);
  return eraseComplaints(pool, due, {
    policy,
    now,
    actor: { id: 'system', name: 'Complaint Desk', role: 'system' },
    reason: `Retention period of ${days} days over`,
    scope: 'retention',
    tokenId: null,
  });
}
