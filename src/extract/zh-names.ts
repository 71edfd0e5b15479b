import { normalizeForm } from './normalize';
import { dictEntry } from './segment';
import { NAME_MODEL as W, TRANSLIT_MODEL as T } from './weights';
import { WordList } from './word-list';
import { bestNameAt, intrinsicScore, nameModel, REPORTING_VERBS, rightEvidence, translitMean, type NameContext } from './zh-name-model';
import type { NameCandidate, PeopleContext } from './zh-people';

/**
 * Recognizers of unknown person names by the statistical name model (zh-name-model.ts):
 * Han-Chinese names (surname + given characters + boundary evidence) and transliterated
 * foreign names (a transliteration-character model plus context that tells a person from a
 * place). Each returns scored candidates; zh-extract.ts resolves them with the rest.
 */

const n = normalizeForm;
const HAN = /[\u3400-\u9fff]/;
const isHan = (c: string | undefined) => {
  if (!c) return false;
  const code = c.charCodeAt(0);
  return code >= 0x3400 && code <= 0x9fff;
};
/** isHan(s[i]) without making the one-character string (false past either end). */
const isHanAt = (s: string, i: number) => {
  const code = s.charCodeAt(i);
  return code >= 0x3400 && code <= 0x9fff;
};
const DOTS = /[·‧・•]/;

export function nameContext(ctx: PeopleContext): NameContext {
  const titleEnds = new Set<number>();
  const titleStarts = new Set<number>();
  for (const t of ctx.titles) {
    titleEnds.add(t.end);
    titleStarts.add(t.start);
  }
  return { norm: ctx.norm, startB: ctx.startB, endB: ctx.endB, tokenAt: ctx.tokenAt, tokens: ctx.tokens, titleEnds, titleStarts };
}

function counter(norm: string): (w: string) => number {
  const memo = new Map<string, number>();
  return (w) => {
    let c = memo.get(w);
    if (c === undefined) {
      c = 0;
      for (let i = norm.indexOf(w); i >= 0; i = norm.indexOf(w, i + w.length)) c++;
      memo.set(w, c);
    }
    return c;
  };
}

/** Characters that never start a name even when they are also surnames (的, 在, 於 ...). */
const NOT_NAME_START = new Set([...'的是在和与及或等将被把从对向为于以也都又就才这那其该此每各本全'].map(n));
/** NOT_NAME_START by code unit, for the scan that asks at every character (no one-character string made). */
const NOT_NAME_START_AT = new Uint8Array(0x10000);
for (const c of NOT_NAME_START) NOT_NAME_START_AT[c.charCodeAt(0)] = 1;
/** Characters that end place, organization and event words rather than given names. */
const NOT_NAME_END = new Set([...'部署局处院会党市县区乡镇村路街岛山河湖港赛队案法厅馆站场国省州湾厂校系所科组团协社奖庙宫寺籍'].map(n));

/**
 * A name read one character too far (王小明|在, 李大同|醫師, 林美玲|於): when the last character is a
 * function word or starts a title in the text, the shorter reading is the name.
 */
export function trimOvershoot(ctx: PeopleContext, known: Set<string>): void {
  const nctx = nameContext(ctx);
  for (const k of [...known]) {
    if ([...k].length < 3 || !HAN.test(k)) continue;
    const last = k[k.length - 1];
    let overshoot = NOT_GIVEN_END.has(last);
    if (!overshoot) {
      for (let i = ctx.norm.indexOf(k); i >= 0 && !overshoot; i = ctx.norm.indexOf(k, i + 1)) {
        if (nctx.titleStarts.has(i + k.length - 1)) overshoot = true;
      }
    }
    if (!overshoot) continue;
    known.delete(k);
    known.add(k.slice(0, -1));
  }
}

/**
 * Names found by patterns (a jieba token, a list) that the model finds implausible as names
 * (教練團, 游得快) are dropped; names after titles, in brackets and those the model proposed stay.
 */
