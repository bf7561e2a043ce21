import { generic } from './generic';
import { gmail } from './gmail';
import { netease } from './netease';
import { outlook } from './outlook';
import { qqClassic } from './qq-classic';
import { qqNew } from './qq-new';
import type { ClipResult, ProviderExtractor } from '../types';
import { yahoo } from './yahoo';

/** Provider extractors, most specific first; the generic one is the fallback, not listed. */
export const EXTRACTORS: readonly ProviderExtractor[] = [
  gmail,
  outlook,
  yahoo,
  qqNew,
  qqClassic,
  netease,
];

/** Below this `detect` score the host matches but no message view is on screen. */
export const DETECT_THRESHOLD = 0.3;

/** The extractor for this page: host match, then the UI variant most clearly present. */
export function pickExtractor(
  url: string,
  doc: Document,
  extractors: readonly ProviderExtractor[] = EXTRACTORS,
): ProviderExtractor {
  let best: ProviderExtractor | undefined;
  let bestScore = -1;
  for (const x of extractors) {
    if (!x.matches(url)) continue;
    const score = x.detect ? x.detect(doc) : 0.5;
    if (score >= DETECT_THRESHOLD && score > bestScore) {
      best = x;
      bestScore = score;
    }
  }
  return best ?? generic;
}

/**
 * Extracts the open email (or the selection) from `doc`. A provider that throws or finds no
 * body hands over to the generic extractor, with the reason kept in `warnings`.
 */
export function extractClip(
  doc: Document,
  url: string,
  extractors: readonly ProviderExtractor[] = EXTRACTORS,
): ClipResult {
  const chosen = pickExtractor(url, doc, extractors);
  if (chosen === generic) return safeGeneric(doc, url);
  let reason: string;
  try {
    const result = chosen.extract(doc, url);
    if (result.bodyText || result.quotedText) return result;
    reason = `${chosen.id}:no-body`;
  } catch (error) {
    reason = `${chosen.id}:error:${error instanceof Error ? error.message : String(error)}`;
  }
  const fallback = safeGeneric(doc, url);
  fallback.warnings.unshift(`fallback:${reason}`);
  return fallback;
}

/** The last resort never throws: a capture with only the URL still reaches the queue. */
function safeGeneric(doc: Document, url: string): ClipResult {
  try {
    return generic.extract(doc, url);
  } catch (error) {
    return {
      provider: 'generic',
      url,
      to: [],
      cc: [],
      bodyHtml: '',
      bodyText: '',
      attachments: [],
      method: 'heuristic',
      confidence: { overall: 0, fields: {} },
      evidence: {},
      warnings: [`generic:error:${error instanceof Error ? error.message : String(error)}`],
    };
  }
}
