/**
 * A fluent builder of one complaint's event log for tests of the queue, alerts and report,
 * on top of the workflow's event factories; `state()` folds it (every event must be accepted).
 */
import type { ActorRole, CallbackOutcome, Responsibility } from '../../shared/schema/codes';
import type { ComplaintState } from '../../shared/schema/complaint';
import type { ComplaintEvent, PayloadOf } from '../../shared/schema/event';
import type { Registration } from '../../shared/schema/registration';
import type { WorkflowContext } from '../../shared/workflow/types';
import { foldAccepted, makeEvent, sampleRecord } from './workflow';

export class CaseBuilder {
  readonly events: ComplaintEvent[] = [];
  constructor(
    readonly id: string,
    readonly ctx: WorkflowContext = {},
  ) {}

  private push<T extends ComplaintEvent['type']>(
    type: T,
    payload: PayloadOf<T>,
    at: string,
    actor?: ActorRole,
  ): this {
    this.events.push(
      makeEvent(type, payload, { at, complaintId: this.id, ...(actor ? { actor } : {}) }),
    );
    return this;
  }

  /** Captured as a draft at `receivedAt`. */
  capture(receivedAt: string, record: Partial<Registration> = {}): this {
    const { receivedAt: _r, ...draft } = sampleRecord({
      receivedAt,
      readBackConfirmedAt: receivedAt,
      ...record,
    });
    return this.push('captured', { draft: { ...draft, receivedAt } }, receivedAt);
  }

  /** Registered at `at` with a record received at `receivedAt` (default `at`). */
  register(
    at: string,
    record: Partial<Registration> = {},
    extra: { caseNumber?: string; secondComplaintOf?: string; receivedAt?: string } = {},
  ): this {
    const receivedAt = extra.receivedAt ?? at;
    const full = sampleRecord({ receivedAt, readBackConfirmedAt: receivedAt, ...record });
    return this.push(
      'registered',
      {
        record: full,
        caseNumberIssuer: 'server',
        ...(extra.caseNumber ? { caseNumber: extra.caseNumber } : {}),
        ...(extra.secondComplaintOf ? { secondComplaintOf: extra.secondComplaintOf } : {}),
      },
      at,
    );
  }

  assign(
    at: string,
    department = 'quality',
    handlerId = 'u-handler',
    handlerName = 'Wang Wei',
  ): this {
    return this.push('assigned', { department, handlerId, handlerName }, at);
  }

  contact(at: string): this {
    return this.push('contacted', {}, at);
  }

  note(at: string, progress = true): this {
    return this.push('noteAdded', { text: 'Progress', progress }, at);
  }

  propose(
    at: string,
    responsibility: Responsibility = 'company',
    extra: Partial<PayloadOf<'resolutionProposed'>> = {},
    actor: ActorRole = 'handler',
  ): this {
    const company =
      responsibility === 'company'
        ? { rootCause: 'Loose hose', correctiveAction: 'Check hoses' }
        : {};
    return this.push(
      'resolutionProposed',
      { type: 'repair', responsibility, description: 'Free repair', ...company, ...extra },
      at,
      actor,
    );
  }

  approve(at: string): this {
    return this.push('approved', {}, at, 'manager');
  }

  reply(at: string): this {
    return this.push('replied', { message: 'We will repair it.' }, at);
  }

  callback(at: string, outcome: CallbackOutcome, attemptedAt?: string): this {
    return this.push('callbackRecorded', { outcome, ...(attemptedAt ? { attemptedAt } : {}) }, at);
  }

  close(at: string): this {
    return this.push('closed', {}, at);
  }

  reopen(at: string, reason = 'Customer called again'): this {
    return this.push('reopened', { reason }, at);
  }

  invalid(at: string): this {
    return this.push(
      'markedInvalid',
      { reason: 'Misuse', explanation: 'The machine was overloaded.' },
      at,
    );
  }

  confirmInvalid(at: string): this {
    return this.push('invalidConfirmed', {}, at);
  }

  escalate(at: string): this {
    return this.push('escalated', { reason: 'Customer asked for a manager' }, at);
  }

  override(
    at: string,
    level: PayloadOf<'severityOverridden'>['level'],
    reason = 'Supervisor decision',
  ): this {
    return this.push('severityOverridden', { level, reason }, at);
  }

  withdraw(at: string): this {
    return this.push('withdrawn', { reason: 'Customer withdrew' }, at);
  }

  extend(at: string, clock: PayloadOf<'deadlineExtended'>['clock'], until: string): this {
    return this.push(
      'deadlineExtended',
      { clock, until, reason: 'Parts on order', customerAgreed: true },
      at,
    );
  }

  /** A visit to the customer booked at `at` for `visitAt` (R-ESC-3). */
  bookVisit(at: string, visitAt: string): this {
    return this.push('visitBooked', { for: visitAt }, at);
  }

  visitMade(at: string): this {
    return this.push('visitMade', {}, at);
  }

  state(): ComplaintState {
    return foldAccepted(this.events, this.ctx);
  }
}
