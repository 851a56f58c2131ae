"""ts2python (TypeScript interfaces -> Python TypedDicts, built on DHParser) as the peer of the
types half of our generator, on the same .d.ts files in the same run.

Usage: python bench/peer_ts2python.py PATH_TO_SDK_PACKAGE [--quick] [--json] [--list]

Files: ``PATH/resources/**/*.d.ts`` when PATH has a ``resources`` folder, else every ``*.d.ts``
under PATH.

Method:

1. *Read as-is.* Each file goes through ts2python's own in-process API,
   ``ts2pythonParser.compile_src(source)`` (what its CLI runs per file, with the configuration
   its CLI loads from ``ts2pythonConfig.ini``), in worker processes: each worker imports
   ts2python and compiles a one-line warm-up first, then gets one file at a time; a file that
   takes longer than the per-file timeout has its worker killed (and replaced) and counts as
   failed. A file is *read* when ts2python reports no error (severity >= ERROR) and returns
   code. For a failed file we keep the first specific error line (skipping DHParser's generic
   "Malformed syntax-tree") and classify the source line it points at (``REASONS``).
2. *Read after removing module glue.* The same, after blanking (newlines kept, so error
   positions still hold) the ES re-export statements that stop ts2python's grammar:
   ``export * from``, ``export {...} from``, and ``export {...};`` lists, including the
   ``export declare namespace X { export { type A as A }; }`` blocks Stainless emits (a
   namespace left empty goes too). Those declare no type; ``import`` statements parse and stay.
3. *Timing*, for each of those two sets of files both tools read (ours reads them all):
   - ts2python: one fresh worker compiles the common files one after the other; the time is the
     sum of ``compile_src`` calls measured inside the worker (file reading, the blanking of
     step 2 and inter-process traffic excluded). It is parse + AST transform + rendering of
     Python source, per file, with no cross-file resolution.
   - ours: ``parse_spec`` on a temporary folder holding only the common files, original
     contents, at their paths relative to PATH (no ``.js`` siblings, so no route facts):
     tree-sitter parse + IR + cross-file resolution + resources, in this process, after one
     untimed warm-up run. No Python is rendered.
   Each side is timed ``reps`` times (3; 1 with --quick), interleaved, and the best run is
   kept; all runs are in the JSON report (the machine may be shared: its load is noted too).
   The ratio is ours / ts2python: below 1 means we are faster.
4. *Counts* on the common files. Ours: ``Interface`` and ``Alias`` entries of
   ``spec.declarations`` (namespace members included, as qualified names). ts2python: from the
   Python it wrote (``ast``), each class told apart by how the source declares its name:
   TypedDicts for interfaces, type aliases (assignments at module or namespace level,
   ``TypeVar`` excluded), TypedDicts for anonymous object types (``Name_0``), classes standing
   for TS namespaces (no fields, only members), enums, and classes for TS classes (SDK
   resources, errors). A regex count of ``interface`` / ``type X =`` declarations in the source
   is the yardstick.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import importlib.metadata
import importlib.util
import json
import multiprocessing as mp
import os
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

from codegen.ir import Alias, Interface
from codegen.parser import parse_spec

TS2PY_MODULE = "ts2pythonParser"
FILE_TIMEOUT = 20.0
QUICK_FILE_TIMEOUT = 10.0
PASS_BUDGET = 600.0  # seconds for one pass over all files; what is left over is not run
QUICK_PASS_BUDGET = 120.0

# ES re-export statements ts2python's grammar rejects (its grammar has `import`, not these).
GLUE = re.compile(
    r"^[ \t]*export[ \t]+(?:type[ \t]+)?(?:\*(?:[ \t]+as[ \t]+\w+)?|\{[^}]*\})"
    r"(?:\s*from\s*(?:'[^']*'|\"[^\"]*\"))?[ \t]*;?[ \t]*$",
    re.MULTILINE,
)
# ... and the namespaces left empty by that (ts2python renders them as classes with no body).
EMPTY_NAMESPACE = re.compile(
    r"^[ \t]*(?:export[ \t]+)?(?:declare[ \t]+)?namespace[ \t]+[\w.]+[ \t]*\{\s*\}[ \t]*;?[ \t]*$",
    re.MULTILINE,
)
INDEXED_ACCESS = re.compile(r"[\w>\])]\[\s*(?:'[^']*'|\"[^\"]*\"|number\b|keyof\b|\w+\s*\])")
REASONS: list[tuple[str, re.Pattern[str]]] = [
    ("export * from (barrel)", re.compile(r"^\s*export\s+\*")),
    ("export {...} from (re-export)", re.compile(r"^\s*export\s+(?:type\s+)?\{[^}]*\}\s*from\b")),
    ("namespace re-export block (export { type A as A } in declare namespace)",
     re.compile(r"^\s+export\s+(?:type\s+)?\{")),
    ("export {...}; list", re.compile(r"^export\s+(?:type\s+)?\{")),
    ("indexed access type (T['k'], T[number])", INDEXED_ACCESS),
]
TS_INTERFACE = re.compile(r"^\s*(?:export\s+)?(?:declare\s+)?interface\s+\w", re.MULTILINE)
TS_ALIAS = re.compile(r"^\s*(?:export\s+)?(?:declare\s+)?type\s+\w+\s*(?:<[^=]*>)?\s*=",
                      re.MULTILINE)
BEGIN, END = "##### BEGIN OF ts2python generated code", "##### END OF ts2python generated code"
ANONYMOUS = re.compile(r"_\d+$")
TS_NAMES = {
    kind: re.compile(rf"^\s*(?:export\s+)?(?:declare\s+)?(?:abstract\s+)?{kind}\s+(\w+)",
                     re.MULTILINE)
    for kind in ("interface", "class", "namespace")
}
ENUM_BASES = {"Enum", "IntEnum", "StrEnum"}


class Ts2PythonMissing(RuntimeError):
    pass


def blank_glue(source: str) -> str:
    """`source` without the re-export statements of `GLUE` and the namespaces they leave empty;
    line numbers are kept."""
    for pattern in (GLUE, EMPTY_NAMESPACE):
        source = pattern.sub(lambda m: "\n" * m.group(0).count("\n"), source)
    return source


def classify(source: str, error: str) -> str:
    """The reason class of a ts2python error line (``LINE:COL: Error (CODE): ...``)."""
    m = re.match(r"(\d+):(\d+):", error)
    lines = source.split("\n")
    if m and 0 < int(m.group(1)) <= len(lines):
        text = lines[int(m.group(1)) - 1]
        for name, pattern in REASONS:
            if pattern.search(text):
                return name
    message = re.sub(r"^\d+:\d+:\s*", "", error)
    return "other: " + re.sub(r"»[^«]*«?", "»…«", message)[:90]


def count_python(code: str, source: str) -> Counter[str]:
    """What ts2python declared in the Python it wrote (see the module docstring, step 4)."""
    body = code.split(BEGIN, 1)[-1].split(END, 1)[0]
    counts: Counter[str] = Counter()
    try:
        tree = ast.parse(body)
    except SyntaxError:
        counts["unparsable_outputs"] += 1
        return counts
    names = {kind: set(pattern.findall(source)) for kind, pattern in TS_NAMES.items()}
    _visit(tree.body, True, names, counts)
    return counts


def _base_name(node: ast.expr) -> str:
    if isinstance(node, ast.Subscript):
        node = node.value
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _visit(body: Iterable[ast.stmt], alias_scope: bool, names: dict[str, set[str]],
           counts: Counter[str]) -> None:
    """Python classes are told apart by the TS declarations of their name: an interface that
    extends another and a TS class both come out as ``class X(Base)``."""
    for node in body:
        if isinstance(node, ast.ClassDef):
            has_fields = any(isinstance(s, ast.AnnAssign) for s in node.body)
            members = any(isinstance(s, (ast.ClassDef, ast.Assign)) for s in node.body)
            namespace = node.name in names["namespace"] and members and not has_fields
            if namespace:
                kind = "namespaces"
            elif {_base_name(b) for b in node.bases} & ENUM_BASES:
                kind = "enums"
            elif node.name in names["class"]:
                kind = "classes"
            elif node.name in names["interface"] or not ANONYMOUS.search(node.name):
                kind = "typeddicts"
            else:
                kind = "anonymous"
            counts[kind] += 1
            _visit(node.body, namespace, names, counts)
        elif isinstance(node, ast.Assign) and alias_scope:
            target = node.targets[0]
            is_typevar = isinstance(node.value, ast.Call) and _base_name(node.value.func) in (
                "TypeVar", "ParamSpec")
            if isinstance(target, ast.Name) and not target.id.endswith("__") and not is_typevar:
                counts["aliases"] += 1


# --- worker processes ------------------------------------------------------------------------


def _load_ts2python() -> Callable[[str], tuple[Any, list[Any]]]:
    """ts2python's `compile_src`, configured as its command line configures it."""
    mod = importlib.import_module(TS2PY_MODULE)
    config = importlib.import_module("DHParser.configuration")
    ini = os.path.join(os.path.dirname(os.path.abspath(mod.__file__ or "")), "ts2pythonConfig.ini")
    if os.path.isfile(ini):
        config.read_local_config(ini)
        mod.validate_configuration(config.get_config_values("ts2python.*"))
    compile_src: Callable[[str], tuple[Any, list[Any]]] = mod.compile_src
    compile_src("export interface WarmUp { a: string; }\n")
    return compile_src


