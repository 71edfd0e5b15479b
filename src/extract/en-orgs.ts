import * as fs from 'fs';
import * as path from 'path';
import type { OrganizationKind } from '../domain/types';
import type { EnToken } from './en-tokens';
import { titleBefore } from './en-titles';
import { enWord } from './en-words';
import type { Lexicon, LexEntity } from './lexicon';

/** English grammar data (seeds/lexicon/en-grammar.json): general knowledge, not code. */
export interface EnGrammar {
  ministryFields: Record<string, string>;
  fieldSynonyms: Record<string, string>;
  /** Descriptor noun (lower-case, may be two words) -> kind of organization it describes. */
  descriptors: Map<string, OrganizationKind>;
  countryForms: Record<string, string[]>;
  eventHeads: Set<string>;
  languageCues: Set<string>;
  /** Demonym -> ISO2 as the hand-kept countries.json pairs them ("American" -> US, not a territory that shares it). */
  curatedDemonyms: Record<string, string>;
}

let cached: { dir: string; grammar: EnGrammar } | undefined;

export function enGrammar(lex: Lexicon): EnGrammar {
  if (cached?.dir === lex.dir) return cached.grammar;
  let raw: any = {};
  try {
    raw = JSON.parse(fs.readFileSync(path.join(lex.dir, 'en-grammar.json'), 'utf8'));
  } catch {
    // a lexicon directory without the file (tests with a small lexicon): no English grammar data
  }
  const descriptors = new Map<string, OrganizationKind>();
  for (const [kind, words] of Object.entries(raw.orgDescriptors ?? {}))
    for (const w of words as string[]) descriptors.set(w, kind as OrganizationKind);
  const grammar: EnGrammar = {
    ministryFields: raw.ministryFields ?? {},
    fieldSynonyms: raw.fieldSynonyms ?? {},
    descriptors,
    countryForms: raw.countryForms ?? {},
    eventHeads: new Set(raw.eventHeads ?? []),
    languageCues: new Set(raw.languageCues ?? []),
    curatedDemonyms: curatedDemonyms(lex.dir),
  };
  cached = { dir: lex.dir, grammar };
  return grammar;
}

function curatedDemonyms(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  try {
    for (const c of JSON.parse(fs.readFileSync(path.join(dir, 'countries.json'), 'utf8'))) {
      for (const a of Array.isArray(c?.adjectives) ? c.adjectives : [])
        if (typeof a === 'string' && typeof c.iso2 === 'string' && !out[a]) out[a] = c.iso2.toUpperCase();
    }
  } catch {
    // no hand-kept country list: demonyms resolve through the lexicon alone
  }
  return out;
}

/** "Foreign Affairs" -> "foreign", "National Defence" -> "defense"; undefined for a field the grammar does not know. */
function fieldKey(g: EnGrammar, raw: string): string | undefined {
  const s = raw.toLowerCase().replace(/^the /, '').replace(/\s+/g, ' ').trim();
  const k = g.fieldSynonyms[s] ?? s;
  return g.ministryFields[k] ? k : undefined;
}

let ministryIndex: { lex: Lexicon; byKey: Map<string, LexEntity> } | undefined;

/** The lexicon's ministries by country and field (JP|foreign -> org:日本外務省). */
function lexMinistry(lex: Lexicon, g: EnGrammar, iso2: string, field: string): LexEntity | undefined {
  if (ministryIndex?.lex !== lex) {
    const byKey = new Map<string, LexEntity>();
    for (const e of lex.byId.values()) {
      if (e.type !== 'organization' || e.kind !== 'government' || !e.en || !e.country) continue;
      const m =
        /(?:Ministry|Department) of (?:the )?(.+?)(?: of (?:the )?[A-Z].*)?$/.exec(e.en) ?? /^(?:U\.S\. )?(.+?) Ministry$/.exec(e.en);
      const k = m ? fieldKey(g, m[1]) : undefined;
      if (k && !byKey.has(`${e.country}|${k}`)) byKey.set(`${e.country}|${k}`, e);
    }
    ministryIndex = { lex, byKey };
  }
  return ministryIndex.byKey.get(`${iso2}|${field}`);
}

export interface MinistryMention {
  /** The whole phrase ("Japan's foreign ministry", "the Ministry of Foreign Affairs of Japan" without "the"). */
  start: number;
  end: number;
  iso2: string;
  /** The lexicon's ministry when it knows it; otherwise an id made of the country's and the ministry's Chinese names. */
  lex?: LexEntity;
  id: string;
  name: string;
}

/**
 * A country's ministry written around the country's name: "Japan's foreign ministry",
 * "Japanese Foreign Ministry", "South Korea's Ministry of Defense", "the Ministry of Foreign
 * Affairs of Japan". The id follows the country, so Japan's foreign ministry is never Taiwan's
 * 外交部, and an English and a Chinese article about the same ministry meet on one id.
 */