export function dropImplausible(ctx: PeopleContext, known: Set<string>, keep: Set<string>): void {
  const model = nameModel(ctx.lex);
  for (const k of [...known]) {
    if (keep.has(k) || !/^[\u3400-\u9fff]{2,4}$/.test(k)) continue;
    if (NOT_NAME_END.has(k[k.length - 1]) || NOT_NAME_START.has(k[0])) {
      known.delete(k);
      continue;
    }
    const sur = model.surnamesAt(k, 0)[0];
    if (!sur) continue;
    if (intrinsicScore(model, k, sur.len, sur.score) < W.patternFloor) known.delete(k);
  }
}

/**
 * The parts of a dot-joined name (約翰·史密斯 -> 史密斯, 約翰) refer to the whole name when they
 * appear alone later: returns part -> whole, for parts of two characters or more.
 */
export function dottedNameParts(known: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of known) {
    if (!DOTS.test(k)) continue;
    const parts = k.split(/[·‧・•]/).filter((p) => p.length >= 2);
    if (parts.length < 2) continue;
    for (const p of [parts[0], parts[parts.length - 1]]) if (!out.has(p)) out.set(p, k);
  }
  // a part that is itself the beginning of another dotted name (蘇菲·瑪 of 蘇菲·瑪麗·杜邦) goes to the longest
  for (const k of known) for (const other of known) if (other !== k && other.startsWith(k) && DOTS.test(other)) out.set(k, other);
  return out;
}

/** Last characters that end a clause rather than a name (在, 於, 以, 自, 從, 曾, 則 ...). */
const NOT_GIVEN_END = new Set([...'在于以自从曾则至时后因遭陪今昨与和及的了是也都就才被把将对向为等说称表指卸'].map(n));

const STRONG = W.acceptThree + 4;

/** Han-Chinese names the model accepts anywhere in the text, best reading per start. */
export function modelHanNames(ctx: PeopleContext): NameCandidate[] {
  const model = nameModel(ctx.lex);
  const nctx = nameContext(ctx);
  const count = counter(ctx.norm);
  const { norm } = ctx;
  const found: { start: number; end: number; score: number }[] = [];
  for (let i = 0; i < norm.length; i++) {
    if (!isHanAt(norm, i) || NOT_NAME_START_AT[norm.charCodeAt(i)] || ctx.lexMask?.[i]) continue;
    const best = bestNameAt({ ctx: nctx, model, start: i, count });
    if (!best) continue;
    // segmentation took the would-be surname into the word before it (福安宮|…, 政大|…): only
    // strong evidence makes a name start inside a word
    const ti = ctx.tokenAt[i];
    if (ti >= 0 && ctx.tokens[ti].start < i && ctx.tokens[ti].word.length >= 2 && best.score < STRONG) continue;
    const w = norm.slice(best.start, best.end);
    if (ctx.lex.stop.personZh.has(w)) continue;
    // 村, 國 and 展 end place and event words, but 陳大村 and 林建國 are names when the evidence is strong
    if (NOT_NAME_END.has(w[w.length - 1]) && best.score < STRONG) continue;
    found.push(best);
  }
  // overlapping readings: the better score keeps its span
  found.sort((a, b) => b.score - a.score || a.start - b.start);
  const used = new Uint8Array(norm.length + 1);
  const out: NameCandidate[] = [];
  for (const f of found) {
    let free = true;
    for (let k = f.start; k < f.end; k++) if (used[k]) free = false;
    if (!free) continue;
    for (let k = f.start; k < f.end; k++) used[k] = 1;
    out.push({ start: f.start, end: f.end, norm: norm.slice(f.start, f.end), strength: 1, score: f.score });
  }
  return out;
}

