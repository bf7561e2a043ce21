/**
 * The supervisor's queue (popup): counts by status, filters and search, and a virtualized list
 * of complaints — only the visible rows are rendered, at a fixed row height — with a live
 * countdown to each complaint's next deadline, in colour and in words.
 *
 * Keyboard (on the list): ↑/↓ or j/k move, Home/End, PageUp/PageDown, Enter opens, Space or x
 * selects, Ctrl/⌘+A selects all loaded, Esc clears the selection, a/e assign/escalate the
 * selection; anywhere outside a field, / focuses the search.
 */
import { activePolicyBase } from '../policy/stored-policy';
import type { Policy } from '@shared/policy/policy';
import { localDate } from '@shared/i18n/dates';
import type { QueueSettings } from '@shared/review/index';
import { type Locale, STATUSES, type Status } from '@shared/schema/codes';
import type { Actor } from '@shared/schema/event';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CSV_MIME, type Download, JSON_MIME, downloadText } from '../ui/download';
import { type Tr, translatorFor } from '../ui/format';
import { KeyHelp } from '../ui/key-help';
import { later } from '../ui/later';
import type { BulkKind, OnAct } from './bulk';
import { listCommand, useListWindow } from './list-window';
import type { QueueQuery } from './queries';
import { QueueFilters } from './queue-filters';
import { QueueItem } from './queue-item';
import { PAGE_SIZE } from './page-size';
import type { SettingsStore } from './storage';
import {
  type QueueSource,
  useNow,
  useQueuePages,
  useQueueSettings,
  useSlashToSearch,
} from './use-queue-data';

export { slaText } from './queue-item';
export type { QueueSource } from './use-queue-data';

// Bulk actions (the shared workflow, zod-checked forms) load after the first render.
const BulkBar = later(() => import('./bulk-bar').then((m) => m.BulkBar));

export { PAGE_SIZE };

export interface QueueListProps {
  source: QueueSource;
  locale: Locale;
  /** The user (options page in local mode): "mine", bulk actions. */
  user: Actor;
  onOpen: (id: string) => void;
  /** Persists an event from a bulk action; without it, bulk assign/escalate are hidden. */
  onAct?: OnAct;
  /** Remembers filters and sort. */
  store?: SettingsStore;
  /** Settings read before the first render (avoids a second query on open). */
  initialSettings?: QueueSettings;
  clock?: () => Date;
  policy?: Policy;
  download?: Download;
  newId?: () => string;
  /** Viewport height of the list in px; `fill`: down to the bottom of the window (the popup). */
  height?: number | 'fill';
  rowHeight?: number;
  pageSize?: number;
  /** How often the countdowns refresh, in ms. */
  tickMs?: number;
}

