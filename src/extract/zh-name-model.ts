import type { Lexicon } from './lexicon';
import { normalizeForm } from './normalize';
import { dictEntry, forEachDictWord } from './segment';
import { NAME_MODEL as W } from './weights';
import { WordList } from './word-list';

/**
 * Character statistics for Chinese person names, learnt from general data that ships with the
 * packages: the person-name entries of jieba's dictionary (about 60,000 three-character names
 * tagged nr), its transliterated names (nrt), the rest of its dictionary as the background,
 * and the surname list of the lexicon. Nothing here is learnt from an evaluation corpus.
 *
 * Every score is a log-likelihood ratio: how much likelier a character is in that slot of a
 * name than in ordinary words.
 */
export interface NameModel {
  /** Surnames starting at `pos` (one or two characters), with their prior. */
  surnamesAt(norm: string, pos: number): { len: number; score: number }[];
  /** Given-name character score for slot 1 (first given character) or 2 (second). */
  given(c: string, slot: 1 | 2): number;
  /** How typical the character is of transliterated foreign names. */
  translit(c: string): number;
  /** `translit(s[i])` for an offset inside `s`, read without making the one-character string. */
  translitAt(s: string, i: number): number;
}

let cache: { lex: Lexicon; model: NameModel } | undefined;

export function nameModel(lex: Lexicon): NameModel {
  if (cache?.lex !== lex) cache = { lex, model: buildModel(lex) };
  return cache.model;
}

const NONE: { len: number; score: number }[] = [];

class Counts {
  readonly map = new Map<string, number>();
  total = 0;
  add(c: string, w = 1): void {
    this.map.set(c, (this.map.get(c) ?? 0) + w);
    this.total += w;
  }
  logp(c: string, vocab: number): number {
    return Math.log(((this.map.get(c) ?? 0) + W.smoothing) / (this.total + W.smoothing * vocab));
  }
}

const HAN = /^[\u3400-\u9fff]+$/;

function buildModel(lex: Lexicon): NameModel {
  const surnames = lex.surnamesNorm;
  const sur = new Counts();
  const g1 = new Counts();
  const g2 = new Counts();
  const tr = new Counts();
  const bg = new Counts();
  forEachDictWord((w, _freq, tag) => {
    if (!HAN.test(w)) return;
    if (tag === 'nr' || tag === 'nrfg') {
      const chars = [...w];
      if (chars.length === 3 && surnames.has(chars[0])) {
        sur.add(chars[0]);
        g1.add(chars[1]);
        g2.add(chars[2]);
      } else if (chars.length === 4 && surnames.has(chars[0] + chars[1])) {
        sur.add(chars[0] + chars[1]);
        g1.add(chars[2]);
        g2.add(chars[3]);
      } else if (chars.length >= 3 && !surnames.has(chars[0])) {
        for (const c of chars) tr.add(c);
      }
      return;
    }
    if (tag === 'nrt') {
      for (const c of w) tr.add(c);
      return;
    }
    for (const c of w) bg.add(c);
  });
  const vocab = Math.max(bg.map.size, 5000);
  const clip = (x: number) => Math.max(-W.charClip, Math.min(W.charClip, x));
  const memo = new Map<string, number>();
  // the scorers ask about every character of every article: a one-unit character's score is
  // kept in a table indexed by its code (NaN until first asked), others in a map
  const table = (counts: Counts) => {
    const byCode = new Float64Array(0x10000).fill(Number.NaN);
    const m = new Map<string, number>();
    const score = (c: string) => clip(counts.logp(c, vocab) - bg.logp(c, vocab));
    const at = (s: string, i: number) => {
      const code = s.charCodeAt(i);
      let v = byCode[code];
      if (Number.isNaN(v)) v = byCode[code] = score(s[i]);
      return v;
    };
    const of = (c: string) => {
      if (c.length === 1) return at(c, 0);
      let v = m.get(c);
      if (v === undefined) {
        v = score(c);
        m.set(c, v);
      }
      return v;
    };
    return { of, at };
  };
  const given1 = table(g1).of;
  const given2 = table(g2).of;
  const translit = table(tr);
  // a surname's prior: how often it starts a listed name, against how often the character
  // occurs in ordinary words (高, 文 and 於 are surnames too, but mostly they are not)
  const surnameScore = (s: string) => {
    let v = memo.get(s);
    if (v === undefined) {
      const first = [...s][0];
      v = clip(sur.logp(s, vocab) - bg.logp(first, vocab));
      memo.set(s, v);
    }
    return v;
  };
  const compoundFirst = new Set([...surnames].filter((x) => x.length === 2).map((x) => x[0]));
  // asked at every position: which code units can start a surname at all (1 single, 2 compound)
  const SINGLE = 1;
  const COMPOUND = 2;
  const startsSurname = new Uint8Array(0x10000);
  for (const x of surnames) if (x.length === 1) startsSurname[x.charCodeAt(0)] |= SINGLE;
  for (const x of compoundFirst) if (x.length === 1) startsSurname[x.charCodeAt(0)] |= COMPOUND;
  return {
    surnamesAt(norm, pos) {
      if (pos >= norm.length || !startsSurname[norm.charCodeAt(pos)]) return NONE;
      const one = norm[pos];
      const single = surnames.has(one);
      if (!single && !compoundFirst.has(one)) return NONE;
      const out: { len: number; score: number }[] = [];
      if (compoundFirst.has(one)) {
        const two = norm.slice(pos, pos + 2);
        if (two.length === 2 && surnames.has(two)) out.push({ len: 2, score: surnameScore(two) + 1 });
      }
      if (single) out.push({ len: 1, score: surnameScore(one) });
      return out;
    },
    given: (c, slot) => (slot === 1 ? given1(c) : given2(c)),
    translit: translit.of,
    translitAt: translit.at,
  };
}

