import type { Lexicon, TitleDef } from './lexicon';
import { normalizeForm } from './normalize';
import { dictEntry, type Token } from './segment';
import { NAME_END_WORDS, REPORTING_VERBS } from './zh-name-model';

/** A person name found by a pattern, in normalised-text offsets. */
export interface NameCandidate {
  start: number;
  end: number;
  /** Normalised name. */
  norm: string;
  /** How sure the pattern is: 3 title/enumeration/bracket, 2 speech verb, 1 repetition. */
  strength: number;
  /** The name model's score, for candidates the model proposed. */
  score?: number;
  /** Names after 記者/攝影 are bylines: authors, never people. */
  author?: boolean;
}

export interface TitleHit {
  start: number;
  end: number;
  def: TitleDef;
}

const n = normalizeForm;
/** Words that end a name when they follow it: the name model's cues, and verbs of action. */
const AFTER_NAME = [
  ...NAME_END_WORDS,
  '发',
  '宣',
  '证实',
  '答询',
  '质询',
  '主持',
  '担任',
  '获',
  '敲',
  '轰',
  '投',
  '击',
  '夺',
  '拿',
  '苦',
].map(n);
const SPEECH = [
  ...REPORTING_VERBS,
  '质疑',
  '批评',
  '提到',
  '解释',
  '分析',
  '证实',
  '宣布',
  '答询',
  '质询',
  '裁示',
  '坦承',
  '直言',
  '重申',
  '声称',
  '饰演',
  '执导',
  '主演',
  '获选',
  '夺下',
  '击出',
  '轰出',
  '敲出',
  '代领',
  '出任',
  '当选',
].map(n);
/** Characters that never start a name even when they are also surnames. */
const NOT_NAME_START = new Set([...'的是在和与及或等将被把从对向为于以也都又就才'].map(n));
const PUNCT_NAME_END = /[、，,。；：:！？!?（(「『“"\s）)》]/;
const BYLINE_TITLES = new Set(['记者', '编译', '摄影', '特派员', '主编'].map(n));

function isHanChar(c: string | undefined): boolean {
  return !!c && /[\u3400-\u9fff]/.test(c);
}

function startsWithAny(s: string, pos: number, words: string[]): boolean {
  for (const w of words) if (s.startsWith(w, pos)) return true;
  return false;
}

/** A string that jieba's dictionary knows as an ordinary word is not a new name. */
function isCommonWord(w: string): boolean {
  const e = dictEntry(w);
  if (!e) return false;
  if (/^nr/.test(e.tag)) return e.freq > 60 && w.length === 2;
  return e.freq >= 3;
}

export interface PeopleContext {
  norm: string;
  tokens: Token[];
  lex: Lexicon;
  titles: TitleHit[];
  /** jieba word boundaries (1 where a token starts / ends). */
  startB: Uint8Array;
  endB: Uint8Array;
  /** Index of the token covering each character (-1 for none). */
  tokenAt: Int32Array;
  /** 1 where a lexicon name of another type (a place, an organization) covers the character. */
  lexMask?: Uint8Array;
}

/**
 * Reads a name that starts at `pos`: a surname (one or two characters) and one or two given
 * characters. The length is decided by the document itself (how often each reading recurs)
 * and by what follows (a speech verb, punctuation, a particle).
 */
export function readNameAt(ctx: PeopleContext, pos: number, opts: { allowTwo: boolean }): { end: number } | undefined {
  const { norm, lex } = ctx;
  for (let len = 4; len >= 2; len--) {
    const w = norm.slice(pos, pos + len);
    if (lex.peopleByNorm.has(w)) return { end: pos + len };
  }
  if (NOT_NAME_START.has(norm[pos])) return undefined;
  let surLen = 0;
  if (lex.surnamesNorm.has(norm.slice(pos, pos + 2))) surLen = 2;
  else if (lex.surnamesNorm.has(norm[pos])) surLen = 1;
  if (!surLen) return undefined;
  const g1 = pos + surLen;
  if (!isHanChar(norm[g1])) return undefined;
  const three = norm.slice(pos, g1 + 2);
  const two = norm.slice(pos, g1 + 1);
  const canThree = isHanChar(norm[g1 + 1]) && !lex.stop.personZh.has(three);
  const endsAt = (e: number) =>
    e >= norm.length || PUNCT_NAME_END.test(norm[e]) || startsWithAny(norm, e, AFTER_NAME) || !isHanChar(norm[e]);
  if (canThree) {
    const c3 = countOccurrences(norm, three);
    const c2 = countOccurrences(norm, two);
    const twoEnds = endsAt(g1 + 1);
    const threeEnds = endsAt(g1 + 2);
    if (c3 >= 2 && !(twoEnds && c2 > c3 && !threeEnds)) return accept(three, g1 + 2);
    if (opts.allowTwo && twoEnds && (!threeEnds || c2 > c3)) return accept(two, g1 + 1);
    if (threeEnds || c3 >= 2) return accept(three, g1 + 2);
    if (opts.allowTwo && twoEnds) return accept(two, g1 + 1);
    // neither reading ends cleanly: trust jieba if it cut a 2- or 3-character word here
    const ti = ctx.tokenAt[pos];
    const tok = ti >= 0 && ctx.tokens[ti].start === pos ? ctx.tokens[ti] : undefined;
    if (tok && tok.end === g1 + 2) return accept(three, g1 + 2);
    if (tok && tok.end === g1 + 1 && opts.allowTwo) return accept(two, g1 + 1);
    return accept(three, g1 + 2);
  }
  if (opts.allowTwo && endsAt(g1 + 1)) return accept(two, g1 + 1);
  return undefined;

  function accept(w: string, end: number) {
    if (lex.stop.personZh.has(w) || isCommonWord(w) || NOT_NAME_END.has(w[w.length - 1]) || NUMERALS.test(w[1])) return undefined;
    if (crossesWord(ctx, end)) return undefined;
    // Japanese and other four-character names: the longer reading recurs exactly as often
    const four = norm.slice(pos, end + 1);
    if (w.length === 3 && isHanChar(norm[end]) && !startsWithAny(norm, end, AFTER_NAME)) {
      const c4 = countOccurrences(norm, four);
      if (c4 >= 2 && c4 === countOccurrences(norm, w)) return { end: end + 1 };
    }
    return { end };
  }
}

/** A dictionary word that starts inside the name and runs past its end: 總統時曾公開 is not 時曾公. */
function crossesWord(ctx: PeopleContext, end: number): boolean {
  if (ctx.endB[end] || end >= ctx.norm.length) return false;
  const ti = ctx.tokenAt[end];
  const tok = ti >= 0 ? ctx.tokens[ti] : undefined;
  if (tok && tok.start === end) return false;
  return !!tok && tok.tag !== 'x' && !/^nr/.test(tok.tag) && tok.word.length >= 2;
}

/** A given name does not start with a numeral (連六凍 is "six freezes in a row"); 盧縣一 may end with one. */
const NUMERALS = /[一二三四五六七八九十百千万两〇零]/;

/** Characters that end place, organization and event words rather than given names. */
const NOT_NAME_END = new Set([...'部署局处院会党市县区乡镇村路街岛山河湖港赛队案法厅馆站场国省州湾'].map((c) => c));

// counts are asked for the same few strings many times per document
let countText = '';
let countCache = new Map<string, number>();

function countOccurrences(s: string, w: string): number {
  if (s !== countText) {
    countText = s;
    countCache = new Map();
  }
  const hit = countCache.get(w);
  if (hit !== undefined) return hit;
  const c = countRaw(s, w);
  countCache.set(w, c);
  return c;
}

function countRaw(s: string, w: string): number {
  let c = 0;
  for (let i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + w.length)) c++;
  return c;
}

/** Names right after a title (外交部長林佳龍) and the enumerations that follow (立委A、B、C). */
export function namesAfterTitles(ctx: PeopleContext): { cand: NameCandidate; title: TitleHit; listIndex: number }[] {
  const out: { cand: NameCandidate; title: TitleHit; listIndex: number }[] = [];
  for (const t of ctx.titles) {
    const author = BYLINE_TITLES.has(n(t.def.title));
    let pos = t.end;
    let listIndex = 0;
    while (pos < ctx.norm.length) {
      const r = readNameAt(ctx, pos, { allowTwo: true });
      if (!r) break;
      out.push({ cand: { start: pos, end: r.end, norm: ctx.norm.slice(pos, r.end), strength: 3, author }, title: t, listIndex });
      listIndex++;
      // an enumeration continues after "、" (an aside in brackets may come first)
      let next = r.end;
      if (ctx.norm[next] === '(') {
        const close = ctx.norm.indexOf(')', next);
        if (close < 0 || close - next > 20) break;
        next = close + 1;
      }
      if (ctx.norm[next] !== '、') break;
      pos = next + 1;
    }
  }
  return out;
}

/** Names right before a title (賴清德總統), accepted only when the name also occurs elsewhere. */
export function namesBeforeTitles(ctx: PeopleContext, known: Set<string>): { cand: NameCandidate; title: TitleHit }[] {
  const out: { cand: NameCandidate; title: TitleHit }[] = [];
  for (const t of ctx.titles) {
    for (const len of [3, 2, 4]) {
      const s = t.start - len;
      if (s < 0) continue;
      const w = ctx.norm.slice(s, t.start);
      if (known.has(w) || ctx.lex.peopleByNorm.has(w)) {
        out.push({ cand: { start: s, end: t.start, norm: w, strength: 3 }, title: t });
        break;
      }
    }
  }
  return out;
}

/**
 * Unknown names jieba leaves as x-tagged words: 2–3 Han characters starting with a surname,
 * not an ordinary dictionary word, with a cue (speech verb after it, or it recurs).
 */
/** One-character heads of temples and institutions that are also (rare) surnames. */
const HEAD_CHARS = new Set([...'宫庙寺院馆'].map(normalizeForm));

export function namesFromTokens(ctx: PeopleContext): NameCandidate[] {
  const out: NameCandidate[] = [];
  const counts = new Map<string, number>();
  const { tokens, norm, lex } = ctx;
  const cands: { start: number; end: number; w: string; speech: boolean; x: boolean }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!/^(x|nr|nrfg|nrt)$/.test(t.tag)) continue;
    let start = t.start;
    let w = t.word;
    // jieba sometimes glues a preposition to the name (由林佳龙, 以詹子贤)
    if (w.length === 4 && NOT_NAME_START.has(w[0])) {
      start++;
      w = w.slice(1);
    }
    if (w.length < 2 || w.length > 3 || ![...w].every(isHanChar)) continue;
    if (!lex.surnamesNorm.has(w[0]) && !lex.surnamesNorm.has(w.slice(0, 2))) continue;
    if (lex.stop.personZh.has(w) || isCommonWord(w)) continue;
    if (w.length === 2 && t.tag === 'x') continue;
    if (NOT_NAME_END.has(w[w.length - 1]) || NUMERALS.test(w[1])) continue;
    // 福安|宮巡境: a head noun that closes the name before it (宮, 廟, 寺, 院) starts no person
    if (HEAD_CHARS.has(w[0]) && start > 0 && isHanChar(norm[start - 1]) && !lex.surnamesNorm.has(norm[start - 1])) continue;
    const end = start + w.length;
    const speech = startsWithAny(norm, end, SPEECH) || (norm[end] === '(' && /[A-Za-z]/.test(norm[end + 1] ?? ''));
    cands.push({ start, end, w, speech, x: t.tag === 'x' });
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  for (const c of cands) {
    const total = countOccurrences(norm, c.w);
    if (c.speech) out.push({ start: c.start, end: c.end, norm: c.w, strength: 2 });
    else if (c.w.length === 3 && (total >= 2 || c.x)) out.push({ start: c.start, end: c.end, norm: c.w, strength: 1 });
  }
  return out;
}

