import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { ENTITY_QUERY, ENTITY_STATS_QUERY, gql, type EntityPageData, type EntityStatsData, type Relation } from '../api';
import { h } from '../dom';
import { t, tEnum } from '../i18n';
import { graphHref, pathHref } from '../links';
import type { View } from '../router';
import { articleLink, entityLink, errorBox, evidenceList, loading, section, storyLink, typeBadge, TYPE_COLORS } from '../ui';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

type Interval = 'DAY' | 'WEEK' | 'MONTH';

/** /explore/entity/<id>: who or what it is, coverage over time, co-occurrences, relations with evidence, articles, graph. */
export const entityView: View = async (root, { params, query }) => {
  const id = params[0];
  const interval = (['DAY', 'WEEK', 'MONTH'].includes(query.get('interval') ?? '') ? query.get('interval') : 'WEEK') as Interval;
  const status = loading();
  root.append(status);
  let chart: Chart | undefined;
  let destroyGraph: (() => void) | undefined;
  let resizeGraph: (() => void) | undefined;
  try {
    const statsRequest = gql<EntityStatsData>(ENTITY_STATS_QUERY, { id, interval });
    statsRequest.catch(() => undefined); // reported in its sections below
    const data = await gql<EntityPageData>(ENTITY_QUERY, { id });
    const e = data.entity;
    if (!e) {
      status.replaceWith(h('div', { class: 'error', role: 'alert', 'data-testid': 'not-found' }, `${t('entityNotFound')}: ${id}`));
      return;
    }
    const otherAliases = e.aliases.filter((a) => a !== e.name);
    const header = h(
      'header',
      { class: 'entity-header', 'data-testid': 'entity-header' },
      h('h1', {}, e.name, e.nameEn && e.nameEn !== e.name ? h('span', { class: 'name-en' }, ` ${e.nameEn}`) : null),
      h(
        'p',
        {},
        typeBadge(e.type),
        e.kind ? h('span', { class: 'muted' }, ` ${e.kind.toLowerCase()}`) : null,
        e.iso2 ? h('span', { class: 'muted' }, ` ${e.iso2}`) : null,
        ` ${t('mentionedIn')} ${e.mentionCount} ${t('articlesUnit')} · `,
        h('code', { class: 'muted' }, e.id),
      ),
      otherAliases.length ? h('p', { 'data-testid': 'aliases' }, `${t('aliases')}: `, otherAliases.join('、')) : null,
      e.parent ? h('p', {}, `${t('parentTopic')}: `, entityLink(e.parent)) : null,
      e.children?.length
        ? h(
            'p',
            {},
            `${t('childTopics')}: `,
            h(
              'span',
              { class: 'chips' },
              e.children.map((c) => entityLink(c)),
            ),
          )
        : null,
      h(
        'p',
        {},
        h('a', { href: graphHref(e.id), class: 'button' }, t('openGraph')),
        ' ',
        h('a', { href: pathHref(e.id), class: 'button', 'data-testid': 'path-from-here' }, t('findPathFrom')),
      ),
    );

    const chartCanvas = h('canvas', { 'aria-label': t('timeline'), role: 'img' });
    const intervalPicker = h(
      'select',
      { 'aria-label': t('interval') },
      (['DAY', 'WEEK', 'MONTH'] as Interval[]).map((v) => h('option', { value: v, selected: v === interval }, t(v))),
    );
    intervalPicker.addEventListener('change', () => {
      const url = new URL(location.href);
      url.searchParams.set('interval', intervalPicker.value);
      history.replaceState(null, '', url);
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    const chartBox = h('div', { class: 'chart-box' }, chartCanvas);
    const timeline = section(t('timeline'), 'timeline', h('label', { class: 'muted' }, `${t('interval')} `, intervalPicker), chartBox);
    const coocList = h('ol', { class: 'plain' }, h('li', { class: 'muted' }, t('loading')));
    const cooc = section(t('cooccurring'), 'cooccurrences', coocList);
    const storyList = h('ul', { class: 'plain' }, h('li', { class: 'muted' }, t('loading')));
    const storiesCard = section(t('storiesOfEntity'), 'entity-stories', storyList);

    const relations = section(
      t('relations'),
      'relations',
      e.relations.length
        ? h(
            'ul',
            { class: 'relations' },
            e.relations.map((r) => relationItem(r, e.id)),
          )
        : h('p', { class: 'muted' }, t('noRelations')),
    );

    const articles = section(
      `${t('newestArticles')} (${e.articles.totalCount})`,
      'entity-articles',
      h(
        'ul',
        { class: 'plain' },
        e.articles.nodes.map((a) => h('li', {}, articleLink(a))),
      ),
    );

    const graphHolder = h('div', { class: 'graph-holder' }, loading());
    const graph = section(t('neighbourhood'), 'entity-graph', graphHolder);

    status.replaceWith(
      header,
      h('div', { class: 'grid' }, relations, h('div', { class: 'stack' }, timeline, cooc, storiesCard, articles)),
      graph,
    );
    document.title = `${e.name} · NewsGraph`;
    root.dataset.rendered = 'entity';

    // co-occurrences and the chart fill in when their request answers; the graph does not wait for them
    const statsDone = (async () => {
      try {
        const stats = await statsRequest;
        coocList.replaceChildren(
          ...stats.cooccurrences.map((c) =>
            h('li', {}, entityLink(c.entity), h('span', { class: 'muted' }, ` ${c.count} ${t('articlesUnit')} · ${c.strength.toFixed(2)}`)),
          ),
        );
        storiesCard.querySelector('h2')!.textContent = `${t('storiesOfEntity')} (${stats.stories.totalCount})`;
        storyList.replaceChildren(
          ...(stats.stories.nodes.length
            ? stats.stories.nodes.map((st) => h('li', {}, storyLink(st)))
            : [h('li', { class: 'muted' }, t('noLinks'))]),
        );
        const points = stats.timeline[0]?.points ?? [];
        chartBox.dataset.points = String(points.length);
        chart = new Chart(chartCanvas, {
          type: 'bar',
          data: {
            labels: points.map((p) => p.bucket),
            datasets: [{ label: t('articles'), data: points.map((p) => p.articles), backgroundColor: TYPE_COLORS[e.type] }],
          },
          options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          },
        });
      } catch (err) {
        coocList.replaceChildren(errorBox(err));
        storyList.replaceChildren(errorBox(err));
        timeline.append(errorBox(err));
      }
    })();

    // the graph library loads after the page content, so the page shows without waiting for it
    try {
      const { createGraphView } = await import('../graph');
      const view = createGraphView({ centerId: e.id, depth: 1, limit: 40 });
      destroyGraph = view.destroy;
      resizeGraph = view.resize;
      graphHolder.replaceChildren(view.element);
    } catch (err) {
      graphHolder.replaceChildren(errorBox(err));
    }
    await statsDone;
    // the filled-in statistics can move the graph down the page
    resizeGraph?.();
  } catch (err) {
    if (status.isConnected) status.replaceWith(errorBox(err));
    else root.append(errorBox(err));
  }
  return () => {
    chart?.destroy();
    destroyGraph?.();
  };
};

function relationItem(r: Relation, selfId: string): HTMLElement {
  const outgoing = r.from.id === selfId;
  const other = outgoing ? r.to : r.from;
  return h(
    'li',
    { class: 'relation', 'data-relation-type': r.type },
    h(
      'div',
      { class: 'relation-head' },
      outgoing ? null : [entityLink(other), ' '],
      h('span', { class: 'rel-type' }, outgoing ? `${tEnum(r.type)} →` : `→ ${tEnum(r.type)}`),
      r.title ? h('span', { class: 'rel-title' }, ` ${r.title}`) : null,
      outgoing ? [' ', entityLink(other)] : null,
      h('a', { class: 'muted small', href: pathHref(selfId, other.id) }, ' ⇄'),
    ),
    evidenceList(r.evidence),
    r.evidenceCount > r.evidence.length
      ? h('div', { class: 'muted small', 'data-testid': 'more-evidence' }, `+${r.evidenceCount - r.evidence.length} ${t('moreEvidence')}`)
      : null,
  );
}
