"""Tests of graphd_client against a local HTTP server that answers as told,
and of graphd_figures' figures, measured on the rendered canvas.

Run with: python3 -m unittest discover -s examples/notebook
"""

import json
import os
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import mock

import graphd_client as gc

FIGURES_MISSING = ""
try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    import networkx as nx
    import pandas as pd

    import graphd_figures as gf
except ImportError as err:  # the client alone needs only requests
    gf = None
    FIGURES_MISSING = f"figures need matplotlib, networkx and pandas: {err}"


class _Handler(BaseHTTPRequestHandler):
    # Each test sets server.reply to (status, content type, body) or to a
    # function of the parsed request payload returning that triple.
    def _answer(self, payload):
        reply = self.server.reply
        if callable(reply):
            reply = reply(payload, self.path)
        status, ctype, body = reply
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        payload = json.loads(self.rfile.read(n))
        self.server.requests.append((self.path, payload, dict(self.headers)))
        self._answer(payload)

    def do_GET(self):
        self.server.requests.append((self.path, None, dict(self.headers)))
        self._answer(None)

    def log_message(self, *args):
        pass


class ClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        cls.server.requests = []
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()
        cls.url = f"http://127.0.0.1:{cls.server.server_address[1]}"

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()

    def setUp(self):
        self.server.requests.clear()
        self.client = gc.GraphdClient(self.url, token="")

    def test_query_answers(self):
        cases = [
            ("data", (200, "application/json", {"data": {"stats": {"actors": 8}}}), None, {"stats": {"actors": 8}}),
            ("graphql errors", (200, "application/json", {"data": None, "errors": [{"message": 'unknown actor "Atlantis"', "path": ["actor"]}]}),
             gc.GraphQLError, 'unknown actor "Atlantis" (at actor)'),
            ("errors beside partial data", (200, "application/json", {"data": {"a": 1}, "errors": [{"message": "boom"}]}), gc.GraphQLError, "graphql: boom"),
            ("request error with status 400", (400, "application/graphql-response+json", {"errors": [{"message": "Syntax Error: Unexpected Name"}]}),
             gc.GraphQLError, "Syntax Error"),
            ("server error page", (500, "text/plain", "internal error"), gc.GraphdHTTPError, "HTTP 500"),
            ("JSON that is not GraphQL", (404, "application/json", {"message": "not found"}), gc.GraphdHTTPError, "HTTP 404"),
            ("error status without errors", (502, "application/json", {"data": None}), gc.GraphdHTTPError, "HTTP 502"),
        ]
        for name, reply, exc, want in cases:
            with self.subTest(name):
                self.server.reply = reply
                if exc is None:
                    self.assertEqual(self.client.query("{ stats { actors } }"), want)
                    continue
                with self.assertRaises(exc) as ctx:
                    self.client.query("{ x }")
                self.assertIn(want, str(ctx.exception))

    def test_query_sends_variables_and_operation(self):
        self.server.reply = (200, "application/json", {"data": {}})
        self.client.query("query Q($n: String) { actor(name: $n) { id } }", {"n": "Taliban"}, operation_name="Q")
        path, payload, headers = self.server.requests[-1]
        self.assertEqual(path, "/graphql")
        self.assertEqual(payload, {"query": "query Q($n: String) { actor(name: $n) { id } }", "variables": {"n": "Taliban"}, "operationName": "Q"})
        self.assertIn("application/graphql-response+json", headers["Accept"])

    def test_partial_data_kept_on_error(self):
        self.server.reply = (200, "application/json", {"data": {"a": 1}, "errors": [{"message": "boom"}]})
        with self.assertRaises(gc.GraphQLError) as ctx:
            self.client.query("{ a b }")
        self.assertEqual(ctx.exception.data, {"a": 1})
        self.assertEqual(ctx.exception.errors, [{"message": "boom"}])

    def test_paginate_follows_cursors(self):
        items = [{"id": str(i)} for i in range(7)]

        def reply(payload, path):
            v = payload["variables"]
            start = int(v["after"] or 0)
            page = items[start:start + v["first"]]
            end = start + len(page)
            return 200, "application/json", {"data": {"actors": {"nodes": page, "pageInfo": {"hasNextPage": end < len(items), "endCursor": str(end)}}}}

        self.server.reply = reply
        got = list(self.client.paginate("q", lambda d: d["actors"], page_size=3))
        self.assertEqual(got, items)
        self.assertEqual(len(self.server.requests), 3)

    def test_export(self):
        cases = [
            ("graphml", (200, "application/xml", "<graphml/>"), None, b"<graphml/>"),
            ("csv", (500, "text/plain", "export failed"), gc.GraphdHTTPError, "HTTP 500"),
            ("nquads", None, ValueError, "want one of graphml, csv, json"),
        ]
        for fmt, reply, exc, want in cases:
            with self.subTest(fmt):
                self.server.reply = reply
                if exc is None:
                    self.assertEqual(self.client.export(fmt), want)
                    self.assertEqual(self.server.requests[-1][0], f"/export?format={fmt}")
                    continue
                with self.assertRaises(exc) as ctx:
                    self.client.export(fmt)
                self.assertIn(want, str(ctx.exception))

    def test_environment(self):
        cases = [
            ("default", {}, gc.DEFAULT_URL, "."),
            ("from environment", {"GRAPHD_URL": "http://127.0.0.1:9999/", "GRAPHD_NOTEBOOK_OUT": "/tmp/graphd-nb-test"},
             "http://127.0.0.1:9999", "/tmp/graphd-nb-test"),
        ]
        for name, env, want_url, want_out in cases:
            with self.subTest(name), mock.patch.dict(os.environ, env, clear=True):
                self.assertEqual(gc.GraphdClient().url, want_url)
                self.assertEqual(gc.output_dir(), want_out)
                self.assertTrue(os.path.isdir(want_out))

    def test_follow_reads_events(self):
        stream = (": keep-alive\n\n"
                  'event: next\ndata: {"data":{"stanceAdded":{"id":"1"}}}\n\n'
                  'event: next\ndata: {"data":\ndata: {"stanceAdded":{"id":"2"}}}\n\n'
                  "event: complete\ndata:\n\n")
        self.server.reply = (200, "text/event-stream; charset=utf-8", stream)
        with self.client.follow("subscription { stanceAdded { id } }", {"x": 1}) as feed:
            got = [d["stanceAdded"]["id"] for d in feed]
        self.assertEqual(got, ["1", "2"])
        path, payload, headers = self.server.requests[-1]
        self.assertEqual(path, "/graphql/stream")
        self.assertEqual(headers["Accept"], "text/event-stream")
        self.assertEqual(payload["variables"], {"x": 1})

    def test_follow_raises_the_dropped_notice(self):
        notice = {"errors": [{"message": "the subscriber fell 1024 changes behind", "extensions": {"code": "SUBSCRIBER_DROPPED"}}], "data": None}
        stream = 'event: next\ndata: {"data":{"stanceAdded":{"id":"1"}}}\n\nevent: next\ndata: ' + json.dumps(notice) + "\n\nevent: complete\ndata:\n\n"
        self.server.reply = (200, "text/event-stream", stream)
        feed = self.client.follow("subscription { stanceAdded { id } }")
        it = iter(feed)
        self.assertEqual(next(it)["stanceAdded"]["id"], "1")
        with self.assertRaises(gc.GraphQLError) as ctx:
            next(it)
        self.assertEqual(ctx.exception.errors[0]["extensions"]["code"], "SUBSCRIBER_DROPPED")
        feed.close()

    def test_follow_refused(self):
        self.server.reply = (406, "application/json", {"errors": [{"message": "send Accept: text/event-stream"}]})
        with self.assertRaises(gc.GraphdHTTPError):
            self.client.follow("subscription { stanceAdded { id } }")

    def test_token_header(self):
        self.server.reply = (200, "application/json", {"data": {}})
        gc.GraphdClient(self.url, token="s3cret").query("{ a }")
        self.assertEqual(self.server.requests[-1][2].get("Authorization"), "Bearer s3cret")


