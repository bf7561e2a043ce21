// @vitest-environment happy-dom
/**
 * axe-core on the queue, the case view and the report in both languages (happy-dom: structure,
 * names, roles and ARIA; colour contrast and layout need a real browser, see the e2e suite).
 */
import { CaseBuilder } from '../../test/support/review';
import type { Locale } from '@shared/schema/codes';
import { ACTORS, happyState, shanghai, uuidFor } from '../../test/support/workflow';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseView } from '../case/case-view';
import { QueueList } from '../queue/queue-list';
import { ReportPage } from '../report/report-page';
import { memorySource, seedStates } from '../../test/support/extension/review-db';

afterEach(cleanup);

const NOW = new Date(shanghai('2026-03-02 12:00'));

async function violations(root: Element) {
  const result = await axe.run(root, {
    // happy-dom has no layout or computed colours.
    rules: {
      'color-contrast': { enabled: false },
      'scrollable-region-focusable': { enabled: false },
    },
    resultTypes: ['violations'],
    // The clip's sandboxed frame cannot be entered (nor should it be).
    iframes: false,
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describe.each<Locale>(['en', 'zh-CN'])('axe-core, %s', (locale) => {
  it('queue', async () => {
    document.documentElement.lang = locale;
    const { container } = render(
      <QueueList
        source={memorySource(seedStates(30, NOW), NOW)}
        locale={locale}
        user={ACTORS.supervisor}
        onOpen={() => {}}
        clock={() => NOW}
        onAct={async () => ({ ok: true })}
      />,
    );
    await waitFor(() => expect(container.querySelectorAll('.rv-item').length).toBeGreaterThan(0));
    await waitFor(() => expect(container.querySelectorAll('.rv-count').length).toBeGreaterThan(0));
    expect(await violations(container)).toEqual([]);
  });

  it('case view', async () => {
    document.documentElement.lang = locale;
    const b = new CaseBuilder(uuidFor(1))
      .register(
        shanghai('2026-03-02 10:00'),
        {
          description: 'The machine leaks; I will call a journalist.',
          source: {
            url: 'https://example.test/',
            capturedAt: shanghai('2026-03-02 09:00'),
            html: '<p>x</p>',
            method: 'page',
          },
        },
        { caseNumber: '2603-0001' },
      )
      .assign(shanghai('2026-03-02 10:10'));
    const { container } = render(
      <CaseView
        state={b.state()}
        events={b.events}
        actor={ACTORS.supervisor}
        locale={locale}
        onAct={async () => ({ ok: true })}
        clock={() => NOW}
        attachments={[{ id: 'a', name: 'a.jpg', type: 'image/jpeg', size: 100 }]}
      />,
    );
    expect(await violations(container)).toEqual([]);
    const { state, events } = happyState('replied');
    cleanup();
    const again = render(
      <CaseView
        state={state}
        events={events}
        actor={ACTORS.agent}
        locale={locale}
        onAct={async () => ({ ok: true })}
        clock={() => NOW}
      />,
    );
    expect(await violations(again.container)).toEqual([]);
  });

  it('case action forms with the round-two fields, errors shown', async () => {
    document.documentElement.lang = locale;
    const { state, events } = happyState('in_progress');
    const { container } = render(
      <CaseView
        state={state}
        events={events}
        actor={ACTORS.supervisor}
        locale={locale}
        onAct={async () => ({ ok: true })}
        clock={() => NOW}
      />,
    );
    const form = async (type: string) => {
      await act(async () => {
        fireEvent.click(container.querySelector(`[data-action="${type}"]`)!);
      });
      return container.querySelector<HTMLFormElement>(`#rv-act-${type}`)!;
    };
    const proposal = await form('resolutionProposed');
    const set = async (name: string, value: string) =>
      act(async () => {
        const el = proposal.querySelector<HTMLSelectElement | HTMLInputElement>(
          `[name="${name}"]`,
        )!;
        el.value = value;
        el.dispatchEvent(
          new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }),
        );
      });
    await set('responsibility', 'company');
    await set('rootCauseCode', 'other');
    await set('share.quality', '50');
    await act(async () => {
      fireEvent.submit(proposal);
    });
    // The schema's field errors first (no description yet), the shares group shown beside them
    // (the event is built by a module fetched on the first action: its answer a tick later).
    await waitFor(() =>
      expect(proposal.querySelectorAll('[aria-invalid="true"]').length).toBeGreaterThan(0),
    );
    expect(proposal.querySelector('.rv-shares [name="share.quality"]')).not.toBeNull();
    expect(proposal.querySelector('[name="rootCause"]')).not.toBeNull();
    expect(await violations(container)).toEqual([]);
  });

  it('report', async () => {
    document.documentElement.lang = locale;
    const states = [
      new CaseBuilder(uuidFor(1)).register(shanghai('2026-02-02 10:00')).state(),
      new CaseBuilder(uuidFor(2))
        .register(shanghai('2026-02-03 10:00'), { category: 'delivery' })
        .state(),
    ];
    const { container } = render(
      <ReportPage
        locale={locale}
        load={async () => states}
        clock={() => new Date(shanghai('2026-03-05 10:00'))}
        backup={{
          exportText: async () => '',
          plan: async () => ({ ok: false, reason: 'backup.invalid' }),
          apply: async () => ({ appended: 0, rejected: 0 }),
        }}
      />,
    );
    await screen.findAllByRole('img');
    expect(await violations(container)).toEqual([]);
  });
});
