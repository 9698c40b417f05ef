"""Report the broken links found by `sphinx-build -b linkcheck`.

Usage: python scripts/linkcheck_report.py _build/linkcheck/output.json

Reads Sphinx's output.json (one JSON object per line), writes a Markdown report
to $GITHUB_STEP_SUMMARY (or to standard output when that is not set) and prints a
GitHub Actions warning for each broken or timed-out link.

Exit status: 0 whatever the links are (broken links never fail the build);
2 if output.json is missing or unreadable, i.e. the link check did not run.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

# Statuses that mean "this link needs a person's attention".
PROBLEMS = ("broken", "timeout")


def read_results(path: Path) -> list[dict]:
    """Return the records of output.json, one per checked link."""
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            records.append(json.loads(line))
    return records


def _cell(text: object) -> str:
    """Make text safe for one cell of a Markdown table."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip()


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(record: dict) -> str:
    """A workflow command that shows one problem as a warning on its source line."""
    where = f"file={_escape_property(str(record.get('filename', '')))}"
    if record.get("lineno"):
        where += f",line={int(record['lineno'])}"
    message = f"{record.get('status')} link {record.get('uri')}: {record.get('info', '')}"
    return f"::warning {where}::{_escape_data(message)}"


def summary(records: list[dict]) -> str:
    """The Markdown report: counts by status, then a table of the problems."""
    counts: dict[str, int] = {}
    for record in records:
        status = str(record.get("status", "unknown"))
        counts[status] = counts.get(status, 0) + 1
    problems = [r for r in records if r.get("status") in PROBLEMS]

    lines = ["## Link check", ""]
    if not records:
        lines.append("No external links were checked.")
        return "\n".join(lines) + "\n"
    lines.append(
        "Checked " + ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) + "."
    )
    lines.append("")
    if not problems:
        lines.append("No broken links.")
        return "\n".join(lines) + "\n"
    lines += [
        f"**{len(problems)} link(s) need attention:**",
        "",
        "| Page | Line | Status | Link | Details |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in sorted(problems, key=lambda r: (str(r.get("filename")), r.get("lineno") or 0)):
        lines.append(
            f"| {_cell(r.get('filename', ''))} | {_cell(r.get('lineno') or '')} "
            f"| {_cell(r.get('status'))} | {_cell(r.get('uri', ''))} | {_cell(r.get('info', ''))} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = Path(argv[1])
    try:
        records = read_results(path)
    except (OSError, ValueError) as error:
        print(f"::error::The link check wrote no usable {path}: {error}")
        return 2

    report = summary(records)
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(report)
    print(report)
    for record in records:
        if record.get("status") in PROBLEMS:
            print(annotation(record))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
