import './style.css';
import { h } from './dom';
import { lang, setLang, t } from './i18n';
import { articleHref, dashboardHref, entityHref, homeHref, pathHref, searchHref, storyHref } from './links';
import { setNavigator } from './navigation';
import { Router, type Route, type View } from './router';
import { typeahead } from './ui';
import { articleView } from './views/article';
import { dashboardView } from './views/dashboard';
import { entityView } from './views/entity';
import { graphView } from './views/graph';
import { homeView } from './views/home';
import { pathView } from './views/path';
import { searchView } from './views/search';
import { storyView } from './views/story';

/** Every view is a deep link under /explore. */
const routes: Route[] = [
  { pattern: /^$/, view: homeView },
  { pattern: /^search$/, view: searchView },
  { pattern: /^entity\/([^/]+)$/, view: entityView },
  { pattern: /^graph\/([^/]+)$/, view: graphView },
  { pattern: /^article\/([^/]+)$/, view: articleView },
  { pattern: /^story\/([^/]+)$/, view: storyView },
  { pattern: /^dashboard$/, view: dashboardView },
  { pattern: /^path$/, view: pathView },
];

const notFoundView: View = (root) => {
  root.append(
    h('div', { class: 'error', role: 'alert', 'data-testid': 'not-found' }, t('notFound')),
    h('p', {}, h('a', { href: homeHref() }, t('home'))),
  );
};

const app = document.getElementById('app')!;
const header = h('header', { class: 'topbar' });
const main = h('main', { id: 'view' });
app.append(header, main);

const router = new Router(routes, notFoundView, main, () => paintHeader());
setNavigator((href) => router.navigate(href));
setLang(lang());

function paintHeader(): void {
  const q = location.pathname.endsWith('/search') ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  header.replaceChildren(
    h('a', { class: 'brand', href: homeHref() }, t('appName')),
    typeahead({
      placeholder: t('searchPlaceholder'),
      testId: 'search',
      initial: q,
      onPickEntity: (e) => router.navigate(entityHref(e.id)),
      onPickArticle: (a) => router.navigate(articleHref(a.id)),
      onPickStory: (st) => router.navigate(storyHref(st.id)),
      onSubmit: (text) => text && router.navigate(searchHref(text)),
    }),
    h(
      'nav',
      {},
      h('a', { href: dashboardHref(), 'data-testid': 'nav-dashboard' }, t('dashboard')),
      h('a', { href: pathHref() }, t('pathFinder')),
      h('a', { href: '/graphiql', target: '_blank' }, t('graphiql')),
    ),
    h(
      'button',
      {
        class: 'lang',
        type: 'button',
        'data-testid': 'lang-toggle',
        onclick: () => {
          setLang(lang() === 'zh' ? 'en' : 'zh');
          void router.render();
        },
      },
      lang() === 'zh' ? 'English' : '中文',
    ),
  );
}

void router.render();
