"""The README's examples are real: an editor who copies them gets pages without a warning."""

from __future__ import annotations

import re

from conftest import PNG, ROOT, Project


def examples(section: str) -> list[tuple[str, str]]:
    """The fenced code blocks of a README section, as (language, text)."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").split(f"\n## {section}\n", 1)[1].splitlines()
    blocks: list[tuple[str, str]] = []
    fence: tuple[str, list[str]] | None = None
    for line in lines:
        if fence is None and line.startswith("## "):
            break
        if line.startswith("```"):
            if fence is None:
                fence = (line[3:].strip(), [])
            else:
                blocks.append((fence[0], "\n".join(fence[1]) + "\n"))
                fence = None
        elif fence is not None:
            fence[1].append(line)
    return blocks


def test_the_event_example_builds_as_documented(site: Project) -> None:
    blocks = examples("Add or change an event")
    assert [lang for lang, _ in blocks] == ["yaml", "yaml", "markdown", "yaml", "yaml"]
    (_, facts), (_, pictures), (_, page), (_, agenda), (_, days) = blocks
    slug = re.search(r"\{event-summary\} (\S+)\.yaml", page)[1]
    site.write(f"events/{slug}.yaml", facts + pictures)
    site.write(f"events/{slug}.agenda.yaml", agenda)
    site.write(f"events/{slug}.md", page + f"\n## Agenda\n\n:::{{agenda}} {slug}.agenda.yaml\n:::\n")
    build = site.build(faimi_today="2027-01-01")
    assert build.warnings == ""
    html = build.html(f"events/{slug}")
    assert html.select_one(".faimi-summary") is not None
    assert [img["alt"] for img in html.select(".faimi-summary a img")] == [
        "Royal Academy of Engineering", "The book's page at Springer, with its cover"]
    assert html.select_one("table.faimi-dates del") is not None
    assert len(html.select("table.faimi-agenda tbody > tr")) == 5
    two_days = re.sub(r"\nkeynotes:.*", "", facts).replace("date: 2027-06-14", "date: 2027-06-14\nend_date: 2027-06-15")
    site.write(f"events/{slug}.yaml", two_days)
    site.write(f"events/{slug}.agenda.yaml", days)
    build = site.build(outdir="days", faimi_today="2027-01-01")
    assert build.warnings == ""
    assert len(build.html(f"events/{slug}").select("table.faimi-agenda")) == 2
    banner = build.html("index").select_one(".faimi-next-up").get_text(" ", strip=True)
    assert banner.startswith("Next event · Symposium FAIMI Copenhagen Symposium 2027")


def test_the_person_example_is_a_valid_entry(site: Project) -> None:
    entry, groups = [text for lang, text in examples("Add or change a person") if lang == "yaml"]
    assert entry.startswith("people:\n") and groups.startswith("groups:\n")
    registry = site.read("people/people.yaml").replace("people:\n", entry, 1)
    # The groups example (with a role) in place of the registry's activity committee.
    registry = re.sub(r"  activity-committee:\n(    - .*\n)+", groups.removeprefix("groups:\n"), registry)
    site.write("people/people.yaml", registry)
    photo = re.search(r"src: (\S+?)[,}]", entry)[1]
    site.write_bytes(f"people/{photo}", PNG)  # a real image: photos are checked to be one
    assert site.build().warnings == ""


def test_the_programme_example_builds_as_documented(site: Project) -> None:
    event = examples("Add or change an event")[0][1]
    (_, programme), (_, papers), (_, page) = examples("An event's programme: keynotes, papers, awards, materials, topics")
    facts = "\n".join(line for line in event.splitlines() if not line.startswith("keynotes:")) + "\n" + programme
    slug = "2027-copenhagen-symposium"
    site.write(f"events/{slug}.yaml", facts)
    site.write(f"events/{slug}.papers.yaml", papers)
    site.write(f"events/{slug}.md", f"# Copenhagen\n\n:::{{event-summary}} {slug}.yaml\n:::\n\n"
               + page.replace("2025-miccai-workshop.papers.yaml", f"{slug}.papers.yaml").replace(":presentation: oral\n", ""))
    for kind, path in re.findall(r"(src|file): ([\w/.-]+)", programme):
        site.write_bytes(f"events/{path}", PNG if kind == "src" else b"a file")  # photos must be images
    build = site.build(faimi_today="2027-01-01")
    assert build.warnings == ""
    html = build.html(f"events/{slug}")
    assert html.select_one(".faimi-keynote__title").get_text() == "Towards Equitable Image-Based Medicine"
    assert html.select_one(".faimi-award__winner a")["href"] == "#paper-ozbulak-frame-sampling"
    assert html.select_one(".faimi-paper__authors").get_text() == "Utku Ozbulak, et al."
    assert len(html.select("ul.faimi-materials > li")) == 2 and len(html.select("ul.faimi-topics > li")) == 1
