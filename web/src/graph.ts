import cytoscape from 'cytoscape';
import {
  EDGE_SOURCES_QUERY,
  gql,
  NEIGHBORHOOD_QUERY,
  type EdgeSourcesData,
  type Evidence,
  type GraphEdge,
  type GraphNode,
  type RelationType,
  type Subgraph,
} from './api';
import { clear, h } from './dom';
import { t, tEnum } from './i18n';
import { entityHref } from './links';
import { ENTITY_TYPES, errorBox, evidenceList, TYPE_COLORS } from './ui';

export interface GraphViewOptions {
  centerId: string;
  depth?: number;
  limit?: number;
  /** Neighbours fetched when a node is expanded. */
  expandLimit?: number;
  /** Taller canvas for the full-screen view. */
  tall?: boolean;
}

export interface GraphView {
  element: HTMLElement;
  /** Resolves when the first subgraph is drawn. */
  ready: Promise<void>;
  /** Call when the page moved the canvas: cytoscape caches where its container is. */
  resize(): void;
  destroy(): void;
}

/** The handle end-to-end tests and curious users reach from the console (window.__newsgraph.cy). */
declare global {
  interface Window {
    __newsgraph?: { cy?: cytoscape.Core };
  }
}

const edgeId = (e: GraphEdge): string => `${e.from}|${e.type}|${e.title ?? ''}|${e.to}`;
const nodeSize = (mentions: number): number => Math.round(16 + 6 * Math.log2(1 + mentions));

/**
 * The interactive neighbourhood: cytoscape.js with the built-in CoSE layout. Click a node to
 * expand it (its own neighbourhood is merged in), click or hover an edge for its evidence,
 * tick relation types to filter, legend of entity types.
 */
