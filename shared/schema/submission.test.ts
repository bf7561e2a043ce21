import { describe, expect, it } from 'vitest';
import { tKey } from '../i18n';
import { toFieldErrors } from './issues';
import { ComplaintSubmissionSchema, spamVerdict, submissionToRegistration } from './submission';

const valid = {
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  site: 'acme',
  locale: 'zh-CN',
  complainant: { name: '王', phone: '13812345678' },
  description: '收到的洗衣机外壳有明显凹陷。',
  demand: '换货',
  readBackConfirmed: true,
};

function errors(input: unknown, locale: 'en' | 'zh-CN' = 'en') {
  const r = ComplaintSubmissionSchema.safeParse(input);
  return r.success ? [] : toFieldErrors(r.error.issues, locale, tKey, input);
}

describe('ComplaintSubmissionSchema', () => {
  it('accepts a minimal valid submission and strips unknown keys', () => {
    const r = ComplaintSubmissionSchema.parse({ ...valid, role: 'admin', extra: 1 });
    expect(r).not.toHaveProperty('role');
    expect(r).not.toHaveProperty('extra');
    expect(r.complainant.anonymous).toBe(false);
  });

  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['+86 138-1234-5678', '+8613812345678'],
    ['010-12345678', '01012345678'],
    ['+44 20 7946 0958', '+442079460958'],
    ['（021）12345678', '02112345678'],
  ])('accepts phone %s as %s', (phone, normalized) => {
    const r = ComplaintSubmissionSchema.parse({ ...valid, complainant: { name: '王', phone } });
    expect(r.complainant.phone).toBe(normalized);
  });

  it.each(['12345', '1381234567', '23812345678', 'call me', '+0123456789'])(
    'rejects phone %s',
    (phone) => {
      expect(errors({ ...valid, complainant: { name: '王', phone } })).toEqual([
        expect.objectContaining({ path: 'complainant.phone', code: 'validation.phone' }),
      ]);
    },
  );

  it.each([
    ['no name', { phone: '13812345678' }, ['complainant.name:validation.nameRequired']],
    ['no contact', { name: '王' }, ['complainant.phone:validation.contactRequired']],
    [
      'neither',
      {},
      ['complainant.name:validation.nameRequired', 'complainant.phone:validation.contactRequired'],
    ],
    ['anonymous needs neither', { anonymous: true }, []],
    ['address is a contact', { name: 'Li', address: '1 Main St' }, []],
    ['email is a contact', { name: 'Li', email: 'li@example.test' }, []],
  ])('contact rule: %s', (_, complainant, expected) => {
    const got = errors({ ...valid, complainant }).map((e) => `${e.path}:${e.code}`);
    expect(got).toEqual(expected);
  });

  it('reports every problem at once, localized', () => {
    const got = errors({ ...valid, complainant: {}, description: 'short', demand: '' }, 'zh-CN');
    expect(got.map((e) => e.path).sort()).toEqual([
      'complainant.name',
      'complainant.phone',
      'demand',
      'description',
    ]);
    expect(got.find((e) => e.path === 'description')?.message).toBe('请至少输入 10 个字符。');
  });

  it.each([
    ['description', 'x'.repeat(9), 'validation.tooShort'],
    ['description', 'x'.repeat(10_001), 'validation.tooLong'],
    ['description', undefined, 'validation.required'],
    ['demand', '   ', 'validation.tooShort'],
    ['id', 'not-a-uuid', 'validation.uuid'],
    ['readBackConfirmed', false, 'validation.confirm'],
    ['headcount', 0, 'validation.min'],
    ['headcount', 2.5, 'validation.integer'],
    ['locale', 'fr', 'validation.choice'],
    ['category', 'Not A Code', 'validation.category'],
  ])('%s = %j → %s', (field, value, code) => {
    expect(errors({ ...valid, [field]: value })).toEqual([
      expect.objectContaining({ path: field, code }),
    ]);
  });

  it('bounds attachments and money', () => {
    const img = { name: 'a.jpg', type: 'image/jpeg', size: 1000 };
    expect(errors({ ...valid, attachments: [img, img, img] })).toEqual([]);
    expect(errors({ ...valid, attachments: [img, img, img, img] })[0]?.code).toBe(
      'validation.tooManyFiles',
    );
    expect(errors({ ...valid, attachments: [{ ...img, size: 2_000_000 }] })[0]?.code).toBe(
      'validation.fileTooLarge',
    );
    expect(errors({ ...valid, amountClaimed: { value: -1, currency: 'CNY' } })[0]?.code).toBe(
      'validation.min',
    );
    expect(errors({ ...valid, amountClaimed: { value: 1, currency: 'yuan' } })[0]?.code).toBe(
      'validation.currency',
    );
  });

  it.each([
    ['a missing field is required', undefined, 'validation.required'],
    ['a wrong-typed field is not "required"', 42, 'validation.invalidType'],
  ])('%s', (_, description, code) => {
    expect(errors({ ...valid, description })[0]?.code).toBe(code);
  });

  it('English messages have parameters filled in', () => {
    expect(errors({ ...valid, description: 'short' })[0]?.message).toBe(
      'Please enter at least 10 characters.',
    );
  });
});

describe('spamVerdict', () => {
  const parsed = ComplaintSubmissionSchema.parse(valid);
  it.each([
    [undefined, null],
    [{ honeypot: '', elapsedMs: 60_000 }, null],
    [{ honeypot: 'http://spam', elapsedMs: 60_000 }, 'honeypot'],
    [{ elapsedMs: 1_200 }, 'tooFast'],
  ])('%j → %s', (antiSpam, verdict) => {
    expect(spamVerdict({ ...parsed, antiSpam })).toBe(verdict);
  });
});

describe('submissionToRegistration', () => {
  it('becomes a web_form registration confirmed at receipt', () => {
    const reg = submissionToRegistration(
      ComplaintSubmissionSchema.parse(valid),
      '2026-11-22T02:00:00.000Z',
    );
    expect(reg).toMatchObject({
      channel: 'web_form',
      receivedAt: '2026-11-22T02:00:00.000Z',
      readBackConfirmedAt: '2026-11-22T02:00:00.000Z',
      preferredLanguage: 'zh-CN',
      site: 'acme',
    });
    expect(reg).not.toHaveProperty('id');
  });
});
