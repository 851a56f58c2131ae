"""`codegen diff` on the real release history of an npm SDK, beside what its CHANGELOG says.

Every release of `--package` from `--from` to `--to` (`npm view PKG versions --json`, pre-releases
left out) is packed into the cache and sha256-pinned as `codegen diff NAME@VERSION` does, and its
spec selection (the `--target`'s `include`, e.g. `client.d.ts`, `core/**`, `resources/**` with
their `.js` siblings) parsed. Each consecutive pair is diffed over every resource, and the new
release's own CHANGELOG.md section labels the pair: `major` under `⚠ BREAKING CHANGES`, `minor`
for a `Features` entry scoped `**api:**`, `patch` for an `**api:**` fix, else `none` (client,
helper and chore entries are outside what a spec diff can see; they are shown, not counted).
Prints the confusion table (our verdict by their label) and each disagreement with the changes
that drove our verdict. Run from the repo root:

    python bench/diff_history.py [--from 0.64.0] [--to 1.14.0] [--json-file F]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from codegen.config import load_config
from codegen.diff.compare import compare
from codegen.diff.rules import LEVELS, Change, verdict
from codegen.diff.sides import Side, fetch_npm, load_spec
from codegen.ir import Spec

SECTION = re.compile(r"^## \[?(\d+\.\d+\.\d+)\]?", re.M)
HEADING = re.compile(r"^### (.+)$", re.M)
ENTRY = re.compile(r"^\* (?:\*\*([^*]+):\*\* )?(.+)$", re.M)


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def releases(package: str, first: str, last: str) -> list[str]:
    run = subprocess.run(
        ["npm", "view", package, "versions", "--json"], capture_output=True, text=True, check=True
    )
    versions = [v for v in json.loads(run.stdout) if re.fullmatch(r"\d+\.\d+\.\d+", v)]
    return sorted((v for v in versions if _key(first) <= _key(v) <= _key(last)), key=_key)


@dataclass
class Label:
    level: str
    headings: dict[str, list[str]] = field(default_factory=dict)

    def api_entries(self) -> list[str]:
        return [
            f"{h}: {e}"
            for h, entries in self.headings.items()
            for e in entries
            if e.startswith("api:") or "BREAKING" in h
        ]


def changelog_label(changelog: str, version: str) -> Label:
    """The release's own section of CHANGELOG.md, as a level (see the module docstring)."""
    starts = [(m.start(), m.group(1)) for m in SECTION.finditer(changelog)]
    text = ""
    for i, (start, ver) in enumerate(starts):
        if ver == version:
            end = starts[i + 1][0] if i + 1 < len(starts) else len(changelog)
            text = changelog[start:end]
            break
    headings: dict[str, list[str]] = {}
    parts = HEADING.split(text)
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        entries = [f"{m.group(1) or '-'}: {m.group(2).strip()}" for m in ENTRY.finditer(body)]
        headings.setdefault(heading.strip(), []).extend(entries)
    level = "none"
    if any("BREAKING" in h for h in headings):
        level = "major"
    elif any(e.startswith("api:") for h, es in headings.items() if "Feature" in h for e in es):
        level = "minor"
    elif any(e.startswith("api:") for h, es in headings.items() if "Fix" in h for e in es):
        level = "patch"
    return Label(level, headings)


@dataclass
class Pair:
    old: str
    new: str
    ours: str
    theirs: Label
    changes: list[Change]
    seconds: float

    def drivers(self, limit: int) -> list[Change]:
        return [c for c in self.changes if c.level == self.ours][:limit]


def run(args: argparse.Namespace) -> list[Pair]:
    config = load_config(args.config, {"cache": args.cache_dir}, args.target)
    versions = releases(args.package, args.first, args.last)
    print(
        f"{len(versions)} releases of {args.package}: {versions[0]} .. {versions[-1]}",
        file=sys.stderr,
    )
    pairs: list[Pair] = []
    previous: tuple[str, Spec] | None = None
    for version in versions:
        side = Side(f"{args.package}@{version}", "npm", package=args.package, version=version)
        spec_dir = fetch_npm(side, config, say=lambda _line: None)
        spec = load_spec(spec_dir, config, None)
        if previous is not None:
            started = time.perf_counter()
            changes = compare(previous[1], spec, ["*"])
            changelog = (spec_dir.parent / "package" / "CHANGELOG.md").read_text(encoding="utf-8")
            pair = Pair(
                previous[0],
                version,
                verdict(changes),
                changelog_label(changelog, version),
                changes,
                time.perf_counter() - started,
            )
            pairs.append(pair)
            print(
                f"{pair.old} -> {pair.new}: ours {pair.ours}, changelog {pair.theirs.level}",
                file=sys.stderr,
            )
        previous = (version, spec)
    return pairs


def table(pairs: list[Pair]) -> str:
    counts = Counter((p.ours, p.theirs.level) for p in pairs)
    head = "ours \\ changelog"
    lines = [f"{head:<18}" + "".join(f"{lv:>8}" for lv in LEVELS) + f"{'total':>8}"]
    for ours in LEVELS:
        row = [counts.get((ours, t), 0) for t in LEVELS]
        lines.append(f"{ours:<18}" + "".join(f"{n:>8}" for n in row) + f"{sum(row):>8}")
    agree = sum(counts.get((lv, lv), 0) for lv in LEVELS)
    lines.append(f"agree on {agree}/{len(pairs)} pairs")
    return "\n".join(lines)


def disagreements(pairs: list[Pair], limit: int) -> str:
    out: list[str] = []
    for p in pairs:
        if p.ours == p.theirs.level:
            continue
        out.append(f"{p.old} -> {p.new}: ours {p.ours}, changelog {p.theirs.level}")
        for entry in p.theirs.api_entries() or ["(no api entries)"]:
            out.append(f"    changelog  {entry}")
        for c in p.drivers(limit):
            out.append(f"    ours       {c.rule}: {c.where}: {c.detail}")
        rest = sum(1 for c in p.changes if c.level == p.ours) - limit
        if rest > 0:
            out.append(f"    ours       ... {rest} more {p.ours} changes")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--package", default="@anthropic-ai/sdk")
    parser.add_argument("--from", dest="first", default="0.64.0")
    parser.add_argument("--to", dest="last", default="1.14.0")
    parser.add_argument("--config", type=Path, default=Path("pyproject.toml"))
    parser.add_argument("--target", default="full", help="target whose include and routes to use")
    parser.add_argument("--cache-dir", type=Path, help="cache folder (default: the config's)")
    parser.add_argument("--drivers", type=int, default=6, help="changes shown per disagreement")
    parser.add_argument("--json-file", type=Path, help="also write every pair as JSON")
    args = parser.parse_args(argv)
    pairs = run(args)
    print(table(pairs))
    print()
    print(disagreements(pairs, args.drivers))
    if args.json_file:
        data = [
            {
                "old": p.old,
                "new": p.new,
                "ours": p.ours,
                "changelog": p.theirs.level,
                "changelog_sections": p.theirs.headings,
                "changes": [
                    {"rule": c.rule, "level": c.level, "where": c.where, "detail": c.detail}
                    for c in p.changes
                ],
            }
            for p in pairs
        ]
        args.json_file.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
