import * as OpenCC from 'opencc-js';
import { words } from '../domain/article-text';

/**
 * Story scoring: how likely two articles report the same event, and what an article arriving
 * now should do with the recent stories it shares something with. Pure: no I/O, no clock; the
 * store gathers the candidates and writes the decision.
 *
 * Signals, each in 0..1:
 * - entities: cosine of the two articles' entity vectors, each entity weighted by its rarity
 *   (IDF from the graph's mention counts) and its salience in the article. Entity ids are the
 *   same in zh-Hant, zh-Hans and English, so this is the signal that crosses languages.
 * - text: overlap of character bigrams of title and lead, after folding Traditional to
 *   Simplified script (and case, width, punctuation), so 臺灣/台湾 and 颱風/台风 compare equal.
 *   Only used when both articles are written in the same script family.
 * - time: the score decays with the days between the articles and is zero beyond the window.
 *
 * Same subject is not same event: a person's verdict and their return to office share the rare
 * person entity, but not the event's topics, title words or day, so both the entity cosine
 * (the unshared salient topics weigh in the norm) and the text overlap stay low.
 */

export interface StoryEntity {
  id: string;
  /** 0..1, how central the entity is to the article. */
  salience: number;
  /** Articles in the graph that mention it (document frequency). */
  df: number;
  /** person, organization, country, place or topic. */
  type?: string;
}

export interface StoryArticle {
  id: string;
  title: string;
  lead: string;
  language: string;
  /** ISO date or date-time; absent when the article carries no date. */
  publishedAt?: string | null;
  /** Entities the text names (credits such as byline outlets are not in here). */
  entities: StoryEntity[];
}

export interface ScoreParams {
  /** Days within which two articles may be one story. */
  joinWindowDays: number;
  /** Days within which a later story may FOLLOW an earlier one. */
  followWindowDays: number;
  /** Days without decay, then the join score halves every `halfLifeDays`. */
  graceDays: number;
  halfLifeDays: number;
  /** Weight of the entity signal when the text signal is available (same script family). */
  entityWeight: number;
  /** Entities in more than this share of all articles carry no weight. */
  maxDfShare: number;
  /** Join the best story when its score reaches this. */
  joinThreshold: number;
  /** A second story scoring this much too is merged into the first (a bridging article). */
  mergeThreshold: number;
  /** A story scoring this much but not joined is linked by FOLLOWS (later -> earlier). */
  followThreshold: number;
  /** Rare shared entities a FOLLOWS link needs, at least one of them not a topic (a person, an organization, a place). */
  followMinShared: number;
  /** An entity counts as rare for FOLLOWS when at most this share of articles (or `rareMinDf`) mention it. */
  rareDfShare: number;
  rareMinDf: number;
  /** A story's score: this share from its best-matching article, the rest from the mean. */
  maxShare: number;
  /** Pseudo-articles added to the graph size in IDF (see `idf`). */
  idfPrior: number;
  /**
   * Below this entity similarity two articles are never one story, however alike their titles:
   * template headlines ("生活", "快訊", a section name) must not glue unrelated pages together.
   */
  minEntities: number;
}

export const DEFAULT_PARAMS: ScoreParams = {
  joinWindowDays: 7,
  followWindowDays: 45,
  graceDays: 1,
  halfLifeDays: 2,
  entityWeight: 0.55,
  maxDfShare: 0.2,
  joinThreshold: 0.26,
  mergeThreshold: 0.4,
  followThreshold: 0.18,
  followMinShared: 2,
  rareDfShare: 0.03,
  rareMinDf: 5,
  maxShare: 0.85,
  idfPrior: 20,
  minEntities: 0.15,
};

let toSimplified: ((s: string) => string) | undefined;

