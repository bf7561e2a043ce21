import * as z from 'zod/mini';
import { type HttpOptions, SyncError, call } from '../sync/client';

const Delivery = z.object({
  id: z.string(),
  key: z.string(),
  channel: z.string(),
  channelType: z.string(),
  event: z.string(),
  complaintId: z.nullable(z.string()),
  status: z.enum(['pending', 'sending', 'delivered', 'dead']),
  attempts: z.number(),
  createdAt: z.string(),
  deliveredAt: z.nullable(z.string()),
  lastError: z.nullable(z.string()),
});
export type Delivery = z.infer<typeof Delivery>;
const Answer = z.object({ items: z.array(Delivery) });

/** How a person reads a delivery's state. */
export type DeliveryState = 'delivered' | 'queued' | 'retrying' | 'dead';

/**
 * `pending` before any try is queued (e.g. held for quiet hours); a failed try puts it back to
 * `pending`, and a try in flight is `sending`: both mean the server is still retrying it.
 */
export function deliveryState(d: Pick<Delivery, 'status' | 'attempts'>): DeliveryState {
  if (d.status === 'delivered' || d.status === 'dead') return d.status;
  return d.status === 'pending' && d.attempts === 0 ? 'queued' : 'retrying';
}

export type DeliveryLog =
  | { ok: true; items: Delivery[] }
  | { ok: false; reason: string; params?: Record<string, unknown> };

/**
 * The last deliveries of the server's notifications (`GET /api/v1/admin/deliveries`, admins
 * only): `forbidden` for any other token, the sync client's reasons (network, timeout…) else.
 */
export function loadDeliveries(opts: HttpOptions, limit = 5): Promise<DeliveryLog> {
  return read(opts, `/admin/deliveries?limit=${limit}`);
}

/** What the server sent about one case (`GET /complaints/:id/deliveries`, any staff token). */
export function loadCaseDeliveries(opts: HttpOptions, complaintId: string): Promise<DeliveryLog> {
  return read(opts, `/complaints/${encodeURIComponent(complaintId)}/deliveries`);
}

async function read(opts: HttpOptions, path: string): Promise<DeliveryLog> {
  try {
    const answer = Answer.safeParse(await call(opts, path, { method: 'GET' }));
    if (!answer.success) return { ok: false, reason: 'ext.sync.error.badAnswer' };
    return { ok: true, items: answer.data.items };
  } catch (err) {
    if (!(err instanceof SyncError)) throw err;
    if (err.status === 403) return { ok: false, reason: 'ext.deliveries.forbidden' };
    return { ok: false, reason: err.reason, ...(err.params ? { params: err.params } : {}) };
  }
}
