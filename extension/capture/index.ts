// The capture layer's public surface. index.test.ts snapshots this list: grow it on purpose.

export type {
  Address,
  Attachment,
  ClipField,
  ClipResult,
  FieldEvidence,
  Method,
  ProviderExtractor,
  ProviderId,
  Tier,
} from './types';
export { PROVIDER_IDS, TIER_CONFIDENCE } from './types';
export { PREVIEW_THRESHOLD, needsPreview } from './confidence';

export { DETECT_THRESHOLD, EXTRACTORS, extractClip, pickExtractor } from './extractors/registry';
export { gmail } from './extractors/gmail';
export { outlook } from './extractors/outlook';
export { yahoo } from './extractors/yahoo';
export { qqNew } from './extractors/qq-new';
export { qqClassic } from './extractors/qq-classic';
export { netease } from './extractors/netease';
export { generic } from './extractors/generic';
export { type ParseRawOptions, gmailRawUrl, parseRawEmail } from './extractors/gmail-raw';

export {
  type DomSplit,
  type TextSplit,
  QUOTE_MARKERS,
  SIGNATURE_MARKERS,
  splitQuotedDom,
  splitQuotedText,
} from './quote';
export { parseAddress, parseAddressList } from './address';
export { parseMailDate } from './mail-date';

export {
  DISPLAY_CSP,
  SANITIZE_CONFIG,
  type Sanitize,
  SanitizerUnavailableError,
  createClipFrame,
  createSanitizer,
  sandboxedSrcdoc,
} from './sanitize';
export { sanitizeClip } from './sanitize-clip';
export { type SanitizeMany, dropHtml, sanitizeSyncedEvents } from './synced-html';
export { type PageCapture, capturePage } from './page';
export {
  SOURCE_LIMITS,
  type SourceResult,
  type ToSourceOptions,
  channelFor,
  toSource,
} from './to-source';
