/**
 * Deep links. Ids hold ':' and CJK characters ("person:林佳龍"), so each is one
 * encodeURIComponent'd path segment, decoded again by the router.
 */
export const BASE = '/explore';

export const homeHref = (): string => BASE;
export const searchHref = (q: string): string => `${BASE}/search?q=${encodeURIComponent(q)}`;
export const entityHref = (id: string): string => `${BASE}/entity/${encodeURIComponent(id)}`;
export const graphHref = (id: string): string => `${BASE}/graph/${encodeURIComponent(id)}`;
export const articleHref = (id: string): string => `${BASE}/article/${encodeURIComponent(id)}`;
export function storyHref(id: string, page?: { after?: string | null; size?: number }): string {
  const params = new URLSearchParams();
  if (page?.after) params.set('after', page.after);
  if (page?.size) params.set('size', String(page.size));
  const qs = params.toString();
  return `${BASE}/story/${encodeURIComponent(id)}${qs ? `?${qs}` : ''}`;
}
export const dashboardHref = (relativeTo?: 'NOW'): string => `${BASE}/dashboard${relativeTo ? `?relativeTo=${relativeTo}` : ''}`;
export function pathHref(from?: string, to?: string): string {
  const params = new URLSearchParams();
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  const qs = params.toString();
  return `${BASE}/path${qs ? `?${qs}` : ''}`;
}