export function QueueList(props: QueueListProps) {
  const { source, locale, user } = props;
  const t = useMemo(() => translatorFor(locale), [locale]);
  const clock = props.clock ?? (() => new Date());
  const policy = props.policy ?? activePolicyBase();
  const rowHeight = props.rowHeight ?? 56;
  const pageSize = props.pageSize ?? PAGE_SIZE;

  const { settings, setSettings, ready } = useQueueSettings(props.initialSettings, props.store);
  const [now, setNow] = useNow(clock, props.tickMs);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [bulkMode, setBulkMode] = useState<BulkKind>();
  // The bulk bar above the list moves its top: measure again when it shows or hides.
  const height = useListHeight(props.height ?? 360, listRef, selected.size > 0 || !!bulkMode);

  const query = useCallback(
    (): QueueQuery => ({
      filter: settings.filter,
      sort: settings.sort,
      ctx: { now: clock(), user: { id: user.id, name: user.name }, policy },
    }),
    [settings, user.id, user.name, policy],
  );
  const { data, counts, loadMore, dataChanged, restart } = useQueuePages({
    source,
    ready,
    settings,
    query,
    pageSize,
    onPage: (fresh) => {
      setNow(clock());
      if (fresh) win.reset();
    },
  });
  // Nothing in the database at all (the counts are per status, unfiltered): the filters are not
  // why the list is empty, so the line says how complaints get in instead.
  const noneAtAll = counts !== undefined && STATUSES.every((st) => counts[st] === 0);
  const total = data.rows.length;
  const win = useListWindow({ total, height, rowHeight, list: listRef });
  const { active, first, last } = win;

  useEffect(() => {
    if (last >= total - Math.floor(pageSize / 2)) loadMore();
  }, [last, total, loadMore]);
  useSlashToSearch(listRef, searchRef);
  useEffect(() => {
    if (props.onAct) void BulkBar.preload().catch(() => undefined);
  }, []);

  function change(next: QueueSettings) {
    setSettings(next);
    restart();
    void props.store?.save(next);
  }

  function toggle(id: string) {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  }

  function openBulk(kind: BulkKind) {
    // Nothing selected: act on the focused row.
    if (selected.size === 0 && data.rows[active]) setSelected(new Set([data.rows[active]!.id]));
    setBulkMode(kind);
  }

  function onListKey(e: KeyboardEvent) {
    const row = data.rows[active];
    const command = listCommand(e);
    if (!command) return;
    if ((command === 'assign' || command === 'escalate') && !props.onAct) return;
    const moves = {
      down: active + 1,
      up: active - 1,
      home: 0,
      end: total - 1,
      pageDown: active + win.visibleRows,
      pageUp: active - win.visibleRows,
    } as const;
    if (command in moves) win.moveTo(moves[command as keyof typeof moves]);
    else if (command === 'open') row && props.onOpen(row.id);
    else if (command === 'toggle') row && toggle(row.id);
    else if (command === 'clear') {
      setSelected(new Set());
      setBulkMode(undefined);
    } else if (command === 'selectAll') setSelected(new Set(data.rows.map((r) => r.id)));
    else openBulk(command as BulkKind);
    e.preventDefault();
  }

  /** Clicks on rows, delegated: the check box selects, the rest opens. */
  function onListClick(e: MouseEvent) {
    const target = e.target as Element | null;
    const item = target?.closest<HTMLElement>('[data-index]');
    if (!item) return;
    const index = Number(item.dataset.index);
    const row = data.rows[index];
    if (!row) return;
    win.setActive(index);
    if (target?.closest('.rv-check')) toggle(row.id);
    else props.onOpen(row.id);
  }

  async function exportSelection(format: 'csv' | 'json') {
    const rows = data.rows.filter((r) => selected.has(r.id));
    const { queueToCsv, queueToJson } = await import('@shared/review/export');
    const download = props.download ?? downloadText;
    const stamp = localDate(clock(), policy.calendar.timeZone);
    if (format === 'csv')
      download(`complaints-${stamp}.csv`, CSV_MIME, queueToCsv(rows, locale, clock(), policy));
    else download(`complaints-${stamp}.json`, JSON_MIME, queueToJson(rows));
  }

  async function applyBulk(kind: BulkKind, values: Record<string, string>) {
    // The actions apply the whole policy (severity text rules included): loaded with them.
    const [states, { runBulk }, { activePolicy }] = await Promise.all([
      source.loadStates([...selected]),
      import('./bulk'),
      import('../policy/active-policy'),
    ]);
    const outcome = await runBulk(kind, states, values, {
      actor: user,
      now: clock(),
      newId: props.newId ?? (() => crypto.randomUUID()),
      locale,
      ctx: { policy: props.policy ?? activePolicy() },
      onAct: props.onAct!,
    });
    dataChanged();
    return outcome;
  }

  const activeRow = data.rows[active];
  const optionId = (id: string) => `rv-opt-${id}`;

  return (
    <div class="rv-queue">
      <h1 class="rv-title">{t('review.queue.title')}</h1>
      <StatusCounts counts={counts} settings={settings} onChange={change} t={t} />
      <QueueFilters
        settings={settings}
        onChange={change}
        t={t}
        policy={policy}
        searchRef={searchRef}
      />
      {(selected.size > 0 || bulkMode) && (
        <BulkBar
          count={selected.size}
          t={t}
          policy={policy}
          mode={props.onAct ? bulkMode : undefined}
          onMode={setBulkMode}
          onApply={applyBulk}
          onFinished={() => listRef.current?.focus()}
          onExport={(format) => void exportSelection(format)}
          onClear={() => {
            setSelected(new Set());
            setBulkMode(undefined);
            listRef.current?.focus();
          }}
        />
      )}
      <p class="rv-status" role="status" aria-live="polite">
        {data.loading && total === 0
          ? t('review.queue.loading')
          : total === 0
            ? t(noneAtAll ? 'review.queue.none' : 'review.queue.empty')
            : data.truncated
              ? t('review.queue.truncated', { count: data.truncated })
              : t('review.queue.shown', { count: total, more: data.next !== undefined })}
        {!noneAtAll && settings.filter.hideDone && settings.filter.statuses.length === 0 && (
          <>
            {/* Two sentences: a space after an English full stop, none after 。 */}
            {locale === 'zh-CN' ? '' : ' '}
            {t('ws.queue.doneHidden')}
          </>
        )}
      </p>
      <div
        ref={listRef}
        class="rv-list"
        role="listbox"
        aria-multiselectable="true"
        aria-label={t('review.queue.list')}
        aria-activedescendant={
          activeRow && active >= first && active < last ? optionId(activeRow.id) : undefined
        }
        tabIndex={0}
        style={{ height: `${height}px` }}
        onScroll={(e) => win.setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onListKey}
        onClick={onListClick}
      >
        <div class="rv-spacer" style={{ height: `${total * rowHeight}px` }}>
          {data.rows.slice(first, last).map((row, i) => (
            <QueueItem
              key={row.id}
              row={row}
              index={first + i}
              total={total}
              top={(first + i) * rowHeight}
              height={rowHeight}
              active={first + i === active}
              selected={selected.has(row.id)}
              now={now}
              t={t}
              optionId={optionId(row.id)}
              timeZone={policy.calendar.timeZone}
            />
          ))}
        </div>
      </div>
      <KeyHelp title={t('review.keys.title')} lines={KEYS.map((k) => t.key(`review.keys.${k}`))} />
    </div>
  );
}

