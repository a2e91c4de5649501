// The explorer's view of its drawing: zoom and pan as one transform
// (screen = content * k + (x, y)), and the neighbourhood an actor's focus
// keeps. Pure functions, so that node --test checks them without a browser.

/** The zoom limits: from a view of a very large graph to a close look. */
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 8;

/**
 * Zooms by factor about the screen point p, which stays where it is: the
 * actor under the pointer stays under it, as in any map.
 *
 * @param {{k: number, x: number, y: number}} view
 * @param {{x: number, y: number}} p
 * @param {number} factor
 */
export function zoomAt(view, p, factor) {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.k * factor));
  const f = k / view.k;
  return { k, x: p.x - (p.x - view.x) * f, y: p.y - (p.y - view.y) * f };
}

/**
 * Returns the view that shows the content box whole and centred in a
 * width x height screen, never magnified past maxZoom: a small graph is
 * shown at its own size rather than blown up.
 *
 * @param {{minX: number, minY: number, maxX: number, maxY: number}} bounds
 */
export function fitView(bounds, width, height, { margin = 10, maxZoom = 1 } = {}) {
  const w = Math.max(bounds.maxX - bounds.minX, 1);
  const h = Math.max(bounds.maxY - bounds.minY, 1);
  const k = Math.max(MIN_ZOOM, Math.min(maxZoom, (width - 2 * margin) / w, (height - 2 * margin) / h));
  return { k, x: width / 2 - ((bounds.minX + bounds.maxX) / 2) * k, y: height / 2 - ((bounds.minY + bounds.maxY) / 2) * k };
}

/** Converts a screen point to content coordinates under view. */
export function toContent(view, p) {
  return { x: (p.x - view.x) / view.k, y: (p.y - view.y) / view.k };
}

/**
 * The actors within hops steps of id, whichever way the arrows point: who
 * takes a stance on the actor matters as much as whom it takes one on.
 *
 * @param {Array<{source: string, target: string}>} edges
 * @returns {Set<string>} including id itself
 */
export function neighbourhood(edges, id, hops) {
  const adj = new Map();
  const link = (a, b) => {
    if (!adj.has(a)) adj.set(a, []);
    adj.get(a).push(b);
  };
  for (const e of edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const seen = new Set([id]);
  let frontier = [id];
  for (let step = 0; step < hops && frontier.length; step++) {
    const next = [];
    for (const a of frontier) {
      for (const b of adj.get(a) || []) {
        if (!seen.has(b)) {
          seen.add(b);
          next.push(b);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/**
 * Keeps the stances of the enabled types whose dates fall in [from, to]
 * (YYYY-MM-DD, either may be empty). Undated stances are kept only while no
 * date is set, as the server's filter does.
 */
export function filterStances(stances, enabled, from, to) {
  return stances.filter((s) => {
    if (!enabled.has(s.type)) return false;
    if (!from && !to) return true;
    if (!s.date) return false;
    return (!from || s.date >= from) && (!to || s.date <= to);
  });
}

/** The distinct dates of the stances, sorted: the stops of the time slider. */
export function dateStops(stances) {
  return [...new Set(stances.map((s) => s.date).filter(Boolean))].sort();
}
