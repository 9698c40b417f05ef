"""Wall-clock times, IANA time zones, and how both are written on the pages."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Annotated, Any
from zoneinfo import ZoneInfo, available_timezones

from babel.dates import format_date, get_timezone_location, get_timezone_name
from pydantic import AfterValidator, BeforeValidator, PlainSerializer, WithJsonSchema

from .yamldata import shorten

_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def parse_clock(value: Any) -> time:
    """``"14:00"`` as a time; explain the YAML traps (unquoted 13:00 is the number 780)."""
    if isinstance(value, time):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        hours, minutes = divmod(value, 60)
        quoted = f"\"{hours:02d}:{minutes:02d}\""
        if 0 < hours < 12:  # 1:30 may mean half past one in the afternoon: the clock has 24 hours
            quoted = f"{quoted} in the morning or at night, \"{hours + 12}:{minutes:02d}\" in the afternoon or evening"
        raise ValueError(
            f"write the time in quotes, on the 24-hour clock: {quoted}; without quotes YAML "
            f"reads {hours}:{minutes:02d} as the number {value}"
        )
    if isinstance(value, str) and (match := _CLOCK.match(value.strip())):
        return time(int(match[1]), int(match[2]))
    raise ValueError(f"{shorten(repr(value))} is not a time of day: write it as \"HH:MM\" on the 24-hour clock")


#: A wall-clock time written "HH:MM" in the YAML.
Clock = Annotated[
    time,
    BeforeValidator(parse_clock),
    PlainSerializer(lambda t: t.strftime("%H:%M")),
    WithJsonSchema({"type": "string", "pattern": _CLOCK.pattern, "examples": ["14:00"]}),
]

#: "Anywhere on Earth": the zone of many paper deadlines, UTC-12 all year.
AOE = "AoE"


@lru_cache(maxsize=1)
def _iana_names() -> frozenset[str]:
    return frozenset(available_timezones())


_POSIX_OFFSET = re.compile(r"^Etc/GMT([+-])(\d+)$")


def check_zone(value: str) -> str:
    """Accept IANA names (``Europe/London``), not abbreviations such as BST or GMT, nor
    the ``Etc/GMT+1`` kind, whose sign is the opposite of what it seems (POSIX)."""
    if match := _POSIX_OFFSET.match(value):
        sign, hours = match[1], int(match[2])
        real = f"UTC{'-' if sign == '+' else '+'}{hours:02d}:00"
        raise ValueError(
            f"'{value}' means {real}, not UTC{sign}{hours:02d}:00: in these POSIX names the sign is "
            "reversed. Name the place's zone instead (it also follows summer time), e.g. "
            "Europe/Paris or America/New_York; or Etc/UTC"
        )
    if "/" not in value or value not in _iana_names():
        hint = " (an abbreviation names no place and changes with the season)" if value.isupper() else ""
        raise ValueError(
            f"'{shorten(value)}' is not an IANA time zone name{hint}; use one such as Europe/London, "
            "America/Vancouver or Etc/UTC"
        )
    return value


#: An IANA time zone name such as ``Europe/London``.
Zone = Annotated[
    str,
    AfterValidator(check_zone),
    WithJsonSchema({"type": "string", "pattern": r"^[A-Za-z_]+(/[A-Za-z0-9_+\-]+)+$",
                    "examples": ["Europe/London"]}),
]


def zone_info(zone: str) -> ZoneInfo | timezone:
    """The tzinfo of an IANA name, or of "AoE" (UTC-12)."""
    if zone == AOE:
        return timezone(timedelta(hours=-12), "AoE")
    return ZoneInfo(zone)


def localize(day: date, clock: time, zone: str) -> datetime:
    """The instant of a wall-clock time on a day in a zone."""
    return datetime.combine(day, clock, tzinfo=zone_info(zone))


def local_time_fault(day: date, clock: time, zone: str) -> str | None:
    """Why ``clock`` on ``day`` names no single instant in ``zone``, if it does not: the
    clocks skip it (spring forward) or pass it twice (fall back)."""
    if zone == AOE:
        return None
    tz = ZoneInfo(zone)
    first = datetime.combine(day, clock, tzinfo=tz)
    second = first.replace(fold=1)
    shown = f"{clock:%H:%M} on {day.isoformat()} in {zone}"
    if first.utcoffset() != second.utcoffset():
        # fold=0 and fold=1 differ: skipped if a round trip through UTC lands elsewhere.
        if first.astimezone(timezone.utc).astimezone(tz).replace(tzinfo=None) != first.replace(tzinfo=None):
            return (f"{shown} does not exist: the clocks skip that hour (summer time begins); "
                    "give a time an hour later or earlier")
        return (f"{shown} happens twice: the clocks pass that hour twice (summer time ends); "
                "give a time outside that hour")
    return None


def utc_offset(moment: datetime) -> str:
    """``UTC+01:00`` (``UTC`` itself for a zero offset)."""
    offset = moment.utcoffset() or timedelta(0)
    if not offset:
        return "UTC"
    sign = "+" if offset >= timedelta(0) else "-"
    hours, rest = divmod(abs(int(offset.total_seconds())), 3600)
    return f"UTC{sign}{hours:02d}:{rest // 60:02d}"


def zone_name(moment: datetime, zone: str) -> str:
    """The zone's name on that date, in the site's language: "British Summer Time"."""
    if zone == AOE:
        return "Anywhere on Earth"
    name = get_timezone_name(moment, width="long", locale=_language)
    if name.startswith("GMT"):  # CLDR has no proper name for it: name its place
        name = get_timezone_location(moment, locale=_language)
    return name


def zone_label(moment: datetime, zone: str) -> str:
    """The zone named in text, derived from zone and date: "British Summer Time (UTC+01:00)"."""
    return f"{zone_name(moment, zone)} ({utc_offset(moment)})"


#: The language dates and zones are written in: the site's ``language`` (conf.py), set
#: by :func:`use_language` when the build starts; never the machine's locale.
_language = "en"


def use_language(language: str | None) -> None:
    """Write dates and zone names in ``language`` (a Sphinx ``language`` such as ``en``)."""
    global _language
    _language = (language or "en").replace("-", "_")


def long_date(day: date) -> str:
    """``Monday 30 June 2025``."""
    return format_date(day, "EEEE d MMMM y", locale=_language)


def short_date(day: date) -> str:
    """``30 June 2025``."""
    return format_date(day, "d MMMM y", locale=_language)

