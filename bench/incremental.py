"""Incremental regeneration: the phase times of a cold run, a run filling an empty cache, a warm
run (nothing changed), and a run after one spec file changed, each checked byte for byte against
a cold run of the same input.

Everything happens on temporary copies (spec, output, cache); the repo is not touched. Runs are
in-process (`codegen.pipeline.generate`), so the figures leave out Python's start-up and imports
(about 0.2 s for a warm `codegen generate`).

Usage: python bench/incremental.py [--config pyproject.toml] [--target NAME] [--touch REL] [--json]
(`--touch`: the spec file to change, relative to the spec folder; default: the largest .d.ts)
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path

from codegen.cache import Caches
from codegen.config import load_config
from codegen.pipeline import Build, generate, read_sources


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def measure(pyproject: Path, target: str | None, touch: str | None) -> dict[str, object]:
    base = load_config(pyproject, {}, target)
    read_sources(base)  # an npm target must have been fetched
    with tempfile.TemporaryDirectory(prefix="codegen-bench-") as tmp:
        spec = Path(tmp) / "spec"
        shutil.copytree(base.spec, spec)
        cache = Path(tmp) / "cache"

        def run(name: str, cached: bool) -> Build:
            config = load_config(pyproject, {"spec": spec, "out": Path(tmp) / name}, target)
            return generate(config, Caches(cache) if cached else None)

        results: dict[str, object] = {}
        results["cold"] = asdict(run("cold", cached=False).stats)
        results["empty_cache"] = asdict(run("out", cached=True).stats)
        results["warm"] = asdict(run("out", cached=True).stats)
        if touch is None:
            largest = max(spec.rglob("*.d.ts"), key=lambda p: p.stat().st_size)
            touch = largest.relative_to(spec).as_posix()
        changed = spec / touch
        changed.write_text(changed.read_text(encoding="utf-8") + "\n/** touched */\n")
        results["touched"] = touch
        results["one_file_changed"] = asdict(run("out", cached=True).stats)
        run("cold-after", cached=False)
        results["identical_to_cold"] = _tree(Path(tmp) / "out") == _tree(Path(tmp) / "cold-after")
        return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--config", type=Path, default=Path("pyproject.toml"))
    parser.add_argument("--target")
    parser.add_argument("--touch")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = measure(args.config, args.target, args.touch)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, value in results.items():
        if isinstance(value, dict):
            hits = f"spec {value['spec_hits']}/{value['spec_files']}, "
            hits += f"formatted {value['format_hits']}/{value['formatted']}"
            print(
                f"{name:>17}: {value['total']:6.2f}s  parse {value['parse']:.2f}  "
                f"IR {value['ir']:.2f}  context {value['context']:.2f}  "
                f"render {value['render']:.2f}  format {value['format']:.2f}  "
                f"write {value['write']:.2f}  ({hits}{', up to date' if value['up_to_date'] else ''})"
            )
        else:
            print(f"{name:>17}: {value}")


if __name__ == "__main__":
    main()
