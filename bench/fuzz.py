"""Fuzz the parser: mutated real spec files must parse or fail cleanly, never crash or hang.

Each input (see `bench/fuzz_mutate.py`) is written to a temporary spec folder and read by
`parse_spec` in a worker process; a watchdog kills a worker that takes longer than `--timeout`
on one input (a hang) and starts a new one. Outcomes:

- success: the IR was built;
- clean: `SpecError` (the CLI's one `file:line:col: message` line) whose text has no raw
  control characters and is one line;
- traceback: any other exception, grouped by its type and innermost codegen frame (the place);
- dirty: a `SpecError` whose message echoes a control character or spans lines;
- escaped: a symbolic link out of the spec folder was followed (not refused);
- hang: no answer within the timeout; crash: the worker died (e.g. a native fault).

Peak RSS is the largest worker's. Seeded and reproducible: `--seed S --n N`; `--only I` replays
input I and prints its traceback. `--generate N` runs `codegen generate` on N mutated folders
instead (`bench/fuzz_generate.py`).

Usage: python bench/fuzz.py [--seed 0] [--n 2000] [-j 1] [--timeout 20] [--no-full] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import select
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.fuzz_mutate import Corpus, Input, make_input

OUTCOMES = ("success", "clean", "traceback", "dirty", "escaped", "hang", "crash")
FAILURES = ("traceback", "dirty", "escaped", "hang", "crash")


def write_input(inp: Input, root: Path) -> None:
    """The input as a spec folder at `root` (emptied first)."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for rel, data in inp.files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for rel, target in inp.links.items():
        (root / rel).symlink_to(target)


