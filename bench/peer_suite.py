"""Peer suite: the official `anthropic` tests and requests, against our whole-SDK package.

Usage (repo root, after `codegen fetch --target full && codegen generate --target full`):

    python bench/peer_suite.py [--mode suite,calls] [--python PY] [--official-python PY]
        [--ours-python PY] [--ours-dir build/anthropic-full] [--package anthropic_full]
        [--select tests/api_resources] [--port 4010] [--cache DIR] [--work DIR]
        [--json] [--json-file F]

The pinned `anthropic` sdist (bench/peer_tests.py: version and sha256) is downloaded once into
the cache. A mock server on 127.0.0.1:`--port` (the official tests' TEST_API_BASE_URL default)
answers every route of the IR with synthesised bodies and logs every request (bench/peer_mock.py).

- `suite`: the sdist's tests, with only the package renamed, run with pytest on the official
  package (the interpreter must have `anthropic` 2.14.0 and the official test dependencies) and
  on ours (`--ours-dir` on PYTHONPATH; the official package stays installed for the helper
  modules' private imports). Pass counts per file, failure reasons, the import gaps of ours,
  and the request comparison per test.
- `calls`: the sync `test_method_*` call sites of the same tests, replayed through both SDKs'
  clients (bench/peer_calls.py), so requests compare even while the renamed tests cannot import
  ours.

Prints a report (or JSON with --json). Exit status 0, or 2 with one line when a step cannot run.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import peer_blockers, peer_calls, peer_compare, peer_tests  # noqa: E402
from bench.peer_mock import TAG_PATH, PeerMock  # noqa: E402
from codegen.errors import SpecError  # noqa: E402
from codegen.ir import Spec  # noqa: E402


def load_spec(pyproject: Path, target: str | None) -> Spec:
    from codegen.config import load_config
    from codegen.parser import RouteConfig, parse_spec
    from codegen.pipeline import read_sources

    config = load_config(pyproject, {}, target)
    return parse_spec(config.spec, RouteConfig(prefix=config.route_prefix),
                      sources=read_sources(config))


def run_blockers(opts: argparse.Namespace, sdist: Path) -> dict[str, Any]:
    """Collect the official tests on the official package, import them against ours, and rank
    what blocks them (bench/peer_blockers.py). Runs no test and needs no server."""
    official = peer_tests.prepare(sdist, opts.work / "collect-official", "anthropic")
    collected = peer_blockers.collect(opts.official_python, official, opts.select, {},
                                      opts.timeout)
    work = peer_tests.prepare(sdist, opts.work / "collect-ours", opts.package)
    env = {"PYTHONPATH": str(opts.ours_dir.resolve())}
    imports = peer_tests.import_report(opts.ours_python, work / "tests", opts.package, env,
                                       opts.select)
    files = sorted({n.split("::", 1)[0] for n in collected})
    first = peer_blockers.import_errors(opts.ours_python, work, files, env, opts.package)
    ranked = peer_blockers.rank(collected, imports["per_file"], imports["helpers"],
                                imports["client_facts"], first)
    return {**ranked, "client_facts": imports["client_facts"],
            "files": len(files), "files_failing_import": len(set(first) - {"tests/conftest.py"}),
            "conftest_error": first.get("tests/conftest.py")}


def run_suite(opts: argparse.Namespace, mock: PeerMock, sdist: Path) -> dict[str, Any]:
    env = {"TEST_API_BASE_URL": mock.base_url, "PEER_TAG_URL": mock.base_url + TAG_PATH}
    out: dict[str, Any] = {}
    runs: dict[str, peer_tests.SuiteRun] = {}
    for side, python, package in (("official", opts.official_python, "anthropic"),
                                  ("ours", opts.ours_python, opts.package)):
        work = peer_tests.prepare(sdist, opts.work / f"suite-{side}", package)
        side_env = dict(env)
        if side == "ours":
            side_env["PYTHONPATH"] = str(opts.ours_dir.resolve())
        started = time.perf_counter()
        code, tail, junit = peer_tests.run_pytest(python, work, f"suite-{side}", opts.select,
                                                  side_env, opts.timeout)
        run = peer_tests.SuiteRun(side, code, time.perf_counter() - started, stderr_tail=tail)
        peer_tests.read_junit(run, junit)
        runs[side] = run
        out[side] = run.to_json()
    passed_official = {n for n, o in runs["official"].outcomes.items() if o == "passed"}
    passed_both = {n for n in passed_official if runs["ours"].outcomes.get(n) == "passed"}
    out["passed_on_both"] = len(passed_both)
    out["passed_on_official"] = len(passed_official)
    cmp = peer_compare.compare(peer_compare.by_tag(mock.log, "suite-official"),
                               peer_compare.by_tag(mock.log, "suite-ours"))
    out["requests"] = cmp.to_json()
    return out


def run_calls(opts: argparse.Namespace, mock: PeerMock, sdist: Path) -> dict[str, Any]:
    tests = peer_tests.extract_tests(sdist, opts.work / "calls")
    calls, skipped = peer_calls.extract_calls(tests)
    out: dict[str, Any] = {"calls": len(calls), "skipped": skipped,
                           "respx_in_tests": sum(c.respx for c in calls)}
    for side, python, package, env in (
        ("official", opts.official_python, "anthropic", {}),
        ("ours", opts.ours_python, opts.package, {"PYTHONPATH": str(opts.ours_dir.resolve())}),
    ):
        outcomes = peer_calls.drive(python, package, calls, mock.base_url, f"calls-{side}", env,
                                    opts.timeout)
        out[side] = peer_calls.outcome_classes(outcomes)
    cmp = peer_compare.compare(peer_compare.by_tag(mock.log, "calls-official"),
                               peer_compare.by_tag(mock.log, "calls-ours"))
    out["requests"] = cmp.to_json()
    return out


def _counts(c: dict[str, int]) -> str:
    keys = ("passed", "failed", "errors", "skipped")
    return ", ".join(f"{c.get(k, 0)} {k}" for k in keys)


def report_requests(lines: list[str], cmp: dict[str, Any]) -> None:
    lines.append(f"  requests compared: {cmp['requests_compared']} "
                 f"({cmp['tags_compared']} tags), equal on the compared fields: "
                 f"{cmp['requests_equal']}")
    lines.append("  equal per field: " + ", ".join(
        f"{k} {v}" for k, v in sorted(cmp["fields_equal"].items())))
    for key, cls in cmp["classes"].items():
        ex = cls["examples"][0]
        lines.append(f"  {cls['count']:6d}  {key}")
        lines.append(f"          e.g. {ex['tag']}")
        lines.append(f"               official: {json.dumps(ex['official'], default=str)[:200]}")
        lines.append(f"               ours:     {json.dumps(ex['ours'], default=str)[:200]}")


def report_blockers(lines: list[str], b: dict[str, Any], top: int = 40) -> None:
    lines.append("== blockers: what keeps the official tests from running on ours ==")
    lines.append(f"{b['tests']} official tests collected in {b['files']} files; "
                 f"{b['unblocked']} have no missing import or client fact")
    lines.append(f"conftest import on ours: {b['conftest_error'] or 'ok'}; test files whose "
                 f"import fails: {b['files_failing_import']}")
    lines.append("  client facts: " + ", ".join(
        f"{k} {'yes' if v else 'NO'}" for k, v in b["client_facts"].items()))
    lines.append(f"  {len(b['ranked'])} gaps, by tests blocked (files; tests free once this "
                 f"and all above are fixed), top {top}:")
    for row in b["ranked"][:top]:
        lines.append(f"  {row['tests']:6d}  {row['gap']}  ({row['files']} files; "
                     f"{row['freed_if_fixed_so_far']})")
    lines.append("  first import error per test file (tests in those files):")
    for gap, n in list(b["first_error_tests"].items())[:15]:
        lines.append(f"  {n:6d}  {gap}")


def report(result: dict[str, Any]) -> str:
    lines: list[str] = []
    suite = result.get("suite")
    if suite:
        lines.append("== suite: official tests, package renamed ==")
        for side in ("official", "ours"):
            run = suite[side]
            total = sum(run["counts"].values())
            lines.append(f"{side}: {total} tests: {_counts(run['counts'])} "
                         f"(pytest exit {run['returncode']}, {run['seconds']} s)")
            if total == 0:
                lines.append("  nothing ran; pytest said:")
                lines.extend("    " + ln for ln in run["stderr_tail"].splitlines()[-6:])
        lines.append(f"passed on ours of those passed on official: {suite['passed_on_both']}"
                     f"/{suite['passed_on_official']}")
        lines.append("per test file (official | ours):")
        files = sorted(set(suite["official"]["per_file"]) | set(suite["ours"]["per_file"]))
        for f in files:
            lines.append(f"  {f}: {_counts(suite['official']['per_file'].get(f, {}))} | "
                         f"{_counts(suite['ours']['per_file'].get(f, {}))}")
        for side in ("official", "ours"):
            reasons = suite[side]["reasons"]
            if reasons:
                lines.append(f"failure reasons, {side} (count, reason, first test):")
                for reason, n in list(reasons.items())[:25]:
                    lines.append(f"  {n:6d}  {reason}")
                    lines.append(f"          {suite[side]['reason_examples'][reason]}")
        lines.append("requests (official vs ours, per test):")
        report_requests(lines, suite["requests"])
    blockers = result.get("blockers")
    if blockers:
        report_blockers(lines, blockers)
    calls = result.get("calls")
    if calls:
        lines.append("== calls: the official tests' sync call sites, replayed through both ==")
        lines.append(f"{calls['calls']} calls ({len(calls['skipped'])} test_method_* skipped: "
                     f"no replayable client call)")
        for side in ("official", "ours"):
            lines.append(f"outcomes, {side}:")
            for key, v in list(calls[side].items())[:15]:
                lines.append(f"  {v['count']:6d}  {key}   (e.g. {v['example']})")
        lines.append("requests (official vs ours, per call):")
        report_requests(lines, calls["requests"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mode", default="blockers,suite,calls")
    ap.add_argument("--python", default=sys.executable, help="interpreter for both sides")
    ap.add_argument("--official-python")
    ap.add_argument("--ours-python")
    ap.add_argument("--ours-dir", type=Path, default=ROOT / "build" / "anthropic-full")
    ap.add_argument("--package", default="anthropic_full")
    ap.add_argument("--target", default="full")
    ap.add_argument("--pyproject", type=Path, default=ROOT / "pyproject.toml")
    ap.add_argument("--select", nargs="+", default=["tests/api_resources"])
    ap.add_argument("--port", type=int, default=4010)
    ap.add_argument("--cache", type=Path, default=ROOT / ".codegen-cache" / "peer")
    ap.add_argument("--work", type=Path, default=None, help="default: <cache>/work")
    ap.add_argument("--timeout", type=float, default=3600.0)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--json-file", type=Path)
    ap.add_argument("--log-file", type=Path, help="every logged request, one JSON line each")
    opts = ap.parse_args(argv)
    opts.official_python = opts.official_python or opts.python
    opts.ours_python = opts.ours_python or opts.python
    opts.work = opts.work or opts.cache / "work"
    modes = set(opts.mode.split(","))
    if not modes <= {"blockers", "suite", "calls"}:
        print(f"peer_suite: unknown mode in {opts.mode!r} (blockers, suite, calls)",
              file=sys.stderr)
        return 2
    try:
        if not (opts.ours_dir / opts.package).is_dir():
            raise peer_tests.PeerError(f"{opts.ours_dir / opts.package}: not generated (run "
                                       f"codegen fetch --target full && codegen generate "
                                       f"--target full)")
        sdist = peer_tests.fetch_sdist(opts.cache)
        mock = PeerMock(load_spec(opts.pyproject, opts.target), opts.port).start()
    except (peer_tests.PeerError, OSError, SpecError) as exc:
        print(f"peer_suite: {exc}", file=sys.stderr)
        return 2
    result: dict[str, Any] = {"sdist": f"{peer_tests.SDIST_NAME} {peer_tests.SDIST_VERSION}",
                              "mock": mock.base_url}
    try:
        if "blockers" in modes:
            result["blockers"] = run_blockers(opts, sdist)
        if "suite" in modes:
            result["suite"] = run_suite(opts, mock, sdist)
        if "calls" in modes:
            result["calls"] = run_calls(opts, mock, sdist)
    except (peer_tests.PeerError, RuntimeError) as exc:
        print(f"peer_suite: {exc}", file=sys.stderr)
        return 2
    finally:
        mock.stop()
    result["unmatched_requests"] = mock.unmatched
    if opts.log_file:
        opts.log_file.write_text("".join(json.dumps(r, default=str) + "\n" for r in mock.log))
    if opts.json_file:
        opts.json_file.write_text(json.dumps(result, indent=1, default=str))
    text = report(result) + f"\nmock: {mock.unmatched} requests matched no IR route\n"
    print(json.dumps(result, indent=1, default=str) if opts.json else text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
