import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KeywordRule } from '../policy/policy';
import { LEGACY_KEYWORDS } from '../../test/fixtures/severity/legacy-keywords';
import { matchKeywords, normalizeText } from './keyword-matcher';

// The plain keyword list the default policy used before severity read the sentence.
const keywords = LEGACY_KEYWORDS;
const rulesOf = (text: string, rules: readonly KeywordRule[] = keywords) =>
  matchKeywords([text], rules).map((h) => h.rule);

describe('Latin words match whole words only', () => {
  it.each([
    ['there is an issue with my order', 'sue'],
    ['I will pursue a refund', 'sue'],
    ['my suede shoes arrived torn', 'sue'],
    ['please ship it by express delivery', 'press'],
    ['I was not impressed', 'press'],
    ['thank you for your courtesy', 'court'],
    ['the mediator was helpful', 'media'],
    ['I accidentally deleted the email', 'accident'],
    ['the fireworks were damp', 'fire'],
    // Deliberately not inflected: "fired" is about jobs far more often than about flames.
    ['I was fired last week', 'fire'],
    ['my hotline number is 123156789', '12315'],
  ])('%j does not fire on %j', (text) => {
    expect(rulesOf(text)).toEqual([]);
  });

  it.each([
    ['I will sue you', 'legal', 'sue'],
    ['Sue-happy? no, but I will sue.', 'legal', 'sue'],
    ['see you in court.', 'legal', 'court'],
    ['(press)', 'media', 'press'],
    ['media/press', 'media', 'media'],
    ['我要sue你们', 'legal', 'sue'],
    ['打12315投诉', 'regulator', '12315'],
    ['call 12315.', 'regulator', '12315'],
    // A plural or third-person -s is tolerated; other inflections are not.
    ['I have hired lawyers', 'legal', 'lawyer'],
    ['this is for the courts to decide', 'legal', 'court'],
    ['two accidents in a month', 'safety', 'accident'],
    ['she sues everyone', 'legal', 'sue'],
  ])('%j → %s (%s)', (text, rule, word) => {
    expect(matchKeywords([text], keywords)).toContainEqual(expect.objectContaining({ rule, word }));
  });
});

describe('CJK words match anywhere', () => {
  it.each([
    ['我要找媒体曝光', 'media', '媒体'],
    ['媒体', 'media', '媒体'],
    ['这是安全帽的问题', 'safety', '安全'],
    ['去工商局', 'regulator', '工商'],
  ])('%j → %s (%s)', (text, rule, word) => {
    expect(matchKeywords([text], keywords)).toContainEqual(expect.objectContaining({ rule, word }));
  });
});

describe('normalisation: case, NFKC, whitespace', () => {
  it.each([
    ['I WILL SUE YOU', 'legal'],
    ['Contact The Press', 'media'],
    ['我会联系ＭＥＤＩＡ', 'media'],
    ['打１２３１５投诉', 'regulator'],
    ['ｓｕｅ', 'legal'],
    ['⼯商局', 'regulator'], // Kangxi radical ⼯ (U+2F2F) folds to 工
    ['I filed   a\nlawsuit', 'already_sued'],
    ['I filed\u3000a\u00a0lawsuit', 'already_sued'],
    ['Refund Of Damages', 'compensation'],
    ['我要找媒体，曝光！', 'media'], // full-width punctuation stays inert
  ])('%j → %s', (text, rule) => {
    expect(rulesOf(text)).toContain(rule);
  });

  it('composes combining marks before matching', () => {
    const rules: KeywordRule[] = [{ rule: 'cafe', level: 'L2', words: ['Café'] }];
    expect(rulesOf('le cafe\u0301 était froid', rules)).toEqual(['cafe']);
    expect(rulesOf('LE CAFÉ', rules)).toEqual(['cafe']);
    expect(rulesOf('cafés', rules)).toEqual(['cafe']);
    expect(rulesOf('cafe', rules)).toEqual([]);
  });

  it('normalizeText folds width and case', () => {
    expect(normalizeText('ＭＥＤＩＡ １２３１５')).toBe('media 12315');
  });
});

