// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import type { Draft } from '@shared/schema/registration';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { appendEvents } from '../db/log';
import { translator } from '../i18n';
import { AGENT, capturedEvent, freshDb, uuid } from '../../test/support/extension/fixtures';
import { RegisterForm } from './register-form';

afterEach(cleanup);

const TEXT = '我的手机 13800138000，订单号 JD7788120034，要求赔偿 2800 元。价目表：标准版 99 元。';

const DRAFT: Draft = {
  channel: 'email',
  receivedAt: new Date().toISOString(),
  description: TEXT,
  complainant: { anonymous: false, name: '吴倩', phone: '13700002468' },
  source: {
    capturedAt: new Date().toISOString(),
    method: 'dom',
    selectionText: TEXT,
    email: { provider: 'netease', subject: '投诉' },
  },
};

async function open(locale: 'en' | 'zh-CN' = 'en', reviewFields?: string[]) {
  const db = freshDb();
  const id = uuid(1);
  await appendEvents(db, id, [capturedEvent(uuid(10), id, DRAFT, new Date())], {
    now: new Date(),
    draft: {
      complaintId: id,
      draft: DRAFT,
      updatedAt: new Date().toISOString(),
      ...(reviewFields ? { reviewFields } : {}),
    },
  });
  render(
    <RegisterForm
      db={db}
      complaintId={id}
      manual={false}
      actor={AGENT}
      locale={locale}
      t={translator(locale)}
    />,
  );
  await waitFor(() =>
    screen.getByRole('heading', { name: /^(Details found in the clip|从剪辑中找到的信息)$/ }),
  );
  return { db, id };
}

const value = (label: RegExp) => (screen.getByLabelText(label) as HTMLInputElement).value;

describe('detail proposals in the registration form', () => {
  it('highlights each detail in the clip text and fills nothing on its own', async () => {
    await open();
    const marks = Array.from(document.querySelectorAll('pre.cd-cliptext mark')).map(
      (m) => m.textContent,
    );
    expect(marks).toEqual(['13800138000', 'JD7788120034', '2800 元', '99 元']);
    expect(value(/^phone/i)).toBe('13700002468');
    expect(value(/amount claimed/i)).toBe('');
  });

  it('a claim is offered for the amount field; a price is shown for information only', async () => {
    await open();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Use as the amount claimed' }));
    });
    expect(value(/amount claimed/i)).toBe('2800');
    expect(screen.getAllByText(/no field takes it/i)).toHaveLength(1);
  });

  it('a field that holds another value is replaced only through the explicit Replace button', async () => {
    await open();
    const replace = screen.getByRole('button', { name: /Replace the phone \(now “13700002468”\)/ });
    expect(value(/^phone/i)).toBe('13700002468');
    await act(async () => {
      fireEvent.click(replace);
    });
    expect(value(/^phone/i)).toBe('13800138000');
    await waitFor(() => expect(screen.getAllByText('In the form').length).toBeGreaterThan(0));
  });

  it('dismissing a proposal removes it and its highlight', async () => {
    await open();
    const before = document.querySelectorAll('pre.cd-cliptext mark').length;
    await act(async () => {
      fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss' })[0]!);
    });
    expect(document.querySelectorAll('pre.cd-cliptext mark').length).toBe(before - 1);
  });

  it('speaks Chinese, and lists the guessed fields for review', async () => {
    await open('zh-CN', ['complainant.name', 'subject']);
    expect(screen.getByRole('button', { name: '填入索赔金额' })).toBeTruthy();
    // 金额：3299 CNY — the full-width colon, as the catalogue's own sentences have it.
    const rows = screen.getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(rows.some((r) => /^金额：\d/.test(r))).toBe(true);
    expect(rows.filter((r) => r.includes(': '))).toEqual([]);
    // Joined with the enumeration comma, as Chinese writes a list.
    expect(screen.getByRole('note').textContent).toBe(
      '以下字段是从页面推测的，请核对：姓名、主题。',
    );
  });
});
