/** Messages of the procedures' rules added in round two (docs/rules.md). Source catalogue. */
export const rules = {
  'workflow.reply.lateReasonRequired': (p: { due: string }) =>
    `The reply target (${p.due}) has passed: write why the reply is late.`,
  'workflow.escalate.unknownRole': (p: { role: string }) =>
    `${p.role} is not an escalation tier of this organisation.`,
};