/** Transliterated foreign names followed by their Latin spelling: 萊克斯曼（Miriam Lexmann）. */
export function namesWithLatin(ctx: PeopleContext, original: string | readonly string[]): NameCandidate[] {
  const out: NameCandidate[] = [];
  const { norm } = ctx;
  const re = /\(([A-Z][a-zà-ÿ'’\-]+(?: [A-Z][a-zà-ÿ'’\-]+){1,3})\)/g;
  for (let m = re.exec(norm); m; m = re.exec(norm)) {
    const latinWords = m[1].split(' ');
    if (latinWords.some((w) => ORG_LATIN.has(w.toLowerCase()))) continue;
    let s = m.index;
    while (s > 0 && TRANSLIT.has(norm[s - 1]) && m.index - s < 8) s--;
    // the transliteration may begin after a title or place written just before it
    const titleEnd = ctx.titles.filter((t) => t.end > s && t.end <= m!.index).reduce((a, t) => Math.max(a, t.end), -1);
    if (titleEnd > 0) s = titleEnd;
    if (m.index - s < 2) continue;
    void original;
    out.push({ start: s, end: m.index, norm: norm.slice(s, m.index), strength: 3 });
  }
  return out;
}

const ORG_LATIN = new Set([
  'party',
  'committee',
  'ministry',
  'council',
  'association',
  'university',
  'bank',
  'group',
  'news',
  'times',
  'post',
  'agency',
  'office',
  'league',
  'union',
  'alliance',
  'corporation',
  'company',
  'inc',
  'fund',
  'foundation',
  'institute',
  'center',
  'centre',
  'parliament',
  'museum',
  'airport',
  'city',
  'county',
  'river',
]);

