"""An Elasticsearch node for the client that records every request and answers from a script.

Plugged into the real client (`node_class`), so the requests asserted are exactly what the
client would send over the wire: method, path, query string and JSON (or NDJSON) body.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from elastic_transport import ApiResponseMeta, BaseNode, ConnectionError, HttpHeaders
from elastic_transport._node._base import NodeApiResponse
from elasticsearch import Elasticsearch

URL = "http://es.test:9200"


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    params: dict[str, str]
    body: object


Responder = Callable[[Request], tuple[int, object]]


def decode(raw: bytes | None) -> object:
    if not raw:
        return None
    text = raw.decode()
    try:
        return json.loads(text)
    except json.JSONDecodeError:  # NDJSON: the bulk API
        return [json.loads(line) for line in text.splitlines() if line]


class Cluster:
    """The script: a responder per (method, path suffix); unknown requests answer 200 {}."""

    def __init__(self, *, reachable: bool = True):
        self.reachable = reachable
        self.requests: list[Request] = []
        self.responders: list[tuple[str, str, Responder]] = []

    def on(self, method: str, path: str, responder: Responder | object) -> None:
        answer = responder if callable(responder) else (lambda request, body=responder: (200, body))
        self.responders.insert(0, (method, path, answer))

    def answer(self, request: Request) -> tuple[int, object]:
        for method, path, responder in self.responders:
            if request.method == method and request.path == path:
                return responder(request)
        if request.path == "/_bulk":
            actions = [line for line in request.body if set(line) <= {"index", "delete"}]
            items = [
                {op: {"_id": meta["_id"], "status": 201}} for a in actions for op, meta in a.items()
            ]
            return 200, {"errors": False, "items": items}
        return 200, {}

    def client(self) -> Elasticsearch:
        cluster = self

        class Node(BaseNode):
            def perform_request(
                self, method, target, body=None, headers=None, request_timeout=None
            ):
                if not cluster.reachable:
                    raise ConnectionError("Connection refused")
                parts = urlsplit(target)
                request = Request(method, parts.path, dict(parse_qsl(parts.query)), decode(body))
                cluster.requests.append(request)
                status, answer = cluster.answer(request)
                meta = ApiResponseMeta(
                    status=status,
                    http_version="1.1",
                    headers=HttpHeaders(
                        {"x-elastic-product": "Elasticsearch", "content-type": "application/json"}
                    ),
                    duration=0.0,
                    node=self.config,
                )
                return NodeApiResponse(meta, json.dumps(answer).encode())

        return Elasticsearch(URL, node_class=Node, max_retries=0)


__all__ = ["URL", "Cluster", "Request"]