/** Role nouns and verbs that put a person right after them (洋將X, 總統X, 擊敗X). */
const PERSON_BEFORE_WORDS = [
  '洋将',
  '外援',
  '外籍生',
  '球员',
  '选手',
  '球星',
  '主将',
  '队长',
  '教练',
  '总教练',
  '搭档',
  '对手',
  '击败',
  '不敌',
  '力克',
  '击退',
  '淘汰',
  '总统',
  '总理',
  '首相',
  '国王',
  '女王',
  '王子',
  '公主',
  '亲王',
  '教宗',
  '主席',
  '领袖',
  '外长',
  '大使',
  '特使',
  '将军',
  '司令',
  '发言人',
  '部长',
  '演员',
  '歌手',
  '导演',
  '作家',
  '画家',
  '艺人',
  '主唱',
  '得主',
  '女儿',
  '儿子',
  '妻子',
  '丈夫',
  '前总统',
  '反对派',
  '领导人',
  '执行长',
  '董事长',
  '总裁',
  '创办人',
  '发起人',
  '记者',
  '主持人',
  '支柱',
  '中锋',
  '前锋',
  '后卫',
  '投手',
  '打者',
  '捕手',
  '好手',
  '名将',
  '一哥',
  '一姐',
  '新秀',
  '球后',
  '球王',
  '拳王',
  '天后',
  '天王',
  '代表',
  '议员',
  '参议员',
  '众议员',
  '指挥官',
  '负责人',
  '统治者',
  '独裁者',
  '组合',
  '活动家',
  '人士',
  '官员',
  '前任',
  '继任者',
  '国务卿',
  '特使',
  '主教',
  '神父',
  '修女',
].map(n);
export const PERSON_BEFORE = new WordList(PERSON_BEFORE_WORDS);
/** A player's line in a box score right after the name (25分, 8籃板). */
const STAT_AFTER = new RegExp(
  `^[0-9０-９]+(?:${['分', '篮板', '助攻', '抄截', '盖帽', '阻攻', '杆', '球', '秒', '局', '安打', '三振'].map(n).join('|')})`,
);
export const SPEECH_AFTER = new WordList(
  [
    ...REPORTING_VERBS,
    '宣布',
    '证实',
    '直言',
    '重申',
    '声称',
    '获得',
    '赢得',
    '夺下',
    '拿下',
    '砍下',
    '攻下',
    '贡献',
    '击败',
    '不敌',
    '力克',
    '搭档',
    '演出',
    '饰演',
    '率领',
    '带领',
    '出席',
    '抵达',
    '访问',
    '会晤',
    '会见',
    '接见',
    '获颁',
    '获奖',
    '当选',
    '上任',
    '就任',
    '出任',
    '担任',
    '领军',
    '发威',
    '得分',
    '首开纪录',
  ].map(n),
);
const REGNAL = new RegExp(`^[${n('一二三四五六七八九十')}]{1,2}${n('世')}`);
/** Heads that make a transliteration part of a place or organization name. */
const PLACE_HEAD_AFTER = new Set([...'州省市县区国岛河山湖湾港城堡镇村街路海洋峡洲湖谷原'].map(n));
const ORG_HEAD_AFTER = [
  '公司',
  '集团',
  '大学',
  '银行',
  '组织',
  '政府',
  '协会',
  '基金',
  '联盟',
  '电视',
  '报',
  '队',
  '航空',
  '科技',
  '军',
  '党',
  '馆',
  '机场',
  '医院',
  '学院',
  '中心',
  '研究',
].map(n);

/**
 * Transliterated foreign names: runs of characters typical of transliterations (阿, 拉, 斯,
 * 克 ...), possibly joined by ·, ‧ or ・, that context shows to be a person: a role noun
 * before (洋將, 總統), a speech or action verb after (表示, 砍下), a place or organization head
 * after rules it out (州, 市, 公司).
 */
