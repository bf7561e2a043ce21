import { describe, expect, it } from 'vitest';
import { ComplaintSubmissionSchema } from '@shared/schema/submission';
import { type Draft, type DraftContext, fieldOf, parseNumber, toSubmissionInput } from './payload';

const ctx: DraftContext = {
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  site: 'acme',
  locale: 'en',
  currency: 'CNY',
  honeypot: '',
  elapsedMs: 12_345.6,
};
const draft = (values: Record<string, string>, anonymous = false): Draft => ({
  values,
  anonymous,
  images: [],
});

describe('toSubmissionInput', () => {
  it('builds a submission the shared schema accepts, leaving empty boxes out', () => {
    const input = toSubmissionInput(
      draft({
        name: ' Li ',
        email: 'li@example.com',
        phone: '',
        description: 'Broken on arrival.',
        demand: 'Refund',
        amount: '1,200.5',
        headcount: '',
      }),
      ctx,
    );
    expect(input).toMatchObject({
      complainant: { name: 'Li', email: 'li@example.com' },
      amountClaimed: { value: 1200.5, currency: 'CNY' },
      readBackConfirmed: true,
      antiSpam: { honeypot: '', elapsedMs: 12_346 },
    });
    expect(input.headcount).toBeUndefined();
    expect(ComplaintSubmissionSchema.safeParse(input).success).toBe(true);
  });

  it('anonymous sends no name or contact even if typed before', () => {
    const input = toSubmissionInput(
      draft({ name: 'Li', phone: '13812345678', description: 'x', demand: 'y' }, true),
      ctx,
    );
    expect(input.complainant).toEqual({ anonymous: true });
  });

  it('sends only the chosen profile’s fields, numbers as numbers', () => {
    const input = toSubmissionInput(
      draft({ orderNo: 'PO-7', quantity: '１２', licencePlate: '京A12345' }),
      {
        ...ctx,
        profile: 'b2b',
      },
    );
    expect(input.profile).toBe('b2b');
    expect(input.profileFields).toEqual({ orderNo: 'PO-7', quantity: 12 });
  });
});

describe('parseNumber', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['12', 12],
    ['1,234.50', 1234.5],
    ['１２００', 1200],
    ['12 000', 12000],
    ['twelve', 'twelve'],
  ])('%j → %j', (raw, expected) => {
    expect(parseNumber(raw)).toEqual(expected);
  });
});

describe('fieldOf', () => {
  it.each([
    ['complainant.phone', 'phone'],
    ['profileFields.orderNo', 'orderNo'],
    ['amountClaimed.value', 'amount'],
    ['attachments.1.size', 'images'],
    ['description', 'description'],
    ['', ''],
  ])('%s → %s', (path, field) => {
    expect(fieldOf(path)).toBe(field);
    expect(fieldOf(path.split('.'))).toBe(field);
  });
});
