"""Every builder works on the real site: no warning, and the content is there."""

from __future__ import annotations

import json

import pytest

from conftest import Project

#: Builder, and the file that holds the London symposium's agenda.
BUILDERS = {
    "dirhtml": "events/2025-london-symposium/index.html",
    "html": "events/2025-london-symposium.html",
    "singlehtml": "index.html",
    "text": "events/2025-london-symposium.txt",
    "latex": "fairnessofaiinmedicalimaging.tex",
}


@pytest.mark.parametrize("builder", BUILDERS)
def test_the_site_builds_without_a_warning(site: Project, builder: str) -> None:
    build = site.build(builder)
    assert build.warnings == ""
    text = (build.app.outdir / BUILDERS[builder]).read_text(encoding="utf-8")
    assert "Coffee break" in text and "Jessica Schrouff" in text
    assert "British Summer Time (UTC+01:00)" in text


def test_no_empty_sources_folder_is_published(site: Project) -> None:
    build = site.build()
    assert not (build.app.outdir / "_sources").exists()


def test_the_link_checker_runs_and_finds_every_external_link(site: Project) -> None:
    # No network here: every link is ignored, which still walks the whole site.
    build = site.build("linkcheck", linkcheck_ignore=[".*"], faimi_today="2025-06-01")
    assert build.warnings == ""
    checked = [json.loads(line) for line in (build.app.outdir / "output.json").read_text().splitlines()]
    assert {entry["status"] for entry in checked} == {"ignored"}
    uris = {entry["uri"] for entry in checked}
    assert "https://forms.gle/ka21yDyngGycc4g27" in uris  # open then: London registration
    assert "https://openreview.net/group?id=MICCAI.org/2026/Workshop/FAIMI-BRIDGE-EPIMI" in uris