# The seed graph's stances (subject, type, object), as the notebook draws them.
SEED_STANCES = [
    ("United States", "DEMANDS", "Taliban"), ("United States", "REJECTS", "Taliban"),
    ("Taliban", "DEMANDS", "United States"), ("Taliban", "ACCUSES", "United States"),
    ("Kabul government", "OFFERS", "Taliban"), ("Kabul government", "DEMANDS", "Taliban"),
    ("Taliban", "REJECTS", "Kabul government"), ("United States", "SUPPORTS", "Kabul government"),
    ("United States", "ACCUSES", "Pakistan"), ("United States", "DEMANDS", "Pakistan"),
    ("Kabul government", "ACCUSES", "Pakistan"), ("Taliban", "DEMANDS", "NATO"),
    ("Russia", "ENGAGES", "Taliban"), ("Iran", "ENGAGES", "Taliban"),
]


def _style(t):
    return {"DEMANDS": ("#0072B2", (0, (1, 2)))}.get(t, ("#555555", "solid"))


@unittest.skipIf(gf is None, FIGURES_MISSING)
class FiguresTest(unittest.TestCase):
    def tearDown(self):
        plt.close("all")

    def _seed_graph(self):
        graph = nx.DiGraph()
        graph.add_node("Islamic State")
        by_type = {}
        for u, t, v in SEED_STANCES:
            graph.add_edge(u, v)
            by_type.setdefault(t, []).append((u, v, 1))
        fig, ax = plt.subplots(figsize=(10, 7.5))
        pos = gf.layout(graph)
        arrows = gf.draw_edges(ax, pos, by_type, _style)
        labels = gf.draw_nodes(ax, pos)
        ax.margins(0.12)
        ax.set_aspect("equal", adjustable="datalim")
        gf.place_labels(ax, pos, labels)
        fig.canvas.draw()
        centres = {n: ax.transData.transform(p) for n, p in pos.items()}
        return fig, ax, centres, labels, arrows

    def test_labels_beside_nodes(self):
        fig, ax, centres, labels, _ = self._seed_graph()
        r = gf.NODE_RADIUS_PT * fig.dpi / 72
        boxes = {n: t.get_window_extent() for n, t in labels.items()}
        for n, box in boxes.items():
            for m, (cx, cy) in centres.items():
                with self.subTest(label=n, node=m):
                    self.assertFalse(gf._box_hits_circle(box, cx, cy, r), f"label {n!r} {box} covers the circle of {m!r}")
            for m, other in boxes.items():
                if m != n:
                    self.assertFalse(box.overlaps(other), f"labels {n!r} and {m!r} overlap")
            mid = ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
            far = ((mid[0] - centres[n][0]) ** 2 + (mid[1] - centres[n][1]) ** 2) ** 0.5
            self.assertLess(far, r + box.width, f"label {n!r} is not beside its node")

    def test_arrowheads_on_the_rim_and_apart(self):
        fig, ax, centres, _, arrows = self._seed_graph()
        r = gf.NODE_RADIUS_PT * fig.dpi / 72
        gap = gf.ARROW_GAP_PT * fig.dpi / 72
        tips = {}
        for a in arrows:
            u, v, t = a.stance
            pts = ax.transData.transform(a.get_path().vertices)
            cx, cy = centres[v]
            tip = min(pts, key=lambda p: (p[0] - cx) ** 2 + (p[1] - cy) ** 2)
            d = ((tip[0] - cx) ** 2 + (tip[1] - cy) ** 2) ** 0.5
            with self.subTest(stance=a.stance):
                self.assertGreater(d, r, "the head is under the node")
                self.assertLess(d, r + gap + 3, "the arrow stops short of the node")
            tips.setdefault(v, []).append((a.stance, tip))
        for v, ts in tips.items():
            for i, (s1, p1) in enumerate(ts):
                for s2, p2 in ts[i + 1:]:
                    with self.subTest(into=v, a=s1, b=s2):
                        self.assertGreater(((p1[0] - p2[0]) ** 2 + (p1[1] - p2[1]) ** 2) ** 0.5, 4, "arrowheads on one point")

    def test_arc_radii(self):
        cases = [
            ("one edge is straight", {"DEMANDS": [("a", "b", 1)]}, {("a", "b", "DEMANDS"): 0.0}),
            ("one pair, three types, fanned around the line", {"DEMANDS": [("a", "b", 1)], "OFFERS": [("a", "b", 2)], "REJECTS": [("a", "b", 1)]},
             {("a", "b", "DEMANDS"): -gf.ARC_STEP, ("a", "b", "OFFERS"): 0.0, ("a", "b", "REJECTS"): gf.ARC_STEP}),
            ("both ways: each on its own side", {"DEMANDS": [("a", "b", 1), ("b", "a", 1)]},
             {("a", "b", "DEMANDS"): 0.6 * gf.ARC_STEP, ("b", "a", "DEMANDS"): 0.6 * gf.ARC_STEP}),
        ]
        for name, edges, want in cases:
            with self.subTest(name):
                got = {(u, v, t): rad for u, v, t, _, rad in gf.arc_radii(edges)}
                self.assertEqual(got.keys(), want.keys())
                for k in want:
                    self.assertAlmostEqual(got[k], want[k])

    def test_timeline_spans_the_data(self):
        day = pd.Timedelta(days=1)
        cases = [
            ("four stances on one date", ["2018-03-09"] * 4, 3 * day),
            ("two months", ["2018-01-01", "2018-02-10", "2018-03-01"], 59 * day * 1.4),
        ]
        directions = ["a → b", "b → a"]
        for name, dates, widest in cases:
            with self.subTest(name):
                df = pd.DataFrame({"date": pd.to_datetime(dates), "direction": [directions[i % 2] for i in range(len(dates))],
                                   "type": "DEMANDS", "topic": "talks"})
                fig, ax = plt.subplots(figsize=(10, 3.8))
                gf.dyad_timeline(ax, df, directions, _style)
                fig.canvas.draw()
                lo, hi = (mdates.num2date(x).replace(tzinfo=None) for x in ax.get_xlim())
                self.assertLessEqual(pd.Timestamp(hi) - pd.Timestamp(lo), widest)
                self.assertLess(pd.Timestamp(lo), df["date"].min())
                self.assertGreater(pd.Timestamp(hi), df["date"].max())
                ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
                self.assertEqual(len(ticks), len(set(ticks)), f"repeated tick labels {ticks}")
                plt.close(fig)

    def test_timeline_keeps_empty_buckets(self):
        buckets = [
            {"start": "2018-02-28", "counts": [{"type": "DEMANDS", "count": 2}], "net": -1, "stances": [{"id": "s1"}, {"id": "s2"}]},
            {"start": "2018-03-01", "counts": [], "net": 0, "stances": []},
            {"start": "2018-03-02", "counts": [], "net": 0, "stances": []},
            {"start": "2018-03-03", "counts": [{"type": "OFFERS", "count": 1}], "net": 4, "stances": [{"id": "s3"}]},
        ]
        frame = gf.timeline_frame(buckets, ["DEMANDS", "OFFERS"])
        self.assertEqual(list(frame["total"]), [2, 0, 0, 1])
        self.assertEqual(list(frame["DEMANDS"]), [2, 0, 0, 0])
        self.assertEqual(frame["stances"].iloc[0], ["s1", "s2"])
        fig, ax = plt.subplots(figsize=(8, 3))
        net = gf.plot_timeline(ax, frame, ["DEMANDS", "OFFERS"], _style, "t")
        fig.canvas.draw()
        self.assertEqual(len(ax.get_xticks()), 4, "every bucket has its slot, the empty ones too")
        self.assertEqual(list(net.lines[0].get_ydata()), [-1, 0, 0, 4])
        plt.close(fig)


if __name__ == "__main__":
    unittest.main()
