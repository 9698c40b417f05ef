"""The job summary of a pull request's build: the artifact, the warnings, the pages changed.

Run by .github/workflows/site.yml after the build::

    python scripts/pr_summary.py --site _build/site --base _build/main-site \\
        --warnings _build/warnings.txt --artifact-url URL

It writes Markdown to the file named by ``$GITHUB_STEP_SUMMARY`` (or prints it). The
warnings are read with the problem matcher that annotates the pull request
(.github/faimi-problem-matcher.json), applied as GitHub's runner applies it: line by
line, the file rooted in the workspace and shown relative to it. The pages changed
are the built pages that differ from the build of the pull request's base (main).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MATCHER = ROOT / ".github" / "faimi-problem-matcher.json"
#: Files of the output that are not pages a reviewer would look at.
NOT_PAGES = ("_static/", "_sources/", "_images/", "search/", "genindex/")
#: How many changed pages the summary names at the most.
MAX_LISTED = 40


@dataclass(frozen=True)
class Annotation:
    """One problem, as GitHub would annotate it."""

    severity: str
    message: str
    file: str | None = None
    line: int | None = None
    code: str | None = None


def load_matchers(path: Path = MATCHER) -> list[tuple[re.Pattern[str], dict[str, int]]]:
    """The matcher's single-line patterns, compiled, with their group numbers."""
    matchers = []
    for matcher in json.loads(path.read_text(encoding="utf-8"))["problemMatcher"]:
        (pattern,) = matcher["pattern"]
        groups = {key: value for key, value in pattern.items() if isinstance(value, int)}
        matchers.append((re.compile(pattern["regexp"]), groups))
    return matchers


def rooted(file: str, workspace: Path) -> str | None:
    """The file as GitHub shows it: rooted in the workspace, relative to it, if it
    exists there (otherwise the runner drops it, and so do we)."""
    path = Path(os.path.normpath(workspace / file))
    if not path.is_file() or not path.is_relative_to(workspace):
        return None
    return path.relative_to(workspace).as_posix()


def _annotation(match: re.Match[str], groups: dict[str, int], workspace: Path) -> Annotation:
    def group(name: str) -> str | None:
        return match.group(groups[name]) if name in groups else None

    file, number = group("file"), group("line")
    return Annotation(
        severity=(group("severity") or "error").lower(),
        message=group("message") or "",
        file=rooted(file, workspace) if file else None,
        line=int(number) if number else None,
        code=group("code"),
    )


def annotations(text: str, workspace: Path, matchers=None) -> list[Annotation]:
    """Every line of ``text`` that a pattern matches, as an annotation (first pattern wins)."""
    patterns = matchers or load_matchers()
    found = []
    for line in text.splitlines():
        for regexp, groups in patterns:
            if match := regexp.match(line):
                found.append(_annotation(match, groups, workspace))
                break
    return found


def page_files(site: Path) -> dict[str, bytes]:
    """The built pages, by URL path (``/events/x/`` for ``events/x/index.html``)."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith(NOT_PAGES):
            continue
        pages["/" + relative.removesuffix("index.html")] = path.read_bytes()
    return pages


def changed_pages(site: Path, base: Path) -> dict[str, list[str]]:
    """The pages added, changed and removed in ``site`` compared with ``base``."""
    new, old = page_files(site), page_files(base)
    return {
        "added": sorted(set(new) - set(old)),
        "changed": sorted(url for url in set(new) & set(old) if new[url] != old[url]),
        "removed": sorted(set(old) - set(new)),
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def summary(
    problems: list[Annotation], changes: dict[str, list[str]] | None, artifact_url: str | None
) -> str:
    """The job summary, in Markdown."""
    out = ["## The built site", ""]
    if artifact_url:
        out.append(f"[Download the built site]({artifact_url}) (a zip file). To look at it, unzip "
                   "it and run `python3 -m http.server -d site`, then open http://localhost:8000/.")
    else:
        out.append("The built site was not uploaded (see the step *Upload the built site*).")
    out += ["", f"### Warnings: {len(problems)}", ""]
    if problems:
        out.append("Each one is also shown on the line of the pull request's files that it is about. "
                   "CONTRIBUTING.md explains the messages.")
        out += ["", "| file | line | message |", "| --- | --- | --- |"]
        out += [f"| {_cell(p.file or '')} | {p.line or ''} | {_cell(p.message)} |" for p in problems]
    else:
        out.append("None: the build is clean.")
    out += ["", "### Pages changed compared with main", ""]
    if changes is None:
        out.append("Not known: main's build was not available to compare with.")
    elif not any(changes.values()):
        out.append("None: the built pages are the same as main's.")
    else:
        listed = [f"- {kind}: `{url}`" for kind, urls in changes.items() for url in urls]
        out += listed[:MAX_LISTED]
        if len(listed) > MAX_LISTED:
            out.append(f"- and {len(listed) - MAX_LISTED} more")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, required=True, help="the pull request's built site")
    parser.add_argument("--base", type=Path, help="main's built site, to compare with")
    parser.add_argument("--warnings", type=Path, help="the build's warnings (sphinx-build --warning-file)")
    parser.add_argument("--artifact-url", default="", help="where the built site can be downloaded")
    args = parser.parse_args(argv)

    text = args.warnings.read_text(encoding="utf-8") if args.warnings and args.warnings.is_file() else ""
    problems = annotations(text, Path.cwd())
    have_both = args.site.is_dir() and args.base is not None and args.base.is_dir()
    changes = changed_pages(args.site, args.base) if have_both else None
    markdown = summary(problems, changes, args.artifact_url or None)
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(markdown)
    else:
        sys.stdout.write(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
