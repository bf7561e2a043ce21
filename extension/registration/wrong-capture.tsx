import type { Draft } from '@shared/schema/registration';
import { useState } from 'preact/hooks';
import { fixtureBundle } from '../capture/fixture';
import { PROVIDER_IDS, type ProviderId } from '../capture/types';
import { type T, tKey } from '../i18n';
import { MessageError, sendMessage } from '../messaging';
import type { Locale } from '@shared/schema/codes';

/**
 * "This capture is wrong": the clipped page (cleaned, with its frames) and the fields as the agent
 * corrected them, downloaded as one fixture bundle for scripts/add-fixture.mjs (extension/README.md).
 */
export function WrongCapture(props: { draft: Draft; t: T; locale: Locale }) {
  const { draft, t } = props;
  const [status, setStatus] = useState<{ text: string; error: boolean }>();
  const source = draft.source;
  if (!source?.url) return null;

  async function report() {
    try {
      const snapshot = await sendMessage('capture.snapshot', { url: source!.url! });
      const raw = source!.email?.provider;
      const provider: ProviderId = PROVIDER_IDS.includes(raw as ProviderId)
        ? (raw as ProviderId)
        : 'generic';
      const now = new Date().toISOString();
      const name = `reported-${now.slice(0, 16).replace(/[^0-9]/g, '')}`;
      const description = draft.description?.trim() ?? '';
      const bundle = fixtureBundle(snapshot, {
        provider,
        name,
        reported: now,
        note: `capture method ${source!.method}, confidence ${source!.confidence ?? 'n/a'}`,
        expected: {
          ...(draft.complainant?.name || draft.complainant?.email
            ? {
                from: {
                  ...(draft.complainant.name ? { name: draft.complainant.name } : {}),
                  ...(draft.complainant.email ? { address: draft.complainant.email } : {}),
                },
              }
            : {}),
          ...(draft.subject ? { subject: draft.subject } : {}),
          body: description ? [description.split('\n')[0]!.slice(0, 80)] : [],
          attachments: source!.email?.attachmentNames ?? [],
          preview: false,
        },
      });
      const blob = new Blob([JSON.stringify(bundle, null, 1)], { type: 'application/json' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `${provider}-${name}.fixture.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      setStatus({ text: t('cap.wrong.saved', { file: a.download }), error: false });
    } catch (err) {
      const key = err instanceof MessageError ? err.reason : 'cap.wrong.failed';
      setStatus({ text: tKey(props.locale, key), error: true });
    }
  }

  return (
    <section aria-labelledby="cd-wrong-h">
      <h2 id="cd-wrong-h" class="cd-visually-hidden">
        {t('cap.wrong.button')}
      </h2>
      <p class="cd-help">{t('cap.wrong.help')}</p>
      <button type="button" onClick={report}>
        {t('cap.wrong.button')}
      </button>
      <p role="status" class={status?.error ? 'cd-error' : 'cd-help'}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}
