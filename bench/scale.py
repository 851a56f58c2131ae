"""The `scale` section of `python -m bench` (opt-in: `--only scale`): the same figures for SDKs of
growing size, so that how time and memory grow is measured, not guessed.

Targets, smallest first: `lithic` (20k `.d.ts` lines), `full` (@anthropic-ai/sdk, 56k) and
`cloudflare` (394k), each a named target of pyproject.toml that `codegen fetch --target NAME`
must have fetched (an unfetched one is a skipped row). Per target, each in fresh children:

- parse + IR vs the tree-sitter parse + walk floor (`bench/parse.py` `measure`, CPU time, median
  ratio of at least 3 paired rounds and of as many as 2 s of floor take, up to 41; 1 round with
  --quick), and the child's peak RSS;
- cold generation (no cache) next to black's command line on the same unformatted `.py` files
  (`generation.cold_vs_black`), with the generate child's peak RSS; a target the generator
  refuses (exit 2) is an error row carrying its one-line message;
- a warm run: the cold run fills an empty cache folder as it goes (no `--no-cache`; same
  inputs, so the same cache a separate filling run would leave), then a run with nothing
  changed on its output, timed.

Each target's numbers also go to `details["scale"]`, from which the growth table is printed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench import generation
from bench.generation import REPO, BenchError
from bench.parse import MIN_FLOOR_S

TARGETS = ("lithic", "full", "cloudflare")
PARSE_TARGET = 3.0
COLD_TARGET = 1.5
WARM_TARGET_S = 1.0

_PARSE_CHILD = """\
import json, resource, sys
from pathlib import Path
from bench.parse import measure
m = measure(Path(sys.argv[1]), int(sys.argv[2]), min_floor_s=float(sys.argv[3]))
m["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(m))
"""


def _parse_child(
    setup: generation.Setup, spec: Path, repeat: int, min_floor_s: float
) -> dict[str, Any]:
    """`measure` in a fresh interpreter (the snapshot's codegen, this repo's bench)."""
    done = subprocess.run(
        [sys.executable, "-c", _PARSE_CHILD, str(spec), str(repeat), str(min_floor_s)],
        cwd=setup.code,
        env=setup.env(REPO),
        capture_output=True,
        text=True,
        timeout=generation.CHILD_TIMEOUT,
        check=False,
    )
    if done.returncode != 0:
        raise BenchError(f"parse child failed: {generation._tail(done.stderr, 1)}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure_target(setup: generation.Setup, target: str, work: Path, quick: bool) -> dict[str, Any]:
    """Every figure of one fetched target; generation failures are kept as `generate_error`."""
    from codegen.config import load_config
    from codegen.pipeline import read_sources

    config = load_config(setup.pyproject, {}, target)
    dts, js = read_sources(config)  # SpecError when not fetched
    lines = sum(s.data.count(b"\n") for s in dts)
    out: dict[str, Any] = {"target": target, "dts": len(dts), "js": len(js), "lines": lines}
    out["parse"] = _parse_child(setup, config.spec, 1 if quick else 3, 0 if quick else MIN_FLOOR_S)
    # `--spec` too: `--cache-dir` alone would also move where the fetched package is looked for
    cache = work / "cache"
    try:
        r = generation.cold_vs_black(setup, target, config.spec, work, cache)
    except BenchError as exc:  # e.g. the generator refuses the spec: keep its own message
        out["generate_error"] = str(exc).rsplit("): ", 1)[-1].strip().splitlines()[-1][:300]
        return out
    cold: generation.Run = r["cold"]
    out["cold_s"] = cold.wall
    out["files"] = cold.stats["files"]
    out["generate_maxrss_mb"] = cold.stats.get("maxrss_mb")
    out["black_s"], out["black_fast_s"] = r["black"].wall, r["black_fast"].wall
    try:
        warm = generation.generate_child(setup, target, config.spec, r["out"], cache)
    except BenchError as exc:
        out["warm_error"] = str(exc).rsplit("): ", 1)[-1].strip().splitlines()[-1][:300]
        return out
    if not warm.stats["up_to_date"]:
        out["warm_error"] = "the run after the cold one rebuilt although nothing changed"
        return out
    out["warm_s"] = warm.wall
    return out


def growth_table(results: list[dict[str, Any]]) -> str:
    """Time and memory per target, each also as a multiple of the smallest target's."""
    header = (
        "target",
        ".d.ts lines",
        "parse+IR",
        "floor",
        "ratio",
        "parse RSS",
        "cold gen",
        "black CLI",
        "gen RSS",
        "warm",
    )
    rows = [header]
    for r in results:
        p = r["parse"]
        rows.append(
            (
                r["target"],
                f"{r['lines']:,}",
                f"{p['parse_ir_s']:.2f} s",
                f"{p['floor_s']:.2f} s",
                f"{p['ratio']:.2f}x",
                f"{p['maxrss_mb']:.0f} MB",
                f"{r['cold_s']:.1f} s" if "cold_s" in r else "error",
                f"{r['black_s']:.1f} s" if "black_s" in r else "-",
                f"{r['generate_maxrss_mb']:.0f} MB" if r.get("generate_maxrss_mb") else "-",
                f"{r['warm_s']:.2f} s" if "warm_s" in r else "-",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "\n".join(
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    )
