"""How many generated files a spec change rewrites: a release bump and a comment-only change.

The batch target is generated (`--no-cache`, in a fresh interpreter) from `spec/`, from the same
file selection taken out of a newer release's npm tarball, and from `spec/` with one `//` comment
line put at the top of one spec file; the files that differ from the first output are listed.
`--codegen-root` runs another checkout of codegen (its `codegen/`, `templates/` and
pyproject.toml), e.g. `git archive main | tar -x -C /tmp/main` for the count before a change:

    python bench/regen_churn.py --tarball /work/shared/upstream/anthropic-ai-sdk-0.70.0.tgz
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COMMENTED = "resources/messages/batches.d.ts"


def generate(root: Path, spec: Path, out: Path) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "codegen",
            "generate",
            "--config",
            str(root / "pyproject.toml"),
            "--spec",
            str(spec),
            "--out",
            str(out),
            "--templates",
            str(root / "templates"),
            "--no-cache",
            "-q",
        ],
        check=True,
        env=env,
        cwd=root,
    )
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def changed(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(
        f"{'~' if p in a and p in b else '+' if p in b else '-'} {p}"
        for p in a.keys() | b.keys()
        if a.get(p) != b.get(p)
    )


def release_spec(tarball: Path, like: Path, into: Path) -> None:
    """The files of `like` (a spec folder), taken from the release tarball instead."""
    wanted = {p.relative_to(like).as_posix() for p in like.rglob("*") if p.is_file()}
    with tarfile.open(tarball) as tar:
        for member in tar.getmembers():
            rel = member.name.split("/", 1)[1] if "/" in member.name else ""
            if rel in wanted and member.isfile():
                source = tar.extractfile(member)
                assert source is not None
                (into / rel).parent.mkdir(parents=True, exist_ok=True)
                (into / rel).write_bytes(source.read())
    for rel in wanted - {p.relative_to(into).as_posix() for p in into.rglob("*") if p.is_file()}:
        (into / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(like / rel, into / rel)  # README.md: not in the tarball's selection


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--codegen-root", type=Path, default=REPO)
    parser.add_argument("--spec", type=Path, default=REPO / "spec")
    parser.add_argument("--tarball", type=Path, action="append", default=[])
    args = parser.parse_args(argv)
    root = args.codegen_root.resolve()
    with tempfile.TemporaryDirectory(prefix="regen-churn-") as tmp:
        work = Path(tmp)
        base = generate(root, args.spec.resolve(), work / "out-base")
        print(f"codegen from {root}: {len(base)} files from {args.spec}")
        cases: list[tuple[str, Path]] = []
        for tarball in args.tarball:
            spec = work / tarball.stem
            release_spec(tarball, args.spec, spec)
            cases.append((f"spec files from {tarball.name}", spec))
        commented = work / "spec-commented"
        shutil.copytree(args.spec, commented)
        target = commented / COMMENTED
        target.write_text("// a comment-only change\n" + target.read_text(encoding="utf-8"))
        cases.append((f"one '//' comment line on top of {COMMENTED}", commented))
        for i, (name, spec) in enumerate(cases):
            files = changed(base, generate(root, spec, work / f"out-{i}"))
            print(f"{name}: {len(files)} of {len(base)} files change")
            for line in files:
                print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
