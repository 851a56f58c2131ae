"""The sections of `python -m bench` that time codegen itself: parse, generate, batch, scale.

Each compares our own run with a floor measured in the same run: the bare tree-sitter parse for
parse + IR, black's command line on the same `.py` files for generation (see bench/__main__.py).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from bench import generation
from bench.generation import PHASES
from bench.report import Options, Report, Row, _ratio, _skip

PARSE_TARGET = 3.0
COLD_TARGET = 1.5
WARM_TARGET_S = 1.0
CHANGED_TARGET = 0.2
PHASE_NAMES = {
    "parse": "parse",
    "ir": "IR",
    "context": "context",
    "render": "render",
    "format": "format",
}


def parse_section(opts: Options, report: Report) -> None:
    from bench.parse import MIN_FLOOR_S, measure
    from codegen.config import load_config
    from codegen.pipeline import read_sources

    config = load_config(opts.pyproject, {"spec": opts.spec}, opts.target)
    read_sources(config)  # an npm target must have been fetched
    m = measure(
        config.spec, repeat=1 if opts.quick else 3, min_floor_s=0 if opts.quick else MIN_FLOOR_S
    )
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
