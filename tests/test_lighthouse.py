"""Lighthouse: pages score at the top for accessibility, best practices and SEO.

Lighthouse (pinned in tests/lighthouse/package-lock.json; scripts/test.sh installs it
with ``npm ci``) drives Debian's Chromium, as the browser tests do: nothing downloads a
browser. Performance is not asserted: its score depends on the load of the machine.

The site is built for the address it is served at (FAIMI_BASEURL), so that its
canonical links, og:url and 404 page prefix point at the served copy, as they point
at the published site in production.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, LocalServer, copy_site

LIGHTHOUSE = ROOT / "tests" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("accessibility", "best-practices", "seo")
PAGES = ["", "events/", "events/2025-london-symposium/"]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site, built for and served at http://127.0.0.1:PORT/faimi/."""
    webroot = tmp_path_factory.mktemp("web")
    server = LocalServer(webroot)  # the port is known before the build
    url = server.url + "faimi/"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("FAIMI_BASEURL", url)
        build = copy_site(tmp_path_factory.mktemp("lighthouse") / "site").build()
    assert build.warnings == ""
    shutil.copytree(build.app.outdir, webroot / "faimi")
    with server:
        yield url


def lighthouse(url: str) -> dict:
    """Lighthouse's JSON report on ``url`` (one headless Chromium per run)."""
    node = shutil.which("node")
    assert node, "Node.js is needed: apt-get install nodejs npm (scripts/test.sh does it)"
    assert LIGHTHOUSE.exists(), "Lighthouse is needed: npm ci --prefix tests/lighthouse (scripts/test.sh does it)"
    assert CHROMIUM.exists(), "Debian's Chromium is needed: apt-get install chromium (scripts/test.sh does it)"
    run = subprocess.run(
        [node, str(LIGHTHOUSE), url, "--output=json", "--quiet", "--no-enable-error-reporting",
         "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_ARGS]),
         "--only-categories=" + ",".join(CATEGORIES)],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert run.returncode == 0, f"Lighthouse failed ({run.returncode}):\n{run.stderr}"
    return json.loads(run.stdout)


def shortfalls(report: dict) -> list[str]:
    """What keeps each category below 1: its failing audits, with where they fail."""
    lines = []
    if report.get("runtimeError"):
        lines.append(f"runtime error: {report['runtimeError']}")
    lines += [f"warning: {warning}" for warning in report.get("runWarnings", [])]
    for name in CATEGORIES:
        category = report["categories"][name]
        if category["score"] == 1:
            continue
        lines.append(f"{name}: {category['score']}")
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] == 0 or audit["score"] == 1:
                continue
            if audit["score"] is None and audit["scoreDisplayMode"] != "error":
                continue  # not applicable to this page, or to be checked by hand
            lines.append(f"  {audit['id']}: {audit['title']} (score {audit['score']})")
            for extra in ("errorMessage", "explanation"):
                if audit.get(extra):
                    lines.append(f"    {audit[extra]}")
            for item in audit.get("details", {}).get("items", [])[:10]:
                node = item.get("node") if isinstance(item.get("node"), dict) else None
                if node:
                    lines.append(f"    {node.get('selector', '')}: {node.get('snippet', '')}")
                    if node.get("explanation"):
                        lines.append("      " + node["explanation"].replace("\n", "\n      "))
                else:
                    lines.append("    " + json.dumps(item, ensure_ascii=False)[:300])
    return lines


@pytest.mark.parametrize("path", PAGES)
def test_top_lighthouse_scores(served: str, path: str) -> None:
    report = lighthouse(served + path)
    scores = {name: report["categories"][name]["score"] for name in CATEGORIES}
    assert scores == dict.fromkeys(CATEGORIES, 1), "\n".join(shortfalls(report))
