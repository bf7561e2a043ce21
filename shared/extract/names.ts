import { readMailHeaders } from './mail-headers';
import type { DetailProposal } from './types';

// The common surnames (about 90 % of the population) and compound ones.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
const COMPOUND = '欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐';
const ZH_NAME = `(?:${COMPOUND}|[${SURNAMES}])(?:先生|女士|小姐|老师|阿姨|师傅|[\\u4e00-\\u9fa5]{1,2})`;
// Words that follow a surname-looking character but are not given names.
const NOT_GIVEN =
  /^(?:.)(?:们|的|是|在|了|和|与|也|就|都|说|要|会|这|那|个|些|还|给|被|把|对|向|为|从|到|让|请|不|没|很|又|再|已|把|年|月|日|天|点|元|块|号|次|家|店|部|台|件)/;

// A sign-off, then the name on the same or the next line: 此致 敬礼 / 谢谢！/ Regards,
const ZH_SIGNATURE = new RegExp(
  `(?:投诉人|联系人|客户|顾客|业主|姓名|署名|落款)\\s*[:：]\\s*(${ZH_NAME})|(?:此致\\s*敬礼|敬礼|谢谢|感谢|祝好)[!！。,，\\s]*\\n\\s*(?:[—–-]{1,2}\\s*)?(${ZH_NAME})\\s*(?:\\n|$)|\\n\\s*[—–-]{1,2}\\s*(${ZH_NAME})\\s*$|(?:我是|我叫|本人|我姓)\\s*(${ZH_NAME})`,
  'g',
);
const EN_NAME = "[A-Z][a-z'’-]+(?: [A-Z]\\.?)?(?: [A-Z][a-z'’-]+){0,2}";
const EN_SIGNATURE = new RegExp(
  `(?:\\b(?:regards|best regards|kind regards|best wishes|sincerely|yours sincerely|yours faithfully|thanks|thank you|cheers|best),?[ \\t]*\\n[ \\t]*(${EN_NAME})[ \\t]*(?:\\n|$))|(?:\\b(?:my name is|this is|i am|i'm)\\s+(${EN_NAME})(?=[,.;\\s]|$))|(?:\\b(?:name|complainant|customer)\\s*:\\s*(${EN_NAME}))`,
  'gi',
);
const EN_NOT_NAME =
  /^(?:a|an|the|i|not|very|so|writing|calling|from|your|here|still|really|disappointed|sorry|unhappy|angry|a customer)\b/i;

/**
 * The customer's name from a clipped email's sender line (From:/发件人：), a signature, a
 * "我是…/my name is…" or a 联系人：… label.
 */
export function extractNames(text: string): DetailProposal[] {
  const out: DetailProposal[] = [];
  const push = (name: string, at: number, confidence: number) => {
    const start = at;
    const end = start + name.length;
    if (out.some((p) => start < p.end && end > p.start)) return;
    out.push({ kind: 'name', value: name, text: name, start, end, confidence });
  };
  const sender = readMailHeaders(text)?.from?.name;
  if (sender) push(sender.value, sender.start, 0.9);
  for (const m of text.matchAll(ZH_SIGNATURE)) {
    const group = [1, 2, 3, 4].find((g) => m[g] !== undefined)!;
    let name = m[group]!;
    if (group === 4 && NOT_GIVEN.test(name)) continue;
    if (group === 4) name = name.replace(/(?:的|是|在|了|，|。).*$/, '');
    push(name, m.index! + m[0].lastIndexOf(name), group === 1 ? 0.9 : group === 4 ? 0.6 : 0.75);
  }
  for (const m of text.matchAll(EN_SIGNATURE)) {
    const group = [1, 2, 3].find((g) => m[g] !== undefined)!;
    if (EN_NOT_NAME.test(m[group]!)) continue;
    // The i flag lets the pattern take any word: keep the leading capitalised ones.
    const words = m[group]!.split(' ');
    const kept = words.slice(
      0,
      (words.findIndex((w) => !/^[A-Z]/.test(w)) + 1 || words.length + 1) - 1,
    );
    const name = kept.join(' ');
    if (!name || /^(?:I|And|But|The)$/.test(name)) continue;
    push(name, m.index! + m[0].lastIndexOf(name), group === 3 ? 0.9 : group === 1 ? 0.75 : 0.6);
  }
  return out;
}
