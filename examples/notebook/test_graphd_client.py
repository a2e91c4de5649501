"""Tests of graphd_client against a local HTTP server that answers as told.

Run with: python3 -m unittest discover -s examples/notebook
"""

import json
import os
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import mock

import graphd_client as gc


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


if __name__ == "__main__":
    unittest.main()
