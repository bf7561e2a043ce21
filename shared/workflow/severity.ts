import type { Policy } from '../policy/policy';
import type { SeverityLevel } from '../schema/codes';
import type { ComplaintState, EscalationCause } from '../schema/complaint';
import type { Actor } from '../schema/event';
import {
  type SeverityAssessment,
  assessSeverity,
  compareLevels,
  effectiveLevel,
  maxLevel,
  severityAtLeast,
} from '../severity/index';
import type { Effect, WorkflowEnv } from './types';

type Step = { state: ComplaintState; effects: Effect[] };

/** A money amount in the organisation's currency, else undefined (rates are not ours to guess). */
function inOrgCurrency(value: number | undefined, currency: string | undefined, policy: Policy) {
  return value !== undefined && (currency === undefined || currency === policy.currency)
    ? value
    : undefined;
}

/** Whether a resolution finds the company (wholly or in part) responsible. */
export function hasCompanyFault(resolution: ComplaintState['resolution']): boolean {
  return resolution?.responsibility === 'company';
}

/** Assesses the state's current facts at time `at` (text, amounts, round, offer, fault, aging). */
export function assessState(state: ComplaintState, policy: Policy, at: string): SeverityAssessment {
  const r = state.record;
  const res = state.resolution;
  return assessSeverity(
    {
      text: [r.subject, r.description, r.demand].filter(Boolean).join('\n'),
      channel: state.channel,
      category: state.category,
      headcount: r.headcount,
      amountClaimed: inOrgCurrency(r.amountClaimed?.value, r.amountClaimed?.currency, policy),
      amountOffered: inOrgCurrency(res?.amount, res?.currency, policy),
      round: state.round,
      secondComplaint: state.secondComplaint,
      agentLevel: state.agentLevel,
      openedAt: state.receivedAt,
      now: new Date(at),
      // A fault found in an earlier round is not undone by the reopen (R-SEV-AGING-1).
      companyFault: hasCompanyFault(res) || state.priorCompanyFault !== undefined,
    },
    policy,
  );
}

/**
 * The level a case is handled at: a supervisor's override wins over assessment (docs/rules.md §3),
 * but a reopen after the override is a new fact, so the case is then at least L2 (§3 second
 * complaint) until someone overrides again in the new round.
 */
export function handledLevel(state: Pick<ComplaintState, 'severity' | 'round'>): SeverityLevel {
  const { assessed, override } = state.severity;
  const level = effectiveLevel(assessed, override);
  return override && override.round < state.round ? maxLevel(level, 'L2') : level;
}

/** The lowest tier index `policy.escalateOnSeverity` puts a level at (levels inherit below). */
export function tierForLevel(level: SeverityLevel, policy: Policy): number {
  let tier = 0;
  for (const [l, t] of Object.entries(policy.escalateOnSeverity)) {
    if (t !== undefined && compareLevels(l as SeverityLevel, level) <= 0) tier = Math.max(tier, t);
  }
  return tier;
}

/** Raises the tier (never lowers it), capped at the last tier, recording why. */
export function raiseTier(
  step: Step,
  target: number,
  cause: EscalationCause,
  at: string,
  env: WorkflowEnv,
  extra: { reason?: string; by?: Actor; auto?: boolean; breach?: string } = {},
): Step {
  const { state } = step;
  const tier = Math.min(target, env.policy.escalationTiers.length - 1);
  if (tier <= state.tier) return step;
  const role = env.policy.escalationTiers[tier]!;
  const { auto = cause !== 'event', ...rest } = extra;
  return {
    state: {
      ...state,
      tier,
      escalations: [...state.escalations, { tier, at, auto, cause, ...rest }],
    },
    effects: [...step.effects, { type: 'escalated', tier, role }],
  };
}

/**
 * Re-assesses severity and applies its consequences: the handled level, an alert when a
 * registered case reaches L3+ (at registration, or when its level rises), and the tier
 * `escalateOnSeverity` asks for. Drafts are assessed for sorting but alert nobody.
 */
export function applySeverity(
  step: Step,
  at: string,
  env: WorkflowEnv,
  opts: { registration?: boolean } = {},
): Step {
  const prev = step.state;
  const assessed = assessState(prev, env.policy, at);
  const withAssessed = { ...prev, severity: { ...prev.severity, assessed } };
  return settleLevel({ ...step, state: withAssessed }, prev.severity.level, at, env, opts);
}

/** Recomputes the handled level after the assessment or override changed. */
export function settleLevel(
  step: Step,
  previous: SeverityLevel,
  at: string,
  env: WorkflowEnv,
  opts: { registration?: boolean } = {},
): Step {
  const level = handledLevel(step.state);
  const state = { ...step.state, severity: { ...step.state.severity, level } };
  let next: Step = { state, effects: step.effects };
  if (state.registeredAt === undefined) return next;
  const rose = opts.registration || compareLevels(level, previous) > 0;
  if (rose && severityAtLeast(level, 'L3')) {
    next = { state, effects: [...next.effects, { type: 'alertSevere', level }] };
  }
  return raiseTier(next, tierForLevel(level, env.policy), 'severity', at, env, {
    reason: level,
  });
}
