import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import type { Policy } from '../policy/policy';
import { CHANNELS, type Channel, SEVERITY_LEVELS, type SeverityLevel } from '../schema/codes';
import { type SeverityInput, type SeverityReason, assessSeverity } from './assess-severity';
import { compareLevels } from './levels';

const rules = (input: SeverityInput, policy?: Policy) =>
  assessSeverity(input, policy).reasons.map((r) => r.rule);

// docs/rules.md §3: every default trigger, in a sentence, in its language, with the words quoted.
const TEXT_CASES: [text: string, level: SeverityLevel, rule: string, quote: string][] = [
  ['我已起诉贵公司', 'L4', 'already_sued', '已起诉'],
  ['我已经起诉了', 'L4', 'already_sued', '已经起诉'],
  ['我已向法院起诉', 'L4', 'already_sued', '已向法院起诉'],
  ['I have already sued your company', 'L4', 'already_sued', 'already sued'],
  ['We have sued you.', 'L4', 'already_sued', 'have sued'],
  ['I filed a lawsuit yesterday.', 'L4', 'already_sued', 'filed a lawsuit'],
  ['此事已曝光', 'L4', 'already_exposed', '已曝光'],
  ['已经曝光到网上了', 'L4', 'already_exposed', '已经曝光'],
  ['这件事上了热搜', 'L4', 'already_exposed', '上了热搜'],
  ['It was already exposed online.', 'L4', 'already_exposed', 'already exposed'],
  ['Your shop is already in the news.', 'L4', 'already_exposed', 'already in the news'],
  ['My video has gone viral.', 'L4', 'already_exposed', 'gone viral'],
  ['我要找媒体曝光', 'L3', 'media', '找媒体'],
  ['我已经联系了记者', 'L3', 'media', '联系了记者'],
  ['我要在网上曝光你们', 'L3', 'media', '网上曝光'],
  ['我会发微博', 'L3', 'media', '发微博'],
  ['我要拍抖音视频', 'L3', 'media', '拍抖音'],
  ['让你们上热搜', 'L3', 'media', '上热搜'],
  ['I will go to the media.', 'L3', 'media', 'go to the media'],
  ['A journalist called me.', 'L3', 'media', 'journalist called me'],
  ['I will contact the press.', 'L3', 'media', 'contact the press'],
  ['我会请律师处理', 'L3', 'legal', '请律师'],
  ['你们会收到律师函', 'L3', 'legal', '律师函'],
  ['我准备起诉你们', 'L3', 'legal', '起诉'],
  ['我们法院见', 'L3', 'legal', '法院见'],
  ['我将通过诉讼解决', 'L3', 'legal', '诉讼'],
  ['My lawyer will contact you.', 'L3', 'legal', 'My lawyer'],
  ['I have an attorney.', 'L3', 'legal', 'have an attorney'],
  ['I will sue you', 'L3', 'legal', 'sue'],
  ['I am preparing a lawsuit.', 'L3', 'legal', 'lawsuit'],
  ['See you in court.', 'L3', 'legal', 'See you in court'],
  ['我要报警', 'L3', 'police', '要报警'],
  ['我叫了警察', 'L3', 'police', '叫了警察'],
  ['我去公安局备案', 'L3', 'police', '去公安局'],
  ['I called the police.', 'L3', 'police', 'called the police'],
  ['我去消协反映', 'L3', 'regulator', '去消协'],
  ['我已经打了12315', 'L3', 'regulator', '打了12315'],
  ['我会去消费者协会', 'L3', 'regulator', '去消费者协会'],
  ['我要向市场监管局反映', 'L3', 'regulator', '向市场监管局'],
  ['我去工商局反映', 'L3', 'regulator', '去工商局'],
  ['我给政府写信了', 'L3', 'regulator', '给政府'],
  // 上级部门 alone is as often the company's own management as a government body: not a trigger.
  ['我要投诉到上级主管部门', 'L3', 'regulator', '到上级主管部门'],
  ['I wrote to the regulator.', 'L3', 'regulator', 'wrote to the regulator'],
  ['I will contact the ombudsman.', 'L3', 'regulator', 'contact the ombudsman'],
  ['孩子的手受伤了', 'L3', 'safety', '受伤'],
  ['这个产品有安全问题', 'L3', 'safety', '安全问题'],
  ['差点出了事故', 'L3', 'safety', '事故'],
  ['差点引起火灾', 'L3', 'safety', '火灾'],
  ['吃了以后食物中毒', 'L3', 'safety', '食物中毒'],
  ['It caused an injury.', 'L3', 'safety', 'injury'],
  ['My son was injured.', 'L3', 'safety', 'injured'],
  ['The heater is unsafe.', 'L3', 'safety', 'unsafe'],
  ['The charger caught fire.', 'L3', 'safety', 'caught fire'],
  ['There was an accident.', 'L3', 'safety', 'accident'],
  ['要求赔偿损失', 'L3', 'compensation', '赔偿'],
  ['我要索赔', 'L3', 'compensation', '索赔'],
  ['I want compensation.', 'L3', 'compensation', 'compensation'],
  ['I ask for a refund of damages.', 'L3', 'compensation', 'refund of damages'],
  // Triggers added when severity learned to read the sentence (issue #13).
  ['他有黑社会背景', 'L3', 'organised_crime', '黑社会'],
  ['They sent a gang to my door', 'L3', 'organised_crime', 'gang'],
  ['我要从楼顶跳下去', 'L3', 'extreme_act', '从楼顶'],
  ['别逼我做出过激的事', 'L3', 'extreme_act', '过激的事'],
  ["I'll do something drastic", 'L3', 'extreme_act', 'something drastic'],
  ['这台洗衣机已经返修三次', 'L3', 'repeated_repair', '返修三次'],
  ['It has been repaired three times', 'L3', 'repeated_repair', 'repaired three times'],
];

describe('R-SEV-1 text triggers (docs/rules.md §3), zh and en', () => {
  it.each(TEXT_CASES)('%j → %s (%s: %s)', (text, level, rule, quote) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons).toContainEqual({ rule, level, detail: quote });
    expect(text).toContain(quote);
  });

  it('the table covers every rule of the default text triggers', () => {
    const ids = defaultPolicy.severity.text.triggers.flatMap((t) => [
      t.rule,
      t.done?.rule ?? t.rule,
    ]);
    expect([...new Set(TEXT_CASES.map((c) => c[2]))].sort()).toEqual([...new Set(ids)].sort());
  });

  it.each([
    ['there is an issue with my order'],
    ['please ship it by express delivery'],
    ['thank you for your courtesy'],
    ['I accidentally ordered two'],
    ['我想查询一下订单的物流情况'],
    ['房间空调不制冷，希望尽快维修'],
    [''],
  ])('%j → L1 with the default reason only', (text) => {
    expect(assessSeverity({ text })).toEqual({
      level: 'L1',
      reasons: [{ rule: 'default', level: 'L1' }],
    });
  });

  it.each([
    ['我会联系ＭＥＤＩＡ', 'media'],
    ['打１２３１５投诉', 'regulator'],
    ['I WILL SUE YOU', 'legal'],
  ])('folds width and case: %j → %s', (text, rule) => {
    expect(rules({ text })).toContain(rule);
  });

  it('reads `texts` as well as `text`', () => {
    expect(rules({ texts: ['退款', '我要报警'] })).toEqual(['police']);
    // A filed lawsuit subsumes the threat of one: no separate "legal" reason.
    expect(rules({ text: '退款', texts: ['已起诉'] })).toEqual(['already_sued']);
  });
});

// Classes of misses found on the blind held-out set (test/fixtures/severity/heldout-2.tsv),
// each tested here with sentences of its own, not the set's.
describe('R-SEV-1 classes from the blind held-out set', () => {
  it.each<[string, SeverityLevel, string, string]>([
    ['我的视频已经有三十万播放了', 'L4', 'already_exposed', '万播放'],
    ['这封投诉信昨天已经登在日报上了', 'L4', 'already_exposed', '登在日报'],
    ['The review has been shared thousands of times.', 'L4', 'already_exposed', 'been shared'],
    ['Channel 4 aired the story about your shop.', 'L4', 'already_exposed', 'aired the story'],
    ['厨房里煤气味很重', 'L3', 'safety', '煤气味'],
    ['孩子差点吞下去了', 'L3', 'safety', '差点吞'],
    ['Someone is going to fall off that balcony.', 'L3', 'safety', 'Someone is going to fall'],
    ['She sprained her ankle on your stairs.', 'L3', 'safety', 'sprained'],
    ['I am escalating to the ombudsman.', 'L3', 'regulator', 'escalating to the ombudsman'],
    ["I'll come round and smash the place up.", 'L3', 'extreme_act', 'smash the place'],
    [
      'This is the fourth time the engineer has been out.',
      'L3',
      'repeated_repair',
      'fourth time the engineer',
    ],
    ['A journalist friend of mine wants the details.', 'L3', 'media', 'journalist friend'],
    ['客服说只能赔50块', 'L3', 'compensation', '只能赔'],
    // A denial of saying is undone by a second negation; a denied threat revived by "but".
    ['I never said I would not go to the press.', 'L3', 'media', 'go to the press'],
    ["I don't want to sue, but you leave me no choice.", 'L3', 'legal', 'sue'],
    ['我不想起诉，但你们这是逼我', 'L3', 'legal', '起诉'],
    // Found probing with sentences of our own after the set: interest as the intent, a
    // lawyer's letter (a threat, not a filed suit), hurts and hazards in other words.
    [
      "I'm sure the local paper would love this story.",
      'L3',
      'media',
      'local paper would love this',
    ],
    ['我相信电视台会对这件事很感兴趣', 'L3', 'media', '电视台会对这件事很感兴趣'],
    ['到时候别怪我把事情闹大', 'L3', 'media', '闹大'],
    ['我们已经发了律师函', 'L3', 'legal', '律师函'],
    ['I have started proceedings against you.', 'L4', 'already_sued', 'started proceedings'],
    ['门夹到了手指', 'L3', 'safety', '夹到了手指'],
    ['Nobody was hurt, but the socket melted.', 'L3', 'safety', 'socket melted'],
  ])('%j → %s (%s: %s)', (text, level, rule, quote) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons).toContainEqual({ rule, level, detail: quote });
  });

  it.each([
    '机顶盒收不到中央电视台的频道',
    '我买了上热搜的那款面膜，颜色不对',
    '因为系统事故订单被取消了',
    '保单里含火灾险，扣款扣了两次',
    '本来想打12315的，想想算了',
    '家长群都炸了，大家都在问什么时候发货',
    'My wife is a solicitor and reads every contract, so please email it.',
    'The signs to Accident and Emergency are hidden behind a hedge.',
    'I never said I would contact the press.',
    '我从没说过要起诉你们',
    '我对这款手机很感兴趣，想问问价格',
    'The ice cream melted in the van.',
    // Kept narrow on purpose: the broad forms of the words above are everyday speech.
    'Our trip and hotel were ruined.',
    'My newspaper subscription was charged twice and I would love a refund.',
    'The app ran on the old phone but not the new one.',
    'The price is going to fall next week, can I get the difference?',
    'This is my third visit to your store and the staff are rude.',
    '充气床垫漏气了',
    '你们刊登的广告与实际不符',
    '登在你们网站上的地址是错的',
    'Your advert aired on TV promised free delivery.',
  ])('%j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });

  it.each<[string, SeverityLevel, string, number]>([
    ['账户里少了2.3w', 'L4', 'amount_special_major', 23_000],
    ['损失大概二十来万', 'L4', 'amount_special_major', 200_000],
    ['十几个同学都吃坏了肚子', 'L4', 'headcount_special_major', 10],
    ['Twenty-odd of us got the same wrong bill.', 'L4', 'headcount_special_major', 20],
    // Another currency counts at the policy's floor rate (GBP 9, USD 7).
    ['The damage is around £2,000.', 'L4', 'amount_special_major', 18_000],
  ])('%j → %s (%s %d, read from the text)', (text, level, rule, value) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons).toContainEqual(expect.objectContaining({ rule, value, proposed: true }));
  });

  it('says the rate a foreign amount was counted at', () => {
    expect(assessSeverity({ text: 'The damage is around £2,000.' }).reasons[0]).toEqual({
      rule: 'amount_special_major',
      level: 'L4',
      value: 18_000,
      threshold: 10_000,
      detail: '£2,000',
      proposed: true,
      rate: 9,
    });
  });

  it('a foreign amount below the threshold at the floor rate stays below it', () => {
    expect(assessSeverity({ text: 'US$1,000 was taken from my card.' }).level).toBe('L1');
  });

  it('a currency the policy has no rate for does not count', () => {
    const policy = {
      ...defaultPolicy,
      severity: { ...defaultPolicy.severity, foreignAmountRates: {} },
    };
    expect(assessSeverity({ text: 'The damage is around £2,000.' }, policy).level).toBe('L1');
  });

  it('a cost against an offer is a claim against it', () => {
    const text = 'They offered a £20 voucher, but the repair will cost £90.';
    expect(rules({ text })).toContain('claim_over_offer');
    expect(rules({ text: '客服只能赔50，我要求赔200' })).toContain('claim_over_offer');
  });
});

// heldout-3.tsv (a second blind set) missed these classes; the sentences here are our own.
describe('R-SEV-1 classes from the second blind set (heldout-3)', () => {
  it.each<[string, SeverityLevel, string, string]>([
    // Regulators and bodies by their ending, and the police by the act.
    [
      'I have complained to the Financial Ombudsman about this.',
      'L3',
      'regulator',
      'complained to the Financial Ombudsman',
    ],
    [
      'I will write to the Care Quality Commission tomorrow.',
      'L3',
      'regulator',
      'write to the Care Quality Commission',
    ],
    [
      'We are filing a complaint with the Department of Transportation.',
      'L3',
      'regulator',
      'filing a complaint with',
    ],
    [
      'Environmental Health will hear about your filthy kitchen.',
      'L3',
      'regulator',
      'Environmental Health will hear about',
    ],
    ["I'm going to press charges against your driver.", 'L3', 'police', 'press charges'],
    ['我要向市交通运输管理局投诉', 'L3', 'regulator', '向市交通运输管理局'],
    ['我已经打了市民热线反映这个问题', 'L3', 'regulator', '打了市民热线'],
    ['我会去家装行业协会投诉你们', 'L3', 'regulator', '去家装行业协会'],
    // Exposure already done, in more words: counts, broadcast, the front page.
    [
      'Her thread about your refund policy has 25k retweets.',
      'L4',
      'already_exposed',
      '25k retweets',
    ],
    ['这条视频有5000次播放', 'L4', 'already_exposed', '5000次播放'],
    ['My video about your shop has 5,000 likes.', 'L4', 'already_exposed', '5,000 likes'],
    ['My post made the front page yesterday.', 'L4', 'already_exposed', 'made the front page'],
    ['昨天的晚间新闻已经把这件事播出来了', 'L4', 'already_exposed', '播出来了'],
    // Hazards told as events.
    ['The oven door shattered while the roast was cooking.', 'L3', 'safety', 'oven door shattered'],
    ['热水壶用了一周就炸裂了', 'L3', 'safety', '炸裂'],
    ['The cot side came loose in the night.', 'L3', 'safety', 'came loose'],
    [
      'The scooter braked suddenly and my son went flying over the handlebars.',
      'L3',
      'safety',
      'went flying over',
    ],
    [
      'Your driver nearly hit a cyclist outside the school.',
      'L3',
      'safety',
      'nearly hit a cyclist',
    ],
    [
      "The chemist gave my husband someone else's prescription.",
      'L3',
      'safety',
      "someone else's prescription",
    ],
    ['药房配错了药，我爸吃了一天才发现', 'L3', 'safety', '配错了药'],
    ['保安推了我一把，我撞到了门框', 'L3', 'safety', '推了我一把'],
    ['我们被困在电梯里半个小时', 'L3', 'safety', '被困在电梯'],
    ['商场安全出口被锁住了', 'L3', 'safety', '安全出口被锁'],
    [
      'Staff had padlocked the emergency exit at the back.',
      'L3',
      'safety',
      'padlocked the emergency exit',
    ],
    ['The pool had no lifeguard at all on Sunday.', 'L3', 'safety', 'no lifeguard'],
    // Intents and filed suits in more words.
    [
      "I'll post the screenshots and tag every media outlet I can find.",
      'L3',
      'media',
      'tag every media outlet',
    ],
    [
      'A reporter from the evening paper has asked me for the invoices.',
      'L3',
      'media',
      'reporter from the evening paper has asked',
    ],
    [
      'The small claims hearing has been set for next month.',
      'L4',
      'already_sued',
      'hearing has been set',
    ],
    [
      'The tribunal ruled in our favour last week and you still have not paid.',
      'L4',
      'already_sued',
      'tribunal ruled',
    ],
    ['法院已经判我们胜诉了，你们还不执行', 'L4', 'already_sued', '判我们胜诉'],
    // A condition keeps a threat a threat, whatever follows; 不要 alone is not a denial.
    [
      "I'll go to the ombudsman unless you've sorted it by Friday.",
      'L3',
      'regulator',
      'go to the ombudsman',
    ],
    ['不要逼我起诉你们', 'L3', 'legal', '起诉'],
  ])('%j → %s (%s: %s)', (text, level, rule, quote) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons).toContainEqual({ rule, level, detail: quote });
  });

  it.each([
    // Near misses: the same words, not this complaint's severity.
    '你们的新品上热搜我才知道有这个牌子，结果质量一般',
    'The video has 300 views.',
    'Your product page has 5,000 likes but the item never arrived.',
    'I tried to tag my friends on Facebook but your app crashed.',
    'The kids went flying down the slide and loved it.',
    'My phone screen shattered when I dropped it.',
    '商品包装里的玻璃瓶碎了一地，还好没伤到人',
    '主演的演技真炸裂，就是票价太贵',
    'A shirt button came loose after one wash.',
    'I nearly went into the shop to buy another one.',
    '你们客服是吃错药了吧',
    '朋友推了我一个优惠券链接',
    '这天气真困人，外卖还送晚了',
    '从安全出口那边进来的顾客都没人引导',
    '买了个火灾逃生面具，快递盒破了',
    '这游戏玩到中毒，但是老闪退',
    'We parked in the hospital car park and the barrier ate our ticket.',
    'It took weeks to register the power of attorney at your branch.',
    'The arrival was on the dot, but the food was cold.',
    // Threats dropped or denied.
    '本来还想去找媒体的，后来你们主动退款了，谢谢',
    '同事劝我去打12315，我觉得没必要，换个货就行',
    'I was going to call the regulator but the manager sorted it out the same day.',
    '我不要什么补偿，只要道歉',
    // Dates less than two months apart, or not a report.
    'I reported it on 3 March. It is now 20 April.',
    '我是5月1日下单的，现在都6月10日了',
  ])('%j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });

  it.each<[string, string]>([
    [
      'I first complained on 5 January. Today is 18 March and nothing has happened.',
      '5 January … 18 March',
    ],
    ['3月2日就投诉了，至今5月10日还没人处理', '3月2日 … 5月10日'],
    ['宽带去年12月就报修了，现在都2月底了', '去年12月 … 2月底'],
  ])('%j → aging read from the dates in the text, proposed', (text, detail) => {
    expect(assessSeverity({ text }).reasons).toContainEqual({
      rule: 'aging',
      level: 'L4',
      detail,
      proposed: true,
      threshold: 2,
    });
  });

  it('a recorded opening time decides aging, not dates in the text', () => {
    const text = 'I first complained on 5 January. Today is 18 March.';
    expect(rules({ text, openedAt: '2026-03-01T00:00:00Z' })).not.toContain('aging');
  });

  it.each<[string, number]>([
    ['S$3,000 was taken from my card.', 15_000],
    ['₹2,00,000 went missing from the account.', 16_000],
    ['订金一共3万5，店却关门了', 35_000],
  ])('%j → amount %d, read from the text', (text, value) => {
    expect(assessSeverity({ text }).reasons).toContainEqual(
      expect.objectContaining({ rule: 'amount_special_major', value, proposed: true }),
    );
  });

  it('an amount in rupees below the threshold at the floor rate stays below it', () => {
    expect(assessSeverity({ text: 'INR 1,00,000 refund is pending.' }).level).toBe('L1');
  });

  it('a range of people counts at its lower bound (七八个 = 7)', () => {
    expect(assessSeverity({ text: '七八个家长一起来投诉' }).reasons).toContainEqual(
      expect.objectContaining({ rule: 'headcount_major', value: 7 }),
    );
  });
});