def signature(exc: BaseException) -> str:
    """`Type at codegen/x.py:LINE func`: the innermost frame in codegen/ (else the innermost)."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if f"{os.sep}codegen{os.sep}" in f.filename] or frames
    if not ours:
        return type(exc).__name__
    f = ours[-1]
    if isinstance(exc, RecursionError):  # the place is the function that recursed
        counts = Counter((g.filename, g.name) for g in ours)
        f = max(reversed(ours), key=lambda g: counts[(g.filename, g.name)])
    where = f.filename.split(f"{os.sep}codegen{os.sep}", 1)[-1]
    return f"{type(exc).__name__} at codegen/{where}:{f.lineno} {f.name}"


def is_dirty(message: str) -> bool:
    """A message that would print a control character (or a second line) to the terminal."""
    return any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or 0xD800 <= ord(c) < 0xE000 for c in message)


def run_one(inp: Input, root: Path) -> tuple[str, str]:
    """(outcome, detail) of parsing one input in this process."""
    from codegen.errors import SpecError
    from codegen.parser import parse_spec

    write_input(inp, root)
    leaves = any(t.startswith("/") for t in inp.links.values())
    try:
        parse_spec(root)
    except SpecError as exc:
        text = str(exc)
        if leaves and not any(r in text for r in ("outside the spec folder", "symbolic link")):
            return "escaped", "a link out of the spec folder was followed"
        return ("dirty", text[:200]) if is_dirty(text) else ("clean", text[:200])
    except (Exception, RecursionError) as exc:
        return "traceback", signature(exc)
    if leaves:
        return "escaped", "a link out of the spec folder was followed"
    return "success", ""


def worker(seed: int, full: bool) -> None:
    """Read input indices on stdin, answer one JSON line each: outcome, detail, peak RSS (KiB)."""
    corpus = Corpus.load(full)
    with tempfile.TemporaryDirectory(prefix="codegen-fuzz-") as tmp:
        root = Path(tmp) / "spec"
        for line in sys.stdin:
            index = int(line)
            outcome, detail = run_one(make_input(corpus, seed, index), root)
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print(json.dumps([index, outcome, detail, rss]), flush=True)


@dataclass
class Report:
    counts: Counter[str] = field(default_factory=Counter)
    places: dict[str, list[int]] = field(default_factory=dict)
    clean_kinds: Counter[str] = field(default_factory=Counter)
    peak_rss_kib: int = 0
    seconds: float = 0.0
    slowest: tuple[float, int] = (0.0, -1)

    def add(self, index: int, outcome: str, detail: str, elapsed: float) -> None:
        self.counts[outcome] += 1
        if outcome in FAILURES:
            key = f"{outcome}: {detail}" if outcome != "dirty" else "dirty message"
            self.places.setdefault(key, []).append(index)
        elif outcome == "clean":
            self.clean_kinds[_kind(detail)] += 1
        self.slowest = max(self.slowest, (elapsed, index))

    @property
    def failures(self) -> int:
        return sum(self.counts[o] for o in FAILURES)

    def text(self, seed: int) -> str:
        n = sum(self.counts.values())
        lines = [
            f"fuzz: {n} inputs (seed {seed}) in {self.seconds:.1f} s; peak RSS "
            f"{self.peak_rss_kib / 1024:.1f} MiB; slowest input {self.slowest[1]} "
            f"({self.slowest[0]:.2f} s)",
            "  " + ", ".join(f"{o} {self.counts[o]}" for o in OUTCOMES),
        ]
        for place, indices in sorted(self.places.items(), key=lambda kv: -len(kv[1])):
            lines.append(f"  {len(indices):5d}  {place}  (e.g. --only {indices[0]})")
        if self.clean_kinds:
            top = ", ".join(f"{k} {v}" for k, v in self.clean_kinds.most_common(8))
            lines.append(f"  clean errors by kind: {top}")
        return "\n".join(lines)


def _kind(message: str) -> str:
    """The message without its location and quoted text: 'syntax error', 'file is not UTF-8'."""
    body = message.split(": ", 1)[1] if ": " in message else message
    for sep in (":", "(", "'"):
        body = body.split(sep, 1)[0]
    return body.strip()[:40]


class _Worker:
    def __init__(self, seed: int, full: bool) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--worker", "--seed", str(seed)]
            + ([] if full else ["--no-full"]),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.index: int | None = None
        self.started = 0.0

    def send(self, index: int) -> None:
        assert self.proc.stdin is not None
        self.index, self.started = index, time.monotonic()
        self.proc.stdin.write(f"{index}\n")
        self.proc.stdin.flush()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()


def fuzz(
    seed: int, indices: list[int], jobs: int = 1, timeout: float = 20.0, full: bool = True
) -> Report:
    """Run the inputs on `jobs` workers with a per-input watchdog."""
    report = Report()
    started = time.monotonic()
    todo = list(reversed(indices))
    workers = [_Worker(seed, full) for _ in range(max(1, min(jobs, len(indices))))]
    try:
        for w in workers:
            if todo:
                w.send(todo.pop())
        while any(w.index is not None for w in workers):
            busy = {w.proc.stdout: w for w in workers if w.index is not None and w.proc.stdout}
            now = time.monotonic()
            wait = min(w.started + timeout - now for w in busy.values())
            ready, _, _ = select.select(list(busy), [], [], max(0.0, wait))
            for stream in ready:
                w = busy[stream]
                line = stream.readline()
                index = w.index
                assert index is not None
                elapsed = time.monotonic() - w.started
                if line:
                    _, outcome, detail, rss = json.loads(line)
                    report.peak_rss_kib = max(report.peak_rss_kib, rss)
                    report.add(index, outcome, detail, elapsed)
                    w.index = None
                else:
                    report.add(index, "crash", f"worker exit {w.proc.wait()}", elapsed)
                    workers[workers.index(w)] = w = _Worker(seed, full)
                if todo:
                    w.send(todo.pop())
            now = time.monotonic()
            for i, w in enumerate(workers):
                if w.index is not None and now - w.started > timeout:
                    report.add(w.index, "hang", f"> {timeout:g} s", now - w.started)
                    w.stop()
                    workers[i] = w = _Worker(seed, full)
                    if todo:
                        w.send(todo.pop())
    finally:
        for w in workers:
            if w.proc.stdin:
                w.proc.stdin.close()
            w.stop()
    report.peak_rss_kib = max(
        report.peak_rss_kib, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    )
    report.seconds = time.monotonic() - started
    return report


def replay(seed: int, index: int, full: bool) -> int:
    """Run one input in this process and show what it is and its full traceback, if any."""
    from codegen.errors import SpecError
    from codegen.parser import parse_spec

    inp = make_input(Corpus.load(full), seed, index)
    print(f"input {index}: {', '.join(inp.steps)}; files {sorted(inp.files)}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="codegen-fuzz-") as tmp:
        root = Path(tmp) / "spec"
        write_input(inp, root)
        try:
            parse_spec(root)
        except SpecError as exc:
            print(f"clean: {str(exc)!r}")
            return 0
        print("success")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--n", type=int, default=2000, help="inputs to run")
    parser.add_argument("--start", type=int, default=0, help="first input index")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per input")
    parser.add_argument("--no-full", action="store_true", help="leave out the fetched full tree")
    parser.add_argument("--only", type=int, help="replay one input in-process")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--generate", type=int, metavar="N", help="codegen generate N folders")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    full = not args.no_full
    if args.worker:
        worker(args.seed, full)
        return 0
    if args.only is not None:
        return replay(args.seed, args.only, full)
    if args.generate is not None:
        from bench.fuzz_generate import generate_fuzz

        return generate_fuzz(args.seed, args.generate, args.start, args.jobs)
    report = fuzz(args.seed, list(range(args.start, args.start + args.n)), args.jobs,
                  args.timeout, full)  # fmt: skip
    if args.json:
        print(json.dumps({"counts": report.counts, "places": report.places,
                          "peak_rss_kib": report.peak_rss_kib, "seconds": report.seconds}))  # fmt: skip
    else:
        print(report.text(args.seed))
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