export function translitNames(ctx: PeopleContext, knownPeople: Set<string>): NameCandidate[] {
  const model = nameModel(ctx.lex);
  const nctx = nameContext(ctx);
  const count = counter(ctx.norm);
  const { norm } = ctx;
  const spans: { start: number; end: number }[] = [];
  let i = 0;
  while (i < norm.length) {
    if (!isHanAt(norm, i) || model.translitAt(norm, i) < T.charMin) {
      i++;
      continue;
    }
    let j = i;
    while (
      j < norm.length &&
      ((isHanAt(norm, j) && model.translitAt(norm, j) >= T.charMin) ||
        (DOTS.test(norm[j]) && j > i && isHanAt(norm, j + 1) && model.translitAt(norm, j + 1) >= T.charMin))
    )
      j++;
    for (const sp of trimToWords(nctx, i, j)) {
      // a regnal number belongs to the name (卡爾十六世)
      const regnal = REGNAL.exec(norm.slice(sp.end, sp.end + 4));
      spans.push(regnal ? { start: sp.start, end: sp.end + regnal[0].length } : sp);
    }
    i = j;
  }
  spans.push(...dottedSpans(ctx, nctx, model));
  const isKnown = (k: string) => knownPeople.has(k) || ctx.lex.peopleByNorm.has(k);
  // the known names (two characters or more) written inside w, tried substring by substring
  const knownInside = (w: string) => {
    const found: string[] = [];
    for (let a = 0; a < w.length; a++)
      for (let b = a + 2; b <= w.length; b++) if (b - a < w.length && isKnown(w.slice(a, b))) found.push(w.slice(a, b));
    return found;
  };
  const knownList = [...knownPeople];
  const evidence = new Map<string, number>();
  const occurrences: { start: number; end: number; w: string }[] = [];
  for (const s of spans) {
    const w = norm.slice(s.start, s.end);
    const len = [...w.replace(/[·‧・•]/g, '')].length;
    if (len < T.minLength || len > (DOTS.test(w) ? 2 * T.maxLength : T.maxLength)) continue;
    if (translitMean(model, w) < T.spanMean) continue;
    const e = dictEntry(w);
    if (e && !/^nr/.test(e.tag) && e.freq >= 3) continue;
    if (ctx.lex.zh.has(w)) continue;
    // a known name plus a neighbouring character (林佳龍赴) is that name, not a new one
    if (!DOTS.test(w) && knownInside(w).some((k) => translitMean(model, w.replace(k, '')) < T.restMean)) continue;
    if (ctx.lex.stop.personZh.has(w)) continue;
    let ev = evidence.get(w) ?? 0;
    if (DOTS.test(w)) ev += T.dotJoined;
    if (PERSON_BEFORE.endsAt(norm, s.start) || nctx.titleEnds.has(s.start)) ev += T.personCue;
    if (SPEECH_AFTER.startsAt(norm, s.end) || STAT_AFTER.test(norm.slice(s.end, s.end + 6))) ev += T.speechAfter;
    // "A、B" next to a person already known
    const before = norm[s.start - 1];
    if ((before === '、' || before === n('和') || before === n('與')) && knownList.some((k) => norm.startsWith(k, s.start - 1 - k.length)))
      ev += T.personCue;
    if (norm[s.end] === '、' && knownList.some((k) => norm.startsWith(k, s.end + 1))) ev += T.personCue;
    // doubles pairs and partners written A/B
    if (
      (norm[s.end] === '/' || norm[s.start - 1] === '/') &&
      (ev > 0 || knownList.some((k) => norm.startsWith(k, s.end + 1) || norm.startsWith(k, s.start - 1 - k.length)))
    )
      ev += T.personCue;
    if (PLACE_HEAD_AFTER.has(norm[s.end]) || ORG_HEAD_AFTER.some((h) => norm.startsWith(h, s.end))) ev += T.placeHead;
    evidence.set(w, ev);
    occurrences.push({ ...s, w });
  }
  const accepted = () => occurrences.filter((o) => (evidence.get(o.w) ?? 0) + (count(o.w) >= 2 ? T.recurs : 0) >= T.acceptPerson);
  // a second round: a name listed next to one accepted in the first (A、B, A/B) is a name too
  const first = new Set(accepted().map((o) => o.w));
  for (const o of occurrences) {
    if (first.has(o.w)) continue;
    const next = norm[o.end];
    const prev = norm[o.start - 1];
    const listed = [...first].some(
      (k) =>
        ((next === '、' || next === '/' || next === '／') && norm.startsWith(k, o.end + 1)) ||
        ((prev === '、' || prev === '/' || prev === '／') && norm.startsWith(k, o.start - 1 - k.length)),
    );
    if (listed && (evidence.get(o.w) ?? 0) > T.placeHead / 2) evidence.set(o.w, (evidence.get(o.w) ?? 0) + T.personCue);
  }
  return accepted().map((o) => ({
    start: o.start,
    end: o.end,
    norm: o.w,
    strength: 2,
    score: (evidence.get(o.w) ?? 0) + (count(o.w) >= 2 ? T.recurs : 0),
  }));
}

