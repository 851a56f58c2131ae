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
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from bench import generation
from bench.generation import PHASES, REPO, BenchError

SECTIONS = ("parse", "generate", "batch", "ts2python", "runtime")
OPT_IN = ("scale",)  # run only when named in --only: it needs the fetched targets, and hours
PARSE_TARGET = 3.0
COLD_TARGET = 1.5
WARM_TARGET_S = 1.0
CHANGED_TARGET = 0.2
PEER_TIMEOUT = 7200.0
PHASE_NAMES = {
    "parse": "parse",
    "ir": "IR",
    "context": "context",
    "render": "render",
    "format": "format",
}


@dataclass
class Row:
    """One figure. `ours` / `peer` are numbers in `unit` (or text), `ratio` is ours / peer."""

    key: str
    figure: str
    ours: float | str | None = None
    peer: float | str | None = None
    unit: str = "s"
    ratio: float | None = None
    target: str = "report"
    ok: bool | None = None
    skipped: str | None = None
    error: str | None = None

    @property
    def result(self) -> str:
        if self.error is not None:
            return f"error: {self.error}"
        if self.skipped is not None:
            return f"skipped: {self.skipped}"
        return "-" if self.ok is None else ("PASS" if self.ok else "FAIL")


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Options:
    pyproject: Path
    target: str | None
    spec: Path | None
    quick: bool
    peer_python: str
    ts2python_python: str
    work: Path
    setup: generation.Setup


# -- formatting ---------------------------------------------------------------------------------


def _num(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f} s" if value < 1 else f"{value:.2f} s"
    if unit.endswith("/s"):
        return f"{value:,.0f} {unit}"
    if unit == "files":
        return f"{value:.0f} files"
    digits = 2 if abs(value) < 10 else 1
    return f"{value:,.{digits}f} {unit}"


def _cell(value: float | str | None, unit: str) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else _num(value, unit)


