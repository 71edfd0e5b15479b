import { enGrammar } from './en-orgs';
import { enWord } from './en-words';
import type { EnForm, Lexicon, LexEntity } from './lexicon';
import { matchEn } from './topics';

/**
 * Countries in English text: extra forms (Britain, U.S), what a match means in its context (a
 * capital acting for its government is the country; a demonym naming a language is nothing), the
 * owner of a shared demonym, and countries written inside longer names ("Japan's foreign ministry").
 */

let countryWords: { lex: Lexicon; words: Set<string> } | undefined;

/** One-word country names and demonyms of the lexicon (Thailand, Thai, Japanese). */
export function countryWord(lex: Lexicon, w: string): boolean {
  if (countryWords?.lex !== lex) {
    const words = new Set<string>();
    for (const forms of lex.en.values()) for (const f of forms) if (f.entity.type === 'country' && f.raw.length === 1) words.add(f.raw[0]);
    countryWords = { lex, words };
  }
  return countryWords.words.has(w);
}

export type LexMatch = { start: number; end: number; entity: LexEntity; form: EnForm };

/** English country forms the lexicon lacks (Britain, U.S without its last stop), from en-grammar.json. */
export function extraCountryForms(opts: { text: string; lex: Lexicon }): LexMatch[] {
  const { text, lex } = opts;
  const out: LexMatch[] = [];
  for (const [iso2, forms] of Object.entries(enGrammar(lex).countryForms)) {
    const entity = lex.countries.get(iso2);
    if (!entity) continue;
    for (const f of forms) {
      for (let i = text.indexOf(f); i >= 0; i = text.indexOf(f, i + 1)) {
        const e = i + f.length;
        if (/[\p{L}\p{N}.]/u.test(text[i - 1] ?? '') || /^(?:[\p{L}\p{N}]|\.\p{L})/u.test(text.slice(e, e + 2)) || text[e] === '$')
          continue;
        out.push({ start: i, end: e, entity, form: { entity, tokens: [f.toLowerCase()], raw: [f], caseSensitive: true } });
      }
    }
  }
  return out;
}

let capitals: { lex: Lexicon; byName: Map<string, string> } | undefined;

/** ISO2 of the country whose capital this place is (countries.json names the capital in Chinese). */
export function capitalOf(lex: Lexicon, e: LexEntity): string | undefined {
  if (e.type !== 'place') return undefined;
  if (capitals?.lex !== lex) {
    const byName = new Map<string, string>();
    for (const c of lex.countries.values()) if (c.capital && c.iso2) byName.set(c.capital, c.iso2);
    capitals = { lex, byName };
  }
  const m = capitals.byName;
  return m.get(e.name) ?? m.get(e.name.replace(/[市都]$/, '')) ?? e.aliases.map((a) => m.get(a)).find(Boolean);
}

const STANCE_NOUNS =
  /\b(?:reprisals?|retaliation|pressure|criticism|protests?|response|warnings?|threats?|coercion|objections?|sanctions|demands?|condemnation|backlash|ire|anger|wrath|displeasure|fury)\s+(?:from|by|of)\s$/;
const AGENT_BEFORE =
  /\b(?:by|urged|pressed|accused|told|warned|informed|notified|asked|criticized|criticised|condemned|thanked|praised|blamed|congratulated|lobbied|pressured)\s$/;

/**
 * What a lexicon match means here: the entity, its country (a capital acting: "Tokyo faced",
 * "announced by Washington", "reprisals from Beijing"), or nothing (a demonym naming a language,
 * "written in Chinese, Japanese and Spanish"; a region inside an event's name, "Arctic Open").
 */
export function senseOf(opts: { text: string; lex: Lexicon; m: LexMatch }): 'entity' | 'country' | 'none' {
  const { text, lex, m } = opts;
  const g = enGrammar(lex);
  const surface = text.slice(m.start, m.end);
  const after = text.slice(m.end, m.end + 40);
  const before = text.slice(Math.max(0, m.start - 120), m.start);
  if (m.entity.type === 'country' && (m.entity.adjectives ?? []).includes(surface)) {
    if (/^[ -](?:language|languages|subtitles|translation|version|dialect)\b/.test(after)) return 'none';
    // walk back over a list of capitalised words to the word that governs it
    const list = /((?:\p{Lu}[\p{L}]*(?: \p{Lu}[\p{L}]*)*(?:,? and |,? or |, ))*)$/u.exec(before)?.[1] ?? '';
    const head = /([\p{L}]+)\s$/u.exec(before.slice(0, before.length - list.length))?.[1]?.toLowerCase();
    const standsAlone = /^(?:,|\.|;| and | or |\)|$)/.test(after);
    if (standsAlone && head && g.languageCues.has(head)) return 'none';
  }
  if (m.entity.type === 'place') {
    const ev = /^ (\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?)/u.exec(after)?.[1];
    if (ev && (g.eventHeads.has(ev) || g.eventHeads.has(ev.split(' ')[0]))) return 'none';
    const iso = capitalOf(lex, m.entity);
    if (iso && lex.countries.has(iso)) {
      const next = /^(?:['’]s)? ([a-z]+)/.exec(after)?.[1];
      const acts = !!next && enWord(next).verb && !/ing$/.test(next) && !/^(?:in|on|at|to)$/.test(next);
      if (/^['’]s [a-z]/.test(after) || acts || STANCE_NOUNS.test(before) || (AGENT_BEFORE.test(before) && !/^(?:,| and)/.test(after)))
        return 'country';
    }
  }
  return 'entity';
}

let countryIndex: { lex: Lexicon; index: Map<string, EnForm[]> } | undefined;

/** A country written as the owner at the start of a name (possessive or adjective) or after its last "of". */
export function countryInside(lex: Lexicon, name: string): { start: number; end: number; entity: LexEntity }[] {
  if (countryIndex?.lex !== lex) {
    const index = new Map<string, EnForm[]>();
    for (const [k, forms] of lex.en) {
      const cs = forms.filter((f) => f.entity.type === 'country');
      if (cs.length) index.set(k, cs);
    }
    countryIndex = { lex, index };
  }
  return matchEn({ norm: name, index: countryIndex.index }).filter((c) => {
    if (c.entity.type !== 'country') return false;
    const surface = name.slice(c.start, c.end);
    const atStart = c.start === 0 && (/^['’]s /.test(name.slice(c.end)) || (c.entity.adjectives ?? []).includes(surface));
    const atEnd = c.end === name.length && / of (?:the )?$/.test(name.slice(0, c.start));
    return atStart || atEnd;
  });
}

let demonyms: { lex: Lexicon; owners: Map<string, LexEntity[]>; curated: Map<string, LexEntity> } | undefined;

/** The country a demonym belongs to: the one countries.json lists it for, else the only one; null when shared. */
export function demonymOwner(lex: Lexicon, adj: string): LexEntity | null | undefined {
  if (demonyms?.lex !== lex) {
    const owners = new Map<string, LexEntity[]>();
    for (const c of lex.countries.values()) for (const a of c.adjectives ?? []) owners.set(a, [...(owners.get(a) ?? []), c]);
    const curated = new Map<string, LexEntity>();
    for (const [a, iso2] of Object.entries(enGrammar(lex).curatedDemonyms)) {
      const c = lex.countries.get(iso2);
      if (c) curated.set(a, c);
    }
    demonyms = { lex, owners, curated };
  }
  const cur = demonyms.curated.get(adj);
  if (cur) return cur;
  const list = demonyms.owners.get(adj) ?? [];
  return list.length > 1 ? null : list[0];
}
