"""`codegen generate` and `codegen check`: config -> IR -> context -> rendered files."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from codegen.config import Config, load_config
from codegen.emit.context import ContextBuilder
from codegen.emit.render import render_package, spec_digest
from codegen.emit.writer import compare, write_atomically
from codegen.ir import Spec
from codegen.parser import RouteConfig, parse_spec
from codegen.routes_file import read_routes_file


def config_from_args(args: argparse.Namespace) -> Config:
    return load_config(
        args.config,
        {
            "spec": args.spec,
            "out": args.out,
            "package": args.package,
            "templates": args.templates,
            "resources": args.resources,
        },
    )


def build_files(config: Config) -> tuple[Spec, dict[str, str]]:
    overrides = read_routes_file(config.routes_file) if config.routes_file else None
    spec = parse_spec(config.spec, RouteConfig(prefix=config.route_prefix, overrides=overrides))
    ctx: dict[str, Any] = ContextBuilder(spec, config).build()
    files = [{"path": f.path, "sha256": f.sha256} for f in spec.files]
    ctx["spec"] = {"files": files, "digest": spec_digest(files)}
    return spec, render_package(ctx, config.templates)


def _summary(spec: Spec) -> str:
    counts = {s: sum(1 for d in spec.diagnostics if d.severity == s) for s in ("warning", "info")}
    return f"{len(spec.files)} spec files, {counts['warning']} warnings, {counts['info']} notes"


def run_generate(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    started = time.perf_counter()
    spec, files = build_files(config)
    write_atomically(config.out, files)
    if not args.quiet:
        for diag in spec.diagnostics:
            if diag.severity == "warning":
                print(diag, file=sys.stderr)
        took = time.perf_counter() - started
        print(
            f"codegen: wrote {len(files)} files to {config.out} in {took:.2f}s ({_summary(spec)})"
        )
    return 0


def run_check(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    _, files = build_files(config)
    drift = compare(Path(config.out), files)
    if drift.clean:
        if not args.quiet:
            print(f"codegen: {config.out} is up to date ({len(files)} files)")
        return 0
    sys.stdout.writelines(drift.diff)
    print(
        f"codegen: {config.out} has drifted from the spec: {len(drift.changed)} changed, "
        f"{len(drift.missing)} missing, {len(drift.extra)} no longer generated. "
        "Run `codegen generate`.",
        file=sys.stderr,
    )
    return 1
