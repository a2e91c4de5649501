"""Figures of the stances notebook, drawn with matplotlib and networkx.

The notebook's first figures had labels spilling out of their circles,
arrowheads piled on one point of a node and a dyad timeline spanning ten
empty days for four stances of one date. These helpers draw them so that:

- a node is a small circle and its name sits beside it, on the side away
  from the centre of the graph, on a white box above the edges;
- every arrow is shortened to end on the rim of its target's circle, and
  stances between the same two actors are curves of their own (each
  direction on its own side), so that their heads land apart;
- the timeline's date axis spans the stances' dates, with a day's margin
  when they all fall on one date, and ticks on whole days.

    >>> fig, ax = plt.subplots(figsize=(10, 7.5))
    >>> handles = draw_stance_graph(ax, graph, edges_by_type, style)
    >>> dyad_timeline(ax, dated, directions, style)
"""

from __future__ import annotations

import math
from typing import Any, Callable, Iterable

import matplotlib.dates as mdates
import networkx as nx
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

NODE_RADIUS_PT = 11.0  # radius of a node's circle, in points
ARROW_GAP_PT = 1.5  # space between an arrow's head and the rim it points at
LABEL_GAP_PT = 4.0  # space between a node's rim and its label
ARC_STEP = 0.22  # curvature between neighbouring parallel arcs (arc3 rad)
STACK_STEP = 0.24  # vertical spacing of a dyad's stances of one day and direction

Style = Callable[[str], "tuple[str, Any]"]  # stance type -> (colour, line style)


def layout(graph: nx.Graph) -> dict[Any, tuple[float, float]]:
    """Positions the nodes: Kamada-Kawai on the undirected graph, unweighted.

    Edges may carry a "weight" of their own (the export's Goldstein-style
    score, negative for conflict), which is no distance, hence weight=None.
    A graph without edges is laid out on a circle.
    """
    if graph.number_of_edges() == 0:
        return nx.circular_layout(graph)
    return nx.kamada_kawai_layout(nx.Graph(graph.to_undirected()), weight=None)


def arc_radii(edges_by_type: dict[str, list[tuple[Any, Any, int]]]) -> list[tuple[Any, Any, str, int, float]]:
    """Gives every typed edge the curvature (arc3 rad) that keeps it apart.

    Edges of one ordered pair are numbered by type. When the pair is linked
    one way only, its edges fan out around the straight line (one edge is
    straight); when both ways, each direction curves to its own side, since
    arc3 bends to the left of the direction of travel. Returns (u, v, type,
    count, rad) tuples.
    """
    by_pair: dict[tuple[Any, Any], list[tuple[str, int]]] = {}
    for t in sorted(edges_by_type):
        for u, v, n in edges_by_type[t]:
            by_pair.setdefault((u, v), []).append((t, n))
    out = []
    for (u, v), typed in by_pair.items():
        both_ways = (v, u) in by_pair
        for k, (t, n) in enumerate(typed):
            rad = ARC_STEP * (k + 0.6) if both_ways else ARC_STEP * (k - (len(typed) - 1) / 2)
            out.append((u, v, t, n, rad))
    return out


def _directions(p: tuple[float, float], centre: tuple[float, float]) -> list[tuple[float, float]]:
    """Sixteen unit directions around a node, the one away from centre first,
    then the others by their angle from it."""
    away = math.atan2(p[1] - centre[1], p[0] - centre[0]) if math.dist(p, centre) > 1e-9 else -math.pi / 2
    steps = sorted(range(16), key=lambda k: min(k, 16 - k))
    return [(math.cos(away + k * math.pi / 8), math.sin(away + k * math.pi / 8)) for k in steps]


def _place(label, d: tuple[float, float]) -> None:
    """Puts a label beside its node in direction d, aligned so that it grows away from the node."""
    off = NODE_RADIUS_PT + LABEL_GAP_PT
    label.xyann = (d[0] * off, d[1] * off)
    label.set_horizontalalignment("left" if d[0] > 0.38 else "right" if d[0] < -0.38 else "center")
    label.set_verticalalignment("bottom" if d[1] > 0.38 else "top" if d[1] < -0.38 else "center")


def _box_hits_circle(box, cx: float, cy: float, r: float) -> bool:
    """Reports whether a display-space box comes within r of (cx, cy)."""
    nx_ = min(max(cx, box.x0), box.x1)
    ny_ = min(max(cy, box.y0), box.y1)
    return math.hypot(nx_ - cx, ny_ - cy) < r


