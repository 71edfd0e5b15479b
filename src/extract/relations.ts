import type { Entity } from '../domain/types';
import type { DocState, Hit } from './doc';
import type { Lexicon, TitleDef } from './lexicon';
import { normalizeForm } from './normalize';
import type { Token } from './segment';
import type { NameCandidate, TitleHit } from './zh-people';

const n = normalizeForm;
const BYLINE = new Set(['记者', '编译', '摄影', '特派员', '主编'].map((t) => normalizeForm(t)));

interface HitIndex {
  byEnd: Map<number, Hit[]>;
  byStart: Map<number, Hit[]>;
  sorted: Hit[];
}

export function indexHits(doc: DocState): HitIndex {
  const byEnd = new Map<number, Hit[]>();
  const byStart = new Map<number, Hit[]>();
  const sorted = doc.hits.filter((h) => !h.caption).sort((a, b) => a.start - b.start);
  for (const h of sorted) {
    byEnd.set(h.end, [...(byEnd.get(h.end) ?? []), h]);
    byStart.set(h.start, [...(byStart.get(h.start) ?? []), h]);
  }
  return { byEnd, byStart, sorted };
}

/** The entity written right before a title; 外交部長 overlaps its organization by one character. */
function entityBefore(opts: { doc: DocState; idx: HitIndex; title: TitleHit; at?: number }): { entity?: Entity; compoundStart?: number } {
  const { doc, idx, title } = opts;
  const at = opts.at ?? title.start;
  const direct = idx.byEnd.get(at)?.[0];
  if (direct) return { entity: doc.entities.get(direct.id) };
  if (at !== title.start) return {};
  // 地方法院的法官, 清大新校長, 議會現任議長: a modifier between the body and the title
  for (const m of TITLE_MODIFIERS) {
    if (!doc.norm.startsWith(m, at - m.length)) continue;
    const h = idx.byEnd.get(at - m.length)?.[0];
    if (h && doc.entities.get(h.id)?.type !== 'person') return { entity: doc.entities.get(h.id) };
  }
  const overlap = idx.byEnd.get(title.start + 1)?.find((h) => h.start < title.start && doc.norm[title.start] === n(title.def.title)[0]);
  return overlap ? { entity: doc.entities.get(overlap.id), compoundStart: overlap.start } : {};
}

const TITLE_MODIFIERS = ['的', '新', '前', '现任', '新任', '卸任', '代理', '首任', '历任', '时任', '现', '原', '副'].map(n);

/**
 * Organization heads a title belongs to (校長 -> 大學, 議長 -> 議會), to resolve a title written
 * without its body ("議長張文德主持") to the body of that kind the article names.
 */
const TITLE_AFFINITY: [RegExp, string[]][] = [
  [/校长$/, ['大学', '学院', '中学', '高中', '国中', '国小', '小学']],
  [/(议长|议员)$/, ['议会']],
  [/(法官|审判长|庭长)$/, ['法院', '地院', '分院']],
  [/(检察官|检察长)$/, ['检察署', '地检署']],
  [/院长$/, ['医院', '院']],
  [/市长$/, ['市政府']],
  [/县长$/, ['县政府']],
  [/(局长)$/, ['局']],
  [/(处长)$/, ['处']],
  [/(署长)$/, ['署']],
  [/(董事长|总经理|执行长|发言人|总裁)$/, ['公司', '集团', '科技', '电子', '半导体', '宫', '庙']],
  [/(理事长|会长)$/, ['会', '工会', '协会']],
  [/(主任|医师)$/, ['医院', '中心', '科']],
  [/(教练|队长|球员)$/, ['队']],
].map(([re, heads]) => [re as RegExp, (heads as string[]).map(n)]);

