export { BADGE_COLORS, type Badge, type SlaCounts, badgeFor, slaCounts } from './badge';
export {
  type AlertClocks,
  type AlertKind,
  type AlertNotification,
  type AlertOptions,
  DEFAULT_ALERT_CLOCKS,
  complaintOfAlert,
  notificationText,
  notificationsDue,
} from './notifications';
