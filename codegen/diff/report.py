"""The diff report as text, markdown or JSON; the semver verdict closes it."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from codegen.diff.rules import RULES, Change, verdict

SECTIONS = (
    ("major", "Breaking changes"),
    ("minor", "Additions"),
    ("patch", "Other changes"),
)
NOTE = (
    "Names are the spec's: resources and methods by client path, params and fields by wire "
    "name, models by TypeScript name."
)


@dataclass
class Report:
    old: str
    new: str
    changes: list[Change]
    scope: str

    @property
    def verdict(self) -> str:
        return verdict(self.changes)

    def counts(self) -> dict[str, int]:
        c = Counter(ch.level for ch in self.changes)
        return {level: c.get(level, 0) for level, _ in SECTIONS}

    def closing(self) -> str:
        c = self.counts()
        return (
            f"Verdict: {self.verdict} ({c['major']} breaking, {c['minor']} additions, "
            f"{c['patch']} other)"
        )


def _ordered(changes: list[Change], level: str) -> list[Change]:
    return [c for c in changes if c.level == level]


def _direction(change: Change) -> str:
    return f", {change.direction}" if change.direction else ""


def render_text(report: Report) -> str:
    lines = [f"codegen diff {report.old} -> {report.new} ({report.scope})", NOTE, ""]
    for level, title in SECTIONS:
        group = _ordered(report.changes, level)
        if not group:
            continue
        lines.append(f"{title} ({len(group)}):")
        for c in group:
            at = f"  [{c.loc}]" if c.loc else ""
            lines.append(f"  {c.where}: {c.detail}  ({c.rule}{_direction(c)}){at}")
        lines.append("")
    if not report.changes:
        lines += ["No changes for users of the generated package.", ""]
    lines.append(report.closing())
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("`", "'")


def render_markdown(report: Report) -> str:
    lines = [
        f"## codegen diff: `{report.old}` → `{report.new}`",
        "",
        f"Scope: {report.scope}. {NOTE}",
        "",
    ]
    for level, title in SECTIONS:
        group = _ordered(report.changes, level)
        if not group:
            continue
        lines += [f"### {title} ({len(group)})", "", "| Where | Change | Rule | Direction |"]
        lines.append("|---|---|---|---|")
        for c in group:
            lines.append(
                f"| `{_md(c.where)}` | {_md(c.detail)} | `{c.rule}` | {c.direction or '-'} |"
            )
        lines.append("")
    if not report.changes:
        lines += ["No changes for users of the generated package.", ""]
    used = sorted({c.rule for c in report.changes})
    if used:
        lines += ["<details><summary>Rules applied</summary>", ""]
        lines += [f"- `{r}` ({RULES[r].level}): {RULES[r].why}" for r in used]
        lines += ["", "</details>", ""]
    lines.append(f"**{report.closing()}**")
    return "\n".join(lines) + "\n"


def render_json(report: Report) -> str:
    data = {
        "old": report.old,
        "new": report.new,
        "scope": report.scope,
        "verdict": report.verdict,
        "counts": report.counts(),
        "changes": [
            {
                "rule": c.rule,
                "level": c.level,
                "breaking": c.breaking,
                "where": c.where,
                "detail": c.detail,
                "direction": c.direction or None,
                "loc": c.loc or None,
            }
            for c in report.changes
        ],
        "rules": {r: RULES[r].why for r in sorted({c.rule for c in report.changes})},
    }
    return json.dumps(data, indent=2) + "\n"


RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json}
