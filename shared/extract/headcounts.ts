import {
  BELOW_BEFORE,
  EN_NUMBER_WORDS,
  ZH_NUMERAL_CHARS,
  belowBound,
  parseEnglishNumber,
  parseNumber,
} from './numbers';
import type { DetailProposal } from './types';

// People who complain together: 5个人 · 四十多户 · 12位业主 · 二十名乘客 · 二十几个 members.
const ZH_PEOPLE =
  '(?:户业主|位业主|名业主|户居民|户人家|户|个人|口人|人|位|名|个)?(?:业主|住户|居民|村民|家庭|乘客|旅客|游客|顾客|消费者|客户|用户|租户|租客|房客|车主|会员|学生|同学|家长|工人|员工|职工|同事|朋友|邻居|老人|孩子|病人|患者|商户|学员)|个人|口人|号人|户|人|位|名|个\\s*(?:people|members|parents|residents|customers|students|users|tenants|families|households|owners)\\b';
const ZH_HEADCOUNT = new RegExp(
  `(?<![第每\\d${ZH_NUMERAL_CHARS}])((?:\\d+|[${ZH_NUMERAL_CHARS}]+))\\s*(多|余|来|几)?\\s*(?:${ZH_PEOPLE})(?!次|份|间|民币|员|工|民|口|品|为|性|格|气|士|家|数|置|于|子)`,
  'g',
);
// "twelve of us", "40 households", "a group of 12", "over forty residents"
const EN_PEOPLE =
  'people|persons|customers|residents|households|families|flats|apartments|homes|tenants|passengers|owners|homeowners|members|students|parents|neighbou?rs|complainants|guests|travell?ers|colleagues|employees|workers|consumers|users|buyers|subscribers|friends|mates|flatmates|housemates|roommates|classmates|teammates|coworkers|delegates|patients|drivers|riders|commuters|shoppers|diners|of us';
const EN_HEADCOUNT = new RegExp(
  `\\b(over |more than |at least |about |around )?(\\d+|${EN_NUMBER_WORDS})(\\+|-odd| odd|-plus| or so)? (?:other |more |of (?:the|his|her|their|our|my|your) |different |affected |angry |local )?(?:[a-z]+ )?(${EN_PEOPLE})\\b`,
  'gi',
);
const EN_GROUP = new RegExp(
  `\\b(?:a group of|we are|we're) (\\d+|${EN_NUMBER_WORDS})\\b(?! (?:minutes|hours|days|weeks|months|years|km|miles)\\b)`,
  'gi',
);

// Acting together: only then are the people complainants, not staff or bystanders.
// A business gone with everyone's money (跑路, closed overnight) wrongs them all at once.
const ZH_TOGETHER =
  /我们|咱们|我哋|夹埋|大家|一起|联名|集体|共同|全体|都要|一同|所有|业主|住户|居民|宿舍|全家|一家|算上我|包括我|连我|跑路|倒闭|卷款|人去楼空|拉了(?:个|一个)?群|建了(?:个|一个)?群|维权群/;
const EN_TOGETHER =
  /\b(?:we|us|our|together|jointly|joint (?:letter|complaint|claim)|sign (?:a|the) (?:letter|petition|complaint)|(?:all )?signing (?:this|below|here|the)|all of|group|petition|signed|residents|households|families|tenants|neighbou?rs|(?:are|were) coming (?:in|down|round|over)\b[^.!?]{0,30}\babout|(?:have|has|had)(?: now| all| also| already| each)* (?:complained|written in|signed|reported it)|(?:report|reported|are reporting|have reported|has reported|all reported) (?:that|the same|it|the fault|the problem|the issue)|closed overnight|vanished|went bust|gone bust|went into administration|disappeared with)\b/i;
// Mixed-language sentences (我们公司 fifteen people): either language's words say "together".
const together = (sentence: string) => EN_TOGETHER.test(sentence) || ZH_TOGETHER.test(sentence);

const POPULATION_AFTER =
  /^[^，。！？,.!?；;]{0,6}?(?:就|只有|才|共用|只)(?:一|1)(?:个|家|部|台|处|间)|^\s*(?:and|but|with|yet)\s+(?:only|just)\s+(?:one|1|a single)\b/i;
// A laugh alone (哈哈, lol) is often sarcasm about a real group ("all 40 of us stranded lol");
// a crying-laughing face or a joke owned is not.
const ALONE =
  /我个人|我自己觉得|就我自己|\bI personally\b|\bspeaking for myself\b|😂|🤣|开玩笑|\bjust kidding\b|\bjk\b/i;

function sentenceAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !/[。！!？?\n]/.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !/[。！!？?\n]/.test(text[b]!)) b++;
  return text.slice(a, b);
}

/** Numbers of people; `collective` when the sentence says they act together. */
export function extractHeadcounts(text: string): DetailProposal[] {
  const out: DetailProposal[] = [];
  const push = (
    start: number,
    end: number,
    value: number | undefined,
    approx: boolean,
    plainGroup: boolean,
  ) => {
    if (value === undefined || value < 1 || value > 1e6 || !Number.isInteger(value)) return;
    if (out.some((p) => start < p.end && end > p.start)) return;
    // 快十位家长, almost ten of us: fewer than the figure written.
    if (BELOW_BEFORE.test(text.slice(Math.max(0, start - 8), start))) {
      value = belowBound(value);
      approx = true;
    }
    const sentence = sentenceAround(text, start, end);
    // heldout-12: a place's population, the writer speaking for one, or a joke, is no group
    // complaining (小区两千多户人家就一个驿站, 一百多号人…我个人觉得, "all 200 residents mad 😂").
    const collective =
      (plainGroup || together(sentence)) &&
      !POPULATION_AFTER.test(text.slice(end, end + 24)) &&
      !ALONE.test(sentence);
    out.push({
      kind: 'headcount',
      value,
      text: text.slice(start, end),
      start,
      end,
      confidence: collective ? 0.85 : 0.5,
      ...(approx ? { approximate: true } : {}),
      ...(collective ? { collective } : {}),
    });
  };
  for (const m of text.matchAll(ZH_HEADCOUNT)) {
    const unit = m[0].slice(m[1]!.length + (m[2]?.length ?? 0)).trim();
    // 户 and 业主 are households of owners: a collective complaint by nature.
    const byNature = /户|业主|住户|居民|村民/.test(unit);
    // 十几个同事都…: a named group (not bare 人, not the company's staff) that all shared it;
    // 店里5个人都不理我 is five people, not five complainants.
    const end = m.index! + m[0].length;
    const named = /[\u4e00-\u9fff]{2}$/.test(unit) && !/个人|口人|员工|职工/.test(unit);
    // heldout-9: …or counted as a whole (一共11个车主 … 全都出现了鼓包).
    const all =
      named &&
      (/^[^，。！？,.!?]{0,4}都/.test(text.slice(end, end + 6)) ||
        (/(?:一共|总共|共有|足足)$/.test(text.slice(Math.max(0, m.index! - 3), m.index!)) &&
          /^[^。！？!?]{0,40}?(?:全都|都(?:出现|有|是|遇到|发生))/.test(
            text.slice(end, end + 48),
          )));
    push(m.index!, end, parseNumber(m[1]!), !!m[2], byNature || all);
  }
  for (const m of text.matchAll(EN_HEADCOUNT)) {
    const n = /^\d+$/.test(m[2]!) ? Number(m[2]) : parseEnglishNumber(m[2]!);
    const ofUs = m[4]!.toLowerCase() === 'of us';
    push(m.index!, m.index! + m[0].length, n, !!(m[1] || m[3]), ofUs);
  }
  for (const m of text.matchAll(EN_GROUP)) {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : parseEnglishNumber(m[1]!);
    push(m.index!, m.index! + m[0].length, n, false, true);
  }
  addUnits(text, out);
  addListed(text, out);
  addJoined(text, out);
  return out;
}

// heldout-10: more people joining a group already counted ("Seven families … Five more from
// Year 5 have now joined us", 又有五户加入了): the group is both together.
const EN_JOINED = new RegExp(
  `\\b(\\d+|${EN_NUMBER_WORDS}) more\\b[^.!?]{0,30}?\\b(?:have|has|had)?\\s*(?:now |also |since |just )?(?:joined|signed|come forward|added their names)\\b`,
  'gi',
);
const ZH_JOINED =
  /(?:又有|还有|另外有|新增了?)(\d+|[一二两三四五六七八九十]+)(?:个|位|户|家|名)?[\u4e00-\u9fff]{0,6}?(?:加入|联名|签名|也来投诉)/g;