def place_labels(ax, pos: dict[Any, tuple[float, float]], labels: dict[Any, Any]) -> None:
    """Moves each label to the first side of its node, starting away from
    the graph's centre, where it overlaps neither a node's circle nor a label
    placed before it (the outward side when none is free)."""
    fig = ax.figure
    ax.apply_aspect()
    renderer = fig.canvas.get_renderer()
    r = NODE_RADIUS_PT * fig.dpi / 72 + 1
    centres = [ax.transData.transform(p) for p in pos.values()]
    centre = (sum(p[0] for p in pos.values()) / len(pos), sum(p[1] for p in pos.values()) / len(pos))
    placed = []
    for node, label in labels.items():
        options = _directions(pos[node], centre)
        for d in options:
            _place(label, d)
            box = label.get_window_extent(renderer).expanded(1.04, 1.1)
            if not any(_box_hits_circle(box, cx, cy, r) for cx, cy in centres) and not any(box.overlaps(b) for b in placed):
                break
        else:
            _place(label, options[0])
            box = label.get_window_extent(renderer)
        placed.append(box)


def draw_nodes(ax, pos: dict[Any, tuple[float, float]], font_size: float = 9) -> dict[Any, Any]:
    """Draws each node as a circle of NODE_RADIUS_PT and its name, to be put
    beside it by place_labels once the axes' limits are known.

    The circle is a marker, so it keeps its size in points whatever the
    layout's scale, which is what lets arrows stop at its rim. Returns the
    label of each node.
    """
    nodes = list(pos)
    xs, ys = [pos[n][0] for n in nodes], [pos[n][1] for n in nodes]
    ax.scatter(xs, ys, s=(2 * NODE_RADIUS_PT) ** 2, facecolor="#f1f1f1", edgecolor="#333333", linewidths=1.2, zorder=3)
    labels = {}
    for node in nodes:
        labels[node] = ax.annotate(str(node), pos[node], xytext=(0, 0), textcoords="offset points", fontsize=font_size, zorder=5,
                                   bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
    return labels


def draw_edges(ax, pos: dict[Any, tuple[float, float]], edges_by_type: dict[str, list[tuple[Any, Any, int]]], style: Style) -> list[FancyArrowPatch]:
    """Draws one arrow per typed edge, curved as arc_radii says, wider for more stances.

    Each arrow is shortened at both ends to the rim of its nodes' circles
    (plus ARROW_GAP_PT), so that its head is seen whole, not under the node.
    """
    shrink = NODE_RADIUS_PT + ARROW_GAP_PT
    arrows = []
    for u, v, t, n, rad in arc_radii(edges_by_type):
        color, dash = style(t)
        arrow = FancyArrowPatch(pos[u], pos[v], connectionstyle=f"arc3,rad={rad:.3f}", arrowstyle="-|>", mutation_scale=13,
                                shrinkA=shrink, shrinkB=shrink, color=color, linestyle=dash, linewidth=1.2 + 1.3 * (n - 1) ** 0.5,
                                zorder=2)
        arrow.stance = (u, v, t)  # for tests and callers that look arrows up
        ax.add_patch(arrow)
        arrows.append(arrow)
    return arrows


def draw_stance_graph(ax, graph: nx.Graph, edges_by_type: dict[str, list[tuple[Any, Any, int]]], style: Style,
                      pos: dict[Any, tuple[float, float]] | None = None) -> list[Line2D]:
    """Draws a stance graph on ax and returns the legend handles, one per type with its count.

    edges_by_type maps a stance type to (subject, object, count) triples;
    style maps a type to its colour and line style.
    """
    pos = pos or layout(graph)
    draw_edges(ax, pos, edges_by_type, style)
    labels = draw_nodes(ax, pos)
    ax.margins(0.12)
    ax.set_aspect("equal", adjustable="datalim")
    ax.axis("off")
    place_labels(ax, pos, labels)
    handles = []
    for t in sorted(edges_by_type):
        color, dash = style(t)
        handles.append(Line2D([0], [0], color=color, linestyle=dash, lw=2, label=f"{t} ({sum(n for *_, n in edges_by_type[t])})"))
    return handles


def stack(dated: pd.DataFrame, directions: list[str]) -> pd.DataFrame:
    """Adds y: the row of each stance's direction, stances of one day and direction stacked STACK_STEP apart."""
    dated = dated.sort_values(["date", "direction", "type"])
    return dated.assign(y=dated["direction"].map(directions.index) + STACK_STEP * dated.groupby(["date", "direction"]).cumcount())


def date_limits(dates: Iterable[pd.Timestamp]) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The date axis's range: the dates' span with a margin of 8 % each side
    (30 % after, for the labels), but at least a day each side, so that
    stances of one date are shown over three days, not ten."""
    dates = pd.Series(list(dates))
    lo, hi = dates.min().normalize(), dates.max().normalize()
    span = hi - lo
    day = pd.Timedelta(days=1)
    return lo - max(span * 0.08, day), hi + max(span * 0.3, day)


def date_locator(lo: pd.Timestamp, hi: pd.Timestamp):
    """Ticks on whole days for a range of up to two weeks (the automatic locator
    would tick hours, printed as repeated dates), automatic beyond."""
    days = (hi - lo) / pd.Timedelta(days=1)
    if days <= 14:
        return mdates.DayLocator(interval=max(1, int(math.ceil(days / 7))))
    return mdates.AutoDateLocator(minticks=3, maxticks=9)


def dyad_timeline(ax, dated: pd.DataFrame, directions: list[str], style: Style) -> pd.DataFrame:
    """Plots the stances of a dyad by date, one row per direction.

    dated has the columns date, direction (one of directions), type and
    topic. Returns dated with the y of each point.
    """
    dated = stack(dated, directions)
    for t, group in dated.groupby("type"):
        color, _ = style(t)
        ax.scatter(group["date"], group["y"], s=120, color=color, edgecolors="black", label=t, zorder=3)
    for row in dated.itertuples():
        ax.annotate(row.topic or row.type.lower(), (row.date, row.y), textcoords="offset points", xytext=(10, -3), fontsize=8)
    lo, hi = date_limits(dated["date"])
    ax.set_xlim(lo, hi)
    ax.xaxis.set_major_locator(date_locator(lo, hi))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    ax.set_yticks(range(len(directions)), directions)
    ax.set_ylim(-0.5, max(len(directions) - 0.5, dated["y"].max() + 0.5))
    ax.grid(axis="x", alpha=0.3)
    return dated


def timeline_frame(buckets: list[dict[str, Any]], types: list[str]) -> pd.DataFrame:
    """One row per bucket of the timeline field, empty buckets included,
    indexed by the bucket's first day: a column of counts per type (in
    vocabulary order, 0 where none), total, net, and the stance IDs."""
    rows = []
    for b in buckets:
        counts = {c["type"]: c["count"] for c in b["counts"]}
        rows.append({"start": pd.Timestamp(b["start"]), **{t: counts.get(t, 0) for t in types},
                     "total": sum(counts.values()), "net": b["net"], "stances": [s["id"] for s in b.get("stances") or []]})
    return pd.DataFrame(rows, columns=["start", *types, "total", "net", "stances"]).set_index("start")


def plot_timeline(ax, frame: pd.DataFrame, types: list[str], style: Style, title: str):
    """Draws a timeline frame: bars of the counts stacked by type, one slot
    per bucket whether empty or not (so that silence shows as a gap at
    zero, not as a shorter axis), and the net weight as a line on its own
    axis at the right. Returns that axis."""
    x = range(len(frame))
    bottom = [0] * len(frame)
    for t in types:
        if frame[t].sum() == 0:
            continue
        color, _ = style(t)
        ax.bar(x, frame[t], bottom=bottom, color=color, edgecolor="black", linewidth=0.4, label=t)
        bottom = [b + n for b, n in zip(bottom, frame[t])]
    ax.set_ylabel("stances")
    ax.yaxis.get_major_locator().set_params(integer=True)
    net = ax.twinx()
    net.plot(x, frame["net"], color="black", marker="o", markersize=3, linewidth=1.2, label="net weight")
    net.axhline(0, color="#999999", linewidth=0.8, linestyle=":")
    net.set_ylabel("net weight")
    step = max(1, len(frame) // 12)
    ax.set_xticks(list(x)[::step], [d.strftime("%Y-%m-%d") for d in frame.index[::step]], rotation=45, ha="right", fontsize=8)
    ax.set_xlim(-0.6, len(frame) - 0.4)
    ax.set_title(title)
    return net
