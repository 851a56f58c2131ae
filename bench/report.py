"""The report of `python -m bench`: what each section reads and writes, and the table.

A section gets the run's `Options` and appends `Row`s (one figure each, with its target and
verdict), notes and details to the `Report`; `format_table` prints the rows as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import generation


@dataclass
class Row:
    """One figure. `ours` / `peer` are numbers in `unit` (or text), `ratio` is ours / peer."""

    key: str
    figure: str
    ours: float | str | None = None
    peer: float | str | None = None
    unit: str = "s"
    ratio: float | None = None
    target: str = "report"
    ok: bool | None = None
    skipped: str | None = None
    error: str | None = None

    @property
    def result(self) -> str:
        if self.error is not None:
            return f"error: {self.error}"
        if self.skipped is not None:
            return f"skipped: {self.skipped}"
        return "-" if self.ok is None else ("PASS" if self.ok else "FAIL")


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Options:
    pyproject: Path
    target: str | None
    spec: Path | None
    quick: bool
    peer_python: str
    ts2python_python: str
    work: Path
    setup: generation.Setup


# -- formatting ---------------------------------------------------------------------------------


def _num(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f} s" if value < 1 else f"{value:.2f} s"
    if unit.endswith("/s"):
        return f"{value:,.0f} {unit}"
    if unit == "files":
        return f"{value:.0f} files"
    digits = 2 if abs(value) < 10 else 1
    return f"{value:,.{digits}f} {unit}"


def _cell(value: float | str | None, unit: str) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else _num(value, unit)


def format_table(rows: list[Row]) -> str:
    header = ("figure", "ours", "peer/floor", "ratio", "target", "result")
    body = [
        (
            row.figure,
            _cell(row.ours, row.unit),
            _cell(row.peer, row.unit),
            "" if row.ratio is None else f"{row.ratio:.2f}x",
            row.target,
            row.result,
        )
        for row in rows
    ]
    widths = [max(len(line[i]) for line in (header, *body)) for i in range(len(header))]
    right = {1, 2, 3}
    lines = [
        "  ".join(
            cell.rjust(width) if i in right else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in (header, *body)
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _files(n: int) -> str:
    return f"{n} file" if n == 1 else f"{n} files"


def _ratio(ours: float, peer: float) -> float:
    return ours / peer if peer else float("inf")


def _skip(report: Report, key: str, figure: str, reason: str) -> None:
    report.rows.append(Row(key, figure, target="", skipped=reason))
