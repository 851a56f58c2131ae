"""Lines per second of parse + IR on a spec tree, next to the bare tree-sitter parse + walk of the
same files in the same run (the floor).  Usage: python bench/parse.py PATH_TO_SDK_PACKAGE"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from codegen.parser import parse_spec
from codegen.parser.source import ts_parser


def bare(files: list[Path]) -> int:
    nodes = 0
    for path in files:
        stack = [ts_parser().parse(path.read_bytes()).root_node]
        while stack:
            node = stack.pop()
            nodes += 1
            stack.extend(node.children)
    return nodes


def main() -> None:
    root = Path(sys.argv[1])
    files = sorted(root.rglob("*.d.ts"))
    lines = sum(p.read_text(errors="replace").count("\n") for p in files)
    t0 = time.perf_counter()
    bare(files)
    t1 = time.perf_counter()
    spec = parse_spec(root)
    t2 = time.perf_counter()
    floor, full = t1 - t0, t2 - t1
    print(f"{len(files)} files, {lines} lines; resources {len(spec.resources)}, "
          f"methods {sum(len(r.methods) for r in spec.resources)}, diagnostics {len(spec.diagnostics)}")
    print(f"tree-sitter parse+walk: {lines / floor:,.0f} lines/s ({floor:.2f}s)")
    print(f"parse + IR:             {lines / full:,.0f} lines/s ({full:.2f}s)  ratio {full / floor:.2f}x floor")


if __name__ == "__main__":
    main()
