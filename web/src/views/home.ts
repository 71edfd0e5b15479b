import { gql, HOME_QUERY, type HomeData } from '../api';
import { h } from '../dom';
import { t, tEnum } from '../i18n';
import type { View } from '../router';
import { dashboardHref } from '../links';
import { articleLink, entityLink, errorBox, loading, section, storyLink } from '../ui';

/** Typed relations between entities; MENTIONS, CO_OCCURS and article links are counted elsewhere. */
const RELATION_TYPES = new Set(['HOLDS_ROLE', 'MEMBER_OF', 'REPORTS_TO', 'PART_OF', 'COOPERATES_WITH', 'LOCATED_IN']);

export const homeView: View = async (root) => {
  root.append(h('h1', {}, t('appName')), loading());
  try {
    const data = await gql<HomeData>(HOME_QUERY);
    root.replaceChildren(h('h1', {}, t('appName')));
    const s = data.stats;
    root.append(
      h(
        'div',
        { class: 'grid' },
        section(
          t('overview'),
          'overview',
          h('p', {}, `${t('articles')}: ${s.articles} · ${t('period')}: ${s.firstPublished ?? '–'} – ${s.lastPublished ?? '–'}`),
          h('p', {}, s.entities.map((e) => `${tEnum(e.type.toUpperCase())} ${e.count}`).join(' · ')),
          h(
            'p',
            { class: 'muted' },
            s.relations
              .filter((r) => RELATION_TYPES.has(r.type))
              .map((r) => `${tEnum(r.type)} ${r.count}`)
              .join(' · '),
          ),
        ),
        section(
          t('topPeople'),
          'top-people',
          h(
            'div',
            { class: 'chips' },
            data.people.nodes.map((e) => entityLink(e, e.mentionCount)),
          ),
        ),
        section(
          t('topOrganizations'),
          'top-organizations',
          h(
            'div',
            { class: 'chips' },
            data.organizations.nodes.map((e) => entityLink(e, e.mentionCount)),
          ),
        ),
        section(
          t('topTopics'),
          'top-topics',
          h(
            'div',
            { class: 'chips' },
            data.topics.nodes.map((e) => entityLink(e, e.mentionCount)),
          ),
        ),
        section(
          t('latestStories'),
          'latest-stories',
          h(
            'ul',
            { class: 'plain' },
            data.stories.nodes.map((st) => h('li', {}, storyLink(st))),
          ),
          h('p', { class: 'small' }, h('a', { href: dashboardHref() }, `${t('dashboard')} →`)),
        ),
        section(
          t('latestArticles'),
          'latest-articles',
          h(
            'ul',
            { class: 'plain' },
            data.articles.nodes.map((a) => h('li', {}, articleLink(a))),
          ),
        ),
      ),
    );
  } catch (err) {
    root.replaceChildren(errorBox(err));
  }
};
