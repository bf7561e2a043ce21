import { describe, expect, it } from 'vitest';
import { listCommand } from './list-window';

describe('listCommand: the queue list keyboard map', () => {
  it.each([
    ['ArrowDown', false, 'down'],
    ['j', false, 'down'],
    ['ArrowUp', false, 'up'],
    ['k', false, 'up'],
    ['Home', false, 'home'],
    ['End', false, 'end'],
    ['PageDown', false, 'pageDown'],
    ['PageUp', false, 'pageUp'],
    ['Enter', false, 'open'],
    [' ', false, 'toggle'],
    ['x', false, 'toggle'],
    ['Escape', false, 'clear'],
    ['a', true, 'selectAll'],
    ['A', true, 'selectAll'],
    ['a', false, 'assign'],
    ['e', false, 'escalate'],
    ['q', false, undefined],
    ['/', false, undefined],
  ] as const)('%j (mod %s) → %s', (key, mod, command) => {
    expect(listCommand({ key, ctrlKey: mod, metaKey: false })).toBe(command);
    if (mod) expect(listCommand({ key, ctrlKey: false, metaKey: true })).toBe(command);
  });
});
