import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultPolicy } from '@shared/policy/default-policy';
import { databases, useDatabase } from '../../test/pg';
import { teamServer } from '../../test/team-server';
import 'fake-indexeddb/auto';
import { AGENT, COMPLETE_DRAFT, NOW, freshDb, uuid } from '../../test/support/extension/fixtures';
import { rebuildSnapshots } from '../db/log';
import { registerComplaint } from '../registration/register';
import {
  POLICY_KEY,
  activePolicy,
  activePolicyInfo,
  clearStoredPolicy,
  loadActivePolicy,
  onCallContact,
  refreshPolicy,
} from './active-policy';

vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

const SERVER = 'https://desk.test';

describe.each(databases)(
  'R-POLICY-2 the extension applies the server’s policy on $name',
  (target) => {
    const ctx = useDatabase(target);
    beforeEach(async () => {
      fakeBrowser.reset();
      await clearStoredPolicy();
    });

    async function customised() {
      const server = teamServer(ctx.db);
      const admin = await server.token('admin');
      const put = await server.fetch(`${SERVER}/api/v1/admin/policy`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ approvalLimits: { supervisor: 20_000 } }),
      });
      expect(put.status).toBe(200);
      return { server, token: await server.token('agent') };
    }

    it('fetches it, keeps it for offline use, and asks again with its version (304)', async () => {
      const { server, token } = await customised();
      const requests: (string | null)[] = [];
      const fetch = async (url: string, init?: RequestInit) => {
        requests.push(new Headers(init?.headers).get('if-none-match'));
        return server.fetch(url, init);
      };
      expect(activePolicyInfo().source).toBe('default');
      expect(await refreshPolicy({ serverUrl: SERVER, token }, fetch)).toBe('updated');
      expect(activePolicy().approvalLimits.supervisor).toBe(20_000);
      const { version } = activePolicyInfo();
      expect(await refreshPolicy({ serverUrl: SERVER, token }, fetch)).toBe('unchanged');
      expect(requests).toEqual([null, `"${version}"`]);

      // Offline: the server is unreachable, the last policy stays in force, also after a restart.
      const offline = async () => {
        throw new TypeError('Failed to fetch');
      };
      expect(await refreshPolicy({ serverUrl: SERVER, token }, offline)).toBe('failed');
      expect((await loadActivePolicy()).policy.approvalLimits.supervisor).toBe(20_000);
      expect(activePolicyInfo()).toMatchObject({ source: 'server', version });
    });

    it('a stored policy that no longer parses is ignored: the defaults apply', async () => {
      await fakeBrowser.storage.local.set({ [POLICY_KEY]: { version: 'x', policy: { nope: 1 } } });
      expect((await loadActivePolicy()).source).toBe('default');
      expect(activePolicy()).toBe(defaultPolicy);
    });

    it('staff receive the on-call contact’s name, never its address or a channel’s secret', async () => {
      const server = teamServer(ctx.db);
      const admin = await server.token('admin');
      const put = await server.fetch(`${SERVER}/api/v1/admin/policy`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          notifications: {
            channels: [
              { id: 'ops', type: 'wecom', url: 'https://qyapi.example/send?key=k1', secret: 's1' },
            ],
            onCall: { name: '值班经理 张', email: 'duty@example.com', phone: '13900000000' },
          },
        }),
      });
      expect(put.status).toBe(200);
      const token = await server.token('agent');
      expect(await refreshPolicy({ serverUrl: SERVER, token }, server.fetch)).toBe('updated');
      expect(activePolicy().notifications).toEqual({
        channels: [{ id: 'ops', type: 'wecom' }],
        onCall: { name: '值班经理 张' },
      });
      expect(JSON.stringify(activePolicy())).not.toMatch(/duty@|13900000000|key=k1|"s1"/);
      // The policy's contact wins over the one typed in this browser's options.
      expect(onCallContact('Set locally')).toBe('值班经理 张');
      await clearStoredPolicy();
      expect(onCallContact('Set locally')).toBe('Set locally');
      expect(onCallContact()).toBe('');
    });

    it('the stored snapshots are folded under it: severity and tiers are the server’s', async () => {
      const server = teamServer(ctx.db);
      const admin = await server.token('admin');
      const put = await server.fetch(`${SERVER}/api/v1/admin/policy`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ severity: { specialMajorAmount: 5_000 } }),
      });
      expect(put.status).toBe(200);
      const db = freshDb();
      const draft = { ...COMPLETE_DRAFT, amountClaimed: { value: 6_000, currency: 'CNY' } };
      const r = await registerComplaint(db, {
        complaintId: uuid(1),
        draft,
        actor: AGENT,
        now: NOW,
        eventId: uuid(2),
      });
      expect(r.ok).toBe(true);
      expect((await db.complaints.get(uuid(1)))?.severity).not.toBe('L4');
      expect(await refreshPolicy({ serverUrl: SERVER, token: admin }, server.fetch)).toBe(
        'updated',
      );
      await rebuildSnapshots(db, NOW);
      expect((await db.complaints.get(uuid(1)))?.severity).toBe('L4');
    });

    it('a refused token keeps what the device has', async () => {
      const { server } = await customised();
      expect(await refreshPolicy({ serverUrl: SERVER, token: 'cdt_wrong' }, server.fetch)).toBe(
        'failed',
      );
      expect(activePolicyInfo().source).toBe('default');
    });
  },
);
