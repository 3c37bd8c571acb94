"""Rewrite the name table of ``nrscompose.providers.nrs`` from its submodules' ``__all__``.

The package front lists every name explicitly (readers and type checkers see them; nothing is
assembled at run time). After adding a public name to a submodule, run
``python tools/write_nrs_front.py`` and commit the result; ``tests/test_nrs_requests.py``
fails when the front and the submodules disagree.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FRONT = ROOT / "src/nrscompose/providers/nrs/__init__.py"
# Cheap modules first: the code tables, credentials and parsers import a handful of modules.
MODULES = ("catalogue", "codes", "_base", "responses", "reports", "mail", "delivery",
           "requests_channels", "requests_resources", "requests_sms", "_validate")  # fmt: skip
SHARED = {"nrscompose._base.errors": ("MalformedResponseError",),
          "nrscompose._base.http": ("HttpRequest", "HttpResponse")}  # fmt: skip


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    homes: dict[str, tuple[str, ...]] = dict(SHARED)
    taken = {name for names in SHARED.values() for name in names}
    for short in MODULES:
        module = f"nrscompose.providers.nrs.{short}"
        names = sorted(set(importlib.import_module(module).__all__) - taken)
        taken.update(names)
        homes[module] = tuple(names)
    imports = "".join(
        f"    from {module} import (\n"
        + "".join(f"        {n} as {n},\n" for n in names)
        + "    )\n"
        for module, names in homes.items()
    )
    table = "".join(_table_row(module, names) for module, names in homes.items())
    text = FRONT.read_text(encoding="utf-8")
    text = re.sub(r"(if TYPE_CHECKING:\n).*?(\n# module -> )", lambda m: m[1] + imports + m[2],
                  text, count=1, flags=re.S)  # fmt: skip
    text = re.sub(r"(_EXPORTS: dict\[str, tuple\[str, \.\.\.\]\] = \{\n).*?(\}\n)",
                  lambda m: m[1] + table + m[2], text, count=1, flags=re.S)  # fmt: skip
    FRONT.write_text(text, encoding="utf-8")


def _table_row(module: str, names: tuple[str, ...]) -> str:
    """One entry of the table, as ruff formats it (a one-name tuple on one line)."""
    if len(names) == 1:
        return f'    "{module}": ("{names[0]}",),\n'
    return f'    "{module}": (\n' + "".join(f'        "{n}",\n' for n in names) + "    ),\n"


if __name__ == "__main__":
    main()
