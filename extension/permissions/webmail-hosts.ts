/** Webmail origins the live "clip this email" button may run on; requested, never granted at install. */
export const WEBMAIL_HOST_PATTERNS = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://mail.yahoo.com/*',
  'https://mail.qq.com/*',
  'https://wx.mail.qq.com/*',
  'https://mail.163.com/*',
  'https://mail.126.com/*',
];
