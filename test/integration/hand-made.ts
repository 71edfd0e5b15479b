import type { Article, Entity, Extraction, Mention, Relation } from '../../src/domain/types';

/**
 * Articles with hand-made extractions, for tests that must control exactly which entities two
 * articles share (stories, summaries, curation holds). An entity id's prefix gives its type
 * (`person:`, `org:`, `country:`, `place:`; anything else is a topic).
 */

const TYPES = { person: 'person', org: 'organization', country: 'country', place: 'place', topic: 'topic' } as const;

export const handMadeEntity = (id: string, aliases: string[] = []): Entity => {
  const [prefix, name] = id.split(':');
  return { id, type: TYPES[prefix as keyof typeof TYPES] ?? 'topic', name, aliases };
};

export interface HandMadeOptions {
  id: string;
  title: string;
  publishedAt?: string;
  language?: string;
  source?: string;
  /** Paragraphs, one per line; the title as a sentence when left out. */
  body?: string;
  /** Mentioned in this order: the first two in the headline, all with salience 0.5. */
  entities: string[];
  /** Credited (a byline agency), not mentioned. */
  credits?: string[];
  aliases?: Record<string, string[]>;
  relations?: Relation[];
}

/** An article at `https://<host>/<id>` and its extraction; `source` defaults to `defaultSource`. */
export function handMadeArticle(
  options: HandMadeOptions,
  site: { host: string; defaultSource: string },
): { article: Article; extraction: Extraction } {
  const mentions: Mention[] = options.entities.map((id, i) => ({
    entityId: id,
    count: 1,
    firstOffset: i,
    inHeadline: i < 2,
    salience: 0.5,
  }));
  for (const id of options.credits ?? [])
    mentions.push({ entityId: id, count: 1, firstOffset: 0, inHeadline: false, salience: 0.1, credit: true });
  return {
    article: {
      id: options.id,
      url: `https://${site.host}/${options.id}`,
      title: options.title,
      publishedAt: options.publishedAt,
      source: options.source ?? site.defaultSource,
      authors: [],
      language: options.language ?? 'zh-Hant',
      paragraphs: (options.body ?? `${options.title}。`).split('\n'),
      captions: [],
      tags: [],
      related: [],
    },
    extraction: {
      entities: [...options.entities, ...(options.credits ?? [])].map((id) => handMadeEntity(id, options.aliases?.[id] ?? [])),
      mentions,
      relations: options.relations ?? [],
      cooccurrences: [],
    },
  };
}
