import type { Locale } from '../schema/codes';
import type { Complainant } from '../schema/fields';

const HAN = /^\p{Script=Han}+$/u;

/**
 * How a reply addresses the customer, the part after "尊敬的" / "Dear": a surname alone gets
 * "先生/女士" or "Mr/Ms" (never "尊敬的陈："), a full name is used as given, and an anonymous or
 * nameless complainant is "客户" / "Customer". The product records no gender, so both forms.
 */
export function addressName(
  complainant: Pick<Complainant, 'name' | 'anonymous'> | undefined,
  locale: Locale,
): string {
  const name = complainant && !complainant.anonymous ? complainant.name?.trim() : undefined;
  if (!name) return locale === 'zh-CN' ? '客户' : 'Customer';
  // One Han character (a surname) or one Latin word reads as a surname.
  const surnameOnly = HAN.test(name) ? [...name].length === 1 : !/\s/.test(name);
  if (!surnameOnly) return name;
  return locale === 'zh-CN' ? `${name}先生/女士` : `Mr/Ms ${name}`;
}

/** The whole greeting line: "尊敬的陈先生/女士：" / "Dear Mr/Ms Chen,". */
export function salutation(
  complainant: Pick<Complainant, 'name' | 'anonymous'> | undefined,
  locale: Locale,
): string {
  const name = addressName(complainant, locale);
  return locale === 'zh-CN' ? `尊敬的${name}：` : `Dear ${name},`;
}
