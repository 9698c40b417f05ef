"""Check the site's data files without building it: python scripts/check.py [FOLDER]

Every YAML file under events/ and people/ is loaded and checked with the models of
the build, and each problem printed as the build prints it
(``events/x.yaml:3: WARNING: ... [faimi.event]``). Exit status 1 if there is any.
It needs only PyYAML, pydantic and Babel (no Sphinx), and takes a fraction of a second.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

from faimi.checker import check_project  # noqa: E402 (after the path is set)


def main(argv: list[str]) -> int:
    started = time.perf_counter()
    root = Path(argv[0]) if argv else ROOT
    found = check_project(root)
    for kind, problem in found:
        print(f"{problem.location}: WARNING: {problem.message} [faimi.{kind.name if kind else 'data'}]")
    took = time.perf_counter() - started
    if found:
        print(f"{len(found)} problem(s) in the data files ({took:.2f} s).", file=sys.stderr)
        return 1
    print(f"The data files are valid ({took:.2f} s).", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
