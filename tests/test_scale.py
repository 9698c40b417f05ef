"""Builds that scale: a short navigation, precise rebuilds, the same bytes serial and parallel."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from conftest import Build, Project
from faimi.buildday import now

#: The archive fixture's events, newest first: (docname, last day).
ARCHIVE = ["events/2026-tutorial", "events/2025-symposium", "events/2025-issue", "events/2024-online"]


def navigation(build: Build, docname: str = "index") -> list[str]:
    """The titles of the event pages in the sidebar of ``docname``."""
    sidebar = build.html(docname).select_one(".sidebar-tree")
    return [a.get_text(strip=True) for a in sidebar.select("li.toctree-l2 > a")]


def output_files(build: Build) -> dict[str, bytes]:
    """Every file of the output but Sphinx's own records (doctrees, build info)."""
    root = Path(build.app.outdir)
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.relative_to(root).as_posix().startswith((".doctrees/", ".buildinfo"))
    }


def mtimes(build: Build) -> dict[str, int]:
    root = Path(build.app.outdir)
    return {rel: os.stat(root / rel).st_mtime_ns for rel in output_files(build)}


# -- The navigation ---------------------------------------------------------------


def test_navigation_shows_upcoming_and_recent_events_only(archive: Project) -> None:
    archive.write("conf.py", archive.read("conf.py") + "html_theme = 'furo'\nfaimi_navigation_recent = 1\n")
    build = archive.build(faimi_today="2025-04-01")
    assert build.warnings == ""  # no "document isn't included in any toctree"
    # Upcoming (the symposium, the tutorial), then the latest past one (the special issue).
    expected = ["Tutorial 2026", "Symposium 2025", "Special Issue"]
    for page in ("index", "events/index", "events/2024-online"):
        assert navigation(build, page) == expected, page
    # The archived event is still a page of the site, listed and linked from the events index.
    index = build.html("events/index")
    assert "Online Workshop 2024" in [a.get_text(strip=True) for a in index.select("a.faimi-events__title")]
    assert build.page("events/2024-online").is_file()


def test_a_change_in_the_navigation_writes_every_page_again(archive: Project) -> None:
    archive.write("conf.py", archive.read("conf.py") + "html_theme = 'furo'\nfaimi_navigation_recent = 1\n")
    first = archive.build(faimi_today="2025-04-01")
    assert navigation(first) == ["Tutorial 2026", "Symposium 2025", "Special Issue"]
    # The symposium's title changes: every sidebar names it, so every page is written again.
    archive.write("events/2025-symposium.md", archive.read("events/2025-symposium.md").replace(
        "# Symposium 2025", "# London Symposium 2025"))
    second = archive.build(faimi_today="2025-04-01")
    assert second.read == ["events/2025-symposium"]
    assert set(ARCHIVE) | {"index", "events/index"} <= set(second.written)
    assert navigation(second, "events/2024-online") == ["Tutorial 2026", "London Symposium 2025", "Special Issue"]
    # An archived event's new title reaches the events index, but no sidebar.
    archive.write("events/2024-online.md", archive.read("events/2024-online.md").replace(
        "# Online Workshop 2024", "# Online Workshop, December 2024"))
    third = archive.build(faimi_today="2025-04-01")
    assert third.read == ["events/2024-online"]
    assert sorted(set(third.written) & {*ARCHIVE, "index", "events/index"}) == [
        "events/2024-online", "events/index", "index"]


def test_the_real_site_navigation_is_short_and_every_event_in_the_sitemap(site: Project) -> None:
    build = site.build()
    assert build.warnings == ""
    records = build.app.env.faimi_events.values()
    upcoming = [r for r in records if not r.event.is_past(now(build.app.env))]
    titles = {build.app.env.titles[r.docname].astext() for r in records}
    shown = [title for title in navigation(build) if title in titles]  # other pages may be listed too
    assert len(shown) == min(len(records), len(upcoming) + 5)
    sitemap = (Path(build.app.outdir) / "sitemap.xml").read_text(encoding="utf-8")
    for docname in build.app.env.faimi_events:
        assert f"/{build.app.builder.get_target_uri(docname)}</loc>" in sitemap, docname


# -- Serial and parallel builds, rebuilds ------------------------------------------


def test_serial_and_parallel_builds_write_the_same_bytes(site: Project) -> None:
    serial = site.build(outdir="serial")
    parallel = site.build(outdir="parallel", parallel=2)
    assert serial.warnings == parallel.warnings == ""
    files, parallel_files = output_files(serial), output_files(parallel)
    assert "sitemap.xml" in files and "404.html" in files and "calendar/faimi-events.ics" in files
    assert sorted(files) == sorted(parallel_files)
    different = [name for name in files if files[name] != parallel_files[name]]
    assert different == []


