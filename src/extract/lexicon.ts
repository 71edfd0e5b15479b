import * as fs from 'fs';
import * as path from 'path';
import type { EntityType, OrganizationKind } from '../domain/types';
import { isOneOf, ORGANIZATION_KINDS } from '../domain/vocabulary';
import { normalizeForm } from './normalize';
import { SurfaceTrie } from './trie';

/** One curated entity (country, place, organization, person or topic) as extraction uses it. */
export interface LexEntity {
  id: string;
  type: EntityType;
  /** Canonical Chinese (Traditional) name; for topics the zh label. */
  name: string;
  en?: string;
  aliases: string[];
  iso2?: string;
  kind?: OrganizationKind;
  placeKind?: string;
  /** ISO2 of the containing country. */
  country?: string;
  /** Containing place / parent organization / parent topic id. */
  parent?: string;
  party?: string;
  roles?: { title?: string; titleEn?: string; org?: string }[];
  /** Countries: one-character forms accepted only inside compounds. */
  short?: string[];
  adjectives?: string[];
  capital?: string;
  keywords?: string[];
  /** The name also means something else (漢堡 hamburger / Hamburg, 樂天 Rakuten / the team): needs corroboration. */
  ambiguous?: boolean;
  /** A party's camp colour in Taiwanese usage (藍, 綠, 白): 藍白聯手 names two parties. */
  camp?: string;
}

export type TitleObject = 'org' | 'country' | 'city' | 'legislature' | 'none';

export interface TitleDef {
  /** The title as written (Traditional Chinese or English). */
  title: string;
  en?: string;
  object: TitleObject;
  /** Organization the title implies when none is written before it (立委 -> 立法院). */
  org?: string;
  /** Without a written country, a head-of-state title means the article's home country. */
  home?: boolean;
  /** Titles such as 前總統 keep their HOLDS_ROLE (the gold and the graph record former roles too). */
  former?: boolean;
  /** Party-member titles (立委, 議員) make "party + title + name" a MEMBER_OF. */
  member?: boolean;
}

/** A surface form in the Chinese trie. */
export interface ZhForm {
  entity: LexEntity;
  /** One-character country forms, compounds and suffixed forms need word boundaries. */
  needsBoundary: boolean;
  /** Compounds such as 台美 name two countries. */
  also?: LexEntity;
  /** The form is a metonym or demonym of the entity rather than its name. */
  weak?: boolean;
}

export interface EnForm {
  entity: LexEntity;
  /** Lower-case tokens. */
  tokens: string[];
  /** Tokens as written in the lexicon, for case-sensitive forms. */
  raw: string[];
  caseSensitive: boolean;
}

export interface Lexicon {
  byId: Map<string, LexEntity>;
  zh: SurfaceTrie<ZhForm>;
  /** Topic keywords (normalised) -> topics. */
  zhTopics: SurfaceTrie<LexEntity>;
  /** First token (lower-case) -> English forms starting with it. */
  en: Map<string, EnForm[]>;
  enTopics: Map<string, EnForm[]>;
  titlesZh: SurfaceTrie<TitleDef>;
  titlesEn: TitleDef[];
  surnames: Set<string>;
  /** Normalised surnames, for matching against normalised text. */
  surnamesNorm: Set<string>;
  stop: {
    personZh: Set<string>;
    personEn: Set<string>;
    keywordsZh: Set<string>;
    keywordsEn: Set<string>;
  };
  /** Countries by ISO2, for English demonyms and compounds. */
  countries: Map<string, LexEntity>;
  /** Normalised user-dictionary lines for jieba: every known name in one batch. */
  jiebaWords: string[];
  /** Known Chinese names (normalised) -> entity, to recognise lexicon people inside patterns. */
  peopleByNorm: Map<string, LexEntity>;
  /** Lexicon people whose English name is a romanised Chinese name, by normalised zh name. */
  dir: string;
}

let cached: Lexicon | undefined;
/** seeds/lexicon of this package; config.ts reads NEWSGRAPH_LEXICON_DIR and start-up passes it to configureLexicon. */
export const DEFAULT_LEXICON_DIR = path.resolve(__dirname, '..', '..', 'seeds', 'lexicon');
let lexiconDir = DEFAULT_LEXICON_DIR;

/** Points extraction at another lexicon directory (start-up, tests) and drops the cached one. */
export function configureLexicon(opts: { dir?: string }): void {
  if (opts.dir) lexiconDir = opts.dir;
  cached = undefined;
}

/** The directory extraction reads its lexicon from (worker threads are pointed at the same one). */
export function lexiconDirectory(): string {
  return lexiconDir;
}