/** The body of the title's kind that the article names, nearest before `at` (else the first after it). */
function affinityTarget(doc: DocState, idx: HitIndex, def: TitleDef, at: number): Entity | undefined {
  const t = n(def.title);
  const heads = TITLE_AFFINITY.find(([re]) => re.test(t))?.[1];
  if (!heads) return undefined;
  const fits = (e?: Entity) => !!e && e.type === 'organization' && heads.some((h) => n(e.name).endsWith(h));
  let best: Hit | undefined;
  for (const h of idx.sorted) {
    if (!fits(doc.entities.get(h.id))) continue;
    if (h.end <= at) best = h;
    else if (!best) best = h;
  }
  return best ? doc.entities.get(best.id) : undefined;
}

/** The government of a city when the article names it (台北市 -> 台北市政府 / 北市府). */
function cityGovernment(doc: DocState, place: Entity): Entity | undefined {
  const base = place.name.replace(/[市縣县]$/, '');
  for (const e of doc.entities.values()) {
    if (e.type !== 'organization') continue;
    if (e.name === `${place.name}政府` || e.name === `${base}市政府` || e.name === `${base}縣政府`) return e;
  }
  return undefined;
}

export interface RoleTarget {
  holds?: Entity;
  member?: Entity;
}

/** Where a title points: its organization, country, city or legislature, plus party membership. */
export function roleTarget(opts: { doc: DocState; def: TitleDef; before?: Entity; homeIso2?: string }): RoleTarget {
  const { doc, def, before } = opts;
  const out: RoleTarget = {};
  const home = () => (opts.homeIso2 ? (doc.entities.get(`country:${opts.homeIso2}`) ?? undefined) : undefined);
  if (before?.type === 'organization' && before.kind === 'party') {
    if (def.member || def.object === 'legislature') out.member = before;
    else out.holds = before;
  }
  if (out.holds) return out;
  const implied = def.org ? doc.entities.get(def.org) : undefined;
  switch (def.object) {
    case 'legislature':
      out.holds = implied;
      break;
    case 'country':
      if (before?.type === 'country') out.holds = before;
      else if (before?.type === 'organization' && before.kind !== 'party') out.holds = before;
      else if (!before && def.home) out.holds = home() ?? homeCountry(doc, opts.homeIso2);
      break;
    case 'city':
      if (before?.type === 'place') out.holds = cityGovernment(doc, before) ?? before;
      else if (before?.type === 'country' || (before?.type === 'organization' && before.kind !== 'party')) out.holds = before;
      break;
    default:
      if (
        before &&
        before.type !== 'person' &&
        before.type !== 'topic' &&
        !(before.type === 'organization' && before.kind === 'party' && out.member)
      )
        out.holds = before;
      else if (!before && implied) out.holds = implied;
  }
  return out;
}

/** The home country even when the article never names it (總統 in a Taiwanese paper). */
function homeCountry(doc: DocState, iso2?: string): Entity | undefined {
  if (!iso2) return undefined;
  const id = `country:${iso2}`;
  return doc.entities.get(id);
}

