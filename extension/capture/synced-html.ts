/**
 * Clip HTML that arrives by team sync was sanitized on the device that captured it — a device
 * this one cannot trust (a modified extension, a token used by a script). It is sanitized again
 * here, with the same DOMPurify configuration, before it is stored: a draft's or a registration
 * record's `source.html`, the only HTML an event carries.
 */

/** Sanitizes a batch of HTML strings (one round trip to the offscreen document on Chrome). */
export type SanitizeMany = (html: string[]) => string[] | Promise<string[]>;

interface WithPayload {
  payload: Record<string, unknown>;
}

/** The `source` objects of an event's payload that hold HTML. */
function sourcesOf(payload: Record<string, unknown>): { html?: unknown }[] {
  const out: { html?: unknown }[] = [];
  for (const key of ['draft', 'record']) {
    const source = (payload[key] as { source?: unknown } | undefined)?.source;
    if (source && typeof source === 'object' && 'html' in source) out.push(source);
  }
  return out;
}

/**
 * `events` with every clip HTML replaced by `sanitize`'s output (copies; the input is left
 * alone). HTML that is not a string, or sanitizes to nothing, is removed.
 */
export async function sanitizeSyncedEvents<E extends WithPayload>(
  events: readonly E[],
  sanitize: SanitizeMany,
): Promise<E[]> {
  const copies = events.map((e) =>
    sourcesOf(e.payload).length > 0 ? (structuredClone(e) as E) : e,
  );
  const sources = copies.flatMap((e) => sourcesOf(e.payload));
  for (const s of sources) if (typeof s.html !== 'string') delete s.html;
  const withHtml = sources.filter((s) => typeof s.html === 'string');
  if (withHtml.length === 0) return copies;
  const html = withHtml.map((s) => s.html as string);
  const clean = await sanitize(html);
  if (clean.length !== html.length) throw new Error('sanitizer answered for another batch');
  withHtml.forEach((s, i) => {
    if (clean[i]) s.html = clean[i];
    else delete s.html;
  });
  return copies;
}

/** Where no sanitizer is wired (unit tests of the sync engine): keep no synced HTML at all. */
export const dropHtml: SanitizeMany = (html) => html.map(() => '');