export function getLexicon(): Lexicon {
  if (!cached) cached = buildLexicon(lexiconDir);
  return cached;
}

/** A lexicon file that cannot be used as it is: the file and the problem, so the editor can fix it. */
export class LexiconError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`Lexicon file ${file}: ${problem}`);
    this.name = 'LexiconError';
  }
}

/**
 * The entries of a JSON lexicon file (none when the directory has no such file). A file that does
 * not parse, is not an array, or has an entry without its required text fields fails loudly: a
 * silently empty lexicon would quietly change every extraction.
 */
function readJsonArray(dir: string, file: string, required: readonly string[] = []): any[] {
  const p = path.join(dir, file);
  if (!fs.existsSync(p)) return [];
  let v: unknown;
  try {
    v = JSON.parse(fs.readFileSync(p, 'utf8'));
  } catch (err) {
    throw new LexiconError(p, `not valid JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(v)) throw new LexiconError(p, `must hold a JSON array, got ${v === null ? 'null' : typeof v}`);
  v.forEach((entry: unknown, i) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry))
      throw new LexiconError(p, `entry ${i} must be an object, got ${JSON.stringify(entry)}`);
    for (const field of required) {
      const value = (entry as Record<string, unknown>)[field];
      if (typeof value !== 'string' || !value.trim())
        throw new LexiconError(p, `entry ${i} needs "${field}" as a non-empty string, got ${JSON.stringify(value)}`);
    }
    const kind = (entry as Record<string, unknown>).kind;
    if (file === 'organizations.json' && kind !== undefined && !isOneOf(ORGANIZATION_KINDS, kind)) {
      throw new LexiconError(p, `entry ${i} has kind ${JSON.stringify(kind)}; known kinds: ${ORGANIZATION_KINDS.join(', ')}`);
    }
  });
  return v;
}

function readLines(p: string): string[] {
  if (!fs.existsSync(p)) return [];
  return fs
    .readFileSync(p, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
}

function strArr(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
}

const HAN_RE = /[\u3400-\u9fff]/;

/** Latin-script words: Han characters are not letters here, so "Euractiv報導" still yields "Euractiv". */
export const EN_TOKEN_RE = /[\p{Script=Latin}\p{N}]+(?:[.'’&\-][\p{Script=Latin}\p{N}]+)*\.?/gu;

export function tokenizeEn(s: string): string[] {
  return s.match(new RegExp(EN_TOKEN_RE.source, 'gu')) ?? [];
}

/**
 * An ambiguous lexicon entity counts only when the article corroborates it: a longer form of
 * the same entity, its parent, or (for a foreign place) its country is also mentioned.
 * `present` holds the ids and `surfaces` the normalised forms matched anywhere in the text.
 */
export function corroborated(e: LexEntity, surface: string, present: Set<string>, surfaces: Map<string, Set<string>>): boolean {
  if (!e.ambiguous) return true;
  const forms = surfaces.get(e.id);
  if (forms && [...forms].some((f) => f.length > surface.length)) return true;
  if (e.parent && present.has(e.parent)) return true;
  if (e.country && e.country !== 'TW' && present.has(`country:${e.country}`)) return true;
  return false;
}

function buildLexicon(dir: string): Lexicon {
  const byId = new Map<string, LexEntity>();
  const countries = new Map<string, LexEntity>();

  const add = (e: LexEntity) => {
    const prev = byId.get(e.id);
    if (prev) {
      // two files (or a file and world-countries) describe the same thing: merge the forms
      prev.aliases = [...new Set([...prev.aliases, ...e.aliases])];
      prev.en = prev.en ?? e.en;
      prev.adjectives = [...new Set([...(prev.adjectives ?? []), ...(e.adjectives ?? [])])];
      prev.short = [...new Set([...(prev.short ?? []), ...(e.short ?? [])])];
      return prev;
    }
    byId.set(e.id, e);
    return e;
  };

  for (const c of readJsonArray(dir, 'countries.json', ['iso2', 'name'])) {
    if (!c || typeof c.iso2 !== 'string' || typeof c.name !== 'string') continue;
    const iso2 = c.iso2.toUpperCase();
    const e = add({
      id: `country:${iso2}`,
      type: 'country',
      name: c.name,
      en: c.en,
      iso2,
      aliases: strArr(c.aliases),
      short: strArr(c.short),
      adjectives: strArr(c.adjectives),
      capital: typeof c.capital === 'string' ? c.capital : undefined,
    });
    countries.set(iso2, e);
  }
  addWorldCountries({ countries, add });

  // Hong Kong and Macau are places in this graph, whatever the country list says
  for (const iso of ['HK', 'MO']) {
    const c = countries.get(iso);
    if (!c) continue;
    countries.delete(iso);
    byId.delete(c.id);
    add({ ...c, id: `place:${c.name}`, type: 'place', iso2: undefined, country: 'CN', short: [] });
  }
  for (const p of readJsonArray(dir, 'places.json', ['name'])) {
    if (!p || typeof p.name !== 'string') continue;
    add({
      id: typeof p.id === 'string' ? p.id : `place:${p.name}`,
      type: 'place',
      name: p.name,
      en: p.en,
      aliases: strArr(p.aliases),
      placeKind: p.kind,
      country: p.country,
      parent: p.parent,
      ambiguous: p.ambiguous === true,
    });
  }
  for (const o of readJsonArray(dir, 'organizations.json', ['name'])) {
    if (!o || typeof o.name !== 'string') continue;
    add({
      id: typeof o.id === 'string' ? o.id : `org:${o.name}`,
      type: 'organization',
      name: o.name,
      en: o.en,
      aliases: strArr(o.aliases),
      kind: o.kind ?? 'other',
      country: o.country,
      parent: o.parent,
      ambiguous: o.ambiguous === true,
      camp: typeof o.camp === 'string' && o.kind === 'party' ? o.camp : undefined,
    });
  }
  for (const p of readJsonArray(dir, 'people.json', ['name'])) {
    if (!p || typeof p.name !== 'string') continue;
    add({
      id: typeof p.id === 'string' ? p.id : `person:${p.name}`,
      type: 'person',
      name: p.name,
      en: p.en,
      aliases: strArr(p.aliases),
      country: p.country,
      party: p.party,
      roles: Array.isArray(p.roles) ? p.roles : [],
    });
  }
  for (const t of readJsonArray(dir, 'topics.json', ['id'])) {
    if (!t || typeof t.id !== 'string') continue;
    const name = typeof t.zh === 'string' ? t.zh : typeof t.name === 'string' ? t.name : t.en;
    if (!name) continue;
    add({ id: t.id, type: 'topic', name, en: t.en, aliases: [], parent: t.parent, keywords: strArr(t.keywords) });
  }

  const zh = new SurfaceTrie<ZhForm>();
  const zhTopics = new SurfaceTrie<LexEntity>();
  const en = new Map<string, EnForm[]>();
  const enTopics = new Map<string, EnForm[]>();
  const jiebaWords = new Set<string>();
  const peopleByNorm = new Map<string, LexEntity>();

  const addEn = (map: Map<string, EnForm[]>, form: string, entity: LexEntity) => {
    const tokens = tokenizeEn(form);
    if (!tokens.length) return;
    // a one-word form (KMT, Lai, China) must match exactly; longer names match case-insensitively
    const caseSensitive = tokens.length === 1;
    const key = tokens[0].toLowerCase();
    const list = map.get(key) ?? [];
    const lower = tokens.map((t) => t.toLowerCase());
    if (!list.some((f) => f.entity === entity && f.tokens.join(' ') === lower.join(' '))) {
      list.push({ entity, tokens: lower, raw: tokens, caseSensitive });
      map.set(key, list);
    }
  };

  for (const e of byId.values()) {
    if (e.type === 'topic') {
      for (const k of [e.name, ...(e.keywords ?? [])]) {
        if (HAN_RE.test(k)) zhTopics.add(normalizeForm(k), e);
        else addEn(enTopics, k, e);
      }
      if (e.en) addEn(enTopics, e.en, e);
      continue;
    }
    const forms = new Set([e.name, ...e.aliases]);
    for (const f of forms) {
      if (HAN_RE.test(f)) {
        const n = normalizeForm(f);
        if (n.length < 2 && e.type !== 'country') continue;
        if (n.length < 2) continue; // one-character country forms come in via `short` compounds only
        zh.add(n, { entity: e, needsBoundary: n.length === 2 && (e.type === 'place' || e.type === 'organization') });
        jiebaWords.add(n);
        if (e.type === 'person') peopleByNorm.set(n, e);
      } else if (e.type !== 'country' || f.length > 3 || /[.]/.test(f) || /^[A-Z]{2,3}$/.test(f)) {
        addEn(en, f, e);
      }
    }
    if (e.en) addEn(en, e.en, e);
    for (const a of e.adjectives ?? []) addEn(en, a, e);
  }
  addCountryCompounds({ zh, countries, jiebaWords });

  const titles = loadTitles(dir);
  const titlesZh = new SurfaceTrie<TitleDef>();
  for (const t of titles.zh) {
    titlesZh.add(normalizeForm(t.title), t);
    jiebaWords.add(normalizeForm(t.title));
  }

  const surnames = new Set(readLines(path.join(dir, 'surnames.txt')).flatMap((l) => l.split(/\s+/)));
  const surnamesNorm = new Set([...surnames].map(normalizeForm));
  const stopDir = path.join(dir, 'stopwords');
  const stopSet = (file: string, norm: boolean) =>
    new Set(
      readLines(path.join(stopDir, file))
        .flatMap((l) => l.split(/\s+/))
        .map((w) => (norm ? normalizeForm(w) : w.toLowerCase())),
    );

  return {
    byId,
    zh,
    zhTopics,
    en,
    enTopics,
    titlesZh,
    titlesEn: titles.en,
    surnames,
    surnamesNorm,
    stop: {
      personZh: stopSet('zh-person.txt', true),
      personEn: stopSet('en-person.txt', false),
      keywordsZh: stopSet('zh-keywords.txt', true),
      keywordsEn: stopSet('en-keywords.txt', false),
    },
    countries,
    jiebaWords: [...jiebaWords],
    peopleByNorm,
    dir,
  };
}

function loadTitles(dir: string): { zh: TitleDef[]; en: TitleDef[] } {
  const parse = (file: string) =>
    readJsonArray(dir, file, ['title'])
      .filter((t) => t && typeof t.title === 'string')
      .map((t): TitleDef => ({
        title: t.title,
        en: t.en,
        object: t.object ?? 'org',
        org: t.org,
        home: !!t.home,
        former: !!t.former,
        member: !!t.member,
      }));
  return { zh: parse('titles.json'), en: parse('en-titles.json') };
}

/**
 * world-countries fills in the countries the hand-kept file lacks (its Chinese names are
 * converted like any other form), plus English spellings and demonyms.
 */
function addWorldCountries(opts: { countries: Map<string, LexEntity>; add: (e: LexEntity) => LexEntity }): void {
  let list: any[];
  try {
    list = require('world-countries');
  } catch {
    return;
  }
  for (const c of list) {
    const iso2 = c.cca2;
    if (!iso2) continue;
    const zho = c.translations?.zho ?? c.name?.native?.zho;
    const existing = opts.countries.get(iso2);
    const name = existing?.name ?? zho?.common ?? c.name.common;
    const enNames = [c.name.common, c.name.official].filter(Boolean);
    const alt = strArr(c.altSpellings).filter((a) => a.length > 3 && /^[\x20-\x7e]+$/.test(a));
    const demonyms = [c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter(Boolean);
    // Hong Kong and Macau are places in this graph (see the corpus rules)
    if (iso2 === 'HK' || iso2 === 'MO') continue;
    const e = opts.add({
      id: `country:${iso2}`,
      type: 'country',
      name,
      en: existing?.en ?? c.name.common,
      iso2,
      aliases: [...(zho ? [zho.common, zho.official] : []), ...enNames, ...alt].filter(Boolean),
      adjectives: demonyms,
    });
    opts.countries.set(iso2, e);
  }
}

/** Relational suffixes after a one-character country form: 美方, 台股, 日商, 陸企 ... */
const SHORT_SUFFIXES = ['方', '股', '籍', '商', '企', '資', '軍', '艦', '媒', '廠', '胞'];

/**
 * One-character forms are accepted only in compounds: two or three of them together (台美,
 * 美中, 美日韓) or one with a relational suffix (美方, 台股). Compounds are added as trie forms
 * so that longer real words (台中市, 中美洲, 美食) keep winning by length or never match.
 */
function addCountryCompounds(opts: { zh: SurfaceTrie<ZhForm>; countries: Map<string, LexEntity>; jiebaWords: Set<string> }): void {
  const shorts: [string, LexEntity][] = [];
  for (const c of opts.countries.values()) for (const s of c.short ?? []) if ([...s].length === 1) shorts.push([normalizeForm(s), c]);
  // pairs that are ordinary words or places rather than two countries
  const notCompounds = new Set(['台中', '中台', '陸軍', '中軍'].map(normalizeForm));
  for (const [a, ea] of shorts) {
    for (const [b, eb] of shorts) {
      if (ea === eb || notCompounds.has(a + b)) continue;
      opts.zh.add(a + b, { entity: ea, also: eb, needsBoundary: true });
    }
    for (const suf of SHORT_SUFFIXES) {
      const form = a + normalizeForm(suf);
      if (!notCompounds.has(form)) opts.zh.add(form, { entity: ea, needsBoundary: true });
    }
  }
}
