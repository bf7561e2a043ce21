import { DEFAULT_VIEW_FILTER } from '@shared/review/filter';
import { activePolicyBase } from '../policy/stored-policy';
import type { PolicyBase } from '@shared/policy/policy';
import {
  QUEUE_VIEWS,
  type QueueFilter,
  type QueueSettings,
  SORT_KEYS,
  type SortKey,
} from '@shared/review/index';
import { CHANNELS, SEVERITY_LEVELS, STATUSES } from '@shared/schema/codes';
import type { Ref } from 'preact';
import type { Tr } from '../ui/format';

type ListField = 'statuses' | 'severities' | 'channels' | 'categories' | 'departments';

/**
 * The queue's filters, sort and search. Lists of values are offered one value at a time here
 * (the counts bar toggles statuses); every control is labelled, and "any" clears a filter.
 */
export function QueueFilters(props: {
  settings: QueueSettings;
  onChange: (next: QueueSettings) => void;
  t: Tr;
  policy?: PolicyBase;
  searchRef?: Ref<HTMLInputElement>;
}) {
  const { settings, t } = props;
  const policy = props.policy ?? activePolicyBase();
  const { filter } = settings;
  const set = (patch: Partial<QueueFilter>) =>
    props.onChange({ ...settings, filter: { ...filter, ...patch } });
  const one = (field: ListField, value: string) =>
    set({ [field]: value ? [value] : [] } as Partial<QueueFilter>);
  const lists: {
    field: ListField;
    label: Parameters<Tr>[0];
    options: { value: string; label: string }[];
  }[] = [
    {
      field: 'statuses',
      label: 'review.filter.status',
      options: STATUSES.map((s) => ({ value: s, label: t.code('status', s) })),
    },
    {
      field: 'severities',
      label: 'review.filter.severity',
      options: SEVERITY_LEVELS.map((s) => ({ value: s, label: t.code('severity', s) })),
    },
    {
      field: 'channels',
      label: 'review.filter.channel',
      options: CHANNELS.map((s) => ({ value: s, label: t.code('channel', s) })),
    },
    {
      field: 'categories',
      label: 'review.filter.category',
      options: policy.categories.map((c) => ({
        value: c.code,
        label: t.code('category', c.code, policy),
      })),
    },
    {
      field: 'departments',
      label: 'review.filter.department',
      options: policy.departments.map((d) => ({
        value: d.code,
        label: t.code('department', d.code, policy),
      })),
    },
  ];
  return (
    <div class="rv-filters">
      <div class="rv-filter-row">
        <div class="rv-field rv-search">
          <label for="rv-search">{t('review.filter.search')}</label>
          <input
            id="rv-search"
            type="search"
            ref={props.searchRef}
            value={filter.query}
            aria-describedby="rv-search-hint"
            autocomplete="off"
            onInput={(e) => set({ query: e.currentTarget.value })}
          />
          <span id="rv-search-hint" class="rv-hint">
            {t('review.filter.searchHint')}
          </span>
        </div>
        <div class="rv-field">
          <label for="rv-view">{t('review.filter.view')}</label>
          <select
            id="rv-view"
            value={filter.view ?? ''}
            onChange={(e) =>
              set({ view: (e.currentTarget.value || undefined) as QueueFilter['view'] })
            }
          >
            <option value="">{t('review.view.all')}</option>
            {QUEUE_VIEWS.map((v) => (
              <option key={v} value={v}>
                {t.key(`review.view.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="rv-field">
          <label for="rv-sort">{t('review.filter.sort')}</label>
          <select
            id="rv-sort"
            value={settings.sort}
            onChange={(e) =>
              props.onChange({ ...settings, sort: e.currentTarget.value as SortKey })
            }
          >
            {SORT_KEYS.map((s) => (
              <option key={s} value={s}>
                {t.key(`review.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <details class="rv-more-filters">
        <summary>{t('review.filter.legend')}</summary>
        <div class="rv-filter-grid">
          {lists.map(({ field, label, options }) => (
            <div class="rv-field" key={field}>
              <label for={`rv-f-${field}`}>{t(label)}</label>
              <select
                id={`rv-f-${field}`}
                value={filter[field][0] ?? ''}
                onChange={(e) => one(field, e.currentTarget.value)}
              >
                <option value="">{t('review.filter.any')}</option>
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <div class="rv-field">
            <label for="rv-f-assignee">{t('review.filter.assignee')}</label>
            <input
              id="rv-f-assignee"
              type="text"
              value={filter.assignees[0] ?? ''}
              onChange={(e) =>
                set({
                  assignees: e.currentTarget.value.trim() ? [e.currentTarget.value.trim()] : [],
                })
              }
            />
          </div>
          {(['mine', 'atRisk', 'breached'] as const).map((k) => (
            <label class="cd-check rv-check-field" key={k}>
              <input
                type="checkbox"
                checked={filter[k]}
                onChange={(e) => set({ [k]: e.currentTarget.checked })}
              />
              {t.key(`review.filter.${k}`)}
            </label>
          ))}
          <label class="cd-check rv-check-field">
            <input
              type="checkbox"
              id="rv-f-show-done"
              checked={!filter.hideDone}
              onChange={(e) => set({ hideDone: !e.currentTarget.checked })}
            />
            {t('ws.queue.showDone')}
          </label>
          <button
            type="button"
            onClick={() => props.onChange({ ...settings, filter: DEFAULT_VIEW_FILTER })}
          >
            {t('review.filter.reset')}
          </button>
        </div>
      </details>
    </div>
  );
}
