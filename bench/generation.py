"""End-to-end generation next to black's own command line, and incremental runs, for
`python -m bench`.

The code under test is a snapshot: `snapshot()` copies `codegen/` and `templates/` once, and
every child interpreter imports codegen from there (`PYTHONPATH`) and renders those templates,
so an edit made to the repo while the benchmark runs cannot mix two versions in one table.

Every `codegen generate` here is the command itself (`codegen.cli.main`) in a fresh interpreter,
timed from outside (wall clock, start-up and imports included, as black's command line is);
it also reports the run's `Stats` (phase times) as JSON, taken from `pipeline.generate`'s result.
Everything happens on temporary copies (spec, output, cache); the repo is not touched.

black's side: the same `.py` files the pipeline hands to black, rendered by the real pipeline
with black switched off (`codegen.emit.render.black_many` replaced by the identity) in another
child, then formatted by `python -m black -q -l 100 --target-version py311 DIR` (and the same
with `--fast`): its default workers (one per CPU), its cache in a fresh folder
(`BLACK_CACHE_DIR`), no user config (`XDG_CONFIG_HOME` empty). Its output is compared with ours
file by file.
"""

from __future__ import annotations

import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.incremental import _tree

REPO = Path(__file__).resolve().parent.parent
CHILD_TIMEOUT = 1800.0
WARM_RUNS = 3
PHASES = ("parse", "ir", "context", "render", "format")

# `codegen generate ARGS`, keeping the Build that `pipeline.generate` returns for its Stats.
_GENERATE_CHILD = """\
import json, sys
from dataclasses import asdict
import codegen.pipeline as pipeline
from codegen.cli import main
builds = []
generate = pipeline.generate
def spy(*args, **kwargs):
    builds.append(generate(*args, **kwargs))
    return builds[-1]
pipeline.generate = spy
status = main(sys.argv[1:])
if status != 0 or len(builds) != 1:
    sys.exit(status or 3)
stats = asdict(builds[0].stats)
stats["files"] = len(builds[0].files)
import resource
who = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)  # the black workers are children
stats["maxrss_mb"] = max(resource.getrusage(w).ru_maxrss for w in who) / 1024
sys.stdout.write(json.dumps(stats) + "\\n")
"""

# The package's .py files as rendered, black replaced by the identity, written under DEST.
_RENDER_CHILD = """\
import sys
from pathlib import Path
import codegen.emit.render as render
from codegen.config import load_config
from codegen.pipeline import build_files
pyproject, target, spec, templates, dest = sys.argv[1:]
def no_black(texts, jobs, progress=None):
    return [(text, None) for text in texts]
render.black_many = no_black
overrides = {"spec": Path(spec) if spec else None, "templates": Path(templates)}
config = load_config(Path(pyproject), overrides, target or None)
count = 0
for path, text in build_files(config, None, jobs=1).files.items():
    if path.endswith(".py"):
        out = Path(dest, path)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        count += 1
print(count)
"""


def snapshot(dest: Path) -> Path:
    """Copy the code under test (`codegen/`, `templates/`) to `dest`, compiled; returns `dest`."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("codegen", "templates"):
        shutil.copytree(REPO / name, dest / name, ignore=ignore)
    compileall.compile_dir(dest / "codegen", quiet=1)
    return dest


@dataclass(frozen=True)
class Setup:
    """What every child shares: the config, the code snapshot and a folder to run in."""

    pyproject: Path
    code: Path

    @property
    def templates(self) -> Path:
        return self.code / "templates"

    def env(self, *extra: Path) -> dict[str, str]:
        env = dict(os.environ)
        paths = [str(self.code), *map(str, extra), *filter(None, [env.get("PYTHONPATH")])]
        env["PYTHONPATH"] = os.pathsep.join(paths)
        return env

    def run(self, argv: list[str], timeout: float = CHILD_TIMEOUT) -> tuple[float, str]:
        """`argv` with this interpreter, from the snapshot's folder; (wall seconds, stdout)."""
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, *argv],
            cwd=self.code,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        wall = time.perf_counter() - started
        if done.returncode != 0:
            raise BenchError(f"{argv[:2]} failed (exit {done.returncode}): {_tail(done.stderr)}")
        return wall, done.stdout


class BenchError(Exception):
    """A step could not run (a child failed, a check could not be made)."""


@dataclass
class Run:
    """One `codegen generate` child: its wall time seen from outside and its own `Stats`."""

    wall: float
    stats: dict[str, Any]

    def phase_sum(self) -> float:
        return sum(float(self.stats[p]) for p in PHASES)


@dataclass
class BlackRun:
    wall: float
    files: int
    identical: int  # files whose black output equals ours byte for byte
    differing: list[str] = field(default_factory=list)


