import type { OrganizationKind } from '../domain/types';
import type { Lexicon, ZhForm } from './lexicon';
import { normalizeForm } from './normalize';
import { dictEntry, type Token } from './segment';
import { HEAD_GRAMMAR as G, TRANSLIT_MODEL } from './weights';
import { nameModel, type NameModel } from './zh-name-model';
import { LOCAL_GOVERNMENT_SHORT_FORMS } from './zh-short-forms';

/**
 * Head-noun grammar for organizations and places the lexicon lacks: a head (醫院, 大學, 集團,
 * 宮, 分局, 溪, 站 ...) and the name before it, whose left edge comes from segmentation: tokens
 * are taken leftwards while they can be part of a name, and the span needs at least one token
 * that names something (a place, a proper noun, an unknown word) — 國立大學 and 私立大學
 * describe, 彰化師範大學 names.
 */
export interface HeadSpan {
  start: number;
  end: number;
  type: 'organization' | 'place';
  kind?: OrganizationKind;
  /** Where the unit's own name starts when the name begins with a known organization (財政部統計處 -> 統計處). */
  shortStart?: number;
}

const n = normalizeForm;
type Head = { head: string; type: 'organization' | 'place'; kind?: OrganizationKind };

const ORG_HEADS: [string, OrganizationKind][] = [
  ['委員會', 'committee'],
  ['審議會', 'committee'],
  ['管委會', 'committee'],
  ['基金會', 'other'],
  ['協會', 'other'],
  ['學會', 'other'],
  ['公會', 'other'],
  ['工會', 'other'],
  ['商會', 'other'],
  ['總會', 'other'],
  ['校友會', 'other'],
  ['聯合會', 'other'],
  ['促進會', 'other'],
  ['總醫院', 'other'],
  ['醫院', 'other'],
  ['診所', 'other'],
  ['醫學中心', 'other'],
  ['大學', 'other'],
  ['學院', 'other'],
  ['學系', 'other'],
  ['研究所', 'other'],
  ['研究院', 'other'],
  ['書院', 'other'],
  ['研究中心', 'other'],
  ['高中', 'other'],
  ['國中', 'other'],
  ['國小', 'other'],
  ['中學', 'other'],
  ['小學', 'other'],
  ['公司', 'company'],
  ['集團', 'company'],
  ['科技', 'company'],
  ['電子', 'company'],
  ['半導體', 'company'],
  ['銀行', 'company'],
  ['證券', 'company'],
  ['金控', 'company'],
  ['航空', 'company'],
  ['電信', 'company'],
  ['生技', 'company'],
  ['製藥', 'company'],
  ['實業', 'company'],
  ['工業', 'company'],
  ['控股', 'company'],
  ['文創', 'company'],
  ['娛樂', 'company'],
  ['影業', 'company'],
  ['唱片', 'company'],
  ['百貨', 'company'],
  ['光電', 'company'],
  ['精密', 'company'],
  ['外科', 'other'],
  ['內科', 'other'],
  ['醫學部', 'other'],
  ['日報', 'media'],
  ['時報', 'media'],
  ['電視台', 'media'],
  ['電台', 'media'],
  ['新聞網', 'media'],
  ['通訊社', 'media'],
  ['雜誌', 'media'],
  ['政府', 'government'],
  ['市府', 'government'],
  ['縣府', 'government'],
  ['公所', 'government'],
  ['法院', 'government'],
  ['地院', 'government'],
  ['高分院', 'government'],
  ['分院', 'government'],
  ['法庭', 'government'],
  ['地檢署', 'government'],
  ['檢察署', 'government'],
  ['警察局', 'government'],
  ['分局', 'government'],
  ['派出所', 'government'],
  ['消防局', 'government'],
  ['衛生局', 'government'],
  ['分署', 'government'],
  ['管理處', 'government'],
  ['管理局', 'government'],
  ['司令部', 'government'],
  ['指揮部', 'government'],
  ['辦公室', 'government'],
  ['辦事處', 'government'],
  ['總隊', 'government'],
  ['大隊', 'government'],
  ['小組', 'government'],
  ['中心', 'government'],
  ['議會', 'legislature'],
  ['代表會', 'legislature'],
  ['黨部', 'party'],
  ['黨團', 'party'],
  ['黨', 'party'],
  ['組織', 'international'],
  ['聯盟', 'international'],
  ['局', 'government'],
  ['處', 'government'],
  ['署', 'government'],
  ['司', 'government'],
  ['部', 'government'],
  ['院', 'government'],
  ['宮', 'other'],
  ['廟', 'other'],
  ['寺', 'other'],
  ['教會', 'other'],
  ['隊', 'sports'],
  ['樂團', 'other'],
  ['劇團', 'other'],
];
const PLACE_HEADS = [
  '堰塞湖',
  '水庫',
  '溪',
  '河',
  '江',
  '湖',
  '潭',
  '山',
  '嶺',
  '峽谷',
  '車站',
  '捷運站',
  '站',
  '港',
  '碼頭',
  '機場',
  '路',
  '街',
  '大道',
  '公園',
  '夜市',
  '廣場',
  '大樓',
  '老街',
  '步道',
  '橋',
  '隧道',
  '村',
  '鄉',
  '鎮',
  '區',
  '縣',
  '市',
  '省',
  '州',
  '市政廳',
  '體育館',
  '巨蛋',
  '球場',
  '會館',
  '線',
  '島',
  '灣',
  '半島',
  '海峽',
];

