"""The new site against the old one: its people groups, and every address and anchor it had.

tests/data/old-site.json lists what the old Jekyll site had (made from its sources by
scripts/old_site_inventory.py): each page's addresses and section anchors, and the
people of each group of its latest home page.
"""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, Build, copy_site

OLD_SITE = json.loads((ROOT / "tests" / "data" / "old-site.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once for this module."""
    build = copy_site(tmp_path_factory.mktemp("old-site") / "site").build()
    assert build.warnings == ""
    return build


@pytest.mark.parametrize("anchor", list(OLD_SITE["home_groups"]))
def test_home_page_groups_match_the_old_home_page(built: Build, anchor: str) -> None:
    """Same people, same order, same roles, under the old section's anchor."""
    old = OLD_SITE["home_groups"][anchor]
    section = built.html("index").find("section", id=anchor)
    assert section is not None, f"the home page has no section #{anchor}"
    items = section.select("ul.faimi-people > li")
    shown = [
        {"name": li.find(class_="faimi-person__name").get_text(),
         **({"role": role.get_text()} if (role := li.find(class_="faimi-person__role")) else {})}
        for li in items
    ]
    assert len(shown) == len(old)
    assert shown == old
