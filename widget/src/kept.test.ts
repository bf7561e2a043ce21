import { describe, expect, it } from 'vitest';
import { tKey } from './i18n';
import { type KeptOutcome, retriesItself, whyKept } from './kept';
import { laterMessages } from './later-messages';
import { addMessages } from './i18n';

addMessages(laterMessages);

describe('whyKept', () => {
  it.each<[KeptOutcome, string, boolean]>([
    [{ kind: 'rejected', status: 403 }, 'widget.kept.forbidden', false],
    [{ kind: 'rejected', status: 404 }, 'widget.kept.notFound', false],
    [{ kind: 'rejected', status: 409 }, 'widget.kept.idReused', false],
    [{ kind: 'rejected', status: 418 }, 'widget.kept.rejected', false],
    [{ kind: 'invalid', status: 400, errors: [] }, 'widget.kept.refused', false],
    [{ kind: 'tooLarge', status: 413 }, 'widget.error.tooLarge', false],
    [{ kind: 'retry', status: 500 }, 'widget.kept.server', true],
    [{ kind: 'retry', status: 201 }, 'widget.kept.notUnderstood', true],
    [{ kind: 'rateLimited', status: 429, retryAfterMs: 30_000 }, 'widget.error.rateLimited', true],
  ])('%j → %s (retries itself: %s), in en and zh-CN', (outcome, key, auto) => {
    const msg = whyKept(outcome);
    expect(msg.key).toBe(key);
    expect(retriesItself(outcome)).toBe(auto);
    const en = tKey('en', msg.key, msg.params);
    const zh = tKey('zh-CN', msg.key, msg.params);
    expect(en).not.toBe(msg.key);
    expect(zh).not.toBe(en);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names the status of an answer it has no words for', () => {
    const msg = whyKept({ kind: 'rejected', status: 418 });
    expect(tKey('en', msg.key, msg.params)).toContain('418');
  });
});
