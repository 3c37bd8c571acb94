"""Every import in the package follows the layers its docstring names (``nrscompose.__doc__``).

The source is read, not imported: an import inside a function counts as much as one at the top,
since it is the same dependency, only later.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import nrscompose

SRC = Path(nrscompose.__file__).parent

# The layers of nrscompose.__doc__, lowest first: a module may import its own layer and below.
LAYERS: dict[str, int] = {
    "_error_base": 1,
    "errors": 1, "problems": 1, "vocabularies": 1, "messages": 1, "patterns": 1, "http": 1,
    "_jsonfile": 1,
    # hostile input (issue 23): bounded reads, ISO 4217, CSV cells, the sandbox's sizes
    "_input_files": 1, "_currencies": 1, "_csv_cells": 1, "_jinja_sizes": 1,
    "_workbook_bounds": 7,
    "charsets": 2,
    "profiles": 3, "transliterate": 3, "cuts": 3, "splitting": 3, "analysis": 3,
    "suggestions": 3,
    "user_data": 3,
    "message_rules": 4,
    "filters": 5, "template": 5, "rows": 5, "destinations": 5, "numbers": 5, "pricing": 5,
    "windows": 5,
    "providers": 6,
    "campaign": 7, "forms": 7, "recipient_files": 7, "_excel": 7,
    "transports": 8, "jinja": 8, "cli": 8, "forms.demo": 8,
}  # fmt: skip


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(p for p in parts if p != "__init__")


def _layer(module: str) -> int:
    """The layer of ``module`` (dotted, below ``nrscompose``): its longest listed prefix."""
    parts = module.split(".")
    for size in range(len(parts), 0, -1):
        layer = LAYERS.get(".".join(parts[:size]))
        if layer is not None:
            return layer
    raise AssertionError(f"nrscompose.{module} is in no layer: add it to the docstring")


def _imports(path: Path) -> list[tuple[str, list[str], int]]:
    """(module imported, names imported from it, line) for every nrscompose import."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "nrscompose":  # from nrscompose import windows: submodules
                for alias in node.names:
                    found.append((alias.name, [], node.lineno))
            elif node.module.startswith("nrscompose."):
                names = [alias.name for alias in node.names]
                found.append((node.module.removeprefix("nrscompose."), names, node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("nrscompose."):
                    found.append((alias.name.removeprefix("nrscompose."), [], node.lineno))
    return found


MODULES = sorted(p for p in SRC.rglob("*.py") if p.name != "__main__.py")
PACKAGE_ROOT = Path(nrscompose.__file__)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_point_down_the_layers(path: Path) -> None:
    if path == PACKAGE_ROOT:
        return  # the package's lazy attributes name every layer
    own = _module_name(path)
    for module, _, line in _imports(path):
        if module.startswith(own.split(".")[0] + ".") or module == own.split(".")[0]:
            continue  # inside its own package
        assert _layer(module) <= _layer(own), (
            f"nrscompose.{own} (layer {_layer(own)}) imports nrscompose.{module} "
            f"(layer {_layer(module)}) at line {line}"
        )


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_reaches_into_another_packages_private_names(path: Path) -> None:
    """A subpackage's private modules and names are its own; the root package's private helper
    modules (``_jsonfile``) serve every module."""
    own_package = _module_name(path).split(".")[0]
    for module, names, line in _imports(path):
        if module.split(".")[0] == own_package or "." not in module:
            continue
        private = [n for n in names if n.startswith("_")]
        private_module = [p for p in module.split(".") if p.startswith("_")]
        where = f"{path.relative_to(SRC)}:{line}"
        assert not private, f"{where} imports private names {private} of {module}"
        assert not private_module, f"{where} imports the private module {module}"


def test_no_import_cycle_between_layers() -> None:
    """Modules of one layer may import each other, but not in a cycle."""
    graph: dict[str, set[str]] = {}
    for path in MODULES:
        own = _module_name(path)
        graph[own] = {m for m, _, _ in _imports(path) if m != own and path != PACKAGE_ROOT}
    modules = set(graph)

    def resolve(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    edges = {m: {r for t in targets if (r := resolve(t)) is not None and r != m}
             for m, targets in graph.items()}  # fmt: skip
    visiting: list[str] = []
    done: set[str] = set()

    def visit(module: str) -> None:
        if module in done:
            return
        assert module not in visiting, "import cycle: " + " -> ".join([*visiting, module])
        visiting.append(module)
        for target in edges[module]:
            if not _is_package_of(target, module):
                visit(target)
        visiting.pop()
        done.add(module)

    for module in sorted(modules):
        visit(module)


def _is_package_of(package: str, module: str) -> bool:
    """A package's ``__init__`` re-exporting its own submodules is not a cycle."""
    return module.startswith(package + ".")


def _loaded_by_import_nrscompose(names: tuple[str, ...]) -> list[str]:
    code = (
        "import sys, nrscompose; "
        f"print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in {names!r})))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return run.stdout.split()


def test_import_nrscompose_stays_light() -> None:
    """``import nrscompose`` (counting only) loads neither babel, phonenumbers, gettext, typing
    nor the optional packages; they are imported where they are used."""
    heavy = ("babel", "phonenumbers", "typing", "gettext", "pandas", "pyarrow", "holidays")
    assert _loaded_by_import_nrscompose(heavy) == []


def test_import_nrscompose_loads_no_regex_nor_dataclasses() -> None:
    assert _loaded_by_import_nrscompose(("re", "dataclasses", "inspect")) == []


def test_a_form_check_does_not_load_the_request_builders() -> None:
    """forms needs the 360nrs code table, not every builder, parser and send-window rule."""
    code = (
        "import sys, nrscompose.forms; "
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('nrscompose.'))))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = run.stdout.split()
    assert "nrscompose.providers.nrs.codes" in loaded
    for heavy in ("nrscompose.providers.nrs.requests_sms", "nrscompose.windows", "nrscompose.http"):
        assert heavy not in loaded
