import { describe, expect, it } from 'vitest';
import { backgroundTranslator } from './background';

describe('backgroundTranslator', () => {
  it('speaks both English files of the extension area (a notification reuses a side-panel line)', () => {
    expect(backgroundTranslator('en')('ext.panel.alertOnCall', { contact: 'Li 139' })).toBe(
      'Alert the on-call leader now: Li 139.',
    );
    expect(backgroundTranslator('en')('ext.notify.savedTitle')).not.toBe('ext.notify.savedTitle');
    const zh = backgroundTranslator('zh-CN')('ext.panel.alertOnCall', { contact: 'Li 139' });
    expect(zh).toContain('Li 139');
    expect(zh).not.toContain('Alert');
  });
});