export function createGraphView(options: GraphViewOptions): GraphView {
  const canvas = h('div', { class: `graph-canvas${options.tall ? ' tall' : ''}`, 'data-testid': 'graph-canvas', 'data-state': 'loading' });
  const tip = h('div', { class: 'graph-tip', hidden: true, 'data-testid': 'graph-tip' });
  const panel = h('aside', { class: 'graph-panel', 'data-testid': 'graph-panel' }, h('p', { class: 'muted' }, t('graphHint')));
  const filters = h('fieldset', { class: 'graph-filters', 'data-testid': 'graph-filters' }, h('legend', {}, t('filterRelations')));
  const legend = h(
    'div',
    { class: 'graph-legend', 'data-testid': 'graph-legend' },
    h('strong', {}, `${t('legend')}: `),
    ENTITY_TYPES.map((type) =>
      h('span', { class: 'legend-item' }, h('span', { class: 'dot', style: `background:${TYPE_COLORS[type]}` }), tEnum(type)),
    ),
  );
  const element = h(
    'div',
    { class: 'graph' },
    h('div', { class: 'graph-toolbar' }, legend, filters),
    h('div', { class: 'graph-body' }, h('div', { class: 'graph-stage' }, canvas, tip), panel),
  );

  const hiddenTypes = new Set<RelationType>();
  const expanded = new Set<string>();
  const cy = cytoscape({
    container: canvas,
    // nothing to lay out yet, and the canvas may not be in the page: no initial grid layout
    layout: { name: 'preset' },
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(color)',
          width: 'data(size)',
          height: 'data(size)',
          label: 'data(label)',
          'font-size': 11,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          color: '#1d2733',
          'text-outline-color': '#fff',
          'text-outline-width': 2,
          // labels appear as the user zooms in, so a crowded graph stays readable
          'min-zoomed-font-size': 8,
        },
      },
      { selector: 'node.center', style: { 'border-width': 4, 'border-color': '#10243e' } },
      { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#555', 'border-style': 'double' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ffb400' } },
      {
        selector: 'edge',
        style: {
          width: 'data(width)',
          'line-color': '#9aa7b5',
          'target-arrow-color': '#9aa7b5',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          label: 'data(label)',
          'font-size': 9,
          color: '#4a5663',
          'text-rotation': 'autorotate',
          'text-background-color': '#fff',
          'text-background-opacity': 0.8,
          'min-zoomed-font-size': 9,
        },
      },
      { selector: 'edge:selected', style: { 'line-color': '#ffb400', 'target-arrow-color': '#ffb400' } },
      { selector: '.filtered', style: { display: 'none' } },
    ],
  });
  window.__newsgraph = { ...(window.__newsgraph ?? {}), cy };

  const relabel = (): void => {
    canvas.dataset.nodeCount = String(cy.nodes().length);
    canvas.dataset.edgeCount = String(cy.edges().length);
    canvas.dataset.visibleEdgeCount = String(cy.edges().not('.filtered').length);
  };

  const merge = (sub: Subgraph): number => {
    const before = cy.elements().length;
    cy.batch(() => {
      for (const n of sub.nodes) addNode(n);
      for (const e of sub.edges) {
        if (cy.getElementById(edgeId(e)).nonempty() || cy.getElementById(e.from).empty() || cy.getElementById(e.to).empty()) continue;
        cy.add({
          group: 'edges',
          data: {
            id: edgeId(e),
            source: e.from,
            target: e.to,
            type: e.type,
            label: e.title ? `${tEnum(e.type)} · ${e.title}` : tEnum(e.type),
            width: Math.min(1.5 + e.weight, 6),
            edge: e,
          },
          classes: hiddenTypes.has(e.type) ? 'filtered' : '',
        });
      }
    });
    paintFilters();
    relabel();
    return cy.elements().length - before;
  };

  const addNode = (n: GraphNode, near?: cytoscape.Position): void => {
    if (cy.getElementById(n.id).nonempty()) return;
    cy.add({
      group: 'nodes',
      data: { id: n.id, label: n.name, type: n.type, color: TYPE_COLORS[n.type] ?? '#888', size: nodeSize(n.mentionCount), node: n },
      position: near,
    });
  };

  const layout = (randomize: boolean): number => {
    const started = performance.now();
    const crowded = cy.nodes().length > 60;
    cy.layout({
      name: 'cose',
      animate: false,
      randomize,
      fit: true,
      padding: 24,
      numIter: 600,
      nodeRepulsion: () => (crowded ? 1_200_000 : 400_000),
      idealEdgeLength: () => (crowded ? 90 : 70),
      gravity: crowded ? 0.4 : 1,
    } as cytoscape.LayoutOptions).run();
    const ms = performance.now() - started;
    canvas.dataset.layoutMs = ms.toFixed(0);
    return ms;
  };

  const paintFilters = (): void => {
    const types = [...new Set(cy.edges().map((e) => e.data('type') as RelationType))].sort();
    const present = new Set([...filters.querySelectorAll('input')].map((i) => i.value));
    if (types.every((x) => present.has(x)) && types.length === present.size) return;
    filters.querySelectorAll('label').forEach((l) => l.remove());
    for (const type of types) {
      const box = h('input', { type: 'checkbox', value: type, checked: !hiddenTypes.has(type), 'data-testid': `filter-${type}` });
      box.addEventListener('change', () => {
        if (box.checked) hiddenTypes.delete(type);
        else hiddenTypes.add(type);
        cy.edges(`[type = "${type}"]`).toggleClass('filtered', !box.checked);
        relabel();
      });
      filters.appendChild(h('label', {}, box, ` ${tEnum(type)} (${cy.edges(`[type = "${type}"]`).length})`));
    }
  };

  /** Evidence of an edge, fetched once from the relation it stands for. */
  const evidenceCache = new Map<string, Promise<Evidence[]>>();
  const evidenceOf = (e: GraphEdge): Promise<Evidence[]> => {
    const key = edgeId(e);
    let pending = evidenceCache.get(key);
    if (!pending) {
      pending = gql<EdgeSourcesData>(EDGE_SOURCES_QUERY, { id: e.from, types: [e.type] }).then(
        (data) => data.entity?.relations.find((r) => r.to.id === e.to && (r.title ?? null) === (e.title ?? null))?.evidence ?? [],
      );
      pending.catch(() => evidenceCache.delete(key));
      evidenceCache.set(key, pending);
    }
    return pending;
  };

  const showEdge = async (edge: cytoscape.EdgeSingular): Promise<void> => {
    const e = edge.data('edge') as GraphEdge;
    const from = cy.getElementById(e.from).data('label') as string;
    const to = cy.getElementById(e.to).data('label') as string;
    const list = h('ul', { class: 'evidence', 'data-testid': 'graph-evidence' }, h('li', { class: 'muted' }, t('loading')));
    clear(panel);
    panel.append(
      h('h3', {}, `${from} → ${to}`),
      h(
        'p',
        {},
        h('strong', {}, tEnum(e.type)),
        e.title ? ` · ${e.title}` : '',
        h('span', { class: 'muted' }, ` · ${e.weight} ${t('articlesUnit')}`),
      ),
      h('h4', {}, t('evidence')),
      list,
    );
    try {
      const evidence = await evidenceOf(e);
      if (!list.isConnected) return;
      list.replaceWith(evidenceList(evidence, 'graph-evidence'));
    } catch (err) {
      if (list.isConnected) list.replaceChildren(errorBox(err));
    }
  };

  const showNode = (node: cytoscape.NodeSingular, state: string): void => {
    const n = node.data('node') as GraphNode;
    clear(panel);
    panel.append(
      h('h3', {}, n.name),
      h(
        'p',
        {},
        h('span', { class: 'badge', style: `background:${TYPE_COLORS[n.type]}` }, tEnum(n.type)),
        ` ${t('mentionedIn')} ${n.mentionCount} ${t('articlesUnit')}`,
      ),
      h('p', { class: 'muted', 'data-testid': 'graph-node-state' }, state),
      h('a', { href: entityHref(n.id), 'data-testid': 'graph-open-page' }, t('openPage')),
    );
  };

  const expand = async (node: cytoscape.NodeSingular): Promise<void> => {
    const id = node.id();
    if (expanded.has(id)) {
      showNode(node, t('expanded'));
      return;
    }
    expanded.add(id);
    node.addClass('expanded');
    showNode(node, t('loading'));
    canvas.dataset.state = 'expanding';
    try {
      const data = await gql<{ neighborhood: Subgraph | null }>(NEIGHBORHOOD_QUERY, { id, depth: 1, limit: options.expandLimit ?? 30 });
      const added = data.neighborhood ? mergeNear(data.neighborhood, node.position()) : 0;
      // a small graph is laid out again as a whole; a large one keeps its shape (CoSE takes seconds there)
      if (added > 0 && cy.nodes().length <= 80) layout(false);
      else if (added > 0) cy.animate({ fit: { eles: node.closedNeighborhood(), padding: 40 }, duration: 250 });
      showNode(node, `${t('expanded')} (+${added})`);
    } catch (err) {
      expanded.delete(id);
      node.removeClass('expanded');
      panel.append(errorBox(err));
    } finally {
      canvas.dataset.state = 'ready';
    }
  };

  /** New neighbours go on a ring around the expanded node; the rest of the graph stays put. */
  const mergeNear = (sub: Subgraph, near: cytoscape.Position): number => {
    const fresh = sub.nodes.filter((n) => cy.getElementById(n.id).empty());
    const radius = 60 + 6 * fresh.length;
    cy.batch(() =>
      fresh.forEach((n, i) => {
        const angle = (2 * Math.PI * i) / Math.max(fresh.length, 1);
        addNode(n, { x: near.x + radius * Math.cos(angle), y: near.y + radius * Math.sin(angle) });
      }),
    );
    return merge(sub);
  };

  cy.on('tap', 'node', (evt) => void expand(evt.target as cytoscape.NodeSingular));
  cy.on('tap', 'edge', (evt) => void showEdge(evt.target as cytoscape.EdgeSingular));
  cy.on('mouseover', 'node, edge', (evt) => {
    const el = evt.target as cytoscape.SingularElementArgument;
    const pos = evt.renderedPosition ?? { x: 0, y: 0 };
    if (el.isEdge()) {
      const e = el.data('edge') as GraphEdge;
      const head = `${tEnum(e.type)}${e.title ? ` · ${e.title}` : ''}`;
      tip.textContent = head;
      void evidenceOf(e)
        .then((evidence) => {
          const sentence = evidence.find((ev) => ev.sentence.trim())?.sentence;
          if (!tip.hidden && tip.textContent === head && sentence) tip.textContent = `${head}: ${sentence}`;
        })
        .catch(() => undefined);
    } else {
      const n = el.data('node') as GraphNode;
      tip.textContent = `${n.name} · ${tEnum(n.type)} · ${n.mentionCount} ${t('articlesUnit')}`;
    }
    tip.style.left = `${pos.x + 12}px`;
    tip.style.top = `${pos.y + 12}px`;
    tip.hidden = false;
  });
  cy.on('mouseout', 'node, edge', () => (tip.hidden = true));

  const ready = (async () => {
    try {
      const data = await gql<{ neighborhood: Subgraph | null }>(NEIGHBORHOOD_QUERY, {
        id: options.centerId,
        depth: options.depth ?? 1,
        limit: options.limit ?? 50,
      });
      if (!data.neighborhood) throw new Error(t('entityNotFound'));
      merge(data.neighborhood);
      cy.getElementById(options.centerId).addClass('center');
      // the view is attached by the time the data arrives: take the canvas's real size
      cy.resize();
      layout(true);
      expanded.add(options.centerId);
      canvas.dataset.state = 'ready';
    } catch (err) {
      canvas.dataset.state = 'error';
      panel.replaceChildren(errorBox(err));
    }
  })();

  return {
    element,
    ready,
    resize: () => cy.resize(),
    destroy: () => {
      cy.destroy();
      if (window.__newsgraph?.cy === cy) delete window.__newsgraph.cy;
    },
  };
}
