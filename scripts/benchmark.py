"""Time and measure builds of the site, and print the figures beside their targets.

    bash scripts/benchmark.sh               # the site as it is
    bash scripts/benchmark.sh --events 300  # plus 300 generated event pages

Each build runs ``sphinx-build -W --keep-going -b dirhtml`` in a fresh process on a
copy of the site in a temporary folder: a clean serial build, a clean ``-j 2`` build,
a rebuild with nothing changed, and a rebuild after one event's date changed (which
must read that event and the listing pages again, and nothing else). Peak memory is the
largest resident set of the build process or of its parallel workers.

The figures depend on the machine and on what else runs on it: they are printed, not
asserted by the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: What a copy of the repository leaves out (conf.py's include_patterns pick the sources).
NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "_build", "node_modules", "__pycache__", ".pytest_cache")

#: (what, seconds at most, MiB at most) for each measured build.
TARGETS = {
    "clean build": (30.0, 600),
    "clean build, -j 2": (30.0, 600),
    "rebuild, nothing changed": (5.0, 400),
    "rebuild after one event's date changed": (10.0, 400),
}

#: Runs one build and reports its peak memory (the process's and its workers').
RUNNER = """\
import json, resource, sys
from sphinx.cmd.build import main
status = main(sys.argv[1:])
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
           resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"status": status, "peak_kib": peak}), file=sys.stderr)
"""

EVENT = """\
kind: online-workshop
description: A generated event of the benchmark.
date: {day}
start: "14:00"
end: "17:00"
timezone: Etc/UTC
mode: online
cost: free
"""


@dataclass
class Figures:
    seconds: float
    peak_mib: float
    read: int


def copy_site(folder: Path, extra_events: int) -> None:
    shutil.copytree(ROOT, folder, ignore=NOT_COPIED)
    for n in range(extra_events):
        day = f"{2030 + n // 300}-{1 + n // 28 % 12:02d}-{1 + n % 28:02d}"
        (folder / "events" / f"bench-{n:04d}.yaml").write_text(EVENT.format(day=day), encoding="utf-8")
        (folder / "events" / f"bench-{n:04d}.md").write_text(
            f"# Generated event {n}\n\n:::{{event-summary}} bench-{n:04d}.yaml\n:::\n\nSome prose.\n",
            encoding="utf-8",
        )


def build(source: Path, out: Path, *options: str) -> Figures:
    command = [sys.executable, "-c", RUNNER, "-W", "--keep-going", "-b", "dirhtml", *options,
               str(source), str(out)]
    started = time.perf_counter()
    env = {**os.environ, "FAIMI_TODAY": "2026-11-25"}
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - started
    report = json.loads(done.stderr.strip().splitlines()[-1])
    if report["status"] != 0:
        sys.exit(f"the build failed:\n{done.stdout}\n{done.stderr}")
    # A parallel build reports its reading in chunks, not page by page: no count there.
    read = -1 if "-j" in options else len(re.findall(r"^reading sources\.\.\. \[", done.stdout, re.M))
    return Figures(seconds, report["peak_kib"] / 1024, read)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=0, help="generated event pages to add")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, "site")
        copy_site(source, args.events)
        pages = len(list(source.rglob("*.md")))
        results = {
            "clean build": build(source, Path(tmp, "serial")),
            "clean build, -j 2": build(source, Path(tmp, "parallel"), "-j", "2"),
            "rebuild, nothing changed": build(source, Path(tmp, "serial")),
        }
        event = source / "events" / "2025-london-symposium.yaml"
        event.write_text(event.read_text(encoding="utf-8").replace("2025-06-30", "2025-07-01"), encoding="utf-8")
        results["rebuild after one event's date changed"] = build(source, Path(tmp, "serial"))
    print(f"{pages} pages ({args.events} generated events), Python {sys.version.split()[0]}")
    print(f"{'build':<42} {'seconds':>8} {'target':>7} {'peak MiB':>9} {'target':>7}  pages read")
    for what, figures in results.items():
        max_seconds, max_mib = TARGETS[what]
        verdict = "" if figures.seconds <= max_seconds and figures.peak_mib <= max_mib else "  OVER TARGET"
        print(f"{what:<42} {figures.seconds:8.1f} {max_seconds:7.0f} {figures.peak_mib:9.0f} {max_mib:7d}"
              f"  {figures.read if figures.read >= 0 else '-':>10}{verdict}")


if __name__ == "__main__":
    main()
