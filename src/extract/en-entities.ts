import type { Entity, OrganizationKind } from '../domain/types';
import { DocState, splitSentences } from './doc';
import { capitalOf, countryInside, countryWord, demonymOwner, extraCountryForms, senseOf } from './en-countries';
import { appositionOrgs, ministryMentions, teamNames, titledOrgs } from './en-orgs';
import { nameCandidates } from './en-people';
import { contextPlaces } from './en-places';
import { addEnRelations } from './en-relations';
import { titleBefore } from './en-titles';
import { tokenizeEnText, type EnToken } from './en-tokens';
import { enWord } from './en-words';
import { corroborated, type Lexicon, type LexEntity } from './lexicon';
import { hanRatio } from './normalize';
import { matchEn } from './topics';

const CAP = String.raw`[A-Z][\p{L}'’\-]*\.?`;
const ORG_HEADS: [RegExp, OrganizationKind][] = [
  [/^(Committee|Commission)$/, 'committee'],
  [
    /^(Ministry|Department|Bureau|Administration|Agency|Office|Directorate|Yuan|Cabinet|Council|Reserve|Government|Police|Court|Directorate-General)$/,
    'government',
  ],
  [/^(Party|caucus|Caucus)$/, 'party'],
  [/^(Bank|Corporation|Corp\.?|Company|Co\.?|Inc\.?|Group|Holdings|Technology|Electronics|Semiconductor)$/, 'company'],
  [/^(Times|News|Post|Daily|Herald|Journal|Agency|Press|Television|TV|Radio)$/, 'media'],
  [/^(League|Federation)$/, 'sports'],
  [/^(Parliament|Assembly|Congress|Senate|Legislature)$/, 'legislature'],
  [/^(Alliance|Union|Organization|Organisation|Forum)$/, 'international'],
  [/^(University|Institute|Foundation|Association|Museum|Center|Centre|Fund)$/, 'other'],
];
const PLACE_HEADS =
  /^(County|City|Township|District|Peninsula|Strait|River|Hill|Island|Islands|Mountain|Mountains|Lake|Bay|Province|Prefecture|Airport|airport|Stadium|Arena|Dome|Coliseum|Gymnasium|Park|Station|Harbor|Harbour|Port|Village|Gallery)$/;
const NOT_NAME = new Set([
  'The',
  'A',
  'An',
  'In',
  'On',
  'At',
  'For',
  'But',
  'And',
  'If',
  'As',
  'By',
  'With',
  'From',
  'To',
  'Of',
  'After',
  'Before',
  'During',
  'While',
  'When',
  'This',
  'That',
  'These',
  'Those',
  'It',
  'He',
  'She',
  'They',
  'We',
  'His',
  'Her',
  'Their',
  'Our',
  'Its',
  'Mr',
  'Ms',
  'Mrs',
  'Dr',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sept',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
  'Game',
  'According',
  'However',
  'Meanwhile',
  'Download',
  'App',
  'Photo',
  'Taiwanese',
  'Chinese',
  'Japanese',
  'American',
  'Storm',
  'Typhoon',
  'Tropical',
  'Super',
  'Severe',
  'By',
  'Photo',
  'Courtesy',
  'Vice',
  'Former',
  'Deputy',
  'Related',
  'Latest',
  'More',
  'Top',
  'Read',
  'Popular',
  'Recommended',
  'Subscribe',
  'Follow',
  'Share',
  'Breaking',
]);

interface Span {
  start: number;
  end: number;
}

/**
 * English extraction: the article text, then each photo caption (people and places named only
 * under a photo are mentions too, with the caption as the evidence of what it states).
 */
