"""List the old Jekyll site's addresses, section anchors and people groups, as JSON.

    python scripts/old_site_inventory.py PATH/TO/old-site > tests/data/old-site.json

The old site's sources are not part of this repository; this script reads them once
and writes the facts the tests check the new site against (tests/test_old_site.py):
each page's addresses (its Jekyll ``permalink``, its ``redirect_from`` and, for a
``/x/index.html`` permalink, the folder ``/x/``), the ids kramdown gave its headings
(``auto_ids``, as in the old ``_config.yml``) or that a heading set itself with
``{#id}``, the images of the old repository it showed (``<img src>`` or Markdown
``![alt](src)``, as paths from the site's root; a file the old repository lacks is
left out), and who was in which group of the home page, in order, with their roles.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
EXPLICIT_ID = re.compile(r"\s*\{#([\w-]+)\}\s*$")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)+")
TAG = re.compile(r"<[^>]+>")
PERSON_LINE = re.compile(r"^\[([^\]]+)\]\(")
IMAGE = re.compile(r'<img\b[^>]*\bsrc="(/[^"]+)"|!\[[^\]]*\]\((/[^)\s]+)\)')


def kramdown_id(text: str) -> str:
    """The id kramdown's ``auto_ids`` gives a heading with this text (before de-duplication)."""
    text = TAG.sub("", LINK.sub(r"\1", text)).replace("*", "").replace("`", "")
    text = re.sub(r"^[^a-zA-Z]+", "", text)
    text = re.sub(r"[^a-zA-Z0-9 -]", "", text).replace(" ", "-").lower()
    return text or "section"


def split_front_matter(text: str) -> tuple[dict, str]:
    """The YAML front matter of a Jekyll page, and its body."""
    if not text.startswith("---\n"):
        return {}, text
    head, _, body = text[4:].partition("\n---\n")
    return yaml.safe_load(head) or {}, body


def anchors(body: str) -> list[str]:
    """The ids of the Markdown headings of a page, in order, as kramdown makes them unique."""
    used: dict[str, int] = {}
    found: list[str] = []
    fenced = False
    for line in body.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        match = None if fenced else HEADING.match(line)
        if not match:
            continue
        text = match.group(2)
        explicit = EXPLICIT_ID.search(text)
        if explicit:
            found.append(explicit.group(1))
            continue
        anchor = kramdown_id(text)
        if anchor in used:
            used[anchor] += 1
            anchor = f"{anchor}-{used[anchor]}"
        else:
            used[anchor] = 0
        found.append(anchor)
    return found


def addresses(meta: dict) -> list[str]:
    """The URL paths a page answered at."""
    permalink = str(meta["permalink"])
    urls = [permalink]
    if permalink.endswith("/index.html"):
        urls.append(permalink.removesuffix("index.html"))
    redirects = meta.get("redirect_from") or []
    for url in [redirects] if isinstance(redirects, str) else redirects:
        if url not in urls:
            urls.append(url)
    return urls


def images(root: Path, body: str) -> list[str]:
    """The local images a page shows, in order, once each: those the old repository has."""
    found: list[str] = []
    for match in IMAGE.finditer(body):
        src = match.group(1) or match.group(2)
        if src not in found and (root / src.lstrip("/")).is_file():
            found.append(src)
    return found


def groups(body: str) -> dict[str, list[dict[str, str]]]:
    """The people of each section of the home page: name and, after the first '. ', role."""
    found: dict[str, list[dict[str, str]]] = {}
    current: list[dict[str, str]] | None = None
    for line in body.splitlines():
        heading = HEADING.match(line)
        if heading:
            current = found.setdefault(kramdown_id(heading.group(2)), [])
            continue
        person = PERSON_LINE.match(line)
        if person and current is not None:
            entry = {"name": person.group(1)}
            rest = line[person.end():]
            if ". " in rest:
                entry["role"] = rest.split(". ", 1)[1].strip()
            current.append(entry)
    return {name: people for name, people in found.items() if people}


def inventory(root: Path) -> dict:
    pages = []
    home_groups: dict = {}
    for path in sorted(root.rglob("*.md")):
        if path.name == "README.md":
            continue
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        if "permalink" not in meta:
            continue
        page = {"source": path.relative_to(root).as_posix(), "urls": addresses(meta),
                "anchors": [] if meta.get("layout") == "redirected" else anchors(body)}
        if meta.get("redirect_to"):
            page["redirect_to"] = meta["redirect_to"]
        if shown := images(root, body):
            page["images"] = shown
        pages.append(page)
        if path.relative_to(root).as_posix() == "index.md":
            home_groups = groups(body)
    return {"pages": pages, "home_groups": home_groups}


if __name__ == "__main__":
    json.dump(inventory(Path(sys.argv[1])), sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
