"""Build warnings as annotations on a pull request: the problem matcher against real messages.

A copy of the site gets mistakes of every kind an editor makes (in a data file, in a page,
in conf.py) and is built by ``sphinx-build`` from the project's folder, as the workflow
builds it. The matcher (.github/faimi-problem-matcher.json) is then applied to the build's
output as GitHub's runner applies it: line by line, the first pattern that matches makes
an annotation; a file that is not absolute is rooted in the workspace, and the annotation
names it relative to the repository, or not at all if it is not there (actions/runner,
docs/adrs/0276-problem-matchers.md). The same regular expressions run in Node.js too, so
they mean the same in JavaScript. CONTRIBUTING.md quotes these messages: it must quote
them as the build writes them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, copy_site

sys.path.insert(0, str(ROOT / "scripts"))
import pr_summary  # noqa: E402

MATCHER = ROOT / ".github" / "faimi-problem-matcher.json"

BROKEN_EVENT = """\
kind: symposium
description: An example symposium.
date: 2027-06-14
timezone: Europe/Copenhagen
mode: in-person
city: Copenhagen, Denmark
"""
BROKEN_AGENDA = """\
- start: "14:00"
  title: Opening
- start: 14:30
  title: A talk
"""
BROKEN_PAGE = """\
# Example symposium

:::{event-summary} 2027-example-symposium.yaml
:::

:::{agenda} 2027-example-symposium.agenda.yaml
:::

:::{important-date}
:::

See [the programme](2027-programme.md).
"""
BROKEN_ZONE = """\
kind: workshop
description: An example workshop.
date: 2027-09-01
timezone: CET
mode: online
mode: hybrid
organisers: [ada-exampel]
"""
BROKEN_YAML = """\
kind: tutorial
description: A tutorial: an example.
date: 2027-10-01
"""
BROKEN_PERSON = """\
  ada-example:
    name: Ada Example
    homepage: https://example.org/ada
    affilation: Example University
