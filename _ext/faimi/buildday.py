"""The build's instant: "upcoming", "past" and "submissions closed" are decided against it.

It is now, or the moment pinned by ``faimi_today`` in the configuration (the
``FAIMI_TODAY`` variable), which tests set so that they are reproducible: a day
(``2025-06-30``: noon UTC on it, when that date is the date all over the Earth, from
UTC-12 to UTC+12) or an instant (``2025-06-30T08:00Z``).
States are decided on instants, not dates: an AoE deadline closes at 12:00 UTC the
next day, an event is past once it has ended in its own zone.
"""

from __future__ import annotations

import datetime as dt

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from .report import logger
from .timefmt import use_language

def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


#: The current instant (tests replace it to let time pass; a date stands for noon UTC on it).
clock = _utc_now


def instant(value: dt.date | dt.datetime | str) -> dt.datetime:
    """A day (noon UTC on it), an instant (naive: UTC), or either written in ISO form."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(12))
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def now(env: BuildEnvironment) -> dt.datetime:
    """The build's instant, or the one pinned by ``faimi_today``."""
    pinned = env.config.faimi_today
    return instant(pinned) if pinned else instant(clock())


def today(env: BuildEnvironment) -> dt.date:
    """The build's date in UTC."""
    return now(env).astimezone(dt.UTC).date()


def check_pinned_day(app: Sphinx, config: Config) -> None:
    """A ``faimi_today`` (``FAIMI_TODAY``) that is not a date is reported, and today is used."""
    try:
        if config.faimi_today:
            instant(config.faimi_today)
    except (TypeError, ValueError):
        logger.warning(
            f"faimi_today (the FAIMI_TODAY variable) is '{config.faimi_today}', which is not a date; "
            "write it as YYYY-MM-DD, e.g. FAIMI_TODAY=2025-06-30, or as an instant, e.g. "
            "FAIMI_TODAY=2025-06-30T12:00Z. The site is built as of now.",
            type="faimi", subtype="events",
        )
        config.faimi_today = ""


def _write_in_site_language(app: Sphinx, config: Config) -> None:
    """Dates and zone names in the site's ``language``, whatever the machine's locale."""
    use_language(config.language)


def setup_buildday(app: Sphinx) -> None:
    app.add_config_value("faimi_today", "", "env", types=[str])
    app.connect("config-inited", check_pinned_day)
    app.connect("config-inited", _write_in_site_language)
