import { describe, expect, it } from 'vitest';
import { leadingTerm, matchesTerms, queryTerms, searchTerms, textTerms } from './search';

const STORED = searchTerms({
  caseNumber: '2603-0001',
  name: '刘德华',
  phone: '+86 138-1234-5678',
  email: 'Li.Na@Example.COM',
  texts: ['洗衣机漏水 The washing machine LEAKS', undefined],
});

describe('textTerms', () => {
  it.each([
    [
      'Latin words, lower-cased, one-letter words dropped',
      'The washing a machine',
      ['the', 'washing', 'machine'],
    ],
    ['CJK as bigrams', '洗衣机漏水', ['洗衣', '衣机', '机漏', '漏水']],
    ['a lone CJK character kept', '刘', ['刘']],
    ['mixed runs split at the script change', 'iPhone手机', ['iphone', '手机']],
    ['full-width letters and digits fold (NFKC)', 'ＡＢＣ１２３', ['abc123']],
    ['case numbers split at the dash', '2603-0001', ['2603', '0001']],
    ['punctuation only', '—！？', []],
  ])('%s', (_, text, expected) => {
    expect(textTerms(text)).toEqual(expected);
  });

  it('adds every CJK character for names', () => {
    expect(textTerms('刘德华', true)).toEqual(['刘', '德', '华', '刘德', '德华']);
  });
});

describe('queryTerms', () => {
  it.each([
    ['2603-0001', ['26030001']],
    ['138 1234 5678', ['13812345678']],
    ['+86 138-1234-5678', ['13812345678']],
    ['li.na@example.com', ['li.na@example.com']],
    ['刘', ['刘']],
    ['洗衣机', ['洗衣', '衣机']],
    ['  ', []],
  ])('%s → %j', (query, expected) => {
    expect(queryTerms(query)).toEqual(expected);
  });
});

describe('search: case number, name, phone digits, email, text (CJK-friendly)', () => {
  it.each([
    ['the whole case number', '2603-0001', true],
    ['the case number without its dash', '26030001', true],
    ['the serial alone', '0001', true],
    ['the surname', '刘', true],
    ['the full name', '刘德华', true],
    ['a name that is not there', '张', false],
    ['phone as typed with spaces', '138 1234 5678', true],
    ['phone with +86', '+8613812345678', true],
    ['the last four digits', '5678', true],
    ['the email, any case', 'LI.NA@example.com', true],
    ['a word prefix', 'wash', true],
    ['two words, both needed', 'washing leaks', true],
    ['one word missing', 'washing dryer', false],
    ['Chinese words from the text', '洗衣机', true],
    ['Chinese bigram not in the text', '冰箱', false],
    ['full-width query', 'ＬＥＡＫＳ', true],
  ])('%s (%s) → %s', (_, query, found) => {
    expect(matchesTerms(STORED, queryTerms(query))).toBe(found);
  });

  it('caps and deduplicates the terms', () => {
    const long = Array.from({ length: 1000 }, (_, i) => `word${i}`).join(' ');
    const terms = searchTerms({ texts: [long, long] });
    expect(new Set(terms).size).toBe(terms.length);
    expect(terms.length).toBeLessThanOrEqual(256);
  });

  it('looks up the longest query term in the index', () => {
    expect(leadingTerm(['ab', 'washing', 'leak'])).toBe('washing');
    expect(leadingTerm([])).toBeUndefined();
  });
});