const HEADS: Head[] = [
  ...ORG_HEADS.map(([h, kind]) => ({ head: n(h), type: 'organization' as const, kind })),
  ...PLACE_HEADS.map((h) => ({ head: n(h), type: 'place' as const })),
].sort((a, b) => b.head.length - a.head.length);
const ORG_HEAD_WORDS = HEADS.filter((h) => h.type === 'organization' && h.head.length >= 2).map((h) => h.head);
/** The text ends with a head noun of organizations of two characters or more (大學, 協會, 科技). */
export function endsWithOrgHead(text: string): boolean {
  return ORG_HEAD_WORDS.some((h) => text.endsWith(h) && text.length > h.length);
}
const COMPANY_HEADS = HEADS.filter((h) => h.kind === 'company').map((h) => h.head);
/** Place heads of rivers, lakes and reservoirs. */
const WATER_HEADS = ['堰塞湖', '水库', '溪', '河', '湖', '潭'].map(n);
/** A company head (科技, 集團, 公司 ...) or a river, lake or reservoir head (溪, 湖, 水庫) is written at `pos`. */
export function companyOrWaterHeadAt(norm: string, pos: number): boolean {
  return COMPANY_HEADS.some((h) => norm.startsWith(h, pos)) || WATER_HEADS.some((h) => norm.startsWith(h, pos));
}
/**
 * The name of a company without its head (瑞昇科技 -> 瑞昇), when it can stand alone: two
 * characters or more and no common word (大同 of 大同公司 is also "great unity").
 */
export function companyStem(name: string): string | undefined {
  const head = COMPANY_HEADS.find((h) => name.endsWith(h) && name.length - h.length >= 2);
  if (!head) return undefined;
  const stem = name.slice(0, name.length - head.length);
  if ((dictEntry(stem)?.freq ?? 0) >= G.commonStemFreq) return undefined;
  return stem;
}
// keyed by the head's first UTF-16 unit: looked up at every character of the text
const HEAD_BY_FIRST = new Map<number, Head[]>();
for (const h of HEADS) HEAD_BY_FIRST.set(h.head.charCodeAt(0), [...(HEAD_BY_FIRST.get(h.head.charCodeAt(0)) ?? []), h]);

