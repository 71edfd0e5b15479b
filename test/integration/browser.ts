import * as fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium; .ci/run does it), or CHROMIUM_PATH. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((x): x is string => Boolean(x));
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`Chromium not found (tried ${candidates.join(', ')}): apt-get install -y chromium, or set CHROMIUM_PATH.`);
  return found;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // root in CI containers has no user namespace sandbox; /dev/shm is small there
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--lang=zh-TW'],
  });
}

/**
 * Lets requests to the server under test through and refuses everything else, recording it:
 * the explorer must work with no internet.
 */
export async function offlineOnly(page: Page, origin: string): Promise<string[]> {
  const external: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    external.push(url);
    return route.abort('internetdisconnected');
  });
  return external;
}

/**
 * Where a graph node is drawn, in page coordinates (the canvas has no DOM per node), after
 * scrolling the canvas into view and centring the node in it, so that a real click lands on it.
 */
export async function nodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  await page.getByTestId('graph-canvas').scrollIntoViewIfNeeded();
  return page.evaluate((nodeId) => {
    const cy = (globalThis as any).__newsgraph.cy;
    // cytoscape caches where its canvas sits in the page; a full-page screenshot (which resizes
    // the viewport) leaves that cache stale, and a click would then land beside the node
    cy.resize();
    cy.center(cy.getElementById(nodeId));
    const p = cy.getElementById(nodeId).renderedPosition();
    const r = cy.container().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, id);
}

export async function edgePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  await page.getByTestId('graph-canvas').scrollIntoViewIfNeeded();
  return page.evaluate((edgeId) => {
    const cy = (globalThis as any).__newsgraph.cy;
    // cytoscape caches where its canvas sits in the page; a full-page screenshot (which resizes
    // the viewport) leaves that cache stale, and a click would then land beside the node
    cy.resize();
    cy.center(cy.getElementById(edgeId));
    const p = cy.getElementById(edgeId).renderedMidpoint();
    const r = cy.container().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, id);
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
