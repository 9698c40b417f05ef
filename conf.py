"""Sphinx configuration of the FAIMI site."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "Fairness of AI in Medical Imaging"
author = "The FAIMI organizers"
copyright = "2022–2026, the FAIMI organizers"
language = "en"

extensions = ["myst_parser", "sphinx_design", "faimi"]

# Only the site's own pages are sources: README, tests and build output are not.
include_patterns = ["index.md", "events/**", "people/**"]
exclude_patterns = ["_build", ".venv", "**/.pytest_cache"]

myst_enable_extensions = ["colon_fence", "deflist", "attrs_inline"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "FAIMI"
html_static_path = ["_static"]
templates_path = ["_templates"]
# The site publishes pages, not their Markdown sources.
html_copy_source = False
html_show_sourcelink = False
html_show_sphinx = False

faimi_people_file = "people/people.yaml"
smartquotes = False  # names and titles from the data are shown exactly as written
faimi_today = os.environ.get("FAIMI_TODAY", "")  # "YYYY-MM-DD" pins the build date