/** Tags of tokens that may stand inside a name; v/vn only between two name tokens (動物保護處). */
const NAME_TAGS = /^(n|nz|nt|ns|nr|nrt|nrfg|x|j|l|eng|b|s|ng|an|zg|g)$/;
const INNER_TAGS = /^(vn)$/;
/** Verbs that are common inside the names of public bodies (動物保護處, 經濟發展局). */
const INNER_VERBS = new Set(
  [
    '保护',
    '管理',
    '发展',
    '研究',
    '促进',
    '检验',
    '检疫',
    '防疫',
    '保险',
    '服务',
    '经营',
    '投资',
    '建设',
    '审议',
    '审查',
    '推动',
    '救助',
    '防治',
    '调查',
    '保育',
    '监督',
    '规划',
    '保障',
    '改革',
    '解放',
    '复兴',
    '教育',
    '训练',
    '辅导',
    '评量',
    '测验',
    '交流',
    '合作',
    '开发',
    '创新',
  ].map(n),
);
/** Tags of tokens that name something: a place, a proper noun, an abbreviation or a word jieba does not know. */
const NAMING_TAGS = /^(nz|nt|ns|nr|nrt|nrfg|x|j|eng)$/;
/** Conjunctions inside one name (外交及國防委員會, 海關暨檢疫局). */
const JOINERS = new Set(['及', '与', '暨'].map(n));
/** Words that never start a name: pronouns, determiners, adverbs of place and time. */
const NOT_FIRST = new Set(
  [
    '历任',
    '曾任',
    '现任',
    '前任',
    '这所',
    '该所',
    '这家',
    '该校',
    '此一',
    '这个',
    '那个',
    '该',
    '经',
    '隔天',
    '当天',
    '今年',
    '去年',
    '该',
    '本',
    '各',
    '全',
    '此',
    '这',
    '那',
    '其',
    '前',
    '后',
    '新',
    '现',
    '原',
    '贵',
    '我',
    '你',
    '他',
    '她',
    '们',
    '一',
    '每',
  ].map(n),
);
/** Characters that never occur inside a name part: verbs of saying, copulas, particles. */
const BAD_INSIDE = new Set([...'在是称说的了把被将也都很并而至往赴抵为'].map(n));
/** Generic areas (台灣地區, 山區, 偏遠地區) rather than named places. */
const GENERIC_PLACE_ENDS = ['地区', '山区', '市区', '社区', '灾区', '园区', '地带', '矿区', '郊区', '县市', '各县'];
/** 東南部, 西北部: a part of a region, not a body. */
const DIRECTION_WORD = new RegExp(`^[${n('東西南北中')}]{1,2}${n('部')}$`);
/** A remainder starting with a township head would read as a town (大甲|鎮…宮): the name is not split. */
const TOWN_HEAD = new Set([...'镇乡村区市县'].map(n));
const LOCATIVES = new Set([...'畔边旁岸口侧'].map(n));
const ROUTE_WORDS = ['遶境', '绕境', '进香', '驻驾', '停驾', '起驾', '回銮', '沿途', '行经', '途经'].map(n);
/** A temple named near pilgrimage words is a stop on a route: its town is a place of its own. */
function onRoute(norm: string, start: number, end: number): boolean {
  const window = norm.slice(Math.max(0, start - 40), end + 40);
  return ROUTE_WORDS.some((w) => window.includes(w));
}
const REQUIRE_KNOWN = new Set(['线'].map(n));
/** Words of rail travel: near them, "X線" is a line even when X is no known place (…線停駛). */
const RAIL_CUES = [
  '列車',
  '火車',
  '台鐵',
  '鐵路',
  '捷運',
  '高鐵',
  '支線',
  '停駛',
  '行駛',
  '通車',
  '月台',
  '車廂',
  '班次',
  '脫軌',
  '出軌',
].map(n);
const RAIL_WINDOW = 40;

