"""The build date: "upcoming" and "past" are decided against it.

It is today, or the day pinned by ``faimi_today`` in the configuration (the
``FAIMI_TODAY`` variable), which tests set so that they are reproducible.
"""

from __future__ import annotations

import datetime as dt

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from .report import logger

#: Today's date; tests replace it to let a day pass.
clock = dt.date.today


def today(env: BuildEnvironment) -> dt.date:
    """The build date, or the date pinned by ``faimi_today``."""
    pinned = env.config.faimi_today
    return dt.date.fromisoformat(pinned) if pinned else clock()


def check_pinned_day(app: Sphinx, config: Config) -> None:
    """A ``faimi_today`` (``FAIMI_TODAY``) that is not a date is reported, and today is used."""
    try:
        if config.faimi_today:
            dt.date.fromisoformat(config.faimi_today)
    except (TypeError, ValueError):
        logger.warning(
            f"faimi_today (the FAIMI_TODAY variable) is '{config.faimi_today}', which is not a date; "
            "write it as YYYY-MM-DD, e.g. FAIMI_TODAY=2025-06-30. The site is built as of today.",
            type="faimi", subtype="events",
        )
        config.faimi_today = ""


def setup_buildday(app: Sphinx) -> None:
    app.add_config_value("faimi_today", "", "env", types=[str])
    app.connect("config-inited", check_pinned_day)
