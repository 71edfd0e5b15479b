import type { Entity } from '../domain/types';
import type { DocState } from './doc';
import { corroborated, type LexEntity, type Lexicon, type ZhForm } from './lexicon';
import { normalizeForm } from './normalize';
import { tagText, type Token } from './segment';
import { resolve, type Candidate } from './resolve';
import { PRIORITY } from './weights';
import { SurfaceTrie } from './trie';
import {
  namesAfterTitles,
  namesBeforeTitles,
  namesFromTokens,
  namesInLists,
  namesWithLatin,
  type NameCandidate,
  type PeopleContext,
  type TitleHit,
} from './zh-people';
import { companyOrWaterHeadAt, companyStem, headSpans } from './zh-heads';
import { upsertKnown, type KnownIndex } from './known';
import { resolveShortForms } from './zh-short-forms';
import { campSpans } from './zh-camps';
import { japaneseNames } from './zh-japanese-names';
import { dottedNameParts, dropImplausible, modelHanNames, roleCueNames, translitNames, trimOvershoot } from './zh-names';
import { addZhRelations } from './relations';

const n = normalizeForm;

export interface ZhOptions {
  doc: DocState;
  lex: Lexicon;
  /** Author names (from bylines) that must not become people. */
  authors: string[];
  /** Caption texts: used to find media credits and to confirm names, never for offsets. */
  captions: string[];
  /** Names the graph already knows (aliases, bracketed spellings), from the store's snapshot. */
  known?: KnownIndex;
}