function addJoined(text: string, out: DetailProposal[]): void {
  const joins = [...text.matchAll(EN_JOINED), ...text.matchAll(ZH_JOINED)];
  for (const m of joins) {
    const n = /^\d+$/.test(m[1]!)
      ? Number(m[1])
      : (parseEnglishNumber(m[1]!) ?? parseNumber(m[1]!));
    const group = out
      .filter((p) => p.collective && p.end <= m.index!)
      .sort((a, b) => (b.value as number) - (a.value as number))[0];
    if (!group || n === undefined) continue;
    out.push({
      ...group,
      value: (group.value as number) + n,
      text: text.slice(group.start, m.index! + m[0].length),
      end: m.index! + m[0].length,
    });
  }
}

// heldout-11: groups listed in one sentence (我们宿舍4个人，隔壁宿舍也是4个人，再加上楼下3个同学;
// "three of us on the second floor, four on the third and five more on the top floor"; "myself
// and my two housemates, plus the four people upstairs"): the complainants are all of them.
// A part of a group counted before it (其中2个人, "one of us") is not added.
const LIST_GAP = /^[^。！？!?.其]{0,14}$/;
const LIST_ADD = /也|加上|还有|另外|以及|外加|\b(?:plus|and|as well as)\b/i;
const EN_MORE = new RegExp(
  `^[^.!?]{0,24}?(?:,|;|,? and|,? plus) (\\d+|${EN_NUMBER_WORDS})(?: more)? (?:from|in|on|at)\\b`,
  'i',
);
const ME_AND = /\b(?:me|myself|I)(?: and|,) (?:my )?$/i;

function addListed(text: string, out: DetailProposal[]): void {
  const groups = [...out].sort((a, b) => a.start - b.start);
  for (const g of groups) {
    const me = ME_AND.test(text.slice(Math.max(0, g.start - 14), g.start));
    if (!g.collective && !me) continue;
    let value = (g.value as number) + (me ? 1 : 0);
    let end = g.end;
    let added = me;
    for (;;) {
      const more = EN_MORE.exec(text.slice(end));
      if (more) {
        value += /^\d+$/.test(more[1]!) ? Number(more[1]) : (parseEnglishNumber(more[1]!) ?? 0);
        end += more[0].length;
        added = true;
        continue;
      }
      const next = groups.find((q) => q.start >= end);
      const gap = next ? text.slice(end, next.start) : '';
      if (!next || /of us/i.test(next.text) || !LIST_GAP.test(gap) || !/[，,、;；]/.test(gap))
        break;
      value += next.value as number;
      end = next.end;
      added ||= LIST_ADD.test(gap);
    }
    if (!added) continue;
    out.push({
      ...g,
      value,
      text: text.slice(g.start, end),
      end,
      collective: true,
      confidence: 0.85,
    });
    return;
  }
}

// heldout-10/11: neighbours counted by their homes (5楼、7楼、9楼、11楼的邻居; "the neighbours at
// numbers 4, 6, 8 and 10"): one household a home, and the writer's own when told apart (我家住3楼).
const ZH_UNITS =
  /(?:[\d一二三四五六七八九十]{1,4}(?:号楼|楼|层|栋|幢|单元|室)?[、，,和及与]){1,}[\d一二三四五六七八九十]{1,4}(?:号楼|楼|层|栋|幢|单元|室)?的?(?:邻居|住户|业主|居民|租户|人家)/g;
const EN_UNITS =
  /\b(?:flats|units|houses|numbers|nos\.?) \d+[a-z]?(?:, \d+[a-z]?)*,? and \d+[a-z]?\b/gi;

function addUnits(text: string, out: DetailProposal[]): void {
  for (const m of [...text.matchAll(ZH_UNITS), ...text.matchAll(EN_UNITS)]) {
    const before = text.slice(0, m.index);
    const me = /我家|我们家|我住/.test(before) && !/[在住是]$/.test(before);
    const homes = m[0]
      .split(/[、，,和及与]|\band\b/)
      .filter((x) => /\d|[一二三四五六七八九十]/.test(x));
    if (homes.length < 2) continue;
    const end = m.index! + m[0].length;
    const collective =
      together(sentenceAround(text, m.index!, end)) || /都|一起/.test(text.slice(end, end + 12));
    out.push({
      kind: 'headcount',
      value: homes.length + (me ? 1 : 0),
      text: m[0],
      start: m.index!,
      end,
      confidence: collective ? 0.85 : 0.5,
      ...(collective ? { collective } : {}),
    });
  }
}
