import { isShortcut } from '../ui/key-help';
import {
  DEFAULT_SETTINGS,
  type QueueCursor,
  type QueueRow,
  type QueueSettings,
} from '@shared/review/index';
import type { Status } from '@shared/schema/codes';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ComplaintState } from '@shared/schema/complaint';
import type { QueuePage, QueueQuery } from './queries';
import type { SettingsStore } from './storage';

/** Where the list's rows come from (`dexieQueueSource` in the extension, a fake in tests). */
export interface QueueSource {
  page(query: QueueQuery, after?: QueueCursor, limit?: number): Promise<QueuePage>;
  counts(): Promise<Record<Status, number>>;
  loadStates(ids: readonly string[]): Promise<ComplaintState[]>;
  /** Calls back when the data changed (another window acted, sync arrived). */
  subscribe?(onChange: () => void): () => void;
  /**
   * A first page already in hand for this query and size (the popup's plain read), handed over
   * once without waiting, so the list's first commit shows rows; undefined otherwise.
   */
  ready?(query: QueueQuery, limit: number): QueuePage | undefined;
}

export type Loaded = {
  rows: QueueRow[];
  next?: QueueCursor;
  truncated?: number;
  loading: boolean;
  error?: string;
};

/** The remembered filters and sort: given (read before the first render) or loaded once. */
export function useQueueSettings(initial: QueueSettings | undefined, store?: SettingsStore) {
  const [settings, setSettings] = useState<QueueSettings>(initial ?? DEFAULT_SETTINGS);
  const [ready, setReady] = useState(initial !== undefined || !store);
  useEffect(() => {
    if (ready || !store) return;
    let live = true;
    void store.load().then(
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
  return { settings, setSettings, ready };
}

/**
 * The rows on screen: the first page whenever the settings change; after a change elsewhere
 * (another window, sync), as many rows as shown; more pages on demand. Status counts follow the
 * list, and only when the data changed.
 */
export function useQueuePages(opts: {
  source: QueueSource;
  ready: boolean;
  settings: QueueSettings;
  query: () => QueueQuery;
  pageSize: number;
  /** After each page arrived; `fresh`: a first page after a settings change. */
  onPage: (fresh: boolean) => void;
}) {
  const { source, ready, settings, query, pageSize } = opts;
  // A page in hand is on screen from the first commit; loading it in an effect would cost a
  // paint and a timer before the rows show (~10-25 ms in the popup).
  const [data, setData] = useState<Loaded>(() => {
    const page = ready ? source.ready?.(query(), pageSize) : undefined;
    return page ? { ...pageData(page), loading: false } : { rows: [], loading: true };
  });
  const handed = useRef(!data.loading);
  const [counts, setCounts] = useState<Record<Status, number>>();
  const [reload, setReload] = useState(0);
  const request = useRef(0);
  const loadingMore = useRef(false);
  const changes = useRef(0);
  const countedFor = useRef(-1);
  const shown = useRef(0);
  shown.current = data.rows.length;

  // Counts after the list (the list is what a supervisor reads first), and only when the data
  // changed: a filter change does not change them.
  function countIfChanged() {
    if (countedFor.current === changes.current) return;
    const gen = changes.current;
    countedFor.current = gen;
    void source.counts().then(
      (c) => gen === changes.current && setCounts(c),
      () => {
        countedFor.current = -1;
      },
    );
  }

  useEffect(() => {
    if (!ready) return;
    if (handed.current) {
      handed.current = false;
      countIfChanged();
      return;
    }
    const id = ++request.current;
    const fresh = reload === 0;
    setData((d) => ({ ...d, loading: true }));
    source.page(query(), undefined, fresh ? pageSize : Math.max(pageSize, shown.current)).then(
      (page) => {
        if (id !== request.current) return;
        setData({ ...pageData(page), loading: false });
        opts.onPage(fresh);
        countIfChanged();
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

  const dataChanged = useCallback(() => {
    changes.current++;
    setReload((r) => r + 1);
  }, []);
  useEffect(() => source.subscribe?.(dataChanged), [source]);

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

  /** A settings change: the next load is a fresh first page. */
  const restart = () => setReload(0);
  return { data, counts, loadMore, dataChanged, restart };
}

function pageData(page: QueuePage): Omit<Loaded, 'loading'> {
  return { rows: page.rows, next: page.next, truncated: page.truncated };
}

/** The current time, refreshed every `tickMs` (the countdowns). */
export function useNow(clock: () => Date, tickMs = 30_000): [Date, (d: Date) => void] {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return [now, setNow];
}

/** "/" anywhere on the page (outside a field) goes to the search, as on GitHub. */
export function useSlashToSearch(
  anchor: { current: HTMLElement | null },
  search: { current: HTMLInputElement | null },
) {
  useEffect(() => {
    const doc = anchor.current?.ownerDocument;
    if (!doc) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && isShortcut(e)) {
        e.preventDefault();
        search.current?.focus();
      }
    };
    doc.addEventListener('keydown', onKey);
    return () => doc.removeEventListener('keydown', onKey);
  }, []);
}
