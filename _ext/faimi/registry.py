"""The people registry in the build: read once per process, reported, recorded as a dependency.

The model and its loading are in :mod:`faimi.registry_model` (no Sphinx); its names
are importable from here too.

A page depends on the entries of the registry it looks up, not on the whole file:
while a page is read, :func:`registry` hands out a view that records each person and
group looked up (``person:ID``, ``group:NAME``; going through all of them, as a "did
you mean" hint does, records ``person:*`` or ``group:*``), and each one-off name looked
up among the registry's names (``name:KEY``: a page whose one-off name becomes a registry
person's is read again, to say so). Before each build, a digest
of every entry is compared with the last build's, and only the pages that looked up a
changed entry are read again (``env-get-outdated``). Editing one person's affiliation
reads again the pages that show that person, not every page.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Iterator, Mapping, Set
from pathlib import Path
from typing import TypeVar

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .docdata import keep_per_doc, per_doc
from .registry_model import PeopleFile, Person, Photo, Registry, load_registry
from .report import report

__all__ = [
    "PeopleFile", "Person", "Photo", "Registry", "load_registry", "note_photo_dependencies",
    "note_registry_dependency", "registry", "setup_registry",
]

V = TypeVar("V")


# The registry is read once per build process and kept while its file is unchanged.
# It is process-local on purpose: it is not part of the pickled environment.
_cache: dict[Path, tuple[tuple[int, int], Registry]] = {}


def _path(env: BuildEnvironment) -> tuple[Path, str]:
    shown = env.config.faimi_people_file
    return Path(env.srcdir, shown), shown


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (0, 0)
    return (stat.st_mtime_ns, stat.st_size)


def _current(env: BuildEnvironment) -> Registry:
    """The current registry, read again only if its file has changed."""
    path, shown = _path(env)
    stamp = _stamp(path)
    cached = _cache.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    loaded, problems = load_registry(path, shown)
    report(problems, "people")
    _cache[path] = (stamp, loaded)
    return loaded


class _Recording(Mapping[str, V]):
    """A mapping of the registry that notes each key looked up (``*``: all of them)."""

    def __init__(self, data: Mapping[str, V], kind: str, used: set[str]) -> None:
        self._data, self._kind, self._used = data, kind, used

    def __getitem__(self, key: str) -> V:
        self._used.add(f"{self._kind}:{key}")
        return self._data[key]

    def __contains__(self, key: object) -> bool:
        self._used.add(f"{self._kind}:{key}")
        return key in self._data

    def __iter__(self) -> Iterator[str]:
        self._used.add(f"{self._kind}:*")
        return iter(self._data)

    def __len__(self) -> int:
        self._used.add(f"{self._kind}:*")
        return len(self._data)


def used_entries(env: BuildEnvironment) -> dict[str, set[str]]:
    """The registry entries each page looked up when it was read, by docname."""
    return per_doc(env, "faimi_people_used")


def unrecorded_registry(env: BuildEnvironment) -> Registry:
    """The whole registry, looking nobody up on the page's behalf: for a pass over what
    the page's directives already looked up (and so recorded)."""
    return _current(env)


def registry(env: BuildEnvironment) -> Registry:
    """The current registry; while a page is read, a view that records what the page looks up."""
    current = _current(env)
    if not env.docname:
        return current
    used = used_entries(env).setdefault(env.docname, set())
    return dataclasses.replace(
        current, people=_Recording(current.people, "person", used), groups=_Recording(current.groups, "group", used),
        names=_Recording(current.names, "name", used),
    )


def note_registry_dependency(env: BuildEnvironment) -> None:
    """Record that the page being read depends on every entry of the registry.

    Not needed where the page looks people up while it is read: :func:`registry` records
    those lookups. Only for a page that uses people later (when it is written).
    """
    used_entries(env).setdefault(env.docname, set()).update(("person:*", "group:*"))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def fingerprints(people: Registry) -> dict[str, str]:
    """A digest of each entry (``person:ID``, ``group:NAME``, ``name:KEY``) and of all of
    them (``*``)."""
    entries = {f"person:{pid}": _digest(person.model_dump_json()) for pid, person in people.people.items()}
    entries |= {f"person:{pid}": "broken" for pid in people.broken or ()}
    entries |= {f"group:{name}": _digest("\0".join(ids)) for name, ids in people.groups.items()}
    entries |= {f"name:{name}": _digest(pid) for name, pid in people.names.items()}
    for kind in ("person", "group", "name"):
        entries[f"{kind}:*"] = _digest("\n".join(f"{k}={v}" for k, v in sorted(entries.items())
                                                  if k.startswith(f"{kind}:")))
    entries["unreadable"] = str(people.broken is None)
    return entries


def changed_entries(before: Mapping[str, str], now: Mapping[str, str]) -> set[str]:
    """The entries whose digest differs (an entry that came or went, too)."""
    return {key for key in before.keys() | now.keys() if before.get(key) != now.get(key)}


def _outdated(app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str],
              removed: Set[str]) -> list[str]:
    """The pages that looked up a registry entry that has changed since the last build."""
    now = fingerprints(_current(env))
    before = getattr(env, "faimi_people_fingerprints", None)
    env.faimi_people_fingerprints = now
    if before is None:
        return []
    different = changed_entries(before, now)
    if "unreadable" in different:  # the file could not be read, or now can: all lookups changed
        return sorted(name for name, keys in used_entries(env).items() if keys)
    return sorted(name for name, keys in used_entries(env).items() if keys & different)


def note_photo_dependencies(env: BuildEnvironment, person_ids: Iterable[str]) -> None:
    """Record that the current document shows these people's photos (a missing one, too:
    the page is read again once the file is there)."""
    files = _current(env).photo_files
    for pid in person_ids:
        if pid in files:
            env.note_dependency(str(Path(env.srcdir, files[pid])))


def _check_registry(app: Sphinx) -> None:
    """Read (and report on) the registry once, before any document is read."""
    _cache.pop(_path(app.env)[0], None)
    _current(app.env)


def setup_registry(app: Sphinx) -> None:
    app.add_config_value("faimi_people_file", "people/people.yaml", "env", types=[str])
    app.connect("builder-inited", _check_registry)
    app.connect("env-get-outdated", _outdated)
    keep_per_doc(app, "faimi_people_used")
