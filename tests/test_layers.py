"""What the import contracts in ``pyproject.toml`` (``lint-imports``) do not check: private
names, cycles inside a layer, and what ``import nrscompose`` loads.

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


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(p for p in parts if p != "__init__")


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
def test_no_private_name_crosses_a_module_boundary(path: Path) -> None:
    """A private name (``_x``) is its module's own; a private module is its package's own (the
    root package's private helpers, such as ``_jsonfile``, serve every module)."""
    own = _module_name(path)
    where = f"{path.relative_to(SRC)}"
    for module, names, line in _imports(path):
        submodules = [n for n in names if _is_module(f"{module}.{n}")]
        for submodule in submodules:
            _check_private_module(f"{module}.{submodule}", own, f"{where}:{line}")
        private = [n for n in names if n.startswith("_") and n not in submodules]
        assert module == own or not private, f"{where}:{line} imports {private} of {module}"
        _check_private_module(module, own, f"{where}:{line}")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_private_attribute_of_another_module_is_read(path: Path) -> None:
    """``module._name`` through an imported nrscompose module is a private name crossing too."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules = _imported_module_aliases(tree)
    reached = [
        f"{path.relative_to(SRC)}:{node.lineno} reads {node.value.id}.{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
        and node.value.id in modules and node.attr.startswith("_")
        and not node.attr.startswith("__")
    ]  # fmt: skip
    assert reached == []


def _imported_module_aliases(tree: ast.AST) -> set[str]:
    """The local names this source binds to nrscompose modules."""
    aliases = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            aliases |= {a.asname for a in node.names if a.asname and a.name.startswith(PACKAGE)}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(PACKAGE):
            module = (node.module or "").removeprefix(PACKAGE)
            aliases |= {a.asname or a.name for a in node.names
                        if _is_module(f"{module}.{a.name}".lstrip("."))}  # fmt: skip
    return aliases


PACKAGE = "nrscompose"


def _is_module(dotted: str) -> bool:
    path = SRC.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _check_private_module(module: str, importer: str, where: str) -> None:
    parts = module.split(".")
    for index, part in enumerate(parts):
        if part.startswith("_"):
            package = ".".join(parts[:index])
            assert not package or importer == package or importer.startswith(package + "."), (
                f"{where} imports {module}, private to nrscompose.{package}"
            )


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
    for heavy in (
        "nrscompose.providers.nrs.requests_sms",
        "nrscompose._rules.windows",
        "nrscompose._base.http",
    ):
        assert heavy not in loaded
