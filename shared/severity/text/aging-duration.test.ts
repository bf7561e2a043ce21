import { describe, expect, it } from 'vitest';
import { readAgingDuration } from './aging-duration';

// docs/severity.md "Numbers in the text": the case's age told as a duration since the complaint.
describe('aging told as a duration since the complaint', () => {
  it.each<[string, string]>([
    ['从去年十一月投诉到现在都快四个月了，你们的人每次都说在处理', '快四个月了'],
    ['电表的问题我两个多月前就报给你们了，一直没派人来', '两个多月前就报给你们了'],
    ['投诉快三个月了还没处理', '快三个月了'],
    ['我反映到现在已经两个半月了', '两个半月了'],
    ['投诉两个月了还没解决', '两个月了'],
    ['报修一年了', '一年了'],
    [
      "It's been 11 weeks since my original complaint about the install",
      '11 weeks since my original complaint',
    ],
    ['three months now since I first reported it', 'three months now since I first reported'],
    ['I reported this three months ago and nothing happened', 'three months ago'],
    ['你们客服说在处理，快四个月了', '快四个月了'],
    ['我是两个月前在你们APP上提交的投诉，到现在没人理', '两个月前在你们APP上提交的投诉'],
    [
      'Still waiting on a resolution three months after my complaint.',
      'three months after my complaint',
    ],
    ['My complaint has been open for 10 weeks now.', '10 weeks'],
    ["I first raised this in January, it's now mid-April, and", 'January … mid-April'],
    // A first report dated by day and month, in the three ways it is written (heldout-8 round).
    ["I logged the fault on 28 November and it's now early February.", 'November … early February'],
    ['We complained on the 3rd of March, and now late May and nothing.', 'March … late May'],
    ['Reported on July 9, it is now mid-October.', 'July … mid-October'],
  ])('%j → %j', (text, quote) => {
    expect(readAgingDuration(text, 2)).toBe(quote);
  });

  it.each([
    // Below the threshold: almost two months is under two; eight weeks under two months.
    '投诉快两个月了',
    '投诉一个多月了',
    'I reported this 8 weeks ago',
    'I first raised this in March, it is now early April',
    // The day counts: 20 March to mid-May is under two months.
    'I complained on 20 March and it is now mid-May.',
    // Durations that are not the complaint's age.
    'The warranty is two years, so please repair it.',
    "I've been a customer for 3 months and the app crashes.",
    '快递三个月前寄的，今天才到，投诉一下',
    '我投诉的这个手机才用了三个月了',
    '我要投诉你们！孩子才三个月了',
    "It's been 11 weeks since I bought it and I complained today",
    'I bought it 3 months ago and reported the fault today',
    '我是你们三年的老客户了，这次要投诉',
    '三个月前买的手机坏了要投诉',
    '售后说在处理，才一个多月',
    '维修处理了三次，三个月了还是坏',
    '投诉的那台冰箱都三个月了还在漏水',
    'I bought it three months after my wedding and complained today',
  ])('%j → nothing', (text) => {
    expect(readAgingDuration(text, 2)).toBeUndefined();
  });

  it('reads against the policy’s months', () => {
    expect(readAgingDuration('投诉快三个月了', 3)).toBeUndefined();
    expect(readAgingDuration('投诉三个多月了', 3)).toBe('三个多月了');
  });
});
