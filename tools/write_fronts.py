"""Write the public fronts: short modules that keep the documented import paths.

The implementation lives in the layer folders (``_base``, ``_counting``, ``_rules``,
``_composition``); users import ``nrscompose.profiles``, ``nrscompose.windows`` and the other
paths the README and docs show. Each front re-exports its implementation's ``__all__`` by name
(readers and type checkers see every name) and carries its docstring. After changing a public
``__all__``, run ``python tools/write_fronts.py`` and commit the result;
``tests/test_package_fronts.py`` fails when a front and its implementation disagree.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "nrscompose"
# public path -> implementation
FRONTS = {
    "errors": "_base.errors",
    "problems": "_base.problems",
    "http": "_base.http",
    "charsets": "_counting.charsets",
    "charsets.codec": "_counting.charsets.codec",
    "charsets.pdu": "_counting.charsets.pdu",
    "profiles": "_counting.profiles",
    "splitting": "_counting.splitting",
    "transliterate": "_counting.transliterate",
    "suggestions": "_counting.suggestions",
    "user_data": "_counting.user_data",
    "destinations": "_rules.destinations",
    "pricing": "_rules.pricing",
    "windows": "_rules.windows",
    "content": "_rules.content",
    "template": "_composition.template",
    "filters": "_composition.filters",
    "jinja": "_composition.jinja",
}


def front_text(public: str, implementation: str) -> str:
    names = importlib.import_module(f"nrscompose.{implementation}").__all__
    imports = "".join(f"    {name},\n" for name in names)
    listed = "".join(f'    "{name}",\n' for name in names)
    home, _, leaf = f"nrscompose.{implementation}".rpartition(".")
    return (
        f"# The public path of nrscompose.{implementation}: written by tools/write_fronts.py\n"
        f"from {home} import {leaf} as _implementation\n"
        f"from nrscompose.{implementation} import (\n{imports})\n\n"
        f"__doc__ = _implementation.__doc__\n"
        f"__all__ = [\n{listed}]\n"
    )


def front_path(public: str) -> Path:
    parts = public.split(".")
    is_package = any(other.startswith(public + ".") for other in FRONTS)
    if is_package:
        return PACKAGE.joinpath(*parts, "__init__.py")
    return PACKAGE.joinpath(*parts).with_suffix(".py")


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    for public, implementation in FRONTS.items():
        path = front_path(public)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front_text(public, implementation), encoding="utf-8")


if __name__ == "__main__":
    main()
