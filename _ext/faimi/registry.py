"""The people registry in the build: read once per process, reported, recorded as a dependency.

The model and its loading are in :mod:`faimi.registry_model` (no Sphinx); its names
are importable from here too.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .registry_model import PeopleFile, Person, Photo, Registry, load_registry
from .report import report

__all__ = [
    "PeopleFile", "Person", "Photo", "Registry", "load_registry", "note_photo_dependencies",
    "note_registry_dependency", "registry", "setup_registry",
]


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


def registry(env: BuildEnvironment) -> Registry:
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


def note_registry_dependency(env: BuildEnvironment) -> None:
    """Record that the current document must be read again when the registry changes."""
    env.note_dependency(str(_path(env)[0]))


def note_photo_dependencies(env: BuildEnvironment, person_ids: Iterable[str]) -> None:
    """Record that the current document shows these people's photos (a missing one, too:
    the page is read again once the file is there)."""
    files = registry(env).photo_files
    for pid in person_ids:
        if pid in files:
            env.note_dependency(str(Path(env.srcdir, files[pid])))


def _check_registry(app: Sphinx) -> None:
    """Read (and report on) the registry once, before any document is read."""
    _cache.pop(_path(app.env)[0], None)
    registry(app.env)


def setup_registry(app: Sphinx) -> None:
    app.add_config_value("faimi_people_file", "people/people.yaml", "env", types=[str])
    app.connect("builder-inited", _check_registry)
