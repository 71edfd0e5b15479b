import { h } from '../dom';
import { t } from '../i18n';
import { entityHref } from '../links';
import type { View } from '../router';

/** /explore/graph/<id>?depth=&limit=: the neighbourhood graph on its own, full width. */
export const graphView: View = async (root, { params, query }) => {
  const id = params[0];
  const depth = clampInt(query.get('depth'), 1, 3, 1);
  const limit = clampInt(query.get('limit'), 1, 200, 60);
  root.append(h('h1', {}, t('neighbourhood'), ' ', h('a', { href: entityHref(id), class: 'small' }, id)));
  const { createGraphView } = await import('../graph');
  const view = createGraphView({ centerId: id, depth, limit, tall: true });
  root.append(view.element);
  await view.ready;
  return view.destroy;
};

function clampInt(raw: string | null, min: number, max: number, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}
