import { useState } from 'preact/hooks';

const OVERSCAN = 4;

/**
 * The virtualized list's window: which rows are rendered (visible ± overscan, at a fixed row
 * height), the active row, and scrolling that keeps the active row in view.
 */
export function useListWindow(opts: {
  total: number;
  height: number;
  rowHeight: number;
  list: { current: HTMLElement | null };
}) {
  const { total, height, rowHeight } = opts;
  const [active, setActive] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(total, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const visibleRows = Math.max(1, Math.floor(height / rowHeight));

  function scrollTo(top: number) {
    setScrollTop(top);
    if (opts.list.current) opts.list.current.scrollTop = top;
  }

  function moveTo(index: number) {
    if (total === 0) return;
    const i = Math.max(0, Math.min(total - 1, index));
    setActive(i);
    let top = scrollTop;
    if (i * rowHeight < top) top = i * rowHeight;
    else if ((i + 1) * rowHeight > top + height) top = (i + 1) * rowHeight - height;
    if (top !== scrollTop) scrollTo(top);
  }

  /** Back to the first row (a fresh first page). */
  function reset() {
    setActive(0);
    scrollTo(0);
  }

  return { active, setActive, setScrollTop, first, last, visibleRows, moveTo, reset };
}

export type ListCommand =
  | 'down'
  | 'up'
  | 'home'
  | 'end'
  | 'pageDown'
  | 'pageUp'
  | 'open'
  | 'toggle'
  | 'clear'
  | 'selectAll'
  | 'assign'
  | 'escalate';

/** The list's keyboard map (see QueueList's header comment). */
export function listCommand(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey'>,
): ListCommand | undefined {
  const mod = e.ctrlKey || e.metaKey;
  switch (e.key) {
    case 'ArrowDown':
    case 'j':
      return 'down';
    case 'ArrowUp':
    case 'k':
      return 'up';
    case 'Home':
      return 'home';
    case 'End':
      return 'end';
    case 'PageDown':
      return 'pageDown';
    case 'PageUp':
      return 'pageUp';
    case 'Enter':
      return 'open';
    case ' ':
    case 'x':
      return 'toggle';
    case 'Escape':
      return 'clear';
    case 'a':
    case 'A':
      return mod ? 'selectAll' : 'assign';
    case 'e':
      return 'escalate';
    default:
      return undefined;
  }
}
