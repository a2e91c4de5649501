"""A small client for graphd's HTTP API, used by the stances notebook.

It posts GraphQL documents to ``/graphql`` and turns every kind of failure
into a Python exception, so that notebook cells read as plain data access:

    >>> client = GraphdClient()                      # GRAPHD_URL or http://127.0.0.1:8080
    >>> client.query("{ stats { actors } }")["stats"]["actors"]
    >>> with client.follow("subscription { stanceAdded { id } }") as feed:
    ...     for data in feed: ...                    # each new stance, as it is stored

A GraphQL answer that lists errors raises GraphQLError even when it also
carries partial data: a notebook that silently plotted half an answer would
mislead its reader.
"""

from __future__ import annotations

import json
import os
from typing import Any, Callable, Iterator

import requests

DEFAULT_URL = "http://127.0.0.1:8080"
EXPORT_FORMATS = ("graphml", "csv", "json")


class GraphdError(Exception):
    """Base class of the errors this module raises."""


class GraphdHTTPError(GraphdError):
    """The server answered with an HTTP status and a body that is not a GraphQL answer."""

    def __init__(self, status: int, url: str, body: str):
        self.status = status
        self.url = url
        self.body = body
        super().__init__(f"graphd: HTTP {status} from {url}: {body[:300].strip()}")


class GraphQLError(GraphdError):
    """The answer listed GraphQL errors; ``errors`` holds them as sent, ``data`` any partial data."""

    def __init__(self, errors: list[dict[str, Any]], data: Any = None):
        self.errors = errors
        self.data = data
        parts = []
        for e in errors:
            msg = str(e.get("message", e))
            path = e.get("path")
            parts.append(f"{msg} (at {'.'.join(str(p) for p in path)})" if path else msg)
        super().__init__("graphql: " + "; ".join(parts))


def graphd_url() -> str:
    """The server's base URL: the GRAPHD_URL environment variable or DEFAULT_URL."""
    return (os.environ.get("GRAPHD_URL") or DEFAULT_URL).rstrip("/")


class GraphdClient:
    """Talks to one graphd server. Reuses one HTTP session; not thread-safe."""

    def __init__(self, url: str | None = None, token: str | None = None, timeout: float = 30.0):
        self.url = (url or graphd_url()).rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["Accept"] = "application/graphql-response+json, application/json;q=0.9"
        token = token if token is not None else os.environ.get("GRAPHD_TOKEN")
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def query(self, document: str, variables: dict[str, Any] | None = None, operation_name: str | None = None) -> dict[str, Any]:
        """Runs a query or mutation and returns its ``data``.

        Raises GraphQLError when the answer lists errors, GraphdHTTPError when
        the server does not answer with GraphQL, and requests' exceptions when
        it cannot be reached.
        """
        payload: dict[str, Any] = {"query": document, "variables": variables or {}}
        if operation_name:
            payload["operationName"] = operation_name
        endpoint = self.url + "/graphql"
        res = self.session.post(endpoint, json=payload, timeout=self.timeout)
        try:
            body = res.json()
        except ValueError:
            raise GraphdHTTPError(res.status_code, endpoint, res.text) from None
        if not isinstance(body, dict) or ("data" not in body and "errors" not in body):
            raise GraphdHTTPError(res.status_code, endpoint, res.text)
        if body.get("errors"):
            raise GraphQLError(body["errors"], body.get("data"))
        if res.status_code >= 400 or body.get("data") is None:
            raise GraphdHTTPError(res.status_code, endpoint, res.text)
        return body["data"]

    def paginate(
        self,
        document: str,
        pick: Callable[[dict[str, Any]], dict[str, Any]],
        variables: dict[str, Any] | None = None,
        page_size: int = 500,
    ) -> Iterator[dict[str, Any]]:
        """Yields every node of a connection, following ``pageInfo.endCursor``.

        ``document`` must declare ``$first: Int`` and ``$after: String`` and
        select ``nodes`` and ``pageInfo { hasNextPage endCursor }``; ``pick``
        returns the connection from one answer's data.
        """
        after = None
        while True:
            data = self.query(document, {**(variables or {}), "first": page_size, "after": after})
            conn = pick(data)
            yield from conn["nodes"]
            info = conn["pageInfo"]
            if not info["hasNextPage"] or not info.get("endCursor"):
                return
            after = info["endCursor"]

    def export(self, fmt: str = "graphml") -> bytes:
        """Returns the whole graph as GET /export?format=FMT serves it (graphml, csv or json)."""
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"export format {fmt!r}: want one of {', '.join(EXPORT_FORMATS)}")
        url = self.url + "/export"
        res = self.session.get(url, params={"format": fmt}, timeout=self.timeout)
        if res.status_code != 200:
            raise GraphdHTTPError(res.status_code, res.url, res.text)
        return res.content

    def follow(self, document: str, variables: dict[str, Any] | None = None, read_timeout: float = 60.0) -> "Feed":
        """Starts a subscription on ``/graphql/stream`` (GraphQL over Server-Sent Events).

        The subscription is in place when follow returns: a change committed
        afterwards is delivered. Iterate the Feed for each event's ``data``;
        use it in a ``with`` block so the stream is closed. The server sends a
        keep-alive every 15 s, so ``read_timeout`` (seconds) only ends a stream
        whose server is gone.
        """
        endpoint = self.url + "/graphql/stream"
        res = self.session.post(endpoint, json={"query": document, "variables": variables or {}},
                                headers={"Accept": "text/event-stream"}, stream=True, timeout=(self.timeout, read_timeout))
        if res.status_code != 200 or not res.headers.get("Content-Type", "").startswith("text/event-stream"):
            body = res.text
            res.close()
            raise GraphdHTTPError(res.status_code, endpoint, body)
        return Feed(res)

    def health(self) -> bool:
        """Reports whether GET /healthz answers 200."""
        try:
            return self.session.get(self.url + "/healthz", timeout=5).status_code == 200
        except requests.RequestException:
            return False


class Feed:
    """The events of one subscription, as GraphdClient.follow returns it.

    Iterating yields the ``data`` of each ``next`` event and ends at the
    ``complete`` event. An event with errors raises GraphQLError: a
    refused subscription, or the server's notice that this reader fell too
    far behind and was dropped (``extensions.code`` SUBSCRIBER_DROPPED),
    after which the stream ends.
    """

    def __init__(self, response: requests.Response):
        self.response = response

    def __enter__(self) -> "Feed":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Ends the subscription."""
        self.response.close()

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for event, data in parse_events(self.response.iter_lines(decode_unicode=True)):
            if event == "complete":
                return
            if event != "next":
                continue
            body = json.loads(data)
            if body.get("errors"):
                raise GraphQLError(body["errors"], body.get("data"))
            yield body["data"]


def parse_events(lines: Iterator[str]) -> Iterator[tuple[str, str]]:
    """Parses Server-Sent Events lines into (event, data) pairs."""
    event, data = "message", []
    for line in lines:
        if line == "":
            if data or event != "message":
                yield event, "\n".join(data)
            event, data = "message", []
        elif line.startswith(":"):
            continue  # a comment: keep-alive
        else:
            field, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if field == "event":
                event = value
            elif field == "data":
                data.append(value)


def output_dir(default: str = ".") -> str:
    """Where the notebook saves its figures: GRAPHD_NOTEBOOK_OUT or default, created if missing."""
    out = os.environ.get("GRAPHD_NOTEBOOK_OUT") or default
    os.makedirs(out, exist_ok=True)
    return out