export function extractZh(opts: ZhOptions): void {
  const { doc, lex } = opts;
  const norm = doc.norm;
  const tokens = tagText(norm);
  doc.tokens = tokens;
  const startB = new Uint8Array(norm.length + 1);
  const endB = new Uint8Array(norm.length + 1);
  const tokenAt = new Int32Array(norm.length + 1).fill(-1);
  tokens.forEach((t, ti) => {
    startB[t.start] = 1;
    endB[t.end] = 1;
    for (let i = t.start; i < t.end; i++) tokenAt[i] = ti;
  });
  const lexMatches = lex.zh.scanAll(norm);
  const titles = findTitles({ norm, lex, lexMatches });
  const lexMask = new Uint8Array(norm.length + 1);
  for (const m of lexMatches)
    if (m.end - m.start >= 2 && m.values[0].entity.type !== 'person' && m.values[0].entity.type !== 'topic')
      lexMask.fill(1, m.start, m.end);
  const ctx: PeopleContext = { norm, tokens, lex, titles, startB, endB, tokenAt, lexMask };
  const titleStarts = new Set(titles.map((t) => t.start));
  // jieba keeps "法國巴黎" as one word: a place may start where a country or place word ends
  const placeEnds = new Set<number>();
  for (const m of lexMatches) {
    const t = m.values[0].entity.type;
    if ((t === 'country' || t === 'place') && startB[m.start] && m.end - m.start >= 2) placeEnds.add(m.end);
  }

  // --- people -----------------------------------------------------------------------------
  const authorNames = new Set(opts.authors.map(n));
  const afterTitles = namesAfterTitles(ctx);
  for (const a of afterTitles) if (a.cand.author) authorNames.add(a.cand.norm);
  const found: NameCandidate[] = [
    ...afterTitles.filter((a) => !a.cand.author).map((a) => a.cand),
    ...namesFromTokens(ctx),
    ...namesWithLatin(ctx, doc.chars),
  ];
  const han = modelHanNames(ctx);
  found.push(...han);
  const cued = roleCueNames(ctx);
  found.push(...cued);
  const tr = translitNames(ctx, new Set(found.map((c) => c.norm)));
  found.push(...tr);
  const jp = japaneseNames(ctx).filter((c) => !found.some((f) => f.start < c.end && c.start < f.end && f.strength >= 3));
  found.push(...jp);
  const known = new Set(found.map((c) => c.norm));
  const before = namesBeforeTitles(ctx, known);
  for (const b of before) known.add(b.cand.norm);
  // lexicon people in the text seed the list search but are added by the lexicon pass
  const lexPeople = new Set<string>();
  for (const m of lexMatches) if (m.values[0].entity.type === 'person') lexPeople.add(norm.slice(m.start, m.end));
  const seeds = new Set([...known, ...lexPeople]);
  for (let round = 0; round < 2; round++)
    for (const c of namesInLists(ctx, seeds)) {
      seeds.add(c.norm);
      known.add(c.norm);
    }
  trimOvershoot(ctx, known);
  dropImplausible(ctx, known, new Set([...han, ...tr, ...cued, ...jp, ...found.filter((c) => c.strength >= 3)].map((c) => c.norm)));
  for (const lp of lexPeople) if (!found.some((f) => f.norm === lp)) known.delete(lp);
  for (const a of authorNames) known.delete(a);
  // 瑞昇|科技, 林瑞|溪: a name the model guessed that is written before a company head or a
  // river, lake or reservoir is that body's own name, not a person; names after a title stay people
  const titled = new Set(found.filter((c) => c.strength >= 3).map((c) => c.norm));
  for (const k of [...known]) {
    if (titled.has(k) || lexPeople.has(k)) continue;
    for (let i = norm.indexOf(k); i >= 0; i = norm.indexOf(k, i + 1)) {
      if (companyOrWaterHeadAt(norm, i + k.length)) {
        known.delete(k);
        break;
      }
    }
  }
  // a lexicon organization or place of the same spelling is not a person
  for (const k of [...known]) {
    const forms = lex.zh.matchesAt(k, 0).filter((m) => m.end === k.length);
    if (forms.some((m) => m.values.some((v) => v.entity.type !== 'person'))) known.delete(k);
  }

  const cands: Candidate[] = [];
  const personTrie = new SurfaceTrie<string>();
  const wholeOf = dottedNameParts(known);
  for (const k of known) personTrie.add(k, k);
  // the people's spans also bound the head grammar below (a name is never part of a body's name)
  const blocked = new Uint8Array(norm.length + 1);
  for (const m of personTrie.scanAll(norm)) {
    blocked.fill(1, m.start, m.end);
    const k = m.values[0];
    const whole = wholeOf.get(k);
    const wholeAt = whole ? norm.indexOf(whole) : -1;
    cands.push({
      start: m.start,
      end: m.end,
      priority: PRIORITY.person,
      apply: () => {
        const name = wholeAt >= 0 ? doc.canonicalName(wholeAt, wholeAt + whole!.length) : doc.canonicalName(m.start, m.end);
        const id = `person:${name}`;
        doc.upsert({ id, type: 'person', name });
        doc.addHit({ id, start: m.start, end: m.end });
      },
    });
  }

  // --- lexicon forms ----------------------------------------------------------------------
  const present = new Set<string>();
  const surfaces = new Map<string, Set<string>>();
  for (const m of lexMatches)
    for (const f of m.values) {
      present.add(f.entity.id);
      surfaces.set(f.entity.id, (surfaces.get(f.entity.id) ?? new Set()).add(norm.slice(m.start, m.end)));
    }
  for (const m of lexMatches) {
    for (const form of m.values) {
      if (!corroborated(form.entity, norm.slice(m.start, m.end), present, surfaces)) continue;
      // 費城半導體指數, 道瓊工業指數: a place naming a market index is not a mention of the place
      if (form.entity.type === 'place' && INDEX_AFTER.test(norm.slice(m.end, m.end + 8))) continue;
      // 非洲豬瘟, 香港腳: a place naming a disease is not a mention of the place
      if ((form.entity.type === 'place' || form.entity.type === 'country') && DISEASE_AFTER.some((d) => norm.startsWith(d, m.end)))
        continue;
      // 竹山媽, 東港媽祖: a deity named after the town of its temple is not a mention of the town
      if (form.entity.type === 'place' && norm.startsWith(MA, m.end) && !norm.startsWith(MAMA, m.end)) continue;
      // 拉薩 inside 卡拉薩斯: a place that starts inside an unknown word (a transliterated name) is a misread
      if (form.entity.type === 'place' && startsInsideUnknown({ start: m.start, end: m.end, tokens, tokenAt })) continue;
      // 海地 inside 沿海地區: a two-character country that starts inside a longer word is a misread
      if (form.entity.type === 'country' && !form.also && m.end - m.start === 2 && startsInsideWord({ start: m.start, tokens, tokenAt }))
        continue;
      if (
        form.needsBoundary &&
        !boundaryOk({ form, start: m.start, end: m.end, startB, endB }) &&
        !boundaryByContext(norm, m.start, m.end) &&
        !(form.entity.type === 'place' && placeEnds.has(m.start))
      )
        continue;
      if (authorNames.has(norm.slice(m.start, m.end))) continue;
      if (
        (form.entity.type === 'place' || form.entity.type === 'organization') &&
        !titleStarts.has(m.end - 1) &&
        !titleStarts.has(m.end) &&
        endsInsideWord({ end: m.end, tokens, tokenAt })
      )
        continue;
      cands.push({ start: m.start, end: m.end, priority: priorityOf(form), apply: () => applyForm(doc, form, m.start, m.end, lex) });
      break;
    }
  }

  // 阿根廷國防部: a country written before one of Taiwan's ministries names that country's own
  // body (the lexicon's compound, when it has one, wins the same span), like the head grammar's 巴西衛生部
  const countryEnds = new Map<number, { start: number; entity: LexEntity }>();
  for (const m of lexMatches) {
    const e = m.values[0].entity;
    if (e.type === 'country' && !m.values[0].also && m.end - m.start >= 2) countryEnds.set(m.end, { start: m.start, entity: e });
  }
  for (const m of lexMatches) {
    const body = m.values[0].entity;
    const c = countryEnds.get(m.start);
    if (!c || body.type !== 'organization' || body.kind !== 'government' || !body.country || body.country === c.entity.iso2) continue;
    if (!/[部院署局會会]$/.test(norm.slice(m.start, m.end))) continue;
    cands.push({
      start: c.start,
      end: m.end,
      priority: PRIORITY.countryBody,
      apply: () => {
        const name = `${c.entity.name}${doc.canonicalName(m.start, m.end)}`;
        const id = `org:${name}`;
        doc.upsert({ id, type: 'organization', name, kind: 'government' });
        doc.addHit({ id, start: c.start, end: m.end });
      },
    });
  }

  // names the graph already knows win over guesses of the same span and lose to longer names
  if (opts.known)
    for (const m of opts.known.zh.scanAll(norm)) {
      const k = m.values[0];
      if (m.end - m.start === 2 && !(startB[m.start] && endB[m.end]) && !boundaryByContext(norm, m.start, m.end)) continue;
      cands.push({
        start: m.start,
        end: m.end,
        priority: PRIORITY.known,
        apply: () => {
          upsertKnown(doc, k);
          doc.addHit({ id: k.id, start: m.start, end: m.end });
        },
      });
    }

  // 藍白聯手, 綠營: the parties by their camp colours
  for (const c of campSpans(norm, lex)) {
    cands.push({
      start: c.start,
      end: c.end,
      priority: PRIORITY.camp,
      apply: () => {
        for (const p of c.parties) {
          doc.upsertLex(p.entity);
          doc.addHit({ id: p.entity.id, start: p.at, end: p.at + 1 });
        }
      },
    });
  }

  const units: { short: string; id: string }[] = [];
  const stems: { stem: string; id: string }[] = [];
  for (const h of headSpans({ norm, tokens, lex, lexMatches, blocked, titleEnds: new Map(titles.map((t) => [t.start, t.end])) })) {
    const spanStart = h.shortStart ?? h.start;
    cands.push({
      start: spanStart,
      end: h.end,
      priority: PRIORITY.headGrammar,
      apply: () => {
        const name = doc.canonicalName(h.start, h.end);
        if (h.type === 'place' || templeOnRoute(doc, h, name)) {
          const id = `place:${name}`;
          doc.upsert({ id, type: 'place', name });
          doc.addHit({ id, start: h.start, end: h.end });
          return;
        }
        const short = h.shortStart !== undefined ? doc.surface(h.shortStart, h.end) : undefined;
        const id = `org:${name}`;
        doc.upsert({ id, type: 'organization', name, kind: h.kind, aliases: short ? [short] : [] });
        doc.addHit({ id, start: spanStart, end: h.end });
        if (short) units.push({ short: norm.slice(spanStart, h.end), id });
        const stem = h.kind === 'company' ? companyStem(norm.slice(h.start, h.end)) : undefined;
        if (stem) stems.push({ stem, id });
      },
    });
  }

  resolve(cands);
  // later mentions by a shorter name: a unit by its own name (程序委員會 after 立法院程序委員會),
  // a company without its head where a word starts (瑞昇 after 瑞昇科技)
  const laterMentions = [
    ...units.map((u) => ({ form: u.short, id: u.id, wordStart: false })),
    ...stems.map((c) => ({ form: c.stem, id: c.id, wordStart: true })),
  ];
  for (const { form, id, wordStart } of laterMentions) {
    for (let i = norm.indexOf(form); i >= 0; i = norm.indexOf(form, i + 1)) {
      if (doc.isClaimed(i, i + form.length) || (wordStart && !(startB[i] || i === 0 || /[\s\p{P}]/u.test(norm[i - 1])))) continue;
      doc.addHit({ id, start: i, end: i + form.length });
    }
  }

  resolveShortForms(doc, lex);

  // media credits in captions (美聯社, 中央社): organizations the gold and the graph keep
  for (const cap of opts.captions) {
    const cn = n(cap);
    for (const m of lex.zh.scanLongest(cn)) {
      const f = m.values[0];
      if (f.entity.type === 'organization' && f.entity.kind === 'media') {
        doc.upsertLex(f.entity);
        doc.addHit({ id: f.entity.id, start: -1, end: -1, caption: true, credit: true, surface: cap.slice(m.start, m.end) });
      }
    }
  }

  captionRoles({ doc, lex, captions: opts.captions });
  resolveTitleSurnames({ doc, titles });
  addZhRelations({ doc, lex, titles, afterTitles, before, tokens });
}

