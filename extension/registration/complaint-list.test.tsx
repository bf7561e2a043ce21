// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComplaintRow } from '../db/types';
import { translator } from '../i18n';
import { ComplaintList } from './complaint-list';

afterEach(cleanup);

const row = (
  id: string,
  caseNumber: string,
  caseNumberIssuer: 'local' | 'server',
): ComplaintRow => ({
  id,
  status: 'registered',
  severity: 'L1',
  updatedAt: '2026-11-03T02:00:00.000Z',
  createdAt: '2026-11-03T02:00:00.000Z',
  caseNumber,
  caseNumberIssuer,
  title: `Case ${id}`,
  state: null,
});

describe('ComplaintList', () => {
  it.each([
    ['en', 'Provisional · L-2611-0003'],
    ['zh-CN', '待定 · L-2611-0003'],
  ] as const)('shows case numbers by the shared rule (%s)', (locale, provisional) => {
    render(
      <ComplaintList
        rows={[row('a', '2611-0003', 'local'), row('b', '2611-0004', 'server')]}
        t={translator(locale)}
        locale={locale}
        onOpen={() => undefined}
      />,
    );
    const mark = screen.getByText(provisional);
    expect(mark.className).toBe('cd-provisional');
    // The hint says why the number may still change; a server number has no mark.
    expect(mark.title).toBe(translator(locale)('ext.badge.localTitle'));
    const server = screen.getByRole('button', { name: /Case b/ });
    expect(server.textContent).toContain('2611-0004');
    expect(server.querySelector('.cd-provisional')).toBeNull();
  });
});