function railNear(norm: string, start: number, end: number): boolean {
  const w = norm.slice(Math.max(0, start - RAIL_WINDOW), end + RAIL_WINDOW);
  return RAIL_CUES.some((c) => w.includes(c));
}
const JOINING_HEADS = new Set(['学系', '学院', '研究所', '中心', '研究中心'].map(n));
/** Temples are named after their town but written after their city (雲林縣|福安宮). */
const TEMPLE_HEADS = new Set(['宫', '庙', '寺'].map(n));
/** Legal forms of foundations and associations, written as the first words of their names. */
const LEGAL_FORMS = ['公益社团法人', '财团法人', '社团法人', '行政法人', '公益财团法人'].map(n).sort((a, b) => b.length - a.length);
const TRADE_PREFIX = ['美商', '陆商', '中资', '台商', '日商', '韩商', '港商', '外商', '欧商', '德商', '荷商'].map(n);
const TRADER = n('商');
const ROLE_PREFIX = ['母公司', '子公司', '旗下', '集团旗下'].map(n);
const LEADING_FUNCTION = new Set([...'由在从至于经若指为被让将把对向与和及或是的了也都就才即'].map(n));
/** Nouns that link two names rather than belong to one (宏昇科技|旗下|永泰電子). */
const NOT_INSIDE = new Set(
  [
    '今年度',
    '明年度',
    '本年度',
    '去年度',
    '年度',
    '制造商',
    '供应商',
    '业者',
    '厂商',
    '品牌',
    '大厂',
    '龙头',
    '巨头',
    '会同',
    '协同',
    '偕同',
    '连同',
    '旗下',
    '底下',
    '之下',
    '以及',
    '包括',
    '对手',
    '合作',
    '期间',
    '今年',
    '去年',
    '明年',
    '目前',
    '当时',
    '昨天',
    '今天',
    '日前',
  ].map(n),
);
/** Descriptive words that make "X + head" a description rather than a name. */
const DESCRIPTIVE = new Set(
  [
    '国立',
    '私立',
    '公立',
    '市立',
    '县立',
    '综合型',
    '国际型',
    '研究型',
    '一般',
    '地方',
    '中央',
    '专案',
    '专业',
    '相关',
    '主管',
    '当地',
    '各级',
    '全国',
    '国内',
    '国外',
    '海外',
    '所有',
    '其他',
    '多家',
    '多所',
    '这家',
    '那家',
    '两家',
    '三家',
    '知名',
    '大型',
    '小型',
    '民间',
    '公营',
    '民营',
    '地方',
    '偏乡',
    '内外',
    '子',
    '母',
    '总',
    '分',
    '高',
  ].map(n),
);

/**
 * Candidate organizations and places by their heads. `lexMatches` are the lexicon matches of
 * the text (a known place or organization inside the span counts as naming evidence and marks
 * a unit of a known parent); `blocked` marks characters of people already found.
 */
