import type { Policy } from '@shared/policy/policy';
import { labelOf } from '@shared/report/labels';
import { type Locale, ROLES } from '@shared/schema/codes';
import type { T } from '../i18n';
import { formatInstant } from '../ui/format';
import type { TeamDirectory, TeamMember } from './directory';

export interface HandlerValue {
  handlerId?: string;
  handlerName?: string;
  /** The picked person's department, when their token names one. */
  department?: string;
}

/** One group of the picker: its label and its people, in the list's order (by name). */
interface Group {
  key: string;
  label: string;
  members: TeamMember[];
}

/**
 * The team in groups: by department when the server names departments (the one being assigned
 * to first, people without one last, each person with their role), else by role.
 */
export function teamGroups(
  members: readonly TeamMember[],
  opts: { t: T; locale: Locale; policy?: Policy | undefined; department?: string | undefined },
): { groups: Group[]; byDepartment: boolean } {
  const { t } = opts;
  if (!members.some((m) => m.department)) {
    const groups = ROLES.filter((r) => members.some((m) => m.role === r)).map((role) => ({
      key: role,
      label: t(`role.${role}`),
      members: members.filter((m) => m.role === role),
    }));
    return { groups, byDepartment: false };
  }
  const order = [...(opts.policy?.departments.map((d) => d.code) ?? [])];
  for (const m of members)
    if (m.department && !order.includes(m.department)) order.push(m.department);
  const codes = order
    .filter((code) => members.some((m) => m.department === code))
    .sort((a, b) => Number(b === opts.department) - Number(a === opts.department));
  const groups: Group[] = codes.map((code) => ({
    key: code,
    label: labelOf('department', code, opts.locale, opts.policy),
    members: members.filter((m) => m.department === code),
  }));
  const none = members.filter((m) => !m.department);
  if (none.length) groups.push({ key: '', label: t('ws.team.noDepartment'), members: none });
  return { groups, byDepartment: true };
}

/**
 * Who handles the complaint: a person picked from the team (grouped by department, else by role;
 * the stored list offline, dated), or — with no team list — an id and a name typed in; "Assign to
 * me" either way.
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
  policy?: Policy | undefined;
  /** The department being assigned to: its people come first. */
  department?: string | undefined;
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
  const { groups, byDepartment } = teamGroups(members, {
    t,
    locale: props.locale,
    policy: props.policy,
    department: props.department,
  });
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
            props.onChange(
              m
                ? {
                    handlerId: m.id,
                    handlerName: m.name,
                    ...(m.department ? { department: m.department } : {}),
                  }
                : {},
            );
          }}
        >
          <option value="">{t('ws.team.choose')}</option>
          {value.handlerId && !listed && (
            <option value={value.handlerId}>{value.handlerName ?? value.handlerId}</option>
          )}
          {groups.map((g) => (
            <optgroup key={g.key} label={g.label}>
              {g.members.map((m) => {
                const name = m.id === team?.me ? t('ws.team.me', { name: m.name }) : m.name;
                return (
                  <option key={m.id} value={m.id}>
                    {byDepartment
                      ? t('ws.team.memberRole', { name, role: t(`role.${m.role}`) })
                      : name}
                  </option>
                );
              })}
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
