// @vitest-environment happy-dom
import { CaseBuilder } from '../../test/support/review';
import { shanghai, uuidFor } from '../../test/support/workflow';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupActions, RestorePlan } from '../backup/backup';
import { ReportPage } from './report-page';

afterEach(cleanup);

const NOW = new Date(shanghai('2026-03-05 10:00'));
const states = [
  new CaseBuilder(uuidFor(1))
    .register(shanghai('2026-02-02 10:00'))
    .assign(shanghai('2026-02-02 10:10'))
    .contact(shanghai('2026-02-02 10:30'))
    .propose(shanghai('2026-02-02 11:00'), 'company', {
      rootCause: 'Loose drain hose',
      correctiveAction: 'Check',
    })
    .reply(shanghai('2026-02-02 14:00'))
    .callback(shanghai('2026-02-04 10:00'), 'satisfied')
    .close(shanghai('2026-02-04 10:30'))
    .state(),
  new CaseBuilder(uuidFor(2))
    .register(shanghai('2026-02-12 10:00'), { category: 'delivery' })
    .state(),
];

function setup(extra: Partial<Parameters<typeof ReportPage>[0]> = {}) {
  const load = vi.fn(async () => states);
  const download = vi.fn();
  const print = vi.fn();
  const utils = render(
    <ReportPage
      locale="en"
      load={load}
      clock={() => NOW}
      download={download}
      print={print}
      {...extra}
    />,
  );
  return { ...utils, load, download, print };
}

