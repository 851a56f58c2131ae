"""Which parity mismatches are version drift and which are generator misses.

The official Python SDK and the npm SDK a package was generated from are released separately,
so some of what one has and the other lacks is simply not in the other release. `classify`
looks each missing name up in the `.d.ts` text of the npm spec:

* a method, resource, param or field the official package has and ours lacks is a *generator
  miss* when the spec declares that name (a method `name(`, a property `name:` / `name?:`,
  quoted or not, compared on letters and digits only, without case), else *drift* (the npm release does not have it);
* a mismatch on something both have (required-ness, return type) and anything only ours has
  is *unclassified*: the spec has the item either way, so only reading it can tell;
* a missing method whose every declaration of that name returns something other than an API
  promise (`APIPromise<T>`, `PagePromise<P, T>`, `Promise<JSONLDecoder<T>>`, the results of the
  methods Stainless generates from an endpoint) is *hand-written*: a client-side helper of the
  SDK (`webhooks.unwrap(...): UnwrapWebhookEvent`, `cards.getEmbedURL(...): string`), whose
  official Python counterpart is hand-written too. It is listed and counted apart
  (`rates`' `hand_written`), never as drift and not in `miss_pct`.

The look-up is by name over the whole spec, not per declaration, so a name that some other
declaration uses counts as a miss: the split errs towards misses, never towards drift.
`rates` then charges only the misses against the same denominators as the summary.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

# mismatch group -> the summary metric whose denominator it is charged against
METRIC = {
    "method missing": "methods matched",
    "param missing": "params matched",
    "param required-ness": "params matched",
    "return type": "return types matched",
    "field missing": "fields matched",
    "field required-ness": "fields matched",
    "type missing": "types present",
}
BY_NAME = frozenset({"method missing", "resource missing", "param missing", "field missing"})


def _key(name: str) -> str:
    """`get_embed_url`, `getEmbedURL` and `getEmbedUrl` -> `getembedurl`: Python's snake_case
    and TypeScript's camelCase (acronyms included) meet case-insensitively, with letters and
    digits only (the wire key `created_at[gte]` is the Python name `created_at_gte`)."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


class SpecNames:
    """Method and property names declared anywhere in a spec's `.d.ts` files (as `_key`s), and
    which method names some declaration gives an API promise as its result."""

    def __init__(self, spec: Path) -> None:
        text = "\n".join(p.read_text("utf-8") for p in sorted(spec.rglob("*.d.ts")))
        ident = r"[A-Za-z_$][\w$]*"
        method = re.compile(rf"^\s*(?:get\s+)?({ident})\s*(?:<[^>\n]*>)?\(", re.M)
        props = re.findall(
            rf"^\s*(?:readonly\s+)?(?:'([^'\n]+)'|\"([^\"\n]+)\"|({ident}))\??:", text, re.M
        )
        self.methods: set[str] = set()
        self.api_methods: set[str] = set()
        for m in method.finditer(text):
            self.methods.add(_key(m.group(1)))
            if _API_RESULT.match(text, _after_params(text, m.end())):
                self.api_methods.add(_key(m.group(1)))
        self.props = {_key(a or b or c) for a, b, c in props}

    def has_method(self, name: str) -> bool:
        return _key(name) in self.methods

    def hand_written(self, name: str) -> bool:
        """Declared, and never with an API promise as its result (see the module doc)."""
        return _key(name) in self.methods and _key(name) not in self.api_methods

    def has_prop(self, name: str) -> bool:
        return _key(name) in self.props


_API_RESULT = re.compile(
    r"\s*:\s*(?:(?:[\w$]+\.)?(?:APIPromise|PagePromise)<|Promise<(?:[\w$]+\.)?JSONLDecoder<)"
)


def _after_params(text: str, start: int) -> int:
    """The index just past the `)` that closes the parameter list opened before `start`
    (parentheses in parameter types are balanced); the end of `text` if none does."""
    depth = 1
    for i in range(start, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)


def _name(group: str, where: str) -> str:
    """The missing item's own name: `a.b.m` -> m, `a.b.m(p)` -> p, `types.x.T.f` -> f."""
    if where.endswith(")") and "(" in where:
        return where[where.rindex("(") + 1 : -1]
    return where.rsplit(".", 1)[-1]


def _declared(names: SpecNames, group: str, where: str) -> bool:
    """Whether the spec declares the missing item: for a method, param or resource, every
    segment of its resource path as a property too (`financial_accounts.installment_plans.list`
    is drift when no `installmentPlans` property exists, however common `list` is)."""
    name = _name(group, where)
    if group == "field missing":
        return names.has_prop(name)
    path = where.split("(", 1)[0].split(".")
    if group == "resource missing":
        return all(names.has_prop(seg) for seg in path)
    resource, method = path[:-1], path[-1]
    if not (names.has_method(method) and all(names.has_prop(seg) for seg in resource)):
        return False
    return group == "method missing" or names.has_prop(name)


def classify(report: dict[str, Any], spec: Path) -> dict[str, Any]:
    """Tag each counted mismatch of `report` with "drift", "miss" or "unclassified" (in place,
    key "class"); returns per-group counts and, per metric, the misses as a share of its
    denominator (the goal: under 2% each)."""
    names = SpecNames(spec)
    per_group: dict[str, Counter[str]] = {}
    for item in report["mismatches"]:
        group = item["group"]
        if group not in METRIC and group != "resource missing":
            continue
        if group in BY_NAME:
            item["class"] = "miss" if _declared(names, group, item["where"]) else "drift"
            if item["class"] == "miss" and group == "method missing":
                if names.hand_written(_name(group, item["where"])):
                    item["class"] = "hand-written"
        else:
            item["class"] = "unclassified"
        per_group.setdefault(group, Counter())[item["class"]] += 1
    return {"groups": {g: dict(c) for g, c in per_group.items()}, "rates": rates(report)}


def rates(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per metric: total, drift, misses (upper bound: unclassified counted as misses), and the
    hand-written helpers, counted apart."""
    out: dict[str, dict[str, Any]] = {}
    for metric, stat in report["summary"].items():
        total = int(stat["total"])
        counts: Counter[str] = Counter(
            item.get("class", "")
            for item in report["mismatches"]
            if METRIC.get(item["group"]) == metric
        )
        misses = counts["miss"] + counts["unclassified"]
        out[metric] = {
            "total": total,
            "drift": counts["drift"],
            "miss": counts["miss"],
            "unclassified": counts["unclassified"],
            "hand_written": counts["hand-written"],
            "miss_pct": round(100.0 * misses / total, 1) if total else None,
        }
    return out