def test_a_rebuild_with_nothing_changed_rewrites_no_page_nor_file_of_ours(site: Project) -> None:
    first = site.build()
    before = mtimes(first)
    second = site.build()
    assert second.read == [] and second.written == ["search"]
    after = mtimes(second)
    ours = [name for name in before if name.endswith((".ics", ".xml", ".txt")) or name == "404.html"
            or name.endswith("index.html") and not name.startswith("search/")]
    assert len(ours) > 30
    assert [name for name in ours if after[name] != before[name]] == []


# -- Precise rebuilds: people and agendas -------------------------------------------


def pages_showing(build: Build, pid: str, homepage: str) -> list[str]:
    """The docnames whose page (its article, not the navigation) links to the person's
    homepage or to their person page."""
    person_page = re.compile(rf'href="([^"]*/)?{re.escape(pid)}(/|\.html)?(#[^"]*)?"')
    found = []
    for doc in build.app.env.found_docs:
        if build.page(doc).is_file():
            html = build.page(doc).read_text(encoding="utf-8")
            html = html[html.find("<article"):html.find("</article>")]  # not the sidebar
            if f'href="{homepage}"' in html or person_page.search(html):
                found.append(doc)
    return sorted(found)


def test_a_person_edit_rereads_exactly_the_pages_that_show_them(site: Project) -> None:
    first = site.build()
    assert len([k for k in first.app.env.faimi_people_fingerprints if k.startswith("person:")]) > 10
    text = site.read("people/people.yaml")
    people = yaml.safe_load(text)["people"]
    # The person shown on the fewest pages, but on more than one (else on one).
    shown = {pid: pages_showing(first, pid, person["homepage"]) for pid, person in people.items()}
    pid = min((p for p in shown if shown[p]), key=lambda p: (len(shown[p]) < 2, len(shown[p])))
    assert 0 < len(shown[pid]) < len(first.app.env.found_docs) - 3, shown[pid]
    # The homepage: the one fact of a person that no page may override.
    homepage = f"homepage: {people[pid]['homepage']}\n"
    at = text.index(homepage, text.index(f"\n  {pid}:\n"))
    moved = people[pid]["homepage"].rstrip("/") + "/moved"
    site.write("people/people.yaml", text[:at] + f"homepage: {moved}\n" + text[at + len(homepage):])
    second = site.build()
    assert second.warnings == ""
    assert sorted(second.read) == shown[pid]
    assert pages_showing(second, pid, moved) == shown[pid]


def test_a_person_shown_nowhere_rereads_nothing(mini: Project) -> None:
    mini.write("people/people.yaml", mini.read("people/people.yaml") + "  unlisted: [ada-lovelace]\n")
    mini.write("people/people.yaml", mini.read("people/people.yaml").replace("people:\n", (
        "people:\n  grace-hopper:\n    name: Grace Hopper\n    homepage: https://example.org/grace\n"
        "    affiliation: Navy\n"), 1))
    assert mini.build().warnings == ""
    mini.write("people/people.yaml", mini.read("people/people.yaml").replace("affiliation: Navy", "affiliation: Yale"))
    assert mini.build().read == []
    # A group change reads again the page that shows the group.
    mini.write("people/people.yaml", mini.read("people/people.yaml").replace(
        "pioneers: [alan-turing, ada-lovelace]", "pioneers: [alan-turing, ada-lovelace, grace-hopper]"))
    build = mini.build()
    assert build.read == ["index"]
    assert "Grace Hopper" in build.html().get_text()


def test_a_page_naming_an_unknown_person_is_read_again_once_they_are_added(event: Project) -> None:
    event.write("events/test.agenda.yaml", event.read("events/test.agenda.yaml").replace(
        "speakers: [alan-turing]", "speakers: [grace-hopper]"))
    first = event.build()
    assert "'grace-hopper' is not a person of the registry" in first.warnings
    event.write("people/people.yaml", event.read("people/people.yaml").replace("people:\n", (
        "people:\n  grace-hopper:\n    name: Grace Hopper\n    homepage: https://example.org/grace\n"
        "    affiliation: Navy\n"), 1))
    second = event.build()
    assert second.read == ["events/test"]
    assert second.warnings == ""
    assert "Grace Hopper" in second.html("events/test").get_text()


