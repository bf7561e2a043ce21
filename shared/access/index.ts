export { type AccessDecision, type AccessReason, caseOwner, isOwnCase, mayAct } from './may-act';