/** Role nouns after which a stage name, a mononym or a foreign name follows (主唱X, 歌手X, 選手X). */
const ROLE_CUE_LIST = new WordList([
  ...PERSON_BEFORE_WORDS,
  ...[
    '主唱',
    '团员',
    '成员',
    '饰演',
    '扮演',
    '明星',
    '冠军',
    '亚军',
    '种子',
    '网红',
    'YouTuber',
    '模特儿',
    '偶像',
    '女星',
    '男星',
    '女歌手',
    '男歌手',
    '创作歌手',
    'DJ',
    'rapper',
  ].map(n),
]);
/** Role nouns that close an enumeration of people ("A、B、C等歌手"). */
const LIST_ROLES = [
  '歌手',
  '艺人',
  '演员',
  '球员',
  '选手',
  '议员',
  '立委',
  '官员',
  '学者',
  '专家',
  '明星',
  '嘉宾',
  '来宾',
  '好手',
  '名将',
  '得主',
].map(n);
const LATIN_NAME = /^[A-Za-z][A-Za-z'’\-]*(?: [A-Z][A-Za-z'’\-]*)?/;

/**
 * Names introduced by a role cue: stage names and mononyms after 主唱, 歌手, 藝人, 飾演 (Latin,
 * in 「」, or two to four Han characters up to a clean boundary), and the items of an
 * enumeration closed by a role noun ("A、B、C等歌手").
 */