def test_an_agenda_edit_reads_and_writes_its_page_only(event: Project) -> None:
    event.write("other.md", "# Other\n\n:::{people-list} pioneers\n:::\n")
    event.write("index.md", event.read("index.md").replace("events/test\n", "events/test\nother\n"))
    event.build()
    event.write("events/test.agenda.yaml", event.read("events/test.agenda.yaml").replace("A talk", "A new talk"))
    build = event.build()
    assert build.read == ["events/test"]
    # Sphinx writes the page's toctree parent too (its toctree may show the page's title).
    assert set(build.written) - {"search", "genindex"} == {"events/test", "index"}
    assert "A new talk" in build.html("events/test").get_text()


def test_a_calendar_file_is_made_again_when_its_event_changes_and_only_then(archive: Project) -> None:
    first = archive.build(faimi_today="2025-04-01")
    before = mtimes(first)
    archive.write("events/2026-tutorial.yaml", archive.read("events/2026-tutorial.yaml").replace(
        "2026-09-27", "2026-09-28"))
    second = archive.build(faimi_today="2025-04-01")
    after = mtimes(second)
    remade = sorted(name for name in before if name.startswith("calendar/") and after[name] != before[name])
    assert remade == ["calendar/2026-tutorial.ics", "calendar/faimi-events.ics"]
    tutorial = (Path(second.app.outdir) / "calendar" / "2026-tutorial.ics").read_text(encoding="utf-8")
    assert "DTSTART;VALUE=DATE:20260928" in tutorial
    # A calendar file that went missing is made again, even with nothing changed.
    (Path(second.app.outdir) / "calendar" / "2024-online.ics").unlink()
    archive.build(faimi_today="2025-04-01")
    assert (Path(second.app.outdir) / "calendar" / "2024-online.ics").is_file()


def test_a_page_may_still_depend_on_the_whole_registry(mini: Project) -> None:
    mini.write("conf.py", mini.read("conf.py") + (
        "def setup(app):\n"
        "    from sphinx.util.docutils import SphinxDirective\n"
        "    from faimi.registry import note_registry_dependency\n"
        "    class Everyone(SphinxDirective):\n"
        "        def run(self):\n"
        "            note_registry_dependency(self.env)\n"
        "            return []\n"
        "    app.add_directive('everyone', Everyone)\n"))
    mini.write("other.md", "# Other\n\n:::{everyone}\n:::\n")
    mini.write("index.md", mini.read("index.md").replace("# Home\n", "# Home\n\n```{toctree}\nother\n```\n"))
    mini.build()
    mini.write("people/people.yaml", mini.read("people/people.yaml").replace("Manchester", "Cambridge"))
    assert sorted(mini.build().read) == ["index", "other"]


def test_a_label_on_several_pages_leads_to_the_same_page_serial_and_parallel(mini: Project) -> None:
    pages = [f"page{n}" for n in range(6)]
    for page in pages:
        mini.write(f"{page}.md", f"# Page {page}\n\n(tldr)=\nThe short version.\n")
    mini.write("index.md", "# Home\n\n```{toctree}\n" + "\n".join(pages) + "\n```\n")
    for build in (mini.build(outdir="serial"), mini.build(outdir="parallel", parallel=2)):
        assert build.app.env.domains.standard_domain.anonlabels["tldr"][0] == "page5"


# -- The benchmark's sites ----------------------------------------------------------


def test_the_benchmark_builds_the_same_pages_with_and_without_the_extension(tmp_path: Path, monkeypatch) -> None:
    """The benchmark compares like with like: both of its sites build without a warning,
    into the same pages, and the plain one says what the extension's says of a person."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    import benchmark_site

    site = benchmark_site.generate(8, registry=24)
    monkeypatch.setenv("FAIMI_TODAY", benchmark_site.TODAY.isoformat())  # as the benchmark builds
    pages: dict[str, set[str]] = {}
    for variant in ("faimi", "static"):
        benchmark_site.write(site, variant, tmp_path / variant)
        done = Project(tmp_path / variant).sphinx_build()
        assert done.returncode == 0 and "WARNING" not in done.stderr, (variant, done.stderr)
        out = tmp_path / variant / "_build" / "cli"
        # the extension writes its 404 page straight to 404.html, not to 404/index.html
        pages[variant] = {re.sub(r"(/?index)?\.html$", "", p.relative_to(out).as_posix()) for p in out.rglob("*.html")}
    assert pages["faimi"] == pages["static"]
    assert {f"people/{pid}" for pid in site.people["people"]} <= pages["faimi"]
    person = "person-015"
    texts = {variant: BeautifulSoup((tmp_path / variant / "_build" / "cli" / "people" / person / "index.html")
                                    .read_text(encoding="utf-8"), "html.parser").select_one("article")
             .get_text(" ", strip=True) for variant in pages}
    for day, slug, role, title in site.activity(person):
        for variant, text in texts.items():
            assert f"{role} · Generated event {slug}" in text and title in text, (variant, slug)