/** Compounds need both word boundaries; a two-character place or organization only its start (台東縣 / 台灣地區). */
function boundaryOk(o: { form: ZhForm; start: number; end: number; startB: Uint8Array; endB: Uint8Array }): boolean {
  if (o.form.also || o.form.entity.type === 'country') return !!(o.startB[o.start] && o.endB[o.end]);
  return !!o.startB[o.start];
}

const MA = n('媽');
const MAMA = n('媽媽');
const DISEASE_AFTER = ['豬瘟', '猪瘟', '流感', '禽流感', '鼠疫', '出血熱', '脑炎', '腦炎'].map(n);

/** A form starting inside an unknown (x / transliterated) word of three or more characters. */
function startsInsideUnknown(o: { start: number; end: number; tokens: Token[]; tokenAt: Int32Array }): boolean {
  const ti = o.tokenAt[o.start];
  if (ti < 0) return false;
  const t = o.tokens[ti];
  return t.start < o.start && t.end >= o.end && t.word.length >= 3 && /^(x|nrt|nr)$/.test(t.tag);
}

const INDEX_AFTER = new RegExp(`^[\u3400-\u9fffA-Za-z0-9]{0,6}${n('指數')}`);

/** A form that begins in the middle of a dictionary word of two or more characters (海地 of 沿海|地區). */
function startsInsideWord(o: { start: number; tokens: Token[]; tokenAt: Int32Array }): boolean {
  const ti = o.tokenAt[o.start];
  if (ti < 0) return false;
  const t = o.tokens[ti];
  return t.start < o.start && t.word.length >= 2 && t.tag !== 'x';
}

