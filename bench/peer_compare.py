"""Request comparison of two runs' logs: the official SDK's requests are the reference.

Requests are paired per tag (test id or call id), in the order sent. Compared: method, path,
query, body, and the headers that matter (auth, `anthropic-beta`, `anthropic-version`,
`accept`, `content-type` without its multipart boundary), plus any other header that only one
side sends. `X-Stainless-*` platform headers and the user agent are counted as their own
classes. Each mismatch gets a class (kind, and the header name where there is one); every class
has a count and its first examples with the official value and ours.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

HEADERS = ("authorization", "x-api-key", "anthropic-beta", "anthropic-version", "accept",
           "content-type")
# classes outside the compared fields (the platform headers belong to the layout work): listed
# and counted, but a request that differs only in them still counts as equal
OUTSIDE = ("x-stainless-* platform headers differ", "user-agent differs")
# sent per connection or per run, never by the SDK's request model
IGNORED = {"content-length", "host", "connection", "accept-encoding", "user-agent",
           "x-stainless-retry-count", "x-stainless-read-timeout", "x-stainless-timeout"}
EXAMPLES = 3


@dataclass
class MismatchClass:
    count: int = 0
    examples: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Comparison:
    tags_compared: int = 0
    requests_compared: int = 0
    requests_equal: int = 0
    classes: dict[str, MismatchClass] = field(default_factory=lambda: defaultdict(MismatchClass))
    field_equal: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, key: str, tag: str, official: Any, ours: Any) -> None:
        cls = self.classes[key]
        cls.count += 1
        if len(cls.examples) < EXAMPLES:
            cls.examples.append({"tag": tag, "official": official, "ours": ours})

    def core_count(self) -> int:
        return sum(c.count for k, c in self.classes.items() if k not in OUTSIDE)

    def to_json(self) -> dict[str, Any]:
        ordered = sorted(self.classes.items(), key=lambda kv: (-kv[1].count, kv[0]))
        return {
            "tags_compared": self.tags_compared,
            "requests_compared": self.requests_compared,
            "requests_equal": self.requests_equal,
            "fields_equal": dict(self.field_equal),
            "classes": {k: {"count": v.count, "examples": v.examples} for k, v in ordered},
        }


def _content_type(value: str | None) -> str | None:
    if value is None:
        return None
    return re.sub(r";\s*boundary=[^;]+", "", value)


def by_tag(log: list[dict[str, Any]], label: str) -> dict[str, list[dict[str, Any]]]:
    """Requests per tag with the run label stripped (`official::x` and `ours::x` pair up)."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for req in log:
        tag = req["tag"]
        if tag.startswith(label + "::"):
            out[tag[len(label) + 2:]].append(req)
    return out


def compare(official: dict[str, list[dict[str, Any]]],
            ours: dict[str, list[dict[str, Any]]]) -> Comparison:
    result = Comparison()
    for tag in sorted(official.keys() | ours.keys()):
        theirs_reqs, our_reqs = official.get(tag, []), ours.get(tag, [])
        if not theirs_reqs or not our_reqs:
            # one side failed before sending (or the test sent nothing): counted, not compared
            key = "no request from ours" if theirs_reqs else "no request from official"
            result.add(key, tag, len(theirs_reqs), len(our_reqs))
            continue
        result.tags_compared += 1
        if len(theirs_reqs) != len(our_reqs):
            result.add("request count differs", tag, len(theirs_reqs), len(our_reqs))
        for a, b in zip(theirs_reqs, our_reqs, strict=False):
            result.requests_compared += 1
            before = result.core_count()
            compare_one(result, tag, a, b)
            if result.core_count() == before:
                result.requests_equal += 1
    return result


def compare_one(result: Comparison, tag: str, a: dict[str, Any], b: dict[str, Any]) -> None:
    for name in ("method", "path"):
        if a[name] != b[name]:
            result.add(f"{name} differs", tag, a[name], b[name])
        else:
            result.field_equal[name] += 1
    _compare_query(result, tag, a, b)
    _compare_body(result, tag, a, b)
    ha, hb = a["headers"], b["headers"]
    for name in HEADERS:
        va, vb = ha.get(name), hb.get(name)
        if name == "content-type":
            va, vb = _content_type(va), _content_type(vb)
        if va == vb:
            result.field_equal[f"header {name}"] += 1
        elif vb is None:
            result.add(f"header {name}: missing in ours", tag, va, vb)
        elif va is None:
            result.add(f"header {name}: only in ours", tag, va, vb)
        else:
            result.add(f"header {name}: differs", tag, va, vb)
    stainless_a = sorted(k for k in ha if k.startswith("x-stainless-") and k not in IGNORED)
    stainless_b = sorted(k for k in hb if k.startswith("x-stainless-") and k not in IGNORED)
    if stainless_a != stainless_b:
        result.add("x-stainless-* platform headers differ", tag, stainless_a, stainless_b)
    if ha.get("user-agent", "").split("/")[0] != hb.get("user-agent", "").split("/")[0]:
        result.add("user-agent differs", tag, ha.get("user-agent"), hb.get("user-agent"))
    others = set(ha) ^ set(hb)
    for name in sorted(others - set(HEADERS) - IGNORED):
        if name.startswith("x-stainless-"):
            continue
        side = "only in ours" if name in hb else "missing in ours"
        result.add(f"header {name}: {side}", tag, ha.get(name), hb.get(name))


def _compare_query(result: Comparison, tag: str, a: dict[str, Any], b: dict[str, Any]) -> None:
    qa, qb = sorted(map(tuple, a["query"])), sorted(map(tuple, b["query"]))
    if qa == qb:
        result.field_equal["query"] += 1
        return
    ka, kb = {k for k, _ in qa}, {k for k, _ in qb}
    body_b = b["body"] if isinstance(b["body"], dict) else {}
    moved = sorted(k for k in ka - kb if k in body_b)
    if moved:
        result.add("query param sent in ours' body", tag, qa, {k: body_b[k] for k in moved})
    elif ka != kb:
        result.add("query keys differ", tag, qa, qb)
    else:
        result.add("query values differ", tag, qa, qb)


def _compare_body(result: Comparison, tag: str, a: dict[str, Any], b: dict[str, Any]) -> None:
    ba, bb = a["body"], b["body"]
    if ba == bb:
        result.field_equal["body"] += 1
        return
    if isinstance(bb, dict) and len(bb) == 1 and next(iter(bb.values())) == ba:
        result.add(f"body wrapped as {{{next(iter(bb))!r}: …}} in ours", tag, _short(ba),
                   _short(bb))
        return
    if isinstance(ba, dict) and isinstance(bb, dict) and "<multipart>" in ba and "<multipart>" in bb:
        result.add("multipart parts differ", tag, ba["<multipart>"], bb["<multipart>"])
        return
    query_a = {k for k, _ in a["query"]}
    if isinstance(ba, dict) and isinstance(bb, dict):
        extra = sorted(set(bb) - set(ba))
        if extra and all(k in query_a for k in extra):
            return  # counted once, by the query comparison
        if set(ba) != set(bb):
            result.add("body keys differ", tag, sorted(set(ba) - set(bb)),
                       sorted(set(bb) - set(ba)))
            return
        keys = [k for k in ba if ba[k] != bb[k]]
        result.add("body values differ", tag, {k: _short(ba[k]) for k in keys},
                   {k: _short(bb[k]) for k in keys})
        return
    result.add("body differs", tag, _short(ba), _short(bb))


def _short(value: Any, limit: int = 300) -> Any:
    text = json.dumps(value, sort_keys=True, default=str)
    return value if len(text) <= limit else text[:limit] + "…"
