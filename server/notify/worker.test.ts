import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../shared/policy/default-policy';
import { configFromEnv } from '../config';
import { ENV_WEBHOOK, channelsOf, defaultNotifySettings, retryDelay } from './worker';

describe('retryDelay (exponential backoff with jitter)', () => {
  const settings = { retryBaseMs: 5_000, retryMaxMs: 3_600_000 };
  it.each([
    [1, 0, 2_500],
    [1, 1, 5_000],
    [2, 1, 10_000],
    [3, 0.5, 15_000],
    [20, 1, 3_600_000],
    [20, 0, 1_800_000],
  ])('attempt %i with random %f → %i ms', (attempt, random, expected) => {
    expect(retryDelay(attempt, settings, () => random)).toBe(expected);
  });
});

describe('channelsOf', () => {
  it('adds the environment webhook, taking every team event', () => {
    const channels = channelsOf(defaultPolicy, {
      ...defaultNotifySettings,
      webhookUrl: 'http://127.0.0.1:9/hook',
      webhookSecret: 's',
    });
    expect(channels).toEqual([
      expect.objectContaining({ id: ENV_WEBHOOK, type: 'webhook', secret: 's' }),
    ]);
    expect(channels[0]!.events).toContain('breach');
    expect(channelsOf(defaultPolicy, defaultNotifySettings)).toEqual([]);
  });
});

describe('notification settings from the environment', () => {
  it('reads the webhook, SMTP and timings', () => {
    const config = configFromEnv({
      NOTIFY_WEBHOOK_URL: 'https://hooks.example.com/x',
      NOTIFY_WEBHOOK_SECRET: 'secret',
      SMTP_URL: 'smtp://u:p@mail.example.com:587',
      MAIL_FROM: 'Desk <desk@example.com>',
      NOTIFY_LEASE_MS: '30000',
    });
    expect(config.notify).toMatchObject({
      webhookUrl: 'https://hooks.example.com/x',
      webhookSecret: 'secret',
      smtp: { url: 'smtp://u:p@mail.example.com:587', from: 'Desk <desk@example.com>' },
      leaseMs: 30_000,
      timeoutMs: 10_000,
    });
  });

  it.each([
    [{ NOTIFY_WEBHOOK_URL: 'ftp://x' }, /NOTIFY_WEBHOOK_URL/],
    [{ SMTP_URL: 'mail.example.com' }, /SMTP_URL/],
    [{ NOTIFY_LEASE_MS: '1000', NOTIFY_TIMEOUT_MS: '1000' }, /shorter than NOTIFY_LEASE_MS/],
    [{ NOTIFY_MAX_ATTEMPTS: '0' }, /NOTIFY_MAX_ATTEMPTS/],
  ])('refuses %o', (env, message) => {
    expect(() => configFromEnv(env)).toThrow(message);
  });
});
