import { t } from '@shared/i18n/index';
import type { Locale } from '@shared/schema/codes';
import { useEffect, useState } from 'preact/hooks';
import { policySource, watchStoredPolicy } from './stored-policy';

/** One line saying which rules are in force: the server's policy (its version) or the defaults. */
export function PolicyLine(props: { locale: Locale }) {
  const [info, setInfo] = useState(policySource);
  useEffect(() => watchStoredPolicy(setInfo), []);
  return (
    <p class="rv-hint" id="cd-policy-version">
      {info.source === 'server'
        ? t(props.locale, 'ext.policy.server', { version: info.version.slice(0, 8) })
        : t(props.locale, 'ext.policy.default')}
    </p>
  );
}
