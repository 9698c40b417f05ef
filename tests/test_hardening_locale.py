"""Dates follow the site's language, never the machine's locale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import PINNED_DAY, Project


def build_under(project: Project, lc_all: str) -> dict[str, bytes]:
    """The README's build of ``project`` with the locale ``lc_all``: every output file."""
    out = project.root / "_build" / lc_all
    env = {**os.environ, "LC_ALL": lc_all, "LANG": lc_all, "FAIMI_TODAY": PINNED_DAY}
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-b", "dirhtml", "-q", "-E",
         str(project.root), str(out)], env=env, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    return {p.relative_to(out).as_posix(): p.read_bytes()
            for p in sorted(out.rglob("*")) if p.is_file() and ".doctrees" not in p.parts}


def test_a_german_locale_builds_the_same_pages(archive: Project) -> None:
    installed = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=True).stdout.split()
    assert "de_DE.utf8" in installed, "scripts/test.sh generates de_DE.UTF-8"
    english = build_under(archive, "C.UTF-8")
    german = build_under(archive, "de_DE.UTF-8")
    assert english.keys() == german.keys()
    assert [name for name in english if english[name] != german[name]] == []
    page = english["events/2025-symposium/index.html"].decode()
    assert "Monday 30 June 2025" in page and "Montag" not in german["events/2025-symposium/index.html"].decode()
