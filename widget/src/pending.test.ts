import { describe, expect, it } from 'vitest';
import { hasPending, setPending } from './pending';

describe('pending flag', () => {
  it('round-trips through storage', () => {
    const map = new Map<string, string>();
    const storage = () =>
      ({
        getItem: (k: string) => map.get(k) ?? null,
        setItem: (k: string, v: string) => map.set(k, v),
        removeItem: (k: string) => map.delete(k),
      }) as unknown as Storage;
    expect(hasPending(storage)).toBe(false);
    setPending(true, storage);
    expect(hasPending(storage)).toBe(true);
    setPending(false, storage);
    expect(hasPending(storage)).toBe(false);
  });

  it('treats blocked storage as "nothing pending" instead of throwing', () => {
    const blocked = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    expect(hasPending(blocked)).toBe(false);
    expect(() => setPending(true, blocked)).not.toThrow();
  });
});
