"""Collects what the parser inferred, could not resolve, or skipped, each with its location."""

from __future__ import annotations

from codegen.ir import Diagnostic, Location, Severity


class Diagnostics:
    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def add(self, severity: Severity, code: str, message: str, loc: Location) -> None:
        self.items.append(Diagnostic(severity, code, message, loc))

    def info(self, code: str, message: str, loc: Location) -> None:
        self.add("info", code, message, loc)

    def warn(self, code: str, message: str, loc: Location) -> None:
        self.add("warning", code, message, loc)

    def sorted(self) -> list[Diagnostic]:
        """Stable order (file, line, col, code, message) so IR dumps are deterministic."""
        return sorted(
            self.items,
            key=lambda d: (d.loc.file, d.loc.line, d.loc.col, d.code, d.message),
        )
