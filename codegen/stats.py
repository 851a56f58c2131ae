"""Phase timings and cache counts of one run, filled in by the parser, the renderer and the
pipeline; `pipeline.generate` / `pipeline.build_files` return them for the summary line and for
benchmarks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Stats:
    parse: float = 0.0  # reading spec files, tree-sitter, per-file scan (or the cached scan)
    ir: float = 0.0  # cross-file: symbol table, resolution, resources
    context: float = 0.0  # IR + config -> template context
    render: float = 0.0  # Jinja
    format: float = 0.0  # black (or the formatted-output cache)
    write: float = 0.0  # the atomic swap of the output folder, and the stamp
    total: float = 0.0
    spec_files: int = 0  # .d.ts and .js files read
    spec_hits: int = 0  # of them, taken from the parsed-file cache
    formatted: int = 0  # Python files formatted
    format_hits: int = 0  # of them, taken from the formatted-output cache
    cached: bool = False  # whether the caches were on
    up_to_date: bool = False  # warm run: inputs and output unchanged, nothing rebuilt
    by_stat: bool = False  # up to date from the stat record alone (`codegen.stat_check`)

    def phases(self) -> str:
        return (
            f"parse {self.parse:.2f}s, IR {self.ir:.2f}s, context {self.context:.2f}s, "
            f"render {self.render:.2f}s, format {self.format:.2f}s, write {self.write:.2f}s"
        )

    def cache_summary(self) -> str:
        if not self.cached:
            return "cache: off"
        return (
            f"cache: {self.spec_hits}/{self.spec_files} spec files, "
            f"{self.format_hits}/{self.formatted} formatted"
        )
