import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import type { ApiServer } from '../../src/api/server';
import { ingestPaths } from '../../src/pipeline/ingest-articles';
import type { Executor } from '../../src/store/executor';
import { edgePoint, launchChromium, median, nodePoint, offlineOnly } from './browser';
import { gql, resetGraph, startTestApi, testExecutor } from './helpers';

const ROOT = path.join(__dirname, '..', '..');
const SEEDS = path.join(ROOT, 'seeds', 'articles');
/** Set to a folder to save screenshots of the main views (the README's come from docs/screenshots). */
const SHOTS = process.env.NEWSGRAPH_SCREENSHOTS;
const LIN = 'person:林佳龍';
/** The server under test accepts mutations with this key (the dashboard test ingests through the API). */
const API_KEY = 'explorer-e2e-key';
const AUTH = { authorization: `Bearer ${API_KEY}` };

/**
 * Short session reports, written here: ten of them with 21 party legislators each give the
 * legislature a neighbourhood of over 200 people. The names are invented combinations.
 */
function writeLegislatureArticles(dir: string): void {
  const surnames = ['王', '李', '張', '劉', '陳', '楊', '黃', '趙', '吳', '周'];
  const given = [
    '志豪',
    '雅婷',
    '冠宇',
    '怡萱',
    '柏翰',
    '詩涵',
    '宗翰',
    '佳穎',
    '承恩',
    '欣妤',
    '彥廷',
    '郁涵',
    '品睿',
    '思妤',
    '俊傑',
    '宜蓁',
    '家豪',
    '瑋婷',
    '子翔',
    '芷晴',
    '昱辰',
  ];
  const parties = ['國民黨', '民進黨'];
  for (let a = 0; a < 10; a++) {
    const sentences: string[] = [];
    for (let g = 0; g < given.length; g++) {
      const name = surnames[a] + given[g];
      sentences.push(`${parties[(a + g) % 2]}立委${name}今天在立法院質詢。`);
    }
    fs.writeFileSync(
      path.join(dir, `session-${a}.txt`),
      `url: https://newsgraph.example/e2e/session-${a}\ndate: 2025-11-${String(10 + a).padStart(2, '0')}\nlang: zh-Hant\n\n立法院第${a + 1}次院會 立委輪番質詢\n\n記者王大明／台北報導\n\n${sentences.join('')}\n`,
    );
  }
}

/** One attribute of every element a locator matches, in page order. */
const attrsOf = (locator: Locator, name: string): Promise<(string | null)[]> =>
  locator.evaluateAll((els, n) => els.map((el) => (el as any).getAttribute(n) as string | null), name);

const report = (line: string): void => void process.stdout.write(`[explorer e2e] ${line}\n`);

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

/**
 * The explorer as a newcomer uses it: real server on a free port, real Neo4j, Debian's
 * Chromium headless, no internet (every request that leaves the server is refused and counted).
 */
