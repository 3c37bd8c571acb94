"""Sphinx configuration of the nrscompose site: the guides (docs/*.md) and the API reference
generated from the docstrings. Build: ``sphinx-build -W --keep-going docs docs/_build``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import nrscompose  # noqa: E402

project = "nrscompose"
release = version = nrscompose.__version__
extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.viewcode"]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
html_theme = "alabaster"
myst_heading_anchors = 3
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
# The docstrings name their own module's classes with short names (:class:`Problem`); an
# unresolved one is rendered as code, not as a broken link: references are checked by the
# guides' links (myst) and by the autodoc imports, which fail the build on any error.
nitpicky = False
