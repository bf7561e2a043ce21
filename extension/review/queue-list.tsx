/**
 * The supervisor's queue (popup): counts by status, filters and search, and a virtualized list
 * of complaints — only the visible rows are rendered, at a fixed row height — with a live
 * countdown to each complaint's next deadline, in colour and in words.
 *
 * Keyboard (on the list): ↑/↓ or j/k move, Home/End, PageUp/PageDown, Enter opens, Space or x
 * selects, Ctrl/⌘+A selects all loaded, Esc clears the selection, a/e assign/escalate the
 * selection; anywhere outside a field, / focuses the search.
 */
import { type Policy, defaultPolicy } from '@shared/policy/policy';
import {
  DEFAULT_SETTINGS,
  type QueueCursor,
  type QueueRow,
  type QueueSettings,
  liveSla,
  queueToCsv,
  queueToJson,
} from '@shared/review/index';
import { type Locale, STATUSES, type Status } from '@shared/schema/codes';
import type { Actor } from '@shared/schema/event';
import { formatDue } from '@shared/sla/index';
import { memo } from 'preact/compat';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { BulkBar } from './bulk-bar';
import { type BulkKind, type OnAct, runBulk } from './bulk';
import { CSV_MIME, type Download, JSON_MIME, downloadText } from './download';
import { type Tr, caseLabel, translatorFor } from './format';
import type { QueuePage, QueueQuery } from './queries';
import { QueueFilters } from './queue-filters';
import type { SettingsStore } from './storage';
import type { ComplaintState } from '@shared/schema/complaint';

/** Where the list's rows come from (`dexieQueueSource` in the extension, a fake in tests). */
export interface QueueSource {
  page(query: QueueQuery, after?: QueueCursor, limit?: number): Promise<QueuePage>;
  counts(): Promise<Record<Status, number>>;
  loadStates(ids: readonly string[]): Promise<ComplaintState[]>;
  /** Calls back when the data changed (another window acted, sync arrived). */
  subscribe?(onChange: () => void): () => void;
}

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
  /** Viewport height of the list in px. */
  height?: number;
  rowHeight?: number;
  pageSize?: number;
  /** How often the countdowns refresh, in ms. */
  tickMs?: number;
}

const OVERSCAN = 4;

type Loaded = {
  rows: QueueRow[];
  next?: QueueCursor;
  truncated?: number;
  loading: boolean;
  error?: string;
};

