import 'fake-indexeddb/auto';
import { CaseBuilder } from '../../test/support/review';
import { shanghai, uuidFor } from '../../test/support/workflow';
import { describe, expect, it } from 'vitest';
import { alarmTick, storageSentStore } from './alarm';
import { ReviewTestDb, rowFor, uniqueName } from '../../test/support/extension/review-db';

function memoryArea() {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (k: string) => ({ [k]: data[k] }),
    set: async (items: Record<string, unknown>) => void Object.assign(data, items),
  };
}

describe('alarmTick', () => {
  it('sets the badge and notifies once per alert, across restarts', async () => {
    const db = new ReviewTestDb(uniqueName('alarm'));
    const T0 = shanghai('2026-03-02 10:00');
    const severe = new CaseBuilder(uuidFor(1))
      .register(
        T0,
        { description: 'The machine leaked; I will call a journalist.' },
        { caseNumber: '2603-0001' },
      )
      .state();
    const plain = new CaseBuilder(uuidFor(2)).register(T0, {}, { caseNumber: '2603-0002' }).state();
    const now = new Date(shanghai('2026-03-02 10:25'));
    await db.complaints.bulkPut([severe, plain].map((s) => rowFor(s, now)));
    const area = memoryArea();
    const shown: string[] = [];
    const badges: string[] = [];
    const tick = (at: string, last: string) =>
      alarmTick({
        db,
        now: new Date(shanghai(at)),
        lastTick: new Date(shanghai(last)),
        locale: 'en',
        sent: storageSentStore(area),
        setBadge: (b) => void badges.push(b.text),
        notify: (n, text) => void shown.push(`${n.kind}:${n.clock ?? n.level}:${text.title}`),
      });

    await tick('2026-03-02 10:25', '2026-03-02 10:24');
    expect(badges).toEqual(['~2']);
    expect(shown.sort()).toEqual(
      [
        'severe:L3:New L3 major complaint',
        'warn:forward:Forward deadline at risk',
        'warn:forward:Forward deadline at risk',
        'warn:progress:Progress update deadline at risk',
      ].sort(),
    );

    // A restarted worker (same store): nothing again; later the breaches, once.
    shown.length = 0;
    await tick('2026-03-02 10:26', '2026-03-02 10:25');
    expect(shown).toEqual([]);
    await tick('2026-03-02 10:31', '2026-03-02 10:26');
    expect(badges.at(-1)).toBe('!2');
    expect(shown.filter((s) => s.startsWith('breach:forward'))).toHaveLength(2);
    const again = shown.length;
    await tick('2026-03-02 10:32', '2026-03-02 10:31');
    expect(shown.length).toBe(again);
    expect(Object.keys(area.data.alertsSent as object).length).toBeGreaterThanOrEqual(6);
    db.close();
  });
});
