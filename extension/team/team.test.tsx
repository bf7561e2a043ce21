// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultPolicy } from '@shared/policy/default-policy';
import { translator } from '../i18n';
import { saveSyncConfig } from '../sync/config';
import { loadSettings, saveSettings } from '../settings/settings';
import { type TeamDirectory, loadTeam, refreshTeam } from './directory';
import { HandlerPicker, type HandlerValue } from './handler-picker';

vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));
beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const MEMBERS = [
  { id: 't-wang', name: 'Wang Wei', role: 'handler' as const },
  { id: 't-li', name: '李娜', role: 'supervisor' as const },
];
/** As a server with departments on its tokens lists them (GET /team, by name). */
const STAFFED = [
  { id: 't-chen', name: '陈刚', role: 'handler' as const, department: 'logistics' },
  { id: 't-old', name: '老周', role: 'agent' as const, department: null },
  { id: 't-wang', name: 'Wang Wei', role: 'handler' as const, department: 'quality' },
  { id: 't-li', name: '李娜', role: 'supervisor' as const, department: 'quality' },
];
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('team directory', () => {
  it('asks the server with the token, stores the list, and serves the stored copy offline', async () => {
    await saveSyncConfig({ serverUrl: 'https://desk.test', token: 'cdt_li' });
    const seen: { url: string; auth: string | null }[] = [];
    const online = await refreshTeam({
      now: () => new Date('2026-11-16T02:00:00Z'),
      fetch: async (url, init) => {
        seen.push({ url, auth: new Headers(init?.headers).get('authorization') });
        return json({ members: MEMBERS, me: 't-li' });
      },
    });
    expect(seen).toEqual([{ url: 'https://desk.test/api/v1/team', auth: 'Bearer cdt_li' }]);
    expect(online).toEqual({ members: MEMBERS, me: 't-li', fetchedAt: '2026-11-16T02:00:00.000Z' });
    expect(await loadTeam()).toEqual(online);

    const offline = await refreshTeam({
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    expect(offline).toEqual({ ...online, offline: true });
    // A refusal (an old server without /team) keeps the copy too; a bad answer is not stored.
    expect(await refreshTeam({ fetch: async () => json({ nope: 1 }) })).toMatchObject({
      offline: true,
    });
    expect(await loadTeam()).toEqual(online);
  });

  it('keeps the departments the server names, offline too', async () => {
    await saveSyncConfig({ serverUrl: 'https://desk.test', token: 'cdt_li' });
    const online = await refreshTeam({ fetch: async () => json({ members: STAFFED, me: 't-li' }) });
    expect(online?.members).toEqual(STAFFED);
    const offline = await refreshTeam({
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    expect(offline?.members.map((m) => m.department)).toEqual([
      'logistics',
      null,
      'quality',
      'quality',
    ]);
  });

  it("this device takes the token's id and role, so it may act on the token's own cases", async () => {
    await saveSyncConfig({ serverUrl: 'https://desk.test', token: 'cdt_wang' });
    await saveSettings({ userId: 'device-local-id', userName: '', role: 'agent' });
    await refreshTeam({ fetch: async () => json({ members: MEMBERS, me: 't-wang' }) });
    expect(await loadSettings()).toMatchObject({
      userId: 't-wang',
      userName: 'Wang Wei',
      role: 'handler',
    });
    // A name the user chose stays; offline (the stored list) changes nothing.
    await saveSettings({ userId: 'other', userName: 'Wang W.' });
    await refreshTeam({ fetch: async () => json({}, 503) });
    expect(await loadSettings()).toMatchObject({ userId: 'other', userName: 'Wang W.' });
  });

  it('local mode has no team', async () => {
    const fetch = vi.fn();
    expect(await refreshTeam({ fetch })).toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
  });
});

function Picker(props: {
  team?: TeamDirectory;
  onChange: (v: HandlerValue) => void;
  value?: HandlerValue;
  department?: string;
}) {
  return (
    <HandlerPicker
      id="h"
      team={props.team}
      self={{ id: 'u-device', name: 'Li Na' }}
      value={props.value ?? {}}
      onChange={props.onChange}
      t={translator('zh-CN')}
      locale="zh-CN"
      timeZone="Asia/Shanghai"
      policy={defaultPolicy}
      department={props.department}
    />
  );
}

describe('HandlerPicker', () => {
  const team: TeamDirectory = { members: MEMBERS, me: 't-li', fetchedAt: '2026-11-16T02:00:00Z' };

  it('picks a person from the team, grouped by role; "assign to me" is the token’s member', async () => {
    const onChange = vi.fn();
    render(<Picker team={team} onChange={onChange} />);
    const select = screen.getByLabelText('处理人') as HTMLSelectElement;
    const zh = translator('zh-CN');
    expect([...select.querySelectorAll('optgroup')].map((g) => g.label)).toEqual([
      zh('role.handler'),
      zh('role.supervisor'),
    ]);
    expect(screen.getByRole('option', { name: '李娜（我）' })).toBeTruthy();
    await act(async () => {
      fireEvent.change(select, { target: { value: 't-wang' } });
    });
    expect(onChange).toHaveBeenLastCalledWith({ handlerId: 't-wang', handlerName: 'Wang Wei' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '分派给我' }));
    });
    expect(onChange).toHaveBeenLastCalledWith({ handlerId: 't-li', handlerName: '李娜' });
    expect(screen.queryByText(/离线副本/)).toBeNull();
  });

  it('groups by department when the server names them, the one assigned to first, each with the role', async () => {
    const zh = translator('zh-CN');
    const staffed: TeamDirectory = {
      members: STAFFED,
      me: 't-li',
      fetchedAt: '2026-11-16T02:00:00Z',
    };
    const { unmount } = render(<Picker team={staffed} onChange={() => undefined} />);
    const groups = () =>
      [...(screen.getByLabelText('处理人') as HTMLSelectElement).querySelectorAll('optgroup')].map(
        (g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.textContent)],
      );
    // Policy order (quality before logistics), people without a department last.
    expect(groups()).toEqual([
      ['质量部', [`Wang Wei · ${zh('role.handler')}`, `李娜（我） · ${zh('role.supervisor')}`]],
      ['物流部', [`陈刚 · ${zh('role.handler')}`]],
      ['未设部门', [`老周 · ${zh('role.agent')}`]],
    ]);
    unmount();
    const onChange = vi.fn();
    render(<Picker team={staffed} onChange={onChange} department="logistics" />);
    expect(groups().map(([label]) => label)).toEqual(['物流部', '质量部', '未设部门']);
    // Picking a person says their department (the assign form takes the case there).
    await act(async () => {
      fireEvent.change(screen.getByLabelText('处理人'), { target: { value: 't-wang' } });
    });
    expect(onChange).toHaveBeenLastCalledWith({
      handlerId: 't-wang',
      handlerName: 'Wang Wei',
      department: 'quality',
    });
  });

  it('offline: the stored list, dated on the calendar clock', () => {
    render(<Picker team={{ ...team, offline: true }} onChange={() => undefined} />);
    expect(screen.getByText('团队名单（离线副本，更新于 2026/11/16 10:00）。')).toBeTruthy();
  });

  it('no team list: typed id and name, and "assign to me" is this device’s user', async () => {
    const onChange = vi.fn();
    render(<Picker onChange={onChange} />);
    expect(screen.getByLabelText('处理人编号')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '分派给我' }));
    });
    expect(onChange).toHaveBeenLastCalledWith({ handlerId: 'u-device', handlerName: 'Li Na' });
  });
});
