import type { Draft } from '@shared/schema/registration';
import { browser } from 'wxt/browser';
import type { SourceResult } from '../capture';
import { MessageError } from '../messaging';
import type { ClipPipeline } from './capture-service';
import type { CaptureRequest } from './capture-types';
import type { RawClip } from './dom-sanitize';
import { localSanitizer } from './local-sanitizer';
import { createSanitizeHost } from './sanitize-host';

export type { RawClip };
/** The in-page capture script (entrypoints/capture-page.ts), run in the tab's top frame. */
async function extractInTab(tabId: number): Promise<RawClip> {
  const [first] = await browser.scripting.executeScript({
    target: { tabId },
    files: ['/capture-page.js'],
  });
  const clip = first?.result as RawClip | undefined;
  if (!clip?.kind) throw new MessageError('ext.error.cannotCapture');
  return clip;
}

/** A link or image menu click: the link is what the agent pointed at, keep it with the draft. */
function withPointedUrl(draft: Draft, request: CaptureRequest): Draft {
  const pointed = request.srcUrl ?? request.linkUrl;
  if (!pointed) return draft;
  const description = draft.description ? `${draft.description}\n\n${pointed}` : pointed;
  return { ...draft, description };
}

/** The capture module behind the service's seam. */
export function createClipPipeline(): ClipPipeline {
  return {
    extract: (tab) => extractInTab(tab.id),
    sanitize: createSanitizeHost(localSanitizer),
    toDraft: (result, ctx) => {
      const r = result as SourceResult;
      return {
        draft: withPointedUrl(r.draft, ctx.request),
        needsReview: r.needsPreview,
        review: r.review,
      };
    },
  };
}