def convert(compile_src: Callable[[str], tuple[Any, list[Any]]], path: str, strip: bool
            ) -> dict[str, Any]:
    source = Path(path).read_text(encoding="utf-8", errors="replace")
    if strip:
        source = blank_glue(source)
    t0 = time.perf_counter()
    try:
        result, errors = compile_src(source)
    except Exception as exc:  # noqa: BLE001, RUF100 - a peer crash is a result
        return {"path": path, "ok": False, "seconds": time.perf_counter() - t0,
                "error": f"exception {type(exc).__name__}: {(str(exc).splitlines() or [''])[0]}",
                "reason": f"crash: {type(exc).__name__}"}
    seconds = time.perf_counter() - t0
    serious = [e for e in errors if int(e.code) >= 1000]
    code = result if isinstance(result, str) else ""
    if serious or not code.strip():
        specific = [str(e) for e in serious if "Malformed syntax-tree" not in str(e)]
        first = (specific or [str(e) for e in serious] or ["no output"])[0].splitlines()[0]
        return {"path": path, "ok": False, "seconds": seconds, "error": first,
                "reason": classify(source, first)}
    counts = dict(count_python(code, source))
    return {"path": path, "ok": True, "seconds": seconds, "counts": counts}


def _serve(conn: Connection) -> None:
    compile_src = _load_ts2python()
    conn.send("ready")
    while True:
        task = conn.recv()
        if task is None:
            return
        path, strip = task
        conn.send(convert(compile_src, path, strip))