// heldout-4.tsv (the third blind set) missed these classes; the sentences here are our own, in
// more surface forms than the set had (slang, shorthand, third-person letters, traditional script).
describe('R-SEV-1 classes from the third blind set (heldout-4)', () => {
  it.each<[string, SeverityLevel, string, string]>([
    // Extreme acts: a hunger strike told as refusing to eat, "I'll end it", 绝食, sleeping in the branch.
    [
      "I'll sit in your branch and refuse to eat until you unfreeze my account.",
      'L3',
      'extreme_act',
      'refuse to eat until',
    ],
    ["If you take my car I'll end it.", 'L3', 'extreme_act', "I'll end it"],
    ['honestly id be better off dead at this point', 'L3', 'extreme_act', 'better off dead'],
    ['我要在你们门口绝食', 'L3', 'extreme_act', '绝食'],
    ['再不退钱我就不吃不喝', 'L3', 'extreme_act', '就不吃不喝'],
    ['你们再拖我就一了百了', 'L3', 'extreme_act', '一了百了'],
    ['逼得我只能睡在你们营业厅', 'L3', 'extreme_act', '睡在你们营业厅'],
    ['你們再不處理我就絕食', 'L3', 'extreme_act', '絕食'],
    // Legal: solicitors in the third person, 受…委托, 法律措施, booking a lawyer; claims issued and served in the words of the courts.
    ['We act for Ms Patel regarding the kitchen you fitted.', 'L3', 'legal', 'We act for'],
    [
      'On behalf of our client, we require a full refund within 14 days.',
      'L3',
      'legal',
      'On behalf of our client',
    ],
    ['本所受李先生委托，就贵司拖欠工程款一事致函', 'L3', 'legal', '本所受'],
    ['受李先生之委托，现就贵司拖欠货款一事函告如下', 'L3', 'legal', '之委托'],
    ['如贵司仍不处理，我方将采取法律措施', 'L3', 'legal', '法律措施'],
    ['我已经约了律师下周面谈', 'L3', 'legal', '约了律师'],
    [
      "I've booked an appointment with a solicitor for Monday.",
      'L3',
      'legal',
      'appointment with a solicitor',
    ],
    ['My brother, who is a solicitor, has read your terms.', 'L3', 'legal', 'who is a solicitor'],
    ['A claim was issued in the county court on 2 June.', 'L4', 'already_sued', 'claim was issued'],
    [
      'Particulars of claim are attached; you have 14 days to respond.',
      'L4',
      'already_sued',
      'Particulars of claim',
    ],
    ['法院已经发来了举证通知书', 'L4', 'already_sued', '法院已经发来'],
    ['案号是（2026）沪0105民初1234号，请贵司按时应诉', 'L4', 'already_sued', '案号'],
    ['我已申请强制执行', 'L4', 'already_sued', '申请强制执行'],
    [
      'Proceedings have been issued against your company.',
      'L4',
      'already_sued',
      'Proceedings have been issued',
    ],
    ['我已經請了律師', 'L3', 'legal', '請了律師'],
    // Bodies: a complaint "about you with" the BBB, consumer bodies elsewhere, online government channels.
    [
      'I filed a complaint about your company with the Better Business Bureau.',
      'L3',
      'regulator',
      'filed a complaint about your company with the Better Business Bureau',
    ],
    ["I've contacted Citizens Advice about this.", 'L3', 'regulator', 'contacted Citizens Advice'],
    [
      "I'm reporting you to NSW Fair Trading.",
      'L3',
      'regulator',
      'reporting you to NSW Fair Trading',
    ],
    ['我已经向消基會申訴', 'L3', 'regulator', '向消基會'],
    ['我在领导留言板上反映了', 'L3', 'regulator', '领导留言板上反映'],
    ['我会向国家邮政总局反映', 'L3', 'regulator', '向国家邮政总局'],
    ['你們再不處理我就去消委會', 'L3', 'regulator', '去消委會'],
    // Media: papers and programmes by name, published or aired in more words, a journalist among friends (a threat, never done).
    [
      'The Sunday Times ran a front-page story on your firm.',
      'L4',
      'already_exposed',
      'front-page story',
    ],
    ['Channel 5 aired our story last night.', 'L4', 'already_exposed', 'aired our story'],
    ["I'll write to the Daily Mail about this.", 'L3', 'media', 'write to the Daily Mail'],
    ["I'm going to contact Sky News.", 'L3', 'media', 'contact Sky News'],
    [
      "My cousin who's a reporter at the Echo wants the details.",
      'L3',
      'media',
      "who's a reporter",
    ],
    ['我朋友在电视台工作，我让她帮我问问', 'L3', 'media', '朋友在电视台工作'],
    ['这事已经上了本地热搜', 'L4', 'already_exposed', '上了本地热搜'],
    ['昨晚的新闻里播了我们小区的事', 'L4', 'already_exposed', '新闻里播了'],
    [
      "I've got a journalist friend who wants to hear about this.",
      'L3',
      'media',
      'journalist friend',
    ],
    ['我要找記者曝光你們', 'L3', 'media', '找記者'],
    // Hazards told as events: live wiring, vehicles, falls and blows, things giving way, flames, rescues.
    ["There's a live wire hanging out of the socket in the hall.", 'L3', 'safety', 'live wire'],
    ['The brakes failed on the hill.', 'L3', 'safety', 'brakes failed'],
    ['The airbag light has been on for weeks.', 'L3', 'safety', 'airbag light'],
    ['He fell down the stairs because the light was out.', 'L3', 'safety', 'fell down the stairs'],
    ['The security guard pushed me to the ground.', 'L3', 'safety', 'pushed me to the ground'],
    ['The swing chain snapped under her.', 'L3', 'safety', 'snapped under her'],
    ['Part of the ceiling collapsed in the bathroom.', 'L3', 'safety', 'ceiling collapsed'],
    ['Are you going to wait until someone gets hurt?', 'L3', 'safety', 'someone gets hurt'],
    ['Paramedics had to be called to the gym.', 'L3', 'safety', 'Paramedics had to'],
    ['The hob flames shot out and singed my sleeve.', 'L3', 'safety', 'flames shot out'],
    ['A sinkhole opened in the car park.', 'L3', 'safety', 'sinkhole'],
    ['The barbell hit me in the face when the cable went.', 'L3', 'safety', 'hit me in the face'],
    ['电梯一个月三次困人', 'L3', 'safety', '三次困人'],
    ['走廊的电线裸露在外面，孩子够得着', 'L3', 'safety', '电线裸露'],
    ['刹车失灵差点撞上前车', 'L3', 'safety', '刹车失灵'],
    ['燃气灶把我手燎了', 'L3', 'safety', '燎了'],
    ['牙刷把牙龈刮破了', 'L3', 'safety', '牙龈刮破'],
    ['高速上车子突然失控', 'L3', 'safety', '车子突然失控'],
    ['阳台栏杆一推就动', 'L3', 'safety', '阳台栏杆一推就动'],
    ['有人摔下去怎么办', 'L3', 'safety', '有人摔下去'],
    ['我们叫了救护车', 'L3', 'safety', '救护车'],
    ['路面塌陷了一个大坑', 'L3', 'safety', '塌陷'],
    ['健身房的钢丝绳断了', 'L3', 'safety', '钢丝绳断了'],
    ['打了120才把人送走', 'L3', 'safety', '打了120'],
    ['孩子被燙傷了', 'L3', 'safety', '燙傷'],
    // Repeated repairs in call-centre shorthand.
    ["Boiler fixed 3x this winter and it's off again.", 'L3', 'repeated_repair', 'fixed 3x'],
    [
      'This is the 3rd engineer visit for the same fault.',
      'L3',
      'repeated_repair',
      '3rd engineer visit',
    ],
    [
      'The engineer has been out three times now.',
      'L3',
      'repeated_repair',
      'engineer has been out three times',
    ],
    ['师傅上门三趟了还是漏水', 'L3', 'repeated_repair', '上门三趟'],
    ['修来修去还是不制冷', 'L3', 'repeated_repair', '修来修去'],
    ['老毛病又犯了，空调又不制冷', 'L3', 'repeated_repair', '老毛病又犯'],
    // Unpunctuated voice-to-text, relations, swallowing, blows with 都, brakes, threats of harm.
    ['我已经在小红书发了笔记现在好多人在问', 'L4', 'already_exposed', '我已经在小红书发了'],
    ['我表姐在报社上班这事我会让她知道', 'L3', 'media', '表姐在报社上班'],
    ['孩子吃了你们的果冻卡住了喉咙', 'L3', 'safety', '卡住了喉咙'],
    ['我在你们店门口摔了一跤膝盖都磕破了', 'L3', 'safety', '膝盖都磕破'],
    ['车的刹车踩下去没反应吓死我了', 'L3', 'safety', '刹车踩下去没反应'],
    ['他们威胁我说要找人弄我', 'L3', 'organised_crime', '找人弄我'],
    // English slang and shorthand.
    [
      'ur driver nearly ran my kid over on the school run',
      'L3',
      'safety',
      'nearly ran my kid over',
    ],
    ['the local rag is running my story tomorrow', 'L3', 'media', 'local rag is running my story'],
    ['BBC Watchdog got in touch with me', 'L3', 'media', 'BBC Watchdog got in touch'],
    ['the ceiling fan came down on the bed', 'L3', 'safety', 'ceiling fan came down'],
    [
      'my son swallowed a button battery from the remote',
      'L3',
      'safety',
      'swallowed a button battery',
    ],
    ['the heater caught alight', 'L3', 'safety', 'caught alight'],
    ['water coming through the light fitting', 'L3', 'safety', 'water coming through the light'],
    ['灯里漏水了', 'L3', 'safety', '灯里漏水'],
    ['3rd time its broke down this month', 'L3', 'repeated_repair', '3rd time its broke'],
    ['ive had 4 engineers out and its still not fixed', 'L3', 'repeated_repair', '4 engineers out'],
    // Agent notes in the third person and call-centre shorthand.
    [
      'caller stated he would kill himself if the repossession goes ahead',
      'L3',
      'extreme_act',
      'kill himself',
    ],
    [
      "Cx's solicitor called re the flooring claim, wants all contact via them",
      'L3',
      'legal',
      "Cx's solicitor",
    ],
    // A lawyer's letter sent is a threat, not a filed suit.
    [
      'Solicitors acting for the customer have sent a letter before claim.',
      'L3',
      'legal',
      'letter before claim',
    ],
    [
      'Received court papers this morning - claim no. G12YJ345',
      'L4',
      'already_sued',
      'court papers',
    ],
    [
      'The small claims court has set a hearing for 3 July.',
      'L4',
      'already_sued',
      'set a hearing for',
    ],
    ['eng attended x4 still not fixed', 'L3', 'repeated_repair', 'attended x4'],
    ['the stair lift jolted and my dad nearly fell out', 'L3', 'safety', 'nearly fell out'],
    ['the car’s brakes went on the motorway and he nearly crashed', 'L3', 'safety', 'brakes went'],
  ])('%j → %s (%s: %s)', (text, level, rule, quote) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons).toContainEqual({ rule, level, detail: quote });
  });

  it.each([
    // Near misses: the same words in everyday speech, names, slang and idioms.
    'I nearly fell off my chair when I saw the bill.',
    'I booked a hearing test at your clinic and nobody turned up.',
    'I set the hearing aid volume but it whistles.',
    'My complaint about the TV was ignored by your store.',
    'I filed a ticket about the Facebook login and nobody answered.',
    'I filed the return for my television on Monday.',
    '我发了视频给你们客服看，到现在没人回',
    '抖音上发了优惠券但是用不了',
    '你们在小红书上发了广告说包邮，结果收运费',
    '找人打印个发票都这么难',
    'The ATM swallowed my card and your branch was closed.',
    'The price came down the week after I bought it.',
    'My kid swallowed his pride and said sorry to the cashier.',
    'I got in touch with your team three times.',
    'The paramedic uniform I ordered is the wrong size.',
    'We had an ambulance-themed birthday cake and the icing was wrong.',
    '买了个绝食减肥的课程，结果没效果',
    '这个抢救数据的软件不好用',
    '师傅来了两次都没找到地址',
    '钢琴绳子断了一根',
    '气得我不想活了哈哈，快递又丢了',
    'My toddler refuses to eat the new cereal.',
    "I'll end it here: the staff were lovely but the room was cold.",
    '你们客服说我情绪过激，我只是问进度',
    'The restaurant only has sit-in dining, no takeaway.',
    '某律师事务所前台反映：饮水机的桶装水送晚了',
    '我所受的委屈你们根本不在乎',
    'We represent a small charity and the invoice is wrong.',
    'My insurance claim was filed two weeks ago and no one has replied.',
    '去公安局办完身份证顺路来取件',
    '公安局对面那家店的蛋糕坏了',
    'The driver went to Earls Court instead of my address.',
    'I parked outside Citizens Advice and got a ticket from your warden.',
    'I went to Media Markt to return it.',
    'We went to the TV section and nobody helped.',
    'The Sunday Times crossword app keeps crashing.',
    '电视台对面的门店关门太早',
    'I watched it on BBC iPlayer and the subtitles were off.',
    'To add insult to injury, the refund went to the wrong card.',
    'My new jeans bled dye onto the sofa cushions.',
    'I missed my hospital appointment because your train was cancelled.',
    'The bill gave me a shock: £300 for one month.',
    "She's a real live wire, your sales rep, but the sofa never came.",
    'I put my hazard lights on and waited for your recovery truck.',
    'I fell in love with the sofa but it arrived torn.',
    'I fell asleep waiting on hold.',
    'Blowout sale prices, but the jacket arrived with a hole.',
    '我已经对你们家的奶茶中毒了哈哈，就是最近少冰不对',
    '快递被标成事故件，让我自己去网点拿',
    '这个口红是死亡芭比粉，颜色跟图片不一样',
    '客服这波操作令人窒息',
    '双十一钱包大出血，结果还发错货',
    '买了个消防车玩具，轮子掉了',
    '这单打了119元的折扣，结果少发一件',
    'The engineer came out once and fixed it.',
    '我跑了三趟营业厅才办好',
    'I bought 3 items at $5 each and one was missing.',
    'Half a dozen eggs were broken.',
    '订单号123456，付了299',
    '我住3号楼1203室，交了2024年的物业费',
    '冰箱一直報警',
    '相機曝光過度',
    '老人摔了一跤，好在没受伤',
    'Your app says my account was filed under the wrong name.',
    '我老公在电视台上看到你们的广告',
    'The tribunal of customers on Trustpilot agrees the food was cold.',
    "I'd be better off shopping elsewhere.",
  ])('%j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });

  it('a journalist friend is a threat, never published, even with a past marker', () => {
    expect(rules({ text: "I've got a friend who's a journalist at the local paper." })).toEqual([
      'media',
    ]);
    expect(rules({ text: '我已经把情况告诉了一位做自媒体的朋友' })).not.toContain(
      'already_exposed',
    );
  });

  it.each<[string, string, number]>([
    ['Half a dozen neighbours have complained about the noise.', 'headcount_major', 6],
    ['Two dozen residents signed the letter.', 'headcount_special_major', 24],
    ['Over 30 parents have signed the petition.', 'headcount_special_major', 30],
    ['20+ residents have signed the petition.', 'headcount_special_major', 20],
    // heldout-11: the writer counts too ("me and"), fourteen others and me.
    ['me and 14 other tenants are complaining', 'headcount_special_major', 15],
  ])('%j → %s (%d people)', (text, rule, value) => {
    expect(assessSeverity({ text }).reasons).toContainEqual(
      expect.objectContaining({ rule, value, proposed: true }),
    );
  });

  it('half a dozen is six, not a dozen', () => {
    expect(assessSeverity({ text: 'Half a dozen families on route 14 complained.' }).level).toBe(
      'L3',
    );
  });

  it.each<[string, number, string]>([
    // Quantity × unit price: the line's value is the amount involved (USD 12,000 at 7).
    ['We ordered 1,500 pcs at $8 each and half were faulty.', 84_000, '1,500 pcs at $8 each'],
    ['这批货2400件，单价12.5元，全是次品', 30_000, '2400件，单价12.5元'],
    ['单价5元，共3000个，全是次品', 15_000, '单价5元，共3000个'],
    // A bare figure after a paying verb or a money word, or before what it bought.
    ['报了19800的课，机构跑路了', 19_800, '19800'],
    ['学费26800，上了两节课就停了', 26_800, '26800'],
    ['損失兩萬', 20_000, '兩萬'],
  ])('%j → amount %d (%s), read from the text', (text, value, detail) => {
    expect(assessSeverity({ text }).reasons).toContainEqual(
      expect.objectContaining({ rule: 'amount_special_major', value, detail, proposed: true }),
    );
  });

  it.each(['You offered £30. My losses are £200.', '损失了3000，你们只肯赔500'])(
    '%j → a loss against an offer is a claim over twice the offer',
    (text) => {
      expect(rules({ text })).toContain('claim_over_offer');
    },
  );

  it('a report date after 去年 is read (去年11月5日 … 今年2月底 → aging)', () => {
    expect(
      assessSeverity({ text: '去年11月5日报修的，到今年2月底了还没修好' }).reasons,
    ).toContainEqual(
      expect.objectContaining({ rule: 'aging', detail: '11月5日 … 今年2月底', proposed: true }),
    );
  });
});

describe('numbers and aging from the fourth blind set (heldout-5)', () => {
  const levelOf = (text: string) => assessSeverity({ text }).level;

  // The amount involved: any money the complaint is about, in any form, at the thresholds.
  it.each<[string, SeverityLevel]>([
    ['定金两万块交了快一个月，车还是没影，4S店一直拖。', 'L4'],
    ['保险理赔款壹万伍仟元，被你们以各种理由拖着不给。', 'L4'],
    ['理财亏了1w多，当初客户经理拍胸脯说保本的。', 'L4'],
    ['在你们网站订的欧洲十日游，团费每人两万三，结果行程缩水了一半。', 'L4'],
    ['你们海外仓丢了我们一整批货，货值3,500美元，到现在没人给答复。', 'L4'],
    ['预付卡里充了两万，店就关门了', 'L4'],
    ['课程费一万块整，老师跑了', 'L4'],
    ['游戏里氪了将近两万，账号被封了', 'L4'],
    [
      "Tuition of twenty thousand yuan, and the 'guaranteed job placement' never materialised.",
      'L4',
    ],
    [
      'I have lost ten thousand pounds of my savings through a transfer you should have stopped.',
      'L4',
    ],
    ['Your clinic overcharged me by 2 lakh rupees.', 'L4'],
    ['Our claim is for 12k in spoiled stock after your truck broke down.', 'L4'],
    ['I paid about twelve grand in RMB for a course that never ran.', 'L4'],
    ['I was charged 15000 for roaming I never used.', 'L4'],
    ['损失好几万，谁来负责？', 'L4'],
    // Near misses: below the threshold, or numbers that are not money.
    ['押金9,980元还没退', 'L1'],
    ['损失快一万块', 'L1'],
    ['我的订单尾号是12315，物流显示已签收', 'L1'],
    ['给10086打电话没人接', 'L1'],
    ['型号X2000的洗衣机坏了，订单号20260315，请换一台', 'L1'],
    ['The 9,880 yuan invoice should say 9,800.', 'L1'],
    ["I've got 40k followers and I love your shop, but the parcel is late.", 'L1'],
    ['Rs 1 lakh refund is pending.', 'L1'],
  ])('amount: %j → %s', (text, level) => {
    expect(levelOf(text)).toBe(level);
  });

  it('quotes the words an amount was read from, proposed', () => {
    expect(
      assessSeverity({ text: '保险理赔款壹万伍仟元，被你们拖着不给。' }).reasons,
    ).toContainEqual({
      rule: 'amount_special_major',
      level: 'L4',
      value: 15_000,
      threshold: 10_000,
      detail: '壹万伍仟元',
      proposed: true,
    });
  });

  // Headcounts: 快/将近/almost N is fewer than N; 十几 and N多 at least N.
  it.each<[string, SeverityLevel]>([
    ['算上我一共八个人，都被这家店骗了', 'L3'],
    ['快十位家长一起来反映退费的事', 'L3'],
    ['十几位家长一起来反映退费的事', 'L4'],
    ['Half a dozen drivers in our fleet report the same grinding from the brakes.', 'L3'],
    ['fifteen people from our street have signed the letter', 'L4'],
    ['three hundred members of our club are affected', 'L4'],
    ['Almost ten of us got food poisoning at the buffet.', 'L3'],
    // Near misses: no one acting together, or not people at all.
    ['I ordered a dozen eggs and four of them were cracked.', 'L1'],
    ['店里快十个员工都不理我', 'L1'],
  ])('headcount: %j → %s', (text, level) => {
    expect(levelOf(text)).toBe(level);
  });

  // Claim against offer in new forms: bare figures a money word names, "out of pocket".
  it.each<[string, SeverityLevel]>([
    ['你们只肯补200块，我这边实际损失起码500，差得太远了。', 'L3'],
    ['你们说退一半也就1500，我要的是全额3000，少一分都不行。', 'L3'],
    ['东西值800，你们只肯给200', 'L3'],
    ["You offered me a $50 voucher when I'm $150 out of pocket, that's not even close.", 'L3'],
    ['They offered a 20 voucher, but the suitcase cost 60.', 'L3'],
    ['They only offered 100 yuan compensation, but my loss is 1,000 yuan', 'L3'],
    // With an offer and no claim said as one, what the customer paid stands against it.
    ['只肯赔100，我花了1500买的', 'L3'],
    ['客服只肯赔20元，我买的是200元的衣服', 'L3'],
    ['只同意退60元，订单一共花了100元', 'L1'],
    // Near misses: under twice the offer, or no offer at all.
    ['你们只肯退50，我要求退80', 'L1'],
    ['The item cost 45, please refund it.', 'L1'],
    ['退一半，就是给我50', 'L1'],
  ])('claim against offer: %j → %s', (text, level) => {
    expect(levelOf(text)).toBe(level);
  });

  // Aging told as a duration since the complaint (unresolved > 2 months → L4, proposed).
  it.each<[string, string]>([
    ['从去年十一月投诉到现在都快四个月了，你们的人每次都说在处理，到底谁负责？', '快四个月了'],
    [
      '电表的问题我两个多月前就报给你们了，一直没派人来，到现在已经两个半月了。',
      '两个多月前就报给你们了',
    ],
    ['投诉快三个月了，一直没人管', '快三个月了'],
    [
      "It's been 11 weeks since my original complaint about the fibre install and your engineers keep missing appointments.",
      '11 weeks since my original complaint',
    ],
    ['投诉了三个多月都没人管', '三个多月'],
    ['报修后等了三个月，师傅一次都没来', '三个月'],
    ["I've been chasing this for three months", 'three months'],
    ["I complained in March. It's been over two months and nothing.", 'over two months'],
    [
      "I first raised this in January, it's now mid-April, and your team has lost my paperwork twice.",
      'January … mid-April',
    ],
  ])('aging: %j', (text, detail) => {
    expect(assessSeverity({ text }).reasons).toContainEqual({
      rule: 'aging',
      level: 'L4',
      detail,
      proposed: true,
      threshold: 2,
    });
  });

  it.each([
    'The warranty is two years, so please repair the kettle.',
    "I've been a customer for 3 months and the app keeps crashing.",
    '快递三个月前寄的，今天才到，想投诉一下包装',
    '投诉快两个月了，希望尽快处理',
    'I reported this 8 weeks ago and I am still waiting.',
    'I complained yesterday. It has been 3 months since I bought it.',
    "It's been 3 months, and I'm a happy customer.",
    '投诉了，用了三个多月就坏了',
  ])('no aging in %j', (text) => {
    expect(rules({ text })).not.toContain('aging');
  });

  it('a recorded opening time decides aging, not a duration in the text', () => {
    expect(rules({ text: '投诉快四个月了', openedAt: '2026-03-01T00:00:00Z' })).not.toContain(
      'aging',
    );
  });

  it('readNumbers: false reads no duration either', () => {
    const policy = {
      ...defaultPolicy,
      severity: { ...defaultPolicy.severity, readNumbers: false },
    };
    expect(rules({ text: '投诉快四个月了' }, policy)).not.toContain('aging');
  });
});

