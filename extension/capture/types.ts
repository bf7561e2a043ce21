/** How a field was found; each tier starts from a fixed confidence (docs/webmail.md §7). */
export type Tier = 'raw' | 'selection' | 'id' | 'testid' | 'class' | 'heuristic';

export const TIER_CONFIDENCE: Readonly<Record<Tier, number>> = {
  raw: 1,
  // The user pointed at it, so it is the right text even if the headers are not.
  selection: 0.9,
  id: 0.9,
  testid: 0.8,
  class: 0.5,
  heuristic: 0.3,
};

export type Method = 'raw' | 'dom' | 'selection' | 'heuristic' | 'readability';

export const PROVIDER_IDS = [
  'gmail',
  'outlook',
  'yahoo',
  'qq-new',
  'qq-classic',
  'netease',
  'generic',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export type ClipField =
  | 'from'
  | 'to'
  | 'cc'
  | 'subject'
  | 'date'
  | 'messageId'
  | 'threadId'
  | 'body'
  | 'attachments';

export interface Address {
  name?: string;
  address?: string;
}

export interface Attachment {
  name: string;
  /** As the webmail shows it ("120 KB"). */
  size?: string;
  url?: string;
}

export interface FieldEvidence {
  tier: Tier;
  /** The selector (or rule name) that matched, so drift shows up in logs. */
  selector: string;
  confidence: number;
}

/** An opened email (or selection) as read from the page. Plain data: it crosses messaging. */
export interface ClipResult {
  provider: ProviderId;
  url: string;
  title?: string;
  messageId?: string;
  threadId?: string;
  /** RFC 5322 Message-ID; only the raw route knows it. */
  internetMessageId?: string;
  subject?: string;
  from?: Address;
  to: Address[];
  cc: Address[];
  date?: { raw: string; iso?: string };
  /** UNSANITIZED markup of the body without quote and signature: sanitize before display. */
  bodyHtml: string;
  bodyText: string;
  /** UNSANITIZED, like bodyHtml. */
  quotedHtml?: string;
  quotedText?: string;
  signature?: string;
  attachments: Attachment[];
  /** What the agent selected inside the open message (any same-origin frame): it wins. */
  selectionText?: string;
  method: Method;
  confidence: { overall: number; fields: Partial<Record<ClipField, number>> };
  evidence: Partial<Record<ClipField, FieldEvidence>>;
  warnings: string[];
  /** Set by `sanitizeClip` in an extension page; the HTML fields are then safe to store. */
  htmlSanitized?: true;
}

export interface ProviderExtractor {
  id: ProviderId;
  /** Cheap host check, no DOM. */
  matches(url: string): boolean;
  /** 0..1: how sure this UI variant is on screen. */
  detect?(doc: Document): number;
  /** Identifies the open message, to re-extract when it changes (SPA navigation). */
  messageKey?(doc: Document, url: string): string | null;
  extract(doc: Document, url: string): ClipResult;
}
