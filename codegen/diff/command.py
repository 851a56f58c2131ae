"""`codegen diff OLD NEW [--format text|markdown|json] [--fail-on LEVEL]`."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from codegen.diff.report import RENDERERS, Report
from codegen.diff.rules import LEVELS, Change, reaches

EXIT_FAIL = 1


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = sub.add_parser(
        "diff",
        help="what changed between two specs for the generated package's users, with a semver verdict",
        description=(
            "Each side is a spec folder, an npm NAME@VERSION (packed into the cache, sha256 "
            "pinned on first use) or git:REF (this project's spec folder at that ref)."
        ),
    )
    cmd.add_argument("old", help="the old spec: folder, NAME@VERSION or git:REF")
    cmd.add_argument("new", help="the new spec: folder, NAME@VERSION or git:REF")
    cmd.add_argument(
        "--config", type=Path, default=Path("pyproject.toml"), help="pyproject.toml to read"
    )
    cmd.add_argument(
        "--target",
        metavar="NAME",
        help="target whose include, resources and routes to use (default: the one target "
        "whose npm_package a side names, else [tool.codegen])",
    )
    cmd.add_argument("--cache-dir", type=Path, metavar="DIR", help="cache folder for npm sides")
    cmd.add_argument(
        "--include", action="append", metavar="GLOB", help="spec files to read (repeatable)"
    )
    cmd.add_argument(
        "--resource",
        action="append",
        dest="resources",
        metavar="PATH",
        help="resources to compare (repeatable; default: the target's; '*': all)",
    )
    cmd.add_argument("--format", choices=sorted(RENDERERS), default="text")
    cmd.add_argument(
        "--fail-on",
        choices=LEVELS[1:],
        metavar="LEVEL",
        help="exit 1 when the verdict is at least LEVEL (patch, minor or major)",
    )


def relative(change: Change, roots: list[str]) -> Change:
    """Locations relative to their spec folder (a fetched or git side's is temporary)."""
    for root in roots:
        if change.loc.startswith(root):
            return replace(change, loc=change.loc[len(root) :])
    return change


def run_diff(args: argparse.Namespace) -> int:
    # here, not at the top: `codegen generate` builds this command's parser too, and these
    # import the IR and the parser
    from codegen.diff.compare import compare
    from codegen.diff.sides import config_for, load_spec, parse_side, spec_root

    sides = [parse_side(args.old), parse_side(args.new)]
    config = config_for(args.config, args.target, sides, args.cache_dir)
    resources = args.resources if args.resources is not None else config.resources

    def say(line: str) -> None:
        print(line, file=sys.stderr)

    specs, roots = [], []
    for side in sides:
        with spec_root(side, config, say) as root:
            specs.append(load_spec(root, config, args.include))
            roots += [str(root.resolve()) + os.sep, str(root) + os.sep]
    changes = [relative(c, roots) for c in compare(specs[0], specs[1], resources)]
    scope = "resources " + (", ".join(resources) if resources else "*")
    report = Report(args.old, args.new, changes, scope)
    sys.stdout.write(RENDERERS[args.format](report))
    if args.fail_on and reaches(report.verdict, args.fail_on):
        return EXIT_FAIL
    return 0