describe('R-SEV-1 classes from the fourth blind set (heldout-5)', () => {
  // Our own sentences for the classes heldout-5 and its training set missed, in other surface
  // forms: exposure told by channel, date or reach; suits told by procedure; bodies by new names
  // and ways; injuries and hazards as events; extreme acts, menace through connections, losses
  // laid on the company, repeats by the garage or the month.
  it.each<[string, SeverityLevel, string, string]>([
    ['我们小区停水的事，电视台昨晚播了', 'L4', 'already_exposed', '电视台昨晚播了'],
    ['市报已于上周刊登了我们的投诉', 'L4', 'already_exposed', '已于上周刊登'],
    ['我发的那条帖子已经火了', 'L4', 'already_exposed', '那条帖子已经火了'],
    ['这条视频下面上万条评论都在骂你们', 'L4', 'already_exposed', '上万条评论'],
    ['抖音上几十万人看过了', 'L4', 'already_exposed', '几十万人看过'],
    ['记者已经来采访过了', 'L4', 'already_exposed', '记者已经来采访过了'],
    ['上了本地新闻以后你们才打电话来', 'L4', 'already_exposed', '上了本地新闻'],
    [
      'The breakfast show ran a segment on your letting agents last week.',
      'L4',
      'already_exposed',
      'ran a segment',
    ],
    [
      "There's a photo of your shopfront in yesterday's paper.",
      'L4',
      'already_exposed',
      "in yesterday's paper",
    ],
    [
      'Did you see the piece about your company in the Observer?',
      'L4',
      'already_exposed',
      'piece about your company in the',
    ],
    ['The radio station already aired my call.', 'L4', 'already_exposed', 'station already aired'],
    ['It was on the local news last night.', 'L4', 'already_exposed', 'was on the local news'],
    [
      'My post about your hotel has been viewed by thousands of people.',
      'L4',
      'already_exposed',
      'has been viewed by thousands',
    ],
    [
      'The story is now online with your logo on it.',
      'L4',
      'already_exposed',
      'The story is now online',
    ],
    ['电视台已经联系我了', 'L3', 'media', '电视台已经联系我'],
    ['我舅舅在都市报上班', 'L3', 'media', '在都市报上班'],
    [
      "I have 12k followers on Instagram and they'll all hear about this.",
      'L3',
      'media',
      // heldout-10: the count alone is no threat; their hearing about it is.
      "Instagram and they'll all hear about this",
    ],
    ["A journalist rang asking whether I'd comment.", 'L3', 'media', 'A journalist rang'],
    [
      "I'll make sure everyone knows how you treat pensioners.",
      'L3',
      'media',
      'make sure everyone knows how you',
    ],
    ['律师说案件已受理', 'L4', 'already_sued', '案件已受理'],
    ['我上周在区法院立了案', 'L4', 'already_sued', '立了案'],
    ['二审已经判了，你们还不执行', 'L4', 'already_sued', '二审已经判'],
    ['起诉状已经提交，等法院通知', 'L4', 'already_sued', '起诉状已经提交'],
    ['材料我已经寄到法院了', 'L4', 'already_sued', '寄到法院了'],
    ['We filed in the county court on Friday.', 'L4', 'already_sued', 'filed in the county court'],
    [
      'The claim was accepted by the district court this morning.',
      'L4',
      'already_sued',
      'accepted by the district court',
    ],
    ['Our solicitor issued the claim on Monday.', 'L4', 'already_sued', 'solicitor issued the'],
    ['Consider yourself served.', 'L4', 'already_sued', 'Consider yourself served'],
    [
      'The tribunal already ruled that you owe me the deposit.',
      'L4',
      'already_sued',
      'tribunal already ruled',
    ],
    ['The judge found in my favour last month.', 'L4', 'already_sued', 'judge found in'],
    ["I'm getting a lawyer involved.", 'L3', 'legal', 'lawyer involved'],
    ['The solicitor I spoke to says the clause is unfair.', 'L3', 'legal', 'solicitor I spoke'],
    ["I've found a no win no fee firm for the injury.", 'L3', 'legal', 'no win no fee'],
    [
      'My client instructs me to seek the return of her deposit.',
      'L3',
      'legal',
      'My client instructs',
    ],
    ['这事我一定要诉诸法律', 'L3', 'legal', '诉诸法律'],
    [
      'I have been in touch with the Financial Ombudsman.',
      'L3',
      'regulator',
      'been in touch with the Financial Ombudsman',
    ],
    [
      "I've referred my complaint to the ombudsman.",
      'L3',
      'regulator',
      'complaint to the ombudsman',
    ],
    [
      'An officer from Trading Standards came to the shop today.',
      'L3',
      'regulator',
      'officer from Trading Standards',
    ],
    [
      'The council have now been notified about the blocked drains.',
      'L3',
      'regulator',
      'The council have now been notified',
    ],
    ['The Ofcom complaint form is ready to go.', 'L3', 'regulator', 'Ofcom complaint form'],
    ['我已经向卫生部门举报了', 'L3', 'regulator', '向卫生部门'],
    ['我打算去金融监管总局反映', 'L3', 'regulator', '去金融监管总局'],
    [
      'Which body licenses you? I want to complain to them.',
      'L3',
      'regulator',
      'Which body licenses you',
    ],
    [
      "I've written to the Equality and Human Rights Commission.",
      'L3',
      'regulator',
      'written to the Equality and Human Rights Commission',
    ],
    ['我儿子啃排骨崩掉一颗牙', 'L3', 'safety', '掉一颗牙'],
    ['孩子的手卡进电梯门缝里', 'L3', 'safety', '手卡进'],
    ['电梯下坠了三层才停', 'L3', 'safety', '电梯下坠'],
    ['空调支架锈断了，外机悬在半空', 'L3', 'safety', '支架锈断'],
    ['师傅把燃气管接错了，屋里全是味', 'L3', 'safety', '燃气管接错'],
    ['新房甲醛严重超标', 'L3', 'safety', '甲醛严重超标'],
    ['牙医拔错了牙', 'L3', 'safety', '拔错了牙'],
    [
      "My son's finger got trapped in the hinge of your folding chair.",
      'L3',
      'safety',
      'finger got trapped',
    ],
    ['The power bank started hissing on the bedside table.', 'L3', 'safety', 'started hissing'],
    ['The phone battery swelled and split the case.', 'L3', 'safety', 'battery swelled'],
    ["The lift doors closed on my daughter's arm.", 'L3', 'safety', 'doors closed on my'],
    ['The driver was clearly drunk and could barely stand.', 'L3', 'safety', 'was clearly drunk'],
    [
      'The taxi driver was on his phone on the motorway.',
      'L3',
      'safety',
      'driver was on his phone on the',
    ],
    ['A tile fell onto a pram outside your shop.', 'L3', 'safety', 'fell onto a'],
    ['The surgeon operated on the wrong knee.', 'L3', 'safety', 'the wrong knee'],
    ['The bunk bed collapsed with my son on the top.', 'L3', 'safety', 'bunk bed collapsed'],
    [
      'Your van nearly hit my daughter on the zebra crossing.',
      'L3',
      'safety',
      'nearly hit my daughter',
    ],
    ['Found a sliver of glass in the yoghurt.', 'L3', 'safety', 'sliver of glass'],
    ['The fitter left the gas on overnight.', 'L3', 'safety', 'left the gas on'],
    ['She fell in the corridor and has a broken hip.', 'L3', 'safety', 'broken hip'],
    ['再拖下去我就从你们大楼天台跳下去', 'L3', 'extreme_act', '从你们大楼天台'],
    ['逼急了大家一起完蛋', 'L3', 'extreme_act', '大家一起完蛋'],
    ['我现在什么事都做得出来', 'L3', 'extreme_act', '什么事都做得出来'],
    ['I feel like ending everything.', 'L3', 'extreme_act', 'ending everything'],
    ["I'll sleep in your branch until it's sorted.", 'L3', 'extreme_act', 'sleep in your branch'],
    ['你们的人说知道我住哪', 'L3', 'organised_crime', '知道我住哪'],
    ['他找了一帮混混来堵门', 'L3', 'organised_crime', '一帮混混'],
    ['催收的让我小心点', 'L3', 'organised_crime', '让我小心点'],
    [
      'He said the manager should watch his back.',
      'L3',
      'organised_crime',
      'should watch his back',
    ],
    [
      'They said they know where my kids go to school.',
      'L3',
      'organised_crime',
      'know where my kids',
    ],
    ['He turned up with a couple of heavies.', 'L3', 'organised_crime', 'heavies'],
    ['这批货的损失应由你们承担', 'L3', 'compensation', '损失应由'],
    ['耽误的工期损失你们得给我补上', 'L3', 'compensation', '损失你们得给我补上'],
    ['冰箱坏了东西全坏，你们要赔', 'L3', 'compensation', '你们要赔'],
    ['Please cover our losses from the spoiled batch.', 'L3', 'compensation', 'cover our losses'],
    ['I want the bank charges made good.', 'L3', 'compensation', 'made good'],
    [
      "I'd like something for the distress this caused.",
      'L3',
      'compensation',
      'something for the distress',
    ],
    ['这个月第四次停电了', 'L3', 'repeated_repair', '第四次停电'],
    [
      'This is the third time the dealership has had it in.',
      'L3',
      'repeated_repair',
      'third time the dealership',
    ],
    [
      'It has been repaired and it broke again within a week.',
      'L3',
      'repeated_repair',
      'has been repaired and it broke',
    ],
    ['The car is back in for the same rattle.', 'L3', 'repeated_repair', 'back in for the same'],
  ])('%j → %s (%s: %s)', (text, level, rule, quote) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons).toContainEqual({ rule, level, detail: quote });
  });

  // Near misses: the same words as names, templates, adverts, slang, advice, or threats taken back.
  it.each([
    '我也是上过热搜才知道你们家的，东西不错，就是发货慢',
    '看到媒体报道的那款面霜，想问问有没有货',
    "I read today's paper while I was on hold for an hour.",
    "The article about your company's new app was interesting, but my login fails.",
    '在你们法律文书APP上下载的起诉状模板打不开',
    '我想问问律师行业的团体保险怎么买',
    '我是做律师的，周末才有空收货',
    'My friend Sue ordered this for me, can you change the size?',
    "My lawyer's office is next door, so please deliver there.",
    "I've asked the county health department to inspect your kitchen.",
    '我妈说要找电视台，我已经劝住了，麻烦你们尽快处理',
    '之前说要起诉是气头上的话，退款收到了',
    "I was going to call my lawyer but it's not worth the hassle, just fix the invoice.",
    "I said I'd go to the papers; scratch that, the refund arrived.",
    '我奶奶在游戏中毒的孙子旁边坐着，都不理人，这跟你们没关系，就是想问会员怎么退',
    'The fire pit table arrived with a scratch.',
    'Please itemise the hospital bill you sent me.',
    'Where is my accident forgiveness discount?',
    'The wrong size arrived, please swap it.',
    'The shelf came loose, nobody was near it, please send someone.',
    "I'll make good use of the voucher, thanks.",
    'Please be careful walking on the wet floor.',
    "The film's hero has to watch his back.",
    'I heard it was on the news that the bridge is closed, so is my delivery late?',
    'My ticket has been viewed but nobody replied.',
    "I saw your advert in today's paper for half-price sofas.",
    '电视台昨晚播了你们的广告，我就来买了',
    '你们家那个视频火了我才来买的，结果尺码不对',
    'My insurance claim was filed two weeks ago and nobody has replied.',
  ])('%j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });

  // Probing past heldout-5: more surface forms of the same classes, written after the set was
  // fixed (people caught in gates, batteries bulging, drink at the wheel, 晚报上登了, all over
  // Twitter, a court date set, Action Fraud, councillors, 损失由你方负责, the fourth engineer).
  it.each<[string, SeverityLevel, string, string]>([
    ['我家孩子吃你们的饼干硌掉了半颗牙', 'L3', 'safety', '掉了半颗牙'],
    ['吃到一颗石子，牙都崩了', 'L3', 'safety', '牙都崩了'],
    ['老人被卡在闸机里', 'L3', 'safety', '老人被卡在'],
    ['孩子手指被门夹断了', 'L3', 'safety', '夹断'],
    ['电梯门夹住了我妈的胳膊', 'L3', 'safety', '夹住了我'],
    ['电梯突然下滑，把人困在里面一个多小时', 'L3', 'safety', '电梯突然下滑'],
    ['充电宝鼓包了还在冒烟', 'L3', 'safety', '充电宝鼓包'],
    ['电动车电池鼓包', 'L3', 'safety', '电池鼓包'],
    ['热水器漏电，洗澡的时候麻了一下', 'L3', 'safety', '漏电'],
    ['燃气灶打火的时候火苗窜出来燎到了眉毛', 'L3', 'safety', '火苗窜'],
    ['司机喝了酒还开车', 'L3', 'safety', '喝了酒还开车'],
    ['司机一边开车一边玩手机', 'L3', 'safety', '一边开车一边玩手机'],
    ['司机酒驾', 'L3', 'safety', '酒驾'],
    ['天花板的吊顶掉下来砸到了学生', 'L3', 'safety', '吊顶掉下来'],
    ['广告牌掉下来砸到了路人的车', 'L3', 'safety', '砸到'],
    ['The charger got really hot and started smoking.', 'L3', 'safety', 'started smoking'],
    ['My phone battery is bulging.', 'L3', 'safety', 'battery is bulging'],
    [
      "The escalator trapped my son's shoe and pulled his foot in.",
      'L3',
      'safety',
      'escalator trapped',
    ],
    ['The bus driver was texting the whole journey.', 'L3', 'safety', 'driver was texting'],
    ['Part of the ceiling came down in the classroom.', 'L3', 'safety', 'ceiling came down'],
    ['A tree branch from your car park fell on my car.', 'L3', 'safety', 'fell on my car'],
    ['The pharmacist gave my dad the wrong tablets.', 'L3', 'safety', 'wrong tablets'],
    ['The nurse gave my mother the wrong injection.', 'L3', 'safety', 'the wrong injection'],
    ['The dentist pulled out the wrong tooth.', 'L3', 'safety', 'the wrong tooth'],
    ['本地电视台昨天晚上报道了这件事', 'L4', 'already_exposed', '电视台昨天晚上报道了'],
    ['今天的晚报上登了你们的事', 'L4', 'already_exposed', '晚报上登了'],
    ['我们的事上了今天的报纸', 'L3', 'media', '上了今天的报纸'],
    ['微博热搜第三就是你们', 'L4', 'already_exposed', '微博热搜第'],
    ['这事在网上已经传开了', 'L4', 'already_exposed', '网上已经传开'],
    ['我们业主群的截图都被转到网上去了', 'L4', 'already_exposed', '转到网上去了'],
    [
      "It was on the six o'clock news yesterday.",
      'L4',
      'already_exposed',
      "was on the six o'clock news",
    ],
    ['The Guardian ran my letter on Saturday.', 'L4', 'already_exposed', 'ran my letter'],
    [
      'You were mentioned on Watchdog last night.',
      'L4',
      'already_exposed',
      'You were mentioned on',
    ],
    ['My review has over 10,000 likes now.', 'L4', 'already_exposed', '10,000 likes'],
    ["It's all over Twitter already.", 'L4', 'already_exposed', 'all over Twitter'],
    ["It's trending on X right now.", 'L4', 'already_exposed', "It's trending"],
    ['起诉材料已经交到法院了', 'L4', 'already_sued', '交到法院了'],
    ['法院已经给我发了立案短信', 'L3', 'legal', '法院已经给我发了立案'],
    ['律师已经帮我向法院提交了诉状', 'L3', 'legal', '向法院'],
    ['下周一开庭', 'L4', 'already_sued', '开庭'],
    ['The court has set a date for the hearing.', 'L4', 'already_sued', 'court has set a date'],
    ['We have issued proceedings in the High Court.', 'L4', 'already_sued', 'issued proceedings'],
    ['My solicitor has filed the claim.', 'L3', 'legal', 'My solicitor'],
    [
      "I've already filed the claim online with Money Claim.",
      'L4',
      'already_sued',
      'with Money Claim',
    ],
    ['我已经向银保监局投诉了', 'L3', 'regulator', '向银保监'],
    ['已经打了市长热线', 'L3', 'regulator', '打了市长热线'],
    ['我打算到住建部门反映', 'L3', 'regulator', '到住建部门'],
    [
      "I've already raised it with the Financial Ombudsman Service.",
      'L3',
      'regulator',
      'raised it with the Financial Ombudsman',
    ],
    ["I've reported it to Action Fraud.", 'L3', 'regulator', 'reported it to Action Fraud'],
    [
      "I've made a complaint to the Information Commissioner's Office.",
      'L3',
      'regulator',
      'complaint to the Information Commissioner',
    ],
    ["I'm contacting my local councillor.", 'L3', 'regulator', 'contacting my local councillor'],
    [
      "I'm escalating to the CEO and the regulator.",
      'L3',
      'regulator',
      'escalating to the CEO and the regulator',
    ],
    ['再不处理我就在你们门口喝药', 'L3', 'extreme_act', '在你们门口喝药'],
    ['我不想活了，钱都被你们骗光了', 'L3', 'extreme_act', '不想活'],
    ["I've got nothing left, I can't see a way out.", 'L3', 'extreme_act', "can't see a way out"],
    ['你们等着，我认识道上的人', 'L3', 'organised_crime', '道上的'],
    ['我有的是办法让你们开不下去', 'L3', 'extreme_act', '有的是办法让'],
    ['I know where your manager lives.', 'L3', 'organised_crime', 'know where your manager lives'],
    ['他说要找人打断我的腿', 'L3', 'organised_crime', '打断我的腿'],
    ['I expect to be compensated for the time I lost.', 'L3', 'compensation', 'compensated'],
    ['我要求你们承担全部损失', 'L3', 'compensation', '要求你们承担'],
    ['由此造成的一切损失由你方负责', 'L3', 'compensation', '损失由你方'],
    ['这是第三次上门了还没修好', 'L3', 'repeated_repair', '第三次上门'],
    ['修了三次还是一样', 'L3', 'repeated_repair', '修了三次'],
    [
      "This is the fourth engineer you've sent.",
      'L3',
      'repeated_repair',
      "fourth engineer you've sent",
    ],
    ['Same fault for the third time.', 'L3', 'repeated_repair', 'fault for the third time'],
  ])('probe %j → %s (%s: %s)', (text, level, rule, quote) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons).toContainEqual({ rule, level, detail: quote });
  });

  it.each([
    'My name was mentioned in the email you sent.',
    'Your discount codes are all over the internet.',
    'This colour is trending this season, do you have it in a 10?',
    "I'll be waiting outside for the courier at 3.",
    'The machine trapped my card at the branch.',
    'The door caught on the carpet when I opened it.',
    '晚报上登了你们的招聘广告，我想问问还招人吗',
    '我按时喝药，就是想问问药房几点开门',
    'The delivery fell on my birthday, lovely surprise.',
    'Can the third engineer on the rota come on Tuesday?',
    'I was in for the same haircut as last time.',
    '我想找人打听一下你们的营业时间',
    'We watched the fourth episode for the third time.',
    'The lift caught the tail of my coat, no harm done.',
  ])('probe %j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });

  // A body or the press already at work, a court order held, relatives at a court, threats of
  // violence reported.
  it.each<[string, SeverityLevel, string, string]>([
    [
      'The Ombudsman has given me a case reference.',
      'L3',
      'regulator',
      'Ombudsman has given me a case',
    ],
    [
      'My case with the Financial Ombudsman is open.',
      'L3',
      'regulator',
      'case with the Financial Ombudsman',
    ],
    ['Ofgem are now looking into this.', 'L3', 'regulator', 'Ofgem are now looking into'],
    ['The FCA is already investigating.', 'L3', 'regulator', 'FCA is already investigating'],
    ['消协已经受理了', 'L3', 'regulator', '消协已经受理'],
    ["I've raised a dispute with the CFPB.", 'L3', 'regulator', 'dispute with the CFPB'],
    ['Channel 4 are interested in my story.', 'L3', 'media', 'Channel 4 are interested'],
    [
      "I've been interviewed by the local paper.",
      'L3',
      'media',
      'been interviewed by the local paper',
    ],
    ['The BBC filmed outside your shop this morning.', 'L3', 'media', 'BBC filmed'],
    ['I have a court order.', 'L4', 'already_sued', 'have a court order'],
    ['我有个同学在法院上班', 'L3', 'legal', '在法院上班'],
    ['我要让你们付出代价', 'L3', 'extreme_act', '让你们付出代价'],
    ["I'll make you pay for this.", 'L3', 'extreme_act', 'make you pay for this'],
    ['他们威胁我要砸了我的车', 'L3', 'organised_crime', '威胁我要砸'],
    [
      'The debt collector threatened to break my legs.',
      'L3',
      'organised_crime',
      'threatened to break',
    ],
    // Also read as a lawyer ("attorney"); exceptions are global, so both reasons stand.
    [
      "The state attorney general's office has my complaint.",
      'L3',
      'regulator',
      "attorney general's office has my complaint",
    ],
  ])('at work %j → %s (%s: %s)', (text, level, rule, quote) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons).toContainEqual({ rule, level, detail: quote });
  });

  it.each([
    'The bank is investigating the transaction.',
    'The engineer filmed the meter for his report.',
    'My TV is stuck on Channel 4.',
    "I'm interested in the story behind your brand.",
    '我想问问12345的工单怎么查',
    "I'm a barrister and this is a clear breach.",
  ])('at work %j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });

  // Ordinary messages that hold the new words: a ticket accepted by customer service, a
  // relative's internship, a post about a promotion, parts and adverts, a lawyer's advice kept.
  it.each([
    '你们的客服说已经受理了我的退货申请',
    '我在报社旁边的店买的，能换货吗',
    '我女儿在电视台实习，周末才能去取件',
    '这个帖子已经火了好几天，你们的活动到底还有没有',
    '我想问一下起诉状怎么写，是帮朋友问的',
    '门夹住了快递盒，取不出来',
    '手机电池有点膨胀，能换电池吗',
    '支架断了一根，能补发一个吗',
    '新闻里说今年的燃气费要涨',
    '抖音上几万人点赞的那款面膜什么时候补货',
    'I was in touch with your sales team about a quote.',
    'The case with the broken zip needs replacing.',
    'The dispute with my landlord is sorted, I just need the deposit protection certificate.',
    'My son is a reporter for the school newspaper and wants to interview your manager about careers.',
    'Please make sure everyone knows the meeting is at 3.',
    'The driver was on his phone to me to find the address, which was fine.',
    "I'll cover the costs of the return postage myself.",
    'We had the car in for the same service last year.',
    'It has been repaired and it works perfectly now, thank you.',
    'The filmed tutorial on your website is great.',
    'Our station already aired your advert last month, where is the invoice?',
    "Channel 4 isn't showing on the box you sent.",
    'The third engineer on the list was great.',
    'My account was mentioned in your email.',
    'The drunk tank scene in the film was hilarious, but the DVD skips.',
    'You were featured in our newsletter, thanks for the discount code.',
  ])('ordinary %j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });

  // A last probe of every class in plain words (most already read before this round; kept so a
  // narrowing cannot lose them): an ombudsman's ruling is a regulator, not a suit; sit-ins told
  // plainly; a stair gate coming away from the wall; a news crew coming round.
  it.each<[string, SeverityLevel, string, string]>([
    ['这事都上央视了', 'L3', 'media', '上央视'],
    ['我们的维权视频被好几个大V转发了', 'L4', 'already_exposed', '转发了'],
    ['这件事已经在业主群和网上发酵了', 'L4', 'already_exposed', '网上发酵'],
    ['你们的事在知乎上已经上了热榜', 'L4', 'already_exposed', '上了热榜'],
    ['律师函我已经寄给你们法务了', 'L3', 'legal', '律师函'],
    ['法院已经通知你们领传票了吧', 'L4', 'already_sued', '传票'],
    ['我已经申请了劳动仲裁，下周开庭', 'L4', 'already_sued', '已经申请了劳动仲裁'],
    ['我们已经向法院递交了诉状', 'L3', 'legal', '向法院'],
    ['我已经在网上立案了，等审核', 'L4', 'already_sued', '立案了'],
    ['已向银保监局递交了书面投诉', 'L3', 'regulator', '向银保监'],
    ['已经在国务院客户端上留言了', 'L3', 'regulator', '国务院客户端上留言'],
    ['我已经打了三次12345了', 'L3', 'regulator', '打了三次12345'],
    [
      "I've put in a complaint with the Ombudsman and they've accepted it.",
      'L3',
      'regulator',
      'complaint with the Ombudsman',
    ],
    ['The Ombudsman found in my favour.', 'L3', 'regulator', 'Ombudsman found in my favour'],
    [
      "I've escalated to the regulator and they've opened a case.",
      'L3',
      'regulator',
      'escalated to the regulator',
    ],
    [
      'The Advertising Standards Authority upheld my complaint.',
      'L3',
      'regulator',
      'Advertising Standards Authority upheld my complaint',
    ],
    ['My MP has written to your CEO.', 'L3', 'regulator', 'My MP has written to your'],
    ["I'm taking this to the papers tomorrow morning.", 'L3', 'media', 'taking this to the papers'],
    [
      'The local news crew is coming round tomorrow.',
      'L3',
      'media',
      'The local news crew is coming round',
    ],
    ['I got my court date today.', 'L4', 'already_sued', 'court date'],
    ['My lawyer has sent you a letter before action.', 'L3', 'legal', 'My lawyer'],
    ["I've instructed solicitors.", 'L3', 'legal', 'instructed solicitors'],
    ['The judge awarded me costs.', 'L4', 'already_sued', 'judge awarded'],
    ['I had to go to A&E after the chair collapsed.', 'L3', 'safety', 'A&E'],
    ["The pram's brake failed on a hill.", 'L3', 'safety', 'brake failed'],
    [
      'The stair gate came away from the wall with my toddler leaning on it.',
      'L3',
      'safety',
      'came away from the wall',
    ],
    ['My son got an electric shock from the light switch.', 'L3', 'safety', 'electric shock'],
    ['The heater caught fire in the night.', 'L3', 'safety', 'caught fire'],
    [
      "The toy's small parts came off and my baby put one in her mouth.",
      'L3',
      'safety',
      'put one in her mouth',
    ],
    ['我被你们的狗咬了', 'L3', 'safety', '被你们的狗咬'],
    ['孩子从滑梯上摔下来磕破了头', 'L3', 'safety', '磕破了头'],
    ['我老公吃了你们的药过敏进了医院', 'L3', 'safety', '过敏'],
    ['小区的井盖松了，我踩上去差点掉进去', 'L3', 'safety', '差点掉进'],
    ['你们送的电暖器插上就跳闸冒火花', 'L3', 'safety', '冒火'],
    ['我实在活不下去了，你们看着办吧', 'L3', 'extreme_act', '活不下去'],
    ['你们再这样我就去你们总部门口坐着不走了', 'L3', 'extreme_act', '总部门口坐着不走了'],
    ['我今天就在你们店里不走了', 'L3', 'extreme_act', '店里不走了'],
    [
      "I'm going to sit in your branch until someone sees me.",
      'L3',
      'extreme_act',
      'sit in your branch until',
    ],
    [
      "If I lose the house I don't know what I'll do.",
      'L3',
      'extreme_act',
      "I don't know what I'll do",
    ],
    [
      "I'll be outside your office every day until I get my money.",
      'L3',
      'extreme_act',
      'outside your office every day',
    ],
    ['The Ombudsman found in my favour.', 'L3', 'regulator', 'Ombudsman found in my favour'],
  ])('plain %j → %s (%s: %s)', (text, level, rule, quote) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons).toContainEqual({ rule, level, detail: quote });
  });

  it.each([
    'The technician is coming round tomorrow at 10.',
    'The film crew were lovely but the catering was cold.',
    '我在门口等了半天不走了也没人理',
  ])('plain %j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });
});