export function ministryMentions(opts: {
  text: string;
  lex: Lexicon;
  countries: { start: number; end: number; entity: LexEntity }[];
}): MinistryMention[] {
  const { text, lex } = opts;
  const g = enGrammar(lex);
  const out: MinistryMention[] = [];
  const FIELD = String.raw`([A-Z][a-z]+(?:(?:,| and| &)? [A-Z][a-z]+){0,3})`;
  const afterRes = [
    new RegExp(String.raw`^(?:['’]s)? (?:Ministry|Department) of (?:the )?${FIELD}`),
    /^(?:['’]s)? ([A-Za-z]+(?: [a-z]+)?) [Mm]inistry\b/,
  ];
  const beforeRe = new RegExp(String.raw`(?:Ministry|Department) of (?:the )?${FIELD} of (?:the )?$`);
  for (const c of opts.countries) {
    const iso2 = c.entity.iso2;
    if (!iso2) continue;
    let found: { start: number; end: number; field: string } | undefined;
    const after = text.slice(c.end, c.end + 80);
    for (const re of afterRes) {
      const m = re.exec(after);
      const k = m ? fieldKey(g, m[1]) : undefined;
      if (m && k) {
        found = { start: c.start, end: c.end + m[0].length, field: k };
        break;
      }
    }
    if (!found) {
      const before = text.slice(Math.max(0, c.start - 80), c.start);
      const m = beforeRe.exec(before);
      const k = m ? fieldKey(g, m[1]) : undefined;
      if (m && k) found = { start: c.start - m[0].length, end: c.end, field: k };
    }
    if (!found) continue;
    const known = lexMinistry(lex, g, iso2, found.field);
    const name = text.slice(found.start, found.end);
    out.push({ ...found, iso2, lex: known, id: known?.id ?? `org:${c.entity.name}${g.ministryFields[found.field]}`, name });
  }
  return out;
}

export interface AppositionOrg {
  start: number;
  end: number;
  name: string;
  kind: OrganizationKind;
}

/**
 * Organizations described by an apposition or a descriptor noun: "Foxconn, Taiwan's largest
 * contract electronics maker", "Acme, a Taipei-based chipmaker", "contract manufacturer Foxconn".
 * The name is one to four capitalised words that are not common vocabulary (or are acronyms).
 */
export function appositionOrgs(opts: {
  text: string;
  tokens: EnToken[];
  lex: Lexicon;
  isFree: (s: { start: number; end: number }) => boolean;
}): AppositionOrg[] {
  const { text, tokens, lex, isFree } = opts;
  const g = enGrammar(lex);
  const out: AppositionOrg[] = [];
  const nameLike = (t: EnToken) => t.cap && (/^[A-Z0-9&.\-]{2,}$/.test(t.word) || !enWord(t.word).common) && !enWord(t.word).firstName;
  const descriptorAt = (i: number): { kind: OrganizationKind; len: number } | undefined => {
    const one = tokens[i]?.word.toLowerCase();
    const two = tokens[i + 1] ? `${one} ${tokens[i + 1].word.toLowerCase()}` : '';
    if (two && g.descriptors.has(two)) return { kind: g.descriptors.get(two)!, len: 2 };
    if (one && g.descriptors.has(one)) return { kind: g.descriptors.get(one)!, len: 1 };
    return undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    // "X, the/a ... <descriptor>" within eight words, no other punctuation
    if (i > 0 && tokens[i].gap === ', ' && (/^(?:the|a|an)$/.test(tokens[i].word) || (tokens[i].poss && tokens[i].cap))) {
      let a = i - 1;
      while (a > 0 && i - a < 4 && tokens[a].gap === ' ' && nameLike(tokens[a - 1])) a--;
      const run = tokens.slice(a, i);
      if (!run.length || !run.every(nameLike)) continue;
      for (let j = i + 1; j < Math.min(tokens.length, i + 9); j++) {
        if (!/^ $/.test(tokens[j].gap) && j > i) break;
        const d = descriptorAt(j);
        if (!d) continue;
        const end = j + d.len;
        // the descriptor ends the apposition ("..., Taiwan's largest contract electronics maker,")
        if (tokens[end] && tokens[end].gap === ' ' && !/^(?:in|of|with|that|which|based)$/.test(tokens[end].word)) break;
        const sp = { start: run[0].start, end: run[run.length - 1].start + run[run.length - 1].word.length };
        if (isFree(sp)) out.push({ ...sp, name: text.slice(sp.start, sp.end), kind: d.kind });
        break;
      }
    }
    // "<descriptor> X": a lower-case descriptor right before a name ("chipmaker Acme")
    const d = descriptorAt(i);
    if (d && /^[a-z]/.test(tokens[i].word)) {
      const s = i + d.len;
      let e = s;
      while (e < tokens.length && e - s < 3 && tokens[e].gap === ' ' && nameLike(tokens[e])) {
        e++;
        if (tokens[e - 1].poss) break;
      }
      if (e > s && !(tokens[e] && tokens[e].gap === ' ' && tokens[e].cap)) {
        const last = tokens[e - 1];
        const sp = { start: tokens[s].start, end: last.start + last.word.length };
        if (isFree(sp)) out.push({ ...sp, name: text.slice(sp.start, sp.end), kind: d.kind });
      }
    }
  }
  return out;
}

/** Officers' titles that name the body they serve ("Velquor CEO", "chairman of Velquor"). */
const CORPORATE_TITLES = new Set([
  'CEO',
  'CFO',
  'COO',
  'CTO',
  'chief executive',
  'chief executive officer',
  'chairman',
  'Chairman',
  'chairwoman',
  'Chairwoman',
  'chairperson',
  'Chairperson',
  'founder',
  'Founder',
  'president',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'managing director',
  'general manager',
  'vice chairman',
  'Vice Chairman',
  'executive director',
  'chief economist',
  'analyst',
]);
const COMPANY_TITLES = new Set([
  'CEO',
  'CFO',
  'COO',
  'CTO',
  'chief executive',
  'chief executive officer',
  'founder',
  'Founder',
  'managing director',
  'general manager',
]);

/**
 * Organizations named by the title of their officer: "Velquor CEO Pell Varnado" (a capitalised
 * name, a corporate title, a person's name) and "Tova Reinholt, chairman of Velquor". The name
 * is one to three capitalised words that are no common vocabulary (or acronyms).
 */
export function titledOrgs(opts: {
  text: string;
  tokens: EnToken[];
  lex: Lexicon;
  isFree: (s: { start: number; end: number }) => boolean;
}): AppositionOrg[] {
  const { text, tokens, lex, isFree } = opts;
  const out: AppositionOrg[] = [];
  const nameLike = (t: EnToken) => t.cap && (/^[A-Z0-9&.\-]{2,}$/.test(t.word) || !enWord(t.word).common) && !enWord(t.word).firstName;
  const kindOf = (title: string): OrganizationKind => (COMPANY_TITLES.has(title) ? 'company' : 'other');
  for (let i = 1; i < tokens.length; i++) {
    if (!tokens[i].cap || tokens[i].gap !== ' ') continue;
    const tb = titleBefore(lex, text, tokens[i].start);
    if (!tb || !CORPORATE_TITLES.has(tb.def.title)) continue;
    // the capitalised words right before the title ("Velquor CEO", "Velquor's chairman")
    let k = i - 1;
    while (k >= 0 && tokens[k].start >= tb.start) k--;
    if (k < 0 || !nameLike(tokens[k]) || !/^(?:['’]s)? $/.test(text.slice(tokens[k].start + tokens[k].word.length, tb.start))) continue;
    let a = k;
    while (a > 0 && k - a < 2 && tokens[a].gap === ' ' && nameLike(tokens[a - 1]) && !tokens[a - 1].poss) a--;
    const sp = { start: tokens[a].start, end: tokens[k].start + tokens[k].word.length };
    if (isFree(sp)) out.push({ ...sp, name: text.slice(sp.start, sp.end), kind: kindOf(tb.def.title) });
  }
  // "..., chairman of Velquor"
  const re =
    /, (?:the )?([A-Za-z][A-Za-z\- ]{1,30}?) of (?:the )?((?:[A-Z][\p{L}&\-]*)(?: [A-Z][\p{L}&\-]*){0,2})(?=[,.;)]| (?:said|says|told|and|who)\b)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!CORPORATE_TITLES.has(m[1])) continue;
    const start = m.index + m[0].length - m[2].length;
    const words = m[2].split(' ');
    if (!words.every((w) => /^[A-Z0-9&.\-]{2,}$/.test(w) || !enWord(w).common)) continue;
    const sp = { start, end: start + m[2].length };
    if (isFree(sp)) out.push({ ...sp, name: m[2], kind: kindOf(m[1]) });
  }
  return out;
}

/**
 * Team names: "the Tampa Bay Rays", "the Harbor Lions" — "the", capitalised words, a capitalised
 * plural last (not a place head, not an event such as "Games"). A city inside the name is part
 * of the team's name, not a place mention.
 */
export function teamNames(opts: { text: string; tokens: EnToken[]; lex: Lexicon; isPlaceHead: (w: string) => boolean }): AppositionOrg[] {
  const { text, tokens, lex } = opts;
  const g = enGrammar(lex);
  const out: AppositionOrg[] = [];
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i - 1].word.toLowerCase() !== 'the' || !tokens[i].cap || tokens[i].gap !== ' ') continue;
    let j = i;
    while (j + 1 < tokens.length && j - i < 3 && !tokens[j].poss && tokens[j + 1].gap === ' ' && tokens[j + 1].cap) j++;
    const last = tokens[j].word;
    if (j === i || !/^\p{Lu}\p{Ll}+[^s]s$/u.test(last) || opts.isPlaceHead(last) || g.eventHeads.has(last)) continue;
    const end = tokens[j].start + last.length;
    out.push({ start: tokens[i].start, end, name: text.slice(tokens[i].start, end), kind: 'sports' });
    i = j;
  }
  return out;
}
