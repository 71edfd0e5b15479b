import {
  gql,
  GraphQLRequestError,
  SEARCH_QUERY,
  type ArticleRef,
  type EntityRef,
  type EntityType,
  type SearchData,
  type StoryRef,
} from './api';
import { clear, debounce, h } from './dom';
import { lang, t, tEnum } from './i18n';
import { articleHref, entityHref, storyHref } from './links';

/** One colour per entity type, shared by chips, the graph and its legend. */
export const TYPE_COLORS: Record<EntityType, string> = {
  PERSON: '#e4572e',
  ORGANIZATION: '#3a7bd5',
  COUNTRY: '#2a9d8f',
  PLACE: '#9b5de5',
  TOPIC: '#e9a23b',
};
export const ENTITY_TYPES = Object.keys(TYPE_COLORS) as EntityType[];

export function typeBadge(type: EntityType): HTMLElement {
  return h('span', { class: 'badge', style: `background:${TYPE_COLORS[type] ?? '#888'}`, 'data-type': type }, tEnum(type));
}

export function entityLink(entity: EntityRef, extra?: string | number): HTMLElement {
  return h(
    'a',
    { class: 'chip', href: entityHref(entity.id), 'data-entity-id': entity.id, title: tEnum(entity.type) },
    h('span', { class: 'dot', style: `background:${TYPE_COLORS[entity.type] ?? '#888'}` }),
    entity.name,
    extra !== undefined ? h('span', { class: 'muted' }, ` ${extra}`) : null,
  );
}

export function articleLink(article: ArticleRef): HTMLElement {
  return h(
    'a',
    { class: 'article-link', href: articleHref(article.id), 'data-article-id': article.id },
    article.title,
    article.publishedAt || article.source
      ? h('span', { class: 'muted' }, ` · ${[article.publishedAt?.slice(0, 10), article.source].filter(Boolean).join(' · ')}`)
      : null,
  );
}

/** A story's headline in the reader's language where there is one. */
export function storyTitle(story: Pick<StoryRef, 'title' | 'titleEn'>): string {
  return lang() === 'en' && story.titleEn ? story.titleEn : story.title;
}

export function storyLink(story: StoryRef): HTMLElement {
  const dates = [story.firstSeen, story.lastSeen].filter((d): d is string => Boolean(d)).map((d) => d.slice(0, 10));
  const span = dates.length === 2 && dates[0] !== dates[1] ? `${dates[0]} – ${dates[1]}` : (dates[0] ?? '');
  return h(
    'a',
    { class: 'story-link', href: storyHref(story.id), 'data-story-id': story.id },
    h('span', { class: 'badge story' }, t('story')),
    ' ',
    storyTitle(story),
    h('span', { class: 'muted' }, ` · ${story.articleCount} ${t('articlesUnit')}${span ? ` · ${span}` : ''}`),
  );
}

/** Sentences with their source articles; a relation known without a sentence says so. */
export function evidenceList(evidence: { sentence: string; article?: ArticleRef | null }[], testId = 'evidence'): HTMLElement {
  return h(
    'ul',
    { class: 'evidence', 'data-testid': testId },
    evidence.map((ev) =>
      h(
        'li',
        {},
        ev.sentence.trim() ? h('q', {}, ev.sentence) : h('span', { class: 'muted' }, t('noSentence')),
        ev.article
          ? h('div', { class: 'evidence-source', 'data-testid': `${testId}-source` }, `${t('source')}: `, articleLink(ev.article))
          : null,
      ),
    ),
  );
}

export function loading(): HTMLElement {
  return h('p', { class: 'loading muted', role: 'status' }, t('loading'));
}

export function errorBox(err: unknown): HTMLElement {
  const code = err instanceof GraphQLRequestError && err.code ? ` [${err.code}]` : '';
  return h('div', { class: 'error', role: 'alert' }, h('strong', {}, t('error')), `${code}: ${(err as Error).message}`);
}

export function section(title: string, testId: string, ...children: (Node | null)[]): HTMLElement {
  return h('section', { class: 'card', 'data-testid': testId }, h('h2', {}, title), ...children);
}

export interface TypeaheadOptions {
  placeholder: string;
  /** Entities only (path finder) or entities, stories and articles (search box). */
  entitiesOnly?: boolean;
  initial?: string;
  testId: string;
  onPickEntity: (entity: EntityRef) => void;
  onPickArticle?: (article: ArticleRef) => void;
  onPickStory?: (story: StoryRef) => void;
  /** Enter without picking a suggestion. */
  onSubmit?: (text: string) => void;
}