export function QueueList(props: QueueListProps) {
  const { source, locale, user } = props;
  const t = useMemo(() => translatorFor(locale), [locale]);
  const clock = props.clock ?? (() => new Date());
  const policy = props.policy ?? defaultPolicy;
  const height = props.height ?? 360;
  const rowHeight = props.rowHeight ?? 56;
  const pageSize = props.pageSize ?? 50;

  const [settings, setSettings] = useState<QueueSettings>(
    props.initialSettings ?? DEFAULT_SETTINGS,
  );
  const [ready, setReady] = useState(props.initialSettings !== undefined || !props.store);
  const [data, setData] = useState<Loaded>({ rows: [], loading: true });
  const [counts, setCounts] = useState<Record<Status, number>>();
  const [now, setNow] = useState(clock);
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkMode, setBulkMode] = useState<BulkKind>();
  const [scrollTop, setScrollTop] = useState(0);
  const [reload, setReload] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const request = useRef(0);
  const loadingMore = useRef(false);

  // Remembered settings, once.
  useEffect(() => {
    if (ready || !props.store) return;
    let live = true;
    void props.store.load().then(
      (s) => {
        if (!live) return;
        setSettings(s);
        setReady(true);
      },
      () => live && setReady(true),
    );
    return () => {
      live = false;
    };
  }, []);

  const query = useCallback(
    (): QueueQuery => ({
      filter: settings.filter,
      sort: settings.sort,
      ctx: { now: clock(), user: { id: user.id, name: user.name }, policy },
    }),
    [settings, user.id, user.name, policy],
  );

  // First page whenever the settings change; after a change elsewhere, as many rows as shown.
  const changes = useRef(0);
  const countedFor = useRef(-1);
  const shown = useRef(0);
  shown.current = data.rows.length;
  useEffect(() => {
    if (!ready) return;
    const id = ++request.current;
    const fresh = reload === 0;
    setData((d) => ({ ...d, loading: true }));
    source.page(query(), undefined, fresh ? pageSize : Math.max(pageSize, shown.current)).then(
      (page) => {
        if (id !== request.current) return;
        setData({ rows: page.rows, next: page.next, truncated: page.truncated, loading: false });
        setNow(clock());
        if (fresh) {
          setActive(0);
          setScrollTop(0);
          if (listRef.current) listRef.current.scrollTop = 0;
        }
        // Counts after the list (the list is what a supervisor reads first), and only when the
        // data changed: a filter change does not change them.
        if (countedFor.current !== changes.current) {
          const gen = changes.current;
          countedFor.current = gen;
          void source.counts().then(
            (c) => gen === changes.current && setCounts(c),
            () => {
              countedFor.current = -1;
            },
          );
        }
      },
      (err: unknown) =>
        id === request.current && setData({ rows: [], loading: false, error: String(err) }),
    );
  }, [ready, settings, reload]);

  // Once the first page is in the DOM: what the browser bench reads (navigation → rows shown).
  const marked = useRef(false);
  useLayoutEffect(() => {
    if (marked.current || data.loading || data.rows.length === 0) return;
    marked.current = true;
    performance.mark?.('cd:queue-rendered');
  }, [data]);

  const dataChanged = () => {
    changes.current++;
    setReload((r) => r + 1);
  };
  useEffect(() => source.subscribe?.(dataChanged), [source]);

  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), props.tickMs ?? 30_000);
    return () => clearInterval(timer);
  }, [props.tickMs]);

  function change(next: QueueSettings) {
    setSettings(next);
    setReload(0);
    void props.store?.save(next);
  }

  const loadMore = useCallback(() => {
    if (!data.next || loadingMore.current || data.loading) return;
    loadingMore.current = true;
    const id = request.current;
    source.page(query(), data.next, pageSize).then(
      (page) => {
        loadingMore.current = false;
        if (id !== request.current) return;
        setData((d) => ({ ...d, rows: [...d.rows, ...page.rows], next: page.next }));
      },
      () => {
        loadingMore.current = false;
      },
    );
  }, [data, query]);

  const total = data.rows.length;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(total, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  useEffect(() => {
    if (last >= total - Math.floor(pageSize / 2)) loadMore();
  }, [last, total, loadMore]);

  function moveTo(index: number) {
    if (total === 0) return;
    const i = Math.max(0, Math.min(total - 1, index));
    setActive(i);
    const el = listRef.current;
    let top = scrollTop;
    if (i * rowHeight < top) top = i * rowHeight;
    else if ((i + 1) * rowHeight > top + height) top = (i + 1) * rowHeight - height;
    if (top !== scrollTop) {
      setScrollTop(top);
      if (el) el.scrollTop = top;
    }
  }

  function toggle(id: string) {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  }

  const visibleRows = Math.max(1, Math.floor(height / rowHeight));
  function onListKey(e: KeyboardEvent) {
    const row = data.rows[active];
    const mod = e.ctrlKey || e.metaKey;
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        moveTo(active + 1);
        break;
      case 'ArrowUp':
      case 'k':
        moveTo(active - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(total - 1);
        break;
      case 'PageDown':
        moveTo(active + visibleRows);
        break;
      case 'PageUp':
        moveTo(active - visibleRows);
        break;
      case 'Enter':
        if (row) props.onOpen(row.id);
        break;
      case ' ':
      case 'x':
        if (row) toggle(row.id);
        break;
      case 'Escape':
        setSelected(new Set());
        setBulkMode(undefined);
        break;
      case 'a':
      case 'A':
        if (mod) setSelected(new Set(data.rows.map((r) => r.id)));
        else if (props.onAct) openBulk('assign');
        else return;
        break;
      case 'e':
        if (!props.onAct) return;
        openBulk('escalate');
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  function openBulk(kind: BulkKind) {
    // Nothing selected: act on the focused row.
    if (selected.size === 0 && data.rows[active]) setSelected(new Set([data.rows[active]!.id]));
    setBulkMode(kind);
  }

  // "/" anywhere on the page (outside a field) goes to the search, as on GitHub.
  useEffect(() => {
    const doc = listRef.current?.ownerDocument;
    if (!doc) return;
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (
        e.key === '/' &&
        !e.ctrlKey &&
        !e.metaKey &&
        tag !== 'INPUT' &&
        tag !== 'TEXTAREA' &&
        tag !== 'SELECT'
      ) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    doc.addEventListener('keydown', onKey);
    return () => doc.removeEventListener('keydown', onKey);
  }, []);

  /** Clicks on rows, delegated: the check box selects, the rest opens. */
  function onListClick(e: MouseEvent) {
    const target = e.target as Element | null;
    const item = target?.closest<HTMLElement>('[data-index]');
    if (!item) return;
    const index = Number(item.dataset.index);
    const row = data.rows[index];
    if (!row) return;
    setActive(index);
    if (target?.closest('.rv-check')) toggle(row.id);
    else props.onOpen(row.id);
  }

  const selectedRows = () => data.rows.filter((r) => selected.has(r.id));
  function exportSelection(format: 'csv' | 'json') {
    const rows = selectedRows();
    const download = props.download ?? downloadText;
    const stamp = clock().toISOString().slice(0, 10);
    if (format === 'csv')
      download(`complaints-${stamp}.csv`, CSV_MIME, queueToCsv(rows, locale, clock(), policy));
    else download(`complaints-${stamp}.json`, JSON_MIME, queueToJson(rows));
  }

  async function applyBulk(kind: BulkKind, values: Record<string, string>) {
    const states = await source.loadStates([...selected]);
    const outcome = await runBulk(kind, states, values, {
      actor: user,
      now: clock(),
      newId: props.newId ?? (() => crypto.randomUUID()),
      locale,
      ctx: { policy },
      onAct: props.onAct!,
    });
    dataChanged();
    return outcome;
  }

  const activeRow = data.rows[active];
  const optionId = (id: string) => `rv-opt-${id}`;
  const statusFilter = settings.filter.statuses;

  return (
    <div class="rv-queue">
      <h1 class="rv-title">{t('review.queue.title')}</h1>
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
                  change({ ...settings, filter: { ...settings.filter, statuses: on ? [] : [s] } })
                }
              >
                {t('review.queue.countItem', { status: t.code('status', s), count: counts[s] })}
              </button>
            );
          })}
      </nav>
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
          onExport={exportSelection}
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
            ? t('review.queue.empty')
            : data.truncated
              ? t('review.queue.truncated', { count: data.truncated })
              : t('review.queue.shown', { count: total, more: data.next !== undefined })}
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
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
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
            />
          ))}
        </div>
      </div>
      <details class="rv-keys">
        <summary>{t('review.keys.title')}</summary>
        <ul>
          {(
            [
              'move',
              'open',
              'select',
              'selectAll',
              'search',
              'assign',
              'escalate',
              'clear',
            ] as const
          ).map((k) => (
            <li key={k}>{t.key(`review.keys.${k}`)}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}

/** The countdown text and state of a row: state in words plus "due in …" / "overdue by …". */
export function slaText(row: QueueRow, now: Date, t: Tr): { state: string; text: string } {
  const sla = liveSla(row, now);
  if (!sla) return { state: 'none', text: t('review.queue.nothingDue') };
  const state = t.key(`sla.state.${sla.state}`);
  if (!sla.dueAt) return { state: sla.state, text: state };
  return {
    state: sla.state,
    text: t('review.sla.chip', { state, due: formatDue(sla.dueAt, now, t.locale) }),
  };
}

const QueueItem = memo(function QueueItem(p: {
  row: QueueRow;
  index: number;
  total: number;
  top: number;
  height: number;
  active: boolean;
  selected: boolean;
  now: Date;
  t: Tr;
  optionId: string;
}) {
  const { row, t } = p;
  const sla = slaText(row, p.now, t);
  const label = caseLabel(row.caseNumber, t, row.caseNumberIssuer);
  const customer = row.anonymous
    ? t('review.queue.anonymous')
    : row.customer || t('review.queue.noCustomer');
  return (
    <div
      id={p.optionId}
      role="option"
      // Focus stays on the list (aria-activedescendant); a click may focus the row itself.
      tabIndex={-1}
      aria-selected={p.selected}
      aria-posinset={p.index + 1}
      aria-setsize={p.total}
      class={`rv-item${p.active ? ' rv-active' : ''}${p.selected ? ' rv-selected' : ''}`}
      style={{ top: `${p.top}px`, height: `${p.height}px` }}
      data-complaint-id={row.id}
      data-index={p.index}
    >
      <span
        class="rv-check"
        aria-hidden="true"
        title={t('review.queue.select', { caseLabel: label })}
      >
        {p.selected ? '☑' : '☐'}
      </span>
      <span class="rv-line">
        <span class={`rv-sev rv-sev-${row.severity}`} title={t.code('severity', row.severity)}>
          {row.severity}
        </span>
        <span class="rv-case">{label}</span>
        <span class="rv-subject">{row.subject || t('review.queue.untitled')}</span>
      </span>
      <span class="rv-line rv-meta">
        <span class="rv-customer">{customer}</span>
        <span class="rv-st">{t.code('status', row.status)}</span>
        <span class={`rv-sla rv-sla-${sla.state}`}>{sla.text}</span>
      </span>
    </div>
  );
});