export function headSpans(opts: {
  norm: string;
  tokens: Token[];
  lex: Lexicon;
  lexMatches: { start: number; end: number; values: ZhForm[] }[];
  blocked: Uint8Array;
  titleEnds: Map<number, number>;
}): HeadSpan[] {
  const { norm, tokens, blocked } = opts;
  const tokenAt = new Int32Array(norm.length + 1).fill(-1);
  tokens.forEach((t, i) => {
    for (let k = t.start; k < t.end; k++) tokenAt[k] = i;
  });
  const known = new Map<number, { end: number; type: string }[]>();
  for (const m of opts.lexMatches) {
    const t = m.values[0].entity.type;
    if (t === 'topic' || t === 'person') continue;
    known.set(m.start, [...(known.get(m.start) ?? []), { end: m.end, type: t }]);
  }
  const knownInside = (s: number, e: number) => {
    for (let k = s; k < e; k++) for (const m of known.get(k) ?? []) if (m.end <= e && m.end - k >= 2) return true;
    return false;
  };
  const properInside = (s: number, e: number) => {
    for (let k = s; k < e;) {
      const ti = tokenAt[k];
      if (ti < 0) return false;
      if (NAMING_TAGS.test(tokens[ti].tag)) return true;
      k = tokens[ti].end;
    }
    return false;
  };
  const orgEnds = new Map<number, number>();
  for (const m of opts.lexMatches)
    if (m.values[0].entity.type === 'organization') orgEnds.set(m.end, Math.min(orgEnds.get(m.end) ?? m.start, m.start));

  // a head that is the end of a lexicon name (灣 of 台灣, 院 of 行政院) belongs to that name
  const lexCovers = new Uint8Array(norm.length + 1);
  for (const m of opts.lexMatches) if (m.end - m.start >= 2) for (let k = m.start; k < m.end; k++) lexCovers[k] = 1;
  const inLongerHead = new Uint8Array(norm.length + 1);
  const out: HeadSpan[] = [];
  const model = nameModel(opts.lex);
  for (let i = 0; i < norm.length; i++) {
    const heads = HEAD_BY_FIRST.get(norm.charCodeAt(i));
    if (!heads || inLongerHead[i]) continue;
    const h = heads.find((x) => norm.startsWith(x.head, i));
    if (!h) continue;
    const end = i + h.head.length;
    for (let k = i; k < end; k++) inLongerHead[k] = 1;
    if (lexCovers[end - 1]) continue;
    // a one-character head inside an ordinary word (南|部 of 南部, 決勝|局, 團|隊) is no head
    const hi = tokenAt[i];
    // (a word of three or more ending in the head is a compound head: 保護|局, 事務|部)
    if (
      h.head.length === 1 &&
      hi >= 0 &&
      tokens[hi].start < i &&
      !/^(x|nz|nt|j|ns|nr|nrt)$/.test(tokens[hi].tag) &&
      !(
        tokens[hi].end === end &&
        tokens[hi].word.length >= 3 &&
        /^(n|nz|nt|x|j)$/.test(tokens[hi].tag) &&
        !DIRECTION_WORD.test(tokens[hi].word)
      )
    )
      continue;
    // the head must end a word (院 of 院長 does not; 處 of 處長 does not), or be followed by a
    // locative in the same word (溪|畔, 港|邊)
    const after = tokenAt[end - 1];
    if (after >= 0 && tokens[after].end > end && !(h.type === 'place' && tokens[after].end === end + 1 && LOCATIVES.has(norm[end])))
      continue;
    if (/[\u3400-\u9fff]/.test(norm[end] ?? '') && n('长') === norm[end]) continue;
    // 重鎮, 城市, 轄區: a one-character place head that makes a common word with the character
    // before it is that word, not a head
    if (h.type === 'place' && h.head.length === 1 && i > 0 && (dictEntry(norm.slice(i - 1, end))?.freq ?? 0) >= G.commonHeadWordFreq)
      continue;
    let start = leftEdge({
      norm,
      tokens,
      tokenAt,
      headStart: i,
      blocked,
      joins: h.kind === 'committee' || h.kind === 'government' || JOINING_HEADS.has(h.head),
    });
    if (start < 0) continue;
    // segmentation scattered a transliterated name (蓋|達|組織): take the transliteration run
    if (start === i && h.head.length >= 2) start = translitBefore(norm, i, model, blocked);
    // function characters glued to the front by segmentation (由|福安宮, 經|勘查)
    while (start < i && LEADING_FUNCTION.has(norm[start])) start++;
    // a title inside the span (召集人|某某大學): the name starts after it; a title right
    // before the head (考試院院長陳大|村) means the span runs across a person
    for (let k = start; k < i; k++) {
      const te = opts.titleEnds.get(k);
      if (te !== undefined && te <= i) start = te;
    }
    if (start >= i) continue;
    let titled = false;
    for (let k = start; k < i; k++) if (opts.titleEnds.has(k) && opts.titleEnds.get(k)! > i) titled = true;
    if (titled) continue;
    // a body named after the place it is in (雲林縣|福安宮, 台南|花園夜市, 荷蘭|永泰電子): the
    // place is a mention of its own and the name starts after it; public bodies keep their place
    // (台南市政府警察局, 嘉義縣議會)
    if (h.type === 'place' || h.kind === 'company' || TEMPLE_HEADS.has(h.head)) {
      let cut = start;
      for (const m of known.get(start) ?? []) {
        if (m.end - start < 2 || i - m.end < (h.head.length === 1 ? 2 : 1) || m.end <= cut) continue;
        // a city, county or country prefix; places also drop an operator (台鐵|台南站)
        const prefix = norm.slice(start, m.end);
        if (
          m.type === 'country' ||
          (m.type === 'place' && /[市县国]$/.test(prefix)) ||
          (h.type === 'place' && (m.type === 'place' || m.type === 'organization')) ||
          (TEMPLE_HEADS.has(h.head) &&
            m.type === 'place' &&
            i - m.end >= (onRoute(norm, start, end) ? 2 : 4) &&
            !TOWN_HEAD.has(norm[m.end]))
        )
          cut = m.end;
      }
      // a stop on a pilgrimage route is written town + temple (竹山|福安宮) even when the town is
      // not in the lexicon: a two-character word before a two-character temple name is the town
      if (
        cut === start &&
        TEMPLE_HEADS.has(h.head) &&
        i - start === 4 &&
        !TOWN_HEAD.has(norm[start + 2]) &&
        dictEntry(norm.slice(start, start + 2)) &&
        !knownInside(start, i) &&
        onRoute(norm, start, end)
      ) {
        cut = start + 2;
        out.push({ start, end: cut, type: 'place' });
      }
      start = cut;
      // 美商英特爾, 陸商: a country's trader prefix; 母公司, 子公司: a role, not part of the name
      while (TRADE_PREFIX.some((p) => norm.startsWith(p, start)) && i - start > 3) start += 2;
      // 晶片商|瑞昇科技 (segmentation may glue 商 to the name): a trade noun describes the company
      for (let k = start + 2; k < i - 2; k++) {
        if (norm[k] !== TRADER || dictEntry(norm.slice(k, k + 2)) || !dictEntry(norm.slice(start, k))) continue;
        start = k + 1;
        break;
      }
      // 永泰|母公司|宏昇科技: a role noun inside the span ends the name before it
      for (const rp of ROLE_PREFIX) {
        const at = norm.indexOf(rp, start);
        if (at >= start && at < i && i - at - rp.length >= 2) start = at + rp.length;
      }
    }
    // a page that repeats a name (救難總隊救難總隊): the span is the second writing
    const whole = norm.slice(start, end);
    if (whole.length % 2 === 0 && whole.slice(0, whole.length / 2) === whole.slice(whole.length / 2)) start += whole.length / 2;
    const namePart = norm.slice(start, i);
    if (namePart.length < (h.head.length === 1 ? G.minBeforeSingle : 1) || namePart.length > G.maxNameChars) continue;
    if (DESCRIPTIVE.has(namePart)) continue;
    if ([...namePart].some((c) => BAD_INSIDE.has(c))) continue;
    if (h.type === 'place' && GENERIC_PLACE_ENDS.some((g) => norm.endsWith(g, end))) continue;
    // 政府 after a surname is an administration (賴政府), not a body; 內閣制政府 is a form of government
    if (h.head === n('政府') && (namePart.length < 2 || namePart.endsWith(n('制')))) continue;
    // an index named after a market (費城半導體指數) is no organization
    if (norm.startsWith(n('指數'), end)) continue;
    const ofLocalBody = LOCAL_GOVERNMENT_SHORT_FORMS.some((sf) => norm.startsWith(sf, start)) && i - start >= 4;
    // naming evidence: a naming token, a known place/organization, or a rare dictionary word
    let names = knownInside(start, i);
    for (let k = start; k < i && !names;) {
      const ti = tokenAt[k];
      if (ti < 0) break;
      const t = tokens[ti];
      const w = norm.slice(Math.max(t.start, start), Math.min(t.end, i));
      if (NAMING_TAGS.test(t.tag) && !DESCRIPTIVE.has(w)) names = true;
      else if (/^(n|l|ng|b|s|vn)$/.test(t.tag) && w.length >= 2 && !DESCRIPTIVE.has(w) && (dictEntry(w)?.freq ?? 0) < 400) names = true;
      k = t.end;
    }
    if (!names && !ofLocalBody) continue;
    // 英特爾|科技: a known company and a generic suffix is that company, not a new one
    if (h.kind === 'company' && (known.get(start) ?? []).some((m) => m.end === i && m.type === 'organization')) continue;
    // 永泰|母公司: a role noun, not a company
    if (h.kind === 'company' && /[母子]$/.test(namePart)) continue;
    // a rail line is named after a known place (內灣|線), or told by rail words around it; other
    // "X線" are phrases (長線, 斷線)
    if (REQUIRE_KNOWN.has(h.head) && !knownInside(start, i)) {
      // told by rail words, the line's name is the one word before its head (列車行經|內灣|線)
      const last = tokenAt[i - 1] >= 0 ? tokens[tokenAt[i - 1]] : undefined;
      if (!last || last.start < start || !properInside(last.start, i) || !railNear(norm, start, end)) continue;
      start = last.start;
    }
    // a one-character head needs a proper name before it: 內外|部, 重|鎮 are words, not names
    // (市府|社會|處: a unit of the city government the article is about is named by it)
    if (h.head.length === 1 && !knownInside(start, i) && !properInside(start, i) && !ofLocalBody) continue;
    // a legal form written before the name is part of it (財團法人|…中心)
    const form = LEGAL_FORMS.find((f) => norm.startsWith(f, start - f.length) && !blocked[start - 1]);
    if (form) start -= form.length;
    let shortStart: number | undefined;
    for (let k = start + 2; k < end - 1; k++) if (orgEnds.get(k) === start && end - k >= 2) shortStart = k;
    out.push({ start, end, type: h.type, kind: h.kind, shortStart });
  }
  // a unit written after a body the grammar found (福安宮|新營舞獅團): named in full, a unit of it
  const byEnd = [...out].sort((a, b) => a.end - b.end);
  for (const b of out) {
    if (b.shortStart !== undefined) continue;
    const a = byEnd.find((x) => x !== b && x.type === 'organization' && x.end >= b.start - 1 && x.end < b.end - 1 && x.start < b.start);
    // the gap, if any, is one character of the unit's name (新|營舞獅團), never punctuation (A宮、B宮)
    // the same name written twice in a row (a page repeating a heading) is no unit of itself
    if (
      a &&
      b.type === 'organization' &&
      (a.end === b.start || /[\u3400-\u9fff]/.test(norm[a.end])) &&
      norm.slice(a.start, a.end) !== norm.slice(b.start, b.end)
    ) {
      b.shortStart = a.end;
      b.start = a.start;
    }
  }
  return out;
}