"""
BROKEN_CONF = """
faimi_redirects["/2027-example/"] = "events/2027-example-symposum"
html_theme_options["sidebar_hide_nam"] = True
"""

#: What each mistake must be annotated with: file, the line's text, start of the message.
EXPECTED = [
    ("people/people.yaml", "affilation: Example University",
     "people.ada-example: unknown field 'affilation'; did you mean 'affiliation'?"),
    ("events/2027-example-workshop.yaml", "timezone: CET",
     "timezone: 'CET' is not an IANA time zone name"),
    ("events/2027-example-symposium.agenda.yaml", "- start: 14:30",
     "[1].start: write the time in quotes"),
    ("events/2027-example-symposium.md", ":::{important-date}",
     "Unknown directive type: 'important-date'"),
    ("events/2027-example-symposium.md", "See [the programme]",
     "'myst' cross-reference target not found: '2027-programme.md'"),
    ("conf.py", 'faimi_redirects["/2027-example/"]',
     "faimi_redirects: the old URL '/2027-example/' redirects to 'events/2027-example-symposum'"),
    ("events/2027-example-workshop.yaml", "organisers:", "organisers[0]: 'ada-exampel' is not a person"),
    ("events/2027-example-workshop.yaml", "mode: hybrid",
     "duplicate key 'mode': it is already given on line 5"),
    ("events/2027-example-tutorial.yaml", "description: A tutorial",
     "this is not valid YAML: mapping values are not allowed"),
    (None, None, "unsupported theme option 'sidebar_hide_nam' given"),
]


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A copy of the site with one mistake of each kind, and its build's output."""
    project = copy_site(tmp_path_factory.mktemp("broken") / "site")
    project.write("events/2027-example-symposium.yaml", BROKEN_EVENT)
    project.write("events/2027-example-symposium.agenda.yaml", BROKEN_AGENDA)
    project.write("events/2027-example-symposium.md", BROKEN_PAGE)
    project.write("events/2027-example-workshop.yaml", BROKEN_ZONE)
    project.write("events/2027-example-workshop.md",
                  "# Example workshop\n\n:::{event-summary} 2027-example-workshop.yaml\n:::\n")
    project.write("events/2027-example-tutorial.yaml", BROKEN_YAML)
    project.write("events/2027-example-tutorial.md",
                  "# Example tutorial\n\n:::{event-summary} 2027-example-tutorial.yaml\n:::\n")
    people = project.read("people/people.yaml")
    project.write("people/people.yaml", people.replace("\npeople:\n", "\npeople:\n" + BROKEN_PERSON, 1))
    assert "ada-example" in project.read("people/people.yaml")
    with (project.root / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(BROKEN_CONF)
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-b", "dirhtml", ".", "_build/site"],
        cwd=project.root, capture_output=True, text=True, check=False,
        # As in the workflow: CI=true makes Sphinx colour its output, NO_COLOR keeps it plain.
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 1
    return project.root, result.stdout + result.stderr


def expected_annotations(root: Path) -> list[tuple[str | None, int | None, str]]:
    return [(file, line_of(root / file, text) if file else None, message) for file, text, message in EXPECTED]


def test_every_real_warning_becomes_an_annotation_at_its_file_and_line(broken):
    root, log = broken
    found = pr_summary.annotations(log, root)
    print(log)
    assert len(found) == len(EXPECTED), [a.message for a in found]
    for (file, line, message), annotation in zip(
        sorted(expected_annotations(root), key=str), sorted(found, key=lambda a: str((a.file, a.line, a.message)))
    ):
        assert (annotation.file, annotation.line) == (file, line), annotation
        assert annotation.message.startswith(message), annotation
        assert annotation.severity == "warning"
        assert not annotation.message.endswith(f"[{annotation.code}]"), "the [type.subtype] goes to code"
    codes = {a.code for a in found}
    assert {"faimi.people", "faimi.event", "faimi.agenda", "faimi.redirect",
            "myst.directive_unknown", "myst.xref_missing"} <= codes


def test_sphinx_names_its_own_files_absolute_and_the_extension_relative(broken):
    """Both must end up as the repository's path: the runner roots relative ones in the
    workspace and makes absolute ones relative to it."""
    root, log = broken
    assert f"{root / 'events' / '2027-example-symposium.md'}:" in log
    assert "\nevents/2027-example-workshop.yaml:" in log
    assert "\nconf.py:" in log


def test_no_other_line_of_the_build_is_annotated(broken):
    root, log = broken
    problem_lines = [line for line in log.splitlines() if "WARNING: " in line]
    assert len(pr_summary.annotations(log, root)) == len(problem_lines)
    assert f"build finished with problems, {len(problem_lines)} warnings" in log


def test_a_file_outside_the_workspace_is_left_out(tmp_path: Path):
    (found,) = pr_summary.annotations("/elsewhere/x.md:3: WARNING: something [a.b]\n", tmp_path)
    assert (found.file, found.line, found.message, found.code) == (None, 3, "something", "a.b")


def test_the_patterns_match_the_same_in_javascript(broken, tmp_path: Path):
    """GitHub's matchers are written for JavaScript-style regular expressions: Node.js must
    capture exactly what Python's ``re`` captures, on every line of the real output."""
    _, log = broken
    lines = log.splitlines()
    (tmp_path / "lines.json").write_text(json.dumps(lines), encoding="utf-8")
    script = textwrap.dedent("""\
        const fs = require("fs");
        const [matcherFile, linesFile] = process.argv.slice(1);
        const matchers = JSON.parse(fs.readFileSync(matcherFile, "utf8")).problemMatcher;
        const lines = JSON.parse(fs.readFileSync(linesFile, "utf8"));
        const out = lines.map(line => {
          for (const [i, m] of matchers.entries()) {
            const found = new RegExp(m.pattern[0].regexp).exec(line);
            if (found) return [i, found.slice(1).map(g => g === undefined ? null : g)];
          }
          return null;
        });
        console.log(JSON.stringify(out));
    """)
    result = subprocess.run(["node", "-e", script, str(MATCHER), str(tmp_path / "lines.json")],
                            capture_output=True, text=True, check=True)
    in_javascript = json.loads(result.stdout)
    patterns = pr_summary.load_matchers(MATCHER)
    in_python = []
    for line in lines:
        match = next(((i, list(m.groups())) for i, (regexp, _) in enumerate(patterns)
                      if (m := regexp.match(line))), None)
        in_python.append(list(match) if match else None)
    assert in_javascript == in_python
    assert sum(1 for m in in_python if m) == len(EXPECTED)


def test_contributing_quotes_the_build_s_real_messages(broken):
    """CONTRIBUTING.md explains each kind of message with the text the build writes."""
    root, log = broken
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for line in log.splitlines():
        if "WARNING: " not in line:
            continue
        where, _, message = line.replace(f"{root}/", "").partition("WARNING: ")
        file = where.split(":")[0]
        assert message[:70] in guide, f"CONTRIBUTING.md does not quote the message:\n{message}"
        assert not file or f"{file}:" in guide, f"CONTRIBUTING.md does not show a message of {file}"