describe('explorer in a real browser', () => {
  let executor: Executor;
  let api: ApiServer;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'web', 'index.html')))
      throw new Error('dist/web is missing: run `npm run build` (npm test does it first).');
    executor = await testExecutor();
    await resetGraph(executor);
    const summary = await ingestPaths([SEEDS], { executor, maxBytes: 5 * 1024 * 1024 });
    expect(summary.counts.failed).toBe(0);
    api = await startTestApi(executor, API_KEY);
    origin = new URL(api.url).origin;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await executor?.close();
  });

  async function newPage(): Promise<{ page: Page; external: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-TW' });
    const external = await offlineOnly(page, origin);
    return { page, external };
  }

  it('finds 林佳龍, shows his relations with evidence, expands the graph, opens an article and follows a path to 立法院', async () => {
    const { page, external } = await newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));

    // `/` redirects to the explorer
    await page.goto(`${origin}/`);
    expect(new URL(page.url()).pathname).toBe('/explore');
    await page.getByTestId('overview').waitFor();
    await shot(page, 'home');

    // type-ahead in Chinese, then pick the suggestion
    await page.getByTestId('search').fill('林佳');
    const suggestion = page.locator('.suggestions li', { hasText: '林佳龍' }).first();
    await suggestion.waitFor();
    await suggestion.dispatchEvent('mousedown');
    await page.getByTestId('relations').waitFor();
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/explore/entity/${LIN}`);
    // the id is one encoded path segment in the address
    expect(new URL(page.url()).pathname).toBe(`/explore/entity/${encodeURIComponent(LIN)}`);
    await expect(page.locator('h1').first().textContent()).resolves.toContain('林佳龍');

    // what the page shows is what the API holds: every relation with its evidence sentences
    const expected = await gql(
      api.url,
      `{ entity(id: "${LIN}") { aliases relations(first: 60) { type to { name } from { name } evidence { sentence article { id title } } } } }`,
    );
    const relations = expected.data!.entity.relations as {
      type: string;
      evidence: { sentence: string; article: { id: string; title: string } }[];
    }[];
    expect(relations.length).toBeGreaterThan(0);
    const relItems = page.getByTestId('relations').locator('li.relation');
    await expect(relItems.count()).resolves.toBe(relations.length);
    const relationText = await page.getByTestId('relations').innerText();
    for (const r of relations) for (const ev of r.evidence) expect(relationText).toContain(ev.sentence);
    const aliasesText = await page.getByTestId('entity-header').innerText();
    for (const alias of expected.data!.entity.aliases.filter((a: string) => a !== '林佳龍')) expect(aliasesText).toContain(alias);
    // the timeline chart and the co-occurring entities
    await page.locator('[data-testid=timeline] .chart-box[data-points]').waitFor();
    await expect(page.locator('[data-testid=timeline] canvas').count()).resolves.toBe(1);
    expect(Number(await page.locator('[data-testid=timeline] .chart-box').getAttribute('data-points'))).toBeGreaterThan(0);
    const cooc = await gql(api.url, `{ cooccurrences(id: "${LIN}", first: 12) { entity { name } } }`);
    await page.getByTestId('cooccurrences').locator('a.chip').first().waitFor();
    await expect(page.getByTestId('cooccurrences').locator('a.chip').allInnerTexts()).resolves.toEqual(
      cooc.data!.cooccurrences.map((c: { entity: { name: string } }) => c.entity.name),
    );

    // the neighbourhood graph: same nodes as the API's neighbourhood
    const canvas = page.getByTestId('graph-canvas');
    await canvas.scrollIntoViewIfNeeded();
    await page.locator('[data-testid=graph-canvas][data-state=ready]').waitFor();
    const hood = await gql(api.url, `{ neighborhood(id: "${LIN}", depth: 1, limit: 40) { nodes { id name } edges { from to type } } }`);
    const hoodNodes = hood.data!.neighborhood.nodes as { id: string; name: string }[];
    expect(Number(await canvas.getAttribute('data-node-count'))).toBe(hoodNodes.length);
    if (SHOTS) {
      await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
      await shot(page, 'entity', true);
    }

    // click a neighbour whose own neighbourhood brings new nodes: the graph grows
    let grower: string | undefined;
    for (const n of hoodNodes.slice(1)) {
      const next = await gql(api.url, `query($id: ID!) { neighborhood(id: $id, depth: 1, limit: 30) { nodes { id } } }`, { id: n.id });
      if (next.data!.neighborhood.nodes.some((m: { id: string }) => !hoodNodes.some((h) => h.id === m.id))) {
        grower = n.id;
        break;
      }
    }
    expect(grower).toBeDefined();
    const before = Number(await canvas.getAttribute('data-node-count'));
    const at = await nodePoint(page, grower!);
    await page.mouse.click(at.x, at.y);
    await page
      .waitForFunction(
        (n) => Number((globalThis as any).document.querySelector('[data-testid=graph-canvas]').getAttribute('data-node-count')) > n,
        before,
        { timeout: 15000 },
      )
      .catch(async (err) => {
        // say what the page shows instead, so a failure can be understood from the log
        const state = await page.evaluate((id) => {
          const cy = (globalThis as any).__newsgraph.cy;
          const canvasEl = (globalThis as any).document.querySelector('[data-testid=graph-canvas]');
          return {
            dataset: { ...canvasEl.dataset },
            panel: (globalThis as any).document.querySelector('[data-testid=graph-panel]').innerText,
            expanded: cy.getElementById(id).hasClass('expanded'),
            nodes: cy.nodes().map((n: any) => n.id()),
          };
        }, grower!);
        throw new Error(`${(err as Error).message}; clicked ${grower} at ${JSON.stringify(at)}; page: ${JSON.stringify(state)}`);
      });
    await expect(page.getByTestId('graph-node-state').innerText()).resolves.toMatch(/已展開|Expanded/);
    await expect(page.getByTestId('graph-panel').locator('h3').innerText()).resolves.toBe(hoodNodes.find((n) => n.id === grower)!.name);

    // click an edge: its evidence shows in the panel
    const edge = hood.data!.neighborhood.edges[0] as { from: string; to: string; type: string };
    const edgeId = await page.evaluate(
      ({ from, to, type }) =>
        (globalThis as any).__newsgraph.cy
          .edges()
          .filter((e: any) => e.data('source') === from && e.data('target') === to && e.data('type') === type)[0]
          .id(),
      edge,
    );
    const mid = await edgePoint(page, edgeId);
    await page.mouse.click(mid.x, mid.y);
    await page.getByTestId('graph-evidence-source').first().waitFor();
    await expect(page.getByTestId('graph-evidence').locator('q').count()).resolves.toBeGreaterThan(0);
    await shot(page, 'graph');

    // filter out one relation type: its edges disappear
    const visible = Number(await canvas.getAttribute('data-visible-edge-count'));
    await page.getByTestId(`filter-${edge.type}`).uncheck();
    expect(Number(await canvas.getAttribute('data-visible-edge-count'))).toBeLessThan(visible);
    await page.getByTestId(`filter-${edge.type}`).check();
    expect(Number(await canvas.getAttribute('data-visible-edge-count'))).toBe(visible);

    // open the source article of the first evidence sentence
    const source = relations[0].evidence[0].article;
    await page.getByTestId('relations').locator(`a[data-article-id="${source.id}"]`).first().click();
    await page.getByTestId('article-body').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/explore/article/${encodeURIComponent(source.id)}`);
    await expect(page.getByTestId('article-title').innerText()).resolves.toBe(source.title);
    // entities highlighted in the text link to their pages
    await expect(page.getByTestId('article-body').locator(`a.mention[data-entity-id="${LIN}"]`).count()).resolves.toBeGreaterThan(0);
    const related = await gql(api.url, `query($id: ID!) { relatedArticles(id: $id, first: 8) { article { title } } }`, { id: source.id });
    await expect(page.getByTestId('related-articles').locator('li').count()).resolves.toBe(related.data!.relatedArticles.length);
    await shot(page, 'article');

    // a path from 林佳龍 to 立法院, each hop with its sentence
    await page.goBack();
    await page.getByTestId('path-from-here').click();
    await page.getByTestId('path-to').fill('立法院');
    const target = page.locator('.suggestions li', { hasText: '立法院' }).first();
    await target.waitFor();
    await target.dispatchEvent('mousedown');
    await page.getByTestId('hop').first().waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get('from')).toBe(LIN);
    const toId = url.searchParams.get('to')!;
    const paths = await gql(
      api.url,
      `query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 3, first: 5) { nodes { id name } edges { from to type title evidence { sentence } } } }`,
      { from: LIN, to: toId },
    );
    type ApiPath = {
      nodes: { id: string; name: string }[];
      edges: { from: string; to: string; type: string; title: string | null; evidence: { sentence: string }[] }[];
    };
    const apiPaths = paths.data!.paths as ApiPath[];
    expect(apiPaths.length).toBeGreaterThan(0);
    // the same route through two stored relations of one kind is shown once
    const routes = new Set(
      apiPaths.map((p) => JSON.stringify([p.nodes.map((n) => n.id), p.edges.map((e) => [e.from, e.type, e.title ?? '', e.to])])),
    );
    await expect(page.getByTestId('path').count()).resolves.toBe(routes.size);
    const firstPath = page.getByTestId('path').first();
    const hops = firstPath.getByTestId('hop');
    await expect(hops.count()).resolves.toBe(apiPaths[0].edges.length);
    await expect(hops.last().locator('a.chip').last().innerText()).resolves.toContain('立法院');
    const pathText = await firstPath.innerText();
    for (const e of apiPaths[0].edges) expect(pathText).toContain(e.evidence[0].sentence);
    await shot(page, 'path');

    // English labels on request
    await page.getByTestId('lang-toggle').click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Path finder');

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('serves deep links, an unknown id as a clear message, the offline GraphiQL and the Sandbox page linking to it', async () => {
    const { page, external } = await newPage();
    // a bookmarked deep link loads directly from the server
    const org = await gql(api.url, `{ search(query: "外交部", first: 1, types: [ORGANIZATION]) { entity { id name } } }`);
    const { id, name } = org.data!.search[0].entity;
    const res = await page.goto(`${origin}/explore/entity/${encodeURIComponent(id)}`);
    expect(res!.status()).toBe(200);
    await page.getByTestId('relations').waitFor();
    await expect(page.locator('h1').first().innerText()).resolves.toContain(name);

    await page.goto(`${origin}/explore/entity/${encodeURIComponent('person:沒有這個人')}`);
    await expect(page.getByTestId('not-found').innerText()).resolves.toContain('person:沒有這個人');
    await page.goto(`${origin}/explore/nothing/here`);
    await page.getByTestId('not-found').waitFor();

    // type-ahead in English, picked with the keyboard
    await page.getByTestId('search').fill('Lin Chia');
    await page.locator('.suggestions li', { hasText: '林佳龍' }).first().waitFor();
    const options = await page.locator('.suggestions li').allInnerTexts();
    for (let i = 0; i <= options.findIndex((o) => o.includes('林佳龍')); i++) await page.getByTestId('search').press('ArrowDown');
    await page.getByTestId('search').press('Enter');
    await page.getByTestId('relations').waitFor();
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/explore/entity/${LIN}`);

    // search results page in English
    await page.goto(`${origin}/explore/search?q=${encodeURIComponent('rare earth')}`);
    await page.getByTestId('search-articles').waitFor();
    await expect(page.getByTestId('search-articles').locator('li').count()).resolves.toBeGreaterThan(0);

    // GraphiQL runs its default query (林佳龍) with its Monaco editor and workers, all from this server
    await page.goto(`${origin}/graphiql`);
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response', { hasText: 'Lin Chia-lung' }).waitFor();
    await shot(page, 'graphiql');

    const landing = await fetch(api.url, { headers: { accept: 'text/html' } }).then((r) => r.text());
    expect(landing).toMatch(/sandbox/i);
    expect(landing).toContain('href="/graphiql"');
    expect(landing).toContain('href="/explore"');
    expect(external).toEqual([]);
    await page.close();
  });

  type ApiStoryRef = { id: string; title: string; titleEn: string | null; articleCount: number };
  type ApiStoryLink = { story: { id: string }; shared: { id: string; name: string }[]; evidence: string[] };

  it('finds a story in Chinese and English, and its page shows the per-outlet timeline, key entities, paged articles and linked stories with what they share', async () => {
    const { page, external } = await newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));

    // the stories whose titles hold 稀土, as the API ranks them; the biggest is the one we open
    const found = await gql(api.url, `{ stories(filter: { text: "稀土" }, first: 4) { nodes { id title titleEn articleCount } } }`);
    const titled = found.data!.stories.nodes as ApiStoryRef[];
    expect(titled.length).toBeGreaterThan(0);
    const main = [...titled].sort((a, b) => b.articleCount - a.articleCount)[0];
    expect(main.articleCount).toBeGreaterThan(1);

    // type-ahead in Chinese: the story suggestions are the API's, after the entities
    await page.goto(`${origin}/explore`);
    await page.getByTestId('search').fill('稀土');
    await page.locator('.suggestions li[data-kind=story]').first().waitFor();
    await expect(attrsOf(page.locator('.suggestions li[data-kind=story]'), 'data-id')).resolves.toEqual(titled.map((x) => x.id));
    const kinds = await attrsOf(page.locator('.suggestions li'), 'data-kind');
    expect(kinds.indexOf('story')).toBeGreaterThan(kinds.lastIndexOf('entity'));

    // type-ahead in English finds the same story by its English headline, picked with the keyboard
    expect(main.titleEn).toBeTruthy();
    await page.getByTestId('search').fill('');
    await page.locator('.suggestions').waitFor({ state: 'hidden' });
    await page.getByTestId('search').fill('rare earth');
    const enStory = page.locator(`.suggestions li[data-kind=story][data-id="${main.id}"]`);
    await enStory.waitFor();
    const order = await attrsOf(page.locator('.suggestions li'), 'data-id');
    for (let i = 0; i <= order.indexOf(main.id); i++) await page.getByTestId('search').press('ArrowDown');
    await page.getByTestId('search').press('Enter');
    await page.getByTestId('story-title').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/explore/story/${encodeURIComponent(main.id)}`);

    const detail = await gql(
      api.url,
      `query($id: ID!) { story(id: $id) {
        id title outlets
        timeline(interval: DAY, by: OUTLET) { bucket key articles }
        keyEntities(first: 12) { entity { id name } }
        articles(first: 10) { totalCount nodes { id title } }
        follows { story { id } shared { id name } evidence }
        followedBy { story { id } shared { id name } evidence }
        related(first: 6) { story { id } shared { id name } evidence }
      } }`,
      { id: main.id },
    );
    const story = detail.data!.story;
    await expect(page.getByTestId('story-title').innerText()).resolves.toBe(story.title);
    // the chart: one series per outlet, one bar group per day
    const chartBox = page.locator('[data-testid=story-timeline] .chart-box');
    await expect(page.locator('[data-testid=story-timeline] canvas').count()).resolves.toBe(1);
    expect(Number(await chartBox.getAttribute('data-series'))).toBe(story.outlets.length);
    expect(Number(await chartBox.getAttribute('data-points'))).toBe(new Set(story.timeline.map((p: { bucket: string }) => p.bucket)).size);
    expect(story.outlets.length).toBeGreaterThan(1);
    // key entities in the API's order, linked to their pages
    await expect(attrsOf(page.getByTestId('key-entities').locator('a.chip'), 'data-entity-id')).resolves.toEqual(
      story.keyEntities.map((k: { entity: { id: string } }) => k.entity.id),
    );
    // the articles, linked to their pages
    await expect(attrsOf(page.getByTestId('story-articles').locator('a.article-link'), 'data-article-id')).resolves.toEqual(
      story.articles.nodes.map((a: { id: string }) => a.id),
    );
    // follows / followed by / related: each linked story with the entities both share
    const links: [string, ApiStoryLink[]][] = [
      ['story-follows', story.follows],
      ['story-followed-by', story.followedBy],
      ['story-related', story.related],
    ];
    expect(links.reduce((n, [, l]) => n + l.length, 0)).toBeGreaterThan(0);
    for (const [testId, expected] of links) {
      const items = page.getByTestId(testId).locator('li[data-story-id]');
      await expect(attrsOf(items, 'data-story-id')).resolves.toEqual(expected.map((l) => l.story.id));
      for (let i = 0; i < expected.length; i++) {
        const shared = await attrsOf(items.nth(i).locator('.shared a.chip'), 'data-entity-id');
        expect(shared).toEqual(expected[i].shared.map((e) => e.id));
        const text = await items.nth(i).innerText();
        for (const headline of expected[i].evidence) expect(text).toContain(headline);
      }
    }
    await shot(page, 'story', true);

    // a linked story opens its own page
    const [firstLinkTestId, firstLinks] = links.find(([, l]) => l.length)!;
    await page.getByTestId(firstLinkTestId).locator(`li[data-story-id="${firstLinks[0].story.id}"] > a.story-link`).click();
    await page.waitForURL(`**/explore/story/${encodeURIComponent(firstLinks[0].story.id)}`);
    await page.getByTestId('story-title').waitFor();
    await page.goBack();
    await page.getByTestId('key-entities').waitFor();

    // a key entity's page lists the story among its stories
    const keyId = story.keyEntities[0].entity.id as string;
    await page.getByTestId('key-entities').locator(`a.chip[data-entity-id="${keyId}"]`).click();
    await page.getByTestId('relations').waitFor();
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/explore/entity/${keyId}`);
    const entityStories = await gql(api.url, `query($id: ID!) { stories(filter: { entity: $id }, first: 8) { nodes { id } } }`, {
      id: keyId,
    });
    await page.locator(`[data-testid=entity-stories] a.story-link[data-story-id="${main.id}"]`).waitFor();
    await expect(attrsOf(page.getByTestId('entity-stories').locator('a.story-link'), 'data-story-id')).resolves.toEqual(
      entityStories.data!.stories.nodes.map((x: { id: string }) => x.id),
    );
    await page.goBack();

    // an article of the story links back to it
    const art = story.articles.nodes[story.articles.nodes.length - 1] as { id: string; title: string };
    await page.getByTestId('story-articles').locator(`a[data-article-id="${art.id}"]`).click();
    await page.getByTestId('article-body').waitFor();
    await expect(page.getByTestId('article-story').locator('a.story-link').getAttribute('data-story-id')).resolves.toBe(main.id);
    await page.getByTestId('article-story').locator('a.story-link').click();
    await page.getByTestId('story-title').waitFor();

    // paged articles: one per page, the next page a bookmarkable address
    await page.goto(`${origin}/explore/story/${encodeURIComponent(main.id)}?size=1`);
    await page.getByTestId('next-page').waitFor();
    const listed = page.getByTestId('story-articles').locator('a.article-link');
    await expect(attrsOf(listed, 'data-article-id')).resolves.toEqual([story.articles.nodes[0].id]);
    await page.getByTestId('next-page').click();
    await page.getByTestId('first-page').waitFor();
    await expect(attrsOf(listed, 'data-article-id')).resolves.toEqual([story.articles.nodes[1].id]);
    const secondPage = page.url();
    expect(new URL(secondPage).searchParams.get('after')).toBeTruthy();
    await page.goto(secondPage);
    await page.getByTestId('first-page').waitFor();
    await expect(attrsOf(listed, 'data-article-id')).resolves.toEqual([story.articles.nodes[1].id]);

    // the search results page lists stories too, and the labels switch to English
    await page.goto(`${origin}/explore/search?q=${encodeURIComponent('稀土')}`);
    await page.getByTestId('search-stories').locator('a.story-link').first().waitFor();
    await expect(attrsOf(page.getByTestId('search-stories').locator('a.story-link'), 'data-story-id')).resolves.toEqual(
      titled.map((x) => x.id),
    );
    await page.goto(`${origin}/explore/story/${encodeURIComponent(main.id)}`);
    await page.getByTestId('lang-toggle').click();
    await expect(page.getByTestId('key-entities').locator('h2').innerText()).resolves.toBe('Key entities');
    await expect(page.getByTestId('story-title').innerText()).resolves.toBe(main.titleEn);
    await page.getByTestId('lang-toggle').click();

    await page.goto(`${origin}/explore/story/story_none`);
    await expect(page.getByTestId('not-found').innerText()).resolves.toContain('story_none');

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('shows trending entities and stories of the last 7 days against the 7 before, updated live over graphql-ws when an article is ingested and deleted', async () => {
    const { page, external } = await newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const posts: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && new URL(req.url()).pathname === '/graphql') posts.push(req.postData() ?? '');
    });
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));

    const TRENDING = `{
      stats { lastPublished }
      trending(period: LAST_7_DAYS, first: 10) { entity { id } }
      trendingStories(period: LAST_7_DAYS, first: 10) { story { id } }
    }`;
    type Trending = {
      stats: { lastPublished: string };
      trending: { entity: { id: string } }[];
      trendingStories: { story: { id: string } }[];
    };
    const expectPageShows = async (t: Trending): Promise<void> => {
      await expect(attrsOf(page.getByTestId('trending-entities').locator('li[data-entity-id]'), 'data-entity-id')).resolves.toEqual(
        t.trending.map((x) => x.entity.id),
      );
      await expect(attrsOf(page.getByTestId('trending-stories').locator('li[data-story-id]'), 'data-story-id')).resolves.toEqual(
        t.trendingStories.map((x) => x.story.id),
      );
    };
    const updates = async (): Promise<number> => Number(await page.getByTestId('dashboard-updated').getAttribute('data-updates'));
    const waitForUpdates = (n: number): Promise<unknown> =>
      page.waitForFunction(
        (k) => Number((globalThis as any).document.querySelector('[data-testid=dashboard-updated]').getAttribute('data-updates')) >= k,
        n,
        { timeout: 15000 },
      );

    // reached from the nav bar
    await page.goto(`${origin}/explore`);
    await page.getByTestId('nav-dashboard').click();
    expect(new URL(page.url()).pathname).toBe('/explore/dashboard');
    await page.locator('[data-testid=live-state][data-live=connected]').waitFor();
    await waitForUpdates(1);
    const before = (await gql<Trending>(api.url, TRENDING)).data!;
    expect(before.trending.length).toBeGreaterThan(0);
    expect(before.trendingStories.length).toBeGreaterThan(0);
    await expectPageShows(before);
    const end = before.stats.lastPublished.slice(0, 10);
    const day = (offset: number): string => new Date(Date.parse(`${end}T00:00:00Z`) + offset * 86400000).toISOString().slice(0, 10);
    await expect(page.getByTestId('dashboard-window').innerText()).resolves.toBe(
      `統計區間: 近 7 天 ${day(-6)} – ${end} 對比 前 7 天 ${day(-13)} – ${day(-7)}`,
    );
    expect(sockets.filter((u) => new URL(u).pathname === '/graphql')).toHaveLength(1);
    await shot(page, 'dashboard');

    // no polling: while nothing happens, the page sends nothing
    const quietFrom = posts.length;
    await page.waitForTimeout(2500);
    expect(posts.slice(quietFrom)).toEqual([]);
    expect(await updates()).toBe(1);
    await page.evaluate(() => ((globalThis as any).__sameDocument = true));

    // an article ingested through the API, the day after the newest: it becomes the newest story
    const ingestStarted = Date.now();
    const res = await gql(
      api.url,
      `mutation($a: [ArticleInput!]!) { ingestArticles(articles: $a) { id status error } }`,
      {
        a: [
          {
            url: 'https://newsgraph.example/e2e/dashboard-drill',
            title: '花蓮縣政府舉辦地震防災演練',
            body: '花蓮縣政府今天在花蓮市舉辦地震防災演練，消防局與國軍動員數百人參加。\n縣府表示，演練將每年舉行，並邀請民眾參與。',
            publishedAt: day(1),
            source: 'NewsGraph e2e',
            language: 'zh-Hant',
          },
        ],
      },
      AUTH,
    );
    const answeredAt = Date.now();
    expect(res.errors).toBeUndefined();
    const [ingested] = res.data!.ingestArticles as { id: string; status: string; error: string | null }[];
    expect(ingested).toMatchObject({ status: 'new', error: null });
    await page.locator(`[data-testid=live-feed] li[data-article-id="${ingested.id}"]`).waitFor({ timeout: 15000 });
    await waitForUpdates(2);
    const repaintedAt = Date.now();
    const after = (await gql<Trending>(api.url, TRENDING)).data!;
    expect(after.stats.lastPublished.slice(0, 10)).toBe(day(1));
    const storyOf = await gql(api.url, `query($id: ID!) { article(id: $id) { story { id } } }`, { id: ingested.id });
    const newStory = storyOf.data!.article.story.id as string;
    expect(after.trendingStories.map((x) => x.story.id)).toContain(newStory);
    await expectPageShows(after);
    // what rose into the lists since the previous load is marked
    await expect(page.getByTestId('trending-stories').locator(`li[data-story-id="${newStory}"]`).getAttribute('class')).resolves.toContain(
      'fresh',
    );
    await expect(page.getByTestId('dashboard-window').innerText()).resolves.toContain(`${day(-5)} – ${day(1)}`);
    await expect(page.evaluate(() => (globalThis as any).__sameDocument)).resolves.toBe(true);
    await shot(page, 'dashboard-live');

    // the new story's page, open in a second tab, is told when the story goes
    const { page: storyPage, external: storyExternal } = await newPage();
    await storyPage.goto(`${origin}/explore/story/${encodeURIComponent(newStory)}`);
    await storyPage.locator('[data-testid=story-header][data-live=connected]').waitFor();
    await storyPage.waitForTimeout(1500); // the subscription is sent right after the connection is acknowledged
    expect(await storyPage.getByTestId('story-changed').isHidden()).toBe(true);

    // deleted again: the dashboard goes back to what it showed
    const updatesBeforeDelete = await updates();
    const del = await gql(api.url, `mutation($id: ID!) { deleteArticle(id: $id) }`, { id: ingested.id }, AUTH);
    expect(del.data!.deleteArticle).toBe(true);
    await page
      .locator('[data-testid=live-feed] [data-change=DELETED], [data-testid=live-feed] [data-change=ARTICLE_REMOVED]')
      .first()
      .waitFor({ timeout: 15000 });
    await waitForUpdates(updatesBeforeDelete + 1);
    await expectPageShows((await gql<Trending>(api.url, TRENDING)).data!);
    await expect(page.getByTestId('trending-stories').locator(`li[data-story-id="${newStory}"]`).count()).resolves.toBe(0);
    await storyPage.getByTestId('story-changed').waitFor();
    await expect(storyPage.getByTestId('story-changed').getAttribute('data-change')).resolves.toBe('DELETED');
    await storyPage.getByTestId('story-changed').locator('button').click();
    await expect(storyPage.getByTestId('not-found').innerText()).resolves.toContain(newStory);
    expect(storyExternal).toEqual([]);
    await storyPage.close();

    report(
      `dashboard: ingest mutation answered in ${answeredAt - ingestStarted} ms; dashboard repainted with the article ${repaintedAt - answeredAt} ms after the answer ` +
        `(${repaintedAt - ingestStarted} ms after the mutation was sent; graphql-ws push, then one query)`,
    );
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('renders the entity page and the story page in well under a second (measured, median of 5 loads each)', async () => {
    const { page } = await newPage();
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const started = Date.now();
      await page.goto(`${origin}/explore/entity/${encodeURIComponent(LIN)}`);
      await page.locator('[data-testid=relations] li.relation').first().waitFor();
      if (i > 0) times.push(Date.now() - started); // the first load warms the server's caches
    }
    report(
      `entity page (${LIN}) from navigation to relations shown: median ${median(times)} ms, max ${Math.max(...times)} ms over ${times.length} loads`,
    );
    expect(median(times)).toBeLessThan(5000);

    // the story page of the biggest story, the same way: navigation to its articles and links shown
    const biggest = await gql(api.url, `{ stories(first: 1, orderBy: SIZE) { nodes { id } } }`);
    const storyId = biggest.data!.stories.nodes[0].id as string;
    const storyTimes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const started = Date.now();
      await page.goto(`${origin}/explore/story/${encodeURIComponent(storyId)}`);
      await page.locator('[data-testid=story-related] li[data-story-id]').first().waitFor();
      if (i > 0) storyTimes.push(Date.now() - started);
    }
    report(
      `story page (biggest story) from navigation to articles and linked stories shown: median ${median(storyTimes)} ms, max ${Math.max(...storyTimes)} ms over ${storyTimes.length} loads`,
    );
    expect(median(storyTimes)).toBeLessThan(5000);
    await page.close();
  });

  it('keeps a 200-node neighbourhood interactive (measured: load, layout, frame times while zooming, filter, hover, expand)', async () => {
    await resetGraph(executor);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-e2e-'));
    writeLegislatureArticles(dir);
    const ingestStarted = Date.now();
    const summary = await ingestPaths([dir], { executor, maxBytes: 5 * 1024 * 1024 });
    report(`ingested ${summary.counts.new} session articles in ${Date.now() - ingestStarted} ms`);
    expect(summary.counts.failed).toBe(0);
    const hub = await gql(api.url, `{ search(query: "立法院", first: 1, types: [ORGANIZATION]) { entity { id } } }`);
    const hubId = hub.data!.search[0].entity.id as string;
    const hood = await gql(
      api.url,
      `query($id: ID!) { neighborhood(id: $id, depth: 1, limit: 200) { nodes { id name } edges { type } } }`,
      { id: hubId },
    );
    const nodes = hood.data!.neighborhood.nodes as { id: string; name: string }[];
    expect(nodes.length).toBeGreaterThanOrEqual(200);

    const { page, external } = await newPage();
    const started = Date.now();
    await page.goto(`${origin}/explore/graph/${encodeURIComponent(hubId)}?depth=1&limit=200`);
    await page.locator('[data-testid=graph-canvas][data-state=ready]').waitFor();
    const loadMs = Date.now() - started;
    const canvas = page.getByTestId('graph-canvas');
    expect(Number(await canvas.getAttribute('data-node-count'))).toBe(nodes.length);
    const layoutMs = Number(await canvas.getAttribute('data-layout-ms'));
    await shot(page, 'graph-200');

    // frame times while the view zooms and pans, one step per animation frame
    const frames = await page.evaluate(async () => {
      const cy = (globalThis as any).__newsgraph.cy;
      const raf = (): Promise<number> => new Promise((r) => (globalThis as any).requestAnimationFrame(r));
      const zoom0 = cy.zoom();
      const times: number[] = [];
      let last = await raf();
      for (let i = 0; i < 60; i++) {
        cy.zoom({ level: zoom0 * (1 + 0.5 * Math.sin(i / 8)), renderedPosition: { x: 300, y: 200 } });
        cy.panBy({ x: 2, y: 1 });
        const now = await raf();
        times.push(now - last);
        last = now;
      }
      return { times, zoomChanged: cy.zoom() !== zoom0 };
    });
    expect(frames.zoomChanged).toBe(true);
    const sorted = [...frames.times].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)];

    // hover a node: its tooltip
    const target = nodes[nodes.length - 1];
    await page.evaluate(() => void (globalThis as any).__newsgraph.cy.fit()); // (returning the Core would serialise it)
    const at = await nodePoint(page, target.id);
    await page.mouse.move(at.x, at.y);
    await page.getByTestId('graph-tip').waitFor();
    await expect(page.getByTestId('graph-tip').innerText()).resolves.toContain(target.name);

    // filter a relation type out and back: time until the next frame is drawn
    const type = hood.data!.neighborhood.edges[0].type as string;
    const filterMs = await page.evaluate(async (t) => {
      const box = (globalThis as any).document.querySelector(`[data-testid="filter-${t}"]`);
      const raf = (): Promise<number> => new Promise((r) => (globalThis as any).requestAnimationFrame(r));
      const t0 = performance.now();
      box.click();
      await raf();
      await raf();
      return performance.now() - t0;
    }, type);
    expect(Number(await canvas.getAttribute('data-visible-edge-count'))).toBeLessThan(hood.data!.neighborhood.edges.length);

    // click (expand) a node: time until its panel shows the result
    await page.getByTestId(`filter-${type}`).check();
    const clickStarted = Date.now();
    await page.mouse.click(at.x, at.y);
    await page
      .getByTestId('graph-node-state')
      .filter({ hasText: /已展開|Expanded/ })
      .waitFor();
    const expandMs = Date.now() - clickStarted;
    await expect(page.getByTestId('graph-panel').locator('h3').innerText()).resolves.toBe(target.name);

    report(
      `${nodes.length}-node neighbourhood: page load to drawn ${loadMs} ms (CoSE layout ${layoutMs} ms); ` +
        `zoom/pan frames median ${median(frames.times).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; ` +
        `filter toggle to next frame ${filterMs.toFixed(0)} ms; node click to expanded panel ${expandMs} ms`,
    );
    expect(external).toEqual([]);
    await page.close();
  });
});
