"""Smoke test of `python -m bench` (the benchmark entry point) on the small spec in spec/: the
cheap sections only, so CI exercises the command line, the table, --json and the skip paths."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _bench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bench", "--quick", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _rows(run: subprocess.CompletedProcess[str]) -> dict[str, dict[str, Any]]:
    assert run.returncode == 0, run.stderr
    return {row["key"]: row for row in json.loads(run.stdout)["rows"]}


def test_quick_parse_json_and_skipped_peer(tmp_path: Path) -> None:
    missing = str(tmp_path / "no-such-python")
    run = _bench("--only", "parse,runtime", "--spec", "spec", "--peer-python", missing, "--json")
    rows = _rows(run)
    parse = rows["parse_ir"]
    assert parse["ours"] > 0 and parse["peer"] > 0
    assert parse["ratio"] == parse["ours"] / parse["peer"]
    assert parse["target"] == "<= 3x" and parse["result"] in ("PASS", "FAIL")
    assert rows["runtime"]["result"].startswith(f"skipped: cannot run {missing}")


def test_quick_table() -> None:
    run = _bench("--only", "parse", "--spec", "spec")
    assert run.returncode == 0, run.stderr
    header = run.stdout.splitlines()[2].split()
    assert header == ["figure", "ours", "peer/floor", "ratio", "target", "result"]
    label = "parse + IR, whole tree (6 .d.ts + 6 .js, CPU; ratio: median of paired rounds)"
    assert label in run.stdout


def test_unfetched_target_is_skipped(tmp_path: Path) -> None:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")  # its cache is empty
    run = _bench("--only", "parse", "--config", str(tmp_path / "pyproject.toml"), "--json")
    result = _rows(run)["parse"]["result"]
    assert result.startswith("skipped: ") and "codegen fetch --target full" in result


def test_unknown_section_is_a_usage_error() -> None:
    run = _bench("--only", "nope")
    assert run.returncode == 2 and "unknown section nope" in run.stderr


def test_scale_is_opt_in_and_skips_unfetched_targets(tmp_path: Path) -> None:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")  # its cache is empty
    config = str(tmp_path / "pyproject.toml")
    rows = _rows(_bench("--only", "scale", "--config", config, "--json"))
    assert list(rows) == ["scale_lithic", "scale_full", "scale_cloudflare"]
    for name, row in rows.items():
        target = name.removeprefix("scale_")
        assert row["result"].startswith("skipped: ") and f"--target {target}" in row["result"]
    assert "scale" not in _rows(_bench("--only", "parse", "--config", config, "--json"))
