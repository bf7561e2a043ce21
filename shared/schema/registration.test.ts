import { describe, expect, it } from 'vitest';
import { DraftSchema, RegistrationSchema } from './registration';

const base = {
  channel: 'email',
  receivedAt: '2026-11-22T10:00:00+08:00',
  complainant: { name: 'Zhang', email: 'zhang@example.test' },
  description: 'The parcel arrived crushed and wet.',
  demand: 'unknown',
};

describe('RegistrationSchema (docs/rules.md §2)', () => {
  it('accepts the required fields', () => {
    expect(RegistrationSchema.safeParse(base).success).toBe(true);
  });

  it.each(['phone', 'walk_in'])('a %s complaint needs the read-back confirmation', (channel) => {
    const r = RegistrationSchema.safeParse({ ...base, channel });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['validation.readBackRequired']);
    expect(
      RegistrationSchema.safeParse({
        ...base,
        channel,
        readBackConfirmedAt: '2026-11-22T10:05:00+08:00',
      }).success,
    ).toBe(true);
  });

  it.each(['email', 'letter', 'web_page', 'fax'])(
    'a %s complaint needs no read-back',
    (channel) => {
      expect(RegistrationSchema.safeParse({ ...base, channel }).success).toBe(true);
    },
  );

  it('reports the cross-field rules together with other field errors', () => {
    const r = RegistrationSchema.safeParse({ ...base, channel: 'phone', description: 'short' });
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'description',
      'readBackConfirmedAt',
    ]);
  });

  it('an anonymous complaint needs no name or contact', () => {
    expect(
      RegistrationSchema.safeParse({ ...base, complainant: { anonymous: true } }).success,
    ).toBe(true);
  });

  it('keeps a clip source with its email headers', () => {
    const r = RegistrationSchema.parse({
      ...base,
      source: {
        url: 'https://mail.google.com/mail/u/0/#inbox/abc',
        capturedAt: '2026-11-22T02:00:00.000Z',
        method: 'dom',
        confidence: 0.9,
        email: {
          provider: 'gmail',
          from: { name: 'Zhang', address: 'zhang@example.test' },
          messageId: 'abc',
        },
      },
    });
    expect(r.source?.email?.from?.address).toBe('zhang@example.test');
  });

  it('rejects an unknown channel and a time without offset', () => {
    expect(RegistrationSchema.safeParse({ ...base, channel: 'pigeon' }).success).toBe(false);
    expect(RegistrationSchema.safeParse({ ...base, receivedAt: '2026-11-22 10:00' }).success).toBe(
      false,
    );
  });
});

describe('DraftSchema', () => {
  it('accepts any subset, still validating what is there', () => {
    expect(DraftSchema.safeParse({}).success).toBe(true);
    expect(DraftSchema.safeParse({ channel: 'web_page' }).success).toBe(true);
    expect(DraftSchema.safeParse({ complainant: { email: 'nope' } }).success).toBe(false);
  });
});
