"""The reading list: BibTeX in resources/, shown by topic, every title linked to the work."""

from __future__ import annotations

from pybtex.database import parse_file

from conftest import ROOT, Build, Project

BIB = ROOT / "resources" / "reading-list.bib"


def section_titles(built_site: Build, section_id: str) -> dict[str, str]:
    """The linked titles of one section's references, and where each links to."""
    section = built_site.html("resources/index").find("section", id=section_id)
    return {li.a.get_text(): li.a["href"] for li in section.select("ul > li") if li.a}


TOPIC_SECTIONS = {
    "reviews": "review-papers-on-ai-fairness", "seminal-works": "seminal-works-on-ai-fairness",
    "perspectives": "perspectives-on-what-constitutes-ai-fairness", "causes-of-bias": "investigations-into-the-causes-of-bias",
    "bias-mitigation": "bias-mitigation",
    "shortcut-learning": "shortcut-learning-models-recognizing-sensitive-patient-attributes-and-fairness-in-medical-ai",
    "quantitative-comparisons": "quantitative-comparisons", "chest-x-rays": "ai-fairness-for-chest-x-rays",
    "image-reconstruction": "ai-fairness-in-image-reconstruction", "dermatology": "ai-fairness-for-dermatology-images",
    "brain-mri": "ai-fairness-for-brain-mri", "cardiac-mri": "ai-fairness-for-cardiac-mri",
    "ophthalmology": "ai-fairness-for-ophthalmology", "histology": "ai-fairness-for-histology",
    "breast-dce-mri": "ai-fairness-for-breast-dce-mri", "segmentation": "ai-fairness-for-medical-image-segmentation",
    "miscellaneous": "miscellaneous",
}


def test_every_entry_is_shown_under_each_of_its_topics_with_its_link(built_site: Build) -> None:
    entries = parse_file(BIB).entries
    assert len(entries) == 72  # the old page's literature: 89 mentions of 72 works
    shown = {topic: section_titles(built_site, section) for topic, section in TOPIC_SECTIONS.items()}
    mentions = 0
    for key, entry in entries.items():
        fields = entry.fields
        link = f"https://doi.org/{fields['doi']}" if "doi" in fields else fields["url"]
        topics = [t.strip() for t in fields["keywords"].split(",")]
        for topic in topics:
            assert shown[topic].get(fields["title"].strip("{}")) == link, (key, topic)
        mentions += len(topics)
    assert mentions == sum(len(titles) for titles in shown.values()) == 89


def test_no_topic_word_is_part_of_another() -> None:
    """The page's filters search the keywords for a topic's word: no word may contain another."""
    assert not [(a, b) for a in TOPIC_SECTIONS for b in TOPIC_SECTIONS if a != b and a in b]


def test_titles_are_shown_as_written_and_et_al(built_site: Build) -> None:
    section = built_site.html("resources/index").find("section", id="review-papers-on-ai-fairness")
    first = section.select_one("ul > li").get_text(" ", strip=True)
    assert first.startswith("Du et al. Fairness in Deep Learning: A Computational Perspective . IEEE Intelligent")
    assert section.select_one("ul > li").find("a", href="https://arxiv.org/abs/1908.08843")


def _bib(site: Project, text: str) -> int:
    """Append to the reading list; the line of the first line appended."""
    before = site.read("resources/reading-list.bib")
    site.write("resources/reading-list.bib", before + text)
    return before.count("\n") + 1


def test_an_entry_without_a_link_or_a_topic_is_reported_at_its_line(site: Project) -> None:
    line = _bib(site, "@article{nolink2024,\n  author = {Nobody},\n  title = {{T}},\n  journal = {J},\n"
                      "  year = {2024},\n  keywords = {bias mitigation},\n}\n")
    build = site.build()
    assert (f"resources/reading-list.bib:{line}: WARNING: nolink2024: the entry has no link; give the work's "
            "doi = {10.1000/xyz123} or url = {https://...}") in build.warnings
    assert (f"resources/reading-list.bib:{line}: WARNING: nolink2024: the entry is in no section of the reading "
            "list: its keywords (bias mitigation) name none of the topics (bias-mitigation, brain-mri,") \
        in build.warnings