describe('ReportPage', () => {
  it('defaults to the previous month and shows the summary with the trend', async () => {
    const { load } = setup();
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
        'Monthly complaint report, February 2026',
      ),
    );
    expect(load).toHaveBeenCalledWith('2026-02', 'Asia/Shanghai');
    await waitFor(() => screen.getByRole('row', { name: /Complaints registered/ }));
    expect(screen.getByRole('row', { name: /Complaints registered/ }).textContent).toContain('2');
    expect(screen.getByRole('row', { name: /Handling rate/ }).textContent).toContain('50.0%');
    expect(screen.getByRole('row', { name: /Satisfaction rate/ }).textContent).toContain('100.0%');
    expect(screen.getByText('2026-03-10')).toBeTruthy();
    expect(screen.getByText('2026-02-01 – 2026-02-28 (Asia/Shanghai)')).toBeTruthy();
  });

  it('every count has its change, and an empty breakdown says so rather than showing bare headers', async () => {
    setup({ load: vi.fn(async () => []) });
    await screen.findByRole('row', { name: /Complaints registered/ });
    const change = (name: RegExp) =>
      screen.getByRole('row', { name }).querySelectorAll('td')[2]?.textContent;
    expect(change(/Complaints registered/)).toBe('0');
    expect(change(/Invalid verdicts/)).toBe('0');
    expect(change(/Complaints closed/)).toBe('0');
    expect(change(/Handling rate/)).toBe('n/a');
    for (const title of ['By department', 'By channel']) {
      const section = screen.getByRole('region', { name: title });
      expect(section.querySelector('table')).toBeNull();
      expect(section.textContent).toContain('No complaints registered this month.');
    }
  });

  it('Pareto charts are images with a title, a description of every value, and a data table', async () => {
    setup();
    const chart = await screen.findByRole('img', { name: /Pareto of categories/ });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    const desc = chart.querySelector('desc')!.textContent!;
    // A tie: codes in order (delivery before product_quality).
    expect(desc).toContain(
      'Delivery, transport & packaging 1 (cumulative 50.0%); Product quality 1 (cumulative 100.0%)',
    );
    expect(chart.querySelectorAll('rect.bar')).toHaveLength(2);
    expect(chart.querySelector('polyline.line')).toBeTruthy();
    const table = chart.closest('figure')!.querySelector('table')!;
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
  });

  it('downloads CSV (with BOM) and JSON, and prints', async () => {
    const { download, print } = setup({ locale: 'zh-CN' });
    await screen.findByRole('img', { name: /类别排列图/ });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '下载 CSV' }));
      fireEvent.click(screen.getByRole('button', { name: '下载 JSON' }));
      fireEvent.click(screen.getByRole('button', { name: '打印 / 另存为 PDF' }));
    });
    const [csv, json] = download.mock.calls as [string, string, string][];
    expect(csv![0]).toBe('complaint-report-2026-02.csv');
    expect(csv![2].startsWith('\uFEFF投诉月报 2026年2月')).toBe(true);
    expect(JSON.parse(json![2]).registered).toBe(2);
    expect(print).toHaveBeenCalled();
  });

  it('clicks through from a figure and from a Pareto count to the complaints behind it', async () => {
    setup();
    const row = await screen.findByRole('row', { name: /Complaints registered/ });
    await act(async () => {
      fireEvent.click(row.querySelector('button.rv-link')!);
    });
    const list = screen.getByRole('region', { name: /Complaints registered: 2 complaints/ });
    expect(document.activeElement).toBe(list);
    const links = [...list.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      `case.html?id=${uuidFor(1)}`,
      `case.html?id=${uuidFor(2)}`,
    ]);

    const pareto = screen.getByRole('table', { name: /Pareto of categories/ });
    const delivery = [...pareto.querySelectorAll('tbody tr')].find((r) =>
      r.textContent?.startsWith('Delivery'),
    )!;
    await act(async () => {
      fireEvent.click(delivery.querySelector('button')!);
    });
    const one = screen.getByRole('region', { name: /: 1 complaint$/ });
    expect([...one.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      `case.html?id=${uuidFor(2)}`,
    ]);
    // A zero has nothing behind it: plain text, no button.
    const zero = screen.getByRole('row', { name: /Invalid verdicts/ });
    expect(zero.querySelector('td button')).toBeNull();
  });

  it('another month reloads', async () => {
    const { load } = setup();
    await screen.findByRole('img', { name: /Pareto of categories/ });
    await act(async () => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Month' }), {
        target: { value: '1' },
      });
    });
    await waitFor(() => expect(load).toHaveBeenLastCalledWith('2026-01', 'Asia/Shanghai'));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('January 2026'),
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Previous month' }));
    });
    await waitFor(() => expect(load).toHaveBeenLastCalledWith('2025-12', 'Asia/Shanghai'));
  });

  it('the month picker speaks the UI language (not the browser’s month input)', async () => {
    setup({ locale: 'zh-CN' });
    const month = await screen.findByRole('combobox', { name: '月份' });
    expect(month.tagName.toLowerCase()).toBe('select');
    expect([...(month as HTMLSelectElement).options].map((o) => o.text)).toContain('二月');
    const year = screen.getByRole('combobox', { name: '年份' }) as HTMLSelectElement;
    expect(year.selectedOptions[0]!.text).toBe('2026年');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('投诉月报 2026年2月');
  });

  it('restore shows the plan first, then applies it', async () => {
    const plan: RestorePlan = {
      events: new Map([[uuidFor(1), []]]),
      eventCount: 4,
      localNewer: 1,
      drafts: { put: [], keptNewer: 2 },
      attachments: [],
    };
    const backup: BackupActions = {
      exportText: vi.fn(async () => '{"format":"complaint-desk-backup"}'),
      plan: vi.fn(async () => ({ ok: true as const, plan })),
      apply: vi.fn(async () => ({ appended: 4, rejected: 0 })),
    };
    const { download } = setup({ backup });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Download a full backup (JSON)' }));
    });
    await waitFor(() =>
      expect(download).toHaveBeenCalledWith(
        'complaint-desk-backup-2026-03-05.json',
        expect.stringContaining('json'),
        '{"format":"complaint-desk-backup"}',
      ),
    );
    const input = screen.getByLabelText('Restore from a backup file') as HTMLInputElement;
    const file = new File(['{}'], 'backup.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    await act(async () => {
      fireEvent.change(input);
    });
    await screen.findByText('The backup adds 4 events to 1 complaint and 0 drafts.');
    expect(
      screen.getByText(
        '1 complaint has newer events here; they are merged, nothing is overwritten.',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText('2 drafts are newer here than in the backup and will be kept.'),
    ).toBeTruthy();
    expect(backup.apply).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    });
    await screen.findByText('Restored 4 events.');
    // The Restore button went away with the plan: the keyboard user is back on the file button.
    expect(document.activeElement).toBe(input);
  });

  it('a damaged backup is refused with nothing changed', async () => {
    const backup: BackupActions = {
      exportText: vi.fn(),
      plan: vi.fn(async () => ({ ok: false as const, reason: 'backup.invalid' as const })),
      apply: vi.fn(),
    };
    setup({ backup });
    const input = screen.getByLabelText('Restore from a backup file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'x.json')] });
    await act(async () => {
      fireEvent.change(input);
    });
    await screen.findByText(/not a Complaint Desk backup/);
    expect(backup.apply).not.toHaveBeenCalled();
  });
});