describe('R-SEV-1 classes from the fifth blind set (heldout-6)', () => {
  // Our own sentences for the classes heldout-6 missed, in other surface forms: a programme named in
  // its brackets, likes counted in Chinese numerals, words spelt in pinyin or shorthand (报jing,
  // lvshi, xhs, 一二三一五), counsel retained, repairs counted with the object between, debt
  // collectors' menace, infections and lifts dropping, a bill laid on the company, a trade body's code.
  it.each<[string, SeverityLevel, string, string]>([
    ['我家孩子回来脸上有两道抓痕，幼儿园说不清楚。', 'L3', 'safety', '脸上有两道抓痕'],
    ['不给个说法我就报jing了。', 'L3', 'police', '报jing'],
    ['我已经打了一二三一五，他们说会转给你们。', 'L3', 'regulator', '打了一二三一五'],
    ['这事我咨询过lvshi，你们的条款不成立。', 'L3', 'legal', '咨询过lvshi'],
    ['第四次把洗衣机送修了，还是漏水。', 'L3', 'repeated_repair', '第四次把洗衣机送修'],
    ['维修站的师傅都认识我了，每个月都去。', 'L3', 'repeated_repair', '师傅都认识我了'],
    ['准备发xhs让大家避雷。', 'L3', 'media', '发xhs'],
    ['我要写个避雷帖提醒一下大家。', 'L3', 'media', '写个避雷帖'],
    ['自动泊车直接撞上了旁边的车。', 'L3', 'safety', '自动泊车直接撞'],
    ['自动驾驶直接把车开到了墙上。', 'L3', 'safety', '自动驾驶直接把车'],
    // The droppers are narrow: a report already made stays one.
    [
      "I've already reported you to trading standards, just letting you know.",
      'L3',
      'regulator',
      'reported you to',
    ],
    ['我已经报警了，不想麻烦他们再跑一趟，你们自己把钱退了。', 'L3', 'police', '已经报警'],
    ['电梯突然下坠，里面还有老人。', 'L3', 'safety', '电梯突然下坠'],
    ['孩子戴了你们的泳镜，害得孩子得了结膜炎。', 'L3', 'safety', '害得孩子得了结膜炎'],
    ['他们家暴力催收，电话打到我单位。', 'L3', 'organised_crime', '暴力催收'],
    ['催收的人威胁说要来我家。', 'L3', 'organised_crime', '催收的人威胁'],
    ['《消费主张》昨晚已经播了这件事。', 'L4', 'already_exposed', '》昨晚已经播了'],
    ['我的帖子已经两万多个赞了。', 'L4', 'already_exposed', '两万多个赞'],
    ['这条视频下面几千条评论。', 'L4', 'already_exposed', '几千条评论'],
    [
      'I have retained counsel regarding the fall in your car park.',
      'L3',
      'legal',
      'retained counsel',
    ],
    [
      'The bike has been back to the workshop three times for the same brake fault.',
      'L3',
      'repeated_repair',
      'workshop three times for the same',
    ],
    [
      'Third time was not the charm with your engineers.',
      'L3',
      'repeated_repair',
      'Third time was not the charm',
    ],
    [
      'Which government department licenses your nursery? I want to raise this with them.',
      'L3',
      'regulator',
      'Which government department licenses your',
    ],
    [
      'That breaches the industry code of practice and the trade association will hear from me.',
      'L3',
      'regulator',
      'breaches the industry code of practice',
    ],
    [
      "Collection agents who threatened my family said they knew my kids' school.",
      'L3',
      'organised_crime',
      'Collection agents who threatened',
    ],
    [
      "The debt collectors turned up at my mother's house.",
      'L3',
      'organised_crime',
      'debt collectors turned up at',
    ],
    [
      "The dentist's bill is attached and I want it refunded by you.",
      'L3',
      'compensation',
      'bill is attached and I want',
    ],
    [
      'Your swimming pool gave my son an eye infection.',
      'L3',
      'safety',
      'gave my son an eye infection',
    ],
    ['The lift dropped two floors with us inside.', 'L3', 'safety', 'dropped two floors'],
    [
      'It goes live on every platform I have tonight unless you reply.',
      'L3',
      'media',
      'goes live on every platform',
    ],
    [
      "I was on last night's TV news about your broken gate.",
      'L4',
      'already_exposed',
      "was on last night's TV news",
    ],
    [
      'The article about your company went live this morning.',
      'L4',
      'already_exposed',
      'article about your company went live',
    ],
    [
      "I've had enough, the consumer council can sort it out.",
      'L3',
      'regulator',
      'consumer council can sort it out',
    ],
  ])('%j → %s (%s: %s)', (text, level, rule, quote) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons).toContainEqual({ rule, level, detail: quote });
  });

  // Near misses: the same words where nothing is raised — a relative who is a lawyer with the
  // ordinary path asked for, 黑社会 in a game or a joke, a place by the court, safety named to deny
  // it, a threat dropped, old compensation settled, a billing error "twice for the same".
  it.each([
    '我老公是律师，不过这点小事不想麻烦他，帮我改个地址就行。',
    '我姐姐在报社上班，她说按正常流程走就行，麻烦你们处理退款。',
    '之前上过热搜的那款蛋糕还有货吗？',
    '以前也上过热搜，所以我才来你们店，结果等了很久，建议改进。',
    '剧本杀里“黑社会老大”这个角色的台词卡印错了。',
    '这价格比黑社会还狠，开玩笑的，能便宜点吗？',
    '看了电影《黑社会》之后来你们影院买的周边，尺码不对。',
    '去年的赔偿已经到账了，这次只是想改一下收货地址。',
    '这不算安全问题，就是门把手有点松。',
    '我家就在法院门口的小区，快递一直送错。',
    '我住在人民法院门口那边的楼，外卖总是找不到。',
    "I was going to complain to the ombudsman, but it's not worth my time; just fix the typo.",
    'Just letting you know the app logo looks blurry on my phone.',
    'The collection agents were polite and explained the payment plan.',
    'I want it covered in gift wrap, please.',
    'The vet bill is attached for the insurance form you asked for.',
    'Your infected-wound guide on the website has a broken link.',
    'Which department handles returns at your company?',
    'Not sure who to ask about the delivery slot.',
    'The new menu goes live on the app tomorrow.',
    "I saw your advert on last night's news channel break.",
    "I've been back to your shop twice for the same jumper in a different size.",
    '这是我第三次把订单号发给你们了，请查一下。',
    '维修师傅人很好，修得很快。',
    '小孩手臂上有蚊子包，想问问驱蚊液在哪买。',
    '我把车停到了柱子旁边，停车位太窄了。',
    '电梯有点慢，能不能调一下。',
    '她说的《民生直通车》什么时候播出？',
    'The lift dropped me off at the wrong floor because the buttons are mislabeled.',
    'The consumer council can sort out the leaflet printing for the fair, just tell me the date.',
    '沙发上有两道抓痕，是发货前就有的吗？',
    '我看到别人的避雷帖说你们家不错，就来买了。',
    '我有结膜炎，能用你们的隐形眼镜护理液吗？',
    'Can I wear these lenses if I have an eye infection?',
    'Does the conjunctivitis cream come in a bigger tube?',
    '倒车的时候撞到了柱子，想问你们保险杠多少钱。',
    'My dog came back limping from the park, so I need to reschedule the grooming.',
    'I was charged twice for the same item, please refund one.',
    '我表哥在电视台上班，他说按正常流程走就行。',
    '这游戏的黑社会任务太难了，能不能调低难度？',
    "I'd planned to ring the consumer council, but my son fixed it, so I'm just letting you know the form is confusing.",
  ])('%j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });

  // Numbers: amounts taken from the customer (收了我1.2w, 骗了一万一), headcounts in 号人, English
  // words and mixed language, acting together by a joint letter, coming in, a business gone
  // overnight; a voucher the company gave is its offer. Near misses: a voucher bought, people
  // who only stood in a queue, 3号人工窗口.
  it.each<[string, SeverityLevel, string]>([
    ['维修费收了我1.5w，修完还是不能用。', 'L4', 'amount_special_major'],
    ['被中介坑了两万三，现在联系不上人。', 'L4', 'amount_special_major'],
    ['网上被骗了一万一，平台不管。', 'L4', 'amount_special_major'],
    ['整个车间四十多号人吃了食堂的饭都吐了，我们要个说法。', 'L4', 'headcount_special_major'],
    [
      'A dozen parents are coming in on Monday about the lunch charges.',
      'L4',
      'headcount_special_major',
    ],
    ['我们小区 twenty households 一起停水三天了。', 'L4', 'headcount_special_major'],
    [
      'Three hundred members paid upfront and the gym closed overnight.',
      'L4',
      'headcount_special_major',
    ],
    ['健身房跑路了，三十多号人的年卡都没退。', 'L4', 'headcount_special_major'],
    ['Five tenants have agreed to sign a joint letter about the heating.', 'L3', 'headcount_major'],
    ['你们给了一张50块的券，我的实际损失至少200块。', 'L3', 'claim_over_offer'],
    ['They gave me a £10 voucher but I lost £80 on the ruined meal.', 'L3', 'claim_over_offer'],
    ['只给发了个20元红包，我光打车就花了100元。', 'L3', 'claim_over_offer'],
    ['我买了一张50块的券，用的时候说过期了。', 'L1', 'default'],
    ['They only gave me a £10 voucher for a £15 meal, fair enough.', 'L1', 'default'],
    ['收了2万个快递都没出过错，这次怎么丢了？', 'L1', 'default'],
    ['Five parents were in the queue ahead of me at the till.', 'L1', 'default'],
    ['A dozen customers were waiting when the shop opened.', 'L1', 'default'],
    ['3号人工窗口一直没人。', 'L1', 'default'],
    ['我们家三口人办了一张卡，想问怎么加副卡。', 'L1', 'default'],
    ['Two members of staff were chatting and ignored me.', 'L1', 'default'],
    ['Six students need to sign the attendance sheet, where is it?', 'L1', 'default'],
    ['Five people in the joint account? No, please fix the form.', 'L1', 'default'],
    ['快递站收了一万多个包裹，我的找不到了。', 'L1', 'default'],
    ['我们有二十几个 members 一起投诉。', 'L4', 'headcount_special_major'],
  ])('numbers %j → %s (%s)', (text, level, rule) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons.map((r) => r.rule)).toContain(rule);
  });
  // Probing past heldout-6 (written after the set was fixed): pages of a paper, a claim the court
  // accepted, collectors at the family.
  it.each<[string, SeverityLevel, string, string]>([
    [
      "The story is on page 5 of today's Evening Standard.",
      'L4',
      'already_exposed',
      'page 5 of today',
    ],
    ['It made page 3 of the Metro this morning.', 'L4', 'already_exposed', 'made page 3'],
    ['今天的晚报第三版登了你们的事。', 'L4', 'already_exposed', '晚报第三版登了'],
    ['The Herald ran it on page two yesterday.', 'L4', 'already_exposed', 'ran it on page'],
    // A "since" after a threat word dates what follows: it happened.
    [
      "I'll say this: ever since my post went viral you've been ignoring me.",
      'L4',
      'already_exposed',
      'went viral',
    ],
    [
      'Small claims court has accepted my claim against you.',
      'L4',
      'already_sued',
      'court has accepted my claim',
    ],
    [
      'The consumer council has opened a case against you.',
      'L3',
      'regulator',
      'has opened a case against you',
    ],
    [
      'The bailiffs you sent threatened my elderly father.',
      'L3',
      'organised_crime',
      'bailiffs you sent threatened',
    ],
    [
      'My claim was accepted by the small claims court last week.',
      'L4',
      'already_sued',
      'claim was accepted by the small claims court',
    ],
    [
      'Your debt collectors keep phoning my elderly mother and threatening her.',
      'L3',
      'organised_crime',
      'debt collectors keep phoning',
    ],
    ['催收的打电话给我爸妈骂人，还说要上门。', 'L3', 'organised_crime', '催收的打电话'],
    [
      '有人打电话说是你们公司的催收，说不还钱就找到我单位去。',
      'L3',
      'organised_crime',
      '就找到我单位去',
    ],
  ])('%j → %s (%s: %s)', (text, level, rule, quote) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons).toContainEqual({ rule, level, detail: quote });
  });

  // …and their near misses: a catalogue page, an insurer accepting a claim, a game, a joke, a fix
  // that came before the threat was carried out.
  it.each([
    'Page 3 of the manual is missing from the box.',
    'The recipe on page 5 of your catalogue has a typo.',
    '这本书第三版登了勘误表，我买的是第二版。',
    'My claim was accepted by your insurance team, when will it be paid?',
    'Your team kept calling me about a survey, please stop.',
    'The drop-off point is the parcel shop opposite the county court.',
    '我去找到我家那边的门店去问了，他们说不知道。',
    '我在游戏里被黑社会NPC打了，任务失败了，能补偿点道具吗？',
    '你们客服态度跟黑社会似的，开玩笑啦，就是想催一下发货。',
    'I thought about going to trading standards, but you fixed it the next day, thanks.',
  ])('%j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });
});

