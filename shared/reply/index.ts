export { addressName, salutation } from './salutation';
export {
  type ReplyValues,
  builtInReply,
  fillPlaceholders,
  renderReply,
  replyValues,
} from './render';
export {
  type ComposeLink,
  type ReplyMail,
  MAILTO_URL_MAX,
  WEBMAIL_URL_MAX,
  replyAddress,
  replyComposeLink,
  replyPhone,
  replySubject,
  withCaseNumber,
} from './compose-url';