@dataclass
class _Worker:
    ctx: BaseContext
    conn: Connection = field(init=False)
    proc: Any = field(init=False)
    task: tuple[str, bool] | None = None
    deadline: float = 0.0

    def __post_init__(self) -> None:
        parent, child = self.ctx.Pipe()
        self.conn = parent
        process: Any = self.ctx.Process  # type: ignore[attr-defined]
        self.proc = process(target=_serve, args=(child,), daemon=True)
        self.proc.start()
        child.close()
        if not self.conn.poll(60) or self.conn.recv() != "ready":
            self.stop()
            raise RuntimeError("ts2python worker did not start")

    def submit(self, task: tuple[str, bool], timeout: float) -> None:
        self.task, self.deadline = task, time.monotonic() + timeout
        self.conn.send(task)

    def stop(self, kill: bool = False) -> None:
        if not kill:
            try:
                self.conn.send(None)
            except OSError:
                kill = True
        if kill:
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


def _context() -> BaseContext:
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


def run_pass(paths: list[Path], strip: bool, workers: int, timeout: float, budget: float
             ) -> list[dict[str, Any]]:
    """ts2python on each file, `workers` at a time, a per-file `timeout`, a total `budget`."""
    ctx = _context()
    todo = [(str(p), strip) for p in reversed(paths)]
    results: dict[str, dict[str, Any]] = {}
    pool = [_Worker(ctx) for _ in range(max(1, min(workers, len(paths))))]
    stop_at = time.monotonic() + budget
    try:
        while todo or any(w.task for w in pool):
            for w in pool:
                if w.task is None and todo and time.monotonic() < stop_at:
                    w.submit(todo.pop(), timeout)
            busy = [w for w in pool if w.task is not None]
            if not busy:
                break
            next_deadline = min(w.deadline for w in busy)
            ready = wait([w.conn for w in busy], max(0.0, next_deadline - time.monotonic()))
            for i, w in enumerate(pool):
                if w.task is None:
                    continue
                if w.conn in ready:
                    try:
                        result = w.conn.recv()
                    except EOFError:
                        result = {"path": w.task[0], "ok": False, "seconds": None,
                                  "error": "worker died", "reason": "crash: worker died"}
                        w.stop(kill=True)
                        pool[i] = _Worker(ctx)
                    results[result["path"]] = result
                    pool[i].task = None
                elif time.monotonic() >= w.deadline:
                    results[w.task[0]] = {"path": w.task[0], "ok": False, "seconds": None,
                                          "error": f"timeout after {timeout:g} s",
                                          "reason": "timeout"}
                    w.stop(kill=True)
                    pool[i] = _Worker(ctx)
    finally:
        for w in pool:
            w.stop(kill=w.task is not None)
    for path, _ in todo:
        results[path] = {"path": path, "ok": False, "seconds": None,
                         "error": f"not run: pass budget of {budget:.0f} s spent",
                         "reason": "not run (budget)"}
    return [results[str(p)] for p in paths]


