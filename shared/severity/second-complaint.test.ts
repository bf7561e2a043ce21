import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import {
  type ContactKeys,
  isSecondComplaint,
  normalizeEmail,
  normalizePhone,
} from './second-complaint';

describe('normalizePhone', () => {
  it.each<[string | undefined, string | undefined]>([
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['１３８００１３８０００', '13800138000'], // full-width digits
    ['(021) 6123-4567', '02161234567'],
    ['+44 20 7946 0958', '442079460958'],
    ['110', undefined], // too short to identify anyone
    ['n/a', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });
});

describe('normalizeEmail', () => {
  it.each<[string | undefined, string | undefined]>([
    ['  Li.Wei@Example.COM ', 'li.wei@example.com'],
    ['ｌｉ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'li@example.com'],
    ['   ', undefined],
    [undefined, undefined],
  ])('%j → %j', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });
});

describe('isSecondComplaint (same contact, same category, within 30 days before)', () => {
  const candidate: ContactKeys = {
    id: 'c2',
    phone: '+86 138-0013-8000',
    email: 'Li@Example.com',
    category: 'delivery',
    receivedAt: '2026-03-31T10:00:00+08:00',
  };
  const earlier = (over: Partial<ContactKeys>): ContactKeys => ({
    id: 'c1',
    category: 'delivery',
    receivedAt: '2026-03-15T10:00:00+08:00',
    ...over,
  });

  it.each<[string, ContactKeys[], boolean]>([
    ['same phone, written differently', [earlier({ phone: '13800138000' })], true],
    ['same email, other case', [earlier({ email: 'li@example.com' })], true],
    ['other contact', [earlier({ phone: '13900000000', email: 'wang@example.com' })], false],
    ['other category', [earlier({ phone: '13800138000', category: 'billing' })], false],
    [
      'exactly 30 days before',
      [earlier({ phone: '13800138000', receivedAt: '2026-03-01T10:00:00+08:00' })],
      true,
    ],
    [
      '30 days and a minute before',
      [earlier({ phone: '13800138000', receivedAt: '2026-03-01T09:59:00+08:00' })],
      false,
    ],
    [
      'received later',
      [earlier({ phone: '13800138000', receivedAt: '2026-04-01T10:00:00+08:00' })],
      false,
    ],
    ['the candidate itself', [{ ...candidate }], false],
    ['no earlier complaints', [], false],
    [
      'one match among others',
      [earlier({ email: 'x@example.com' }), earlier({ email: 'LI@example.com' })],
      true,
    ],
  ])('%s → %s', (_, previous, expected) => {
    expect(isSecondComplaint(candidate, previous, defaultPolicy)).toBe(expected);
  });

  it('needs a contact: anonymous complaints are never second complaints', () => {
    const anonymous = { category: 'delivery', receivedAt: candidate.receivedAt };
    expect(
      isSecondComplaint(
        anonymous,
        [{ ...anonymous, receivedAt: '2026-03-30T00:00:00Z' }],
        defaultPolicy,
      ),
    ).toBe(false);
  });

  it('follows policy.secondComplaintWindowDays', () => {
    const previous = [earlier({ phone: '13800138000' })]; // 16 days before
    expect(isSecondComplaint(candidate, previous, { secondComplaintWindowDays: 15 })).toBe(false);
    expect(isSecondComplaint(candidate, previous, { secondComplaintWindowDays: 16 })).toBe(true);
  });
});
