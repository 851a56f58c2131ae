"""Parse + IR speed on a spec tree, next to the bare tree-sitter parse + walk of the same files in
the same run (the floor).

"The same files" are the files the parser reads: every `.d.ts` under the root and its `.js`
sibling (routes, header names and page rules live there).  The floor parses each of them with the
same tree-sitter grammar and visits every node once in Python, which is the least any tool built
on tree-sitter's Python binding must do; the `.d.ts`-only floor is printed beside it.  Each figure
is the best of `--repeat` runs, alternating the two, timed in this process's CPU time
(`time.process_time`), so other load on the machine skews neither. Parse + IR runs as the
`codegen` command runs it (`long_lived`: the IR is frozen out of the cyclic GC's reach, see
`parse_spec`); `--library` measures the library default instead, which pays one GC pass.

Usage: python bench/parse.py PATH_TO_SDK_PACKAGE [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import json
import time
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


def measure(root: Path, repeat: int = 3, long_lived: bool = True) -> dict[str, float | int]:
    """Best-of-`repeat` seconds for the floor(s) and for parse + IR, and the ratio."""
    dts, js = find_spec_files(root)
    dts_blobs = [s.data for s in dts]
    all_blobs = dts_blobs + [s.data for s in js.values()]
    lines = sum(b.count(b"\n") for b in dts_blobs)
    floor = floor_dts = full = float("inf")
    spec = None
    for _ in range(repeat):
        spec = None  # free the previous run's IR outside the timed window
        t0 = time.process_time()
        bare(all_blobs)
        t1 = time.process_time()
        bare(dts_blobs)
        t2 = time.process_time()
        spec = parse_spec(root, long_lived=long_lived)
        t3 = time.process_time()
        floor, floor_dts, full = min(floor, t1 - t0), min(floor_dts, t2 - t1), min(full, t3 - t2)
    assert spec is not None
    return {
        "dts_files": len(dts),
        "js_files": len(js),
        "lines": lines,
        "resources": len(spec.resources),
        "methods": sum(len(r.methods) for r in spec.resources),
        "diagnostics": len(spec.diagnostics),
        "floor_s": floor,
        "floor_dts_only_s": floor_dts,
        "parse_ir_s": full,
        "ratio": full / floor,
        "ratio_dts_only": full / floor_dts,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--library", action="store_true", help="parse_spec's default (no GC freeze)")
    args = ap.parse_args()
    m = measure(args.root, args.repeat, long_lived=not args.library)
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
        f"({m['floor_s']:.2f}s)"
    )
    print(
        f"       same, .d.ts only:                 {lines / m['floor_dts_only_s']:>9,.0f} lines/s "
        f"({m['floor_dts_only_s']:.2f}s)"
    )
    print(
        f"parse + IR:                              {lines / m['parse_ir_s']:>9,.0f} lines/s "
        f"({m['parse_ir_s']:.2f}s)  ratio {m['ratio']:.2f}x floor "
        f"({m['ratio_dts_only']:.2f}x the .d.ts-only floor)"
    )


if __name__ == "__main__":
    main()
