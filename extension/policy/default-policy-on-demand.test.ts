import { defaultPolicy as bundled } from '@shared/policy/default-policy';
import { assessSeverity } from '@shared/severity/assess-severity';
import { defaultTextRules } from '@shared/severity/text/default-text-rules';
import { describe, expect, it } from 'vitest';

/** A fresh copy of the module per test: it keeps what it fetched. */
async function fresh() {
  const { vi } = await import('vitest');
  vi.resetModules();
  return import('./default-policy-on-demand');
}

// What the build writes as severity-text-rules.json (wxt.config.ts), read back.
const asFetched = async () => JSON.parse(JSON.stringify(defaultTextRules));

describe('the default policy on demand (the extension build’s default-policy.ts)', () => {
  it('refuses to hand out the text rules before they are loaded, instead of assessing without them', async () => {
    const m = await fresh();
    expect(m.defaultTextRulesLoaded()).toBe(false);
    expect(() => m.defaultPolicy.severity.text).toThrow(/loadDefaultTextRules/);
    expect(() => assessSeverity({ text: '我要找媒体曝光' }, m.defaultPolicy)).toThrow();
    // Everything else is there at once (the queue, deadlines, categories).
    expect(m.defaultPolicy.calendar).toEqual(bundled.calendar);
    expect(m.defaultPolicy.categories).toEqual(bundled.categories);
  });

  it('once loaded, assesses exactly as the bundled defaults', async () => {
    const m = await fresh();
    await m.loadDefaultTextRules(asFetched);
    expect(m.defaultTextRulesLoaded()).toBe(true);
    expect(m.defaultPolicy.severity.text).toEqual(defaultTextRules);
    expect(JSON.stringify(m.defaultPolicy)).toBe(JSON.stringify(bundled));
    for (const text of ['我要找媒体曝光', 'I will sue you', 'the delivery was late']) {
      expect(assessSeverity({ text }, m.defaultPolicy)).toEqual(assessSeverity({ text }, bundled));
    }
  });

  it('fetches once however many ask, and tries again after a failed fetch', async () => {
    const m = await fresh();
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new TypeError('Failed to fetch');
    };
    await expect(m.loadDefaultTextRules(failing)).rejects.toThrow('Failed to fetch');
    expect(m.defaultTextRulesLoaded()).toBe(false);
    const counting = async () => {
      calls += 1;
      return asFetched();
    };
    await Promise.all([m.loadDefaultTextRules(counting), m.loadDefaultTextRules(counting)]);
    await m.loadDefaultTextRules(counting);
    expect(calls).toBe(2);
    expect(m.defaultTextRulesLoaded()).toBe(true);
  });
});
