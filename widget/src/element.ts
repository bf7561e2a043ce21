import type { Profile } from '@shared/schema/codes';
import { h, render } from 'preact';
import { App, type Step } from './app';
import { resolveLocale } from './i18n';
import { loadOutboxModule } from './lazy';
import { hasPending } from './pending';
import { DEFAULT_CATEGORIES, PROFILES } from './schema-constants';
import { applyStyles, forgetStyles } from './styles';

// A factory, not a class statement: the IIFE build must extend HTMLElement only after the
// custom-elements polyfill (when needed) has replaced it.

const ATTRIBUTES = [
  'endpoint',
  'site',
  'lang',
  'profile',
  'categories',
  'theme',
  'nonce',
  'currency',
];

/**
 * `<complaint-form>`: the embeddable complaint form.
 *
 * @attr endpoint - URL the submission is POSTed to (required), e.g. `https://desk.example.com/api/v1/intake`
 * @attr site - the site key sent with each submission
 * @attr lang - `zh-CN` | `en`; default: the page's `<html lang>`, then the browser's language
 * @attr profile - adds a domain profile's fields: `vehicle` | `b2b` | `telecom` | `hospitality` | `pharma`
 * @attr categories - comma-separated subset of category codes, in the order to offer them
 * @attr theme - `light` (default) | `dark` | `auto` (follows the visitor's system)
 * @attr nonce - the page's CSP nonce, for the `<style>` fallback and the IIFE outbox script
 * @attr currency - ISO 4217 code of the amount claimed (default `CNY`)
 *
 * @event complaint-submit - cancelable; `detail` is the submission about to be sent
 * @event complaint-submitted - `detail` is `{id, caseNumber, receivedAt, replyDueAt}`
 * @event complaint-queued - offline or server error: saved, will be retried; `detail` is `{id}`
 * @event complaint-error - refused; `detail` is `{errors: [{path, code, message}], status}`
 *
 * @csspart form, field, label, input, hint, error, summary, submit, button, review, success, queued
 */
export function createComplaintFormElement(Base: typeof HTMLElement = HTMLElement) {
  return class ComplaintFormElement extends Base {
    static get observedAttributes(): string[] {
      return ATTRIBUTES;
    }

    private readonly root: ShadowRoot;
    private readonly mount: HTMLElement;
    private readonly internals: ElementInternals | undefined;
    private generation = 0;
    private queued = false;

    constructor() {
      super();
      this.root = this.attachShadow({ mode: 'open' });
      this.mount = document.createElement('div');
      this.root.append(this.mount);
      try {
        // The custom-elements polyfill cannot give a polyfilled element internals.
        this.internals = this.attachInternals();
      } catch {
        this.internals = undefined;
      }
    }

    connectedCallback(): void {
      this.update();
      // Something was left unsent on an earlier visit: send it now.
      if (hasPending())
        loadOutboxModule(this.cspNonce).then(
          (m) => m.startOutbox(),
          () => undefined,
        );
    }

    disconnectedCallback(): void {
      // Moving the element (remove + insert in one task) keeps what was typed.
      queueMicrotask(() => {
        if (this.isConnected) return;
        render(null, this.mount);
        forgetStyles(this.root);
      });
    }

    attributeChangedCallback(): void {
      this.update();
    }

    get endpoint(): string {
      return this.getAttribute('endpoint') ?? '';
    }
    set endpoint(value: string) {
      this.setAttribute('endpoint', value);
    }
    get site(): string {
      return this.getAttribute('site') ?? '';
    }
    set site(value: string) {
      this.setAttribute('site', value);
    }
    get profile(): string {
      return this.getAttribute('profile') ?? '';
    }
    set profile(value: string) {
      this.setOrRemove('profile', value);
    }
    get categories(): string {
      return this.getAttribute('categories') ?? '';
    }
    set categories(value: string | readonly string[]) {
      this.setOrRemove('categories', typeof value === 'string' ? value : value.join(','));
    }
    get theme(): 'light' | 'dark' | 'auto' {
      const theme = this.getAttribute('theme');
      return theme === 'dark' || theme === 'auto' ? theme : 'light';
    }
    set theme(value: 'light' | 'dark' | 'auto') {
      this.setAttribute('theme', value);
    }
    get currency(): string {
      return this.getAttribute('currency') ?? 'CNY';
    }
    set currency(value: string) {
      this.setAttribute('currency', value);
    }
    // `lang` and `nonce` are HTMLElement's own reflecting properties.

    /** Clears the form (and any result) back to an empty first step. */
    reset(): void {
      this.generation++;
      this.render();
    }

    private get cspNonce(): string {
      // Browsers hide a nonce attribute once the element is in a CSP document; the property keeps it.
      return this.nonce || this.getAttribute('nonce') || '';
    }

    private setOrRemove(name: string, value: string) {
      if (value) this.setAttribute(name, value);
      else this.removeAttribute(name);
    }

    /** Attribute changes in one task re-render once. */
    private update() {
      if (this.queued) return;
      this.queued = true;
      queueMicrotask(() => {
        this.queued = false;
        if (this.isConnected) this.render();
      });
    }

    private render() {
      applyStyles(this.root, this.cspNonce);
      const profile = this.profile as Profile;
      const wanted = this.categories.split(',').map((c) => c.trim());
      const categories = wanted.filter((c) => /^[a-z][a-z0-9_]{0,63}$/.test(c));
      render(
        h(App, {
          key: this.generation,
          host: this,
          endpoint: this.endpoint,
          site: this.site,
          locale: resolveLocale(this.getAttribute('lang')),
          profile: PROFILES.includes(profile) ? profile : undefined,
          categories: categories.length ? categories : DEFAULT_CATEGORIES,
          currency: /^[A-Z]{3}$/.test(this.currency) ? this.currency : 'CNY',
          nonce: this.cspNonce,
          onStep: (step: Step) => this.showState(step),
          onReset: () => this.reset(),
        }),
        this.mount,
      );
    }

    /** `:state(edit|review|sending|queued|done)` for page styles, where supported. */
    private showState(step: Step) {
      const states = this.internals?.states;
      if (!states) return;
      try {
        states.clear();
        states.add(step);
      } catch {
        // Older Chromium accepted only `--name` states.
      }
    }
  };
}

/** The `<complaint-form>` element's type. */
export type ComplaintFormElement = InstanceType<ReturnType<typeof createComplaintFormElement>>;
