"""Layout parity: does codegen/emit/layout.py put each type where the official package does?

Usage (repo root, after `codegen fetch --target full`; downloads the pinned `anthropic` sdist
into .codegen-cache/peer like bench/peer_suite.py):

    python bench/layout_parity.py [--target full] [--cache DIR] [--json-file F] [--show N]

Reads the official `src/anthropic/types/**.py` straight from the sdist (no install): every
top-level class, alias and assignment name of each module. For each of our placements whose
name the official types also define, it is a match when the official defines that name in the
module our layout gives. Top-level types (the issue's target, >= 99%) and nested ones count
apart; the misses are listed with our module and the official one(s).
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
import tarfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import peer_tests  # noqa: E402
from codegen.emit.layout import plan  # noqa: E402
from codegen.ir import Spec  # noqa: E402


def _type_sources(sdist: Path) -> dict[str, str]:
    """dotted module (`types.messages.message_batch`, `types.messages` for an `__init__`) ->
    its source, for every module under the sdist's `types/`."""
    prefix = f"{peer_tests.SDIST_NAME}-{peer_tests.SDIST_VERSION}/src/{peer_tests.SDIST_NAME}/"
    out: dict[str, str] = {}
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            rel = member.name[len(prefix):]
            if member.name.startswith(prefix) and rel.startswith("types/") and rel.endswith(".py"):
                handle = tar.extractfile(member)
                assert handle is not None
                module = rel[:-3].replace("/", ".").removesuffix(".__init__")
                out[module + ("/" if rel.endswith("__init__.py") else "")] = (
                    handle.read().decode())
    return out


def official_exports(sdist: Path) -> dict[str, dict[str, str]]:
    """package -> name -> the module it is re-exported from, per `types/**/__init__.py`."""
    out: dict[str, dict[str, str]] = {}
    for key, source in _type_sources(sdist).items():
        if not key.endswith("/"):
            continue
        package = key[:-1]
        for node in ast.parse(source).body:
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
                for alias in node.names:
                    out.setdefault(package, {})[alias.asname or alias.name] = (
                        f"{package}.{node.module}")
    return out


def official_types(sdist: Path) -> dict[str, set[str]]:
    """name -> the dotted modules (`types.messages.message_batch`) of the sdist that define it."""
    out: dict[str, set[str]] = {}
    for module, source in _type_sources(sdist).items():
        if module.endswith("/"):
            continue
        for node in ast.parse(source).body:
            names: list[str] = []
            if isinstance(node, ast.ClassDef):
                names = [node.name]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names = [node.target.id]
            elif isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            for name in names:
                if name[:1].isupper() and not name.startswith("_"):
                    out.setdefault(name, set()).add(module)
    return out


def compare(spec: Spec, official: dict[str, set[str]],
            exports: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    layout = plan(spec)
    result: dict[str, Any] = {}
    for kind, nested in (("top_level", False), ("nested", True)):
        shared = matched = 0
        misses: list[dict[str, Any]] = []
        for decl_id, home in sorted(layout.placements.items()):
            if ("." in spec.declarations[decl_id].name) != nested or home.name not in official:
                continue
            shared += 1
            if home.module in official[home.name]:
                matched += 1
            else:
                misses.append({"id": decl_id, "ours": home.module,
                               "official": sorted(official[home.name])})
        result[kind] = {"shared": shared, "matched": matched,
                        "percent": round(100 * matched / shared, 2) if shared else 0.0,
                        "misses": misses}
    if exports is not None:
        agree = ours_n = official_n = 0
        for package, pairs in layout.exports.items():
            theirs = exports.get(package, {})
            ours = {name: module for module, name in pairs}
            names = set(ours) & set(theirs)
            agree += sum(1 for n in names if ours[n] == theirs[n] or
                         ours[n].startswith(theirs[n] + "."))
            ours_n += len(names)
            official_n += len(theirs)
        result["exports"] = {"shared": ours_n, "same_module": agree,
                             "official_total": official_n}
    placed = {h.name for d, h in layout.placements.items() if "." not in spec.declarations[d].name}
    result["ours_only"] = len(placed - set(official))
    result["official_only"] = len(set(official) - placed)
    return result


def main(argv: list[str] | None = None) -> int:
    from bench.peer_suite import load_spec
    from codegen.errors import SpecError

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--target", default="full")
    ap.add_argument("--pyproject", type=Path, default=ROOT / "pyproject.toml")
    ap.add_argument("--cache", type=Path, default=ROOT / ".codegen-cache" / "peer")
    ap.add_argument("--json-file", type=Path)
    ap.add_argument("--show", type=int, default=40, help="misses listed per kind")
    opts = ap.parse_args(argv)
    try:
        sdist = peer_tests.fetch_sdist(opts.cache)
        spec = load_spec(opts.pyproject, opts.target)
    except (peer_tests.PeerError, OSError, SpecError) as exc:
        print(f"layout_parity: {exc}", file=sys.stderr)
        return 2
    result = compare(spec, official_types(sdist), official_exports(sdist))
    if opts.json_file:
        opts.json_file.write_text(json.dumps(result, indent=1))
    for kind in ("top_level", "nested"):
        r = result[kind]
        print(f"{kind}: {r['matched']}/{r['shared']} shared type names in the official module "
              f"({r['percent']}%)")
        for miss in r["misses"][:opts.show]:
            print(f"  {miss['id']}: ours {miss['ours']}, official {', '.join(miss['official'])}")
    e = result["exports"]
    print(f"package re-exports: {e['same_module']}/{e['shared']} names both re-export from the "
          f"same package come from the same module ({e['official_total']} official re-exports)")
    print(f"top-level names placed by ours only: {result['ours_only']}; "
          f"defined by the official types only: {result['official_only']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
