"""The comparison of `bench/parity.py`: ours against the official package, and its report.

`compare` loads both packages and counts what theirs has that ours matches (the denominators are
in bench/parity.py's docstring), listing every mismatch by group; `render` prints that report as
text, the JSON form being the dict itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bench.parity_match import match_types
from bench.parity_packages import _closure, load


def _under(path: str, prefix: str | None) -> bool:
    return prefix is None or path == prefix or path.startswith(prefix + ".")


def _pct(hit: int, total: int) -> dict[str, Any]:
    return {"matched": hit, "total": total, "pct": round(100.0 * hit / total, 1) if total else None}


def _req(flag: bool) -> str:
    return "required" if flag else "optional"


def compare(
    ours: str, theirs: str = "anthropic", scope: str = "ours", prefix: str | None = None
) -> dict[str, Any]:
    """Compare package `ours` against `theirs`; raises PackageImportError if either won't load.

    Returns {"ours", "theirs", "scope", "prefix", "summary": {metric: {matched, total, pct}},
    "resources": [paths compared], "mismatches": [{group, where, ours, theirs}], "notes": [...]}.
    """
    if scope not in ("ours", "all"):
        raise ValueError(f"scope must be 'ours' or 'all', not {scope!r}")
    mine, ref = load(ours), load(theirs)
    mismatches: list[dict[str, str]] = []

    def miss(group: str, where: str, ours_has: str, theirs_has: str) -> None:
        mismatches.append({"group": group, "where": where, "ours": ours_has, "theirs": theirs_has})

    our_paths = [p for p, ms in mine.resources.items() if _under(p, prefix) and ms]
    their_paths = [p for p in ref.resources if _under(p, prefix)]
    if scope == "ours":
        paths = [p for p in their_paths if p in our_paths]
    else:
        paths = their_paths
    for path in our_paths:
        if path not in ref.resources:
            miss("resource only in ours", path, "resource", "-")
    for path in paths:
        if path not in mine.resources:
            miss("resource missing", path, "-", "resource")

    n_methods = [0, 0]
    n_params = [0, 0]
    n_returns = [0, 0]
    for path in paths:
        our_methods = mine.resources.get(path, {})
        for mname, tm in ref.resources[path].items():
            where = f"{path}.{mname}"
            n_methods[1] += 1
            om = our_methods.get(mname)
            if om is None:
                miss("method missing", where, "-", f"({', '.join(tm.params)}) -> {tm.returns}")
                continue
            n_methods[0] += 1
            n_returns[1] += 1
            if om.returns == tm.returns:
                n_returns[0] += 1
            else:
                miss("return type", where, om.returns, tm.returns)
            for pname, tp in tm.params.items():
                n_params[1] += 1
                op = om.params.get(pname)
                pwhere = f"{where}({pname})"
                if op is None:
                    miss("param missing", pwhere, "-", f"{_req(tp.required)}, {tp.kind}")
                    continue
                if op.required != tp.required:
                    miss("param required-ness", pwhere, _req(op.required), _req(tp.required))
                else:
                    n_params[0] += 1
                if op.kind != tp.kind:
                    miss("param kind", pwhere, op.kind, tp.kind)
            for pname, op in om.params.items():
                if pname not in tm.params:
                    miss("param only in ours", f"{where}({pname})", _req(op.required), "-")
        for mname in our_methods:
            if mname not in ref.resources[path]:
                miss("method only in ours", f"{path}.{mname}", "method", "-")

    matches = match_types(mine.types, ref.types)
    our_to_their = {okey: tkey for tkey, (okey, _) in matches.items()}
    our_scope = {(c.__module__, c.__qualname__) for c in _closure(mine, our_paths)}
    if scope == "all" and prefix is None:
        their_scope = set(ref.types)
        our_listed = set(mine.types)
    else:
        reach = _closure(ref, paths)
        their_scope = {(c.__module__, c.__qualname__) for c in reach}
        if scope == "ours":
            their_scope |= {our_to_their[k] for k in our_scope if k in our_to_their}
        our_listed = our_scope

    n_types = [0, len(their_scope)]
    n_fields = [0, 0]
    for tkey in sorted(their_scope, key=lambda k: ref.types[k].where):
        tinfo = ref.types[tkey]
        if tkey not in matches:
            miss("type missing", tinfo.where, "-", tinfo.kind)
            continue
        okey, renamed = matches[tkey]
        oinfo = mine.types[okey]
        n_types[0] += 1
        if renamed:
            miss("type renamed", tinfo.where, oinfo.where, tinfo.name)
        if oinfo.kind != tinfo.kind:
            miss("type kind", tinfo.where, f"{oinfo.where} ({oinfo.kind})", tinfo.kind)
        for fname, tf in tinfo.fields.items():
            n_fields[1] += 1
            of = oinfo.fields.get(fname)
            fwhere = f"{tinfo.where}.{fname}"
            if of is None:
                miss("field missing", fwhere, "-", _req(tf.required))
                continue
            if of.required != tf.required:
                miss("field required-ness", fwhere, _req(of.required), _req(tf.required))
            else:
                n_fields[0] += 1
            if of.nullable != tf.nullable:
                null = {True: "nullable", False: "not nullable"}
                miss("field nullability", fwhere, null[of.nullable], null[tf.nullable])
        for fname, of in oinfo.fields.items():
            if fname not in tinfo.fields:
                miss("field only in ours", f"{tinfo.where}.{fname}", _req(of.required), "-")
    for okey in sorted(our_listed, key=lambda k: mine.types[k].where):
        if okey not in our_to_their:
            miss("type only in ours", mine.types[okey].where, mine.types[okey].kind, "-")

    return {
        "ours": ours,
        "theirs": theirs,
        "scope": scope,
        "prefix": prefix,
        "summary": {
            "methods matched": _pct(*n_methods),
            "params matched": _pct(*n_params),
            "return types matched": _pct(*n_returns),
            "types present": _pct(*n_types),
            "fields matched": _pct(*n_fields),
        },
        "resources": paths,
        "mismatches": mismatches,
        "notes": mine.notes + ref.notes,
    }


GROUP_ORDER = [
    "resource missing",
    "resource only in ours",
    "method missing",
    "method only in ours",
    "param missing",
    "param required-ness",
    "param only in ours",
    "param kind",
    "return type",
    "type missing",
    "type renamed",
    "type kind",
    "type only in ours",
    "field missing",
    "field required-ness",
    "field only in ours",
    "field nullability",
]
INFORMATIONAL = frozenset({"param kind", "field nullability", "type renamed", "type kind"})


def render(report: dict[str, Any], out: Callable[[str], None] = print) -> None:
    """Print the summary, then every mismatch, one per line, grouped."""
    prefix = report["prefix"] or "-"
    out(f"parity: {report['ours']} vs {report['theirs']}  scope={report['scope']} prefix={prefix}")
    paths = report["resources"]
    shown = ", ".join(paths) if len(paths) <= 12 else ", ".join(paths[:12]) + ", ..."
    out(f"resource paths compared ({len(paths)}): {shown or '-'}")
    for metric, stat in report["summary"].items():
        pct = "n/a" if stat["pct"] is None else f"{stat['pct']:.1f}%"
        out(f"  {metric:<22} {pct:>7}  ({stat['matched']}/{stat['total']})")
    groups: dict[str, list[dict[str, str]]] = {}
    for item in report["mismatches"]:
        groups.setdefault(item["group"], []).append(item)
    for group in sorted(groups, key=lambda g: GROUP_ORDER.index(g)):
        items = groups[group]
        counted = group not in INFORMATIONAL and "only in ours" not in group
        note = "" if counted else "  (listed, not counted)"
        out(f"\n{group} ({len(items)}){note}")
        for item in items:
            tag = f" [{item['class']}]" if "class" in item else ""
            out(f"  {item['where']}: ours={item['ours']} theirs={item['theirs']}{tag}")
    classes = report.get("classes")
    if classes:
        kinds = ("drift", "miss", "unclassified", "hand-written")
        out(
            "\ndrift (not in the npm spec) / generator miss / unclassified / hand-written, per group"
        )
        for group, counts in classes["groups"].items():
            split = " / ".join(str(counts.get(k, 0)) for k in kinds)
            out(f"  {group:<22} {split}")
        out("generator misses (unclassified counted as misses) / denominator")
        for metric, r in classes["rates"].items():
            pct = "n/a" if r["miss_pct"] is None else f"{r['miss_pct']:.1f}%"
            misses = r["miss"] + r["unclassified"]
            helpers = f"; hand-written {r['hand_written']}" if r.get("hand_written") else ""
            out(f"  {metric:<22} {pct:>7}  ({misses}/{r['total']}; drift {r['drift']}{helpers})")
    if report["notes"]:
        out(f"\nnot compared ({len(report['notes'])})")
        for line in report["notes"]:
            out(f"  {line}")
