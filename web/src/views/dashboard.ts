import {
  ARTICLE_INGESTED_SUBSCRIPTION,
  DASHBOARD_QUERY,
  gql,
  STORY_UPDATED_SUBSCRIPTION,
  type ArticleIngestedData,
  type DashboardData,
  type RelativeTo,
  type StoryUpdatedData,
} from '../api';
import { debounce, h } from '../dom';
import { lang, t, tEnum } from '../i18n';
import { dashboardHref, storyHref } from '../links';
import { openLive, type LiveState } from '../live';
import type { View } from '../router';
import { articleLink, entityLink, errorBox, loading, section, storyLink } from '../ui';

const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

/** The two windows LAST_7_DAYS compares, as the API counts them: 7 days ending on `end`, and the 7 before. */
export function windows(end: string): { current: [string, string]; previous: [string, string] } {
  return { current: [addDays(end, -6), addDays(end, 0)], previous: [addDays(end, -13), addDays(end, -7)] };
}

const FEED_SIZE = 12;

/**
 * /explore/dashboard[?relativeTo=NOW]: trending entities and stories for the last 7 days against
 * the 7 before. It reloads its lists when the server pushes an event over graphql-ws (an article
 * ingested, a story losing an article or going), never on a timer.
 */
export const dashboardView: View = async (root, { query }) => {
  const relativeTo: RelativeTo = query.get('relativeTo') === 'NOW' ? 'NOW' : 'NEWEST_ARTICLE';
  document.title = `${t('dashboard')} · NewsGraph`;
  const liveBadge = h('span', { class: 'live-badge', 'data-testid': 'live-state', 'data-live': 'connecting' }, t('liveConnecting'));
  const updated = h('span', { class: 'muted', 'data-testid': 'dashboard-updated', 'data-updates': '0' });
  const windowLine = h('p', { class: 'muted', 'data-testid': 'dashboard-window' });
  const basis = h(
    'p',
    { class: 'small' },
    `${t('countBackFrom')}: `,
    (['NEWEST_ARTICLE', 'NOW'] as RelativeTo[]).flatMap((r, i) => [
      i ? ' · ' : '',
      r === relativeTo
        ? h('strong', {}, tEnum(r))
        : h('a', { href: dashboardHref(r === 'NOW' ? 'NOW' : undefined), 'data-testid': `basis-${r}` }, tEnum(r)),
    ]),
  );
  const entitiesBody = h('div', {}, loading());
  const storiesBody = h('div', {}, loading());
  const feed = h('ul', { class: 'plain live-feed', 'data-testid': 'live-feed' }, h('li', { class: 'muted' }, t('liveFeedEmpty')));
  root.append(
    h('h1', {}, t('dashboard')),
    h('div', { class: 'dashboard-head' }, liveBadge, ' ', updated),
    windowLine,
    basis,
    h(
      'div',
      { class: 'grid' },
      section(t('trendingEntities'), 'trending-entities', entitiesBody),
      section(t('trendingStories'), 'trending-stories', storiesBody),
      section(t('liveFeed'), 'live', feed),
    ),
  );

  let refreshes = 0;
  let inFlight: AbortController | undefined;
  const refresh = async (): Promise<void> => {
    inFlight?.abort();
    const controller = (inFlight = new AbortController());
    try {
      const data = await gql<DashboardData>(DASHBOARD_QUERY, { relativeTo, first: 10 }, controller.signal);
      if (controller.signal.aborted) return;
      paint(data);
      const at = new Date();
      updated.textContent = `${t('lastUpdated')}: ${at.toLocaleString(lang() === 'zh' ? 'zh-TW' : 'en-GB', { hour12: false })}`;
      updated.dataset.updatedAt = at.toISOString();
      updated.dataset.updates = String(++refreshes);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      entitiesBody.replaceChildren(errorBox(err));
      storiesBody.replaceChildren(errorBox(err));
    }
  };
  // what the previous load listed: entries that rose into the lists since are marked
  let shownBefore: Set<string> | undefined;
  const paint = (data: DashboardData): void => {
    const fresh = (id: string): string => (shownBefore && !shownBefore.has(id) ? 'fresh' : '');
    const end = relativeTo === 'NOW' ? new Date().toISOString().slice(0, 10) : data.stats.lastPublished?.slice(0, 10);
    if (end) {
      const w = windows(end);
      windowLine.textContent = `${t('window')}: ${t('thisWeek')} ${w.current[0]} – ${w.current[1]} ${t('against')} ${t('previousWeek')} ${w.previous[0]} – ${w.previous[1]}`;
    }
    entitiesBody.replaceChildren(
      data.trending.length
        ? h(
            'ol',
            { class: 'plain trend-list' },
            data.trending.map((x) =>
              h(
                'li',
                { 'data-entity-id': x.entity.id, class: fresh(x.entity.id) },
                entityLink(x.entity),
                ' ',
                counts(x.current, x.previous, x.score),
              ),
            ),
          )
        : h('p', { class: 'muted' }, t('nothingTrending')),
    );
    storiesBody.replaceChildren(
      data.trendingStories.length
        ? h(
            'ol',
            { class: 'plain trend-list' },
            data.trendingStories.map((x) =>
              h(
                'li',
                { 'data-story-id': x.story.id, class: fresh(x.story.id) },
                storyLink(x.story),
                ' ',
                counts(x.current, x.previous, x.score),
              ),
            ),
          )
        : h('p', { class: 'muted' }, t('nothingTrending')),
    );
    shownBefore = new Set([...data.trending.map((x) => x.entity.id), ...data.trendingStories.map((x) => x.story.id)]);
  };
  // several events arrive for one ingested article (the article, its story): one reload for all
  const refreshSoon = debounce(() => void refresh(), 250);
  const note = (item: HTMLElement): void => {
    if (feed.firstElementChild?.classList.contains('muted')) feed.replaceChildren();
    feed.prepend(item);
    while (feed.children.length > FEED_SIZE) feed.lastElementChild!.remove();
  };
  const time = (): HTMLElement =>
    h('span', { class: 'muted small' }, `${new Date().toLocaleTimeString(lang() === 'zh' ? 'zh-TW' : 'en-GB', { hour12: false })} `);

  const setState = (state: LiveState): void => {
    liveBadge.dataset.live = state;
    liveBadge.textContent = state === 'connected' ? `● ${t('liveConnected')}` : state === 'lost' ? t('liveLost') : t('liveConnecting');
  };
  const close = openLive(
    [
      {
        query: ARTICLE_INGESTED_SUBSCRIPTION,
        onData: (d: ArticleIngestedData) => {
          const e = d.articleIngested;
          if (e.article) {
            note(
              h(
                'li',
                { 'data-testid': 'live-item', 'data-article-id': e.article.id },
                time(),
                h('span', { class: 'badge link' }, `${t('ingested')} · ${tEnum(e.status)}`),
                ' ',
                articleLink(e.article),
                e.story
                  ? h(
                      'div',
                      { class: 'small' },
                      `${t('storyOf')}: `,
                      h('a', { href: storyHref(e.story.id), 'data-story-id': e.story.id }, e.story.title),
                    )
                  : null,
              ),
            );
          }
          refreshSoon();
        },
      },
      {
        query: STORY_UPDATED_SUBSCRIPTION,
        onData: (d: StoryUpdatedData) => {
          const e = d.storyUpdated;
          // joins and new stories come with an articleIngested event; removals only come here
          if (e.change === 'ARTICLE_REMOVED' || e.change === 'DELETED') {
            note(
              h(
                'li',
                { 'data-testid': 'live-item', 'data-change': e.change },
                time(),
                h('span', { class: 'badge link' }, tEnum(e.change)),
                ' ',
                e.story?.title ?? h('code', {}, e.storyId),
              ),
            );
          }
          refreshSoon();
        },
      },
    ],
    { onState: setState, onReconnected: () => void refresh() },
  );

  await refresh();
  return () => {
    close();
    inFlight?.abort();
  };
};

function counts(current: number, previous: number, score: number): HTMLElement {
  const rise = current - previous;
  return h(
    'span',
    { class: 'muted small trend-counts', 'data-current': current, 'data-previous': previous },
    `${t('thisWeek')} ${current} · ${t('previousWeek')} ${previous} · ${rise >= 0 ? '+' : ''}${rise} (${score.toFixed(2)})`,
  );
}