export function extractEn(opts: { doc: DocState; lex: Lexicon; authors: string[]; captions: string[] }): void {
  const authors = new Set(opts.authors.map((a) => a.toLowerCase()));
  extractEnText({ doc: opts.doc, lex: opts.lex, authors });
  const seen = new Set<string>();
  for (const cap of opts.captions) {
    const c = cap.trim();
    if (!c || seen.has(c) || hanRatio(c) > 0.2) continue;
    seen.add(c);
    // an English caption needs no Chinese normalisation: one UTF-16 unit per code point is enough
    const chars = Array.from(c);
    const norm = chars.map((ch) => (ch.length > 1 ? '\ufffd' : ch)).join('');
    const sub = new DocState(c, chars, norm, 0, splitSentences(chars), 'en');
    // a title without a country in a caption points at the article's countries
    for (const e of opts.doc.entities.values()) if (e.type === 'country') sub.upsert({ ...e, aliases: [...e.aliases] });
    extractEnText({ doc: sub, lex: opts.lex, authors, known: opts.doc });
    mergeCaption(opts.doc, sub);
  }
}

/** A caption's findings become caption hits (no offset) of the article, with their relations. */
function mergeCaption(doc: DocState, sub: DocState): void {
  for (const h of sub.hits) {
    const e = sub.entities.get(h.id);
    if (!e) continue;
    // agencies in photo credits are the credits pass's, which marks them as credits
    if (e.type === 'organization' && e.kind === 'media') continue;
    doc.upsert({ ...e, aliases: [...e.aliases] });
    doc.addHit({ id: h.id, start: -1, end: -1, caption: true, surface: h.surface });
  }
  for (const r of sub.relations) doc.addRelation(r);
}