def format_table(rows: list[Row]) -> str:
    header = ("figure", "ours", "peer/floor", "ratio", "target", "result")
    body = [
        (
            row.figure,
            _cell(row.ours, row.unit),
            _cell(row.peer, row.unit),
            "" if row.ratio is None else f"{row.ratio:.2f}x",
            row.target,
            row.result,
        )
        for row in rows
    ]
    widths = [max(len(line[i]) for line in (header, *body)) for i in range(len(header))]
    right = {1, 2, 3}
    lines = [
        "  ".join(
            cell.rjust(width) if i in right else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in (header, *body)
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _files(n: int) -> str:
    return f"{n} file" if n == 1 else f"{n} files"


def _ratio(ours: float, peer: float) -> float:
    return ours / peer if peer else float("inf")


# -- sections -----------------------------------------------------------------------------------


def parse_section(opts: Options, report: Report) -> None:
    from bench.parse import measure
    from codegen.config import load_config
    from codegen.pipeline import read_sources

    config = load_config(opts.pyproject, {"spec": opts.spec}, opts.target)
    read_sources(config)  # an npm target must have been fetched
    m = measure(config.spec, repeat=1 if opts.quick else 3)
    report.details["parse"] = m
    ratio = float(m["ratio"])
    report.rows.append(
        Row(
            "parse_ir",
            f"parse + IR, whole tree ({m['dts_files']} .d.ts + {m['js_files']} .js, CPU; "
            "ratio: median of paired rounds) / tree-sitter parse+walk floor",
            float(m["parse_ir_s"]),
            float(m["floor_s"]),
            "s",
            ratio,
            f"<= {PARSE_TARGET:g}x",
            ratio <= PARSE_TARGET,
        )
    )


def _cold_rows(
    key: str,
    label: str,
    r: dict[str, Any],
    target: str,
    ok: bool | None,
    phases: bool,
) -> list[Row]:
    run: generation.Run = r["cold"]
    black: generation.BlackRun = r["black"]
    fast: generation.BlackRun = r["black_fast"]
    files = int(run.stats["files"])
    rows = [
        Row(
            key,
            f"generate cold (no cache), {label} -> {files} files "
            f"/ black CLI on its {black.files} .py",
            run.wall,
            black.wall,
            "s",
            _ratio(run.wall, black.wall),
            target,
            ok,
        ),
        Row(
            f"{key}_fast",
            "  same / black CLI --fast (no AST safety check)",
            run.wall,
            fast.wall,
            "s",
            _ratio(run.wall, fast.wall),
        ),
    ]
    if phases:
        for phase in PHASES:
            seconds = float(run.stats[phase])
            rows.append(
                Row(
                    f"{key}_{phase}",
                    f"  {PHASE_NAMES[phase]}",
                    seconds,
                    black.wall,
                    "s",
                    _ratio(seconds, black.wall),
                )
            )
        rest = run.wall - run.phase_sum()
        rows.append(
            Row(
                f"{key}_other",
                "  start-up, imports, write",
                rest,
                black.wall,
                "s",
                _ratio(rest, black.wall),
            )
        )
    return rows


def _black_note(r: dict[str, Any]) -> str:
    """How many of black's output files equal ours, with and without --fast."""
    runs: list[generation.BlackRun] = [r["black"], r["black_fast"]]
    differing = sorted({path for run in runs for path in run.differing})
    return (
        "black CLI output equals ours for "
        + " and ".join(f"{run.identical}/{run.files}" for run in runs)
        + " .py files (default, --fast)"
        + (f", differ: {', '.join(differing[:3])}" if differing else "")
    )


def generate_section(opts: Options, report: Report) -> None:
    work = opts.work / "whole"
    work.mkdir()
    r = generation.whole_tree(opts.setup, opts.target, opts.spec, work)
    cold: generation.Run = r["cold"]
    black: generation.BlackRun = r["black"]
    ratio = _ratio(cold.wall, black.wall)
    label = f"whole tree ({r['spec_files']} spec files)"
    report.rows += _cold_rows("cold", label, r, f"<= {COLD_TARGET:g}x", ratio <= COLD_TARGET, True)
    warm = float(r["warm_median"])
    changed: generation.Run = r["changed"]
    changed_ratio = _ratio(changed.wall, cold.wall)
    report.rows += [
        Row(
            "warm",
            f"warm run, nothing changed (median of {len(r['warm'])}) / cold",
            warm,
            cold.wall,
            "s",
            _ratio(warm, cold.wall),
            f"< {WARM_TARGET_S:g} s",
            warm < WARM_TARGET_S,
        ),
        Row(
            "one_file_changed",
            "one spec file changed / cold",
            changed.wall,
            cold.wall,
            "s",
            changed_ratio,
            f"<= {CHANGED_TARGET:g}x",
            changed_ratio <= CHANGED_TARGET,
        ),
        Row(
            "identical",
            "  its output == the cold run's, byte for byte",
            "identical" if r["identical"] else f"{len(r['differing'])} differ",
            f"{r['files']} files compared",
            "",
            None,
            "identical",
            bool(r["identical"]),
        ),
    ]
    report.notes.append(
        f"generate: {_black_note(r)}; changed file {r['touched']} (a comment appended); "
        f"cache-filling run {r['fill'].wall:.2f} s; warm runs "
        + ", ".join(f"{run.wall:.2f}" for run in r["warm"])
        + " s"
    )
    report.details["generate"] = {
        "cold": asdict(cold),
        "black_cli": asdict(black),
        "black_cli_fast": asdict(r["black_fast"]),
        "cache_filling": asdict(r["fill"]),
        "warm": [asdict(run) for run in r["warm"]],
        "one_file_changed": asdict(changed),
        "touched": r["touched"],
        "identical_to_cold": r["identical"],
        "differing": r["differing"],
    }


def batch_section(opts: Options, report: Report) -> None:
    work = opts.work / "batch"
    work.mkdir()
    r = generation.cold_vs_black(opts.setup, None, None, work)
    cold: generation.Run = r["cold"]
    black: generation.BlackRun = r["black"]
    report.rows += _cold_rows("batch_cold", "batch target", r, "report", None, False)
    report.details["batch"] = {
        "cold": asdict(cold),
        "black_cli": asdict(black),
        "black_cli_fast": asdict(r["black_fast"]),
    }
    report.notes.append(f"batch: {_black_note(r)}")


def _probe(
    python: str, modules: list[str], env: dict[str, str] | None = None
) -> dict[str, str | None] | str:
    """{module: its file or None} as `python` sees them, or why `python` cannot run."""
    code = (
        "import importlib.util, json, sys\n"
        "found = {}\n"
        "for name in sys.argv[1:]:\n"
        "    try:\n"
        "        spec = importlib.util.find_spec(name)\n"
        "    except Exception:\n"
        "        spec = None\n"
        "    found[name] = (spec.origin or str(spec.submodule_search_locations)) if spec else None\n"
        "print(json.dumps(found))\n"
    )
    try:
        done = subprocess.run(
            [python, "-c", code, *modules],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"cannot run {python}: {exc}"
    if done.returncode != 0:
        return f"cannot run {python}: {generation._tail(done.stderr, 1)}"
    found: dict[str, str | None] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def _with_path(*paths: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([*map(str, paths), *filter(None, [env.get("PYTHONPATH")])])
    return env


def _run_json(argv: list[str], env: dict[str, str]) -> Any:
    done = subprocess.run(
        argv, cwd=REPO, env=env, capture_output=True, text=True, timeout=PEER_TIMEOUT, check=False
    )
    if done.returncode != 0:
        raise BenchError(
            f"{Path(argv[1]).name} exit {done.returncode}: " f"{generation._tail(done.stderr, 3)}"
        )
    text = done.stdout
    start = min((i for i in (text.find("{"), text.find("[")) if i >= 0), default=0)
    return json.loads(text[start:])


def _skip(report: Report, key: str, figure: str, reason: str) -> None:
    report.rows.append(Row(key, figure, target="", skipped=reason))


def ts2python_section(opts: Options, report: Report) -> None:
    from codegen.config import load_config
    from codegen.pipeline import read_sources

    python = opts.ts2python_python
    env = opts.setup.env()
    found = _probe(python, ["ts2pythonParser", "codegen"], env)
    figure = "ts2python on the same .d.ts files"
    if isinstance(found, str):
        return _skip(report, "ts2python", figure, found)
    if found["ts2pythonParser"] is None:
        reason = f"ts2python not importable by {python} (see --ts2python-python)"
        return _skip(report, "ts2python", figure, reason)
    config = load_config(opts.pyproject, {"spec": opts.spec}, opts.target)
    read_sources(config)
    argv = [python, str(REPO / "bench" / "peer_ts2python.py"), str(config.spec), "--json"]
    data = _run_json(argv + (["--quick"] if opts.quick else []), env)
    report.details["ts2python"] = data
    total = int(data["source"]["files"])
    where = "resources/**" if (config.spec / "resources").is_dir() else "**"
    labels = {"as_is": "as-is", "glue_removed": "re-export glue blanked"}
    for name, p in data["passes"].items():
        label = labels.get(name, name)
        report.rows.append(
            Row(
                f"ts2python_{name}_read",
                f"files read, {label} ({where}/*.d.ts) / ts2python",
                f"{total}/{total}",
                f"{p['read']}/{total}",
                "",
                None,
            )
        )
        common = p.get("common")
        if common and common["ts2python"]["seconds"]:
            ours_s, theirs_s = float(common["ours"]["seconds"]), float(
                common["ts2python"]["seconds"]
            )
            report.rows.append(
                Row(
                    f"ts2python_{name}_time",
                    f"  time on the {_files(int(common['source']['files']))} both read "
                    "/ ts2python",
                    ours_s,
                    theirs_s,
                    "s",
                    _ratio(ours_s, theirs_s),
                )
            )
        if p["failed"]:
            reasons = "; ".join(f"{n} {reason}" for reason, n in p["reasons"].items())
            report.notes.append(f"ts2python fails {p['failed']}/{total} files {label}: {reasons}")
    report.notes.append(
        f"ts2python {data['ts2python_version']} ({python}); ours = parse_spec (parse + IR, "
        "no rendering), ts2python = compile_src (parse + transform + Python source), best run"
    )


def runtime_section(opts: Options, report: Report) -> None:
    python = opts.peer_python
    figure = "generated anthropic_batches vs official anthropic"
    found = _probe(python, ["anthropic", "httpx", "pydantic"])
    if isinstance(found, str):
        return _skip(report, "runtime", figure, found)
    missing = [name for name, where in found.items() if where is None]
    if missing:
        reason = f"{', '.join(missing)} not importable by {python} (see --peer-python)"
        return _skip(report, "runtime", figure, reason)
    out = opts.work / "batch" / "cold"
    if not out.is_dir():  # the batch section did not run: generate the package here
        (opts.work / "runtime").mkdir()
        out = opts.work / "runtime" / "out"
        generation.generate_child(opts.setup, None, None, out, None)
    env = _with_path(out)
    where = _probe(python, ["anthropic_batches"], env)
    if isinstance(where, str) or not str(where["anthropic_batches"]).startswith(str(out)):
        raise BenchError(f"{python} does not import anthropic_batches from {out}: {where}")
    argv = [python, str(REPO / "bench" / "runtime.py"), "--json"]
    rows: list[dict[str, Any]] = _run_json(argv + (["--quick"] if opts.quick else []), env)
    report.details["runtime"] = rows
    for i, row in enumerate(rows):
        unit, _, qualifier = str(row["unit"]).partition(" (")
        qualifier = f", {qualifier.rstrip(')')}" if qualifier else ""
        report.rows.append(
            Row(
                f"runtime_{i}",
                f"{row['figure']}{qualifier} / anthropic",
                float(row["ours"]),
                float(row["theirs"]),
                unit,
                float(row["ratio"]),
                str(row["target"]),
                row["ok"],
            )
        )
        detail = row.get("detail", {})
        if "ours_growth_after_1000_items_mb" in detail:
            report.notes.append(
                "results() memory, ours / anthropic: tracemalloc growth after the first 1,000 "
                f"items {detail['ours_growth_after_1000_items_mb']:.2f} / "
                f"{detail['theirs_growth_after_1000_items_mb']:.2f} MB, max RSS "
                f"{detail['ours_max_rss_mb']:.0f} / {detail['theirs_max_rss_mb']:.0f} MB"
            )
    version = subprocess.run(
        [python, "-c", "import importlib.metadata as m; print(m.version('anthropic'))"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    report.notes.append(
        f"runtime: anthropic {version} and anthropic_batches generated in this run, both in "
        f"{python}; one local HTTP server; each figure in fresh child interpreters"
    )


def scale_section(opts: Options, report: Report) -> None:
    """Opt-in (`--only scale`): lithic, full and cloudflare side by side (`bench/scale.py`)."""
    from bench import scale
    from codegen.errors import SpecError

    results: list[dict[str, Any]] = []
    for target in scale.TARGETS:
        figure = f"scale: {target}"
        work = opts.work / f"scale-{target}"
        work.mkdir()
        try:
            r = scale.measure_target(opts.setup, target, work, opts.quick)
        except SpecError as exc:
            _skip(report, f"scale_{target}", figure, str(exc).removeprefix("None: "))
            continue
        results.append(r)
        p = r["parse"]
        size = f"{target} ({r['dts']} .d.ts + {r['js']} .js, {r['lines']:,} lines)"
        report.rows.append(
            Row(
                f"scale_{target}_parse",
                f"parse + IR, {size} / floor",
                p["parse_ir_s"],
                p["floor_s"],
                "s",
                p["ratio"],
                f"<= {scale.PARSE_TARGET:g}x",
                p["ratio"] <= scale.PARSE_TARGET,
            )
        )
        report.rows.append(
            Row(f"scale_{target}_parse_rss", "  parse + IR peak RSS", p["maxrss_mb"], None, "MB")
        )
        if "generate_error" in r:
            report.rows.append(
                Row(
                    f"scale_{target}_cold",
                    f"generate cold, {target} / black CLI",
                    target="",
                    error=r["generate_error"],
                )
            )
            continue
        ratio = _ratio(r["cold_s"], r["black_s"])
        report.rows += [
            Row(
                f"scale_{target}_cold",
                f"generate cold, {target} -> {r['files']} files " "/ black CLI",
                r["cold_s"],
                r["black_s"],
                "s",
                ratio,
                f"<= {scale.COLD_TARGET:g}x",
                ratio <= scale.COLD_TARGET,
            ),
            Row(
                f"scale_{target}_cold_fast",
                "  same / black CLI --fast",
                r["cold_s"],
                r["black_fast_s"],
                "s",
                _ratio(r["cold_s"], r["black_fast_s"]),
            ),
            Row(
                f"scale_{target}_gen_rss",
                "  generate peak RSS (with black workers)",
                r["generate_maxrss_mb"],
                None,
                "MB",
            ),
        ]
        warm_figure = f"warm run, {target}, nothing changed"
        if "warm_s" not in r:
            report.rows.append(
                Row(f"scale_{target}_warm", warm_figure, target="", error=r["warm_error"])
            )
            continue
        report.rows.append(
            Row(
                f"scale_{target}_warm",
                warm_figure,
                r["warm_s"],
                r["cold_s"],
                "s",
                _ratio(r["warm_s"], r["cold_s"]),
                f"< {scale.WARM_TARGET_S:g} s",
                r["warm_s"] < scale.WARM_TARGET_S,
            )
        )
    report.details["scale"] = results
    if results:
        report.notes.append("scale (growth by target):\n" + scale.growth_table(results))


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
