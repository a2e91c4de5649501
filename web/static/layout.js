// Deterministic force-directed layout (Fruchterman and Reingold, 1991).
//
// Nodes start on a circle in the order of their keys and the simulation uses
// no randomness, so the same graph always gets the same picture: a reader who
// reloads the page finds every actor where it was, and tests can pin positions.

/**
 * Computes node positions inside a width x height box.
 *
 * @param {Array<{id: string, key?: string}>} nodes  key orders the start circle (defaults to id)
 * @param {Array<{source: string, target: string, weight?: number}>} links
 * @param {{width: number, height: number, margin?: number, iterations?: number, gravity?: number, minDistance?: number}} box
 *   minDistance: nodes closer than this are pushed apart after the simulation
 * @returns {Map<string, {x: number, y: number}>}
 */
export function forceLayout(nodes, links, box) {
  const width = box.width;
  const height = box.height;
  const margin = box.margin ?? 40;
  const iterations = box.iterations ?? 300;
  const gravity = box.gravity ?? 0.1;
  const order = [...nodes].sort((a, b) => compare(a.key ?? a.id, b.key ?? b.id) || compare(a.id, b.id));
  const n = order.length;
  const index = new Map(order.map((node, i) => [node.id, i]));
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const cx = width / 2;
  const cy = height / 2;
  const radius = Math.min(width, height) / 3;
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / Math.max(n, 1) - Math.PI / 2;
    xs[i] = n === 1 ? cx : cx + radius * Math.cos(angle);
    ys[i] = n === 1 ? cy : cy + radius * Math.sin(angle);
  }

  // Parallel links between one pair pull once, with their weights summed:
  // what matters for the picture is that the two actors are related.
  const pairs = new Map();
  for (const link of links) {
    const s = index.get(link.source);
    const t = index.get(link.target);
    if (s === undefined || t === undefined || s === t) continue;
    const key = s < t ? `${s} ${t}` : `${t} ${s}`;
    const prev = pairs.get(key);
    const w = link.weight ?? 1;
    if (prev) prev.w += w;
    else pairs.set(key, { s: Math.min(s, t), t: Math.max(s, t), w });
  }
  // Sorted, so that the order links arrive in cannot change the sums.
  const springs = [...pairs.values()].sort((a, b) => a.s - b.s || a.t - b.t);

  const area = (width - 2 * margin) * (height - 2 * margin);
  const k = 0.8 * Math.sqrt(area / Math.max(n, 1));
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  let temperature = width / 8;
  const cooling = temperature / (iterations + 1);
  for (let iter = 0; iter < iterations; iter++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ddx = xs[i] - xs[j];
        let ddy = ys[i] - ys[j];
        let d2 = ddx * ddx + ddy * ddy;
        if (d2 < 1e-6) {
          // Coincident nodes: separate them along a direction fixed by
          // their indexes so that the result stays deterministic.
          const a = ((i * 7 + j * 13) % 360) * (Math.PI / 180);
          ddx = Math.cos(a) * 0.01;
          ddy = Math.sin(a) * 0.01;
          d2 = 1e-4;
        }
        const d = Math.sqrt(d2);
        const f = (k * k) / d;
        const fx = (ddx / d) * f;
        const fy = (ddy / d) * f;
        dx[i] += fx;
        dy[i] += fy;
        dx[j] -= fx;
        dy[j] -= fy;
      }
    }
    for (const { s, t, w } of springs) {
      const ddx = xs[s] - xs[t];
      const ddy = ys[s] - ys[t];
      const d = Math.max(Math.sqrt(ddx * ddx + ddy * ddy), 0.01);
      // Heavier pairs pull a little harder, but only logarithmically, so a
      // much-quoted dyad does not collapse onto itself.
      const f = ((d * d) / k) * (1 + Math.log(w) / 4);
      const fx = (ddx / d) * f;
      const fy = (ddy / d) * f;
      dx[s] -= fx;
      dy[s] -= fy;
      dx[t] += fx;
      dy[t] += fy;
    }
    for (let i = 0; i < n; i++) {
      // Gravity, a spring to the centre, keeps separate components of the
      // graph from drifting apart, which would shrink everything on fitting.
      const gx = cx - xs[i];
      const gy = cy - ys[i];
      const gd = Math.sqrt(gx * gx + gy * gy);
      dx[i] += (gx * gd * gravity) / k;
      dy[i] += (gy * gd * gravity) / k;
      const len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
      if (len > 0) {
        const step = Math.min(len, temperature);
        xs[i] += (dx[i] / len) * step;
        ys[i] += (dy[i] / len) * step;
      }
    }
    temperature -= cooling;
  }
  fit(xs, ys, width, height, margin);
  separate(xs, ys, width, height, margin, box.minDistance ?? 0);
  return new Map(order.map((node, i) => [node.id, { x: xs[i], y: ys[i] }]));
}

// fit scales and centres the positions into the box. Each axis may scale by
// up to 1.6 times the other, so a wide box is used without distorting
// the drawing much.
function fit(xs, ys, width, height, margin) {
  const n = xs.length;
  if (n === 0) return;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, xs[i]);
    maxX = Math.max(maxX, xs[i]);
    minY = Math.min(minY, ys[i]);
    maxY = Math.max(maxY, ys[i]);
  }
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const innerW = width - 2 * margin;
  const innerH = height - 2 * margin;
  let sx = spanX > 0 ? innerW / spanX : Infinity;
  let sy = spanY > 0 ? innerH / spanY : Infinity;
  if (!Number.isFinite(sx) && !Number.isFinite(sy)) sx = sy = 1;
  else if (!Number.isFinite(sx)) sx = sy;
  else if (!Number.isFinite(sy)) sy = sx;
  const stretch = 1.6;
  sx = Math.min(sx, sy * stretch);
  sy = Math.min(sy, sx * stretch);
  const offX = margin + (innerW - spanX * sx) / 2;
  const offY = margin + (innerH - spanY * sy) / 2;
  for (let i = 0; i < n; i++) {
    xs[i] = offX + (xs[i] - minX) * sx;
    ys[i] = offY + (ys[i] - minY) * sy;
  }
}

// separate pushes apart nodes closer than min, so that labels stay
// readable, keeping every node inside the margins.
function separate(xs, ys, width, height, margin, min) {
  const n = xs.length;
  if (!(min > 0)) return;
  for (let round = 0; round < 60; round++) {
    let moved = false;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = xs[j] - xs[i];
        let dy = ys[j] - ys[i];
        let d = Math.sqrt(dx * dx + dy * dy);
        if (d >= min) continue;
        if (d < 1e-6) {
          const a = ((i * 7 + j * 13) % 360) * (Math.PI / 180);
          dx = Math.cos(a);
          dy = Math.sin(a);
          d = 1;
        }
        const push = (min - d) / 2 + 0.01;
        const ux = dx / d;
        const uy = dy / d;
        xs[i] -= ux * push;
        ys[i] -= uy * push;
        xs[j] += ux * push;
        ys[j] += uy * push;
        moved = true;
      }
    }
    for (let i = 0; i < n; i++) {
      xs[i] = Math.min(width - margin, Math.max(margin, xs[i]));
      ys[i] = Math.min(height - margin, Math.max(margin, ys[i]));
    }
    if (!moved) break;
  }
}

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
