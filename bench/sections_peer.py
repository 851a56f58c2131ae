"""The sections of `python -m bench` that run a peer in another interpreter: ts2python, runtime.

The peer's interpreter (`--ts2python-python`, `--peer-python`) is probed first; a missing package
makes the section's row "skipped", never an error. The peer script prints JSON, read back here.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from bench import generation
from bench.generation import REPO, BenchError
from bench.report import Options, Report, Row, _files, _ratio, _skip

PEER_TIMEOUT = 7200.0


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
