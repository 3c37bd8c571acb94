"""Hatch build hook: put the live counter's classic script into the wheel.

The counter's one committed source is the npm package in ``js/`` (``js/src/counter.mjs`` and
the generated ``js/src/tables.mjs``). A wheel needs the classic browser script the demo page and
the Django widget load, ``nrscompose/forms/static/nrscompose-counter.js``: this hook builds it
with :func:`nrscompose.forms.counter_script.classic_script` (loaded by path: the package is not
installed while it is being built) and adds it to the wheel. An editable install gets nothing
here: :func:`nrscompose.forms.counter_script.counter_script` builds the script from ``js/``.
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

TARGET = "nrscompose/forms/static/nrscompose-counter.js"


class CounterScriptHook(BuildHookInterface):  # type: ignore[type-arg]  # hatchling is untyped
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        spec = importlib.util.spec_from_file_location(
            "_counter_script", root / "src" / "nrscompose" / "forms" / "counter_script.py"
        )
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        self._folder = Path(tempfile.mkdtemp(prefix="nrscompose-counter-"))
        script = self._folder / "nrscompose-counter.js"
        script.write_text(module.classic_script(root / "js" / "src"), encoding="utf-8")
        build_data["force_include"][str(script)] = TARGET

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