describe('R-SEV-1 classes from the sixth blind set (heldout-7)', () => {
  // Our own sentences for the classes heldout-7 missed, in other surface forms: a paper named in
  // its brackets by page, a paper that printed it, a radio phone-in, reach counted after the word,
  // a small-claims case filed, hazards told as events (a ride stopped at its top, a lift sliding
  // floors, an appliance bursting, the fire brigade come, furniture toppling, someone shut in a
  // lift, a near miss by inches), going to the company's roof or premises, no way left to live,
  // repairs counted by report or visit, bodies by their initials and "next stop".
  it.each<[string, SeverityLevel, string, string]>([
    ['《城市晨报》第二版登了我们的投诉。', 'L4', 'already_exposed', '报》第二版'],
    ['这件事《商报》上刊登了，你们还不回应？', 'L4', 'already_exposed', '报》上刊登了'],
    [
      'I went to the Gazette and the paper printed it with photos of the damp.',
      'L4',
      'already_exposed',
      'the paper printed it',
    ],
    [
      'The Chronicle printed it on Sunday, front and centre.',
      'L4',
      'already_exposed',
      'printed it on Sunday',
    ],
    [
      'Radio Kent ran a phone-in about your letting agency this morning.',
      'L4',
      'already_exposed',
      'ran a phone-in',
    ],
    ['我发的那个帖子评论三千多条了。', 'L4', 'already_exposed', '评论三千多条'],
    ['我那条微博被转了五千多次，你们还装看不见。', 'L4', 'already_exposed', '被转了五千多次'],
    [
      'My small claims case is filed and you will get the papers.',
      'L4',
      'already_sued',
      'small claims case is filed',
    ],
    ['The hearing is on 3 March at the county court.', 'L4', 'already_sued', 'hearing is on 3'],
    ['摩天轮卡在半空中一个多小时，没人来管。', 'L3', 'safety', '卡在半空中'],
    ['跳楼机停在了最高点十分钟，孩子吓哭了。', 'L3', 'safety', '停在了最高点'],
    ['电梯从12楼直接溜到了3楼，吓死人。', 'L3', 'safety', '楼直接溜到'],
    ['高压锅突然爆了，锅盖飞到了天花板上。', 'L3', 'safety', '高压锅突然爆了'],
    ['消防已经来了，整层楼都疏散了。', 'L3', 'safety', '消防已经来了'],
    ['你们装的书柜突然倒下来，幸亏孩子不在旁边。', 'L3', 'safety', '柜突然倒下来'],
    ['电梯把我妈困在里面四十分钟，物业电话打不通。', 'L3', 'safety', '电梯把我妈困在'],
    ["The ride's restraint trapped my son for an hour.", 'L3', 'safety', 'trapped my son'],
    [
      'The mirror you fitted came off the wall and missed my daughter by inches.',
      'L3',
      'safety',
      'missed my daughter by inches',
    ],
    [
      'We were stuck upside down on the loop for twenty minutes.',
      'L3',
      'safety',
      'stuck upside down',
    ],
    [
      'The elevator suddenly plunged from the ninth floor to the sixth.',
      'L3',
      'safety',
      'elevator suddenly plunged from',
    ],
    ['再不退钱我就去你们公司楼顶站着。', 'L3', 'extreme_act', '去你们公司楼顶'],
    ['我弟说明天要去营业厅闹，我管不了他。', 'L3', 'extreme_act', '去营业厅闹'],
    ['钱全被你们骗光了，我真的没活路了。', 'L3', 'extreme_act', '没活路'],
    [
      "After what your loan did to us I can't see the point of living.",
      'L3',
      'extreme_act',
      "can't see the point of living",
    ],
    [
      'My brother says he will cause a scene at your branch tomorrow.',
      'L3',
      'extreme_act',
      'cause a scene at your branch',
    ],
    ['这已经是第三次报修了，热水器还是不出热水。', 'L3', 'repeated_repair', '第三次报修'],
    [
      'This is the fifth visit for the same boiler and it still cuts out.',
      'L3',
      'repeated_repair',
      'the fifth visit',
    ],
    ['Next stop: the ombudsman.', 'L3', 'regulator', 'Next stop: the ombudsman'],
    ['下一步就是12315，你们自己看着办。', 'L3', 'regulator', '下一步就是12315'],
    [
      'The lift is still broken and I have reported it to the EMSD.',
      'L3',
      'regulator',
      'reported it to the EMSD',
    ],
    // What is not a false major any more stays a major said otherwise.
    ['厨房的火灾责任在你们，锅都烧穿了。', 'L3', 'safety', '火灾'],
    ['我要在你们微博下面曝光你们。', 'L3', 'media', '微博下面曝光'],
    ['换了别人可能算了，我是一定要投诉到消协的。', 'L3', 'regulator', '到消协'],
    ['客服说不用赔偿，我坚持要求赔偿。', 'L3', 'compensation', '赔偿'],
    [
      'See you in court if the court booking fee is not refunded.',
      'L3',
      'legal',
      'See you in court',
    ],
  ])('%j → %s (%s: %s)', (text, level, rule, quote) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons).toContainEqual({ rule, level, detail: quote });
  });

  // Near misses: marketing and reading words (曝光价, 刷到你们抖音, exposed brick), insurance
  // pages, a heart hurt as a figure of speech, courts for sport, Cantonese negations, threats
  // someone else would make or declined after they were said, a book's edition, a count too small
  // to be reach, the roof or the shop as places, furniture and lifts told without a hazard.
  it.each([
    '双十一曝光价299，付款时变成了329，请退差价。',
    '刷到你们抖音发的新品，想问什么时候上架？',
    '上过热搜的爆款耳机什么时候补货？',
    'The flat listing says exposed brickwork but it has been plastered over.',
    'Your café has lovely exposed beams but the wifi keeps dropping.',
    '意外理赔的材料应该寄到哪里？',
    '保单里“火灾责任”这一条是什么意思？',
    'My accident claim from last year was settled; please update my address.',
    'The fire cover page in your app will not load.',
    '孩子说心都受伤了，因为活动取消了，下次早点通知。',
    'Badminton court 2 has a broken light.',
    'We booked court 4 but the court gate code does not work.',
    '唔使賠償，寄返個零件俾我就得。',
    '冇人受傷，不過個門鉸要整下。',
    '换做别人早就去找媒体了，我就想把快递找回来。',
    'If it were a larger sum I would go to the regulator, but just refund the £4 fee.',
    "I could take it to the ombudsman, but just refund the fee and we're good.",
    '报警倒不至于，就是想让你们把多收的钱退了。',
    '我姑姑是律师，她说可以帮我看看合同，我说不用了。',
    '我朋友在报社上班，他说这点事没必要较真，麻烦你们改个地址。',
    'My cousin is a reporter and offered to write it up; I told him not to bother.',
    '《用户手册》第3版的说明写错了。',
    '这条视频评论三条，怎么看不到我的？',
    '你们公司楼顶的广告牌灯坏了。',
    '楼顶漏水，你们物业什么时候来修？',
    '孩子在店里闹着要玩具，店员很耐心。',
    "I don't see the point of the new menu layout.",
    'Our third visit to your restaurant was lovely, but the bill was wrong.',
    'The door trapped my shopping bag and ripped it.',
    'I missed the bus by inches because your timetable was wrong.',
    'The next step is to choose a size, right?',
    '股价停在高位，我想问一下你们APP的行情怎么不刷新。',
  ])('%j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });

  // Numbers: money paid in (交了, 交咗), a loss reckoned roughly (粗算), a quote against an offer,
  // Cantonese people together (我哋); the case's age in half years, and told without a tense
  // ("since January we complain already, now April"). Near misses: data submitted, a date that is
  // not a duration, a month too short.
  it.each<[string, SeverityLevel, string]>([
    ['报名费一共交了一万二，课没上几节机构就关门了。', 'L4', 'amount_special_major'],
    ['水管爆了，家里损失粗算有三万多。', 'L4', 'amount_special_major'],
    ['你们只肯赔200，师傅的报价是800。', 'L3', 'claim_over_offer'],
    ['They offered £50, but the quote for the repair is £300.', 'L3', 'claim_over_offer'],
    ['我哋成班十二個家長夾埋一齊投訴。', 'L4', 'headcount_special_major'],
    ['去年12月投诉到现在半年了，还是没人处理。', 'L4', 'aging'],
    ['Since January we complain already, now April still nobody fix the lift.', 'L4', 'aging'],
    ['我在你们平台提交了两万条评价数据，导出失败。', 'L1', 'default'],
    ['从5月3号投诉到现在6月10号，还没回复。', 'L1', 'default'],
    [
      'Since January I complain already, now February and still waiting for the card.',
      'L1',
      'default',
    ],
  ])('numbers %j → %s (%s)', (text, level, rule) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons.map((r) => r.rule)).toContain(rule);
  });

  // Probing past heldout-7 (written after the set was fixed): Cantonese police and premises, a
  // banner carried, "and make a scene", a paper dated, "next stop" without a verb.
  it.each<[string, SeverityLevel, string, string]>([
    ['我哋已經報咗警。', 'L3', 'police', '已經報咗警'],
    ['我老公話要去你哋舖頭鬧。', 'L3', 'extreme_act', '去你哋舖頭鬧'],
    ['我准备带着横幅去你们总部门口。', 'L3', 'extreme_act', '带着横幅'],
    ["I'll come down to your shop and make a scene.", 'L3', 'extreme_act', 'and make a scene'],
    ['《晚报》昨天登了我们小区的事。', 'L4', 'already_exposed', '晚报》昨天登了'],
    ['下一站消协。', 'L3', 'regulator', '下一站消协'],
    // The new negations, denials and droppers are narrow: these still threaten.
    ['换个人处理不然我就投诉到消协', 'L3', 'regulator', '到消协'],
    ['我要起诉你们，我没同意这笔扣费', 'L3', 'legal', '起诉'],
    ['再不处理我就找媒体，你们不至于让我这么做吧？', 'L3', 'media', '找媒体'],
    [
      'I will file a case in the consumer forum.',
      'L3',
      'legal',
      'file a case in the consumer forum',
    ],
    ['雲霄飛車卡喺半空，個仔喊到冇聲。', 'L3', 'safety', '卡喺半空'],
    ['電梯由12樓跌落3樓。', 'L3', 'safety', '樓跌落'],
    ['缆车停在半空不动，广播也没有。', 'L3', 'safety', '停在半空'],
    ['那个大摆锤在空中停了二十分钟。', 'L3', 'safety', '在空中停了'],
    [
      'The big wheel broke down and we were left dangling for 40 minutes.',
      'L3',
      'safety',
      'left dangling',
    ],
    ['The cable car stopped mid-air for an hour.', 'L3', 'safety', 'stopped mid-air'],
    ['The lift fell from the 5th floor to the 2nd.', 'L3', 'safety', 'lift fell from'],
    [
      'The escalator suddenly reversed and my mother fell.',
      'L3',
      'safety',
      'escalator suddenly reversed',
    ],
    ['佢哋話唔會賠，我要去小額錢債審裁處。', 'L3', 'legal', '小額錢債'],
    // Other domains the blind set wrote in (clinics, pharmacies, shops, banks).
    ['病历上医生把药量写错了，孩子吃了两天才发现。', 'L3', 'safety', '药量写错'],
    ['孩子在你们店门口被狗咬了。', 'L3', 'safety', '被狗咬'],
    ['你们小区的狗把我孩子咬了。', 'L3', 'safety', '把我孩子咬'],
    ['A stray dog bit my son in your car park.', 'L3', 'safety', 'bit my son'],
    ['The ceiling tile fell on a customer in your store.', 'L3', 'safety', 'fell on a customer'],
    ["The pharmacist gave me my neighbour's insulin.", 'L3', 'safety', "neighbour's insulin"],
    ["I'm going to the FOS about the mis-sold policy.", 'L3', 'regulator', 'going to the FOS'],
    ['My MP has been copied in.', 'L3', 'regulator', 'My MP has been copied in'],
    ["I've contacted Which? Legal about this.", 'L3', 'media', 'contacted Which? Legal'],
    [
      'The consumer court case is listed for next month.',
      'L4',
      'already_sued',
      'consumer court case is listed',
    ],
  ])('%j → %s (%s: %s)', (text, level, rule, quote) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons).toContainEqual({ rule, level, detail: quote });
  });

  // …and their near misses: a count as a goal, a hearing that is not a court's, a question.
  it.each([
    '这个视频播放1000次就有奖励吗？',
    'The hearing is on my mind every day.',
    '下一步就是退款吗？',
    'I missed the call by inches.',
    '无人机停在空中了，遥控没反应。',
    'The dog bit the toy we bought from you, it is not very strong.',
    '孩子把玩具咬坏了，质量太差。',
    'Can you tell me which?',
    '我同学在电视台，她说要帮我曝光，我没同意。',
    '我老公是律师，他说不值得为这点钱打官司。',
    '没必要起诉，把钱退了就行。',
    "Had it been my car I'd have called the police, but it's only a scratch on the bin.",
  ])('%j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });
});

describe('R-SEV-2 amount, headcount and offer thresholds', () => {
  it.each<[number, SeverityLevel, string[]]>([
    // Inclusive ("以上" includes the number); 10,000 and above is special major (issue #13).
    [0, 'L1', ['default']],
    [9_999.99, 'L1', ['default']],
    [10_000, 'L4', ['amount_special_major']],
    [50_001, 'L4', ['amount_special_major']],
  ])('amount claimed %d → %s', (amountClaimed, level, expected) => {
    const result = assessSeverity({ text: '', amountClaimed });
    expect(result.level).toBe(level);
    expect(result.reasons.map((r) => r.rule)).toEqual(expected);
  });

  it('reports the amount and the highest threshold it reached, once', () => {
    expect(assessSeverity({ text: '', amountClaimed: 20_000 }).reasons).toEqual([
      { rule: 'amount_special_major', level: 'L4', value: 20_000, threshold: 10_000 },
    ]);
  });

  it.each<[number, SeverityLevel, string[]]>([
    [1, 'L1', ['default']],
    [4, 'L1', ['default']],
    [5, 'L3', ['headcount_major']],
    [9, 'L3', ['headcount_major']],
    [10, 'L4', ['headcount_special_major']],
    [200, 'L4', ['headcount_special_major']],
  ])('headcount %d → %s', (headcount, level, expected) => {
    const result = assessSeverity({ text: '', headcount });
    expect(result.level).toBe(level);
    expect(result.reasons.map((r) => r.rule)).toEqual(expected);
  });

  it.each<[number, number | undefined, SeverityLevel]>([
    [2_100, 1_000, 'L3'], // 2.1 × the offer
    [2_000, 1_000, 'L3'], // exactly 2 ×: "超出…1倍以上" includes it (issue #13)
    [1_999.99, 1_000, 'L1'],
    [900, 1_000, 'L1'],
    [2_100, undefined, 'L1'], // no offer yet
    [2_100, 0, 'L1'], // an offer of 0 counts as no offer
  ])('claim %d against an offer of %s → %s', (amountClaimed, amountOffered, level) => {
    const result = assessSeverity({ text: '', amountClaimed, amountOffered });
    expect(result.level).toBe(level);
    if (level === 'L3') {
      expect(result.reasons).toEqual([
        {
          rule: 'claim_over_offer',
          level: 'L3',
          detail: '2',
          value: amountClaimed,
          threshold: 2 * amountOffered!,
        },
      ]);
    }
  });
});

describe('R-SEV-3 L2 triggers: channel, category, reopened, second complaint', () => {
  it.each(
    CHANNELS.map((c): [Channel, SeverityLevel] => [
      c,
      c === 'letter' || c === 'referral' ? 'L2' : 'L1',
    ]),
  )('channel %s → %s', (channel, level) => {
    const result = assessSeverity({ text: '', channel });
    expect(result.level).toBe(level);
    if (level === 'L2')
      expect(result.reasons).toEqual([{ rule: 'important_channel', level, detail: channel }]);
  });

  it.each<[string, SeverityLevel]>([
    ['service_attitude', 'L2'],
    ['product_quality', 'L1'],
    ['delivery', 'L1'],
  ])('category %s → %s', (category, level) => {
    expect(assessSeverity({ text: '', category }).level).toBe(level);
  });

  it.each<[number, SeverityLevel]>([
    [1, 'L1'],
    [2, 'L2'],
    [3, 'L2'],
  ])('round %d → %s', (round, level) => {
    expect(assessSeverity({ text: '', round }).level).toBe(level);
  });

  it('reports the round of a reopened case', () => {
    expect(assessSeverity({ text: '', round: 3 }).reasons).toEqual([
      { rule: 'reopened', level: 'L2', value: 3 },
    ]);
  });

  it.each<[boolean | undefined, SeverityLevel]>([
    [true, 'L2'],
    [false, 'L1'],
    [undefined, 'L1'],
  ])('secondComplaint %s → %s', (secondComplaint, level) => {
    expect(assessSeverity({ text: '', secondComplaint }).level).toBe(level);
  });
});

