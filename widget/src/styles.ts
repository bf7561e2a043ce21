import formCss from '@shared/ui/form.css?inline';
import widgetCss from './widget.css?inline';

let css = formCss + widgetCss;
let sheet: CSSStyleSheet | undefined;
// What each fallback <style> was made with (the nonce is not kept in the DOM, where CSS could read it).
const styled = new Map<ShadowRoot, string>();

/**
 * Styles a shadow root: one constructable stylesheet shared by every instance (CSSOM, so a
 * strict `style-src` CSP allows it), else a `<style>` carrying the page's CSP nonce.
 */
export function applyStyles(root: ShadowRoot, nonce: string): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const old = root.querySelector('style');
  const key = `${nonce}\n${css.length}`;
  if (old && styled.get(root) === key) return;
  // A nonce set after insertion does not count, so a change needs a new element.
  styled.set(root, key);
  const style = document.createElement('style');
  if (nonce) style.setAttribute('nonce', nonce);
  style.textContent = css;
  if (old) old.replaceWith(style);
  else root.prepend(style);
}

/** Adds the styles of a lazy chunk to every instance, present and future. */
export function addStyles(more: string): void {
  css += more;
  sheet?.replaceSync(css);
  for (const [root, key] of styled) applyStyles(root, key.slice(0, key.indexOf('\n')));
}

/** Forgets a shadow root whose element left the page. */
export function forgetStyles(root: ShadowRoot): void {
  styled.delete(root);
}
