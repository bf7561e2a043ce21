/**
 * TypeScript declarations for `<complaint-form>`, self-contained: copy this file into a project
 * (or reference it) to get typed `document.querySelector('complaint-form')`, typed event
 * listeners, and JSX for Preact and React 19.
 */

export type ComplaintFormLocale = 'en' | 'zh-CN';
export type ComplaintFormTheme = 'light' | 'dark' | 'auto';
export type ComplaintFormProfile = 'vehicle' | 'b2b' | 'telecom' | 'hospitality' | 'pharma';

/** The submission the widget sends (`POST {endpoint}` JSON body). */
export interface ComplaintFormSubmission {
  /** Client-generated UUID; the server dedupes retries by it. */
  id: string;
  site?: string;
  locale: ComplaintFormLocale;
  complainant: {
    anonymous: boolean;
    name?: string;
    phone?: string;
    email?: string;
    address?: string;
  };
  subject?: string;
  description: string;
  demand: string;
  category?: string;
  amountClaimed?: { value: number; currency: string };
  headcount?: number;
  profile?: ComplaintFormProfile;
  profileFields?: Record<string, string | number | undefined>;
  readBackConfirmed: true;
  attachments?: { name: string; type: string; size: number }[];
  antiSpam?: { honeypot?: string; elapsedMs: number };
}

/** The server's answer to an accepted submission. */
export interface ComplaintFormReceipt {
  id: string;
  caseNumber?: string;
  receivedAt?: string;
  replyDueAt?: string;
}

export interface ComplaintFormFieldError {
  /** Dotted path, e.g. `complainant.email`; empty for the whole submission. */
  path: string;
  /** Message key, e.g. `validation.email`. */
  code: string;
  message: string;
}

/** An attached image after downscaling (≤ 1600 px, ≤ 1 MB). */
export interface ComplaintFormImage {
  name: string;
  type: string;
  size: number;
  dataUrl: string;
  /** The bytes the widget uploads (multipart `images` part). */
  blob: Blob;
}

/** Before sending; cancelable (`preventDefault()` and send it yourself). */
export declare class ComplaintSubmitEvent extends Event {
  readonly detail: ComplaintFormSubmission;
  /** The images; the widget sends them as `images` parts beside the JSON `submission` part. */
  readonly images: readonly ComplaintFormImage[];
}
/** Accepted by the server, at once or later from the offline outbox. */
export declare class ComplaintSubmittedEvent extends Event {
  readonly detail: ComplaintFormReceipt;
}
/** Saved offline (network error or 5xx); it will be sent automatically. */
export declare class ComplaintQueuedEvent extends Event {
  readonly detail: { id: string };
}
/** Refused: validation (400), too large (413), rate limited (429), not allowed (403). */
export declare class ComplaintErrorEvent extends Event {
  readonly detail: { errors: ComplaintFormFieldError[]; status?: number };
}

export interface ComplaintFormEventMap extends HTMLElementEventMap {
  'complaint-submit': ComplaintSubmitEvent;
  'complaint-submitted': ComplaintSubmittedEvent;
  'complaint-queued': ComplaintQueuedEvent;
  'complaint-error': ComplaintErrorEvent;
}

/** The element. `lang` and `nonce` are HTMLElement's own properties. */
export interface ComplaintFormElement extends HTMLElement {
  endpoint: string;
  site: string;
  profile: string;
  /** Comma-separated category codes; an array may be assigned. */
  get categories(): string;
  set categories(value: string | readonly string[]);
  theme: ComplaintFormTheme;
  currency: string;
  /** Back to an empty form. */
  reset(): void;
  addEventListener<K extends keyof ComplaintFormEventMap>(
    type: K,
    listener: (this: ComplaintFormElement, ev: ComplaintFormEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof ComplaintFormEventMap>(
    type: K,
    listener: (this: ComplaintFormElement, ev: ComplaintFormEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

/** Attributes, as JSX props. */
export interface ComplaintFormAttributes {
  endpoint: string;
  site?: string;
  lang?: ComplaintFormLocale;
  profile?: ComplaintFormProfile;
  /** Comma-separated subset of category codes. */
  categories?: string;
  theme?: ComplaintFormTheme;
  nonce?: string;
  currency?: string;
  id?: string;
  class?: string;
  className?: string;
  hidden?: boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    'complaint-form': ComplaintFormElement;
  }
}

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'complaint-form': ComplaintFormAttributes & {
        ref?: import('preact').Ref<ComplaintFormElement>;
      };
    }
  }
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'complaint-form': ComplaintFormAttributes & {
        ref?: import('react').Ref<ComplaintFormElement>;
      };
    }
  }
}
