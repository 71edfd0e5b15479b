import type { Article } from '../domain/types';
import type { DocState } from './doc';
import { enWord } from './en-words';
import { EN_TOKEN_RE, type EnForm, type Lexicon, type LexEntity } from './lexicon';
import { normalizeForm, normalizeKey } from './normalize';
import { hmmOnly, idfOf, keywords, tagText, type Token } from './segment';
import { endsWithOrgHead } from './zh-heads';

const MAX_TOPICS = 10;
const MAX_LEX_TOPICS = 6;

/**
 * Free keywords that repeat a chosen topic (法說會 when 鴻海法說會 is kept, or the reverse) add
 * nothing: of two nested phrases the better-scored stays, and one already covered by a taxonomy
 * topic's name or surface forms goes.
 */
function dedupeBySubstring(cands: [string, Scored][], lexChosen: Scored[]): [string, Scored][] {
  const lexForms = lexChosen.flatMap((s) => [s.name]);
  const out: [string, Scored][] = [];
  for (const c of cands) {
    const name = c[1].name;
    if (lexForms.some((f) => f.includes(name) || name.includes(f))) continue;
    if (out.some(([, o]) => o.name.includes(name) || name.includes(o.name))) continue;
    out.push(c);
  }
  return out;
}

interface Scored {
  lex?: LexEntity;
  name: string;
  score: number;
  hits: { start: number; end: number }[];
  en?: string;
}

/**
 * Topics: taxonomy keywords weighted by count (headline counts double), parents when a child
 * is well supported, the outlet's topic-like tags, then a few TF-IDF keywords for Chinese or
 * frequent noun phrases for English. Output is capped: precision matters more than coverage.
 */