function extractEnText(opts: { doc: DocState; lex: Lexicon; authors: Set<string>; known?: DocState }): void {
  const { doc, lex } = opts;
  const text = doc.norm;
  const tokens = tokenizeEnText(text);
  const seqs = capitalSequences(tokens, lex);
  const authors = new Set(opts.authors);
  const free = (s: Span) => !doc.isClaimed(s.start, s.end);

  // 1. "Lo Chih-chiang (羅智強)": an English name with its Chinese form
  const pairRe = new RegExp(String.raw`((?:${CAP} ){0,4}${CAP}) ?\(([\u3400-\u9fff]{2,12})\)`, 'gu');
  const byEn = new Map<string, Entity>();
  for (let m = pairRe.exec(text); m; m = pairRe.exec(text)) {
    const latin = trimLatin(m[1], lex);
    if (!latin) continue;
    // "Lin Chia-lung's (林佳龍)": the name ends before its possessive
    const start = m.index + m[1].replace(/['’]s$/, '').length - latin.length;
    const zhStart = m.index + m[0].indexOf('(') + 1;
    const zh = doc.surface(zhStart, zhStart + m[2].length).replace(/臺/g, '台');
    const words = latin.split(' ');
    const isOrg = words.some((w) => headKind(w));
    const isPlace = PLACE_HEADS.test(words[words.length - 1]) || (words.length === 1 && !isOrg);
    const lexHit = lex.zh.matchesAt(doc.norm, zhStart).find((x) => x.end === zhStart + m![2].length)?.values[0].entity;
    let e: Entity;
    if (lexHit) e = doc.upsertLex(lexHit);
    else if (isOrg)
      e = doc.upsert({
        id: `org:${zh}`,
        type: 'organization',
        name: latin,
        en: latin,
        aliases: [zh],
        kind: headKind(words[words.length - 1]) ?? 'other',
      });
    else if (isPlace) e = doc.upsert({ id: `place:${zh}`, type: 'place', name: latin, en: latin, aliases: [zh] });
    else if (words.length >= 2 && [...zh].length <= 4)
      e = doc.upsert({ id: `person:${zh}`, type: 'person', name: latin, en: latin, aliases: [zh] });
    else continue;
    if (!e.aliases.includes(latin) && e.name !== latin) e.aliases.push(latin);
    if (e.type === 'person') byEn.set(latin, e);
    doc.addHit({ id: e.id, start, end: start + latin.length, surface: latin });
    doc.claim(zhStart - 1, zhStart + m[2].length + 1);
  }
  // bylines inside the text ("(By Sophia Yeh and Hsiao Hsu-chen)") name authors, not people
  for (const para of text.split('\n')) {
    const by = /^\(?By ([^)]+)\)?\s*$/.exec(para.trim());
    if (by) for (const a of by[1].split(/,| and /)) if (a.trim()) authors.add(a.trim().toLowerCase());
  }

  // 2. lexicon names (countries, organizations, people, places), a country's ministries first
  const enMatches = [...matchEn({ norm: text, index: lex.en }), ...extraCountryForms({ text, lex })].sort((a, b) => a.start - b.start);
  // teams first: "the Tampa Bay Rays" is a team, not Tampa, unless the lexicon knows the whole name
  for (const t of teamNames({ text, tokens, lex, isPlaceHead: (w) => PLACE_HEADS.test(w) || !!headKind(w) })) {
    const inside = enMatches.filter((m) => m.start >= t.start && m.end <= t.end);
    if (
      !free(t) ||
      inside.some((m) => m.entity.type === 'organization' || m.entity.type === 'person') ||
      inside.some((m) => m.start === t.start && m.end === t.end)
    )
      continue;
    const id = `org:${t.name}`;
    doc.upsert({ id, type: 'organization', name: t.name, en: t.name, kind: t.kind });
    doc.addHit({ id, start: t.start, end: t.end });
  }
  const countryMatches = enMatches.filter((m) => m.entity.type === 'country');
  for (const mm of ministryMentions({ text, lex, countries: countryMatches })) {
    if (!free(mm)) continue;
    const country = countryMatches.find((c) => c.start >= mm.start && c.end <= mm.end)!;
    const e = mm.lex
      ? doc.upsertLex(mm.lex)
      : doc.upsert({
          id: mm.id,
          type: 'organization',
          name: mm.name.replace(/^the /, ''),
          en: mm.name,
          aliases: [mm.id.slice(4)],
          kind: 'government',
        });
    doc.upsertLex(country.entity);
    doc.addHit({ id: e.id, start: mm.start, end: mm.end });
    doc.hits.push({ id: country.entity.id, start: country.start, end: country.end, surface: text.slice(country.start, country.end) });
  }
  const present = new Set([...enMatches.map((m) => m.entity.id), ...(opts.known?.entities.keys() ?? [])]);
  const surfaces = new Map<string, Set<string>>();
  for (const m of enMatches) surfaces.set(m.entity.id, (surfaces.get(m.entity.id) ?? new Set()).add(text.slice(m.start, m.end)));
  for (const m of enMatches) {
    if (!free(m)) continue;
    if (!corroborated(m.entity, text.slice(m.start, m.end), present, surfaces)) continue;
    if (authors.has(doc.surface(m.start, m.end).toLowerCase())) continue;
    const sense = senseOf({ text, lex, m });
    if (sense === 'none') continue;
    // "American", "Dominican": a demonym several countries share means the one the country list names with it
    if (m.entity.type === 'country' && (m.entity.adjectives ?? []).includes(text.slice(m.start, m.end))) {
      const owner = demonymOwner(lex, text.slice(m.start, m.end));
      if (owner === null) continue;
      if (owner && owner !== m.entity) m.entity = owner;
    }
    // "Dell Harmon": a one-word company that is a given name before a surname is the person's name
    if (
      m.form.tokens.length === 1 &&
      m.entity.type !== 'country' &&
      /^ \p{Lu}[\p{Ll}]+/u.test(text.slice(m.end, m.end + 3)) &&
      (enWord(text.slice(m.start, m.end)).firstName || titleBefore(lex, text, m.start))
    ) {
      const next = /^ (\p{Lu}[\p{L}'’\-]*)/u.exec(text.slice(m.end, m.end + 30))?.[1] ?? '';
      if (!enWord(next.replace(/['’]s$/, '')).common && !reservedWord(lex, next)) continue;
    }
    // "Taiwan's Ministry of Foreign Affairs", "Japanese Foreign Ministry", "Ministry of Foreign Affairs of Japan": the country is mentioned too
    if (m.entity.type === 'organization' || m.entity.type === 'place') {
      for (const c of countryInside(lex, text.slice(m.start, m.end))) {
        doc.upsertLex(c.entity);
        doc.hits.push({
          id: c.entity.id,
          start: m.start + c.start,
          end: m.start + c.end,
          surface: text.slice(m.start + c.start, m.start + c.end),
        });
      }
    }
    // "after Tokyo faced ...", "announced by Washington": the capital stands for its country
    const entity = sense === 'country' ? lex.countries.get(capitalOf(lex, m.entity)!)! : m.entity;
    doc.upsertLex(entity);
    doc.addHit({ id: entity.id, start: m.start, end: m.end });
  }

  // 2b. photo credits left in the text ("PHOTO: REUTERS", "Photo: Bloomberg"): the agency, as a credit
  const creditRe = /\b(?:FILE PHOTO|PHOTO|Photo|File photo|Photo credit|IMAGE|Image)s?: ?([A-Z][A-Za-z&.\-]+(?: [A-Z][A-Za-z&.\-]+){0,3})/g;
  for (let m = creditRe.exec(text); m; m = creditRe.exec(text)) {
    const start = m.index + m[0].length - m[1].length;
    const raw = m[1].replace(/\.$/, '');
    const sp = { start, end: start + raw.length };
    if (!free(sp)) continue;
    const titled = /^[^a-z]+$/.test(raw) ? raw.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase()) : raw;
    const known = [...matchEn({ norm: titled, index: lex.en }), ...matchEn({ norm: raw, index: lex.en })].find(
      (x) => x.start === 0 && x.end === raw.length && x.entity.type === 'organization',
    );
    const e = known
      ? doc.upsertLex(known.entity)
      : doc.upsert({ id: `org:${titled}`, type: 'organization', name: titled, en: titled, kind: 'media' });
    doc.addHit({ id: e.id, ...sp, credit: true });
  }

  // 3. organizations by their head word, with an acronym in brackets as alias
  for (const s of seqs) {
    const words = s.words;
    const kinds = words.map((w) => headKind(w.t));
    const headIdx = kinds.findIndex((k) => !!k);
    if (headIdx < 0) continue;
    // "Ministry of Finance": head first; "Procedure Committee": head last
    let a = 0;
    const b = words.length - 1;
    // a name already read ("CWA" of "CWA Seismology Center") or a stop word does not start the body
    while (a < b && (NOT_NAME.has(words[a].t) || doc.isClaimed(words[a].start, words[a].end))) a++;
    // "Liao Wei-chen of the High Court": no head before "of" means the body is what follows it
    const ofIdx = words.findIndex((w, i) => i > a && i < headIdx && w.t === 'of');
    if (ofIdx > 0 && !kinds.slice(a, ofIdx).some(Boolean)) {
      a = ofIdx + 1;
      while (a < b && SEQ_LINK.has(words[a].t)) a++;
    }
    if (a > headIdx && !kinds.slice(a).some(Boolean)) continue;
    if (words.slice(a, b + 1).filter((w) => /^[A-Z]/.test(w.t)).length < 2) continue;
    const start = words[a].start;
    let end = words[b].end;
    if (quoted(text, start, end)) continue;
    const name = text.slice(start, end).replace(/['’]s$/, '');
    end = start + name.length;
    if (!free({ start, end })) continue;
    const kind = kinds.slice(a).filter(Boolean).pop()!;
    const acr = /^ \(([A-Z][A-Za-z]{1,7})\)/.exec(text.slice(end));
    // "the Legislature's Procedure Committee": a known unit of a body the article names keeps the lexicon's id
    const unit = knownUnit({ lex, name, present: (id) => doc.entities.has(id) || !!opts.known?.entities.has(id) });
    const id = unit?.id ?? `org:${name}`;
    if (unit) doc.upsertLex(unit);
    else doc.upsert({ id, type: 'organization', name, en: name, kind, aliases: acr ? [acr[1]] : [] });
    doc.addHit({ id, start, end });
    if (acr) {
      for (let i = text.indexOf(acr[1]); i >= 0; i = text.indexOf(acr[1], i + 1)) {
        const e = i + acr[1].length;
        if (/\w/.test(text[i - 1] ?? '') || /\w/.test(text[e] ?? '') || !free({ start: i, end: e })) continue;
        doc.addHit({ id, start: i, end: e });
      }
    }
  }

  // every whole-word occurrence of a name that no earlier recognizer claimed, in text order
  const eachFreeOccurrence = (name: string, add: (sp: Span) => void) => {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      const end = i + name.length;
      if (/[\p{L}\p{N}]/u.test(text[i - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '') || !free({ start: i, end })) continue;
      add({ start: i, end });
    }
  };
  const addNamedOrg = (o: { name: string; kind: OrganizationKind }) => {
    const id = `org:${o.name}`;
    doc.upsert({ id, type: 'organization', name: o.name, en: o.name, kind: o.kind });
    eachFreeOccurrence(o.name, (sp) => doc.addHit({ id, ...sp }));
  };

  // 3b. organizations described by an apposition ("Foxconn, Taiwan's largest contract electronics maker")
  for (const o of appositionOrgs({ text, tokens, lex, isFree: free })) {
    if (free(o) && !lex.stop.personEn.has(o.name.toLowerCase())) addNamedOrg(o);
  }

  // 3b'. "Velquor CEO Pell Varnado", "Tova Reinholt, chairman of Velquor": a body named by its officer's title
  for (const o of titledOrgs({ text, tokens, lex, isFree: free })) if (free(o)) addNamedOrg(o);

  // 3c. "US Fish and Wildlife Service said": a long capitalised name with "and"/"of" that speaks is a body
  for (const sq of seqs) {
    const w = sq.words;
    if (w.length < 3 || !w.slice(1, -1).some((x) => x.t === 'and' || x.t === 'of')) continue;
    const start = w[0].start;
    const end = w[w.length - 1].end;
    if (!/^,? (?:said|says|told|announced|stated|warned|confirmed|added)\b/.test(text.slice(end, end + 12))) continue;
    const lead = doc.hits.find((h) => h.start === start && doc.entities.get(h.id)?.type === 'country');
    if (!free({ start: lead ? lead.end : start, end })) continue;
    const name = text.slice(start, end);
    const id = `org:${name}`;
    doc.upsert({ id, type: 'organization', name, en: name, kind: lead ? 'government' : 'other' });
    doc.addHit({ id, start, end });
  }

  // 4. places by their head word (Yilan County, Hengchun Peninsula)
  for (const s of seqs) {
    const last = s.words[s.words.length - 1];
    if (!PLACE_HEADS.test(last.t.replace(/['’]s$/, ''))) continue;
    let a = 0;
    while (a < s.words.length - 1 && NOT_NAME.has(s.words[a].t)) a++;
    if (a === s.words.length - 1) continue;
    const start = s.words[a].start;
    if (quoted(text, start, last.end)) continue;
    const name = text.slice(start, last.end).replace(/['’]s$/, '');
    const end = start + name.length;
    if (!free({ start, end })) continue;
    const id = `place:${name}`;
    doc.upsert({ id, type: 'place', name, en: name });
    doc.addHit({ id, start, end });
  }

  // 4b. places by grammar ("at Harbor Arena in Tampere", "in Tampere, Finland"): inner names first
  const areaStarts = new Map<number, Entity>();
  for (const h of doc.hits) {
    const e = doc.entities.get(h.id);
    if (e && (e.type === 'place' || e.type === 'country')) areaStarts.set(h.start, e);
  }
  for (let round = 0; round < 2; round++) {
    for (const pl of contextPlaces({ text, tokens, areaAt: (at) => areaStarts.get(at), isFree: free })) {
      const id = `place:${pl.name}`;
      const e = doc.upsert({ id, type: 'place', name: pl.name, en: pl.name });
      eachFreeOccurrence(pl.name, (sp) => {
        doc.addHit({ id, ...sp });
        areaStarts.set(sp.start, e);
      });
    }
  }

  // 5. people: romanised Chinese names, names after titles, then the name recogniser
  const people: { start: number; end: number; name: string; style: 'zh' | 'west' }[] = [];
  const romRe = /\b([A-Z][a-z]{0,6}) ([A-Z][a-z]+-[a-z]+)\b/g;
  for (let m = romRe.exec(text); m; m = romRe.exec(text)) {
    if (!free({ start: m.index, end: m.index + m[0].length }) || NOT_NAME.has(m[1]) || reservedWord(lex, m[1])) continue;
    people.push({ start: m.index, end: m.index + m[0].length, name: m[0], style: 'zh' });
  }
  // a name after a title ("Foreign Minister Lin Chia-lung", "Coach Rian Vost"): up to three capitalised words
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i].cap || tokens[i].gap !== ' ' || !titleBefore(lex, text, tokens[i].start)) continue;
    let j = i;
    const ok = (t: EnToken) =>
      t.cap && /^\p{Lu}[\p{L}'’\-]*$/u.test(t.word) && !NOT_NAME.has(t.word) && !reservedWord(lex, t.word) && !countryWord(lex, t.word);
    if (!ok(tokens[i])) continue;
    while (j + 1 < tokens.length && j - i < 2 && !tokens[j].poss && tokens[j + 1].gap === ' ' && ok(tokens[j + 1])) j++;
    if (j === i) continue;
    const sp = { start: tokens[i].start, end: tokens[j].start + tokens[j].word.length };
    if (!free(sp)) continue;
    const name = text.slice(sp.start, sp.end);
    people.push({ ...sp, name, style: /-[a-z]/.test(name) ? 'zh' : 'west' });
    i = j;
  }
  for (const c of nameCandidates({
    text,
    tokens,
    isCountry: (w) => countryWord(lex, w),
    isReserved: (w) => reservedWord(lex, w),
    titleCommaBefore: (at) => !!titleBefore(lex, text, at, ', '),
    titleCommaAfter: (at) => titleAfterComma(lex, text, at),
  })) {
    if (free(c)) people.push({ start: c.start, end: c.end, name: c.name, style: 'west' });
  }
  for (const e of [...(opts.known?.entities.values() ?? []), ...doc.entities.values()]) if (e.type === 'person' && e.en) byEn.set(e.en, e);
  for (const p of people) {
    if (authors.has(p.name.toLowerCase()) || !free(p)) continue;
    if (lex.stop.personEn.has(p.name.toLowerCase())) continue;
    const known = byEn.get(p.name);
    const id = known?.id ?? `person:${p.name}`;
    if (!known) byEn.set(p.name, doc.upsert({ id, type: 'person', name: p.name, en: p.name }));
    else if (!doc.entities.has(id)) doc.upsert({ ...known, aliases: [...known.aliases] });
    doc.addHit({ id, start: p.start, end: p.end });
  }
  // all later occurrences of each full name, then the surname alone (Lai, Trump, Beccuau)
  const persons = [...doc.entities.values()].filter((e) => e.type === 'person');
  for (const k of opts.known?.entities.values() ?? []) if (k.type === 'person' && !doc.entities.has(k.id)) persons.push(k);
  for (const p of persons) {
    const full = p.en ?? p.name;
    for (let i = text.indexOf(full); i >= 0; i = text.indexOf(full, i + 1)) {
      if (!free({ start: i, end: i + full.length })) continue;
      if (!doc.entities.has(p.id)) doc.upsert({ ...p, aliases: [...p.aliases] });
      doc.addHit({ id: p.id, start: i, end: i + full.length });
    }
  }
  const bySurname = new Map<string, Entity[]>();
  for (const p of persons) {
    const words = (p.en ?? p.name).split(' ');
    if (words.length < 2) continue;
    const sur = /-/.test(words[words.length - 1]) ? words[0] : words[words.length - 1];
    bySurname.set(sur, [...(bySurname.get(sur) ?? []), p]);
  }
  for (const [sur, ps] of bySurname) {
    if (ps.length !== 1) continue;
    const re = new RegExp(String.raw`\b${escapeRe(sur)}\b(?![- ][A-Z])`, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const sp = { start: m.index, end: m.index + sur.length };
      if (!free(sp)) continue;
      if (!doc.entities.has(ps[0].id)) doc.upsert({ ...ps[0], aliases: [...ps[0].aliases] });
      doc.addHit({ id: ps[0].id, ...sp });
    }
  }

  addEnRelations({ doc, lex, context: opts.known });
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The name inside "President Lai Ching-te" or "Taitung County’s Nioutou Hill". */
function trimLatin(s: string, lex: Lexicon): string {
  let w = s.replace(/['’]s$/, '').split(' ');
  const poss = w.map((x) => /['’]s$/.test(x)).lastIndexOf(true);
  if (poss >= 0) w = w.slice(poss + 1);
  // "Statistics Director-General Meredith Kuo": the name is what follows the last title
  for (let k = w.length - 2; k >= 1; k--) {
    const len = titleAt(lex, w, k);
    if (len && k + len < w.length) {
      w = w.slice(k + len);
      break;
    }
  }
  for (let changed = true; changed && w.length > 1;) {
    changed = false;
    for (const t of lex.titlesEn) {
      const tw = t.title.split(' ');
      if (tw.length < w.length && tw.every((x, i) => x === w[i])) {
        w = w.slice(tw.length);
        changed = true;
        break;
      }
    }
    if (!changed && NOT_NAME.has(w[0])) {
      w = w.slice(1);
      changed = true;
    }
  }
  return w.join(' ');
}

function headKind(w: string): OrganizationKind | undefined {
  const t = w.replace(/['’]s$/, '');
  for (const [re, k] of ORG_HEADS) if (re.test(t)) return k;
  return undefined;
}

const SEQ_BREAK = new Set([
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'January',
  'February',
  'March',
  'April',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]);
const SEQ_LINK = new Set(['of', 'and', 'the', 'for', 'on', 'de']);

type Seq = { words: { t: string; start: number; end: number }[] };

/**
 * Runs of capitalised words (allowing "of", "and", "the" inside): candidate proper names. A
 * comma, a possessive, a weekday or a month ends a run, and a title followed by a name splits
 * it ("Department of Statistics | Director-General | Meredith Kuo").
 */
function capitalSequences(tokens: EnToken[], lex: Lexicon): Seq[] {
  const out: Seq[] = [];
  let cur: Seq['words'] = [];
  let commas: number[] = [];
  const flush = () => {
    // "of Budget, Accounting and Statistics": a comma stays inside a name only in a list closed by "and"
    if (commas.length) {
      const andAfter = cur.findIndex((w, i) => i > commas[commas.length - 1] && w.t === 'and');
      if (andAfter < 0) cur = cur.slice(0, commas[0]);
    }
    while (cur.length && !/^[A-Z]/.test(cur[cur.length - 1].t)) cur.pop();
    if (cur.length) out.push(...splitAtTitles(cur, lex));
    cur = [];
    commas = [];
  };
  for (const tok of tokens) {
    const listComma = tok.gap === ', ' && tok.cap && cur.some((w) => w.t === 'of');
    if (listComma) commas.push(cur.length);
    const joined = cur.length > 0 && (tok.gap === ' ' || listComma);
    const cap = tok.cap && !SEQ_BREAK.has(tok.word);
    const link = SEQ_LINK.has(tok.text) && cur.length > 0;
    if (!joined || !(cap || link)) flush();
    if (cap || link) cur.push({ t: tok.text, start: tok.start, end: tok.end });
    // a possessive ends a name
    if (tok.poss) flush();
  }
  flush();
  return out;
}

function splitAtTitles(words: Seq['words'], lex: Lexicon): Seq[] {
  for (let k = 1; k < words.length - 1; k++) {
    const len = titleAt(
      lex,
      words.map((w) => w.t),
      k,
    );
    if (len && k + len < words.length && /^[A-Z]/.test(words[k + len].t)) {
      return [{ words: words.slice(0, k) }, ...splitAtTitles(words.slice(k + len), lex)];
    }
  }
  return [{ words }];
}

let titleIndex: { lex: Lexicon; byFirst: Map<string, string[][]> } | undefined;

/** Length in words of the capitalised title starting at words[k] (Director-General, Foreign Minister), or 0. */
function titleAt(lex: Lexicon, words: string[], k: number): number {
  if (titleIndex?.lex !== lex) {
    const byFirst = new Map<string, string[][]>();
    for (const t of lex.titlesEn) {
      if (!/^[A-Z]/.test(t.title)) continue;
      const tw = t.title.split(' ');
      byFirst.set(tw[0], [...(byFirst.get(tw[0]) ?? []), tw]);
    }
    titleIndex = { lex, byFirst };
  }
  let best = 0;
  for (const tw of titleIndex.byFirst.get(words[k]) ?? []) {
    if (tw.length > best && tw.every((x, i) => words[k + i] === x)) best = tw.length;
  }
  return best;
}

let reservedWords: { lex: Lexicon; words: Set<string> } | undefined;

/** Words other recognisers own: titles (Minister, Chairman), heads of organizations and places. */
function reservedWord(lex: Lexicon, w: string): boolean {
  if (reservedWords?.lex !== lex) {
    const words = new Set<string>();
    for (const t of lex.titlesEn) for (const x of t.title.split(/[\s-]+/)) if (/^[A-Z]/.test(x)) words.add(x);
    reservedWords = { lex, words };
  }
  return reservedWords.words.has(w) || !!headKind(w) || PLACE_HEADS.test(w);
}

/** A span in quotation marks is a title (a film, a book, a campaign), not a name. */
function quoted(text: string, start: number, end: number): boolean {
  return /["“‘]$/.test(text.slice(Math.max(0, start - 1), start)) && /^["”’]/.test(text.slice(end, end + 1));
}

/** ", chairman of", ", the company's chief executive,": a title in apposition after a name. */
function titleAfterComma(lex: Lexicon, text: string, at: number): boolean {
  const m = /^, (?:the |a |an )?(?:[\p{L}.]+['’]s )?([a-zA-Z][a-zA-Z\- ]{1,40})/u.exec(text.slice(at, at + 60));
  if (!m) return false;
  return lex.titlesEn.some((t) => m[1].startsWith(t.title) && !/[\p{L}\-]/u.test(m[1][t.title.length] ?? ' '));
}

let unitIndex: { lex: Lexicon; bySuffix: Map<string, LexEntity[]> } | undefined;

/**
 * A lexicon organization whose English name ends with `name` ("Legislative Yuan Procedure
 * Committee" for "Procedure Committee") and whose parent the article names: the short form of
 * a known unit. Only when exactly one such unit fits.
 */
function knownUnit(opts: { lex: Lexicon; name: string; present: (id: string) => boolean }): LexEntity | undefined {
  const { lex } = opts;
  if (unitIndex?.lex !== lex) {
    const bySuffix = new Map<string, LexEntity[]>();
    for (const e of lex.byId.values()) {
      if (e.type !== 'organization' || !e.parent || !e.en) continue;
      const w = e.en.toLowerCase().split(' ');
      for (let k = 1; k <= w.length - 2; k++) {
        const key = w.slice(k).join(' ');
        bySuffix.set(key, [...(bySuffix.get(key) ?? []), e]);
      }
    }
    unitIndex = { lex, bySuffix };
  }
  const fits = (unitIndex.bySuffix.get(opts.name.toLowerCase()) ?? []).filter((e) => opts.present(e.parent!));
  return fits.length === 1 ? fits[0] : undefined;
}
