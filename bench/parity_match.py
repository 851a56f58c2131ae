"""Matching the official package's types to ours for `bench/parity.py`.

Greedy, each type used once: same kind before different kind, same name before an alias, then
the closest module path under `types` (the rules are in bench/parity.py's docstring, "Types").
"""

from __future__ import annotations

import re

from bench.parity_packages import TypeInfo


def _camel(snake: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in snake.split("_"))


def _aliases(info: TypeInfo) -> set[str]:
    base = info.rel.rsplit(".", 1)[-1]
    names: set[str] = set()
    if info.name.endswith("Param"):
        names.add(info.name[: -len("Param")])
    for stem in {base, re.sub(r"_params?$", "", base)}:
        prefix = _camel(stem)
        if stem and not info.name.lower().startswith(prefix.lower()):
            names.add(prefix + info.name)
    return {n.lower() for n in names if n and n != info.name}


def _tokens(rel: str) -> list[str]:
    out = []
    for tok in re.split(r"[._]", rel):
        if re.search(r"(ch|sh|x|ss)es$", tok):
            tok = tok[:-2]
        elif tok.endswith("s") and not tok.endswith("ss"):
            tok = tok[:-1]
        if tok:
            out.append(tok)
    return out


def _module_score(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    prefix = 0
    for x, y in zip(ta, tb, strict=False):
        if x != y:
            break
        prefix += 1
    union = set(ta) | set(tb)
    return prefix + (len(set(ta) & set(tb)) / len(union) if union else 1.0)


def match_types(
    ours: dict[tuple[str, str], TypeInfo], theirs: dict[tuple[str, str], TypeInfo]
) -> dict[tuple[str, str], tuple[tuple[str, str], bool]]:
    """theirs key -> (ours key, matched by alias).  Each type is used once; see bench/parity.py."""
    by_name: dict[str, list[tuple[str, str]]] = {}
    by_lower: dict[str, list[tuple[str, str]]] = {}
    for key, info in ours.items():
        by_name.setdefault(info.name, []).append(key)
        for low in {info.name.lower(), info.name.rstrip("_").lower()}:  # `PermissionError_`
            by_lower.setdefault(low, []).append(key)
    pairs: list[tuple[tuple[int, int, float, str, str], tuple[str, str], tuple[str, str]]] = []
    for tkey, tinfo in theirs.items():
        candidates = [
            (okey, 0) for name in {tinfo.name, *tinfo.exported} for okey in by_name.get(name, [])
        ]
        for alias in _aliases(tinfo) | {n.lower() for n in (tinfo.name, *tinfo.exported)}:
            candidates.extend((okey, 1) for okey in by_lower.get(alias, []))
        for okey, tier in candidates:
            oinfo = ours[okey]
            rank = (
                int(oinfo.kind != tinfo.kind),
                tier,
                -_module_score(oinfo.rel, tinfo.rel),
                tinfo.where,
                oinfo.where,
            )
            pairs.append((rank, tkey, okey))
    result: dict[tuple[str, str], tuple[tuple[str, str], bool]] = {}
    used: set[tuple[str, str]] = set()
    for rank, tkey, okey in sorted(pairs):
        if tkey in result or okey in used:
            continue
        result[tkey] = (okey, rank[1] == 1)
        used.add(okey)
    return result