export function addTopics(opts: { doc: DocState; lex: Lexicon; article: Article }): void {
  const { doc, lex, article } = opts;
  const scored = new Map<string, Scored>();
  const bump = (key: string, s: Omit<Scored, 'score' | 'hits'>, w: number, hit?: { start: number; end: number }) => {
    const cur = scored.get(key) ?? { ...s, score: 0, hits: [] };
    cur.score += w;
    if (hit) cur.hits.push(hit);
    scored.set(key, cur);
  };
  const headlineWeight = (start: number) => (start < doc.titleLength ? 2 : 1);

  // a keyword inside a name (外交 in 外交部) is that name, not a theme
  const inName = new Uint8Array(doc.chars.length + 1);
  for (const h of doc.hits) {
    const t = doc.entities.get(h.id)?.type;
    if (h.start >= 0 && (t === 'organization' || t === 'person' || t === 'place')) for (let i = h.start; i < h.end; i++) inName[i] = 1;
  }
  if (doc.lang === 'zh') {
    const seen = new Set<string>();
    const repeat = doc.headlineRepeat;
    for (const m of lex.zhTopics.scanAll(doc.norm)) {
      if (inName[m.start] && inName[m.end - 1]) continue;
      if (m.start >= repeat.start && m.start < repeat.end) continue;
      for (const t of m.values) {
        const key = `${t.id}@${m.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        bump(t.id, { lex: t, name: t.name }, headlineWeight(m.start), { start: m.start, end: m.end });
      }
    }
    // Latin acronyms inside Chinese text (AI, GDP, ETF) are forms of the taxonomy topics named in Chinese
    for (const m of matchEn({ norm: doc.norm, index: lex.enTopics })) {
      if (!/^[A-Z]{2,5}$/.test(doc.surface(m.start, m.end)) || !scored.has(m.entity.id)) continue;
      // an acronym is often a passing mention (AI應用): it only records the form of a topic the Chinese text names
      bump(m.entity.id, { lex: m.entity, name: m.entity.name }, 0, { start: m.start, end: m.end });
    }
  } else {
    for (const m of matchEn({ norm: doc.norm, index: lex.enTopics, anyCase: true }))
      bump(m.entity.id, { lex: m.entity, name: m.entity.en ?? m.entity.name }, headlineWeight(m.start), m);
  }
  addPairRelation({ doc, lex, scored, bump });
  // one passing mention by an associated word (失蹤 for search and rescue, 新台幣 for exchange
  // rates) is not what the article is about; the topic's own name once, or any keyword twice, is
  for (const [key, sc] of scored) {
    if (!sc.lex || sc.score > 1 || sc.hits.length !== 1) continue;
    const form = normalizeKey(doc.surface(sc.hits[0].start, sc.hits[0].end));
    const own = [sc.lex.name, sc.lex.en ?? ''].map((f) => normalizeKey(f));
    if (!own.some((o) => sharesPart(o, form))) scored.delete(key);
  }
  // a parent is half as well supported as its best child: it never crowds out the specific topics
  const parentSupport = new Map<string, number>();
  for (const sc of scored.values()) {
    const parent = sc.lex?.parent;
    if (parent && sc.score >= 3) parentSupport.set(parent, Math.max(parentSupport.get(parent) ?? 0, sc.score / 2));
  }
  for (const [pid, support] of parentSupport) {
    const parent = lex.byId.get(pid);
    if (!parent) continue;
    const cur = scored.get(pid);
    if (cur) cur.score = Math.max(cur.score, support);
    else bump(pid, { lex: parent, name: doc.lang === 'en' ? (parent.en ?? parent.name) : parent.name }, support);
  }

  const entityKeys = new Set<string>();
  for (const e of doc.entities.values()) for (const k of [e.name, ...e.aliases, e.en ?? '']) if (k) entityKeys.add(normalizeKey(k));

  for (const tag of article.tags ?? []) {
    const t = tag.trim();
    const key = normalizeKey(t);
    if (!t || entityKeys.has(key) || [...t].length < 2 || [...t].length > 12) continue;
    const viaLex = lex.zhTopics.matchesAt(normalizeForm(t), 0).find((m) => m.end === [...t].length);
    if (viaLex) bump(viaLex.values[0].id, { lex: viaLex.values[0], name: viaLex.values[0].name }, 2);
    else bump(`topic:${t}`, { name: t }, 2);
  }

  const kws =
    doc.lang === 'zh'
      ? zhTopicCandidates({ doc, lex, entityKeys, captions: article.captions ?? [] })
      : enKeywords({ doc, lex, entityKeys });
  // a keyword that is part of a matched taxonomy topic (礦物 of 關鍵礦物) adds nothing
  const covered = [...scored.values()]
    .filter((s) => s.lex && s.score >= 2)
    .flatMap((s) => [s.name, ...s.hits.map((h) => doc.surface(h.start, h.end))]);
  for (const k of kws) if (!covered.some((c) => c.includes(k.name))) bump(`topic:${k.name}`, { name: k.name }, k.weight);

  // the taxonomy's roots (政治, 經濟, 社會 ...) say little the article's own topics do not: they rank last
  const isRoot = (sc: Scored) => !!sc.lex && !sc.lex.parent;
  const rank = (sc: Scored) => (isRoot(sc) ? sc.score / 3 : sc.score);
  const ranked = [...scored.entries()].filter(([, s]) => s.score >= 1.5 || (s.lex && s.score >= 1)).sort((a, b) => rank(b[1]) - rank(a[1]));
  // well-supported taxonomy topics (seen twice, or in the headline) all count; weak ones fill up to five
  // roots only when the article has little else to say
  const specific = ranked.filter(([, s]) => !s.lex || !isRoot(s)).length;
  const fromLex = ranked
    .filter(([, s]) => s.lex && (!isRoot(s) || specific < 3))
    .filter(([, s], i) => rank(s) >= 2 || i < 5)
    .slice(0, MAX_LEX_TOPICS);
  const other = dedupeBySubstring(
    ranked.filter(([, s]) => !s.lex),
    fromLex.map(([, s]) => s),
  ).slice(0, MAX_TOPICS - fromLex.length);
  const chosen = [...fromLex, ...other];
  for (const [id, s] of chosen) {
    const found = [...new Set(s.hits.map((h) => doc.surface(h.start, h.end)))];
    if (s.lex) {
      const e = doc.upsertLex(s.lex);
      for (const a of [...(s.lex.en && doc.lang === 'zh' ? [s.lex.en] : []), ...(doc.lang === 'en' ? [s.lex.name] : []), ...found])
        if (a !== e.name && !e.aliases.includes(a)) e.aliases.push(a);
    } else doc.upsert({ id, type: 'topic', name: s.name, aliases: found });
    for (const h of s.hits) doc.hits.push({ id, start: h.start, end: h.end, surface: doc.surface(h.start, h.end) });
    if (!s.hits.length) {
      const at = doc.norm.indexOf(normalizeForm(s.name));
      if (at >= 0) doc.hits.push({ id, start: at, end: at + [...s.name].length, surface: s.name });
      else doc.hits.push({ id, start: -1, end: -1, surface: s.name, caption: true });
    }
  }
}

/** Whether two forms share a word (English, plural folded) or two characters in a row (Chinese). */
function sharesPart(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (/[a-z]/.test(a) || /[a-z]/.test(b)) {
    const words = (x: string) =>
      x
        .split(/[^a-z]+/)
        .filter((w) => w.length >= 3)
        .map((w) => w.replace(/(es|s)$/, ''));
    const wa = new Set(words(a));
    return words(b).some((w) => wa.has(w));
  }
  for (let i = 0; i + 2 <= b.length; i++) if (a.includes(b.slice(i, i + 2))) return true;
  return false;
}

/** Counterparts of Taiwan that are not countries: European institutions stand for Europe (台歐). */
const EUROPE_ORG = /^歐(盟|洲)/;

/**
 * Bilateral relations: an article about Taiwan's diplomacy (a diplomacy topic scored) whose
 * main foreign counterpart is well mentioned (headline, or three times) is about relations with
 * it: 台日關係 / Taiwan–Japan relations, when the taxonomy knows the pair (台 + short form).
 */
function addPairRelation(opts: {
  doc: DocState;
  lex: Lexicon;
  scored: Map<string, Scored>;
  bump: (key: string, s: Omit<Scored, 'score' | 'hits'>, w: number) => void;
}): void {
  const { doc, lex, scored, bump } = opts;
  const underDiplomacy = (t: LexEntity | undefined): boolean => {
    for (let i = 0; t && i < 5; i++, t = t.parent ? lex.byId.get(t.parent) : undefined) if (t.id === 'topic:diplomacy') return true;
    return false;
  };
  const diplomacy = [...scored.values()].some((s) => underDiplomacy(s.lex));
  if (!diplomacy) return;
  const counts = new Map<string, { n: number; head: boolean }>();
  for (const h of doc.hits) {
    if (h.start < 0) continue;
    const c = counts.get(h.id) ?? { n: 0, head: false };
    c.n++;
    if (h.start < doc.titleLength) c.head = true;
    counts.set(h.id, c);
  }
  if (!doc.entities.has('country:TW')) return;
  let best: { shorts: string[]; n: number } | undefined;
  for (const [id, c] of counts) {
    const e = doc.entities.get(id);
    if (!e || id === 'country:TW' || id === 'country:CN' || !(c.head || c.n >= 3)) continue;
    let shorts: string[] = [];
    if (e.type === 'country') shorts = lex.byId.get(id)?.short ?? [];
    else if (e.type === 'organization' && EUROPE_ORG.test(lex.byId.get(id)?.name ?? e.name)) shorts = ['歐'];
    if (!shorts.length) continue;
    // Europe's institutions together count as one counterpart
    const n = c.n + (shorts[0] === '歐' && best?.shorts[0] === '歐' ? best.n : 0);
    if (!best || n > best.n) best = { shorts, n };
  }
  if (!best) return;
  for (const sh of best.shorts) {
    const form = normalizeForm(`台${sh}`);
    const t = lex.zhTopics
      .matchesAt(form, 0)
      .find((m) => m.end === [...form].length)
      ?.values.find((v) => v.parent === 'topic:diplomacy');
    if (!t) continue;
    if (!scored.has(t.id)) bump(t.id, { lex: t, name: doc.lang === 'en' ? (t.en ?? t.name) : t.name }, 2);
    return;
  }
}

/**
 * Events that belong to an actor: a company's investor conference, a leader's visit, a team's
 * title. Written in Traditional Chinese and normalised like the text when first used.
 */
const ZH_EVENT_WORDS = [
  '法說會',
  '法說',
  '股東會',
  '股東常會',
  '訪台',
  '訪美',
  '訪日',
  '訪歐',
  '封王',
  '奪冠',
  '連霸',
  '衛冕',
  '罷免案',
  '下台',
  '請辭',
  '辭職',
  '裁員',
  '破產',
  '併購案',
];
/** Time words and light verbs between the actor and the event (鴻海今天舉行法說會) carry nothing. */
const ZH_EVENT_FILLER = [
  '今天',
  '昨天',
  '明天',
  '今日',
  '昨日',
  '明日',
  '日前',
  '稍早',
  '此次',
  '本次',
  '這次',
  '將',
  '已',
  '正式',
  '舉行',
  '召開',
  '舉辦',
];
const ZH_LEAD_CHARS = 120;
let eventRe: { re: RegExp; filler: string[] } | undefined;

/**
 * Actor-anchored events: a person, organisation or team named right before an event word
 * (<公司>法說會, <球隊>痛失連霸) makes a topic "<name><event>", when it is in the headline or recurs.
 * Fillers between them (今天舉行) are dropped; a short verb (痛失) stays, as it says what happened.
 */
function zhEventPhrases(opts: { doc: DocState; captions: string[] }): { name: string; weight: number }[] {
  const { doc, captions } = opts;
  if (!eventRe) {
    const words = ZH_EVENT_WORDS.map((w) => normalizeForm(w));
    eventRe = { re: new RegExp(words.join('|'), 'g'), filler: ZH_EVENT_FILLER.map((w) => normalizeForm(w)) };
  }
  // the actors are the article's own people and organisations, as the text writes them
  const actorKeys = [...doc.entities.values()]
    .filter((e) => e.type === 'organization' || e.type === 'person')
    .flatMap((e) => [e.name, ...e.aliases])
    .map((k) => normalizeForm(k))
    .filter((k) => k.length >= 2 && /^[\u3400-\u9fff]+$/.test(k))
    .sort((a, b) => b.length - a.length);
  const found = new Map<string, { n: number; head: boolean }>();
  const scan = (norm: string, surface: (start: number, end: number) => string, lead: (start: number) => boolean) => {
    const re = new RegExp(eventRe!.re.source, 'g');
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      for (let gap = 0; gap <= 30; gap++) {
        const end = m.index - gap;
        const key = actorKeys.find((k) => end - k.length >= 0 && norm.startsWith(k, end - k.length));
        if (key === undefined) continue;
        const actorStart = end - key.length;
        // stock codes and glosses in brackets (2330-TW) sit between a company and its event
        let between = norm
          .slice(end, m.index)
          .replace(/\s*[(（][^()（）]{1,12}[)）]\s*/g, '')
          .trim();
        for (let changed = true; changed;) {
          changed = false;
          for (const f of eventRe!.filler)
            if (between.startsWith(f)) {
              between = between.slice(f.length);
              changed = true;
            }
        }
        if (!/^[\u3400-\u9fff]{0,2}$/.test(between)) break;
        const name = (
          surface(actorStart, end) +
          surface(m.index - between.length, m.index) +
          surface(m.index, m.index + m[0].length)
        ).replace(/臺/g, '台');
        const c = found.get(name) ?? { n: 0, head: false };
        c.n++;
        if (lead(actorStart)) c.head = true;
        found.set(name, c);
        break;
      }
    }
  };
  // the headline or the lead: a news story names its event in its first lines (or under its photo)
  scan(
    doc.norm,
    (s, e) => doc.surface(s, e),
    (start) => start < Math.max(doc.titleLength, ZH_LEAD_CHARS),
  );
  for (const cap of captions) {
    const chars = [...cap];
    if (chars.length > 300) continue;
    const norm = normalizeForm(cap);
    if ([...norm].length !== chars.length) continue;
    scan(
      norm,
      (s, e) => chars.slice(s, e).join(''),
      () => true,
    );
  }
  return [...found].filter(([, c]) => c.head || c.n >= 2).map(([name, c]) => ({ name, weight: (c.head ? 3 : 2) + Math.min(1, c.n / 3) }));
}

/** Tags of tokens that can sit inside a noun phrase (nouns, verbal nouns, names, idioms, abbreviations). */
const PHRASE_TAGS = /^(n|nz|vn|nr|ns|nt|nrt|j|l|eng)$/;
const PHRASE_WORD = /^[\u3400-\u9fffA-Za-z]+$/;

/**
 * Noun phrases of the headline and recurring noun phrases of the body: runs of noun-like tokens
 * (羅浮宮|珠寶|竊案, 鳳凰|颱風) of 3–8 characters that hold at least one common noun, so that a
 * phrase is an event or theme (鴻海法說會) rather than a bare name. Headlines are what an
 * article is about; a body phrase must recur to count.
 */
function zhPhrases(opts: { doc: DocState; lex: Lexicon }): { name: string; weight: number }[] {
  const { doc, lex } = opts;
  const tokens = doc.tokens ?? tagText(doc.norm);
  const isName = (w: string) => lex.zh.has(w);
  const runs: { text: string; start: number }[] = [];
  let cur: typeof tokens = [];
  const flush = () => {
    // trim leading/trailing bare names and one-character tokens: the phrase is about the nouns
    while (cur.length && cur[cur.length - 1].word.length < 2) cur.pop();
    while (cur.length && cur[0].word.length < 2) cur.shift();
    const len = cur.length ? cur[cur.length - 1].end - cur[0].start : 0;
    const hasNoun = cur.some(
      (t) => /^(n|vn|nz|l)$/.test(t.tag) && t.word.length >= 2 && !isName(t.word) && !lex.stop.keywordsZh.has(t.word),
    );
    if (cur.length >= 2 && len >= 3 && len <= 8 && hasNoun)
      runs.push({ text: doc.norm.slice(cur[0].start, cur[cur.length - 1].end), start: cur[0].start });
    cur = [];
  };
  for (const t of tokens) {
    const adjacent = !cur.length || cur[cur.length - 1].end === t.start;
    // both tests once per token
    const phrasal = PHRASE_TAGS.test(t.tag) && PHRASE_WORD.test(t.word);
    if (!adjacent || !phrasal || (t.tag === 'eng' && t.word.length < 2)) flush();
    if (phrasal) cur.push(t);
  }
  flush();
  // a phrase that is a name, or ends in one or in a title (演員|某某, 新任|校長, 某某|大學), is no theme
  const named = new Uint8Array(doc.norm.length + 1);
  const nameEnds = new Set<number>();
  for (const h of doc.hits) {
    const t = doc.entities.get(h.id)?.type;
    if (h.start < 0 || t === 'topic' || t === undefined) continue;
    named.fill(1, h.start, h.end);
    nameEnds.add(h.end);
  }
  const isTheme = (r: { text: string; start: number }) => {
    const end = r.start + r.text.length;
    let covered = 0;
    for (let i = r.start; i < end; i++) covered += named[i];
    if (nameEnds.has(end) || covered * 2 >= r.text.length) return false;
    // a title that ends the phrase (a form starting at i and ending at the end: the rest is one)
    for (let i = 0; i < r.text.length - 1; i++) if (lex.titlesZh.has(r.text.slice(i))) return false;
    return !endsWithOrgHead(r.text);
  };
  const counts = new Map<string, { n: number; head: boolean; start: number }>();
  const repeat = doc.headlineRepeat;
  for (const r of runs.filter((r) => isTheme(r) && !(r.start >= repeat.start && r.start < repeat.end))) {
    const c = counts.get(r.text) ?? { n: 0, head: false, start: r.start };
    c.n++;
    if (r.start < doc.titleLength) c.head = true;
    counts.set(r.text, c);
  }
  const out: { name: string; weight: number }[] = [];
  for (const [text, c] of counts) {
    if (!c.head && c.n < 3) continue;
    const name = doc.surface(c.start, c.start + text.length).replace(/臺/g, '台');
    out.push({ name, weight: (c.head ? 2.5 : 1) + Math.min(1, c.n / 3) });
  }
  return out.sort((a, b) => b.weight - a.weight).slice(0, 3);
}

function zhTopicCandidates(opts: {
  doc: DocState;
  lex: Lexicon;
  entityKeys: Set<string>;
  captions: string[];
}): { name: string; weight: number }[] {
  const phrases = [...zhEventPhrases({ doc: opts.doc, captions: opts.captions }), ...zhPhrases(opts)];
  // a headline word inside a headline phrase (午餐 of 校園午餐) adds nothing
  const words = zhHeadlineWords(opts).filter((w) => !phrases.some((p) => p.name.includes(w.name)));
  const describesPerson = personDescriptors(opts.doc);
  const verbs = zhRepeatedVerbs(opts).filter((w) => !phrases.some((p) => p.name.includes(w.name)) && !words.some((x) => x.name === w.name));
  return [...phrases, ...words, ...zhKeywords(opts), ...verbs].filter((c) => {
    const norm = normalizeForm(c.name);
    return !namesARole(opts.lex, norm) && (opts.lex.titlesZh.has(norm) || !describesPerson(norm));
  });
}

/**
 * A word written right before a person's name (名將 in 名將某某, 老將 in 隊上老將某某) says who
 * that person is: it describes the person, it is not a theme of the article. A bare title (校長)
 * is the exception, as the post itself can be the theme (a principal's handover).
 */
function personDescriptors(doc: DocState): (norm: string) => boolean {
  const personStarts = new Set<number>();
  for (const h of doc.hits) if (h.start > 0 && doc.entities.get(h.id)?.type === 'person') personStarts.add(h.start);
  return (norm) => {
    if (!/^[\u3400-\u9fff]+$/.test(norm)) return false;
    for (let at = doc.norm.indexOf(norm); at >= 0; at = doc.norm.indexOf(norm, at + 1)) if (personStarts.has(at + norm.length)) return true;
    return false;
  };
}

/**
 * A qualified title (教育部長, 科主任, 前總統) names one person's post, not what the article is
 * about; a bare role (校長, 醫師) can be the theme (a principal's handover, doctors' strike).
 */
function namesARole(lex: Lexicon, norm: string): boolean {
  for (let i = 1; i < norm.length - 1; i++) if (lex.titlesZh.has(norm.slice(i))) return true;
  return false;
}

/** Light verbs and reporting words that say nothing of what a headline is about. */
const HEADLINE_FILLER = new Set(
  [
    '表示',
    '指出',
    '强调',
    '认为',
    '回应',
    '今天',
    '昨天',
    '明天',
    '今年',
    '明年',
    '去年',
    '宣布',
    '进行',
    '举行',
    '出现',
    '发生',
    '成为',
    '可能',
    '持续',
    '不再',
    '还是',
    '已经',
    '正式',
    '确定',
    '最新',
    '独家',
    '快讯',
    '直击',
    '影音',
    '曝光',
    '原因',
    '关键',
    '重要',
    '出席',
    '提供',
    '报导',
    '记者',
    '新闻',
    '一起',
    '这次',
    '了解',
    '分享',
    '粉丝',
    '网友',
    '事件',
    '问题',
    '情况',
    '活动',
    '方式',
    '现场',
    '透过',
    '涉嫌',
    '现身',
    '出炉',
    '获得',
    '榮获',
    '荣获',
    '答记者问',
    '时说',
  ].map((w) => normalizeForm(w)),
);
/**
 * A capitalised Latin word set in Chinese text (隨著Zorbi熱潮) that names no entity is a product or
 * a brand; one in brackets or among other Latin words is a gloss or a title (王明（Wang Ming）).
 */
function brandAt(text: string, start: number, end: number): boolean {
  return /^[A-Z][a-z]{2,11}$/.test(text.slice(start, end)) && HAN_CHAR.test(text[start - 1] ?? '') && HAN_CHAR.test(text[end] ?? '');
}
const HAN_CHAR = /[\u3400-\u9fff]/;
/** An unnamed body (教育局, 衛生所, 委員會) is an organization word, not a theme. */
const UNNAMED_BODY = /[局署处部院会所厅府]$/;
/** Headline verbs must be specific (復工, 停賽, 收購), not common (獲得, 進入): jieba's IDF decides. */
const HEADLINE_VERB_MIN_IDF = 7.7;
const HEADLINE_NOUN_MIN_IDF = 6;

/**
 * Whether a candidate word says nothing of its own: a filler, a stop word, a name the lexicon
 * knows, or a word inside (or around) the name of an entity of the article.
 */
function namesNothingNew(opts: { lex: Lexicon; entityKeys: Set<string> }): (word: string) => boolean {
  const { lex } = opts;
  const keys = [...opts.entityKeys].filter((k) => k.length >= 2);
  return (word) => {
    if (HEADLINE_FILLER.has(word) || lex.stop.keywordsZh.has(word) || lex.zh.has(word)) return true;
    const w = word.toLowerCase();
    return keys.some((k) => k.includes(w) || w.includes(k));
  };
}

/**
 * The content words of the headline: what happened (復工, 停賽, 收購) and to what (預算案,
 * 禁令). Names of entities are never topics; fillers and one-character words are dropped.
 */
function zhHeadlineWords(opts: { doc: DocState; lex: Lexicon; entityKeys: Set<string> }): { name: string; weight: number }[] {
  const { doc } = opts;
  const tokens = doc.tokens ?? tagText(doc.norm);
  const out: { name: string; weight: number }[] = [];
  const seen = new Set<string>();
  const plain = namesNothingNew(opts);
  for (const t of tokens) {
    if (t.end > doc.titleLength) break;
    // idioms (一帆風順) colour a headline, they are not what it is about
    if (!/^(n|vn|nz|l|v|j)$/.test(t.tag) || t.word.length < 2 || t.word.length > 4 || !/^[\u3400-\u9fff]+$/.test(t.word)) continue;
    if (seen.has(t.word) || UNNAMED_BODY.test(t.word)) continue;
    const idf = idfOf(t.word) ?? 12;
    if (idf < (t.tag === 'v' ? HEADLINE_VERB_MIN_IDF : HEADLINE_NOUN_MIN_IDF)) continue;
    // a headline taken from the lead sentence tells its story with verbs (颱風挾帶豪雨); only one the
    // body comes back to (沖毀, 停電) says what happened
    if (t.tag === 'v' && doc.headlineRepeat.end > 0 && doc.norm.indexOf(t.word, doc.headlineRepeat.end) < 0) continue;
    if (plain(t.word)) continue;
    seen.add(t.word);
    out.push({ name: doc.surface(t.start, t.end).replace(/臺/g, '台'), weight: 2.2 });
  }
  return out.slice(0, 4);
}

/** A verb rare in the general language (jieba's IDF) that the body keeps repeating is the event followed. */
const REPEATED_VERB_MIN_IDF = 9;
const REPEATED_VERB_MIN_COUNT = 3;

/**
 * What the article keeps saying happened: a specific verb (停飛, 休耕, 斷航) written three times or
 * more outside the lead's copy of the headline. TF-IDF keywords are nouns, and a headline verb is
 * only seen when there is a headline; this finds the event in articles saved without one.
 */
function zhRepeatedVerbs(opts: { doc: DocState; lex: Lexicon; entityKeys: Set<string> }): { name: string; weight: number }[] {
  const { doc } = opts;
  const tokens = doc.tokens ?? tagText(doc.norm);
  const counts = new Map<string, { n: number; start: number; facts: Token['facts'] }>();
  for (const t of tokens) {
    if (t.tag !== 'v' || t.word.length < 2 || t.word.length > 4) continue;
    if (t.start >= doc.headlineRepeat.start && t.start < doc.headlineRepeat.end) continue;
    const c = counts.get(t.word);
    if (c) c.n++;
    else counts.set(t.word, { n: 1, start: t.start, facts: t.facts });
  }
  const plain = namesNothingNew(opts);
  const out: { name: string; weight: number; n: number }[] = [];
  for (const [word, { n, start, facts }] of counts) {
    if (n < REPEATED_VERB_MIN_COUNT || !/^[\u3400-\u9fff]+$/.test(word) || facts.hmm) continue;
    if ((facts.idf ?? 0) < REPEATED_VERB_MIN_IDF || plain(word)) continue;
    out.push({ name: doc.surface(start, start + word.length).replace(/臺/g, '台'), weight: 2.2, n });
  }
  return out
    .sort((a, b) => b.n - a.n)
    .slice(0, 2)
    .map(({ name, weight }) => ({ name, weight }));
}

/**
 * The headline's tokens: `tagText` of the headline alone. jieba cuts each run of Han and
 * alphanumeric characters on its own, and the headline is followed by a line break in the text,
 * so these are the text's tokens that end within the headline.
 */
function headlineTokens(doc: DocState): Token[] {
  if (!doc.tokens) return tagText(doc.norm.slice(0, doc.titleLength));
  const out: Token[] = [];
  for (const t of doc.tokens) {
    if (t.end > doc.titleLength) break;
    out.push(t);
  }
  return out;
}

function zhKeywords(opts: { doc: DocState; lex: Lexicon; entityKeys: Set<string> }): { name: string; weight: number }[] {
  const { doc, lex, entityKeys } = opts;
  const body = doc.norm;
  // the entity keys written in the body, asked only for keys that contain the word (a text search
  // per key, once): the same test as filtering all keys by body.includes first
  const longKeys = [...entityKeys].filter((e) => e.length > 2);
  const inBody = new Map<string, boolean>();
  const written = (e: string) => {
    let v = inBody.get(e);
    if (v === undefined) inBody.set(e, (v = body.includes(e)));
    return v;
  };
  const ok = (w: string) =>
    [...w].length >= 2 &&
    !/\d|[a-z]/.test(w) &&
    !entityKeys.has(w.toLowerCase()) &&
    // a body's name (行政法院, 區公所) is an organization, not a theme
    !endsWithOrgHead(w) &&
    !lex.stop.keywordsZh.has(w) &&
    !longKeys.some((e) => e.length > w.length && e.includes(w) && written(e));
  const scores = new Map<string, number>();
  // headline nouns are what the article is about; TF-IDF adds the body's recurring terms
  for (const t of headlineTokens(doc)) {
    const brand = brandAt(body, t.start, t.end);
    if (
      !/^(n|nz|vn|nt|l|j|nr|x|eng)$/.test(t.tag) ||
      !(ok(t.word) || (brand && !entityKeys.has(t.word.toLowerCase()))) ||
      !(/^([\u3400-\u9fff]+|[A-Z]{2,5})$/.test(t.word) || brand) ||
      HEADLINE_FILLER.has(t.word)
    )
      continue;
    if (t.tag === 'x' && t.word.length < 3) continue;
    // a word only jieba's HMM found is most often a fragment (9|球之差, 昨以)
    if (hmmOnly(t.word)) continue;
    // stock codes (2330-TW)(TSM-US) are listings, not themes
    if (/^[A-Z]+$/.test(t.word) && (body[t.start - 1] === '-' || body[t.end] === '-')) continue;
    scores.set(t.word, (scores.get(t.word) ?? 0) + 2);
  }
  // the lead's copy of the headline is not a second mention
  const repeated = doc.norm.slice(doc.headlineRepeat.start, doc.headlineRepeat.end);
  for (const k of keywords(doc.tokens ?? tagText(body), 15)) {
    if (!ok(k.keyword)) continue;
    const count = body.split(k.keyword).length - 1 - (repeated ? repeated.split(k.keyword).length - 1 : 0);
    if (count < 2) continue;
    scores.set(k.keyword, (scores.get(k.keyword) ?? 0) + Math.min(2, k.weight * 2) + Math.min(1, count / 4));
  }
  const out: { name: string; weight: number }[] = [];
  for (const [w, sc] of [...scores.entries()].sort((a, b) => b[1] - a[1])) {
    const at = body.indexOf(w);
    if (at < 0 || sc < 1.5) continue;
    out.push({ name: doc.surface(at, at + w.length).replace(/臺/g, '台'), weight: Math.min(3, sc) });
    if (out.length >= 6) break;
  }
  return out;
}

const EN_STOP = new Set(
  (
    'the a an and or of to in on for with by from at as is are was were be been has have had it its this that these those ' +
    'he she they we you i his her their our said says say will would could should may might also not but after before over under than ' +
    'more most new one two three first second last year years month months week day days time percent people tuesday monday wednesday ' +
    'thursday friday saturday sunday january february march april june july august september october november december taipei ' +
    'which who what when where while about into out up down off other such only just there here then so if no yes per cent nt us billion million'
  ).split(' '),
);

const EN_DETERMINERS = new Set('the a an its his her their our this that these those every each another'.split(' '));

function enKeywords(opts: { doc: DocState; lex: Lexicon; entityKeys: Set<string> }): { name: string; weight: number }[] {
  const { doc, lex, entityKeys } = opts;
  // a theme is a noun (exports), or an adjective or noun before one (trade surplus): not a verb, an adverb or a date
  const noun = (w: string) => enWord(w).noun;
  const modifier = (w: string) => enWord(w).noun || enWord(w).adj;
  // a word that can be a noun is one after a determiner or a modifier (a blockbuster finish, the match)
  const nounAt = (lower: string[], i: number) =>
    noun(lower[i]) ||
    (enWord(lower[i]).nounAny && i > 0 && (EN_DETERMINERS.has(lower[i - 1]) || (!EN_STOP.has(lower[i - 1]) && enWord(lower[i - 1]).adj)));
  const stop = (w: string) => EN_STOP.has(w) || lex.stop.keywordsEn.has(w) || w.length < 4;
  const counts = new Map<string, number>();
  const scan = (text: string, weight: number, headline = false) => {
    const words = text.match(/[A-Za-z][A-Za-z\-]+/g) ?? [];
    const lower = words.map((w) => w.toLowerCase());
    // headlines drop their articles: "Supplier posts record revenue" has its verb right after its subject
    const verbs: boolean[] = [];
    for (let i = 0; i < lower.length; i++) {
      verbs.push(
        headline &&
          i > 0 &&
          !verbs[i - 1] &&
          enWord(lower[i]).finite &&
          (/^[A-Z]/.test(words[i - 1]) || noun(lower[i - 1])) &&
          !EN_STOP.has(lower[i - 1]),
      );
    }
    const isVerb = (i: number) => verbs[i] === true;
    for (let i = 0; i < lower.length; i++) {
      const a = lower[i];
      if (stop(a) || /^[A-Z]/.test(words[i]) || isVerb(i)) continue;
      if (isVerb(i + 1)) {
        if (nounAt(lower, i)) counts.set(a, (counts.get(a) ?? 0) + weight);
        continue;
      }
      if (nounAt(lower, i)) counts.set(a, (counts.get(a) ?? 0) + weight);
      const b = lower[i + 1];
      // a generic head noun is specific with its modifier (prime suspect, local government is not: local is generic)
      if (b && !EN_STOP.has(b) && b.length >= 4 && /^[a-z]/.test(words[i + 1]) && modifier(a) && nounAt(lower, i + 1))
        counts.set(`${a} ${b}`, (counts.get(`${a} ${b}`) ?? 0) + weight * 1.5);
    }
  };
  scan(doc.norm.slice(0, doc.titleLength), 2, true);
  scan(doc.norm.slice(doc.titleLength), 1);
  const picked = [...counts.entries()].filter(([k, c]) => c >= 2 && !entityKeys.has(k)).sort((x, y) => y[1] - x[1]);
  const out: { name: string; weight: number }[] = [];
  for (const [k, c] of picked) {
    // a bigram already covers its words
    if (out.some((o) => o.name.includes(k) || k.includes(o.name))) continue;
    out.push({ name: k, weight: Math.min(3, c / 2) });
    if (out.length >= 6) break;
  }
  return out;
}

const NO_EN_FORMS: EnForm[] = [];

/** English lexicon forms in text, leftmost-longest. */
export function matchEn(opts: {
  norm: string;
  index: Map<string, EnForm[]>;
  anyCase?: boolean;
}): { start: number; end: number; entity: LexEntity; form: EnForm }[] {
  const toks: { t: string; start: number; end: number }[] = [];
  const re = new RegExp(EN_TOKEN_RE.source, 'gu');
  for (let m = re.exec(opts.norm); m; m = re.exec(opts.norm)) {
    // US$ and NT$ are currencies, not countries
    if (opts.norm[m.index + m[0].length] === '$') continue;
    toks.push({ t: m[0], start: m.index, end: m.index + m[0].length });
  }
  const out: { start: number; end: number; entity: LexEntity; form: EnForm }[] = [];
  // each token lower-cased once (the forms compare every token they span with it)
  const lowers = toks.map((x) => x.t.toLowerCase());
  for (let i = 0; i < toks.length; i++) {
    const first = lowers[i];
    // "Japan's": a possessive is looked up without its ending
    const bare = first.endsWith('.') ? first.slice(0, -1) : /['’]s$/.test(first) ? first.slice(0, -2) : undefined;
    const direct = opts.index.get(first);
    const viaBare = bare ? opts.index.get(bare) : undefined;
    const cands = viaBare ? [...(direct ?? []), ...viaBare] : (direct ?? NO_EN_FORMS);
    let best: { len: number; form: EnForm } | undefined;
    for (const f of cands) {
      if (f.tokens.length > toks.length - i) continue;
      let ok = true;
      for (let k = 0; k < f.tokens.length && ok; k++) {
        const tt = toks[i + k].t;
        const tl = lowers[i + k];
        ok =
          tl === f.tokens[k] ||
          (tl.endsWith('.') && tl.slice(0, -1) === f.tokens[k] && k === f.tokens.length - 1) ||
          ((tl.endsWith('’s') || tl.endsWith("'s")) && tl.slice(0, -2) === f.tokens[k] && k === f.tokens.length - 1);
        if (ok && f.caseSensitive) ok = tt === f.raw[k] || tt.replace(/(['’]s|\.)$/, '') === f.raw[k];
      }
      // a multi-word name starts with a capital; a topic phrase (heavy rain, trade surplus) is common words
      if (ok && !opts.anyCase && f.tokens.length > 1 && !/^[A-Z0-9]/.test(toks[i].t)) ok = false;
      if (ok && (!best || f.tokens.length > best.len)) best = { len: f.tokens.length, form: f };
    }
    if (best) {
      const last = toks[i + best.len - 1];
      let end = last.end;
      const lastRaw = last.t;
      if (/['’]s$/.test(lastRaw)) end -= 2;
      else if (lastRaw.endsWith('.') && !best.form.raw[best.len - 1].endsWith('.')) end -= 1;
      out.push({ start: toks[i].start, end, entity: best.form.entity, form: best.form });
      i += best.len - 1;
    }
  }
  return out;
}
