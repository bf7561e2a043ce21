import type { Profile } from '@shared/schema/codes';
import { firstPaint } from './first-paint';
import { loadFormConfig, loadOutboxModule, loadView, viewNow } from './lazy';
import { resolveLocale } from './locale';
import { hasPending } from './pending';
import { DEFAULT_CATEGORIES, PROFILES } from './schema-constants';
import type { Step } from './step';
import { applyStyles, forgetStyles } from './styles';
import type { Painted } from './view';

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
 * The `<complaint-form>` class, extending `Base` (HTMLElement, or the polyfill's in the IIFE).
 * Its public surface is documented on the class below; the build turns that into
 * `custom-elements.json` (widget/custom-elements.config.mjs).
 */
export function createComplaintFormElement(Base: typeof HTMLElement = HTMLElement) {
  /**
   * `<complaint-form>`: the embeddable complaint form.
   *
   * @tagname complaint-form
   *
   * @attr {string} endpoint - URL the submission is POSTed to (required), e.g. `https://desk.example.com/api/v1/intake`
   * @attr {string} site - the site key sent with each submission; the server checks the page's origin against it
   * @attr {'zh-CN' | 'en'} lang - language of the form and of the server's errors; default: the page's `<html lang>`, then the browser's language
   * @attr {'vehicle' | 'b2b' | 'telecom' | 'hospitality' | 'pharma'} profile - adds a domain profile's fields
   * @attr {string} categories - comma-separated subset of category codes, in the order to offer them; default: the server's list (`endpoint` + `/form-config`), else the built-in one
   * @attr {'light' | 'dark' | 'auto'} theme - `light` (default), `dark`, or `auto` (follows the visitor's system)
   * @attr {string} nonce - the page's CSP nonce, for the `<style>` fallback and the IIFE outbox script
   * @attr {string} currency - ISO 4217 code of the amount claimed (default `CNY`)
   *
   * @event {ComplaintSubmitEvent} complaint-submit - cancelable; `detail` is the submission about to be sent
   * @event {ComplaintSubmittedEvent} complaint-submitted - accepted; `detail` is `{id, caseNumber, receivedAt, replyDueAt}`
   * @event {ComplaintQueuedEvent} complaint-queued - offline or server error: saved, will be retried; `detail` is `{id}`
   * @event {ComplaintErrorEvent} complaint-error - refused; `detail` is `{errors: [{path, code, message}], status}`
   *
   * @csspart form - the `<form>`
   * @csspart field - each label + hint + error + control group
   * @csspart label - each label
   * @csspart input - each text box, text area, select and checkbox
   * @csspart hint - a field's hint
   * @csspart error - a field's error message
   * @csspart summary - the error summary shown after a failed submit
   * @csspart submit - the main button of each step
   * @csspart button - the other buttons
   * @csspart copy - "Copy my complaint", shown with "Try again" when a send was not registered, and on the "saved, will be sent" view
   * @csspart review - the read-back step
   * @csspart success - the success view (case number, reply deadline)
   * @csspart queued - the "saved, will be sent automatically" view
   *
   * @cssprop [--cf-accent=#1d4ed8] - buttons, focus border, links
   * @cssprop [--cf-accent-fg=#fff] - text on the accent
   * @cssprop [--cf-bg=#fff] - card background
   * @cssprop [--cf-fg=#1b1f24] - text
   * @cssprop [--cf-muted=#535c67] - hints
   * @cssprop [--cf-surface=#f5f7fa] - read-back rows, notes
   * @cssprop [--cf-border=#d5dae1] - card, dividers
   * @cssprop [--cf-input-bg=#fff] - input background
   * @cssprop [--cf-input-border=#6b7480] - input border
   * @cssprop [--cf-error=#b42318] - error text
   * @cssprop [--cf-error-bg=#fef3f2] - error summary background
   * @cssprop [--cf-success=#067647] - success icon, case number
   * @cssprop [--cf-focus=#f59e0b] - focus ring
   * @cssprop [--cf-dark-accent=#8ab4ff] - `--cf-accent` in the dark theme
   * @cssprop [--cf-dark-accent-fg=#0b1220] - `--cf-accent-fg` in the dark theme
   * @cssprop [--cf-dark-bg=#181b21] - `--cf-bg` in the dark theme
   * @cssprop [--cf-dark-fg=#e8eaee] - `--cf-fg` in the dark theme
   * @cssprop [--cf-dark-muted=#a9b1bd] - `--cf-muted` in the dark theme
   * @cssprop [--cf-dark-surface=#21252d] - `--cf-surface` in the dark theme
   * @cssprop [--cf-dark-border=#343a45] - `--cf-border` in the dark theme
   * @cssprop [--cf-dark-input-bg=#101318] - `--cf-input-bg` in the dark theme
   * @cssprop [--cf-dark-input-border=#8a94a3] - `--cf-input-border` in the dark theme
   * @cssprop [--cf-dark-error=#ff9b8f] - `--cf-error` in the dark theme
   * @cssprop [--cf-dark-error-bg=#2a1715] - `--cf-error-bg` in the dark theme
   * @cssprop [--cf-dark-success=#6fdc9f] - `--cf-success` in the dark theme
   * @cssprop [--cf-dark-focus=#fbbf24] - `--cf-focus` in the dark theme
   * @cssprop [--cf-radius=12px] - corner radius
   * @cssprop [--cf-space=1rem] - spacing unit
   * @cssprop --cf-font - font stack (default: system UI fonts, then PingFang SC / Microsoft YaHei / Noto Sans CJK SC)
   * @cssprop [--cf-font-size=1rem] - base font size
   * @cssprop [--cf-max-width=42rem] - card width
   *
   * @cssstate edit - filling in the form
   * @cssstate review - reading the complaint back before sending
   * @cssstate sending - sending
   * @cssstate queued - saved in the outbox, will be sent later
   * @cssstate done - accepted; the case number is shown
   */
  class ComplaintFormElement extends Base {
    static get observedAttributes(): string[] {
      return ATTRIBUTES;
    }

    private readonly root: ShadowRoot;
    private readonly mount: HTMLElement;
    private readonly internals: ElementInternals | undefined;
    private generation = 0;
    private queued = false;
    /** The server's categories for `configFor` (endpoint + site), once they arrived. */
    private serverCategories: readonly string[] | undefined;
    private configFor = '';
    /** The prebuilt markup is shown and Preact has not taken it over yet (first-paint.ts). */
    private painted: Painted | undefined;
    /** The visitor submitted before that: sent on once Preact has taken over. */
    private held = false;

    constructor() {
      super();
      this.root = this.attachShadow({ mode: 'open' });
      this.mount = document.createElement('div');
      this.root.append(this.mount);
      // Before Preact takes over the prebuilt markup, a submit (Enter, a click) would navigate
      // the page: hold it instead, and load the view if it failed to arrive.
      this.root.addEventListener('submit', (e) => {
        if (!this.painted) return;
        e.preventDefault();
        this.held = true;
        this.whenView();
      });
      try {
        // The custom-elements polyfill cannot give a polyfilled element internals.
        this.internals = this.attachInternals();
      } catch {
        this.internals = undefined;
      }
    }

    connectedCallback(): void {
      this.update();
      // Something was left unsent on an earlier visit: send it now — in a task after the one that
      // shows the form, since the first localStorage read of a page can take milliseconds.
      setTimeout(() => {
        if (hasPending())
          loadOutboxModule(this.cspNonce).then(
            (m) => m.startOutbox(),
            () => undefined,
          );
      });
    }

    disconnectedCallback(): void {
      // Moving the element (remove + insert in one task) keeps what was typed.
      queueMicrotask(() => {
        if (this.isConnected) return;
        if (this.painted) this.mount.textContent = '';
        else viewNow()?.unmount(this.mount);
        this.painted = undefined;
        this.held = false;
        forgetStyles(this.root);
      });
    }

    attributeChangedCallback(): void {
      this.update();
    }

    /** Asks the server for its categories when the endpoint or site changed. */
    private loadConfig() {
      const key = `${this.endpoint}\u0000${this.site}`;
      if (key === this.configFor) return;
      this.configFor = key;
      this.serverCategories = undefined;
      if (!this.endpoint) return;
      loadFormConfig()
        .then((m) => m.serverCategories(this.endpoint, this.site))
        .then(
          (codes) => {
            if (!codes || key !== this.configFor) return;
            this.serverCategories = codes;
            this.update();
          },
          () => undefined,
        );
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
      if (this.painted) {
        this.mount.querySelector('form')?.reset();
        this.held = false;
      }
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
        if (!this.isConnected) return;
        this.render();
        // The server's categories replace the built-in ones when they come; asking is not
        // needed to start typing, so it waits for the next task.
        setTimeout(() => this.isConnected && this.loadConfig());
      });
    }

    private render() {
      applyStyles(this.root, this.cspNonce);
      const profile = this.profile as Profile;
      const wanted = this.categories.split(',').map((c) => c.trim());
      const categories = wanted.filter((c) => /^[a-z][a-z0-9_]{0,63}$/.test(c));
      const props = {
        key: this.generation,
        host: this,
        endpoint: this.endpoint,
        site: this.site,
        locale: resolveLocale(this.getAttribute('lang')),
        profile: PROFILES.includes(profile) ? profile : undefined,
        // The page's own list, else the server's policy, else (offline) the built-in one.
        categories: categories.length ? categories : (this.serverCategories ?? DEFAULT_CATEGORIES),
        currency: /^[A-Z]{3}$/.test(this.currency) ? this.currency : 'CNY',
        nonce: this.cspNonce,
        onStep: (step: Step) => this.showState(step),
        onReset: () => this.reset(),
      };
      const view = viewNow();
      if (view) {
        view.paint(this.mount, props, this.painted);
        this.painted = undefined;
        if (this.held) {
          this.held = false;
          const submit = new Event('submit', { bubbles: true, cancelable: true });
          this.mount.querySelector('form')?.dispatchEvent(submit);
        }
        return;
      }
      if (!this.mount.firstChild) {
        const { locale, profile, categories, currency } = props;
        const html = firstPaint(locale, profile, categories, currency);
        try {
          if (html) this.mount.innerHTML = html;
          if (html) this.painted = { config: { locale, profile, categories, currency }, at: 0 };
        } catch {
          // A page that enforces Trusted Types refuses innerHTML: Preact renders the form then.
        }
        if (this.painted) {
          this.painted.at = performance.now();
          this.showState('edit');
        }
      }
      // Preact and the form: after a first paint, requested in the next task, so the task that
      // shows the form ends ~0.6 ms (CPU) sooner; Chromium runs a dynamically imported module
      // only after the page's load event anyway (docs/widget.md). Without markup, at once.
      if (this.painted) setTimeout(() => this.whenView());
      else this.whenView();
    }

    /** Renders with Preact once its chunk is here. */
    private whenView() {
      loadView().then(
        () => this.isConnected && this.render(),
        () => undefined,
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
  }
  return ComplaintFormElement;
}

/** The `<complaint-form>` element's type. */
export type ComplaintFormElement = InstanceType<ReturnType<typeof createComplaintFormElement>>;