/** Folds script, width, case, spaces and punctuation, so zh-Hant and zh-Hans text compare equal. */
export function foldScript(text: string): string {
  if (!toSimplified) toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
  return toSimplified(text.normalize('NFKC').toLowerCase()).replace(/[\s\p{P}\p{S}]/gu, '');
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The last texts' grams: an arriving article is compared with up to 40 candidates, each of which
 * was compared before (script folding is most of the scorer's time). A memo of a pure function,
 * so results never depend on what it holds.
 */
const GRAM_MEMO_SIZE = 4096;
const gramMemo = new Map<string, Set<string>>();

/** Character bigrams of Chinese text; lower-cased words (and word pairs) of Latin text. */
export function textGrams(text: string): Set<string> {
  const hit = gramMemo.get(text);
  if (hit) return hit;
  const out = computeGrams(text);
  if (gramMemo.size >= GRAM_MEMO_SIZE) gramMemo.delete(gramMemo.keys().next().value as string);
  gramMemo.set(text, out);
  return out;
}

function computeGrams(text: string): Set<string> {
  const out = new Set<string>();
  if (HAN.test(text)) {
    // only Han pairs: digits and Latin runs (dates, tickers, page chrome) match across unrelated pages
    const chars = Array.from(foldScript(text));
    for (let i = 0; i + 2 <= chars.length; i++) if (HAN.test(chars[i]) && HAN.test(chars[i + 1])) out.add(chars[i] + chars[i + 1]);
    return out;
  }
  const kept = words(text).filter((w) => w.length > 2);
  for (const w of kept) out.add(w);
  for (let i = 0; i + 1 < kept.length; i++) out.add(`${kept[i]} ${kept[i + 1]}`);
  return out;
}

/** Share of the smaller set found in the other (overlap coefficient). */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return shared / small.size;
}

export const scriptFamily = (language: string): 'zh' | 'other' => (language.startsWith('zh') ? 'zh' : 'other');

/**
 * Rarity of an entity. `prior` articles that mention nothing are added to the count, so that a
 * young graph (the first articles ever ingested) does not call every entity equally common.
 */
export function idf(df: number, total: number, prior = DEFAULT_PARAMS.idfPrior): number {
  return Math.log((total + prior + 1) / (Math.max(df, 1) + 0.5));
}

function weights(entities: StoryEntity[], total: number, params: ScoreParams): Map<string, number> {
  const out = new Map<string, number>();
  const maxDf = Math.max(2, params.maxDfShare * total);
  for (const e of entities) {
    if (e.df > maxDf) continue;
    const w = Math.max(0, idf(e.df, total, params.idfPrior)) * (0.25 + e.salience);
    if (w > 0) out.set(e.id, Math.max(out.get(e.id) ?? 0, w));
  }
  return out;
}

export interface PairScore {
  score: number;
  entities: number;
  text: number;
  days: number | null;
  /** Shared entity ids, rarest first. */
  shared: string[];
}

/** Whole days between two ISO dates (null when one is missing). */
export function daysBetween(a?: string | null, b?: string | null): number | null {
  if (!a || !b) return null;
  const x = Date.parse(a.slice(0, 10));
  const y = Date.parse(b.slice(0, 10));
  if (Number.isNaN(x) || Number.isNaN(y)) return null;
  return Math.abs(Math.round((x - y) / 86400000));
}

/** Decay of a join score with time: 1 within the grace days, halving every half-life after. */
export function timeFactor(days: number | null, params: ScoreParams): number {
  if (days === null) return 0.8;
  if (days > params.joinWindowDays) return 0;
  return Math.pow(0.5, Math.max(0, days - params.graceDays) / params.halfLifeDays);
}

const grams = (a: StoryArticle): Set<string> => textGrams(`${a.title}\n${a.lead.slice(0, 160)}`);

/** How likely two articles report the same event, before any time decay is applied to `score`. */
export function scorePair(a: StoryArticle, b: StoryArticle, total: number, params: ScoreParams = DEFAULT_PARAMS): PairScore {
  const wa = weights(a.entities, total, params);
  const wb = weights(b.entities, total, params);
  let dot = 0;
  let na = 0;
  let nb = 0;
  const shared: { id: string; w: number }[] = [];
  for (const [id, w] of wa) {
    na += w * w;
    const v = wb.get(id);
    if (v !== undefined) {
      dot += w * v;
      shared.push({ id, w: Math.min(w, v) });
    }
  }
  for (const w of wb.values()) nb += w * w;
  const entities = na && nb ? dot / Math.sqrt(na * nb) : 0;
  const comparable = scriptFamily(a.language) === scriptFamily(b.language);
  const text = comparable ? Math.max(overlap(textGrams(a.title), textGrams(b.title)), overlap(grams(a), grams(b))) : 0;
  const days = daysBetween(a.publishedAt, b.publishedAt);
  const base =
    entities < params.minEntities ? 0 : comparable ? params.entityWeight * entities + (1 - params.entityWeight) * text : entities;
  return {
    score: base * timeFactor(days, params),
    entities,
    text,
    days,
    shared: shared.sort((x, y) => y.w - x.w).map((s) => s.id),
  };
}

export interface CandidateStory {
  id: string;
  /** Members of the story that the store found sharing entities with the new article. */
  articles: StoryArticle[];
  firstSeen?: string | null;
}

export interface StoryMatch {
  storyId: string;
  score: number;
  /** Best pair's raw similarity, without time decay (used for FOLLOWS). */
  similarity: number;
  shared: string[];
  /** The member article that matched best. */
  articleId: string;
  days: number | null;
}

/** Scores each candidate story: its best article blended with the mean of its members. */
export function scoreStories(
  article: StoryArticle,
  candidates: CandidateStory[],
  total: number,
  params: ScoreParams = DEFAULT_PARAMS,
): StoryMatch[] {
  const out: StoryMatch[] = [];
  for (const story of candidates) {
    const pairs = story.articles.filter((b) => b.id !== article.id).map((b) => ({ b, s: scorePair(article, b, total, params) }));
    if (!pairs.length) continue;
    pairs.sort((x, y) => y.s.score - x.s.score || x.b.id.localeCompare(y.b.id));
    const best = pairs[0];
    const mean = pairs.reduce((t, p) => t + p.s.score, 0) / pairs.length;
    const similarity = Math.max(
      ...pairs.map((p) => (p.s.days === null || p.s.days <= params.followWindowDays ? comparableBase(article, p.b, p.s, params) : 0)),
    );
    out.push({
      storyId: story.id,
      score: params.maxShare * best.s.score + (1 - params.maxShare) * mean,
      similarity,
      shared: best.s.shared,
      articleId: best.b.id,
      days: best.s.days,
    });
  }
  return out.sort((x, y) => y.score - x.score || y.similarity - x.similarity || x.storyId.localeCompare(y.storyId));
}

function comparableBase(a: StoryArticle, b: StoryArticle, s: PairScore, params: ScoreParams): number {
  if (s.entities < params.minEntities) return 0;
  return scriptFamily(a.language) === scriptFamily(b.language)
    ? params.entityWeight * s.entities + (1 - params.entityWeight) * s.text
    : s.entities;
}

export interface StoryDecision {
  /** The story to join; absent: start a new story. */
  join?: StoryMatch;
  /** Further stories the article bridges: merged into the joined one. */
  merge: StoryMatch[];
  /** Stories the article's story continues (or is continued by): linked by FOLLOWS. */
  follows: StoryMatch[];
}

/** What an arriving article does: join the best story, merge those it bridges, link those it follows. */
export function decide(
  article: StoryArticle,
  candidates: CandidateStory[],
  options: { total: number; params?: ScoreParams },
): StoryDecision {
  const params = options.params ?? DEFAULT_PARAMS;
  const matches = scoreStories(article, candidates, options.total, params);
  const join = matches[0] && matches[0].score >= params.joinThreshold ? matches[0] : undefined;
  const rest = matches.filter((m) => m !== join);
  const merge = join ? rest.filter((m) => m.score >= params.mergeThreshold) : [];
  const rareOf = (m: StoryMatch): string[] => {
    const byId = new Map(article.entities.map((e) => [e.id, e]));
    const maxDf = Math.max(params.rareMinDf, params.rareDfShare * options.total);
    return m.shared.filter((id) => (byId.get(id)?.df ?? options.total) <= maxDf);
  };
  // a shared theme alone (an award, a tariff) is not a continuation: someone or something named must recur
  const named = (ids: string[]): boolean => ids.some((id) => article.entities.find((e) => e.id === id)?.type !== 'topic');
  const follows = rest
    .filter(
      (m) => !merge.includes(m) && m.similarity >= params.followThreshold && rareOf(m).length >= params.followMinShared && named(rareOf(m)),
    )
    .slice(0, 3)
    .map((m) => ({ ...m, shared: rareOf(m) }));
  return { join, merge, follows };
}