/** Characters common in Chinese transliterations of foreign names (Simplified, as normalised). */
const TRANSLIT = new Set([
  ...'阿埃艾爱安奥巴拜班邦保贝本比彼毕波伯勃布采查达戴丹道德登迪蒂丁东杜多厄恩尔法范菲费芬丰弗福盖甘冈高戈哥格根贡古圭哈海汉豪赫亨洪胡华霍基吉加贾杰捷金卡凯坎康考柯科克肯库夸奎拉莱赖兰朗劳勒雷蕾里莉利连列林琳隆卢鲁路伦罗洛马玛迈麦曼梅美蒙孟米密敏明摩莫默姆穆纳娜奈南内尼妮涅宁纽努诺欧帕潘庞培佩彭皮珀普奇齐恰乔切钦琴琼丘萨塞桑瑟森沙莎山尚舍绍圣施史士斯松苏索塔泰坦汤唐特提图托瓦万旺威韦维温沃乌伍西希锡夏谢辛欣休徐雅亚扬耶叶伊依因英尤于约泽扎詹兹佐祖尔奥兰',
]);

/** Names listed next to a known name ("張震、柯煒林", "A和B") are names too. */
export function namesInLists(ctx: PeopleContext, known: Set<string>): NameCandidate[] {
  const out: NameCandidate[] = [];
  const { norm } = ctx;
  const seps = ['、', n('和'), n('與'), n('及')];
  for (const k of known) {
    for (let i = norm.indexOf(k); i >= 0; i = norm.indexOf(k, i + 1)) {
      const after = i + k.length;
      if (seps.includes(norm[after])) {
        const r = readNameAt(ctx, after + 1, { allowTwo: true });
        if (r) out.push({ start: after + 1, end: r.end, norm: norm.slice(after + 1, r.end), strength: 2 });
      }
      if (i >= 3 && norm[i - 1] === '、') {
        for (const len of [3, 2]) {
          const s = i - 1 - len;
          if (s < 0) continue;
          const prev = norm[s - 1];
          if (prev && /[\u3400-\u9fff]/.test(prev) && !/[》」』、，]/.test(prev)) continue;
          const r = readNameAt(ctx, s, { allowTwo: len === 2 });
          if (r && r.end === i - 1) {
            out.push({ start: s, end: r.end, norm: norm.slice(s, r.end), strength: 2 });
            break;
          }
        }
      }
    }
  }
  return out;
}