export function addZhRelations(opts: {
  doc: DocState;
  lex: Lexicon;
  titles: TitleHit[];
  afterTitles: { cand: NameCandidate; title: TitleHit; listIndex: number }[];
  before: { cand: NameCandidate; title: TitleHit }[];
  tokens: Token[];
}): void {
  const { doc, lex } = opts;
  const idx = indexHits(doc);
  const personAt = (start: number, end: number) => {
    const h = idx.byStart.get(start)?.find((x) => x.end === end && doc.entities.get(x.id)?.type === 'person');
    return h ? doc.entities.get(h.id) : undefined;
  };
  const emitRole = (p: Entity, title: TitleHit, at: number, conf: number, nameStart?: number) => {
    // for "賴清德總統" the organization or country is written before the name
    const eb = entityBefore({ doc, idx, title, at: nameStart });
    const before = eb.entity?.id === p.id ? undefined : eb.entity;
    const t = roleTarget({ doc, def: title.def, before, homeIso2: 'TW' });
    if (!t.holds && !before && title.def.object === 'org') t.holds = affinityTarget(doc, idx, title.def, at);
    const evidence = doc.sentenceText(at);
    // 外交部長 is the title as written, not just 部長
    const titleText = doc.surface(eb.compoundStart ?? title.start, title.end);
    if (t.holds) doc.addRelation({ type: 'HOLDS_ROLE', from: p.id, to: t.holds.id, title: titleText, evidence, confidence: conf });
    if (t.member) doc.addRelation({ type: 'MEMBER_OF', from: p.id, to: t.member.id, title: titleText, evidence, confidence: conf });
  };

  // every person found next to a title, whichever recognizer found the name
  const titleByEnd = new Map(opts.titles.map((t) => [t.end, t]));
  const titleByStart = new Map(opts.titles.map((t) => [t.start, t]));
  for (const h of idx.sorted) {
    const p = doc.entities.get(h.id);
    if (p?.type !== 'person') continue;
    const before = titleByEnd.get(h.start);
    if (before && !BYLINE.has(n(before.def.title))) emitRole(p, before, h.start, 0.8);
    const after = titleByStart.get(h.end);
    if (after && !BYLINE.has(n(after.def.title))) emitRole(p, after, h.start, 0.75, h.start);
  }

  for (const a of opts.afterTitles) {
    if (a.cand.author) continue;
    const p = personAt(a.cand.start, a.cand.end);
    if (p) emitRole(p, a.title, a.cand.start, a.listIndex ? 0.8 : 0.9);
  }
  for (const b of opts.before) {
    const p = personAt(b.cand.start, b.cand.end);
    if (p) emitRole(p, b.title, b.cand.start, 0.85, b.cand.start);
  }
  // 林部長 / 賴總統: surname + title, resolved to a person already
  for (const t of opts.titles) {
    const h = idx.byEnd.get(t.end)?.find((x) => x.start === t.start - 1 && doc.entities.get(x.id)?.type === 'person');
    if (!h) continue;
    const p = doc.entities.get(h.id)!;
    const tgt = roleTarget({ doc, def: t.def, homeIso2: 'TW' });
    if (tgt.holds)
      doc.addRelation({
        type: 'HOLDS_ROLE',
        from: p.id,
        to: tgt.holds.id,
        title: doc.surface(t.start, t.end),
        evidence: doc.sentenceText(t.start),
        confidence: 0.7,
      });
  }

  bracketTitles({ doc, idx, lex });
  reportsTo({ doc, idx });
  adjacency({ doc, idx });
  lexiconParents({ doc, lex });
}

/** "翁曉玲（召委，會議主席未投票）": a title in brackets after a name, for the committee named before. */
function bracketTitles(opts: { doc: DocState; idx: HitIndex; lex: Lexicon }): void {
  const { doc, idx, lex } = opts;
  for (const h of idx.sorted) {
    const p = doc.entities.get(h.id);
    if (p?.type !== 'person' || doc.norm[h.end] !== '(') continue;
    const close = doc.norm.indexOf(')', h.end);
    if (close < 0 || close - h.end > 20) continue;
    const committee = [...idx.sorted]
      .reverse()
      .find((x) => x.end <= h.start && h.start - x.end < 300 && doc.entities.get(x.id)?.kind === 'committee');
    if (!committee) continue;
    let pos = h.end + 1;
    while (pos < close) {
      const ms = lex.titlesZh.matchesAt(doc.norm, pos);
      if (ms.length) {
        const m = ms[ms.length - 1];
        doc.addRelation({
          type: 'HOLDS_ROLE',
          from: p.id,
          to: committee.id,
          title: doc.surface(m.start, m.end),
          evidence: doc.sentenceText(h.start),
          confidence: 0.7,
        });
      }
      const comma = doc.norm.slice(pos, close).search(/[,，、]/);
      if (comma < 0) break;
      pos += comma + 1;
    }
  }
}

