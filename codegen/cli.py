"""The `codegen` command: `ir`, `generate`, `check`, `fetch`, `diff`. Bad input ends as one
`file:line:col: message` line and exit code 2, never a traceback."""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from codegen.emit.code import BrokenOutput
from codegen.errors import SpecError

if TYPE_CHECKING:
    from codegen.config import Config
    from codegen.pipeline import Overrides

EXIT_DRIFT = 1
EXIT_BAD_INPUT = 2
EXIT_BROKEN_OUTPUT = 1
EXIT_STRICT = 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="codegen",
        description="Generate a typed Python client from Stainless-style TypeScript .d.ts files.",
        epilog="Defaults come from [tool.codegen] in pyproject.toml; flags override them.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ir = sub.add_parser("ir", help="print the intermediate model of a spec file or folder as JSON")
    ir.add_argument("path", type=Path, help="a .d.ts file or a folder of them (with .js siblings)")
    ir.add_argument("--routes", type=Path, help="TOML file of route overrides")
    ir.add_argument("--diagnostics", action="store_true", help="also print diagnostics to stderr")

    for name, text in (
        ("generate", "write the Python package (atomically) into the output folder"),
        ("check", "regenerate in memory and diff against the output folder; exit 1 on drift"),
    ):
        cmd = sub.add_parser(name, help=text)
        _config(cmd)
        cmd.add_argument("--spec", type=Path, help="spec file or folder (overrides config)")
        cmd.add_argument("--out", type=Path, help="output folder (overrides config)")
        cmd.add_argument("--package", help="import name of the generated package")
        cmd.add_argument("--templates", type=Path, help="templates folder (overrides config)")
        cmd.add_argument(
            "--resource",
            action="append",
            dest="resources",
            metavar="PATH",
            help="resource to emit, e.g. messages.batches (repeatable; overrides config)",
        )
        _target_and_cache(cmd)
        cmd.add_argument(
            "--no-cache",
            action="store_true",
            help="neither read nor write the cache (parsed files, formatted output, run stamps)",
        )
        cmd.add_argument(
            "-j",
            "--jobs",
            type=_positive_int,
            metavar="N",
            help="processes for black (default: one per CPU; 1: none)",
        )
        cmd.add_argument("-q", "--quiet", action="store_true", help="print only errors")
        if name == "generate":
            cmd.add_argument(
                "--force",
                action="store_true",
                help="replace files in the output folder that codegen does not own "
                "(not in its .codegen-manifest.json) where generated files go",
            )
        if name == "check":
            cmd.add_argument(
                "--format",
                choices=("text", "json"),
                default="text",
                help="json: the changed, added and removed files as one JSON object (for bots)",
            )

        cmd.add_argument(
            "--strict",
            action="store_true",
            default=None,
            help="exit 1 when the spec gave any warning (config `strict = true`)",
        )

    fetch = sub.add_parser(
        "fetch",
        help="npm pack an npm target's package into the cache, verify it and unpack its spec",
    )
    _config(fetch)
    _target_and_cache(fetch, "(default: every target that names an npm_package)")
    fetch.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    from codegen.diff.command import add_parser as add_diff

    add_diff(sub)

    init = sub.add_parser(
        "init", help="write a [tool.codegen] target for an npm SDK into DIR/pyproject.toml"
    )
    init.add_argument(
        "--npm", required=True, metavar="NAME[@VERSION]", help="the package, as `npm pack` takes it"
    )
    init.add_argument(
        "--dir", type=Path, default=Path("."), help="project folder (default: the current one)"
    )
    return parser


