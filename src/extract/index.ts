import type { Article, Cooccurrence, Entity, ExtractOptions, Extraction, Mention } from '../domain/types';
import { articleText } from '../domain/article-text';
import { addCredits } from './credits';
import { DocState, splitSentences } from './doc';
import { extractEn } from './en-entities';
import { addKnownLatin, knownIndex, obeyCuration } from './known';
import { getLexicon } from './lexicon';
import { codePointCount, hanRatio, isSimplifiedText, normalizeTextUnits } from './normalize';
import { addTopics, matchEn } from './topics';
import { extractZh } from './zh-extract';

export { configureLexicon, getLexicon, lexiconDirectory } from './lexicon';

/**
 * Article -> entities, mentions, relations and co-occurrences. Pure and deterministic; the
 * only I/O is loading the lexicon (and jieba's dictionary) once, on first use.
 */
export function extract(article: Article, options: ExtractOptions = {}): Extraction {
  const lex = getLexicon();
  const body = articleText(article);
  const captions = article.captions ?? [];
  const lang = isEnglish(article, body) ? 'en' : 'zh';
  // Chinese captions are read too (people and bodies named only under a photo), after the body so
  // that body offsets stay as they are; hits there count as caption mentions, without an offset
  const text = lang === 'zh' && captions.length ? `${body}\n\n${captions.join('\n')}` : body;
  const { chars, norm } = normalizeTextUnits(text);
  const titleLength = codePointCount(article.title);
  const doc = new DocState(text, chars, norm, titleLength, splitSentences(chars), lang);
  doc.hans = lang === 'zh' && isSimplifiedText(chars, norm);
  doc.bodyEnd = codePointCount(body);
  const authors = (article.authors ?? []).map((a) => a.name).filter(Boolean);

  const known = options.known?.length ? knownIndex(options.known, lex) : undefined;
  if (lang === 'zh') {
    extractZh({ doc, lex, authors, captions, known });
    // Latin names inside Chinese text (IPAC, Euractiv, NHK)
    for (const m of matchEn({ norm, index: lex.en })) {
      if (m.entity.type !== 'organization' || doc.isClaimed(m.start, m.end)) continue;
      // a lone Latin letter in Chinese text is a symbol (X光, A股), not a name
      if (m.end - m.start < 2) continue;
      doc.upsertLex(m.entity);
      doc.addHit({ id: m.entity.id, start: m.start, end: m.end });
    }
    addBracketedAcronyms(doc);
  } else {
    // what the graph already knows is read first: the English recognizers skip claimed spans
    if (known) addKnownLatin(doc, known);
    extractEn({ doc, lex, authors, captions });
  }
  addCredits({ doc, lex, article });
  addTopics({ doc, lex, article });
  if (options.known) obeyCuration(doc, options.known);
  return finish(doc);
}

/** An acronym in brackets right after an organization's name: 國際羽球總會（BWF）. */
const BRACKETED_ACRONYM = /^\s?\(([A-Z][A-Za-z&]{1,9})\)/;

/**
 * A Latin acronym given in brackets after an organization's Chinese name is that
 * organization's short form: an alias, and its later bare mentions (BWF表示) are hits of it.
 */
function addBracketedAcronyms(doc: DocState): void {
  const acronyms = new Map<string, string>();
  // the bracket itself repeats the name it follows: not a mention of its own
  const glosses = new Set<number>();
  for (const h of doc.hits) {
    if (h.start < 0 || h.caption || doc.entities.get(h.id)?.type !== 'organization') continue;
    const m = BRACKETED_ACRONYM.exec(doc.norm.slice(h.end, h.end + 14));
    if (!m || (m[1].match(/[A-Z]/g)?.length ?? 0) < 2) continue;
    glosses.add(h.end + m[0].indexOf(m[1]));
    if (!acronyms.has(m[1])) acronyms.set(m[1], h.id);
  }
  for (const [acronym, id] of acronyms) {
    const e = doc.entities.get(id)!;
    if (!e.aliases.includes(acronym) && e.name !== acronym) e.aliases.push(acronym);
    for (let at = doc.norm.indexOf(acronym); at >= 0; at = doc.norm.indexOf(acronym, at + acronym.length)) {
      const end = at + acronym.length;
      // a whole word: not part of a longer Latin run (BWFX, aBWF)
      if (
        /[A-Za-z0-9]/.test(doc.norm[at - 1] ?? '') ||
        /[A-Za-z0-9]/.test(doc.norm[end] ?? '') ||
        doc.isClaimed(at, end) ||
        glosses.has(at)
      )
        continue;
      doc.addHit({ id, start: at, end });
    }
  }
}

