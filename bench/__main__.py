"""`python -m bench`: every benchmark in one run, one table of ratios measured in that run.

Sections (`--only`, comma-separated; default: all):

- parse:     parse + IR of the whole tree vs the bare tree-sitter parse + walk of the same files
             (`bench/parse.py` `measure`, CPU time, median ratio of 3 paired rounds; 1 with --quick);
- generate:  the whole tree (`--target`, default `full`; `--spec` to point it elsewhere), on a
             temporary copy: cold (no cache) next to black's command line formatting the same
             unformatted `.py` files, split into phases; warm (nothing changed); one spec file
             changed, byte-compared with a cold run (`bench/generation.py`);
- batch:     the batch target ([tool.codegen]) cold next to black's command line;
- ts2python: ts2python on the same `.d.ts` files (`bench/peer_ts2python.py`, in the interpreter of
             `--ts2python-python` / $BENCH_TS2PYTHON_PYTHON, which needs ts2python);
- runtime:   the batch package generated in this run vs the official `anthropic` on one local
             HTTP server (`bench/runtime.py`, in the interpreter of `--peer-python` /
             $BENCH_PEER_PYTHON, which needs anthropic, httpx and pydantic).
- scale:     opt-in (only with `--only scale`): parse + IR vs the floor, cold generation vs
             black's command line, a warm run and peak RSS for the `lithic`, `full` and
             `cloudflare` targets (each must be fetched), and their growth table
             (`bench/scale.py`).

An interpreter defaults to the current one; a section whose interpreter lacks its package, or
whose spec is not fetched, prints "skipped: <reason>" in its rows. Every section runs, whatever
another one did; the exit status is 0 unless the command line is wrong.

Usage: python -m bench [--quick] [--json] [--only SECTIONS] [--target NAME] [--spec DIR]
                       [--peer-python PY] [--ts2python-python PY] [--config PYPROJECT]

The sections are in `bench/sections_codegen.py` (parse, generate, batch, scale) and
`bench/sections_peer.py` (ts2python, runtime); the rows and their table are in `bench/report.py`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from bench import generation
from bench.generation import REPO
from bench.report import Options, Report, Row, _skip, format_table
from bench.sections_codegen import batch_section, generate_section, parse_section, scale_section
from bench.sections_peer import runtime_section, ts2python_section

SECTIONS = ("parse", "generate", "batch", "ts2python", "runtime")
OPT_IN = ("scale",)  # run only when named in --only: it needs the fetched targets, and hours

RUNNERS: dict[str, tuple[Callable[[Options, Report], None], str]] = {
    "parse": (parse_section, "parse + IR / tree-sitter floor"),
    "generate": (generate_section, "generate, whole tree"),
    "batch": (batch_section, "generate, batch target"),
    "ts2python": (ts2python_section, "ts2python on the same .d.ts files"),
    "runtime": (runtime_section, "generated anthropic_batches vs official anthropic"),
    "scale": (scale_section, "lithic, full and cloudflare side by side"),
}


def run_section(name: str, opts: Options, report: Report) -> None:
    from codegen.errors import SpecError

    runner, figure = RUNNERS[name]
    before = len(report.rows)
    try:
        runner(opts, report)
    except SpecError as exc:  # e.g. the npm target is not fetched
        del report.rows[before:]
        _skip(report, name, figure, str(exc).removeprefix("None: "))
    except Exception as exc:  # one section failing must not stop the others
        del report.rows[before:]
        message = (str(exc).splitlines() or [""])[0]
        report.rows.append(Row(name, figure, target="", error=f"{type(exc).__name__}: {message}"))


# -- main ---------------------------------------------------------------------------------------


def _load() -> float | None:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else None


def machine(load_start: float | None, load_end: float | None) -> dict[str, Any]:
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return {
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": cpus,
        "python": platform.python_version(),
        "black": metadata.version("black"),
        "load_average_1min_start": load_start,
        "load_average_1min_end": load_end,
    }


def _sections(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in SECTIONS + OPT_IN]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown section {', '.join(unknown)} (choose from {', '.join(SECTIONS)})"
        )
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument("--quick", action="store_true", help="small N (a smoke test)")
    parser.add_argument("--json", action="store_true", help="print rows, notes and details as JSON")
    parser.add_argument("--json-file", type=Path, help="also write that JSON to this file")
    parser.add_argument(
        "--only",
        type=_sections,
        default=list(SECTIONS),
        help=f"comma-separated sections of {','.join(SECTIONS + OPT_IN)} (default: all but "
        f"{','.join(OPT_IN)})",
    )
    parser.add_argument("--config", type=Path, default=REPO / "pyproject.toml")
    parser.add_argument(
        "--target",
        default="full",
        help="the whole-tree target (default: full; '' for [tool.codegen])",
    )
    parser.add_argument("--spec", type=Path, help="spec folder of the whole tree (overrides)")
    parser.add_argument(
        "--peer-python",
        default=os.environ.get("BENCH_PEER_PYTHON"),
        help="interpreter with `anthropic` (default: $BENCH_PEER_PYTHON, else " "this one)",
    )
    parser.add_argument(
        "--ts2python-python",
        default=os.environ.get("BENCH_TS2PYTHON_PYTHON"),
        help="interpreter with ts2python (default: $BENCH_TS2PYTHON_PYTHON, else " "this one)",
    )
    args = parser.parse_args(argv)
    load_start = _load()
    started = datetime.now(UTC)
    report = Report()
    with tempfile.TemporaryDirectory(prefix="codegen-bench-") as tmp:
        code = generation.snapshot(Path(tmp) / "code")
        opts = Options(
            pyproject=args.config.resolve(),
            target=args.target or None,
            spec=args.spec.resolve() if args.spec else None,
            quick=args.quick,
            peer_python=args.peer_python or sys.executable,
            ts2python_python=args.ts2python_python or sys.executable,
            work=Path(tmp),
            setup=generation.Setup(args.config.resolve(), code),
        )
        for name in SECTIONS + OPT_IN:
            if name in args.only:
                run_section(name, opts, report)
    wall = (datetime.now(UTC) - started).total_seconds()
    info = machine(load_start, _load())
    command = shlex.join(["python", "-m", "bench", *(sys.argv[1:] if argv is None else argv)])
    out = {
        "command": command,
        "started": started.isoformat(timespec="seconds"),
        "wall_s": round(wall, 1),
        "machine": info,
        "rows": [{**asdict(row), "result": row.result} for row in report.rows],
        "notes": report.notes,
        "details": report.details,
    }
    if args.json_file:
        args.json_file.write_text(json.dumps(out, indent=2, default=str) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(out, indent=2, default=str))
        return 0
    loads = (info["load_average_1min_start"], info["load_average_1min_end"])
    load = "/".join("-" if x is None else f"{x:.2f}" for x in loads)
    print(f"$ {command}")
    print(
        f"{info['platform']}, {info['cpus']} CPUs, Python {info['python']}, black "
        f"{info['black']}; load average (1 min) at start/end {load}; {wall:.0f} s in all"
    )
    print(format_table(report.rows))
    for note in report.notes:
        print(f"- {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