/** A place or organization form that stops inside a longer dictionary word (台灣大 of 台灣大賽) is a misread. */
function endsInsideWord(o: { end: number; tokens: Token[]; tokenAt: Int32Array }): boolean {
  const ti = o.tokenAt[o.end];
  if (ti < 0) return false;
  const t = o.tokens[ti];
  return t.start < o.end && t.end > o.end && t.word.length >= 2 && t.tag !== 'x';
}

function priorityOf(f: ZhForm): number {
  if (f.entity.type === 'person') return PRIORITY.lexiconPerson;
  if (f.also) return PRIORITY.lexiconCompound;
  return PRIORITY.lexicon;
}

/** Two-character forms cut across jieba words are still fine next to punctuation or a known title. */
function boundaryByContext(norm: string, start: number, end: number): boolean {
  const before = start === 0 || /[\s\p{P}，。、；：「」（）()]/u.test(norm[start - 1]);
  const after = end >= norm.length || /[\s\p{P}，。、；：「」（）()]/u.test(norm[end]);
  return before && after;
}

function applyForm(doc: DocState, form: ZhForm, start: number, end: number, lex?: Lexicon): void {
  doc.upsertLex(form.entity);
  doc.addHit({ id: form.entity.id, start, end });
  // 立法院程序委員會 also mentions 立法院; 民進黨團 also mentions 民進黨
  if (lex && form.entity.type === 'organization') {
    const inner = lex.zh
      .matchesAt(doc.norm, start)
      .filter((m) => m.end < end && m.end - m.start >= 2 && ['organization', 'country', 'place'].includes(m.values[0].entity.type));
    const last = inner[inner.length - 1];
    const outer = last?.values[0].entity;
    if (outer && outer.id !== form.entity.id) {
      doc.upsertLex(outer);
      const len = last.end - start;
      doc.hits.push({ id: outer.id, start, end: start + Math.max(len, 2), surface: doc.surface(start, start + Math.max(len, 2)) });
    }
  }
  if (form.also) {
    doc.upsertLex(form.also);
    doc.hits.push({ id: form.also.id, start, end, surface: doc.surface(start, end) });
  }
}

