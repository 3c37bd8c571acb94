"""The npm package in ``js/``: current files, its own ``node --test`` suite, its declarations
checked by ``tsc --noEmit`` on a small consumer, and ``npm pack`` installing with no network.

Each check is skipped when its tool is missing (``node``, ``npm``, or TypeScript in
``js/node_modules``, installed by ``npm ci --prefix js``); CI installs them all.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import js_fixtures
import nrscompose
from nrscompose.forms import _generate_js

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "js"
NODE = shutil.which("node")
NPM = shutil.which("npm")
TSC = PACKAGE / "node_modules" / "typescript" / "bin" / "tsc"
needs_node = pytest.mark.skipif(NODE is None, reason="node is not on PATH")
needs_npm = pytest.mark.skipif(NODE is None or NPM is None, reason="npm is not on PATH")


def _run(command: list[str], cwd: Path, timeout: int = 300) -> str:
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, check=False, timeout=timeout
    )
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_package_script_is_the_demo_script() -> None:
    assert _generate_js.stale_copies() == [], "run python -m nrscompose.forms._generate_js"
    assert (PACKAGE / "nrscompose-counter.js").read_bytes() == _generate_js.COUNTER_JS.read_bytes()


def test_generator_check_reports_a_stale_package_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "js" / "nrscompose-counter.js"
    copy.parent.mkdir()
    copy.write_text("stale", encoding="utf-8")
    monkeypatch.setattr(_generate_js, "PACKAGE_JS", copy)
    assert _generate_js.main(["--check"]) == 1
    assert _generate_js.copy_to_package() is True
    assert _generate_js.main(["--check"]) == 0


def test_fixtures_are_pythons_current_answers() -> None:
    assert js_fixtures.FIXTURES.read_text(encoding="utf-8") == js_fixtures.render(), (
        "js/test/fixtures.json is stale: run python tests/js_fixtures.py"
    )


def test_fixtures_cover_the_boundaries() -> None:
    texts = js_fixtures.fixtures()["texts"]
    assert any(text.count("€") == 1 and len(text) in (153, 160, 161) for text in texts)
    assert any(
        "😀" in text and len(text.encode("utf-16-le")) // 2 in (67, 70, 71) for text in texts
    )
    for needle in ("\u200d", "🇵🇹", "1️⃣", "\r\n"):
        assert any(needle in text for text in texts), needle


def test_package_version_is_the_python_version() -> None:
    package = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))
    assert package["version"] == nrscompose.__version__
    assert set(package["files"]) <= {p.name for p in PACKAGE.iterdir()}


@needs_node
def test_node_test_suite_passes() -> None:
    assert NODE is not None
    output = _run([NODE, "--test", "test/counter.test.mjs"], PACKAGE)
    assert "# fail 0" in output


@needs_npm
def test_npm_pack_installs_offline_and_type_checks(tmp_path: Path) -> None:
    assert NODE is not None
    assert NPM is not None
    npm = [NPM, "--cache", str(tmp_path / "npm-cache"), "--no-audit", "--no-fund"]
    packed = json.loads(
        _run([*npm, "pack", "--json", "--pack-destination", str(tmp_path)], PACKAGE)
    )
    tarball = tmp_path / packed[0]["filename"]
    shipped = {entry["path"] for entry in packed[0]["files"]}
    assert shipped == {
        "package.json",
        "README.md",
        "index.d.ts",
        "index.mjs",
        "nrscompose-counter.js",
    }

    project = tmp_path / "consumer"
    project.mkdir()
    (project / "package.json").write_text('{"name": "consumer", "private": true}', "utf-8")
    _run([*npm, "install", "--offline", str(tarball)], project)
    esm = (
        "import {analyze, split} from 'nrscompose-counter';"
        "console.log(analyze('€'.repeat(81)).parts, split('hi').length)"
    )
    cjs = (
        "const c = require('nrscompose-counter');"
        "console.log(c.suggest('it’s ' + 'x'.repeat(70)).text.slice(0, 4))"
    )
    assert _run([NODE, "--input-type=module", "-e", esm], project).split() == ["2", "1"]
    assert _run([NODE, "-e", cjs], project).strip() == "it's"

    if not TSC.exists():
        pytest.skip("TypeScript is not installed: npm ci --prefix js")
    for name in ("tsconfig.json", "consumer.mts", "consumer.cts"):
        shutil.copy(PACKAGE / "types-check" / name, project / name)
    _run([NODE, str(TSC), "--noEmit", "-p", str(project)], project)
    (project / "consumer.mts").write_text(
        "import { analyze } from 'nrscompose-counter';\nconst n: string = analyze('x').parts;\n"
        "console.log(n);\n",
        "utf-8",
    )
    wrong = subprocess.run(
        [NODE, str(TSC), "--noEmit", "-p", str(project)],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert wrong.returncode != 0
    assert "not assignable to type 'string'" in wrong.stdout