def _config(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="pyproject.toml to read (default: ./pyproject.toml; a FILE given must exist)",
    )


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid int value: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _target_and_cache(
    cmd: argparse.ArgumentParser, default: str = "(default: [tool.codegen])"
) -> None:
    cmd.add_argument(
        "--target",
        metavar="NAME",
        help=f"a named target of [tool.codegen.targets] {default}",
    )
    cmd.add_argument(
        "--cache-dir", type=Path, metavar="DIR", help="cache folder (overrides config `cache`)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "ir":
            return _cmd_ir(args)
        if args.command == "diff":
            from codegen.diff.command import run_diff

            return run_diff(args)
        if args.command == "generate":
            return _cmd_generate(args)
        if args.command == "fetch":
            from codegen.pipeline import fetch_targets

            say = (lambda _line: None) if args.quiet else print
            fetch_targets(args.config, args.target, args.cache_dir, say)
            return 0
        if args.command == "init":
            from codegen.init import init

            init(args.npm, args.dir)
            return 0
        return _cmd_check(args)
    except SpecError as exc:
        print(f"codegen: {exc}" if exc.loc is None else str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenOutput as exc:  # a generator bug, caught before anything was written
        print(f"codegen: {exc}", file=sys.stderr)
        return EXIT_BROKEN_OUTPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _overrides(args: argparse.Namespace) -> Overrides:
    from codegen.pipeline import Overrides

    return Overrides(
        spec=args.spec,
        out=args.out,
        package=args.package,
        templates=args.templates,
        resources=args.resources,
        cache=args.cache_dir,
        strict=args.strict,
    )


def _config_of(args: argparse.Namespace) -> Config:
    from codegen.pipeline import run_config

    return run_config(args.config, args.target, _overrides(args))


def _template_errors_are_bad_input(
    run: Callable[[argparse.Namespace], int],
) -> Callable[[argparse.Namespace], int]:
    """A templates folder without a template, or with a broken one, ends as one line and exit
    2 (e.g. codegen run outside the project, where ./templates is not its folder)."""

    @functools.wraps(run)
    def checked(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except Exception as exc:
            jinja2 = sys.modules.get("jinja2")  # not imported here: a warm run does without
            if jinja2 is not None and isinstance(exc, jinja2.TemplateNotFound):
                raise SpecError(None, f"template {exc}; pass --templates DIR") from None
            if jinja2 is not None and isinstance(exc, jinja2.TemplateSyntaxError):
                from codegen.ir import Location

                where = Location(exc.filename or exc.name or "<template>", exc.lineno, 1)
                raise SpecError(where, f"template error: {exc.message}") from None
            raise

    return checked


@_template_errors_are_bad_input
def _cmd_generate(args: argparse.Namespace) -> int:
    from codegen.cache import Caches
    from codegen.pipeline import generate, summary, terminal_progress

    config = _config_of(args)
    build = generate(
        config,
        None if args.no_cache else Caches(config.cache),
        args.jobs,
        long_lived=True,
        progress=None if args.quiet else terminal_progress(),
        force=args.force,
    )
    if not args.quiet or config.strict:
        for warning in build.warnings:
            print(warning, file=sys.stderr)
    if not args.quiet:
        print(summary(config, build))
    return _strict_exit(config, build.warnings)


def _strict_exit(config: Config, warnings: list[str]) -> int:
    """`--strict`: a warning (something the generator could not model) fails the run."""
    if not (config.strict and warnings):
        return 0
    print(
        f"codegen: --strict: the spec gave {len(warnings)} warnings; failing",
        file=sys.stderr,
    )
    return EXIT_STRICT


@_template_errors_are_bad_input
def _cmd_check(args: argparse.Namespace) -> int:
    from codegen.cache import Caches
    from codegen.emit.writer import compare
    from codegen.pipeline import build_files

    config = _config_of(args)
    caches = None if args.no_cache else Caches(config.cache)
    build = build_files(config, caches, jobs=args.jobs, long_lived=True)
    files = build.files
    drift = compare(Path(config.out), files, build.manifest_spec)
    if args.format == "json":
        report = {
            "out": str(config.out),
            "clean": drift.clean,
            "changed": sorted(drift.changed),
            "added": sorted(drift.missing),
            "removed": sorted(drift.extra),
        }
        print(json.dumps(report, indent=2))
        return 0 if drift.clean else EXIT_DRIFT
    if drift.clean:
        if not args.quiet:
            print(f"codegen: {config.out} is up to date ({len(files)} files)")
        if config.strict:
            for warning in build.warnings:
                print(warning, file=sys.stderr)
        return _strict_exit(config, build.warnings)
    sys.stdout.writelines(drift.diff)
    target = f" --target {config.target}" if config.target else ""
    print(
        f"codegen: {config.out} has drifted from the spec: {len(drift.changed)} changed, "
        f"{len(drift.missing)} missing, {len(drift.extra)} no longer generated. "
        f"Run `codegen generate{target}`.",
        file=sys.stderr,
    )
    return EXIT_DRIFT


def _cmd_ir(args: argparse.Namespace) -> int:
    from codegen.ir import to_jsonable
    from codegen.parser import RouteConfig, parse_spec
    from codegen.routes_file import read_routes_file

    routes = RouteConfig(overrides=read_routes_file(args.routes) if args.routes else None)
    spec = parse_spec(args.path, routes)
    json.dump(to_jsonable(spec), sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")
    if args.diagnostics:
        for diag in spec.diagnostics:
            print(diag, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