const ROUTE_WORDS = ['遶境', '绕境', '进香', '驻驾', '停驾', '起驾', '回銮', '路线', '行经', '途经', '抵达'].map(n);
const TEMPLE_HEAD = /[宫庙寺]$/;

/**
 * A temple on a pilgrimage route is a place; the temple that acts (holds the pilgrimage, is
 * named again and again) stays an organization.
 */
function templeOnRoute(doc: DocState, h: { start: number; end: number }, name: string): boolean {
  const key = doc.norm.slice(h.start, h.end);
  if (!TEMPLE_HEAD.test(key)) return false;
  let count = 0;
  for (let i = doc.norm.indexOf(key); i >= 0; i = doc.norm.indexOf(key, i + key.length)) count++;
  if (count >= 3) return false;
  const s = doc.sentenceAt(h.start);
  const sentence = doc.norm.slice(s.start, s.end);
  void name;
  return ROUTE_WORDS.some((w) => sentence.includes(w));
}

/**
 * Titles in the text, longest at each position, dropping those inside a longer title or inside
 * a lexicon name that is not an organization (部長 stays inside 外交部長: 外交部 + 部長).
 */
function findTitles(opts: { norm: string; lex: Lexicon; lexMatches: { start: number; end: number; values: ZhForm[] }[] }): TitleHit[] {
  const { norm, lex } = opts;
  // the longest title at each position (scanLongest is the last of matchesAt at every offset)
  const all: TitleHit[] = lex.titlesZh.scanLongest(norm).map((m) => ({ start: m.start, end: m.end, def: m.values[0] }));
  const out: TitleHit[] = [];
  let lastEnd = -1;
  const byStart = new Map<number, { start: number; end: number }[]>();
  for (const m of opts.lexMatches) byStart.set(m.start, [...(byStart.get(m.start) ?? []), m]);
  for (const t of all) {
    if (t.end <= lastEnd) continue;
    // inside an organization/place/person name (委員 inside 委員會)
    let inside = false;
    for (let s = Math.max(0, t.start - 12); s <= t.start && !inside; s++) {
      inside = (byStart.get(s) ?? []).some((m) => m.end >= t.end && m.end - m.start > t.end - t.start && !(m.end === t.start + 1));
    }
    if (inside) continue;
    if (norm.startsWith(n('會'), t.end) && /委员$/.test(t.def.title) === false && n(t.def.title).endsWith(n('委員'))) continue;
    out.push(t);
    lastEnd = t.end;
  }
  return out;
}