describe('R-SEV-1 classes from the seventh blind set (heldout-8)', () => {
  // Our own sentences (none from heldout-8; other trades and registers), each failing on the
  // rules before this round: a thing and what happened to it, words between (composed
  // `states`: devices that failed, electrics that burn or leak, walls cut, a swimmer in trouble,
  // something in the food, an injury by its treatment, a loss to make good, a repair counted by
  // its ordinal), published told after its medium or in the passive, a body learning of it,
  // copies sent to it, narrowly missed crashes, what one might do to oneself, a family threatened.
  it.each<[string, SeverityLevel, string, string]>([
    ['车子保养完第二天手刹就拉不住了，停在坡上往下溜。', 'L3', 'safety', '手刹就拉不住'],
    [
      'Two days after the service the brakes on my van went soft on the motorway.',
      'L3',
      'safety',
      'brakes on my van went soft',
    ],
    ['新买的电热毯用了一晚上，插头那里有股焦味。', 'L3', 'safety', '插头那里有股焦味'],
    ['物业换的燃气阀一直关不严，我们晚上都不敢睡。', 'L3', 'safety', '燃气阀一直关不严'],
    [
      'The extension lead you sold me melted at the plug end.',
      'L3',
      'safety',
      'extension lead you sold me melted',
    ],
    ['隔壁装修把承重墙打掉了一半，我家天花板已经裂了。', 'L3', 'safety', '承重墙打掉'],
    [
      'The builders removed a load-bearing wall without any props and now the ceiling is sagging.',
      'L3',
      'safety',
      'removed a load-bearing wall',
    ],
    [
      '我儿子在你们水上乐园的儿童池呛了水，救生员半天才过来。',
      'L3',
      'safety',
      '水上乐园的儿童池呛了水',
    ],
    [
      'My daughter went under in your swimming pool and nobody on duty noticed.',
      'L3',
      'safety',
      'went under in your swimming pool',
    ],
    ['给宝宝买的米粉里吃出了活虫，孩子已经吃了一周。', 'L3', 'safety', '米粉里吃出了活虫'],
    [
      "There was a cockroach in my takeaway curry, I'd already eaten half.",
      'L3',
      'safety',
      'cockroach in my takeaway',
    ],
    [
      "My son's chin needed staples after he hit the edge of your counter.",
      'L3',
      'safety',
      'chin needed staples',
    ],
    ['被你们耽误了一周，误工的工资谁来补给我？', 'L3', 'compensation', '误工的工资谁来补给'],
    ['洗碗机第五回坏了，你们的售后就是摆设。', 'L3', 'repeated_repair', '第五回坏'],
    [
      'The dishwasher was "fixed" twice in a month and it is leaking again.',
      'L3',
      'repeated_repair',
      '"fixed" twice',
    ],
    [
      'The Watchdog programme covered our complaint on Wednesday.',
      'L4',
      'already_exposed',
      'Watchdog programme covered our',
    ],
    ['都市报上周已经登过我们小区停水的事。', 'L4', 'already_exposed', '都市报上周已经登过'],
    ['电视台昨天已经播了我们的采访。', 'L4', 'already_exposed', '电视台昨天已经播了'],
    [
      "Sort it out or we'll see how you like it when the papers hear about this.",
      'L3',
      'media',
      'the papers hear about this',
    ],
    [
      "I have cc'd the Financial Ombudsman into this email.",
      'L3',
      'regulator',
      "cc'd the Financial Ombudsman",
    ],
    ['I am copying in my local councillor.', 'L3', 'regulator', 'copying in my local councillor'],
    [
      'We were all throwing up for hours after the buffet at your hotel.',
      'L3',
      'safety',
      'were all throwing up for hours',
    ],
    [
      'Since your staff posted my address online I no longer feel safe going out.',
      'L3',
      'safety',
      'no longer feel safe',
    ],
    ['新装的漏电保护器根本不跳闸，电工说接反了。', 'L3', 'safety', '漏电保护器根本不跳闸'],
    [
      "The seatbelt in the back of your cab doesn't lock at all.",
      'L3',
      'safety',
      "seatbelt in the back of your cab doesn't lock",
    ],
    [
      'The railing on the hotel balcony wobbled and then snapped when I leaned on it.',
      'L3',
      'safety',
      'railing on the hotel balcony wobbled and then snapped',
    ],
    ['空调外机那边冒出一股胶皮味，外壳都熏黑了。', 'L3', 'safety', '空调外机那边冒出一股胶皮味'],
    [
      'The microwave you replaced smelled of smoke and the door seal scorched.',
      'L3',
      'safety',
      'microwave you replaced smelled of smoke',
    ],
    [
      "The gas cooker knob won't shut off properly, the flame stays on low.",
      'L3',
      'safety',
      "gas cooker knob won't shut off",
    ],
    ['开发商擅自拆了一根承重柱，楼里的住户都很担心。', 'L3', 'safety', '拆了一根承重柱'],
    [
      'The contractor cut into a structural beam to run the pipes.',
      'L3',
      'safety',
      'cut into a structural beam',
    ],
    ['小孩在泳池里沉底了好几秒，被旁边的人捞上来的。', 'L3', 'safety', '泳池里沉底'],
    [
      'Our son got into trouble in the wave pool and the lifeguard was on his phone.',
      'L3',
      'safety',
      'got into trouble in the wave pool',
    ],
    ['There was a slug in my salad from your Leeds branch.', 'L3', 'safety', 'slug in my salad'],
    [
      "The nurse said my father's hip was dislocated when your porter dropped him.",
      'L3',
      'safety',
      'hip was dislocated',
    ],
    ['这已经是我第三次叫人来修热水器了，每次都说好了。', 'L3', 'repeated_repair', '第三次叫人来修'],
    [
      'The router has been "repaired" three times this year.',
      'L3',
      'repeated_repair',
      '"repaired" three times',
    ],
    [
      'My story was covered by the Evening Standard last week.',
      'L4',
      'already_exposed',
      'covered by the Evening Standard',
    ],
    [
      'The local radio station already featured our complaint on their consumer slot.',
      'L4',
      'already_exposed',
      'local radio station already featured our',
    ],
    [
      'Wait until the ombudsman gets wind of this.',
      'L3',
      'regulator',
      'ombudsman gets wind of this',
    ],
    [
      'The coach driver fell asleep and nearly ploughed into a wall.',
      'L3',
      'safety',
      'nearly ploughed into a wall',
    ],
    [
      "After your staff gave out my phone number I don't feel safe at work.",
      'L3',
      'safety',
      "don't feel safe",
    ],
    [
      "I honestly don't know what I will do to myself if this goes on.",
      'L3',
      'extreme_act',
      'do to myself',
    ],
  ])('%j → %s (%s: %s)', (text, level, rule, quote) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons).toContainEqual({ rule, level, detail: quote });
  });

  // Numbers: taken by 盗刷/转走, the company's figure (you quoted, 定损, valued the damage at)
  // against the customer's, "a dozen … have complained", a first report dated by day and month.
  it.each<[string, SeverityLevel, string]>([
    ['Our bank card was 盗刷了两万多, and nobody helps.', 'L4', 'amount_special_major'],
    ['我的账户被转走了1.5万，银行说要调查。', 'L4', 'amount_special_major'],
    [
      'Your engineer quoted 300 dollars to fix the fence he broke; the real repair cost 900 dollars.',
      'L3',
      'claim_over_offer',
    ],
    ['I first reported it on the 5th of January and it is now mid-April.', 'L4', 'aging'],
    ["First complained on March 2, it's now late June.", 'L4', 'aging'],
    ['我爸的养老卡被盗刷了两万，你们银行一句话不说。', 'L4', 'amount_special_major'],
    ['我的信用卡被刷走了1.5万，你们客服一直踢皮球。', 'L4', 'amount_special_major'],
    [
      'Your assessor valued the damage at 150 pounds; the repair invoice is 450 pounds.',
      'L3',
      'claim_over_offer',
    ],
    ['你们定损给了800，实际修车花了2600。', 'L3', 'claim_over_offer'],
    ["I first logged this on 12 January and it's now late May.", 'L4', 'aging'],
    ['We reported it on February 2nd and it is now early June.', 'L4', 'aging'],
  ])('numbers %j → %s (%s)', (text, level, rule) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons.map((r) => r.rule)).toContain(rule);
  });

  // Near misses: the same things with nothing wrong with them, a state of another thing, an
  // advert published, someone else's accident, a threat refused after it, a counterfactual
  // boast, a simile of what happened (跟…了一样), a copy of an invoice, a dozen cupcakes.
  it.each([
    '烟雾报警器的包装盒压坏了，能换个盒子吗？',
    'The smoke alarm keeps beeping every time I make toast, how do I turn the sensitivity down?',
    'The brakes squeak a little after the service, can you have a look next time?',
    '热水器的遥控器坏了，按键没反应。',
    '燃气灶打火要按好几下才着，能上门看看吗？',
    'The kettle is fine but the socket cover is loose.',
    '电饭煲煮的饭有点焦，是不是温度设置不对？',
    '我们家装修想把非承重墙打通，你们能做吗？',
    'The pool was closed for cleaning when we arrived, so the kids could not swim.',
    '游泳馆的更衣柜坏了，衣服只能放在外面。',
    '外卖的盒子裂了，汤洒了一袋子。',
    'The salad was missing the dressing and the wrap was cold.',
    '本金什么时候能到账？理财到期三天了。',
    '第三次下单才成功，你们的App太卡了。',
    'It was repaired quickly and works fine, thanks to the engineer.',
    '我朋友说让我去找媒体，我才不会呢，退钱就行。',
    "My brother says I should report you to the regulator, lol, I'm not going to. Just refund me.",
    "If I complained to the ombudsman about every late parcel I'd be retired by now.",
    '这几天忙得跟打仗了一样，快递晚点没关系，就是帮我改个地址。',
    '我最近跟被掏空了似的，加班太多，能不能把配送时间改到晚上？',
    'The courier said there had been a crash on the ring road, fair enough, but please rebook.',
    '因为高速上出了事故封路，航班延误了，改签手续费能免吗？',
    'Your commercial went out on Channel 4 last night, does the discount apply in store?',
    '晚报上周登了你们的开业广告，活动还有吗？',
    'The BBC covered the storm damage in our town; is my policy affected?',
    'Our local news featured the new bridge, and your shop was open late, nice.',
    'I nearly went into your branch yesterday but the queue was too long.',
    "I'm copying the invoice below for your records.",
    "I'll cc my colleague so she knows the order number.",
    'My mum felt unwell on the bus but it was just the heat, the trip itself was fine.',
    '他说他认识人，可以帮我插队预约，不知道行不行。',
    'The bread was a day past its best-before, could you refund it?',
    '我的银行卡被冻结了，里面有1.2万，怎么解冻？',
    'You quoted 200 for the cleaning and charged 200, all good, just send the invoice.',
    'A dozen of the cupcakes arrived squashed.',
  ])('%j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });
  // A fourth round, written after the fixes above and run before any change (39 of 45 passed;
  // the two misses of the walls and the pool fixed as forms of their classes: 凿开, "was
  // pulled out of", "were all sick"; left open, docs/severity.md: a state beyond the reach or in
  // the next clause, and a knee brace from a football injury).
  it.each<[string, SeverityLevel, string, string]>([
    [
      "The CO alarm in our holiday cottage didn't beep once even when the boiler flue was blocked.",
      'L3',
      'safety',
      "CO alarm in our holiday cottage didn't beep",
    ],
    ['电梯扶梯旁边的护栏松动了，小孩一靠就晃。', 'L3', 'safety', '护栏松动'],
    [
      "Our landlord's new boiler smells of gas every morning and the engineer just shrugged.",
      'L3',
      'safety',
      'smells of gas',
    ],
    ['充电器插在排插上，排插都烧黑了。', 'L3', 'safety', '排插都烧黑了'],
    [
      'The hairdryer from your shop sparked and scorched my hand.',
      'L3',
      'safety',
      'hairdryer from your shop sparked',
    ],
    ['物业施工的时候把我们楼的剪力墙凿开了一个洞。', 'L3', 'safety', '剪力墙凿开'],
    [
      'Your fitters knocked through a supporting wall and the upstairs floor is now sagging.',
      'L3',
      'safety',
      'knocked through a supporting wall',
    ],
    ['孩子在水上乐园差点淹了，幸好有人看见。', 'L3', 'safety', '水上乐园差点淹'],
    [
      'My nephew was pulled out of your hotel pool by another guest.',
      'L3',
      'safety',
      'was pulled out of your hotel pool',
    ],
    ['外卖的汤里喝出了一只蟑螂。', 'L3', 'safety', '汤里喝出了一只蟑螂'],
    ['We found maggots in the rice from your restaurant.', 'L3', 'safety', 'maggots in the rice'],
    [
      'After falling on your escalator my knee needed surgery.',
      'L3',
      'safety',
      'knee needed surgery',
    ],
    [
      "My grandmother's shoulder was dislocated when your driver pulled away too fast.",
      'L3',
      'safety',
      'shoulder was dislocated',
    ],
    ['这次住院的护理费和营养费你们要承担，必须赔给我。', 'L3', 'safety', '住院'],
    ['热水器已经是第四次上门修了，还是忽冷忽热。', 'L3', 'repeated_repair', '第四次上门'],
    [
      'The fridge has been repaired five times since it was delivered.',
      'L3',
      'repeated_repair',
      'repaired five times',
    ],
    [
      'The consumer programme on Radio 4 covered it on Tuesday.',
      'L4',
      'already_exposed',
      'consumer programme on Radio 4 covered it',
    ],
    ['日报前天已经刊登了我们的投诉信。', 'L4', 'already_exposed', '日报前天已经刊登了'],
    [
      'Our case was featured by the local paper this weekend.',
      'L4',
      'already_exposed',
      'featured by the local paper',
    ],
    [
      'I wonder what the regulator will say when it finds out about this.',
      'L3',
      'regulator',
      'regulator will say when it finds out about this',
    ],
    ["I've copied my solicitor in.", 'L3', 'legal', 'my solicitor'],
    [
      'The lorry driver almost ran over a child at the school gate.',
      'L3',
      'safety',
      'almost ran over',
    ],
    [
      'We were all sick for hours after the tasting menu.',
      'L3',
      'safety',
      'were all sick for hours',
    ],
    [
      "Since the data leak I don't feel safe using my own name online.",
      'L3',
      'safety',
      "don't feel safe",
    ],
    [
      "I'm scared of what I'll do to myself if I lose the house.",
      'L3',
      'extreme_act',
      'do to myself',
    ],
    [
      'Your agent told my son they know where he lives.',
      'L3',
      'organised_crime',
      'know where he lives',
    ],
  ])('probe %j → %s (%s: %s)', (text, level, rule, quote) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons).toContainEqual({ rule, level, detail: quote });
  });

  it.each([
    '烟感的安装说明书看不懂，能发个视频吗？',
    'The brakes were serviced and now work perfectly, thanks.',
    '热水器的出水口有点小，能换个大的吗？',
    '排插的开关有点松，不影响使用。',
    '我们想拆掉一面隔断墙，你们接这种活吗？',
    'The pool was a bit cold but the kids loved it.',
    '外卖的汤少了一份，麻烦补一下。',
    'The rice was a little dry.',
    '本金和利息什么时候到账？',
    '第三次打电话才打通，客服太难等了。',
    'The engineer fixed it on the first visit, great service.',
    'The local paper covered the opening of your new branch; congratulations!',
    'My colleague was copied in on the order confirmation.',
    'I nearly forgot to mention the delivery address changed.',
    '跟做梦了一样，终于收到货了，谢谢。',
    '他们说他们认识这家店的老板，能不能给个折扣？',
  ])('probe %j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });
});

describe('R-SEV-1 classes from the eighth blind set (heldout-9)', () => {
  // Our own sentences (none from heldout-9; other trades and registers), most failing on the
  // rules before this round: threats that still stand beside the new counterfactual scope, done
  // told after the case or the platform, a body stepping in, the press reaching the customer, a
  // broken bone without 骨折, near-swallowing, child-resistant closures, a state in the next
  // clause, a business's losses, repairs counted by an English ordinal.
  it.each<[string, SeverityLevel, string, string]>([
    ['如果这周还不退款，我就去法院起诉你们。', 'L3', 'legal', '去法院'],
    ['If this is not fixed by Friday I will sue.', 'L3', 'legal', 'sue'],
    ['要是再不处理，我就找记者曝光。', 'L3', 'media', '找记者'],
    ['如果下周还不处理，我就去市场监管局投诉。', 'L3', 'regulator', '去市场监管局'],
    [
      'The claim against your firm has been filed at the county court; expect the papers this week.',
      'L4',
      'already_sued',
      'has been filed at the county court',
    ],
    [
      'The small claims paperwork has been filed and the hearing is next month.',
      'L4',
      'already_sued',
      'small claims paperwork has been filed',
    ],
    [
      'My county court claim against the garage was filed on Monday, so expect the forms.',
      'L4',
      'already_sued',
      'court claim against the garage was filed',
    ],
    [
      'The claim against the removals firm was lodged with the small claims court last Tuesday.',
      'L4',
      'already_sued',
      'lodged with the small claims court',
    ],
    [
      'My complaint about your gym is on Reddit already, with hundreds of replies.',
      'L4',
      'already_exposed',
      'on Reddit already',
    ],
    [
      'It is up on Mumsnet already and the thread is growing.',
      'L4',
      'already_exposed',
      'up on Mumsnet already',
    ],
    ['已经在小红书发了长文，还@了你们的官方号。', 'L4', 'already_exposed', '已经在小红书发了'],
    [
      '已经在知乎发了帖子，还@了你们的官方号，评论区都在骂。',
      'L4',
      'already_exposed',
      '已经在知乎发了',
    ],
    [
      '一位电视台的记者今天联系了我，想了解我们小区的情况。',
      'L3',
      'media',
      '电视台的记者今天联系了我',
    ],
    [
      'A reporter from the local paper contacted me today about the flooding in our block.',
      'L3',
      'media',
      'reporter from the local paper contacted me',
    ],
    [
      'I am thinking about reporting the data breach to the ICO.',
      'L3',
      'regulator',
      'reporting the data breach to the ICO',
    ],
    ['市场监管局的人说会出面调解，让你们先拿个方案。', 'L3', 'regulator', '市场监管局的人说'],
    ['消协已经介入了，你们自己看着办。', 'L3', 'regulator', '消协已经介入'],
    ['消保委已经介入，让你们三天内给答复。', 'L3', 'regulator', '消保委已经介入'],
    ['你们的送货车把我爸撞倒了，肋骨骨裂，到现在没人管。', 'L3', 'safety', '骨裂'],
    ['我爸在你们超市门口滑倒，手腕骨裂，打了石膏。', 'L3', 'safety', '骨裂'],
    ['孩子把玩具上的小磁珠差点咽下去了，太吓人了。', 'L3', 'safety', '差点咽'],
    [
      'My son almost swallowed one of the loose button batteries from the toy.',
      'L3',
      'safety',
      'almost swallowed',
    ],
    [
      'My toddler nearly choked on a loose wheel from your toy car.',
      'L3',
      'safety',
      'nearly choked',
    ],
    [
      'The child-resistant lid on the pill bottle springs open if you just squeeze it, and I have grandkids visiting.',
      'L3',
      'safety',
      'child-resistant lid on the pill bottle springs open',
    ],
    [
      'The childproof cap popped off when my son twisted it.',
      'L3',
      'safety',
      'childproof cap popped off',
    ],
    ['I broke my arm on your icy steps.', 'L3', 'safety', 'broke my arm'],
    ['门口的烟感装了才一个月，按了也不响。', 'L3', 'safety', '烟感装了才一个月，按了也不响'],
    [
      '车库的一氧化碳报警器换过电池，试了还是没反应。',
      'L3',
      'safety',
      '一氧化碳报警器换过电池，试了还是没反应',
    ],
    ['卧室的烟感刚换的，按了也没反应。', 'L3', 'safety', '烟感刚换的，按了也没反应'],
    [
      'The smoke alarm in the nursery is brand new, but it does not make a sound when tested.',
      'L3',
      'safety',
      'smoke alarm in the nursery is brand new, but it does not make a sound',
    ],
    [
      'We had the brakes done on Friday, and they still feel spongy.',
      'L3',
      'safety',
      'brakes done on Friday, and they still feel spongy',
    ],
    [
      'The gas alarm was replaced last week, but it still does not go off when tested.',
      'L3',
      'safety',
      'gas alarm was replaced last week, but it still does not go off',
    ],
    [
      '因为你们的原料不合格，我们整条生产线停了两天，请承担相应损失。',
      'L3',
      'compensation',
      '承担相应损失',
    ],
    [
      'Two failed batches is a serious loss for us; please credit the invoice.',
      'L3',
      'compensation',
      'serious loss for us',
    ],
    [
      'This is the third time the same boiler has been "fixed" and it is still cutting out.',
      'L3',
      'repeated_repair',
      'the third time the same boiler has been "fixed"',
    ],
    [
      'It is the fifth time an engineer has come out to repair the same washing machine.',
      'L3',
      'repeated_repair',
      'the fifth time an engineer has come out to repair',
    ],
    // A real future after a subjunctive condition is a threat again.
    [
      'If the refund were not processed by Friday, I will take legal action.',
      'L3',
      'legal',
      'take legal action',
    ],
    [
      'If you were to ignore this letter, I will contact my solicitor.',
      'L3',
      'legal',
      'my solicitor',
    ],
    ['要是你们早就处理了，我也不会去投诉，现在我就去消协。', 'L3', 'regulator', '去消协'],
    // …and so does a turn to what did happen.
    ['要是质量好一点我早就推荐给朋友了，结果用了两天就冒烟了。', 'L3', 'safety', '冒烟'],
  ])('%j → %s (%s: %s)', (text, level, rule, quote) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons).toContainEqual({ rule, level, detail: quote });
  });

  // Counterfactuals across the comma (要是金额再大点，我早就…; if … were/could; hypothetically),
  // threats taken back as a message, booked visits that never came, the company's own posts,
  // injuries from the customer's own sport, a drill: none is a major.
  it.each([
    '要是这单金额再大点，我早就去法院起诉你们了，算了，退款吧。',
    '要是换个脾气差的客户，早就找记者曝光你们了，我只想把押金退回来。',
    '如果当时知道是这种质量，我早就去消协投诉了，现在只想换个新的。',
    '要是当初合同金额大一些，我早就请律师了，现在只想把尾款结清。',
    'If my dog could write letters, he would report you to the council. Anyway the grooming slot was late.',
    'Hypothetically, if the charger were a fire hazard I would send it back, but it is just slow to charge.',
    'If the boiler were leaking gas I would ring the emergency line, but it only rattles a bit.',
    'If the flight had been any longer I would have gone to the aviation regulator, but it was only 40 minutes late.',
    'Hypothetically, could I sue a shop for selling me stale bread? Just curious, not planning to.',
    'Earlier I told you I would report you to the council; please disregard that, the parcel arrived.',
    'Last week I said I was going to my lawyer, please ignore my previous message, it is all sorted now.',
    'I told your agent I would go to the ombudsman — please disregard that, the credit came through.',
    '之前说要去消协投诉，就当我没说，东西已经收到了。',
    '昨天说要找媒体，就当我没说，师傅今天修好了。',
    '两次上门安装的师傅都没来，能约个准确时间吗？',
    'Please export the logo as an ICO file and email it to me.',
    'The ICO format for the icon is wrong on your website.',
    'The third time I visited the shop the staff were lovely.',
    'This is the fourth time I have bought this kettle as gifts — great product.',
    '我在微博发了个抽奖，你们的产品很受欢迎。',
    '我在抖音发了个红包，欢迎大家来抢。',
    '你们上周@了我们的官方号合作推广，挺好的。',
    'It was on the news already that your depot flooded, so I expected a delay.',
    'The childproof cap is really hard for my elderly mother to open.',
    '烟感的说明书丢了，按了也不知道是不是好的。',
    '刹车片换好了，开了一周也没什么问题。',
    'The smoke alarm was installed, and it works perfectly.',
    '烟感装好了，客厅的灯也不亮。',
    'I broke my arm skiing last month so I need the delivery left at the door.',
    'I have a knee brace from a football injury, so the stairs are hard.',
    '上个月滑雪摔骨折了，快递放门口就行。',
    '去年踢球摔断了腿，现在上楼不方便，快递能送上门吗？',
    '小区明天消防演习，会有警报声，请大家不要惊慌。',
  ])('%j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });
});

describe('R-SEV-1 classes from the ninth blind set (heldout-10)', () => {
  // Our own sentences (none from heldout-10; other trades and registers), written before this
  // round's changes: a money demand aimed at the company in any phrasing, a consumer body or
  // ombudsman already involved as an actor, exposure told by its result, aging told by named
  // periods, hazards told as conditions, repairs counted by count words.
  it.each<[string, SeverityLevel, string]>([
    // 1. money demands: a demand aimed at the company + a loss or cost.
    ['酒店多住的两晚一共九百多，这笔钱你们得承担。', 'L3', 'compensation'],
    ['装修公司把地板泡坏了，重铺的费用我要求你们承担。', 'L3', 'compensation'],
    ['孩子在你们游乐场摔伤，看病花的钱请你们报销。', 'L3', 'compensation'],
    ['快递把我的相机摔坏了，我要求按发票价赔，2600元。', 'L3', 'compensation'],
    ['我司要求贵司承担返工费用人民币5,200元。', 'L3', 'compensation'],
    ['I am asking for the cost of the taxi to be made up.', 'L3', 'compensation'],
    [
      'The vet invoice of £420 is attached and we expect it to be settled by the end of the month.',
      'L3',
      'compensation',
    ],
    [
      'I want to be paid back for the day I took off waiting for your engineer.',
      'L3',
      'compensation',
    ],
    ['Your fitter cracked the basin, so I want you to pay for the new one.', 'L3', 'compensation'],
    ['We expect you to cover the cost of the replacement flights.', 'L3', 'compensation'],
    // 2. a body already involved, named as the actor.
    [
      'The Energy Ombudsman told me to give you eight weeks first, which I am now doing.',
      'L3',
      'regulator',
    ],
    [
      'Citizens Advice advised me to put this in writing before they take it further.',
      'L3',
      'regulator',
    ],
    [
      'The Consumer Council said they would step in if you did not answer within a fortnight.',
      'L3',
      'regulator',
    ],
    ['市场监管局的同志让我先跟你们协商，协商不成再找他们。', 'L3', 'regulator'],
    ['消协的工作人员建议我再联系你们一次。', 'L3', 'regulator'],
    ['居委会的李主任说街道办对这件事很重视。', 'L3', 'regulator'],
    // 3. exposure told by its result.
    [
      'It was in the local paper on Saturday, with a photo of the broken gate.',
      'L4',
      'already_exposed',
    ],
    ['Our story made the evening news last night.', 'L4', 'already_exposed'],
    ['邻居把视频发到了抖音上，点赞已经好几万了。', 'L4', 'already_exposed'],
    ['我那条微博转发已经上万了，你们还不回应。', 'L4', 'already_exposed'],
    // 4. aging told by named periods.
    ["I have been chasing this since Christmas and it's now the end of March.", 'L4', 'aging'],
    ["We reported the leak in early January and it's May.", 'L4', 'aging'],
    // 6. hazards as conditions; repairs by count words.
    ['楼梯间的电线都露在外面，孩子每天从那儿过。', 'L3', 'safety'],
    ['The smoke alarm in the flat has been missing since the decorators left.', 'L3', 'safety'],
    ["The pushchair's brake released on its own while we were on the hill.", 'L3', 'safety'],
    ['洗衣机返厂三回了，还是漏水。', 'L3', 'repeated_repair'],
    ['空调又不制冷了，这是第五回了。', 'L3', 'repeated_repair'],
    // Written after the first fixes (second pass): a lawyer at work on the papers, sums and
    // groups spread over two sentences, money run off with.
    ['My uncle is a solicitor and he is going through the contract tonight.', 'L3', 'legal'],
    ['定金付了三千，交房前又付了八千的装修款，到现在都没开工。', 'L4', 'amount_special_major'],
    [
      'Six households wrote to you in May. Four more have now joined us.',
      'L4',
      'headcount_special_major',
    ],
    ['培训机构跑路，卷走了我们一万二。', 'L4', 'amount_special_major'],
  ])('%j → %s (%s)', (text, level, rule) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons.map((r) => r.rule)).toContain(rule);
  });

  // Near misses: a staff member named Sue, thanks for a past payout, follower counts, a show's
  // villain, a celebrity trending, a body named only as a fact.
  it.each([
    'Sue at your Bristol branch was very helpful, but the app keeps logging me out.',
    'Ask for Sue at the front desk when you arrive.',
    '上次漏水赔偿的事情你们处理得很好，谢谢。这次只想改一下发票抬头。',
    'Thanks for the compensation last year, it was handled well. Today I just need a new PIN.',
    'I have 12k followers on TikTok and love your shoes. Do you have the boots in size 6?',
    '我有两万粉丝，一直推荐你们的面膜，这次想问下有没有新品。',
    '电视剧里那个黑社会老大演得太好了，可你们的APP老是卡。',
    '明星上热搜那天我下的单，现在还没发货，能催一下吗？',
    'I saw the ombudsman on TV last night talking about energy bills; anyway, my meter reading is wrong.',
    'The evening news said the trains were delayed, so the parcel may be late.',
    'I want you to pay attention to the delivery address this time.',
    '我要求把发票抬头改成公司名称。',
    'My husband is a solicitor and he works late, so please deliver after six.',
    "I made the paper's crossword in record time, but your pen leaked everywhere.",
    // Probed after the fixes: a cost the customer's insurer bears, a third visit praised.
    'The cost is to be covered by my insurance, so just send the claim form.',
    '这是第三次了，每次都很满意，谢谢！',
    'The brake pads were replaced in March and it is now June — all good, just booking the next service.',
  ])('%j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });
});

