import { gql, SEARCH_QUERY, type SearchHit } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import type { View } from '../router';
import { articleLink, entityLink, errorBox, loading, section, typeBadge } from '../ui';

/** /explore/search?q=…: every hit of `search`, entities and articles apart. */
export const searchView: View = async (root, { query }) => {
  const q = query.get('q')?.trim() ?? '';
  root.append(h('h1', {}, `${t('searchResults')}: ${q}`));
  if (!q) return;
  const status = loading();
  root.append(status);
  try {
    const { search } = await gql<{ search: SearchHit[] }>(SEARCH_QUERY, { q, first: 50 });
    status.remove();
    const entities = search.filter((x) => x.entity);
    const articles = search.filter((x) => x.article);
    if (!search.length) {
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
          h('ul', { class: 'plain' }, entities.map((x) => h('li', {}, typeBadge(x.entity!.type), ' ', entityLink(x.entity!, x.entity!.nameEn ?? undefined)))),
        ),
        section(`${t('articles')} (${articles.length})`, 'search-articles', h('ul', { class: 'plain' }, articles.map((x) => h('li', {}, articleLink(x.article!))))),
      ),
    );
  } catch (err) {
    status.replaceWith(errorBox(err));
  }
};