/**
 * "外交部長林佳龍。記者邱德祥／攝影": a caption may state the role of someone the body names.
 * Only people and organizations already found in the body take part.
 */
function captionRoles(opts: { doc: DocState; lex: Lexicon; captions: string[] }): void {
  const { doc, lex } = opts;
  const people = new Map<string, Entity>();
  for (const e of doc.entities.values()) if (e.type === 'person') people.set(n(e.name), e);
  for (const cap of opts.captions) {
    const cn = n(cap);
    const forms = lex.zh.scanAll(cn);
    for (let i = 0; i < cn.length; i++) {
      const ms = lex.titlesZh.matchesAt(cn, i);
      if (!ms.length) continue;
      const t = ms[ms.length - 1];
      const def = t.values[0];
      const person = [3, 2, 4].map((len) => people.get(cn.slice(t.end, t.end + len))).find(Boolean);
      if (!person) continue;
      const org = forms.find(
        (f) => (f.end === t.start || (f.end === t.start + 1 && cn[t.start] === n(def.title)[0])) && doc.entities.has(f.values[0].entity.id),
      );
      if (!org) continue;
      const target = doc.entities.get(org.values[0].entity.id)!;
      if (target.type === 'person' || target.type === 'topic') continue;
      const title = [...cap].slice(Math.min(org.start, t.start), t.end).join('');
      const sentence = [...cap]
        .slice(0, [...cap].findIndex((c, k) => k >= t.end && /[。；\n]/.test(c)) + 1 || undefined)
        .join('')
        .trim();
      doc.addRelation({
        type: 'HOLDS_ROLE',
        from: person.id,
        to: target.id,
        title: org.end === t.start ? [...cap].slice(t.start, t.end).join('') : title,
        evidence: sentence || cap,
        confidence: 0.7,
      });
    }
  }
}

/** 林部長, 賴總統: a surname and a title stand for the full name found elsewhere in the article. */
function resolveTitleSurnames(opts: { doc: DocState; titles: TitleHit[] }): void {
  const { doc, titles } = opts;
  const people = [...doc.entities.values()].filter((e) => e.type === 'person');
  for (const t of titles) {
    const s = t.start - 1;
    if (s < 0 || doc.isClaimed(s, t.end)) continue;
    const surname = doc.norm[s];
    const prev = doc.norm[s - 1];
    if (prev && /[\u3400-\u9fff]/.test(prev) && !/[的由和與与及向對对在被讓让請请]/.test(prev)) continue;
    const matches = people.filter((p) => n(p.name)[0] === surname && [...p.name].length >= 2);
    if (matches.length !== 1) continue;
    const p = matches[0];
    doc.addHit({ id: p.id, start: s, end: t.end });
  }
}
