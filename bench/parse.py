"""Parse + IR speed on a spec tree, next to the bare tree-sitter parse + walk of the same files in
the same run (the floor).

"The same files" are the files the parser reads: every `.d.ts` under the root and its `.js`
sibling (routes, header names and page rules live there).  The floor parses each of them with the
same tree-sitter grammar and visits every node once in Python, which is the least any tool built
on tree-sitter's Python binding must do; the `.d.ts`-only floor is printed beside it.

Timing is CPU time (`time.process_time`) over `--repeat` rounds, more for a small spec (see
`MIN_FLOOR_S`). Each round times the floor and parse + IR back to back, in alternating order, and
gives one paired ratio; the verdict ratio is the median of those. On a shared VM the machine's
speed drifts by a third within minutes, so two independent bests (`ratio_best`: best parse + IR
over best floor, also reported) can come from different speed phases; a pair taken seconds apart
cannot. Parse + IR runs as the `codegen` command runs it (`long_lived`: the IR is frozen out of
the cyclic GC's reach, see `parse_spec`); `--library` measures the library default instead, which
pays one GC pass.

`--instructions` also counts instructions (callgrind, needs valgrind): one warm run of each side in
a child under `valgrind --tool=callgrind`, counted only inside a `functools.reduce` call that wraps
the measured call (`--toggle-collect`). Counts do not depend on load, so they compare commits
exactly; they do not see the interpreter's lower instructions-per-cycle, so they are no substitute
for the timed ratio.

Usage: python bench/parse.py PATH_TO_SDK_PACKAGE [--repeat N] [--json] [--instructions]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from codegen.parser import parse_spec
from codegen.parser.source import find_spec_files, ts_parser


def bare(blobs: list[bytes]) -> int:
    """Parse each blob and visit every node: the floor."""
    nodes = 0
    for data in blobs:
        cursor = ts_parser().parse(data).walk()
        while True:
            nodes += 1
            if cursor.goto_first_child() or cursor.goto_next_sibling():
                continue
            while cursor.goto_parent():
                if cursor.goto_next_sibling():
                    break
            else:
                break
    return nodes


def _timed(work: Callable[[], object]) -> float:
    t0 = time.process_time()
    work()
    return time.process_time() - t0


# A round of a small spec is short (lithic's floor: under 0.1 s), and a short window catches
# more of the VM's jitter: rounds go on past `repeat` until the floor's time adds up to this,
# up to MAX_ROUNDS, so the median rests on more pairs where each pair is noisier.
MIN_FLOOR_S = 2.0
MAX_ROUNDS = 41


def measure(
    root: Path, repeat: int = 3, long_lived: bool = True, min_floor_s: float = MIN_FLOOR_S
) -> dict[str, float | int]:
    """Per-round paired ratios (median is the verdict) and the best seconds of each side:
    `repeat` rounds, more while the floors add up to less than `min_floor_s` (see
    `MIN_FLOOR_S`; 0: exactly `repeat`)."""
    dts, js = find_spec_files(root)
    dts_blobs = [s.data for s in dts]
    all_blobs = dts_blobs + [s.data for s in js.values()]
    lines = sum(b.count(b"\n") for b in dts_blobs)
    floors: list[float] = []
    floors_dts: list[float] = []
    fulls: list[float] = []
    spec = None
    i = 0
    while i < max(repeat, 1) or (sum(floors) < min_floor_s and i < MAX_ROUNDS):
        spec = None  # free the previous run's IR outside the timed window

        def run_full() -> None:
            nonlocal spec
            spec = parse_spec(root, long_lived=long_lived)

        floor_first = i % 2 == 0
        if floor_first:
            floors.append(_timed(lambda: bare(all_blobs)))
        fulls.append(_timed(run_full))
        if not floor_first:
            floors.append(_timed(lambda: bare(all_blobs)))
        floors_dts.append(_timed(lambda: bare(dts_blobs)))
        i += 1
    assert spec is not None
    ratios = [f / b for f, b in zip(fulls, floors, strict=True)]
    floor, full = min(floors), min(fulls)
    return {
        "dts_files": len(dts),
        "js_files": len(js),
        "lines": lines,
        "resources": len(spec.resources),
        "methods": sum(len(r.methods) for r in spec.resources),
        "diagnostics": len(spec.diagnostics),
        "rounds": len(ratios),
        "floor_s": floor,
        "floor_dts_only_s": min(floors_dts),
        "parse_ir_s": full,
        "ratio": statistics.median(ratios),
        "ratio_min": min(ratios),
        "ratio_max": max(ratios),
        "ratio_best": full / floor,
        "ratio_dts_only": full / min(floors_dts),
    }


_CHILD = """
import functools, sys
from pathlib import Path
sys.path.insert(0, {repo!r})
from bench.parse import bare
from codegen.parser import parse_spec
from codegen.parser.source import find_spec_files
root = Path({root!r})
dts, js = find_spec_files(root)
blobs = [s.data for s in dts] + [s.data for s in js.values()]
work = (lambda: bare(blobs)) if {side!r} == "floor" else (lambda: parse_spec(root, long_lived=True))
work()  # warm: imports, grammar, first-call caches
functools.reduce(lambda _acc, f: f(), [work], None)
"""


def instructions(root: Path, side: str) -> int:
    """Instructions of one warm run of `side` ("floor" or "parse"), counted by callgrind."""
    repo = str(Path(__file__).resolve().parents[1])
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--collect-atstart=no",
                "--toggle-collect=functools_reduce",
                f"--callgrind-out-file={out}",
                sys.executable,
                "-c",
                _CHILD.format(repo=repo, root=str(root), side=side),
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        text = Path(out).read_text()
    found = re.search(r"^(?:summary|totals): (\d+)", text, re.M)
    if not found:
        raise RuntimeError("callgrind wrote no instruction total")
    return int(found.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root", type=Path)
    ap.add_argument(
        "--repeat",
        type=int,
        default=3,
        help=f"timed rounds (default 3; more until the floors add up to {MIN_FLOOR_S:g} s)",
    )
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--library", action="store_true", help="parse_spec's default (no GC freeze)")
    ap.add_argument(
        "--instructions", action="store_true", help="also count instructions (valgrind)"
    )
    args = ap.parse_args()
    m: dict[str, float | int] = dict(measure(args.root, args.repeat, long_lived=not args.library))
    if args.instructions:
        m["floor_instructions"] = instructions(args.root, "floor")
        m["parse_ir_instructions"] = instructions(args.root, "parse")
        m["ratio_instructions"] = m["parse_ir_instructions"] / m["floor_instructions"]
    if args.json:
        print(json.dumps(m, indent=2))
        return
    lines = m["lines"]
    print(
        f"{m['dts_files']} .d.ts + {m['js_files']} .js files, {lines} .d.ts lines; "
        f"resources {m['resources']}, methods {m['methods']}, diagnostics {m['diagnostics']}"
    )
    print(
        f"floor: tree-sitter parse+walk, .d.ts+.js: {lines / m['floor_s']:>9,.0f} lines/s "
        f"({m['floor_s']:.3f}s best)"
    )
    print(
        f"       same, .d.ts only:                 {lines / m['floor_dts_only_s']:>9,.0f} lines/s "
        f"({m['floor_dts_only_s']:.3f}s best)"
    )
    print(
        f"parse + IR:                              {lines / m['parse_ir_s']:>9,.0f} lines/s "
        f"({m['parse_ir_s']:.3f}s best)"
    )
    print(
        f"ratio: {m['ratio']:.2f}x floor (median of {m['rounds']} paired rounds, "
        f"range {m['ratio_min']:.2f}-{m['ratio_max']:.2f}; best/best {m['ratio_best']:.2f}x; "
        f"{m['ratio_dts_only']:.2f}x the .d.ts-only floor)"
    )
    if args.instructions:
        print(
            f"instructions: parse + IR {m['parse_ir_instructions'] / 1e6:,.1f}M, floor "
            f"{m['floor_instructions'] / 1e6:,.1f}M = {m['ratio_instructions']:.2f}x"
        )


if __name__ == "__main__":
    main()
