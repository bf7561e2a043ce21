import { type Locale, ROLES } from '@shared/schema/codes';
import type { T } from '../i18n';
import { formatInstant } from '../ui/format';
import type { TeamDirectory } from './directory';

export interface HandlerValue {
  handlerId?: string;
  handlerName?: string;
}

/**
 * Who handles the complaint: a person picked from the team (grouped by role; the stored list
 * offline, dated), or — with no team list — an id and a name typed in; "Assign to me" either way.
 */
export function HandlerPicker(props: {
  id: string;
  team: TeamDirectory | undefined;
  /** The user as this device records them (used when there is no team list). */
  self: { id: string; name: string };
  value: HandlerValue;
  onChange: (value: HandlerValue) => void;
  t: T;
  locale: Locale;
  timeZone: string;
}) {
  const { id, team, value, t } = props;
  const members = team?.members ?? [];
  const me = members.find((m) => m.id === team?.me);
  const assignToMe = () =>
    props.onChange(
      me
        ? { handlerId: me.id, handlerName: me.name }
        : { handlerId: props.self.id, handlerName: props.self.name },
    );
  const toMe = (
    <button type="button" class="rv-to-me" onClick={assignToMe}>
      {t('ws.team.assignToMe')}
    </button>
  );
  if (members.length === 0) {
    return (
      <div class="rv-field rv-handler">
        <p class="rv-hint" id={`${id}-none`}>
          {t('ws.team.none')}
        </p>
        <label for={`${id}-id`}>{t('ws.team.handlerId')}</label>
        <input
          id={`${id}-id`}
          value={value.handlerId ?? ''}
          aria-describedby={`${id}-none`}
          onInput={(e) => props.onChange({ ...value, handlerId: e.currentTarget.value })}
        />
        <label for={`${id}-name`}>{t('ws.team.handlerName')}</label>
        <input
          id={`${id}-name`}
          value={value.handlerName ?? ''}
          onInput={(e) => props.onChange({ ...value, handlerName: e.currentTarget.value })}
        />
        {toMe}
      </div>
    );
  }
  const listed = members.some((m) => m.id === value.handlerId);
  return (
    <div class="rv-field rv-handler">
      <label for={id}>{t('ws.team.handler')}</label>
      <div class="cd-row">
        <select
          id={id}
          value={value.handlerId ?? ''}
          aria-describedby={team?.offline ? `${id}-asof` : undefined}
          onChange={(e) => {
            const m = members.find((x) => x.id === e.currentTarget.value);
            props.onChange(m ? { handlerId: m.id, handlerName: m.name } : {});
          }}
        >
          <option value="">{t('ws.team.choose')}</option>
          {value.handlerId && !listed && (
            <option value={value.handlerId}>{value.handlerName ?? value.handlerId}</option>
          )}
          {ROLES.filter((r) => members.some((m) => m.role === r)).map((role) => (
            <optgroup key={role} label={t(`role.${role}`)}>
              {members
                .filter((m) => m.role === role)
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.id === team?.me ? t('ws.team.me', { name: m.name }) : m.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        {toMe}
      </div>
      {team?.offline && (
        <p class="rv-hint" id={`${id}-asof`}>
          {t('ws.team.asOf', {
            at: formatInstant(team.fetchedAt, props.locale, props.timeZone),
          })}
        </p>
      )}
    </div>
  );
}
