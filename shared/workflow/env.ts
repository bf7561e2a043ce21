import { defaultPolicy } from '../policy/default-policy';
import type { WorkflowContext, WorkflowEnv } from './types';

// Apart from transition.ts so that what only asks the guard (the actions offered, automatic
// escalations) does not load every handler and the severity reader with it.

/** The context with its defaults filled in. */
export function workflowEnv(ctx: WorkflowContext = {}): WorkflowEnv {
  const policy = ctx.policy ?? defaultPolicy;
  return { policy, calendar: ctx.calendar ?? policy.calendar };
}