# --- the comparison --------------------------------------------------------------------------


def spec_files(root: Path) -> list[Path]:
    base = root / "resources" if (root / "resources").is_dir() else root
    return sorted(p for p in base.rglob("*.d.ts") if p.is_file())


def compare(root: Path, paths: list[Path], strip: bool, reps: int, timeout: float
            ) -> dict[str, Any]:
    """Time both tools on `paths`, runs interleaved (ts2python, ours, ts2python, ...) so that
    both see the same machine load; keep every run's time and the best."""
    theirs: list[float] = []
    ours: list[float] = []
    counts: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="peer_ts2python_") as tmp:
        for p in paths:
            dest = Path(tmp) / p.relative_to(root)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p, dest)
        spec = parse_spec(Path(tmp))  # warm-up, untimed
        for _ in range(reps):
            results = run_pass(paths, strip, 1, timeout, PASS_BUDGET)
            if all(r["ok"] for r in results):
                theirs.append(sum(float(r["seconds"]) for r in results))
                counts = Counter()
                for r in results:
                    counts.update(r["counts"])
            t0 = time.perf_counter()
            spec = parse_spec(Path(tmp))
            ours.append(time.perf_counter() - t0)
    decls = spec.declarations.values()
    best_theirs, best_ours = min(theirs, default=None), min(ours)
    return {
        "source": source_counts(paths),
        "ours": {
            "seconds": best_ours,
            "runs": [round(t, 4) for t in ours],
            "counts": {
                "interfaces": sum(isinstance(d, Interface) for d in decls),
                "aliases": sum(isinstance(d, Alias) for d in decls),
                "resources": len(spec.resources),
                "diagnostics": len(spec.diagnostics),
            },
        },
        "ts2python": {
            "seconds": best_theirs,
            "runs": [round(t, 4) for t in theirs],
            "counts": dict(sorted(counts.items())),
        },
        "ratio_ours_over_ts2python": best_ours / best_theirs if best_theirs else None,
    }


def source_counts(paths: list[Path]) -> dict[str, int]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    return {
        "files": len(paths),
        "lines": sum(t.count("\n") for t in texts),
        "interfaces": sum(len(TS_INTERFACE.findall(t)) for t in texts),
        "aliases": sum(len(TS_ALIAS.findall(t)) for t in texts),
    }


