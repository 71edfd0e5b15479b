import { gql, SEARCH_QUERY, type SearchData } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import type { View } from '../router';
import { articleLink, entityLink, errorBox, loading, section, storyLink, typeBadge } from '../ui';

/** /explore/search?q=…: every hit of `search`, entities, stories and articles apart. */
export const searchView: View = async (root, { query }) => {
  const q = query.get('q')?.trim() ?? '';
  root.append(h('h1', {}, `${t('searchResults')}: ${q}`));
  if (!q) return;
  const status = loading();
  root.append(status);
  try {
    const { search, stories } = await gql<SearchData>(SEARCH_QUERY, { q, first: 50, storyFirst: 20, withStories: true });
    status.remove();
    const entities = search.filter((x) => x.entity);
    const articles = search.filter((x) => x.article);
    const storyNodes = stories?.nodes ?? [];
    if (!search.length && !storyNodes.length) {
      root.append(h('p', { class: 'muted', 'data-testid': 'no-results' }, t('noResults')));
      return;
    }
    root.append(
      h(
        'div',
        { class: 'grid' },
        section(
          `${t('entities')} (${entities.length})`,
          'search-entities',
          h(
            'ul',
            { class: 'plain' },
            entities.map((x) => h('li', {}, typeBadge(x.entity!.type), ' ', entityLink(x.entity!, x.entity!.nameEn ?? undefined))),
          ),
        ),
        section(
          `${t('stories')} (${stories?.totalCount ?? 0})`,
          'search-stories',
          h(
            'ul',
            { class: 'plain' },
            storyNodes.map((s) => h('li', {}, storyLink(s))),
          ),
        ),
        section(
          `${t('articles')} (${articles.length})`,
          'search-articles',
          h(
            'ul',
            { class: 'plain' },
            articles.map((x) => h('li', {}, articleLink(x.article!))),
          ),
        ),
      ),
    );
  } catch (err) {
    status.replaceWith(errorBox(err));
  }
};