describe('what is reported', () => {
  it('reports each rule once, with the first word found, in policy order', () => {
    expect(matchKeywords(['律师说要起诉，我也会找记者和媒体'], keywords)).toEqual([
      { rule: 'media', level: 'L3', word: '记者' },
      { rule: 'legal', level: 'L3', word: '律师' },
    ]);
  });

  it('reports overlapping words of different rules', () => {
    expect(rulesOf('我已起诉')).toEqual(['already_sued', 'legal']);
    expect(rulesOf('already sued')).toEqual(['already_sued']);
    expect(rulesOf('I filed a lawsuit')).toEqual(['already_sued', 'legal']);
  });

  it('reports a shorter word of a higher rule starting where a longer word matched', () => {
    const rules: KeywordRule[] = [
      { rule: 'check', level: 'L2', words: ['安全检查'] },
      { rule: 'safe', level: 'L3', words: ['安全'] },
    ];
    expect(rulesOf('安全检查没通过', rules)).toEqual(['check', 'safe']);
  });

  it('reports the words as the policy spells them', () => {
    const rules: KeywordRule[] = [{ rule: 'tv', level: 'L3', words: ['  CCTV  News '] }];
    expect(matchKeywords(['on cctv news tonight'], rules)).toEqual([
      { rule: 'tv', level: 'L3', word: 'CCTV  News' },
    ]);
  });

  it('never matches a word across two texts', () => {
    expect(rulesOf('律')).toEqual([]);
    expect(matchKeywords(['我找了律', '师'], keywords)).toEqual([]);
    expect(matchKeywords(['', undefined, '报警'], keywords)).toEqual([
      { rule: 'police', level: 'L3', word: '报警' },
    ]);
  });

  it('treats regex characters in words literally', () => {
    const rules: KeywordRule[] = [{ rule: 'odd', level: 'L2', words: ['a.b', '(c)'] }];
    expect(rulesOf('axb c', rules)).toEqual([]);
    expect(rulesOf('a.b', rules)).toEqual(['odd']);
    expect(rulesOf('x(c)y', rules)).toEqual(['odd']);
  });

  it('handles empty rule lists and words', () => {
    expect(matchKeywords(['anything'], [])).toEqual([]);
    expect(matchKeywords(['anything'], [{ rule: 'x', level: 'L2', words: [' '] }])).toEqual([]);
  });
});

// An independent, slow oracle: NFKC on the whole text, then one case-insensitive regex per word.
function oracle(text: string, rules: readonly KeywordRule[]): string[] {
  const norm = text.normalize('NFKC');
  const W = '0-9a-z\\u00c0-\\u024f\\u1e00-\\u1eff';
  return rules
    .filter((rule) =>
      rule.words.some((w) => {
        const canon = normalizeText(w).trim().replace(/\s+/g, ' ');
        if (!canon) return false;
        const body = canon.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+');
        if (/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/.test(canon)) {
          return new RegExp(body, 'i').test(norm);
        }
        const pre = /^[0-9a-z\u00c0-\u024f\u1e00-\u1eff]/.test(canon) ? `(?<![${W}])` : '';
        const plural = /[a-z\u00c0-\u024f\u1e00-\u1eff]$/.test(canon) ? '(?:e?s)?' : '';
        const post = /[0-9a-z\u00c0-\u024f\u1e00-\u1eff]$/.test(canon) ? `(?![${W}])` : '';
        return new RegExp(`${pre}${body}${plural}${post}`, 'i').test(norm);
      }),
    )
    .map((r) => r.rule);
}

const CUSTOM: KeywordRule[] = [
  { rule: 'custom', level: 'L2', words: ['Café', 'naïve', 'ΣΟΦΙΑ', 'straße', 'ﬁx', '가나'] },
  ...keywords,
];
const PIECES = [
  ...CUSTOM.flatMap((r) => r.words),
  ...'abcdefgilmnoprsuxSUEMDIAF 0123456789'.split(''),
  ...[
    '\u3000',
    '\u00a0',
    '\n',
    '，',
    '。',
    '！',
    '…',
    '\u0301',
    '\u0308',
    'é',
    'É',
    'ｓ',
    'Ｓ',
    'ｕ',
  ],
  ...[
    'ｅ',
    '１',
    '⼯',
    '已',
    '起',
    '诉',
    '媒',
    '体',
    'issue',
    'express',
    'court',
    'esy',
    'ed',
    '-',
  ],
  // Ligatures, long s, Kelvin sign, jamo, Greek sigmas, sharp s, dotted I, circled and math letters.
  ...['ﬁ', 'ſ', '\u212a', 'ᄀ', '\u1161', '가', 'σ', 'ς', 'Σ', 'ß', 'ẞ', 'İ', 'ı', 'Ⓜ', '㈱'],
  ...['\ud835\udc26', '\u00ad', '\u200b', 'ǅ', 'Ǆ'],
];

describe('property: the one-pass scan agrees with NFKC-then-regex', () => {
  const pieces = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(''));
  it.each([
    ['default keywords', keywords],
    ['custom keywords', CUSTOM],
  ])('on texts of keywords, fragments, full-width forms and marks (%s)', (_, rules) => {
    fc.assert(
      fc.property(pieces, (t) => {
        expect(rulesOf(t, rules)).toEqual(oracle(t, rules));
      }),
      { numRuns: 3000 },
    );
  });

  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (t) => {
        expect(rulesOf(t, CUSTOM)).toEqual(oracle(t, CUSTOM));
      }),
      { numRuns: 2000 },
    );
  });
});
