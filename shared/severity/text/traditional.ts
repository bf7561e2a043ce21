/**
 * Traditional characters read as their simplified forms, so every Chinese word in the rules
 * also matches when written in traditional script (跳樓 as 跳楼, 訴訟 as 诉讼, 消費者協會).
 * Pairs (traditional, simplified), one code unit each so offsets and quotes stay the
 * original's; limited to the characters the default rules use (generated once with OpenCC's
 * tw and hk tables, kept only where converting back gives the same character).
 */
export const TRADITIONAL_PAIRS =
  '萬万業业絲丝丟丢兩两個个為为舉举麼么鄉乡書书買买於于產产親亲從从們们價价眾众會会傳传傷伤體体偵侦債债償偿兒儿關关興兴冊册寫写農农決决準准幾几擊击劃划則则剛刚別别' +
  '剎刹劇剧辦办務务動动勢势區区醫医協协單单佔占衛卫廳厅廂厢參参雙双發发臺台號号後后聽听嘔呕員员嚨咙諮咨嗶哔噴喷圍围國国場场壞坏塊块壇坛牆墙聲声處处備备復复頭头夾夹' +
  '媽妈學学寧宁寶宝實实審审對对尋寻導导將将盡尽屬属帥帅師师帶带幫帮幹干並并廣广應应開开異异張张彈弹強强歸归當当錄录徑径態态總总惡恶願愿戶户執执搶抢護护報报撥拨擇择' +
  '掛挂損损換换據据搖摇敵敌數数斷断無无時时術术機机殺杀雜杂權权條条來来極极構构櫃柜標标欄栏樣样橋桥檢检樓楼橫横殘残氣气沒没洩泄瀉泻測测濟济瀏浏溫温遊游灣湾濺溅滿满' +
  '濾滤燈灯靈灵災灾點点煙烟燒烧燙烫熱热愛爱狀状貓猫環环現现電电畫画療疗監监蓋盖盤盘著着碼码離离積积穩稳竄窜筆笔紅红約约級级紀纪紙纸線线經经結结給给絡络絕绝統统緒绪' +
  '繩绳維维纜缆縫缝網网羣群聯联腫肿勝胜腦脑腳脚脫脱臉脸節节蕩荡藥药營营慮虑蟲虫補补裝装見见視视覽览覺觉觸触計计訂订認认讓让記记論论訟讼設设訪访證证評评識识訴诉診诊' +
  '話话詢询誤误說说説说請请諸诸讀读誰谁調调談谈負负財财責责質质購购貼贴貴贵費费賠赔贊赞贏赢躥蹿車车轉转輪轮輕轻載载轎轿輛辆輸输邊边達达過过運运還还這这進进連连遲迟' +
  '選选遞递遙遥郵邮採采裡里裏里針针鋼钢錢钱鐵铁銀银鋪铺鏈链鎖锁鍋锅錯错鏡镜長长門门問问闖闯間间鬧闹閨闺聞闻閱阅閲阅隊队陽阳險险隨随隱隐靜静頂顶須须預预領领頻频題题' +
  '顏颜額额風风飛飞餓饿馬马魚鱼齦龈' +
  // Written Cantonese read as Mandarin (搵咗律師 as 找了律师): its words for 找, 了, 的, 在, 没, 们.
  '搵找咗了嘅的喺在冇没哋们';

/** Folds each traditional character of `table` (indexed by code unit) to its simplified form. */
export function foldTraditional(table: Uint16Array): void {
  for (let i = 0; i < TRADITIONAL_PAIRS.length; i += 2) {
    table[TRADITIONAL_PAIRS.charCodeAt(i)] = TRADITIONAL_PAIRS.charCodeAt(i + 1);
  }
}

/** The traditional characters folded, as a regex character class body. */
export const TRADITIONAL_CHARS = /* @__PURE__ */ (() => {
  let out = '';
  for (let i = 0; i < TRADITIONAL_PAIRS.length; i += 2) out += TRADITIONAL_PAIRS[i];
  return out;
})();

/** `text` with traditional characters folded (one code unit for one). */
export function toSimplified(text: string): string {
  if (!TRADITIONAL_RE.test(text)) return text;
  const table = simplifiedTable();
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(table[text.charCodeAt(i)]!);
  return out;
}

const TRADITIONAL_RE = /* @__PURE__ */ new RegExp(`[${TRADITIONAL_CHARS}]`);
let table: Uint16Array | undefined;
function simplifiedTable(): Uint16Array {
  if (table) return table;
  table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  foldTraditional(table);
  return table;
}
