"""The new-event command (scripts/new_event.py, bash scripts/new-event.sh).

What it writes must build with ``-W`` for every kind of event, it must say what is wrong
with an answer in the build's own words, and it must never overwrite an event.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, Project, copy_site

SCRIPT = ROOT / "scripts" / "new_event.py"

#: One event of each kind, as an editor would answer.
ANSWERS = {
    "workshop": ["--date", "2027-09-27", "--timezone", "Asia/Seoul", "--place", "Daejeon, South Korea"],
    "online-workshop": ["--date", "2027-12-01", "--timezone", "Etc/UTC", "--place", "online"],
    "symposium": ["--date", "2027-06-14", "--timezone", "Europe/Copenhagen", "--place", "Copenhagen, Denmark",
                  "--title", "FAIMI: Copenhagen Symposium 2027", "--mode", "hybrid"],
    "tutorial": ["--date", "2027-04-08", "--timezone", "America/New_York", "--place", "Houston, TX, USA"],
    "special-issue": ["--date", "2027-03-31", "--title", "Special issue on fairness (MELBA)"],
}


def new_event(root: Path, *args: str, answers: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--root", str(root), *args],
        input=answers, capture_output=True, text=True, timeout=120, check=False,
    )


def test_each_kind_of_new_event_builds_with_warnings_as_errors(site: Project):
    for kind, options in ANSWERS.items():
        result = new_event(site.root, "--no-input", "--name", f"2027-new-{kind}", "--kind", kind, *options)
        assert result.returncode == 0, result.stderr
        data = site.read(f"events/2027-new-{kind}.yaml")
        assert data.startswith("# yaml-language-server: $schema=../schemas/event.schema.json\n")
        assert (ROOT / "schemas" / "event.schema.json").is_file()
        assert f"\nkind: {kind}\n" in data

    built = site.sphinx_build()
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr
    out = site.root / "_build" / "cli"
    for kind in ANSWERS:
        page = (out / "events" / f"2027-new-{kind}" / "index.html").read_text(encoding="utf-8")
        assert "faimi-summary" in page
        assert f"2027-new-{kind}/" in (out / "events" / "index.html").read_text(encoding="utf-8")
    symposium = site.read("events/2027-new-symposium.yaml")
    assert "mode: hybrid\n" in symposium and "city: Copenhagen, Denmark\n" in symposium
    assert site.read("events/2027-new-symposium.md").startswith("# FAIMI: Copenhagen Symposium 2027\n")
    assert "mode: online\n" in site.read("events/2027-new-online-workshop.yaml")
    assert "city:" not in site.read("events/2027-new-online-workshop.yaml")
    assert "submission_deadline: 2027-03-31\n" in site.read("events/2027-new-special-issue.yaml")


def test_a_wrong_zone_gets_the_build_s_own_message(event: Project, tmp_path: Path):
    """Answered interactively: CET is refused as the build refuses it, then asked again."""
    event.write("events/test.yaml", event.read("events/test.yaml").replace("Europe/London", "CET"))
    build = event.build()
    (line,) = [w for w in build.warnings.splitlines() if "CET" in w]
    build_message = line.split("WARNING: ", 1)[1].removesuffix(" [faimi.event]")

    site = copy_site(tmp_path / "site")
    answers = "2027-copenhagen-symposium\nsymposium\n2027-06-14\nCET\nCopenhagen, Denmark\n\n\nEurope/Copenhagen\n"
    result = new_event(site.root, answers=answers)
    assert result.returncode == 0, result.stderr
    (shown,) = [w for w in result.stderr.splitlines() if "CET" in w]
    assert shown.startswith("events/2027-copenhagen-symposium.yaml:")
    assert shown.split(": ", 1)[1] == build_message
    assert "timezone: Europe/Copenhagen\n" in site.read("events/2027-copenhagen-symposium.yaml")
    assert site.read("events/2027-copenhagen-symposium.md").startswith("# FAIMI Copenhagen Symposium 2027\n")


def test_an_existing_event_is_never_overwritten(site: Project):
    before = site.read("events/2025-london-symposium.yaml")
    result = new_event(site.root, "--no-input", "--name", "2025-london-symposium", "--kind", "symposium",
                       *ANSWERS["symposium"])
    assert result.returncode == 1
    assert "events/2025-london-symposium.yaml already exists" in result.stderr
    assert site.read("events/2025-london-symposium.yaml") == before


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--name", "Copenhagen 2027", "--kind", "symposium"], "'Copenhagen 2027' is not a name"),
        (["--name", "2027-x", "--kind", "conference"], "'conference' is not a kind of event"),
        (["--name", "2027-x", "--kind", "symposium", "--date", "14 June 2027", "--timezone", "Etc/UTC",
          "--place", "online"], "events/2027-x.yaml:8: date: input should be a valid date"),
        (["--name", "2027-x", "--kind", "symposium"], "--date is missing"),
    ],
)
def test_wrong_or_missing_answers_write_nothing(site: Project, options: list[str], message: str):
    result = new_event(site.root, "--no-input", *options)
    assert result.returncode != 0
    assert message in result.stderr
    assert not list(site.root.glob("events/2027-*"))
