export { addressName, salutation } from './salutation';
export {
  type ReplyValues,
  builtInReply,
  fillPlaceholders,
  renderReply,
  replyValues,
} from './render';