/** What the name scorer needs to know about the text around a candidate. */
export interface NameContext {
  norm: string;
  /** jieba word boundaries (1 where a token starts / ends). */
  startB: Uint8Array;
  endB: Uint8Array;
  tokenAt: Int32Array;
  tokens: { word: string; tag: string; start: number; end: number }[];
  /** Offsets where a title ends / starts (外交部長|林佳龍, 林佳龍|部長). */
  titleEnds: Set<number>;
  titleStarts: Set<number>;
}

const n = normalizeForm;
/** Words after which a name often follows. */
const LEFT_CUES = new WordList(
  [
    '与',
    '和',
    '及',
    '跟',
    '同',
    '由',
    '被',
    '让',
    '向',
    '对',
    '给',
    '请',
    '为',
    '替',
    '把',
    '将',
    '在',
    '从',
    '找',
    '叫',
    '邀',
    '搭档',
    '击败',
    '不敌',
    '力克',
    '对手',
    '队友',
    '妻子',
    '丈夫',
    '女儿',
    '儿子',
    '父亲',
    '母亲',
    '太太',
    '先生',
    '女友',
    '男友',
    '前妻',
    '前夫',
    '包括',
    '以及',
    '还有',
    '则是',
    '得主',
    '支持者',
    '粉丝',
    '同学',
    '学生',
    '弟子',
    '徒弟',
    '病患',
    '患者',
    '嫌犯',
    '被告',
    '男子',
    '女子',
    '少年',
    '少女',
    '组合',
    '指挥官',
    '负责人',
    '统治者',
    '独裁者',
    '接班人',
  ].map(n),
);
/**
 * The verbs that report speech (表示, 指出, 說 …), in the normalized script: every list of words
 * that end a name, or show that the name before them is a person, starts from these.
 */
