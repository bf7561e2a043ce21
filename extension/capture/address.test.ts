import { describe, expect, it } from 'vitest';
import { dedupeAddresses, isEmailAddress, parseAddress, parseAddressList } from './address';

describe('parseAddress', () => {
  it.each([
    [
      'Li Wei <li.wei@customer.example.test>',
      { name: 'Li Wei', address: 'li.wei@customer.example.test' },
    ],
    ['"Doe, Jane" <jane@x.example.test>', { name: 'Doe, Jane', address: 'jane@x.example.test' }],
    ['<a@x.example.test>', { address: 'a@x.example.test' }],
    ['a@x.example.test', { address: 'a@x.example.test' }],
    ['mailto:a@x.example.test', { address: 'a@x.example.test' }],
    [
      '王芳＜wang.fang@kehu.example.test＞',
      { name: '王芳', address: 'wang.fang@kehu.example.test' },
    ],
    [
      '王芳（wang.fang@kehu.example.test）',
      { name: '王芳', address: 'wang.fang@kehu.example.test' },
    ],
    [
      '"Acme 客服中心"<kefu@acme.example.test>;',
      { name: 'Acme 客服中心', address: 'kefu@acme.example.test' },
    ],
    [
      'Sent by sandra.ortiz@customer.example.test today',
      { name: 'Sent by today', address: 'sandra.ortiz@customer.example.test' },
    ],
    ['Tomasz Berg', { name: 'Tomasz Berg' }],
    ['  ', undefined],
    [null, undefined],
  ])('%j', (raw, expected) => {
    expect(parseAddress(raw)).toEqual(expected);
  });
});

describe('parseAddressList', () => {
  it('splits on , ; ， ； 、 outside quotes and brackets', () => {
    expect(
      parseAddressList(
        '"Doe, Jane" <j@x.example.test>, b@x.example.test；王芳 <w@x.example.test>、李雷',
      ),
    ).toEqual([
      { name: 'Doe, Jane', address: 'j@x.example.test' },
      { address: 'b@x.example.test' },
      { name: '王芳', address: 'w@x.example.test' },
      { name: '李雷' },
    ]);
    expect(parseAddressList('')).toEqual([]);
  });
});

describe('isEmailAddress / dedupeAddresses', () => {
  it.each([
    ['a@b.example.test', true],
    ['a..b@x.example.test', false],
    ['a@b', false],
    ['a b@x.example.test', false],
  ])('%s → %s', (v, ok) => {
    expect(isEmailAddress(v)).toBe(ok);
  });

  it('drops repeats case-insensitively', () => {
    expect(
      dedupeAddresses([
        { address: 'A@x.example.test' },
        { name: 'A', address: 'a@x.example.test' },
        { name: 'B' },
      ]),
    ).toEqual([{ address: 'A@x.example.test' }, { name: 'B' }]);
  });
});
