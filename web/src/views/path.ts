import { gql, PATHS_QUERY, type EntityRef, type PathResult } from '../api';
import { h } from '../dom';
import { t, tEnum } from '../i18n';
import { pathHref } from '../links';
import { navigate } from '../navigation';
import type { View } from '../router';
import { entityLink, errorBox, evidenceList, loading, section, typeahead } from '../ui';

const ENTITY_NAME_QUERY = `query Names($from: ID!, $to: ID!) { a: entity(id: $from) { id name type } b: entity(id: $to) { id name type } }`;

/** /explore/path?from=<id>&to=<id>: how two entities connect, each hop with its sentences. */
export const pathView: View = async (root, { query }) => {
  const fromId = query.get('from') ?? '';
  const toId = query.get('to') ?? '';
  const maxHops = [1, 2, 3, 4].includes(Number(query.get('hops'))) ? Number(query.get('hops')) : 3;
  let names: { a: EntityRef | null; b: EntityRef | null } = { a: null, b: null };
  if (fromId || toId) {
    try {
      names = await gql(ENTITY_NAME_QUERY, { from: fromId, to: toId });
    } catch {
      // the pickers start empty then
    }
  }
  const picked = { from: fromId, to: toId };
  const go = (): void => {
    if (picked.from && picked.to) navigate(`${pathHref(picked.from, picked.to)}&hops=${hopsPicker.value}`);
  };
  const hopsPicker = h(
    'select',
    { 'aria-label': t('maxHops'), 'data-testid': 'path-hops' },
    [1, 2, 3, 4].map((n) => h('option', { value: n, selected: n === maxHops }, n)),
  );
  const form = h(
    'div',
    { class: 'path-form card' },
    h(
      'label',
      {},
      t('from'),
      typeahead({
        placeholder: t('pickEntity'),
        entitiesOnly: true,
        testId: 'path-from',
        initial: names.a?.name,
        onPickEntity: (e) => (picked.from = e.id),
      }),
    ),
    h(
      'label',
      {},
      t('to'),
      typeahead({
        placeholder: t('pickEntity'),
        entitiesOnly: true,
        testId: 'path-to',
        initial: names.b?.name,
        onPickEntity: (e) => ((picked.to = e.id), go()),
      }),
    ),
    h('label', { class: 'narrow' }, t('maxHops'), hopsPicker),
    h('button', { type: 'button', 'data-testid': 'path-go', onclick: go }, t('findPath')),
  );
  root.append(h('h1', {}, t('pathFinder')), form);
  if (!fromId || !toId) return;

  const status = loading();
  root.append(status);
  try {
    const { paths } = await gql<{ paths: PathResult[] }>(PATHS_QUERY, { from: fromId, to: toId, maxHops });
    if (!paths.length) {
      status.replaceWith(h('p', { class: 'muted', 'data-testid': 'no-path' }, t('noPath')));
      return;
    }
    status.replaceWith(...distinctPaths(paths).map((p, i) => pathCard(p, i)));
  } catch (err) {
    status.replaceWith(errorBox(err));
  }
};

/** The API can return the same route twice (through two stored relations of one kind): shown once. */
export function distinctPaths(paths: PathResult[]): PathResult[] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const key = JSON.stringify([p.nodes.map((n) => n.id), p.edges.map((e) => [e.from, e.type, e.title ?? '', e.to])]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pathCard(path: PathResult, index: number): HTMLElement {
  const hops: HTMLElement[] = [];
  for (let i = 0; i < path.nodes.length - 1; i++) {
    const a = path.nodes[i];
    const b = path.nodes[i + 1];
    const edge = path.edges.find((e) => (e.from === a.id && e.to === b.id) || (e.from === b.id && e.to === a.id));
    const forward = edge ? edge.from === a.id : true;
    hops.push(
      h(
        'li',
        { class: 'hop', 'data-testid': 'hop' },
        h(
          'div',
          { class: 'relation-head' },
          entityLink(a),
          h(
            'span',
            { class: 'rel-type' },
            edge ? ` ${forward ? '' : '←'}${tEnum(edge.type)}${edge.title ? ` · ${edge.title}` : ''}${forward ? '→' : ''} ` : ' — ',
          ),
          entityLink(b),
        ),
        edge ? evidenceList(edge.evidence ?? []) : null,
      ),
    );
  }
  return section(`#${index + 1} · ${path.length} ${t('hops')}`, 'path', h('ol', { class: 'hops' }, hops));
}