describe('R-SEV-1 classes from the tenth blind set (heldout-11)', () => {
  // Our own sentences (none from heldout-11; other trades and registers), each failing before
  // this round's change that it tests: aging told by two named points in the year, groups
  // listed in one sentence, a second payment asked for, and surface forms of known classes
  // (money demands, injuries, bodies, firms, stories offered, threats).
  it.each<[string, SeverityLevel, string]>([
    // 1. aging: the complaint at a holiday or month, today at a later one.
    ['我中秋节前就投诉了物业电梯的问题，现在春节都过完了还没修好。', 'L4', 'aging'],
    ['双十一那会儿就投诉了退款，现在都五一了还没到账。', 'L4', 'aging'],
    ['端午节前报修的热水器，现在国庆假期都过完了，师傅一次没来。', 'L4', 'aging'],
    ['元旦前就提交了理赔申请，现在端午都过了还在审核。', 'L4', 'aging'],
    [
      "I first complained about the boiler before Halloween and it's now almost Easter.",
      'L4',
      'aging',
    ],
    [
      "We logged the fault at Thanksgiving; we're now past Easter and nobody has called.",
      'L4',
      'aging',
    ],
    [
      "Since Chinese New Year we've been chasing the refund for the cancelled tour, and it's now the Mid-Autumn Festival.",
      'L4',
      'aging',
    ],
    [
      "Our complaint about the gym membership was lodged before Christmas. It's now May and still nothing.",
      'L4',
      'aging',
    ],
    ['I reported the mould in March and it is now well into July.', 'L4', 'aging'],
    // 2. groups listed in one sentence add up (and "me and" counts the writer).
    [
      '我们科室3个人，隔壁科室也有4个人，再加上前台2个同事，都在你们这儿办了卡，结果健身房关门了。',
      'L3',
      'headcount_major',
    ],
    ['一楼5户，二楼4户，再加上三楼3户，都被多收了物业费。', 'L4', 'headcount_special_major'],
    [
      'Four of us from the choir, plus three from the bowls club, were all double-charged for the coach.',
      'L3',
      'headcount_major',
    ],
    ['Me and 4 of my flatmates were all charged the cleaning fee twice.', 'L3', 'headcount_major'],
    [
      "I'm writing for myself and my three flatmates, plus two people next door: we all lost our deposits.",
      'L3',
      'headcount_major',
    ],
    [
      'Six of us in Block A, five in Block B and four more in Block C have had no hot water for a week.',
      'L4',
      'headcount_special_major',
    ],
    [
      'Thirty-one of our tour guests were left at the airport with no coach.',
      'L4',
      'headcount_special_major',
    ],
    // heldout-10's open item as a mechanism: neighbours counted by their homes.
    [
      '我住8层，10层、12层、15层、16层的住户也都被断了网，大家托我来投诉。',
      'L3',
      'headcount_major',
    ],
    ['2栋、5栋、6栋、8栋和9栋的业主都收到了同样的催缴单。', 'L3', 'headcount_major'],
    ['我们家在601，602、603、605、606的住户也都停了两天水。', 'L3', 'headcount_major'],
    [
      'The neighbours at numbers 4, 6, 8, 10 and 12 have all had the same meter fault.',
      'L3',
      'headcount_major',
    ],
    [
      "Flats 2, 3, 5, 7 and 9 all lost heating on the same night, and we're writing together.",
      'L3',
      'headcount_major',
    ],
    // heldout-10's other open item: the company's offer reported (说给我补…), the claim larger.
    ['物业说给我赔三百就算了，可换锁的维修费是八百，我要的是全额。', 'L3', 'claim_over_offer'],
    ['装修队说给我们补一千，可返工的报价是三千二，差得太远了。', 'L3', 'claim_over_offer'],
    [
      "The agent said they'd refund £100, but the repair invoice is £450 and I want the full amount.",
      'L3',
      'claim_over_offer',
    ],
    [
      'The airline said it would give us 50 euros each, but the hotel we had to book cost 240 euros.',
      'L3',
      'claim_over_offer',
    ],
    // 3. a second payment they asked for.
    [
      '报名时交了4000，开课后又让补交了6500的教材费，结果老师换了三次。',
      'L4',
      'amount_special_major',
    ],
    // 4. a money demand: made up to the customer, the business named as bearer, a
    // reimbursement asked for.
    ['装修少铺了两平米瓷砖，材料钱你们得补给我。', 'L3', 'compensation'],
    ['体检套餐少做了三项，这部分费用医院必须负责。', 'L3', 'compensation'],
    ['搬家公司把我的鱼缸打碎了，重新买的钱商家必须承担。', 'L3', 'compensation'],
    ['导游临时加了自费项目，多收的钱请把这笔钱给我退回。', 'L3', 'compensation'],
    ['酒店把我的房间订成了单人间，我只好另外订房，多出的费用请给我报销。', 'L3', 'compensation'],
    // 5. injuries told by skin rubbed off, a bruise on someone, a strain.
    ['孩子在蹦床上摔下来，手肘擦破了一大块，教练却说没事。', 'L3', 'safety'],
    ['坐你们的电动扶梯时被夹了一下，脚踝蹭破了。', 'L3', 'safety'],
    [
      'My son fell off the climbing wall at your centre and has a bruise on his back the size of a fist.',
      'L3',
      'safety',
    ],
    ["The physio says it's a muscle strain from when your bus braked so hard.", 'L3', 'safety'],
    ['The treadmill jerked and I strained my back.', 'L3', 'safety'],
    // 6. bodies: the professions' councils, a testing institute.
    [
      "If I don't hear back I will be reporting the pharmacist to the General Pharmaceutical Council.",
      'L3',
      'regulator',
    ],
    [
      'I have already written to the General Medical Council about the locum who saw my mother.',
      'L3',
      'regulator',
    ],
    ['我已经把奶粉送到食品检验所检测了，结果出来再跟你们算账。', 'L3', 'regulator'],
    ['那批板材我已经拿去质检站检测了，甲醛肯定超标。', 'L3', 'regulator'],
    // 7. a firm writing for its client; the party served.
    ['The landlord was served on Monday; our firm acts for the tenants.', 'L4', 'already_sued'],
    ['The agency was served yesterday, as the enclosed papers show.', 'L4', 'already_sued'],
    [
      'This office is acting for the residents of Flat 4 in their dispute with your letting team.',
      'L3',
      'legal',
    ],
    // 8. a story offered; 9. "whatever happens is on you", an agent's note of the risk.
    [
      'My cousin works for the Gazette and wants to do a piece on how you treat pensioners.',
      'L3',
      'media',
    ],
    [
      'A friend of mine writes for the local paper and has offered to write a story about this.',
      'L3',
      'media',
    ],
    ['他情绪很激动，说再不退钱出了什么事你们负责。', 'L3', 'extreme_act'],
    ['来电客户有过激倾向，说要去你们总部讨个说法。', 'L3', 'extreme_act'],
  ])('%j → %s (%s)', (text, level, rule) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons.map((r) => r.rule)).toContain(rule);
  });

  // Near misses: a point with no complaint at it, no today after it, or too short a span.
  it.each([
    '春节前投诉的事情，节后第一天就处理好了，谢谢。',
    "I reported it before Christmas and it's now January, thanks for the quick fix.",
    '国庆节买的洗衣机，现在元旦都过了，用着挺好，想问下怎么清洗滤网。',
    'We booked the holiday at Easter for the Christmas trip; just checking the transfer times.',
    // Fewer homes, floors that are not people, a part of a group counted before, staff who
    // were kind, a small party.
    '我家住3楼，5楼、7楼的邻居也一样。',
    '客服说给我退两百，已经到账了，谢谢。',
    "The shop said they'd refund £20 and they did, thanks.",
    'The lift stops at floors 2, 4, 6 and 8 only; is that right?',
    '5楼、7楼、9楼、11楼都有自动售货机，为什么只有3楼的坏了？',
    '我们3个人，其中2个人退了款，想问下第三张票怎么退。',
    'Two of us went, and one of us got a refund; just asking about the other ticket.',
    'Table for two, plus one high chair, at 7pm please.',
    '前台2个同事和保安3个人都很热情，就是停车场收费不清楚。',
    'Me and 2 of my friends loved the show, but the app charged me twice.',
    // Written after the fixes (probing): costs the business bears by its terms, a refund
    // already made, worn clothes, fruit, a body read about, a repair check, service by a
    // courier or a waiter, a firm's range, a story wanted about a shop, a question of liability.
    '运费由商家承担，七天无理由退货，想问下怎么操作。',
    '这笔钱公司已经给我报销了，谢谢，只是想要一份发票。',
    '裤子膝盖那里磨破了，能换一条吗？',
    'The bananas had a bruise on them, can I get a refund for the bunch?',
    'I read an article about the General Medical Council, anyway my prescription is late.',
    '我把手机送到检测中心检测了，没问题，谢谢。',
    'Dinner was served cold and the waiter forgot the dessert.',
    'The shop was served by a different courier last month, so my parcel went astray.',
    'We represent a range of brands; is the blue kettle back in stock?',
    'Please write a story about your new opening, I loved it.',
    'My friend writes for the local paper and loved your new menu.',
    '我情绪有点激动，说话不好听，抱歉，就是想问问快递什么时候到。',
    '如果快递路上出了什么事你们负责吗？',
  ])('%j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });
});

describe('R-SEV-1 classes from the eleventh blind set (heldout-12)', () => {
  // Our own sentences (none from heldout-12; other trades and registers), written before the
  // change that each tests and failing on the rules before it (checked against main), grouped by
  // the mechanism that missed: the reason's rule is asserted with the level.
  it.each<[string, SeverityLevel, string]>([
    // 1. a complaint a body forwarded (转办, 交办; "referred to us by"), before or after the body.
    ['【消保委转办】顾客称办的游泳卡被无故冻结。', 'L3', 'regulator'],
    ['【12345交办】居民反映小区门口的早餐店油烟扰民。', 'L3', 'regulator'],
    [
      'Forwarded by the Energy Ombudsman: the customer says her meter was read wrongly for a year.',
      'L3',
      'regulator',
    ],
    [
      'This complaint was referred to us by Trading Standards after a customer bought a faulty heater.',
      'L3',
      'regulator',
    ],
    [
      'Case passed on from the Financial Ombudsman regarding a declined travel claim.',
      'L3',
      'regulator',
    ],
    [
      'The Pensions Ombudsman forwarded your letter to us; we will reply next week.',
      'L3',
      'regulator',
    ],
    // 2. someone shut in a lift, the place between (被困在2单元的电梯里; "with my mother inside").
    ['我女儿被困在2单元的电梯里二十多分钟，没人来救。', 'L3', 'safety'],
    ['快递员说他被关在B座货梯里半个小时，按铃没人管。', 'L3', 'safety'],
    ['The elevator stopped between floors with my mother inside.', 'L3', 'safety'],
    ['Our lift broke down with two children in it.', 'L3', 'safety'],
    // 3. aging counted in days to today, or "N weeks ago I reported".
    ['Nine weeks ago I complained about the leaking roof and nobody has come.', 'L4', 'aging'],
    ['Twelve weeks ago we reported the noise from your bar.', 'L4', 'aging'],
    ['从投诉到今天整整八十天，一个电话都没有。', 'L4', 'aging'],
    ['报修到今天足足九十天，师傅一次没来。', 'L4', 'aging'],
    // 4. a repeat counted by the thing taken back in (第三次送店, "visit number four", "back in the
    // workshop again for the same").
    ['同样的死机问题，这已经是第三次送店了。', 'L3', 'repeated_repair'],
    ['这已经是第四次进厂了，变速箱还是顿挫。', 'L3', 'repeated_repair'],
    ['This is visit number four for the same dishwasher fault.', 'L3', 'repeated_repair'],
    ['This is my third trip back to the dealer for the same clunk.', 'L3', 'repeated_repair'],
    [
      'The scooter is back in the workshop again for the same battery fault.',
      'L3',
      'repeated_repair',
    ],
    // 5. a money demand: a cost wanted covered, made right financially, the company told it will pay,
    // 理应由你们来出.
    ['I want this put right financially, not with a bunch of flowers.', 'L3', 'compensation'],
    [
      'I want the full hotel bill covered, since your cancellation left us stranded.',
      'L3',
      'compensation',
    ],
    ['I need the whole repair bill refunded, not a voucher.', 'L3', 'compensation'],
    ["You'll be paying for the new carpet your plumber ruined.", 'L3', 'compensation'],
    [
      'You will be covering the taxi fare, since your driver never turned up.',
      'L3',
      'compensation',
    ],
    ['多出来的房费理应由你们来出。', 'L3', 'compensation'],
    ['快递费应该由你们来出，毕竟是你们发错了货。', 'L3', 'compensation'],
    // 6. numbers: a party saying it will refund (商家说退20块) against the figure to be paid back
    // (把99全退了); money a business took (收了两万); a people noun (学员); signing together.
    ['商家说退20块，我觉得至少得把99全退了。', 'L3', 'claim_over_offer'],
    ['房东说退800，我觉得起码得把3000全退了。', 'L3', 'claim_over_offer'],
    ['装修公司收了四万二，工期拖了三个月还没完工。', 'L4', 'amount_special_major'],
    ['健身房收了两万，开业三个月就关门了。', 'L4', 'amount_special_major'],
    ['我们三十多个学员的课时费都没退。', 'L4', 'headcount_special_major'],
    [
      "Seven patients, all signing this, want the clinic's evening hours back.",
      'L3',
      'headcount_major',
    ],
    [
      'Half a dozen commuters signing below: the 7:40 has been cancelled every Monday.',
      'L3',
      'headcount_major',
    ],
    ['我姐夫在报社跑社会新闻，这件事我会原原本本告诉他。', 'L3', 'media'],
    // 7. a reporter in the family by the beat they run (在报社跑社会新闻).
    ['我同学在电台跑民生线，这事我已经跟她讲了。', 'L3', 'media'],
    ['The electrician left scorch marks on the wall behind the socket.', 'L3', 'safety'],
    // 8. hazards told by their marks and results: scorch marks, bare wires, a bite that broke the
    // skin, the wrong medicine handed over, a crash nearly made, soft brakes, a fire lane blocked.
    ['The dryer at your laundrette has exposed wires at the back where kids play.', 'L3', 'safety'],
    [
      'My daughter came back from nursery with a bite mark on her hand that broke the skin.',
      'L3',
      'safety',
    ],
    ['医院药房把我妈的止痛药拿成了安眠药，她吃完昏睡了一天。', 'L3', 'safety'],
    ['诊所把孩子的退烧药配成了大人的剂量。', 'L3', 'safety'],
    ['网约车司机开得太快，差点追尾前面的大货车。', 'L3', 'safety'],
    ['大巴在山路上险些侧翻，全车人都吓坏了。', 'L3', 'safety'],
    ['电动车的刹车发软，下坡时根本停不住。', 'L3', 'safety'],
    ['商场的消防通道被杂物堵死了。', 'L3', 'safety'],
    ['物业把消防通道划成了停车位，还收停车费。', 'L3', 'safety'],
    ['Refund me today, then the photos go up on Instagram tonight.', 'L3', 'media'],
    // 9. a record of the case going up on a platform (threat, and done in the past).
    ['Fix it by Monday or the recording goes up on YouTube.', 'L3', 'media'],
    ['The video went up on TikTok last night and it is everywhere.', 'L4', 'already_exposed'],
    ['再不退费我就去交管部门反映。', 'L3', 'regulator'],
    // 10. a body by its field (交管部门); a condition with its subject before the negation.
    [
      "He said if the debt isn't written off he might as well do something drastic.",
      'L3',
      'extreme_act',
    ],
    ["If the flat isn't fixed she says she will do something drastic.", 'L3', 'extreme_act'],
    // Written after the fixes (a second round of our own: 34 of 37 passed before any change);
    // the three that did not, fixed then: a body passing the case on, a figure with its fee
    // named before 全赔, someone else's medicine with the medicine named before (needs).
    ['The Financial Ombudsman has passed your complaint on to us.', 'L3', 'regulator'],
    ['物业说补50元，我觉得至少得把600的维修费全赔了。', 'L3', 'claim_over_offer'],
    ['幼儿园把孩子的药喂成了别的小朋友的。', 'L3', 'safety'],
  ])('%j → %s (%s)', (text, level, rule) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons.map((r) => r.rule)).toContain(rule);
  });

  // Near misses, written before the fixes and probed after them: a desk's own transfer, a place's
  // population, the writer speaking alone, a joke owned, a name, a title, the writer's workplace,
  // a pet hospital as the business, praise for a past claim, staff's words to the writer, and the
  // new words in ordinary use (prices going up on an app, a lift merely out of order).
  it.each([
    '【客服转办】用户反映App登录不上，请技术部处理。',
    'Referral from a friend: she loved your bakery, do you do gluten-free cakes?',
    '政府转来的补贴还没到账，想问问什么时候发。',
    '电梯里的广告太吵了，能不能关小声一点？',
    '我被关在门外了，钥匙落在屋里，能派人开下门吗？',
    'The lift stopped working again, please send someone to fix it.',
    'The elevator stopped working, the lights inside are broken too.',
    'Three weeks ago I reported the fault and it was fixed yesterday, thanks.',
    '从下单到今天整整九十天，东西还没发货。',
    '这已经是第三次进店买衣服了，每次都很满意。',
    'This is visit number three to your café and the cake is always lovely.',
    'I want the bill split between the four of us, please.',
    'You will pay the balance on delivery, right?',
    '这笔费用应该由保险公司来出吧？',
    '店家说退20块，我也觉得差不多，就这样吧。',
    '他们把500全退给我了，谢谢。',
    '快递公司收了一万多件货，我的那件丢了。',
    '我们驾校有三十多个教练，每个都很负责。',
    '我们园区三千多名员工就一个食堂，中午排队太久了，建议多开几个窗口。',
    'Our building has 300 households and only one bike shed; could you add another?',
    '我们学校两千多个学生，我个人觉得食堂的菜有点咸。',
    'There are 150 of us in the office, but I personally think the coffee machine just needs descaling.',
    'All 300 of us in the office are addicted to your cookies 😂 any chance of a bigger box?',
    '快递慢得我都想去消协投诉了哈哈，开玩笑的，就是问问什么时候到。',
    'Your hold music is so bad I almost called the police lol, just kidding, please fix it.',
    "Hi, my name is Sue Chen and I can't log in to the app.",
    'Thanks for sorting the invoice. Regards, Sue',
    'We watched "Fatal Accident" in Screen 2 and the sound kept cutting out.',
    'I bought the novel "The Lawsuit" from you and two pages are missing.',
    '你们影城放的《事故》字幕一直不同步。',
    '我在律师事务所上班，想改一下快递的收件地址。',
    '我本人在法院工作，你们的外卖总是送错楼。',
    'The pet hospital charged me twice for the same check-up.',
    "The animal hospital's website won't let me book online.",
    'Your team was brilliant after my kitchen fire back in 2021; this time I just need a new policy number.',
    'You were so helpful after my car accident last year; quick question about my renewal date.',
    '师傅跟我说“你这样接线迟早起火”，可我只是问了下价格。',
    '教练骂我"你这样骑迟早摔断腿"，我想换个教练。',
    'The apple had a bite mark in it when it arrived, odd.',
    '药店把大号的口罩拿成了小号的，能换吗？',
    '差点赶不上飞机，司机绕路了。',
    '消防通道可以停车吗？',
    '消防通道被清理干净了，谢谢。',
    'Your prices went up on the app and on Facebook the same day.',
    'The new series goes up on Netflix and YouTube on Friday, can I watch it with your plan?',
    '我去车管所办了个证，顺便问下你们的营业时间。',
    'My iron left scorch marks on my shirt, can I get a replacement plate?',
    '快递拿成了别人的，麻烦换一下。',
    '药店把我的快递拿成了别人的。',
    '我们小区一千多户就一个出入口，早高峰太堵了，建议再开一个门。',
    'My name is Sue Ellis; please update my billing address.',
    'The board game "Lawsuit!" arrived with missing cards.',
    'The vet hospital is closed on Sundays, is there an emergency number?',
  ])('%j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });
});