/** The start of a run of two to five transliteration characters ending at `end`, else `end`. */
function translitBefore(norm: string, end: number, model: NameModel, blocked: Uint8Array): number {
  let s = end;
  // a person's name before 政府 is an administration (X政府), not a body's name
  while (
    s > 0 &&
    end - s < 5 &&
    !blocked[s - 1] &&
    /[\u3400-\u9fff]/.test(norm[s - 1]) &&
    model.translit(norm[s - 1]) >= TRANSLIT_MODEL.charMin + 0.7
  )
    s--;
  if (end - s < 2) return end;
  let sum = 0;
  for (let k = s; k < end; k++) sum += model.translit(norm[k]);
  return sum / (end - s) >= TRANSLIT_MODEL.spanMean + 0.3 ? s : end;
}

function leftEdge(o: {
  norm: string;
  tokens: Token[];
  tokenAt: Int32Array;
  headStart: number;
  blocked: Uint8Array;
  joins: boolean;
}): number {
  const { norm, tokens, tokenAt, headStart } = o;
  let start = headStart;
  // a head inside a token (總醫院 of 荣民|总医院, 宮 of 安宫): the token's beginning belongs to the name
  const hi = tokenAt[headStart];
  if (hi >= 0 && tokens[hi].start < headStart) {
    start = tokens[hi].start;
    // segmentation glued a preposition to the name (由|福安宮): it is the left edge
    let k = start;
    while (k < headStart && LEADING_FUNCTION.has(norm[k])) k++;
    if (k > start) return k;
  }
  let j = tokenAt[start - 1] ?? -1;
  if (start === 0) j = -1;
  const taken: Token[] = [];
  while (j >= 0) {
    const t = tokens[j];
    if (t.end !== start || headStart + 4 - t.start > G.maxNameChars + 4) break;
    if (o.blocked[t.start] || o.blocked[t.end - 1]) break;
    const han = /^[\u3400-\u9fffA-Za-z0-9]+$/.test(t.word);
    if (!han) break;
    // two nouns joined inside one body's name (外交及國防委員會); two bodies joined are two names
    if (JOINERS.has(t.word) && taken.length && o.joins && !(j > 0 && HEADS.some((x) => tokens[j - 1].word.endsWith(x.head)))) {
      taken.push(t);
      start = t.start;
      j--;
      continue;
    }
    // 晶片商, 面板商: a trade noun describes the company after it (trader prefixes are cut later)
    if (t.word.length >= 3 && t.word.endsWith(TRADER) && !TRADE_PREFIX.includes(t.word)) break;
    const ok =
      (NAME_TAGS.test(t.tag) && !NOT_INSIDE.has(t.word)) || ((INNER_TAGS.test(t.tag) || INNER_VERBS.has(t.word)) && t.word.length >= 2);
    if (!ok || NOT_FIRST.has(t.word)) break;
    taken.push(t);
    start = t.start;
    j--;
  }
  // a name does not begin with a verb, an adjective or a joiner (發布|…局)
  while (
    taken.length &&
    (INNER_TAGS.test(taken[taken.length - 1].tag) ||
      INNER_VERBS.has(taken[taken.length - 1].word) ||
      JOINERS.has(taken[taken.length - 1].word))
  ) {
    taken.pop();
    start = taken.length ? taken[taken.length - 1].start : hi >= 0 && tokens[hi].start < headStart ? tokens[hi].start : headStart;
  }
  void norm;
  return start;
}
