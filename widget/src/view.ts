/**
 * Preact and the form: the part of the element that arrives after the first paint (a chunk of
 * its own in the ES build). It takes over the prebuilt markup (first-paint.ts) by hydrating it,
 * keeping whatever the visitor already typed, chose or picked.
 */
import { h, hydrate, render } from 'preact';
import { App, type AppProps, type Before } from './app';
import { HONEYPOT } from './form-view';
import type { Draft } from './payload';

/** The attributes the prebuilt markup was made for, and when it was shown. */
export interface Painted {
  config: Pick<AppProps, 'locale' | 'profile' | 'categories' | 'currency'>;
  at: number;
}

/**
 * Renders the form into `mount`. After a first paint from markup, Preact first hydrates that
 * markup with the attributes it was made for, then renders with the current ones (an attribute
 * may have changed meanwhile).
 */
export function paint(mount: HTMLElement, props: AppProps & { key: number }, painted?: Painted) {
  const form = painted && mount.querySelector('form');
  if (painted && form) {
    const { before, replay } = typedBefore(form, painted.at);
    hydrate(h(App, { ...props, ...painted.config, before }), mount);
    // Their handlers do the work a change would have done (pick images, go anonymous).
    for (const control of replay) control.dispatchEvent(new Event('change', { bubbles: true }));
  }
  render(h(App, props), mount);
}

export function unmount(mount: HTMLElement) {
  render(null, mount);
}

/**
 * What the visitor did before hydration. Preact's hydrate leaves an input's value alone (but sets
 * a textarea's), so the values become the form's starting state; a ticked box or picked files
 * are replayed as change events once the handlers exist, since both change the form.
 */
function typedBefore(form: HTMLFormElement, started: number) {
  const draft: Draft = { values: {}, anonymous: false, images: [] };
  const before: Before = { draft, honeypot: '', started };
  const replay: HTMLInputElement[] = [];
  for (const control of form.elements as HTMLCollectionOf<HTMLInputElement>) {
    const { name, type, value } = control;
    if (!name) continue;
    if (type === 'checkbox' || type === 'file') {
      if (control.checked || control.files?.length) replay.push(control);
    } else if (name === HONEYPOT) before.honeypot = value;
    else if (value) draft.values[name] = value;
  }
  return { before, replay };
}