def run(root: Path, quick: bool = False) -> dict[str, Any]:
    """Read, classify failures, then time and count on the common files (module docstring)."""
    if importlib.util.find_spec(TS2PY_MODULE) is None:
        raise Ts2PythonMissing("ts2python is not installed (pip install ts2python)")
    started = time.perf_counter()
    root = root.resolve()
    paths = spec_files(root)
    if not paths:
        raise FileNotFoundError(f"{root}: no .d.ts files")
    reps = 1 if quick else 3
    timeout = QUICK_FILE_TIMEOUT if quick else FILE_TIMEOUT
    budget = QUICK_PASS_BUDGET if quick else PASS_BUDGET
    workers = max(1, min(4, os.cpu_count() or 1))
    report: dict[str, Any] = {
        "root": str(root),
        "ts2python_version": importlib.metadata.version("ts2python"),
        "quick": quick,
        "file_timeout_s": timeout,
        "load_average_at_start": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "source": source_counts(paths),
        "passes": {},
    }
    for name, strip in (("as_is", False), ("glue_removed", True)):
        t0 = time.perf_counter()
        results = run_pass(paths, strip, workers, timeout, budget)
        read = [r for r in results if r["ok"]]
        failed = [r for r in results if not r["ok"]]
        common = [Path(r["path"]) for r in read]
        entry: dict[str, Any] = {
            "read": len(read),
            "failed": len(failed),
            "wall_s": round(time.perf_counter() - t0, 2),
            "reasons": dict(Counter(r["reason"] for r in failed).most_common()),
            "failures": {os.path.relpath(r["path"], root): r["error"] for r in failed},
            "failure_reasons": {os.path.relpath(r["path"], root): r["reason"] for r in failed},
        }
        if common:
            entry["common"] = compare(root, common, strip, reps, timeout)
        report["passes"][name] = entry
    report["wall_s"] = round(time.perf_counter() - started, 2)
    return report


# --- the table -------------------------------------------------------------------------------


def _secs(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def render(report: dict[str, Any], list_all: bool = False) -> str:
    src = report["source"]
    head = (f"ts2python {report['ts2python_version']} on {report['root']}: {src['files']} files, "
            f"{src['lines']:,} lines ({src['interfaces']} interfaces, {src['aliases']} type "
            f"aliases by regex); per-file timeout {report['file_timeout_s']:.0f} s")
    out = [head]
    out.append(f"{'pass':14} {'read':>5} {'failed':>6} {'wall s':>7}")
    for name, p in report["passes"].items():
        out.append(f"{name:14} {p['read']:>5} {p['failed']:>6} {p['wall_s']:>7.2f}")
    for name, p in report["passes"].items():
        if not p["failed"]:
            continue
        out.append(f"{name}: why ts2python failed (first error of each file):")
        for reason, n in p["reasons"].items():
            files = sorted(f for f, r in p["failure_reasons"].items() if r == reason)
            shown = files if list_all or len(files) <= 3 else [*files[:3], "..."]
            out.append(f"  {n:4} {reason}: {', '.join(shown)}")
            if len(files) <= 3:
                out.extend(f"         {f}: {p['failures'][f]}" for f in files)
    out.append(f"{'common files':14} {'files':>5} {'lines':>7} {'ours s':>7} {'ts2py s':>8} "
               f"{'ours/ts2py':>10}  {'ours if/alias':>13}  ts2python typeddict/alias "
               "(+anon, namespace, class)")
    for name, p in report["passes"].items():
        c = p.get("common")
        if not c:
            out.append(f"{name:14} {0:>5}")
            continue
        oc, tc = c["ours"]["counts"], c["ts2python"].get("counts", {})
        ratio = c["ratio_ours_over_ts2python"]
        out.append(
            f"{name:14} {c['source']['files']:>5} {c['source']['lines']:>7} "
            f"{_secs(c['ours']['seconds']):>7} {_secs(c['ts2python']['seconds']):>8} "
            f"{'-' if ratio is None else f'{ratio:.2f}':>10}  "
            f"{str(oc['interfaces']) + '/' + str(oc['aliases']):>13}  "
            f"{tc.get('typeddicts', 0)}/{tc.get('aliases', 0)} (+{tc.get('anonymous', 0)}, "
            f"{tc.get('namespaces', 0)}, {tc.get('classes', 0)})"
            f"  source {c['source']['interfaces']}/{c['source']['aliases']}"
            + (f"  ({tc['unparsable_outputs']} outputs not valid Python, not counted)"
               if tc.get("unparsable_outputs") else ""))
    out.append(f"total wall time {report['wall_s']:.1f} s")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("root", type=Path, help="the SDK package (or a folder of .d.ts files)")
    parser.add_argument("--quick", action="store_true", help="one timing run, shorter timeouts")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--list", action="store_true", help="list every failed file")
    args = parser.parse_args()
    try:
        report = run(args.root, quick=args.quick)
    except Ts2PythonMissing as exc:
        print(f"peer_ts2python: {exc}", file=sys.stderr)
        sys.exit(2)
    print(json.dumps(report, indent=2) if args.json else render(report, args.list))


if __name__ == "__main__":
    main()