export function roleCueNames(ctx: PeopleContext): NameCandidate[] {
  const nctx = nameContext(ctx);
  const { norm } = ctx;
  const out: NameCandidate[] = [];
  const push = (start: number, end: number) => {
    const w = norm.slice(start, end).trim();
    if (!w || w.length > 12 || /^[0-9]/.test(w)) return;
    if (ctx.lex.zh.matchesAt(w, 0).some((m) => m.end === w.length && m.values[0].entity.type !== 'person')) return;
    if (ctx.lex.stop.personZh.has(w)) return;
    const e = dictEntry(w);
    if (e && !/^nr/.test(e.tag) && e.freq >= 3) return;
    out.push({ start, end, norm: w, strength: 2 });
  };
  for (let i = 0; i < norm.length; i++) {
    const cue = ROLE_CUE_LIST.startingAt(norm, i);
    if (!cue) continue;
    const s = i + cue.length;
    i = s - 1;
    // the cue is a word of its own (總統|府 is no cue for 府表示)
    if (!ctx.startB[s] || (i - cue.length + 1 > 0 && !ctx.endB[i - cue.length + 1] && !ctx.startB[i - cue.length + 1])) continue;
    if (norm[s] === '「') {
      const close = norm.indexOf('」', s);
      if (close > s + 1 && close - s <= 9) push(s + 1, close);
      continue;
    }
    const latin = LATIN_NAME.exec(norm.slice(s));
    if (latin && latin[0].length >= 2) {
      push(s, s + latin[0].length);
      continue;
    }
    if (!HAN.test(norm[s] ?? '') || NOT_NAME_START.has(norm[s])) continue;
    // the longest reading of two to four characters that ends cleanly
    for (let len = 4; len >= 2; len--) {
      const e = s + len;
      if (e > norm.length || ![...norm.slice(s, e)].every((c) => HAN.test(c))) continue;
      if (rightEvidence(nctx, e) < 1 || !ctx.endB[e]) continue;
      if (!unknownWords(ctx, s, e)) continue;
      push(s, e);
      break;
    }
  }
  // enumerations closed by 等 + a role noun
  for (const role of LIST_ROLES) {
    const closer = n('等') + role;
    for (let at = norm.indexOf(closer); at >= 0; at = norm.indexOf(closer, at + 1)) {
      let end = at;
      let items = 0;
      while (end > 0 && items < 20) {
        let start = end;
        while (start > 0 && !/[、，,。；：:「」（）()\n]/.test(norm[start - 1]) && end - start < 12) start--;
        let item = norm.slice(start, end).split(/[&＆]/)[0];
        // the first item follows a verb (邀|Jolin): keep the Latin name or the unknown word at its end
        if (norm[start - 1] !== '、') {
          const latin = /[A-Za-z][A-Za-z'’\- ]*$/.exec(item);
          if (latin) {
            start += latin.index;
            item = latin[0];
          } else {
            let k = start + item.length;
            while (k > start && ctx.tokenAt[k - 1] >= 0 && /^(x|nr|nrt|nrfg)$/.test(ctx.tokens[ctx.tokenAt[k - 1]].tag))
              k = ctx.tokens[ctx.tokenAt[k - 1]].start;
            item = norm.slice(Math.max(k, start), start + item.length);
            start = Math.max(k, start);
          }
        }
        if (item.length >= 2 && item.length <= 8 && (/[A-Za-z]/.test(item) || unknownWords(ctx, start, start + item.length)))
          push(start, start + item.length);
        items++;
        if (norm[start - 1] !== '、') break;
        end = start - 1;
      }
    }
  }
  return out;
}

/**
 * Names joined by a middle dot (蘇菲·瑪麗·杜邦): every segment is taken whole, from the
 * cue or punctuation before the first dot to the punctuation or verb after the last, so that a
 * less typical character (裡, 根) does not cut the name.
 */
function dottedSpans(ctx: PeopleContext, nctx: NameContext, model: ReturnType<typeof nameModel>): { start: number; end: number }[] {
  const { norm } = ctx;
  const out: { start: number; end: number }[] = [];
  const ok = (c: string | undefined) => isHan(c) && model.translit(c!) > -1.5;
  for (let d = norm.search(DOTS); d >= 0 && d < norm.length; d++) {
    if (!DOTS.test(norm[d]) || !ok(norm[d - 1]) || !ok(norm[d + 1])) continue;
    let s = d;
    while (
      s > 0 &&
      ok(norm[s - 1]) &&
      (s === d || model.translit(norm[s - 1]) > T.dotLeftMin) &&
      d - s < 6 &&
      !nctx.titleEnds.has(s) &&
      !PERSON_BEFORE.endsAt(norm, s)
    )
      s--;
    let e = d + 1;
    for (;;) {
      while (e < norm.length && ok(norm[e]) && !SPEECH_AFTER.startsAt(norm, e) && !RIGHT_STOP.has(norm[e])) e++;
      if (DOTS.test(norm[e] ?? '') && ok(norm[e + 1])) {
        e++;
        continue;
      }
      break;
    }
    if (e - s >= 3) out.push({ start: s, end: e });
    d = e;
  }
  return out;
}
const RIGHT_STOP = new Set([...'的在于与和及是也将曾已于'].map(n));

/** Every token in [s, e) is a word jieba does not know, or a name: what a new name looks like. */
function unknownWords(ctx: PeopleContext, s: number, e: number): boolean {
  for (let k = s; k < e;) {
    const ti = ctx.tokenAt[k];
    if (ti < 0) return false;
    const t = ctx.tokens[ti];
    if (!/^(x|nr|nrt|nrfg|nz|eng)$/.test(t.tag) && !(t.word.length === 1 && /^(zg|ng|g)$/.test(t.tag))) return false;
    k = t.end;
  }
  return true;
}

/**
 * A run of transliteration characters may start or end inside an ordinary word (靠著|馬洛維奇|內線):
 * trim it to the jieba word boundaries that make it a clean span.
 */
function trimToWords(ctx: NameContext, start: number, end: number): { start: number; end: number }[] {
  let s = start;
  let e = end;
  // leading characters that belong to the word before
  while (
    s < e &&
    ctx.tokenAt[s] >= 0 &&
    ctx.tokens[ctx.tokenAt[s]].start < s &&
    !/^(x|nr|nrt|nrfg|ns)$/.test(ctx.tokens[ctx.tokenAt[s]].tag)
  )
    s++;
  // trailing characters that start a word running past the span (內 of 內線)
  let lastDot = -1;
  for (let k = end - 1; k >= start && lastDot < 0; k--) if (DOTS.test(ctx.norm[k])) lastDot = k;
  const floor = lastDot >= 0 ? lastDot + 2 : s;
  while (e > floor && rightEvidence(ctx, e) < 0) e--;
  // particles and prepositions at either edge (由|馬洛維奇, 杜邦|將) are not part of a name
  while (s < e && NOT_NAME_START.has(ctx.norm[s])) s++;
  while (e > floor && NOT_GIVEN_END.has(ctx.norm[e - 1])) e--;
  return e - s >= 2 ? [{ start: s, end: e }] : [];
}