const REPORT_WORDS = ['报告', '专案报告', '备询', '列席', '说明', '质询'].map(n);

/** "林佳龍應邀至立法院外交及國防委員會報告": the reporter REPORTS_TO the committee. */
function reportsTo(opts: { doc: DocState; idx: HitIndex }): void {
  const { doc, idx } = opts;
  for (const h of idx.sorted) {
    const target = doc.entities.get(h.id);
    if (!target || (target.kind !== 'committee' && target.kind !== 'legislature')) continue;
    const after = doc.norm.slice(h.end, h.end + 6);
    if (!REPORT_WORDS.some((w) => after.startsWith(w) || after.slice(0, 3).includes(w))) continue;
    // a legislature written right before its committee is part of the committee's name here
    const sent = doc.sentenceAt(h.start);
    const subjects = idx.sorted.filter((x) => x.start >= sent.start && x.end <= h.start && x.id !== h.id);
    const person = [...subjects].reverse().find((x) => doc.entities.get(x.id)?.type === 'person');
    const gov = [...subjects].reverse().find((x) => {
      const e = doc.entities.get(x.id);
      return e?.type === 'organization' && e.kind === 'government';
    });
    const subj = person ?? gov;
    if (!subj) continue;
    const between = doc.norm.slice(subj.end, h.start);
    if (!/(至|到|赴|前往|在|于|向)/.test(between) && between.length > 12) continue;
    doc.addRelation({
      type: 'REPORTS_TO',
      from: subj.id,
      to: target.id,
      evidence: doc.sentenceText(h.start),
      confidence: person ? 0.75 : 0.6,
    });
  }
}

/** 立法院程序委員會 (PART_OF), 法國巴黎 / 巴黎羅浮宮 (LOCATED_IN): two names written together. */
function adjacency(opts: { doc: DocState; idx: HitIndex }): void {
  const { doc, idx } = opts;
  for (const a of idx.sorted) {
    const ea = doc.entities.get(a.id);
    if (!ea) continue;
    for (const b of idx.byStart.get(a.end) ?? []) {
      const eb = doc.entities.get(b.id);
      if (!eb || ea.id === eb.id) continue;
      const evidence = doc.sentenceText(a.start);
      if (ea.type === 'organization' && eb.type === 'organization' && ea.kind !== 'party' && eb.kind !== 'party' && ea.kind !== 'media') {
        doc.addRelation({ type: 'PART_OF', from: eb.id, to: ea.id, evidence, confidence: 0.75 });
      } else if ((ea.type === 'country' || ea.type === 'place') && eb.type === 'place') {
        doc.addRelation({ type: 'LOCATED_IN', from: eb.id, to: ea.id, evidence, confidence: 0.8 });
      } else if (ea.type === 'place' && eb.type === 'organization' && !['government', 'party', 'legislature'].includes(eb.kind ?? '')) {
        doc.addRelation({ type: 'LOCATED_IN', from: eb.id, to: ea.id, evidence, confidence: 0.7 });
      }
    }
  }
}

/** Ministries PART_OF 行政院, places LOCATED_IN their county, when the article names both. */
function lexiconParents(opts: { doc: DocState; lex: Lexicon }): void {
  const { doc, lex } = opts;
  const firstHit = new Map<string, Hit>();
  for (const h of doc.hits) if (!h.caption && !firstHit.has(h.id)) firstHit.set(h.id, h);
  for (const e of doc.entities.values()) {
    const le = lex.byId.get(e.id);
    if (!le?.parent || !doc.entities.has(le.parent)) continue;
    const h = firstHit.get(e.id);
    if (!h) continue;
    const type = e.type === 'organization' ? 'PART_OF' : e.type === 'place' ? 'LOCATED_IN' : undefined;
    // known from the lexicon, not stated in the article: no sentence pretends to show it
    if (type) doc.addRelation({ type, from: e.id, to: le.parent, evidence: '', confidence: 0.6 });
  }
}
