import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { gql, STORY_QUERY, STORY_UPDATED_SUBSCRIPTION, type StoryLink, type StoryPageData, type StoryUpdatedData } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { storyHref } from '../links';
import { openLive } from '../live';
import { navigate } from '../navigation';
import type { View } from '../router';
import { articleLink, entityLink, errorBox, loading, section, storyLink, storyTitle } from '../ui';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** One colour per outlet series, in the order the API lists the outlets. */
const SERIES_COLORS = ['#3a7bd5', '#e4572e', '#2a9d8f', '#e9a23b', '#9b5de5', '#56606b', '#d1495b', '#00798c', '#8d6a9f', '#a0a36b'];

const DEFAULT_PAGE = 10;

/**
 * /explore/story/<id>[?size=&after=]: the story's headline, coverage per outlet over time, key
 * entities, a page of its articles, and the stories it follows, is followed by and is related
 * to, each with the shared entities that explain the link.
 */
export const storyView: View = async (root, { params, query }) => {
  const id = params[0];
  const size = clampInt(query.get('size'), 1, 50, DEFAULT_PAGE);
  const after = query.get('after') || null;
  const status = loading();
  root.append(status);
  let chart: Chart | undefined;
  let closeLive: (() => void) | undefined;
  try {
    const { story: s } = await gql<StoryPageData>(STORY_QUERY, { id, first: size, after });
    if (!s) {
      status.replaceWith(h('div', { class: 'error', role: 'alert', 'data-testid': 'not-found' }, `${t('storyNotFound')}: ${id}`));
      return;
    }
    // an id merged into another story answers with that story: show the address it lives at now
    if (s.id !== id) history.replaceState(null, '', storyHref(s.id, { after, size: size === DEFAULT_PAGE ? undefined : size }));

    const notice = h(
      'div',
      { class: 'notice', hidden: true, 'data-testid': 'story-changed' },
      `${t('storyChanged')} `,
      h('button', { type: 'button', onclick: () => navigate(location.pathname + location.search) }, t('reload')),
    );
    const otherTitle = storyTitle(s) !== s.title ? s.title : s.titleEn && s.titleEn !== s.title ? s.titleEn : null;
    const header = h(
      'header',
      { class: 'story-header', 'data-testid': 'story-header' },
      h('h1', { 'data-testid': 'story-title' }, storyTitle(s)),
      otherTitle ? h('p', { class: 'muted' }, otherTitle) : null,
      h(
        'p',
        {},
        h('span', { class: 'badge story' }, t('story')),
        ` ${s.articleCount} ${t('articlesUnit')}`,
        s.copies ? h('span', { class: 'muted' }, ` (+${s.copies} ${t('copies')})`) : null,
        ` · ${[s.firstSeen, s.lastSeen]
          .filter(Boolean)
          .map((d) => d!.slice(0, 10))
          .filter((d, i, all) => all.indexOf(d) === i)
          .join(' – ')}`,
        ` · ${t('outlets')}: ${s.outlets.join('、')} · ${t('languages')}: ${s.languages.join('、')} · `,
        h('code', { class: 'muted' }, s.id),
      ),
      notice,
    );

    // per-outlet timeline: one stacked bar series per outlet
    const buckets = [...new Set(s.timeline.map((p) => p.bucket))];
    const keys = [...new Set(s.timeline.map((p) => p.key ?? ''))];
    const chartCanvas = h('canvas', { 'aria-label': t('storyTimeline'), role: 'img' });
    const chartBox = h('div', { class: 'chart-box', 'data-points': buckets.length, 'data-series': keys.length }, chartCanvas);
    const timeline = section(t('storyTimeline'), 'story-timeline', chartBox);

    const keyEntities = section(
      t('keyEntities'),
      'key-entities',
      h(
        'div',
        { class: 'chips' },
        s.keyEntities.map((k) => entityLink(k.entity, `${k.articles} ${t('articlesUnit')}`)),
      ),
    );

    const articles = s.articles;
    const pager = h(
      'p',
      { class: 'pager small', 'data-testid': 'story-pager' },
      `${t('pageOf')} ${articles.nodes.length} · ${t('of')} ${articles.totalCount} ${t('articlesUnit')} `,
      after
        ? h('a', { href: storyHref(s.id, { size: size === DEFAULT_PAGE ? undefined : size }), 'data-testid': 'first-page' }, t('firstPage'))
        : null,
      articles.pageInfo.hasNextPage && articles.pageInfo.endCursor
        ? [
            ' ',
            h(
              'a',
              {
                href: storyHref(s.id, { after: articles.pageInfo.endCursor, size: size === DEFAULT_PAGE ? undefined : size }),
                'data-testid': 'next-page',
              },
              `${t('nextPage')} →`,
            ),
          ]
        : null,
    );
    const articleList = section(
      `${t('storyArticles')} (${articles.totalCount})`,
      'story-articles',
      h(
        'ul',
        { class: 'plain' },
        articles.nodes.map((a) => h('li', {}, articleLink(a), a.language ? h('span', { class: 'muted small' }, ` · ${a.language}`) : null)),
      ),
      pager,
    );

    status.replaceWith(
      header,
      h('div', { class: 'grid' }, h('div', { class: 'stack' }, timeline, keyEntities), articleList),
      h(
        'div',
        { class: 'grid' },
        linkSection(t('follows'), 'story-follows', s.follows),
        linkSection(t('followedBy'), 'story-followed-by', s.followedBy),
        linkSection(t('relatedStories'), 'story-related', s.related),
      ),
    );
    document.title = `${storyTitle(s)} · NewsGraph`;
    root.dataset.rendered = 'story';

    chart = new Chart(chartCanvas, {
      type: 'bar',
      data: {
        labels: buckets,
        datasets: keys.map((key, i) => ({
          label: key || t('articles'),
          data: buckets.map((b) => s.timeline.find((p) => p.bucket === b && (p.key ?? '') === key)?.articles ?? 0),
          backgroundColor: SERIES_COLORS[i % SERIES_COLORS.length],
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: true, position: 'bottom' } },
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      },
    });

    // told when the story grows, loses an article or merges: the reader chooses when to reload
    closeLive = openLive(
      [
        {
          query: STORY_UPDATED_SUBSCRIPTION,
          variables: { id: s.id },
          onData: (d: StoryUpdatedData) => {
            notice.hidden = false;
            notice.dataset.change = d.storyUpdated.change;
          },
        },
      ],
      { onState: (state) => (header.dataset.live = state) },
    );
  } catch (err) {
    if (status.isConnected) status.replaceWith(errorBox(err));
    else root.append(errorBox(err));
  }
  return () => {
    chart?.destroy();
    closeLive?.();
  };
};

function linkSection(title: string, testId: string, links: StoryLink[]): HTMLElement {
  return section(
    `${title} (${links.length})`,
    testId,
    links.length
      ? h(
          'ul',
          { class: 'plain story-links' },
          links.map((l) =>
            h(
              'li',
              { 'data-story-id': l.story.id },
              storyLink(l.story),
              h('span', { class: 'muted small' }, ` · ${t('linkScore')} ${l.score.toFixed(2)}`),
              l.shared.length
                ? h(
                    'div',
                    { class: 'small shared' },
                    `${t('shared')}: `,
                    h(
                      'span',
                      { class: 'chips' },
                      l.shared.map((e) => entityLink(e)),
                    ),
                  )
                : null,
              l.evidence.length
                ? h(
                    'div',
                    { class: 'small muted' },
                    `${t('tiedBy')}: `,
                    l.evidence.flatMap((x, i) => [i ? ' ↔ ' : '', h('q', {}, x)]),
                  )
                : null,
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('noLinks')),
  );
}

function clampInt(raw: string | null, min: number, max: number, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}
