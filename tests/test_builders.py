"""Every builder works on the real site: no warning, and the content is there."""

from __future__ import annotations

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
