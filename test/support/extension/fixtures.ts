import type { Draft } from '@shared/schema/registration';
import { ComplaintDb } from '../../../extension/db/database';
import type { Actor } from '../../../extension/db/types';

let counter = 0;
/** A fresh database per test (fake-indexeddb keeps databases for the whole file). */
export function freshDb(): ComplaintDb {
  counter += 1;
  return new ComplaintDb(
    `cd-test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`,
  );
}

export const AGENT: Actor = { id: 'agent-1', name: '王芳', role: 'agent' };

export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export const NOW = new Date('2026-11-03T02:00:00.000Z'); // Tue 10:00 in Shanghai: working hours

export function capturedEvent(id: string, complaintId: string, draft: Draft, at = NOW) {
  return {
    id,
    complaintId,
    type: 'captured',
    at: at.toISOString(),
    actor: AGENT,
    payload: { draft },
  };
}

export const COMPLETE_DRAFT: Draft = {
  channel: 'web_page',
  receivedAt: NOW.toISOString(),
  complainant: { name: '李', anonymous: false, phone: '13812345678' },
  description: 'The washing machine arrived dented and the driver was rude.',
  demand: 'Replacement',
};