type EntityHit = EntityRef & { nameEn: string | null };
type Suggestion = { kind: 'entity'; entity: EntityHit } | { kind: 'story'; story: StoryRef } | { kind: 'article'; article: ArticleRef };

/** Entities first (by score), then stories, then articles: what a reader most often looks for comes first. */
export function suggestionsOf(data: SearchData, entitiesOnly = false): Suggestion[] {
  const entities: Suggestion[] = data.search.filter((x) => x.entity).map((x) => ({ kind: 'entity', entity: x.entity! }));
  if (entitiesOnly) return entities;
  const stories: Suggestion[] = (data.stories?.nodes ?? []).map((story) => ({ kind: 'story', story }));
  const articles: Suggestion[] = data.search.filter((x) => x.article).map((x) => ({ kind: 'article', article: x.article! }));
  return [...entities, ...stories, ...articles];
}

/** A search input with suggestions from `search` (and story titles) as the user types (Chinese or English). */
export function typeahead(options: TypeaheadOptions): HTMLElement {
  const input = h('input', {
    type: 'search',
    placeholder: options.placeholder,
    autocomplete: 'off',
    'aria-autocomplete': 'list',
    'data-testid': options.testId,
    value: options.initial ?? '',
  });
  const list = h('ul', { class: 'suggestions', role: 'listbox', hidden: true });
  const wrap = h('div', { class: 'typeahead' }, input, list);
  let hits: Suggestion[] = [];
  let active = -1;
  let controller: AbortController | undefined;

  const pick = (hit: Suggestion): void => {
    list.hidden = true;
    if (hit.kind === 'entity') {
      input.value = hit.entity.name;
      options.onPickEntity(hit.entity);
    } else if (hit.kind === 'story') options.onPickStory?.(hit.story);
    else options.onPickArticle?.(hit.article);
  };
  const label = (hit: Suggestion): (Node | string | null)[] => {
    if (hit.kind === 'entity') {
      const e = hit.entity;
      return [typeBadge(e.type), ' ', e.name, e.nameEn && e.nameEn !== e.name ? h('span', { class: 'muted' }, ` ${e.nameEn}`) : null];
    }
    if (hit.kind === 'story')
      return [
        h('span', { class: 'badge story' }, t('story')),
        ' ',
        storyTitle(hit.story),
        h('span', { class: 'muted' }, ` · ${hit.story.articleCount} ${t('articlesUnit')}`),
      ];
    return [h('span', { class: 'badge article' }, t('articles')), ' ', hit.article.title];
  };
  const paint = (): void => {
    clear(list);
    hits.forEach((hit, i) => {
      list.appendChild(
        h(
          'li',
          {
            role: 'option',
            class: i === active ? 'active' : '',
            'aria-selected': i === active ? 'true' : 'false',
            'data-kind': hit.kind,
            'data-id': hit.kind === 'entity' ? hit.entity.id : hit.kind === 'story' ? hit.story.id : hit.article.id,
            onmousedown: (e: Event) => (e.preventDefault(), pick(hit)),
          },
          ...label(hit),
        ),
      );
    });
    list.hidden = hits.length === 0;
  };
  const suggest = debounce(async (text: string) => {
    controller?.abort();
    if (!text.trim()) {
      hits = [];
      paint();
      return;
    }
    controller = new AbortController();
    try {
      const data = await gql<SearchData>(
        SEARCH_QUERY,
        { q: text, first: 8, storyFirst: 4, withStories: !options.entitiesOnly },
        controller.signal,
      );
      if (input.value !== text) return;
      hits = suggestionsOf(data, options.entitiesOnly);
      active = -1;
      paint();
    } catch (err) {
      if ((err as Error).name !== 'AbortError') {
        hits = [];
        paint();
      }
    }
  }, 120);

  input.addEventListener('input', () => suggest(input.value));
  input.addEventListener('focus', () => hits.length && (list.hidden = false));
  input.addEventListener('blur', () => setTimeout(() => (list.hidden = true), 100));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!hits.length) return;
      active = (active + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      paint();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (active >= 0 && hits[active]) pick(hits[active]);
      else if (options.onSubmit) {
        list.hidden = true;
        options.onSubmit(input.value.trim());
      } else if (hits[0]) pick(hits[0]);
    } else if (e.key === 'Escape') list.hidden = true;
  });
  return wrap;
}
