import { BASE } from './links';

/** What a view gets: the decoded path parameters and the query string. */
export interface RouteMatch {
  params: string[];
  query: URLSearchParams;
}

/** A view renders into `root`; it may return a cleanup run when the user leaves it. */
export type View = (root: HTMLElement, match: RouteMatch) => void | (() => void) | Promise<void | (() => void)>;

export interface Route {
  /** Matched against the path after /explore/, still percent-encoded. */
  pattern: RegExp;
  view: View;
}

/**
 * A small History-API router: every path under /explore is served index.html by the API
 * server, and this picks the view. Adding a view (e.g. stories) is one more Route.
 */
export class Router {
  private cleanup: (() => void) | undefined;
  private generation = 0;

  constructor(
    private readonly routes: Route[],
    private readonly notFound: View,
    private readonly root: HTMLElement,
    private readonly onChange: () => void = () => undefined,
  ) {
    window.addEventListener('popstate', () => void this.render());
    document.addEventListener('click', (event) => this.interceptLink(event));
  }

  navigate(href: string, replace = false): void {
    if (replace) history.replaceState(null, '', href);
    else history.pushState(null, '', href);
    void this.render();
  }

  /** Renders the view for the current location. */
  async render(): Promise<void> {
    const generation = ++this.generation;
    this.cleanup?.();
    this.cleanup = undefined;
    const rest = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length).replace(/^\/+/, '') : location.pathname;
    const query = new URLSearchParams(location.search);
    let view = this.notFound;
    let params: string[] = [];
    for (const route of this.routes) {
      const m = route.pattern.exec(rest);
      if (m) {
        view = route.view;
        params = m.slice(1).map(safeDecode);
        break;
      }
    }
    // each render gets its own element: a view still awaiting its data when the user moves on
    // writes into a detached element, never over the next view
    const container = document.createElement('div');
    container.className = 'view';
    this.root.replaceChildren(container);
    this.onChange();
    window.scrollTo(0, 0);
    const done = await view(container, { params, query });
    if (generation !== this.generation) {
      if (typeof done === 'function') done();
      return;
    }
    if (typeof done === 'function') this.cleanup = done;
  }

  private interceptLink(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || !(url.pathname === BASE || url.pathname.startsWith(`${BASE}/`))) return;
    event.preventDefault();
    this.navigate(url.pathname + url.search);
  }
}

function safeDecode(segment: string | undefined): string {
  if (segment === undefined) return '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