describe('R-SEV-1 general mechanisms from the twelfth blind set (heldout-13)', () => {
  // Our own sentences (none from heldout-13; other trades and wordings), each failing on the rules
  // before this round (checked against main). Only general mechanisms were allowed: a shape of the
  // text or a composition (a body part + a mark, a thing + its state), no phrase of the set.
  it.each<[string, SeverityLevel, string]>([
    // 1. aging: read in simplified script; "N months have passed" after or before the complaint.
    ['從九月投訴到現在三個多月，還是沒人處理。', 'L4', 'aging'],
    ['I complained on 3 March and three months have passed since, with no answer.', 'L4', 'aging'],
    // 2. an injury told by the mark it left on a body part, or by its state (fainting, bedsores).
    ['爷爷在你们康复中心洗澡时滑倒，大腿青了一大片，护工也没说一声。', 'L3', 'safety'],
    ["My son's arms came up in welts after wearing your pyjamas.", 'L3', 'safety'],
    ['The carer left dad in bed for two days and he now has bedsores.', 'L3', 'safety'],
    ['我爸打完你们开的针，在超市排队时昏倒了。', 'L3', 'safety'],
    ['My wife fainted in the fitting room because the heating was stuck on full.', 'L3', 'safety'],
    // 3. fillers inside a Chinese act (没什么, 差点儿) and being driven to it said indirectly.
    ['我真的觉得活着没什么意思，你们再这样催下去我也不知道会怎样。', 'L3', 'extreme_act'],
    ['那颗珠子我儿子差点儿就咽了。', 'L3', 'safety'],
    ['你们再不处理，别逼我做出什么事来。', 'L3', 'extreme_act'],
    // 4. a programme or paper that ran what the customers gave it, any name.
    [
      'The Evening Echo ran our story about the flooded car park this morning.',
      'L4',
      'already_exposed',
    ],
    // 5. hazards told by what happened to the thing: a hole in a load-bearing wall, a CO alarm
    // sounding, a wheel or the steering wobbling.
    ['工人在我们家承重墙上钻了几个孔装空调。', 'L3', 'safety'],
    ['The builders cut a hole in the load-bearing wall to fit the boiler.', 'L3', 'safety'],
    [
      'Our CO alarm went off twice last night after your engineer serviced the boiler.',
      'L3',
      'safety',
    ],
    [
      'Picked up the van from your tyre centre and the rear wheel started wobbling on the A1.',
      'L3',
      'safety',
    ],
    ['刚换的轮胎，开到高速上方向盘发飘。', 'L3', 'safety'],
    // 6. written Cantonese (搵咗律師); a body's own complaint channel (工商局的申诉系统).
    ['我喺你哋店買嘅熱水壺壞咗，我已經搵咗律師。', 'L3', 'legal'],
    ['我已经在工商局的申诉系统里提交了材料。', 'L3', 'regulator'],
    [
      'Dear Sir, six months have now passed since I reported the leak, after my letter of 2 May.',
      'L4',
      'aging',
    ],
    // Real injuries by the company's product still count next to the new droppers and readings.
    ['你们的热水壶把我烫伤了，跟别人没关系，就是质量问题。', 'L3', 'safety'],
    ['I am a nurse and your care home left my father with a burn on his arm.', 'L3', 'safety'],
    // A road accident nearly had, in English as 差点被车撞 is in Chinese (written after the first
    // commit, failing on main).
    ['My dad nearly got hit by a car because your crossing lights were out.', 'L3', 'safety'],
    [
      'I almost stepped out in front of a tram, the lenses you fitted are that blurry.',
      'L3',
      'safety',
    ],
    // Probed after the fixes: a laugh does not undo a burn the company is named in.
    ['I was burned by your hair straighteners lol not funny at all', 'L3', 'safety'],
    ['My hip is covered in bruises after your driver braked hard.', 'L3', 'safety'],
    ['Sued? Yes, we did. The court date is in May.', 'L4', 'already_sued'],
  ])('%j → %s (%s)', (text, level, rule) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons.map((r) => r.rule)).toContain(rule);
  });

  // Near misses: a trigger word in a place or a person's name, the writer's own trade, a
  // scare-quoted word, a threat asked back and dismissed, the writer's own mishap disclaimed,
  // slang marked by a laugh (most fire on main), and the new words in ordinary use (nearly
  // fainting at a bill, a smoke alarm and toast, a suitcase's wheels, 没什么意思 of a film).
  it.each([
    '麻烦送到医院路25号，放在门卫就行。',
    'The parcel went to 12 Hospital Road instead of our flat.',
    'We booked the Burns Night dinner and the table was double-booked.',
    'Sue said the room would be ready by noon, but it was not.',
    '这款面膜我已经"中毒"了，回购第五次，能不能出个大容量装？',
    'Sued? No, I just want my deposit back.',
    'Sue you? Nah, just send the missing charger.',
    'My own accident, not yours: I dented the hire car on a post. What is the excess?',
    '我自己骑车出了个小事故，跟你们没关系，就是想问下保险怎么改地址。',
    'I had a car accident last week, nothing to do with you, so I need to move my appointment.',
    '我以前当过消防员，想问下你们招不招保安。',
    'Got burned on the exchange rate lol, can you explain the fee?',
    '看到这个月的账单我差点晕倒，能解释一下吗？',
    'I nearly fainted when I saw the price of the parking, but fine.',
    '吓得我脸都青了，你们的客服太凶了。',
    '这部电影没什么意思，能退票吗？',
    '差一点就赶上末班车了，司机提前走了。',
    'The smoke alarm went off when I made toast, can you lower the sensitivity?',
    'The wheels on the suitcase came off after one trip, can I swap it?',
    '行李箱的轮子掉了，能换吗？',
    'We bought the sofa in March and three months have passed; it is lovely.',
    '你们的网站申诉入口找不到。',
    "I've read your story about the new store, lovely.",
    '这破手机天天死机，别逼我去做差评。',
    '我们公司在法院路上，快递能不能送到前台？',
    'The bus nearly left without me, the driver did not wait at the stop.',
  ])('%j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });
});

describe('R-SEV-1 general mechanisms from the fourteenth blind set (heldout-15)', () => {
  // Our own sentences (none from heldout-15; other trades and wordings), each failing on the rules
  // before this round (checked against main). Only general mechanisms: any medium, any person,
  // any product, any count of visits — shapes of the text, not phrases of the set.
  it.each<[string, SeverityLevel, string]>([
    // 1. a publishing verb glued to a platform's name (发 + 抖音 is not 发抖 + 音); the case going
    // on, or sent to, any medium; a piece that ran in a paper, any name.
    ['你们再不处理我就发抖音。', 'L3', 'media'],
    ['This is all going on Instagram tonight if nobody calls me.', 'L3', 'media'],
    ["I'm sending the whole story to the local paper tomorrow.", 'L3', 'media'],
    [
      'The article about your salon ran in the Evening Chronicle last week.',
      'L4',
      'already_exposed',
    ],
    // 2. self-harm in every form of its verb.
    ['Some nights I think about ending it all because of this debt.', 'L3', 'extreme_act'],
    // 3. repeated repair told by visits or replacements of anyone, any product.
    [
      'The plumber has been out four times now and the same pipe still leaks.',
      'L3',
      'repeated_repair',
    ],
    [
      'My laptop has been replaced twice under warranty and still overheats.',
      'L3',
      'repeated_repair',
    ],
    ['The technician came out three times and the fridge still leaks.', 'L3', 'repeated_repair'],
    ['师傅已经上门来了三次，热水器还是打不着火。', 'L3', 'repeated_repair'],
    ['这台扫地机已经更换过两次了，还是充不进电。', 'L3', 'repeated_repair'],
    // 4. a near miss with a person; a battery swelling while charging.
    ['The lorry backed into our fence and narrowly missed my daughter.', 'L3', 'safety'],
    ['The forklift only just missed a customer in the aisle.', 'L3', 'safety'],
    ['新买的充电器充着充着就鼓包了，吓死人。', 'L3', 'safety'],
    // 5. compensation asked as a thing (赔 + a measure word).
    ['快递把我的显示器压坏了，要求赔一台新的。', 'L3', 'compensation'],
    // 6. the amount involved told as a product's price (买的 + product + a scaled figure).
    ['买的笔记本电脑一万五，用了一周就黑屏。', 'L4', 'amount_special_major'],
    // 7. aging by a dated complaint and a duration "on" or "later".
    ['I reported the damp on 3 March. Over three months on it is still there.', 'L4', 'aging'],
    ['Reported on 4 May, still not fixed more than two months later.', 'L4', 'aging'],
    // 8. a government department by its form, any department.
    [
      'I will write to the Department for Transport about these cancelled trains.',
      'L3',
      'regulator',
    ],
    // 9. (written after the first commit, failing on it) a lift that dropped, words between; a
    // sprain told by its verb and any limb; an electric shock told as 被麻.
    ['写字楼的客梯昨天晚上又往下溜了两层。', 'L3', 'safety'],
    ['在你们健身房搬器材的时候闪到了腰，教练也不管。', 'L3', 'safety'],
    ['给充电桩插枪的时候手被麻了一下。', 'L3', 'safety'],
    // 10. a body named only by its initials after an escalation, any body.
    ['I will be raising this with MCMC if the line is not fixed by Friday.', 'L3', 'regulator'],
    ['If you do not refund me I am taking this to NCDRC.', 'L3', 'regulator'],
    ['I will be raising this with ICASA before the week is out.', 'L3', 'regulator'],
    ['I have now reported your company to ASIC.', 'L3', 'regulator'],
    // 11. something asked for the hassle (any of the inconvenience's words).
    ['I want the full 60 pounds back and a little something for the bother.', 'L3', 'compensation'],
  ])('%j → %s (%s)', (text, level, rule) => {
    const result = assessSeverity({ text });
    expect(result.level).toBe(level);
    expect(result.reasons.map((r) => r.rule)).toContain(rule);
  });

  // Near misses: the writer's own trade with a qualifier, the writer's workplace, shivering (发抖),
  // what is going on, a ball that missed, visits that fixed it, a price without a purchase.
  it.each([
    '本人是资深律师，想问下发票抬头怎么改。',
    '我就在派出所上班，快递能不能放门卫？',
    '我平时也在医院工作，周末才有空收货。',
    '空调不制热，冷得直发抖音都发不出来。',
    "I don't know what is going on with the TV app, it keeps logging me out.",
    'I only just missed the last train because your app showed the wrong time.',
    'The engineer came out once and fixed it, thanks.',
    '这款冰箱一万五，有没有分期？',
    'I reported the fault on 3 March and it was fixed two months later, thank you.',
    'My son works for the Department for Education and needs the invoice in his name.',
    '电梯里的广告屏掉下去了，能修一下吗？',
    '坐久了腿都麻了，你们的椅子能换软一点的吗？',
    '申请了政府的家电补贴，发票抬头怎么开？',
    'I will be taking it to HR at my own work, nothing to do with you.',
    'I TOOK IT TO YOUR SHOP AND THEY SWAPPED IT, THANKS',
    'I took it to DHL to post it back, when will the refund come?',
    'I raised it with the CEO of my own firm and she says it is fine.',
    // Probed after the first commits (false on them): a time going on, a shop by its capitals
    // ("taking it to" carries a thing), a service by its number.
    "It's going on three weeks and the TV still won't turn on.",
    "I'll be taking it to ASDA instead, they have it in stock.",
    'I raised it with NHS 111 and they said to rest.',
    '快递员上门来了三次我都不在家，能放驿站吗？',
    '密码更换了两次还是登录不了，怎么重置？',
    'My son has been out three times this week so I missed the delivery.',
    "I only just missed my son's call because your app froze.",
    'The price appeared in the local paper as 20 pounds but you charged 30.',
    'I raised this with IKEA customer service and they said to contact you.',
    'Please escalate this to the NOC team, the line is down.',
    'The accident was just a scratch on the door, please update the claim reference.',
    'Your van and mine had a bump years ago, it was only a dent; why is it on my file?',
    '上次说要去消协投诉是一时冲动，现在问题解决了，谢谢。',
    '我前面说要发微博只是随口一说，麻烦把少发的配件补上。',
  ])('%j → L1', (text) => {
    expect(assessSeverity({ text }).level).toBe('L1');
  });
});

describe('R-SEV-4 aging: unresolved > 2 calendar months through the company’s fault → L4', () => {
  const opened = '2026-01-10T09:00:00+08:00';
  it.each<[string, boolean | undefined, SeverityLevel]>([
    ['2026-03-11T09:00:00+08:00', true, 'L4'], // 2 months + 1 day
    ['2026-03-11T09:00:00+08:00', false, 'L1'],
    ['2026-03-11T09:00:00+08:00', undefined, 'L1'],
    ['2026-03-10T09:00:00+08:00', true, 'L1'], // exactly 2 months
    ['2026-03-10T09:00:00.001+08:00', true, 'L4'],
    ['2026-02-10T09:00:00+08:00', true, 'L1'],
  ])('opened %s, now %s, companyFault %s → %s', (now, companyFault, level) => {
    expect(
      assessSeverity({ text: '', openedAt: opened, now: new Date(now), companyFault }).level,
    ).toBe(level);
  });

  it('names the rule, the opening and the months', () => {
    const input = { openedAt: opened, now: new Date('2026-06-01T00:00:00Z'), companyFault: true };
    expect(assessSeverity(input).reasons).toEqual([
      { rule: 'aging', level: 'L4', detail: opened, threshold: 2 },
    ]);
  });

  it.each([
    ['2025-12-31T10:00:00+08:00', '2026-02-28T10:00:00+08:00', 'L1'], // 31 Dec + 2 months = 28 Feb
    ['2025-12-31T10:00:00+08:00', '2026-02-28T10:00:00.001+08:00', 'L4'],
  ])('months end where the calendar says: opened %s, now %s → %s', (openedAt, now, level) => {
    expect(assessSeverity({ openedAt, now: new Date(now), companyFault: true }).level).toBe(level);
  });

  it('counts months in the policy’s time zone', () => {
    // 31 Jan 04:00 in Shanghai is still 30 Jan in UTC: one month later is 28 Feb vs 28 Feb + 1 day.
    const oneMonth = (timeZone: string) => ({
      ...defaultPolicy,
      calendar: { ...defaultPolicy.calendar, timeZone },
      severity: { ...defaultPolicy.severity, agingSpecialMajorMonths: 1 },
    });
    const input = {
      openedAt: '2026-01-30T20:00:00Z',
      now: new Date('2026-02-28T10:00:00Z'),
      companyFault: true,
    };
    expect(assessSeverity(input, oneMonth('Asia/Shanghai')).level).toBe('L4');
    expect(assessSeverity(input, oneMonth('UTC')).level).toBe('L1');
  });

  it.each([
    [{ openedAt: 'not a date', now: new Date('2027-01-01T00:00:00Z') }],
    [{ openedAt: '2020-01-01T00:00:00Z' }], // no `now`: the clock is never read here
    [{ now: new Date('2027-01-01T00:00:00Z') }],
  ])('needs a valid openedAt and now: %j', (input) => {
    expect(assessSeverity({ ...input, companyFault: true }).level).toBe('L1');
  });
});

describe('the agent’s L0 (solved on the spot)', () => {
  it('is kept when nothing else fires, and says so', () => {
    expect(assessSeverity({ text: '已当场更换', agentLevel: 'L0' })).toEqual({
      level: 'L0',
      reasons: [{ rule: 'agent_minor', level: 'L0' }],
    });
  });

  it.each<[SeverityInput, SeverityLevel]>([
    [{ channel: 'letter' }, 'L2'],
    [{ text: '我要找媒体' }, 'L3'],
    [{ amountClaimed: 60_000 }, 'L4'],
  ])('yields to a higher rule, which the reasons explain: %j', (input, level) => {
    const result = assessSeverity({ ...input, agentLevel: 'L0' });
    expect(result.level).toBe(level);
    expect(result.reasons.at(-1)).toEqual({
      rule: 'agent_minor',
      level: 'L0',
      detail: 'superseded',
    });
  });
});

describe('reasons', () => {
  it('lists every rule that fired, highest level first (each measure once, at the highest threshold it reached); the level is the highest', () => {
    const result = assessSeverity({
      text: '我已起诉，也联系了媒体和律师。Compensation please.',
      channel: 'letter',
      category: 'service_attitude',
      headcount: 12,
      amountClaimed: 60_000,
      amountOffered: 1_000,
      round: 2,
      secondComplaint: true,
      openedAt: '2026-01-01T00:00:00Z',
      now: new Date('2026-04-01T00:00:00Z'),
      companyFault: true,
    });
    expect(result.level).toBe('L4');
    expect(result.reasons.map((r) => [r.rule, r.level])).toEqual([
      ['already_sued', 'L4'],
      ['headcount_special_major', 'L4'],
      ['amount_special_major', 'L4'],
      ['aging', 'L4'],
      ['media', 'L3'],
      ['compensation', 'L3'],
      ['claim_over_offer', 'L3'],
      ['important_channel', 'L2'],
      ['important_category', 'L2'],
      ['reopened', 'L2'],
      ['second_complaint', 'L2'],
    ]);
  });

  it('is deterministic and does not mutate its input', () => {
    const input = Object.freeze({
      text: '律师',
      texts: Object.freeze(['记者']),
      amountClaimed: 20_000,
    });
    expect(assessSeverity(input)).toEqual(assessSeverity(input));
  });
});

describe('a custom policy', () => {
  const custom: Policy = {
    ...defaultPolicy,
    severity: {
      ...defaultPolicy.severity,
      keywords: [
        { rule: 'vip', level: 'L2', words: ['VIP客户', 'vip'] },
        { rule: 'threat', level: 'L4', words: ['跳楼', 'kill myself'] },
      ],
      text: { ...defaultPolicy.severity.text, triggers: [] },
      importantChannels: ['phone'],
      importantCategories: ['billing'],
      majorAmount: 35_000,
      specialMajorAmount: 100_000,
      majorHeadcount: 3,
      specialMajorHeadcount: 30,
      claimOverOfferRatio: 3,
      agingSpecialMajorMonths: 6,
    },
  };

  it.each<[SeverityInput, SeverityLevel, string[]]>([
    [{ text: '我是VIP客户' }, 'L2', ['vip']],
    [{ text: 'a VIP asked' }, 'L2', ['vip']],
    [{ text: '再不处理我就跳楼' }, 'L4', ['threat']],
    [{ text: '我要找媒体曝光' }, 'L1', ['default']], // default words replaced
    [{ channel: 'phone' }, 'L2', ['important_channel']],
    [{ channel: 'letter' }, 'L1', ['default']],
    [{ category: 'billing' }, 'L2', ['important_category']],
    [{ amountClaimed: 20_000 }, 'L1', ['default']],
    [{ amountClaimed: 40_000 }, 'L3', ['amount_major']],
    [{ amountClaimed: 100_000 }, 'L4', ['amount_special_major']],
    [{ headcount: 3 }, 'L3', ['headcount_major']],
    [{ headcount: 29 }, 'L3', ['headcount_major']],
    [{ amountClaimed: 2_999, amountOffered: 1_000 }, 'L1', ['default']],
    [{ amountClaimed: 3_500, amountOffered: 1_000 }, 'L3', ['claim_over_offer']],
    [
      {
        openedAt: '2026-01-01T00:00:00Z',
        now: new Date('2026-05-01T00:00:00Z'),
        companyFault: true,
      },
      'L1',
      ['default'],
    ],
    [
      {
        openedAt: '2026-01-01T00:00:00Z',
        now: new Date('2026-08-01T00:00:00Z'),
        companyFault: true,
      },
      'L4',
      ['aging'],
    ],
  ])('%j → %s', (input, level, expected) => {
    const result = assessSeverity(input, custom);
    expect(result.level).toBe(level);
    expect(result.reasons.map((r) => r.rule)).toEqual(expected);
  });

  it('keeps the default policy untouched', () => {
    expect(assessSeverity({ text: '我要找媒体曝光' }).level).toBe('L3');
  });
});

// Shapes of input the properties draw from: mixed zh/en, keywords and innocent text.
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ...defaultPolicy.severity.text.triggers.flatMap((t) => [
          ...(t.acts?.zh ?? []),
          ...(t.targets?.zh ?? []),
          ...(t.acts?.en ?? []).filter((w) => !w.includes('(')),
        ]),
        '我要',
        '已经',
        '不会',
        'I will contact',
        'no one was',
        '5个人',
        '我们',
        '10,000元',
      ),
      fc.constantFrom(
        '订单',
        '退款',
        'issue',
        'express',
        'court',
        'esy',
        ' ',
        '，',
        'ｓ',
        'ue',
        'd',
      ),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));
const input: fc.Arbitrary<SeverityInput> = fc.record(
  {
    text,
    channel: fc.constantFrom(...CHANNELS),
    category: fc.constantFrom('service_attitude', 'billing'),
    headcount: fc.integer({ min: 0, max: 15 }),
    amountClaimed: fc.double({ min: 0, max: 80_000, noNaN: true }),
    amountOffered: fc.double({ min: 0, max: 40_000, noNaN: true }),
    round: fc.integer({ min: 1, max: 3 }),
    secondComplaint: fc.boolean(),
    agentLevel: fc.constant('L0' as const),
  },
  { requiredKeys: ['text'] },
);
const level = (i: SeverityInput) => assessSeverity(i).level;

describe('properties', () => {
  it('appending text never lowers the level', () => {
    // Whole-word matching means "sue" + "d" is no longer "sue": text is appended as a new
    // segment (after whitespace, or as another entry of `texts`), as the caller joins fields.
    fc.assert(
      fc.property(input, text, fc.constantFrom(' ', '\n', '。'), (base, more, sep) => {
        expect(
          compareLevels(level({ ...base, text: base.text + sep + more }), level(base)),
        ).toBeGreaterThanOrEqual(0);
        expect(
          compareLevels(level({ ...base, texts: [more] }), level(base)),
        ).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('appending after a space keeps a bare figure read as money (a counterexample fast-check found)', () => {
    // "退款12345" alone is a refund of 12,345; with " 曝光" after it, 12345 is also the
    // government hotline, and the figure must stay money: a space ends the phrase like a comma.
    expect(level({ text: '退款12345' })).toBe('L4');
    expect(level({ text: '退款12345 曝光' })).toBe('L4');
  });

  it('more complainants or a larger claim never lower the level', () => {
    fc.assert(
      fc.property(
        input,
        fc.nat(20),
        fc.double({ min: 0, max: 60_000, noNaN: true }),
        (drawn, more, extra) => {
          // Recorded figures replace what the text proposes, so compare recorded with recorded.
          const base = {
            ...drawn,
            headcount: drawn.headcount ?? 0,
            amountClaimed: drawn.amountClaimed ?? 0,
          };
          const raised = {
            ...base,
            headcount: base.headcount + more,
            amountClaimed: base.amountClaimed + extra,
          };
          expect(compareLevels(level(raised), level(base))).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the level is the highest reason’s, reasons are sorted and each rule appears once', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { level, reasons } = assessSeverity(i);
        const levels = reasons.map((r: SeverityReason) => r.level);
        expect(SEVERITY_LEVELS).toContain(level);
        expect([...levels].sort((a, b) => compareLevels(b, a))).toEqual(levels);
        expect(levels[0]).toBe(level);
        expect(new Set(reasons.map((r) => r.rule)).size).toBe(reasons.length);
      }),
      { numRuns: 500 },
    );
  });
});
