"""`codegen generate` and `codegen check`: config -> IR -> context -> rendered files.

With the cache on (the default), a run reuses each spec file's parse and each file's black output
when their inputs are unchanged, and a run whose inputs all equal those of the run that produced
the (unmodified) output folder only verifies it. The output is byte-identical either way.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from codegen.cache import (
    BlobStore,
    Caches,
    Stamp,
    inputs_digest,
    sha256_hex,
    text_digest,
    version_of,
)
from codegen.config import Config, load_config
from codegen.emit.out_guard import check_out_folder
from codegen.emit.writer import (
    MANIFEST,
    SpecFiles,
    spec_digest,
    with_manifest,
    write_atomically,
)
from codegen.errors import SpecError
from codegen.stat_check import (
    StatRecord,
    environment_key,
    fs_clock,
    read_record,
    tree_paths,
    verify_outputs,
    watch,
    write_record,
)
from codegen.stats import Stats

if TYPE_CHECKING:
    from codegen.emit.ctx_templates import ReadmeWarning
    from codegen.ir import Location, Spec
    from codegen.parser import SpecSources


DEFAULT_CONFIG = Path("pyproject.toml")


def config_path(config: Path | None) -> Path:
    """`--config FILE`, which must exist, or ./pyproject.toml."""
    if config is None:
        return DEFAULT_CONFIG
    if not config.is_file():
        raise SpecError(None, f"{config}: no such config file (--config)")
    return Path(config)


@dataclass(frozen=True)
class Overrides:
    """What the command line sets over `[tool.codegen]` (None: the config's value)."""

    spec: Path | None = None
    out: Path | None = None
    package: str | None = None
    templates: Path | None = None
    resources: list[str] | None = None
    cache: Path | None = None
    strict: bool | None = None


def run_config(config_file: Path | None, target: str | None, overrides: Overrides) -> Config:
    """The run's config: `config_file` (or ./pyproject.toml), its `target`, then `overrides`.
    Without [tool.codegen] the defaults would read ./spec and write ./generated wherever codegen
    runs: that needs both `spec` and `out`."""
    return load_config(
        config_path(config_file),
        {
            "spec": overrides.spec,
            "out": overrides.out,
            "package": overrides.package,
            "templates": overrides.templates,
            "resources": overrides.resources,
            "cache": overrides.cache,
            "strict": overrides.strict,
        },
        target,
        required=not (overrides.spec and overrides.out),
    )


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass
class Build:
    """One run's result. `spec` is None when the output was up to date and nothing was rebuilt;
    `files` is then empty."""

    spec: Spec | None
    files: dict[str, str]
    stats: Stats
    warnings: list[str] = field(default_factory=list)
    notes: int = 0
    spec_files: int = 0
    # the spec's files and digest, for the manifest (no generated file's text names them)
    manifest_spec: SpecFiles | None = None


def read_sources(config: Config) -> SpecSources:
    from codegen.fetch import require_fetched
    from codegen.parser.source import find_spec_files

    require_fetched(config)
    return find_spec_files(config.spec, config.include)


# cached for a snippet black refused (no formatted text is ever this)
_NOT_PYTHON = "\0"


def cached_snippets(store: BlobStore) -> Callable[[str], str | None]:
    """black on the `@example` snippets of docstrings, behind the formatted-output cache: a
    context rebuilt after a one-file change no longer runs black on every example again."""
    from codegen.emit.examples import format_snippet

    salt = f"snippet black {version_of('black')}"

    def fmt(code: str) -> str | None:
        key = sha256_hex(salt, code)
        hit = store.get_text(key)
        if hit is not None:
            return None if hit == _NOT_PYTHON else hit
        result = format_snippet(code)
        store.put_text(key, _NOT_PYTHON if result is None else result)
        return result

    return fmt


def build_files(
    config: Config,
    caches: Caches | None = None,
    *,
    sources: SpecSources | None = None,
    stats: Stats | None = None,
    jobs: int | None = None,
    long_lived: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Build:
    """Parse, build the context, render and format, all in memory; nothing is written.

    `jobs`: processes black may use for the files it has to format (default: one per CPU).
    `long_lived`: this process ends with the run (the CLI), so the IR may be frozen out of the
    cyclic GC's reach (see `parse_spec`)."""
    from codegen.emit.context import ContextBuilder
    from codegen.emit.render import render_package
    from codegen.parser import RouteConfig, parse_spec
    from codegen.parser.scan_cache import ScanCache
    from codegen.routes_file import read_routes_file

    stats = stats if stats is not None else Stats()
    stats.cached = caches is not None
    started = time.perf_counter()
    if sources is None:
        sources = read_sources(config)
    stats.parse += time.perf_counter() - started
    overrides = read_routes_file(config.routes_file) if config.routes_file else None
    spec = parse_spec(
        config.spec,
        RouteConfig(prefix=config.route_prefix, overrides=overrides),
        sources=sources,
        cache=ScanCache(caches.scans) if caches else None,
        stats=stats,
        long_lived=long_lived,
    )
    started = time.perf_counter()
    from codegen.emit.examples import format_snippet
    from codegen.parser.depth import check_reach

    check_reach(spec.declarations)  # the emitter's walks recurse along these chains

    snippets = cached_snippets(caches.formatted) if caches else format_snippet
    builder = ContextBuilder(spec, config, snippets)
    model = builder.build(
        readme_warnings(spec, config, {r.module for r in builder.resources if r.methods})
    )
    files = [{"path": f.path, "sha256": f.sha256} for f in spec.files]
    stats.context += time.perf_counter() - started
    rendered = render_package(
        model,
        config.templates,
        format_cache=caches.formatted if caches else None,
        bytecode_cache=caches.templates if caches else None,
        jobs=default_jobs() if jobs is None else jobs,
        stats=stats,
        progress=progress,
    )
    return Build(
        spec=spec,
        files=rendered,
        stats=stats,
        warnings=[
            str(d) for d in [*spec.diagnostics, *builder.diagnostics] if d.severity == "warning"
        ],
        notes=sum(1 for d in spec.diagnostics if d.severity == "info"),
        spec_files=len(spec.files),
        manifest_spec={"digest": spec_digest(files), "files": files},
    )


def readme_warnings(spec: Spec, config: Config, emitted: set[str]) -> list[ReadmeWarning]:
    """The warnings that bear on this package, for its README: those in the files of the
    resources it has methods of, and those in files of no resource (client, core); not those
    about resources it leaves out."""
    from codegen.emit.ctx_templates import ReadmeWarning

    resource_modules = {r.module for r in spec.resources}
    out = []
    for d in spec.diagnostics:
        if d.severity != "warning":
            continue
        where = _spec_relative(d.loc, config.spec)
        module = re.sub(r"(\.d\.ts|\.js)$", "", where.rsplit(":", 2)[0])
        if module in emitted or module not in resource_modules:
            out.append(ReadmeWarning(where, d.message, d.code))
    return out


def _spec_relative(loc: Location, spec: Path) -> str:
    """`file:line:col` with the file relative to the spec folder: output never names the
    machine's paths."""
    path = Path(loc.file)
    root = spec if spec.is_dir() else spec.parent
    if path.is_absolute() and path.is_relative_to(root.resolve()):
        path = path.relative_to(root.resolve())
    elif path.is_absolute() and path.is_relative_to(root):
        path = path.relative_to(root)
    return f"{path.as_posix()}:{loc.line}:{loc.col}"


def inputs_key(config: Config, sources: SpecSources) -> str:
    """The hash of everything the output depends on (see `codegen.cache.inputs_digest`)."""
    from codegen.emit.render import environment
    from codegen.emit.templates import templates_digest
    from codegen.routes_file import read_routes_file

    dts, js = sources
    spec_files = [(s.display, s.sha256) for s in [*dts, *js.values()]]
    routes = [("routes", repr(read_routes_file(config.routes_file)))] if config.routes_file else []
    templates = templates_digest(environment(config.templates))
    return inputs_digest(repr(config), templates, [*spec_files, *routes])


def generate(
    config: Config,
    caches: Caches | None = None,
    jobs: int | None = None,
    long_lived: bool = False,
    progress: Callable[[int, int], None] | None = None,
    force: bool = False,
) -> Build:
    """`codegen generate`: build and write the output folder; returns what it did and how long
    each phase took. With `caches`, a run whose inputs equal the last one's and whose output is
    untouched only verifies. `force`: replace foreign files that generated paths collide with."""
    started = time.perf_counter()
    check_out_folder(config.out, root=config.root, spec=config.spec, templates=config.templates)
    stats = Stats(cached=caches is not None)
    key, watched, environment = "", None, environment_key(repr(config))
    if caches is not None:
        stamp = _up_to_date_by_stat(caches, config.out, environment)
        if stamp is not None:
            stats.by_stat = True
            return _up_to_date(stamp, stats, started)
        # stat before reading: an edit made after this shows in the next run's stat keys
        watched = watch(_input_paths(config), fs_clock(caches.root))
    sources = read_sources(config)
    stats.parse += time.perf_counter() - started
    if caches is not None:
        key = inputs_key(config, sources)
        stamp = caches.read_stamp(config.out)
        if stamp is not None and stamp.inputs == key:
            clock = fs_clock(caches.root)
            trusted = verify_outputs(config.out, MANIFEST, stamp.files, {}, clock)
            if trusted is not None:
                record = StatRecord(key, environment, watched, trusted)
                write_record(caches.stat_record_path(config.out), record)
                return _up_to_date(stamp, stats, started)
        caches.forget_stamp(config.out)
    build = build_files(
        config,
        caches,
        sources=sources,
        stats=stats,
        jobs=jobs,
        long_lived=long_lived,
        progress=progress,
    )
    written = time.perf_counter()
    write_atomically(config.out, build.files, build.manifest_spec, force=force)
    if caches is not None:
        hashes = {
            path: text_digest(text)
            for path, text in with_manifest(build.files, build.manifest_spec).items()
        }
        caches.write_stamp(
            config.out, Stamp(key, hashes, build.warnings, build.notes, build.spec_files)
        )
        # read back: what a warm run may trust is what is on disk now
        trusted = verify_outputs(config.out, MANIFEST, hashes, {}, fs_clock(caches.root))
        if trusted is not None:
            record = StatRecord(key, environment, watched, trusted)
            write_record(caches.stat_record_path(config.out), record)
    stats.write += time.perf_counter() - written
    stats.total = time.perf_counter() - started
    return build


def _up_to_date(stamp: Stamp, stats: Stats, started: float) -> Build:
    stats.up_to_date = True
    stats.spec_files = stamp.spec_files
    stats.total = time.perf_counter() - started
    return Build(None, {}, stats, stamp.warnings, stamp.notes, stamp.spec_files)


def _up_to_date_by_stat(caches: Caches, out: Path, environment: str) -> Stamp | None:
    """The stamp, when the stat record beside it shows no input changed and the output matches
    (see `codegen.stat_check`): no spec file read, no parser or Jinja imported."""
    record = read_record(caches.stat_record_path(out))
    if record is None or not record.inputs_unchanged(environment):
        return None
    stamp = caches.read_stamp(out)
    if stamp is None or stamp.inputs != record.inputs:
        return None
    trusted = verify_outputs(out, MANIFEST, stamp.files, record.out, fs_clock(caches.root))
    if trusted is None:
        return None
    if trusted != record.out:  # files hashed this time are trusted from now on
        record.out = trusted
        write_record(caches.stat_record_path(out), record)
    return stamp


def _input_paths(config: Config) -> list[str]:
    """Every file and folder whose `stat` stands for an input of `inputs_key` (see
    `codegen.stat_check`); a built-in templates root that is no folder (a zip) watches the
    installed package file itself."""
    import codegen
    from codegen.emit.templates import builtin_root

    spec = config.spec
    paths = tree_paths(spec) if spec.is_dir() else [str(spec.resolve()), str(spec.parent.resolve())]
    paths += tree_paths(Path(codegen.__file__).parent)
    for root in (builtin_root(), config.templates):
        if isinstance(root, Path):
            paths += tree_paths(root)
        elif root is not None:
            paths.append("<templates not in a folder>")  # never stats: no shortcut
    if config.routes_file:
        paths.append(os.path.abspath(config.routes_file))
    paths += [os.path.abspath(p or ".") for p in sys.path if os.path.isdir(p or ".")]
    return paths


def summary(config: Config, build: Build) -> str:
    stats = build.stats
    counts = f"{len(build.warnings)} warnings, {build.notes} notes"
    if stats.up_to_date:
        return (
            f"codegen: {config.out} is up to date ({build.spec_files} spec files and the "
            f"output unchanged; verified in {stats.total:.2f}s; {counts})"
        )
    return (
        f"codegen: wrote {len(build.files)} files to {config.out} in {stats.total:.2f}s "
        f"({stats.phases()}; {stats.cache_summary()}; {build.spec_files} spec files, {counts})"
    )


def terminal_progress() -> Callable[[int, int], None] | None:
    """`codegen: formatting 123/412 files` on one line of a terminal's stderr; None elsewhere,
    so logs and pipes get only the summary."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done == total else ""
        print(f"\rcodegen: formatting {done}/{total} files with black", end=end, file=sys.stderr)
        sys.stderr.flush()

    return show


def fetch_targets(
    config_file: Path | None, target: str | None, cache: Path | None, say: Callable[[str], None]
) -> None:
    """`codegen fetch`: `target`, or every target (the default one included) that names an
    `npm_package`; none is an error."""
    from codegen.config import target_names
    from codegen.fetch import fetch

    path = config_path(config_file)
    names: list[str | None] = [target] if target else []
    if not names:
        base = load_config(path, {})
        names = [None] if base.npm_package else []
        names += [n for n in target_names(path) if load_config(path, {}, n).npm_package]
    if not names:
        raise SpecError(None, f"{path}: no target names an npm_package; nothing to fetch")
    for name in names:
        fetch(load_config(path, {"cache": cache}, name), say=say)