function isEnglish(article: Article, text: string): boolean {
  const l = (article.language ?? '').toLowerCase();
  if (l.startsWith('en')) return hanRatio(text) < 0.5;
  if (l.startsWith('zh')) return false;
  return hanRatio(text) < 0.2;
}

function finish(doc: DocState): Extraction {
  const total = Math.max(1, doc.chars.length);
  const byId = new Map<string, { count: number; first: number; headline: boolean; credit: boolean }>();
  for (const h of doc.hits) {
    if (!doc.entities.has(h.id)) continue;
    const cur = byId.get(h.id) ?? { count: 0, first: Number.POSITIVE_INFINITY, headline: false, credit: true };
    cur.count++;
    if (!h.credit) cur.credit = false;
    if (!h.caption && h.start >= 0 && h.start < doc.bodyEnd) {
      cur.first = Math.min(cur.first, h.start);
      if (h.start < doc.titleLength) cur.headline = true;
    }
    byId.set(h.id, cur);
  }
  const mentions: Mention[] = [];
  for (const [id, m] of byId) {
    const first = Number.isFinite(m.first) ? m.first : -1;
    const early = first >= 0 ? 1 - first / total : 0;
    const salience = Math.min(1, (m.headline ? 0.4 : 0) + 0.35 * Math.min(1, m.count / 5) + 0.25 * early);
    const mention: Mention = { entityId: id, count: m.count, firstOffset: first, inHeadline: m.headline, salience: round(salience) };
    if (m.credit) mention.credit = true;
    mentions.push(mention);
  }
  const entities: Entity[] = [...doc.entities.values()].filter((e) => byId.has(e.id));
  const firstOf = (id: string) => {
    const f = byId.get(id)!.first;
    return Number.isFinite(f) ? f : Number.MAX_SAFE_INTEGER;
  };
  entities.sort((a, b) => firstOf(a.id) - firstOf(b.id) || compareIds(a.id, b.id));
  for (const e of entities) e.aliases = [...new Set(e.aliases.filter((a) => a && a !== e.name))];
  mentions.sort((a, b) => b.salience - a.salience || compareIds(a.entityId, b.entityId));

  const present = new Set(entities.map((e) => e.id));
  const relations = doc.relations.filter((r) => present.has(r.from) && present.has(r.to));

  // sentence-level co-occurrence, counted in a map per first id (no pair keys to build and split)
  const pairs = new Map<string, Map<string, number>>();
  const sentHits = new Map<number, Set<string>>();
  for (const h of doc.hits) {
    if (h.caption || h.start < 0 || h.start >= doc.bodyEnd || !present.has(h.id)) continue;
    const s = doc.sentenceAt(h.start).start;
    const set = sentHits.get(s) ?? new Set<string>();
    set.add(h.id);
    sentHits.set(s, set);
  }
  for (const set of sentHits.values()) {
    const ids = [...set].sort();
    for (let i = 0; i < ids.length; i++) {
      let row = pairs.get(ids[i]);
      if (!row) pairs.set(ids[i], (row = new Map()));
      for (let j = i + 1; j < ids.length; j++) row.set(ids[j], (row.get(ids[j]) ?? 0) + 1);
    }
  }
  const cooccurrences: Cooccurrence[] = [];
  for (const [a, row] of pairs) for (const [b, count] of row) cooccurrences.push({ a, b, count });
  cooccurrences.sort((x, y) => y.count - x.count || compareIds(x.a, y.a) || compareIds(x.b, y.b));

  return { entities, mentions, relations, cooccurrences };
}

/** Ids in code-unit order: deterministic, and far cheaper than a locale's collation. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
