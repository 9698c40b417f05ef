"""Field types shared by the data models: ids, URLs and days."""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, StringConstraints, WithJsonSchema

from .yamldata import shorten

#: A stable id such as ``ben-glocker``: lower-case letters, digits and single hyphens.
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]

ALLOWED_SCHEMES = ("http", "https", "mailto")


def check_url(value: str) -> str:
    """Accept only complete ``http``, ``https`` and ``mailto`` URLs."""
    shown = shorten(value)
    parts = urlsplit(value)
    if parts.scheme not in ALLOWED_SCHEMES:
        raise ValueError(
            f"'{shown}' is not an allowed link: it must start with http://, https:// or mailto:"
        )
    if any(c.isspace() for c in value) or "](" in value:
        raise ValueError(f"'{shown}' is not a single URL: it holds spaces or Markdown link syntax")
    if parts.scheme == "mailto" and (parts.query or "?" in value):
        raise ValueError(
            f"'{shown}' carries more than an address (after '?': bcc=, cc=, subject=...), which could "
            "copy mail to others; give the address alone, e.g. mailto:someone@example.org"
        )
    if parts.scheme == "mailto" and "@" not in parts.path:
        raise ValueError(f"'{shown}' has no e-mail address after mailto:")
    if parts.scheme != "mailto" and not parts.netloc:
        raise ValueError(f"'{shown}' has no host name after {parts.scheme}://")
    return value


#: A link a visitor can follow: http, https or mailto, nothing else.
WebUrl = Annotated[
    str,
    AfterValidator(check_url),
    WithJsonSchema({"type": "string", "pattern": r"^(https?://[^\s]+|mailto:[^\s]+@[^\s]+)$",
                    "examples": ["https://example.org/"]}),
]


def site_address(value: str, default: str) -> tuple[str, str]:
    """The site's public address from ``FAIMI_BASEURL`` (``value``; empty: ``default``),
    ending in ``/``; and, when ``value`` is no http(s) address, why (``default`` is used),
    else ``""``."""
    value = value.strip()
    if not value:
        return default, ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment \
            or any(c.isspace() or c in "\"'<>\\" for c in value):
        return default, (
            f"FAIMI_BASEURL is '{shorten(value)}', which is not the web address of the site; give a "
            "complete http or https address, e.g. FAIMI_BASEURL=https://example.org/faimi/ "
            f"(the site is built for {default})"
        )
    return value.rstrip("/") + "/", ""


def check_day(value: dt.date) -> dt.date:
    """A day of the site's calendar: years 1900 to 2999 (far dates overflow instants)."""
    if not 1900 <= value.year <= 2999:
        raise ValueError(
            f"{value.isoformat()} is not a plausible day for an event: give the year in full, "
            "between 1900 and 2999, e.g. 2026-09-27"
        )
    return value


#: A day of an event or a deadline, written YYYY-MM-DD.
Day = Annotated[dt.date, AfterValidator(check_day)]