def test_a_broken_bibtex_file_is_reported_at_its_line_not_as_a_traceback(site: Project) -> None:
    line = _bib(site, "@article{broken2024,\n  title = {{Unclosed}\n  year = {2024}\n")
    result = site.sphinx_build()
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"resources/reading-list.bib:{line + 2}: WARNING: this BibTeX file cannot be read here: premature " \
        "end of file; look for a missing brace" in result.stderr


def test_a_key_used_twice_is_reported(site: Project) -> None:
    _bib(site, "@misc{du2020fairness,\n  title = {{Again}},\n  url = {https://example.org/},\n}\n")
    build = site.build()
    assert "repeated bibliography entry: du2020fairness" in build.warnings


def _shown(build: Build) -> dict[str, dict[str, str]]:
    """Every section's linked titles."""
    return {topic: section_titles(build, section) for topic, section in TOPIC_SECTIONS.items()}


def test_a_fixed_bibtex_file_is_shown_in_full_by_the_next_incremental_build(site: Project) -> None:
    """The preview (sphinx-autobuild) builds incrementally: a fixed typo must not need a clean build."""
    clean = site.build()
    assert clean.warnings == ""
    original = site.read("resources/reading-list.bib")
    line = _bib(site, "@article{broken2024,\n  title = {{Unclosed}\n  year = {2024}\n")
    broken = site.build()
    assert broken.warnings.splitlines() == [
        f"resources/reading-list.bib:{line + 2}: WARNING: this BibTeX file cannot be read here: premature end "
        "of file; look for a missing brace, comma or quote in the entry above. An entry reads: @article{key, "
        "author = {Surname, Given and others}, title = {{Title}}, journal = {Journal}, year = {2025}, "
        "doi = {10.1000/xyz123}, keywords = {segmentation}} [faimi.reading_list]"]
    assert not any(_shown(broken).values())  # the file's entries are left out while it is broken
    still = site.build()
    assert still.read == [] and still.warnings == broken.warnings
    site.write("resources/reading-list.bib", original)
    fixed = site.build()
    assert fixed.read == ["resources/index"]
    again = site.build()
    assert again.read == []
    for build in (fixed, again):
        assert build.warnings == ""
        assert _shown(build) == _shown(clean)
        assert sum(len(titles) for titles in _shown(build).values()) == 89


def test_a_bibtex_file_added_or_removed_is_shown_or_dropped_by_the_next_incremental_build(site: Project) -> None:
    site.build()
    site.write("resources/datasets.bib", "@misc{chexpert2019,\n  title = {{CheXpert}},\n"
                                         "  url = {https://example.org/chexpert},\n  keywords = {chest-x-rays},\n}\n")
    added = site.build()
    assert added.warnings == ""
    assert _shown(added)["chest-x-rays"]["CheXpert"] == "https://example.org/chexpert"
    (site.root / "resources" / "datasets.bib").unlink()
    removed = site.build()
    assert removed.warnings == ""
    assert "CheXpert" not in _shown(removed)["chest-x-rays"]


def test_a_bibtex_file_that_is_not_utf8_is_reported_at_its_line_not_as_a_traceback(site: Project) -> None:
    line = _bib(site, "@misc{cafe2024,\n  title = {{Caf\u00e9}},\n}\n")
    bib = site.root / "resources" / "reading-list.bib"
    bib.write_bytes(bib.read_bytes().replace("Caf\u00e9".encode(), "Caf\u00e9".encode("latin-1")))
    result = site.sphinx_build()
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"resources/reading-list.bib:{line + 1}: WARNING: this BibTeX file cannot be read here: byte 0xe9 is " \
        "not utf-8-sig text; save the file as UTF-8. An entry reads: @article{key," in result.stderr
