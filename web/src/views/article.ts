import { ARTICLE_QUERY, gql, type ArticlePageData, type EntityRef } from '../api';
import { h } from '../dom';
import { t, tEnum } from '../i18n';
import { entityHref } from '../links';
import type { View } from '../router';
import { articleLink, entityLink, errorBox, loading, section, storyLink, TYPE_COLORS } from '../ui';

/** /explore/article/<id>: the text with its entities highlighted, and related articles. */
export const articleView: View = async (root, { params }) => {
  const status = loading();
  root.append(status);
  try {
    const { article: a } = await gql<ArticlePageData>(ARTICLE_QUERY, { id: params[0] });
    if (!a) {
      status.replaceWith(h('div', { class: 'error', role: 'alert', 'data-testid': 'not-found' }, `${t('articleNotFound')}: ${params[0]}`));
      return;
    }
    const entities = a.mentions.map((m) => m.entity);
    const marker = highlighter(entities);
    const paragraphs = (a.body ?? a.lead ?? '').split(/\n+/).filter((p) => p.trim());
    status.replaceWith(
      h(
        'article',
        { class: 'card article', 'data-testid': 'article' },
        h('h1', { 'data-testid': 'article-title' }, ...marker(a.title)),
        h(
          'p',
          { class: 'muted' },
          [a.publishedAt?.slice(0, 10), a.source, a.language].filter(Boolean).join(' · '),
          a.authors.length ? ` · ${t('authors')}: ${a.authors.map((x) => x.name).join('、')}` : '',
          a.url ? [' · ', h('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, t('originalLink'))] : null,
        ),
        a.story ? h('p', { 'data-testid': 'article-story' }, `${t('storyOf')}: `, storyLink(a.story)) : null,
        h(
          'div',
          { class: 'article-body', 'data-testid': 'article-body' },
          paragraphs.map((p) => h('p', {}, ...marker(p))),
        ),
      ),
      h(
        'div',
        { class: 'grid' },
        section(
          t('highlighted'),
          'article-entities',
          h(
            'div',
            { class: 'chips' },
            a.mentions.map((m) => entityLink(m.entity, `×${m.count}`)),
          ),
        ),
        section(
          t('related'),
          'related-articles',
          h(
            'ul',
            { class: 'plain' },
            a.relatedArticles.map((r) =>
              h(
                'li',
                {},
                articleLink(r.article),
                h('span', { class: 'badge link' }, tEnum(r.link)),
                r.shared.length
                  ? h(
                      'div',
                      { class: 'muted small' },
                      `${t('shared')}: `,
                      r.shared
                        .slice(0, 6)
                        .map((e) => e.name)
                        .join('、'),
                    )
                  : null,
              ),
            ),
          ),
        ),
      ),
    );
    document.title = `${a.title} · NewsGraph`;
  } catch (err) {
    status.replaceWith(errorBox(err));
  }
};

/**
 * Splits text into plain text and links around every name or alias of the article's entities,
 * longest first. Single characters are left alone (too ambiguous in Chinese), and Latin names
 * must stand as whole words.
 */
export function highlighter(entities: (EntityRef & { aliases: string[] })[]): (text: string) => Node[] {
  const byTerm = new Map<string, EntityRef>();
  for (const e of entities) for (const term of [e.name, ...e.aliases]) if ([...term].length >= 2 && !byTerm.has(term)) byTerm.set(term, e);
  if (!byTerm.size) return (text) => [document.createTextNode(text)];
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alternatives = [...byTerm.keys()]
    .sort((x, y) => y.length - x.length)
    .map((term) => (/^[\p{Script=Latin}\d]/u.test(term) ? `(?<![\\p{L}\\d])${escape(term)}(?![\\p{L}\\d])` : escape(term)));
  const pattern = new RegExp(alternatives.join('|'), 'gu');
  return (text) => {
    const out: Node[] = [];
    let last = 0;
    for (const m of text.matchAll(pattern)) {
      const entity = byTerm.get(m[0]);
      if (!entity || m.index === undefined) continue;
      if (m.index > last) out.push(document.createTextNode(text.slice(last, m.index)));
      out.push(
        h(
          'a',
          {
            class: 'mention',
            href: entityHref(entity.id),
            'data-entity-id': entity.id,
            title: tEnum(entity.type),
            style: `border-color:${TYPE_COLORS[entity.type]}`,
          },
          m[0],
        ),
      );
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push(document.createTextNode(text.slice(last)));
    return out;
  };
}
