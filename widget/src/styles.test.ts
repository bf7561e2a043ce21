// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { addStyles, applyStyles, forgetStyles } from './styles';

describe('applyStyles', () => {
  it('adopts one shared constructable stylesheet where supported', () => {
    const a = document.createElement('div').attachShadow({ mode: 'open' });
    const b = document.createElement('div').attachShadow({ mode: 'open' });
    applyStyles(a, '');
    applyStyles(b, '');
    expect(a.adoptedStyleSheets).toHaveLength(1);
    expect(a.adoptedStyleSheets[0]).toBe(b.adoptedStyleSheets[0]);
    expect(a.querySelector('style')).toBeNull();
  });

  it('falls back to a <style> with the page’s nonce, replaced when the nonce or the styles change', () => {
    const root = document.createElement('div').attachShadow({ mode: 'open' });
    // A shadow root of a browser without constructable stylesheets.
    const legacy = {
      querySelector: root.querySelector.bind(root),
      prepend: root.prepend.bind(root),
    } as unknown as ShadowRoot;
    applyStyles(legacy, 'abc');
    const style = root.querySelector('style')!;
    expect(style.getAttribute('nonce')).toBe('abc');
    applyStyles(legacy, 'abc');
    expect(root.querySelector('style')).toBe(style);
    applyStyles(legacy, 'def');
    expect(root.querySelectorAll('style')).toHaveLength(1);
    expect(root.querySelector('style')?.getAttribute('nonce')).toBe('def');
    addStyles('.later{color:red}');
    expect(root.querySelectorAll('style')).toHaveLength(1);
    expect(root.querySelector('style')?.textContent).toContain('.later{color:red}');
    expect(root.querySelector('style')?.getAttribute('nonce')).toBe('def');
    forgetStyles(legacy);
  });
});