def _tail(text: str, lines: int = 12) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def generate_child(
    setup: Setup, target: str | None, spec: Path | None, out: Path, cache: Path | None
) -> Run:
    """`codegen generate` in a fresh interpreter; cold (`--no-cache`) when `cache` is None."""
    args = ["generate", "--config", str(setup.pyproject), "--out", str(out), "-q"]
    args += ["--templates", str(setup.templates)]
    args += ["--target", target] if target else []
    args += ["--spec", str(spec)] if spec else []
    args += ["--cache-dir", str(cache)] if cache else ["--no-cache"]
    wall, stdout = setup.run(["-c", _GENERATE_CHILD, *args])
    stats: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    return Run(wall, stats)


def unformatted_renders(setup: Setup, target: str | None, spec: Path | None, dest: Path) -> int:
    """Write the `.py` files of the package as the templates render them, before black, under
    `dest`; returns how many."""
    args = [str(setup.pyproject), target or "", str(spec or ""), str(setup.templates), str(dest)]
    _, stdout = setup.run(["-c", _RENDER_CHILD, *args])
    return int(stdout.strip().splitlines()[-1])


def black_cli(renders: Path, work: Path, reference: Path, extra: tuple[str, ...] = ()) -> BlackRun:
    """black's command line (plus `extra` flags) on a copy of the `renders` folder made under
    `work`; its output compared with the same paths under `reference` (our formatted output)."""
    src = work / "src"
    shutil.copytree(renders, src)
    (work / "black-cache").mkdir()
    (work / "xdg").mkdir()
    env = {k: v for k, v in os.environ.items() if k != "BLACK_NUM_WORKERS"}
    env.update(BLACK_CACHE_DIR=str(work / "black-cache"), XDG_CONFIG_HOME=str(work / "xdg"))
    argv = [sys.executable, "-m", "black", "-q", "-l", "100", "--target-version", "py311", *extra]
    started = time.perf_counter()
    done = subprocess.run(
        [*argv, str(src)],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
        check=False,
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise BenchError(f"black failed (exit {done.returncode}): {_tail(done.stderr)}")
    files = sorted(p.relative_to(src).as_posix() for p in src.rglob("*.py"))
    differing = [path for path in files if not _same(src / path, reference / path)]
    return BlackRun(wall, len(files), len(files) - len(differing), differing)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() == b.read_bytes()
    except FileNotFoundError:
        return False


def cold_vs_black(
    setup: Setup, target: str | None, spec: Path | None, work: Path, cache: Path | None = None
) -> dict[str, Any]:
    """A cold run into `work/cold` (no cache; or `cache`, an empty folder it fills, so that a
    warm run can follow without a second cold one), then black's command line on its unformatted
    `.py` files: as it is (its AST safety check on, the default), then with `--fast`."""
    if cache is not None and cache.exists() and any(cache.iterdir()):
        raise BenchError(f"{cache}: a cold run needs an empty cache folder")
    cold = generate_child(setup, target, spec, work / "cold", cache)
    unformatted_renders(setup, target, spec, work / "renders")
    black = black_cli(work / "renders", work / "black", work / "cold")
    fast = black_cli(work / "renders", work / "black-fast", work / "cold", ("--fast",))
    return {"cold": cold, "black": black, "black_fast": fast, "out": work / "cold"}


def whole_tree(setup: Setup, target: str | None, spec: Path | None, work: Path) -> dict[str, Any]:
    """On a copy of the spec: a run filling an empty cache, warm runs (nothing changed), a run
    after the largest `.d.ts` changed, a cold run of the changed tree (no cache) checked byte for
    byte against it, then black's command line on the same files."""
    from codegen.config import load_config
    from codegen.pipeline import read_sources

    base = load_config(setup.pyproject, {"spec": spec}, target)
    dts, js = read_sources(base)  # an npm target must have been fetched
    copy = work / "spec"
    shutil.copytree(base.spec, copy)
    out, cache = work / "out", work / "cache"
    fill = generate_child(setup, target, copy, out, cache)
    warm = [generate_child(setup, target, copy, out, cache) for _ in range(WARM_RUNS)]
    if not all(run.stats["up_to_date"] for run in warm):
        raise BenchError("a warm run rebuilt the output although nothing changed")
    largest = max(copy.rglob("*.d.ts"), key=lambda p: p.stat().st_size)
    largest.write_text(largest.read_text(encoding="utf-8") + "\n/** touched */\n", "utf-8")
    changed = generate_child(setup, target, copy, out, cache)
    result = cold_vs_black(setup, target, copy, work)
    ours, theirs = _tree(out), _tree(result["out"])
    return {
        **result,
        "spec_files": len(dts) + len(js),
        "fill": fill,
        "warm": warm,
        "warm_median": statistics.median(run.wall for run in warm),
        "changed": changed,
        "touched": largest.relative_to(copy).as_posix(),
        "identical": ours == theirs,
        "files": len(theirs),
        "differing": sorted(p for p in ours.keys() | theirs.keys() if ours.get(p) != theirs.get(p)),
    }
