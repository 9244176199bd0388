// GOV.UK pagination for a list page: numbered links with ellipses, previous and next, keeping the
// list's other query parameters.
export interface Pagination {
  previous?: { href: string };
  next?: { href: string };
  items: ({ number: string; href: string; current?: boolean } | { ellipsis: true })[];
  landmarkLabel: string;
}

export function pagination(
  page: number,
  pageSize: number,
  total: number,
  base: URLSearchParams,
  path: string,
): Pagination | undefined {
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last === 1) return undefined;
  const href = (p: number) => {
    const q = new URLSearchParams(base);
    q.delete('page');
    if (p > 1) q.set('page', String(p));
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };
  const shown = [...new Set([1, page - 1, page, page + 1, last])]
    .filter((p) => p >= 1 && p <= last)
    .sort((a, b) => a - b);
  const items: Pagination['items'] = [];
  let prev = 0;
  for (const p of shown) {
    if (p - prev > 1) items.push({ ellipsis: true });
    items.push({ number: String(p), href: href(p), ...(p === page ? { current: true } : {}) });
    prev = p;
  }
  return {
    ...(page > 1 ? { previous: { href: href(page - 1) } } : {}),
    ...(page < last ? { next: { href: href(page + 1) } } : {}),
    items,
    landmarkLabel: 'Pages of results',
  };
}

/** The query parameters of a request that are set, as strings (for links that keep filters). */
export function keptParams(query: Record<string, unknown>, drop: string[] = []): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (typeof v === 'string' && v !== '' && !drop.includes(k)) out.set(k, v);
  return out;
}