export const REPORTING_VERBS = ['表示', '指出', '说', '认为', '强调', '坦言', '透露', '称', '回应', '呼吁'];
/** Speech verbs, time words and particles that end a name written before them (shared with the name patterns of zh-people.ts). */
export const NAME_END_WORDS = [
  ...REPORTING_VERBS,
  '质疑',
  '批评',
  '提到',
  '解释',
  '分析',
  '建议',
  '今天',
  '今日',
  '昨天',
  '昨日',
  '明天',
  '日前',
  '也',
  '则',
  '在',
  '于',
  '与',
  '和',
  '及',
  '等',
  '将',
  '是',
  '的',
  '已',
  '曾',
  '向',
  '对',
  '为',
  '从',
  '以',
  '率',
  '出席',
  '接受',
  '会',
  '还',
  '都',
  '更',
  '才',
  '就',
  '又',
  '被',
  '把',
  '今',
  '昨',
  '所',
];
/** Words that end a name when they follow it: speech verbs, time words, particles, verbs of action. */
const RIGHT_CUES = new WordList(
  [
    ...NAME_END_WORDS,
    '因',
    '遭',
    '后',
    '陪',
    '获',
    '夺',
    '拿',
    '击',
    '投',
    '轰',
    '敲',
    '砍',
    '得',
    '和',
    '跟',
    '同',
    '当选',
    '担任',
    '出任',
    '接任',
    '卸任',
    '宣布',
    '证实',
    '坦承',
    '直言',
    '重申',
    '饰演',
    '主演',
    '执导',
    '演唱',
    '带领',
    '率领',
    '亲自',
    '本人',
    '日',
    '等人',
    '一家',
    '夫妇',
    '自己',
    '上任',
    '不',
    '没',
    '并',
    '虽',
    '却',
    '便',
    '再',
    '仍',
    '还',
    '正',
    '首度',
    '首次',
    '随即',
    '立即',
    '特别',
    '个人',
    '父女',
    '母女',
    '父子',
    '母子',
  ].map(n),
);
/** Heads of awards, events and cases: a "name" right before them names the award (金龍獎). */
const EVENT_HEADS = new Set([...'奖赛杯案节展'].map(n));
const ORG_HEAD_AFTER = new WordList(
  ['科技', '公司', '集团', '电子', '半导体', '银行', '大学', '医院', '协会', '基金会', '文创', '建设', '工业', '实业', '控股'].map(n),
);
const PUNCT = /[\s、，,。；;：:！？!?（()「」『』“”"《》〈〉【】\[\]·‧・/／\-—…~～|｜]/;

/** Left-boundary evidence for a name starting at `start`. */
export function leftEvidence(ctx: NameContext, start: number): number {
  if (start === 0 || PUNCT.test(ctx.norm[start - 1]) || !/[\u3400-\u9fff]/.test(ctx.norm[start - 1])) return W.leftPunct;
  if (ctx.titleEnds.has(start)) return W.leftTitle;
  let s = 0;
  if (LEFT_CUES.endsAt(ctx.norm, start)) s += W.leftCue;
  const ti = ctx.tokenAt[start];
  if (ti >= 0 && ctx.tokens[ti].start < start && ctx.tokens[ti].word.length >= 2 && !/^(x|nr|nrt|nrfg)$/.test(ctx.tokens[ti].tag))
    s += W.leftInsideWord;
  else if (ctx.startB[start]) s += W.leftWordEdge;
  return s;
}

/** Right-boundary evidence for a name ending at `end` (exclusive). */
export function rightEvidence(ctx: NameContext, end: number): number {
  const { norm } = ctx;
  if (end >= norm.length || PUNCT.test(norm[end]) || !/[\u3400-\u9fff]/.test(norm[end])) return W.rightCue;
  if (ctx.titleStarts.has(end)) return W.rightTitle;
  let s = 0;
  if (EVENT_HEADS.has(norm[end])) s += W.rightEventHead;
  // 宏昇|科技, 永泰|集團: a "name" right before an organization head names the organization
  if (ORG_HEAD_AFTER.startsAt(norm, end)) s += W.rightEventHead;
  if (RIGHT_CUES.startsAt(norm, end)) s += W.rightCue;
  // a dictionary word that starts inside the name and runs past its end (總統時曾公開 is not 時曾公)
  const ti = ctx.tokenAt[end - 1];
  const tok = ti >= 0 ? ctx.tokens[ti] : undefined;
  if (tok && tok.end > end && tok.word.length >= 2 && !/^(x|nr|nrt|nrfg)$/.test(tok.tag)) s += W.rightCrossesWord;
  else if (ctx.endB[end]) s += W.rightWordEdge;
  return s;
}

/** The intrinsic score of a Han-Chinese name: surname prior plus given-character ratios. */
export function intrinsicScore(
  model: NameModel,
  name: string,
  surnameLen: number,
  surnameScore: number,
  floor = Number.NEGATIVE_INFINITY,
): number {
  const given = name.slice(surnameLen);
  let s = surnameScore;
  if (given.length === 1) s += Math.max(model.given(given, 1), model.given(given, 2));
  else if (given.length === 2) s += model.given(given[0], 1) + model.given(given[1], 2);
  else return Number.NEGATIVE_INFINITY;
  for (let k = 0; k < given.length; k++) if (NOT_GIVEN.has(given[k])) s += W.functionChar;
  // the dictionary can only add dictName: below the caller's floor the reading is lost already
  if (s + W.dictName < floor) return s;
  if (given.length === 2) {
    const g = dictEntry(given);
    if (g && !/^nr/.test(g.tag) && g.freq >= 100) s += W.givenIsWord;
  }
  const e = dictEntry(name);
  if (e) {
    // an ordinary word (謝謝, 祝福, 洪水) is never a new name; a frequent two-character nr entry is a word too
    if (!/^nr/.test(e.tag) && e.freq >= 3) return Number.NEGATIVE_INFINITY;
    if (/^nr/.test(e.tag) && e.freq > 60 && name.length === 2) return Number.NEGATIVE_INFINITY;
    if (/^nr/.test(e.tag)) s += W.dictName;
  }
  return s;
}

/**
 * Function words, classifiers and role nouns that follow a surname far more often than they
 * serve as given names (陳|姓, 王|在, 林|男): a reading that needs them as given characters is
 * penalised, so the shorter reading or no name wins.
 */
const NOT_GIVEN = new Set(
  [...'在自从曾以于则至时后因遭陪今昨与和及的了是也都就才又被把将对向为等姓男女某嫌籍员先生们她他它说称表指'].map((c) => normalizeForm(c)),
);

/** The most that boundary evidence and recurrence can add to a reading. */
const MAX_CONTEXT = Math.max(W.leftPunct, W.leftTitle, W.leftCue + W.leftWordEdge) + Math.max(W.rightCue, W.rightTitle) + W.recursOften;

function isHanChar(code: number): boolean {
  return code >= 0x3400 && code <= 0x9fff;
}

export interface ScoredName {
  start: number;
  end: number;
  score: number;
}

/**
 * The best reading of a Han-Chinese name starting at `start` (surname + one or two given
 * characters), or undefined when no reading reaches the threshold. `extra` is evidence the
 * caller has (a title before it, a list of names).
 */
export function bestNameAt(opts: {
  ctx: NameContext;
  model: NameModel;
  start: number;
  extra?: number;
  count: (w: string) => number;
}): ScoredName | undefined {
  const { ctx, model, start } = opts;
  const { norm } = ctx;
  let best: ScoredName | undefined;
  let left: number | undefined;
  for (const sur of model.surnamesAt(norm, start)) {
    for (const givenLen of [2, 1]) {
      const end = start + sur.len + givenLen;
      if (end > norm.length) continue;
      let han = true;
      for (let k = start; k < end && han; k++) han = isHanChar(norm.charCodeAt(k));
      if (!han) continue;
      // 任|校長, 陳|先生: a surname followed by a title is a short reference, not a full name
      if (ctx.titleStarts.has(start + sur.len)) continue;
      const name = norm.slice(start, end);
      const threshold = givenLen === 1 && sur.len === 1 ? W.acceptTwo : W.acceptThree;
      const intrinsic = intrinsicScore(model, name, sur.len, sur.score, threshold - MAX_CONTEXT - (opts.extra ?? 0));
      // no context can lift a weak reading over the threshold: skip the costlier evidence
      if (intrinsic + MAX_CONTEXT + (opts.extra ?? 0) < threshold) continue;
      if (left === undefined) left = leftEvidence(ctx, start) + (opts.extra ?? 0);
      let score = intrinsic + left + rightEvidence(ctx, end);
      const c = opts.count(name);
      if (c >= 3) score += W.recursOften;
      else if (c >= 2) score += W.recurs;
      if (score < threshold) continue;
      if (!best || score > best.score) best = { start, end, score };
    }
  }
  return best;
}

/** Mean transliteration ratio of a span. */
export function translitMean(model: NameModel, s: string): number {
  let sum = 0;
  let k = 0;
  for (const c of s) {
    if (c === '·' || c === '‧' || c === '・' || c === '-') continue;
    sum += model.translit(c);
    k++;
  }
  return k ? sum / k : Number.NEGATIVE_INFINITY;
}