/** Below the list: the keyboard help's line and the page's padding. */
const FILL_RESERVE = 44;

/** A fixed height, or what is left of the window below the list's top (kept on resize). */
function useListHeight(
  height: number | 'fill',
  list: { current: HTMLElement | null },
  layout: unknown,
): number {
  const [fill, setFill] = useState(360);
  useEffect(() => {
    if (height !== 'fill') return;
    const measure = () => {
      const top = list.current?.getBoundingClientRect().top ?? 0;
      setFill(Math.max(168, Math.floor(window.innerHeight - top - FILL_RESERVE)));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [height, layout]);
  return height === 'fill' ? fill : height;
}

/** Complaints per status; a click filters to that status alone (again: every status). */
function StatusCounts(p: {
  counts: Record<Status, number> | undefined;
  settings: QueueSettings;
  onChange: (next: QueueSettings) => void;
  t: Tr;
}) {
  const { counts, settings, t } = p;
  const statusFilter = settings.filter.statuses;
  return (
    <nav class="rv-counts" aria-label={t('review.queue.counts')}>
      {counts &&
        STATUSES.filter((s) => counts[s] > 0).map((s) => {
          const on = statusFilter.length === 1 && statusFilter[0] === s;
          return (
            <button
              key={s}
              type="button"
              class="rv-count"
              aria-pressed={on}
              onClick={() =>
                p.onChange({ ...settings, filter: { ...settings.filter, statuses: on ? [] : [s] } })
              }
            >
              {t('review.queue.countItem', { status: t.code('status', s), count: counts[s] })}
            </button>
          );
        })}
    </nav>
  );
}

const KEYS = [
  'move',
  'open',
  'select',
  'selectAll',
  'search',
  'assign',
  'escalate',
  'clear',
] as const;
