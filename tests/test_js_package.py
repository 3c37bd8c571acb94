"""The npm package in ``js/``: one committed source, its own ``node --test`` suite, its
declarations checked by ``tsc --noEmit`` and by are-the-types-wrong in every resolution mode,
``npm pack`` installing with no network, its examples, and the wheel carrying the built script.

Each check is skipped when its tool is missing (``node``, ``npm``, TypeScript or attw in
``js/node_modules``, installed by ``npm ci --prefix js``, hatchling); CI installs them all.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import js_fixtures
import nrscompose
from nrscompose.forms import counter_script

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "js"
NODE = shutil.which("node")
NPM = shutil.which("npm")
TSC = PACKAGE / "node_modules" / "typescript" / "bin" / "tsc"
ATTW = PACKAGE / "node_modules" / "@arethetypeswrong" / "cli" / "dist" / "index.js"
SOURCE = PACKAGE / "src"
needs_node = pytest.mark.skipif(NODE is None, reason="node is not on PATH")
needs_npm = pytest.mark.skipif(NODE is None or NPM is None, reason="npm is not on PATH")


def _run(command: list[str], cwd: Path, timeout: int = 300) -> str:
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, check=False, timeout=timeout
    )
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_the_counter_has_one_committed_source() -> None:
    """No twin of the script in the Python package, no generator inside it."""
    tracked = _run(["git", "ls-files"], ROOT).split() if (ROOT / ".git").exists() else []
    forms = ROOT / "src" / "nrscompose" / "forms"
    assert not (forms / "static" / "nrscompose-counter.js").exists()
    assert not (forms / "_generate_js.py").exists()
    assert (ROOT / "tools" / "generate_counter_data.py").exists()
    if tracked:
        assert not [path for path in tracked if path.endswith("nrscompose-counter.js")]


def test_the_checkout_builds_the_classic_script_from_the_package() -> None:
    script = counter_script.counter_script().decode("utf-8")
    assert script == counter_script.classic_script(SOURCE)
    assert "root.NrsCounter = api;" in script
    common = counter_script.commonjs_script(SOURCE)
    assert "module.exports = api;" in common
    assert "NrsCounter" not in common.replace("NrsCounter.", "")  # no global, no auto-attach


def test_the_build_refuses_what_its_line_rules_do_not_handle(tmp_path: Path) -> None:
    for name in ("tables.mjs", "counter.mjs"):
        shutil.copy(SOURCE / name, tmp_path / name)
    counter = tmp_path / "counter.mjs"
    counter.write_text(counter.read_text("utf-8") + "export default 1;\n", "utf-8")
    with pytest.raises(counter_script.CounterSourceError, match=r"counter\.mjs:"):
        counter_script.classic_script(tmp_path)


@needs_node
def test_node_and_python_builds_give_the_same_bytes(tmp_path: Path) -> None:
    assert NODE is not None
    _run([NODE, "build.mjs", "--out", str(tmp_path)], PACKAGE)
    built = tmp_path / "nrscompose-counter.js"
    assert built.read_text("utf-8") == counter_script.classic_script(SOURCE)
    common = tmp_path / "nrscompose-counter.cjs"
    assert common.read_text("utf-8") == counter_script.commonjs_script(SOURCE)


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
    built = {"dist/nrscompose-counter.cjs", "dist/nrscompose-counter.js"}
    assert {f for f in package["files"] if not (PACKAGE / f).exists()} <= built
    assert package["sideEffects"] is False
    assert "LICENSE" in package["files"]
    assert package["repository"]["directory"] == "js"
    assert package["homepage"].startswith("https://")


@needs_node
def test_node_test_suite_passes() -> None:
    assert NODE is not None
    _run([NODE, "build.mjs"], PACKAGE)
    output = _run([NODE, "--test", "test/"], PACKAGE)
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
        "LICENSE",
        "index.d.ts",
        "index.d.mts",
        "browser.d.ts",
        "browser/package.json",
        "src/counter.mjs",
        "src/tables.mjs",
        "dist/nrscompose-counter.cjs",
        "dist/nrscompose-counter.js",
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
        "console.log(c.suggest('it’s ' + 'x'.repeat(70)).text.slice(0, 4), typeof NrsCounter,"
        " c.default)"
    )
    browser = "require('nrscompose-counter/browser'); console.log(typeof NrsCounter.analyze)"
    assert _run([NODE, "--input-type=module", "-e", esm], project).split() == ["2", "1"]
    assert _run([NODE, "-e", cjs], project).split() == ["it's", "undefined", "undefined"]
    assert _run([NODE, "-e", browser], project).strip() == "function"

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


@needs_npm
def test_are_the_types_wrong_finds_no_problem_in_any_resolution_mode() -> None:
    """node10, node16 from CJS and from ESM, bundler: for ``.`` and ``./browser``."""
    assert NODE is not None
    if not ATTW.exists():
        pytest.skip("@arethetypeswrong/cli is not installed: npm ci --prefix js")
    report = json.loads(_run([NODE, str(ATTW), "--pack", ".", "--format", "json"], PACKAGE))
    assert not report["problems"], report["problems"]
    analysis = report["analysis"]
    assert analysis["problems"] == []
    entrypoints = analysis["entrypoints"]
    assert set(entrypoints) >= {".", "./browser"}
    for name in (".", "./browser"):
        modes = entrypoints[name]["resolutions"]
        assert set(modes) == {"node10", "node16-cjs", "node16-esm", "bundler"}, name
        for mode, resolution in modes.items():
            assert resolution["resolution"]["isTypeScript"], (name, mode)


@needs_node
def test_examples_type_check() -> None:
    """The React hook and the Vue composable, against minimal local stubs of React and Vue."""
    assert NODE is not None
    if not TSC.exists():
        pytest.skip("TypeScript is not installed: npm ci --prefix js")
    _run([NODE, str(TSC), "--noEmit", "-p", "examples"], PACKAGE)


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.webdriver.chrome.service import Service

    binary, driver_path = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
    if not binary.exists() or not driver_path.exists():
        pytest.skip("chromium or chromedriver is missing: apt-get install chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = str(binary)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    driver = webdriver.Chrome(service=Service(executable_path=str(driver_path)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def package_site() -> Iterator[str]:
    """The package folder over HTTP (ES modules do not load from file://)."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(PACKAGE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _until(driver: Any, script: str) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, 20).until(lambda d: d.execute_script(script))


def test_the_es_module_loads_in_a_browser_without_a_bundler(
    chromium: Any, package_site: str
) -> None:
    """The plain page (an import map) counts as the user types; a direct import works too."""
    chromium.get(f"{package_site}/examples/plain.html")
    _until(chromium, "return document.getElementById('count').textContent !== ''")
    textarea = chromium.find_element("id", "message")
    textarea.send_keys("Olá 😀")
    assert _until(chromium, "return document.getElementById('count').textContent") == (
        "utf-16 · 1 part · 64 left"
    )
    found = chromium.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "import('/src/counter.mjs').then(m => done([m.analyze('€'.repeat(81)).parts,"
        " typeof window.NrsCounter, m.default === undefined]), e => done(String(e)));"
    )
    assert found == [2, "undefined", True]


def _venv_with_our_dependencies(folder: Path) -> Path:
    """A fresh virtual environment that sees this interpreter's packages (not this checkout)."""
    import site
    import venv

    venv.create(folder, with_pip=False)
    python = folder / "bin" / "python"
    purelib = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], folder
    ).strip()
    deps = [p for p in site.getsitepackages() if "site-packages" in p]
    Path(purelib, "_deps.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    return python


SERVED = (
    "from nrscompose.forms import counter_script; import sys;"
    "sys.stdout.write(counter_script.counter_script().decode())"
)


@pytest.mark.slow
def test_a_wheel_carries_the_built_script_and_an_editable_install_builds_it(
    tmp_path: Path,
) -> None:
    """The hatch build hook puts the classic script into the wheel (and no generator); an
    editable install serves it from js/. Both are what the demo server sends."""
    pytest.importorskip("hatchling", reason="hatchling is not installed")
    import zipfile

    wheels = tmp_path / "wheels"
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        tmp_path,
    )
    (wheel,) = wheels.glob("nrscompose-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    expected = counter_script.classic_script(SOURCE)
    script = "nrscompose/forms/static/nrscompose-counter.js"
    assert zipfile.ZipFile(wheel).read(script).decode("utf-8") == expected
    assert not [n for n in names if "generate" in n or n.startswith("tools/")]

    installed = _venv_with_our_dependencies(tmp_path / "wheel-venv")
    _run([str(installed), "-m", "pip", "install", "--no-deps", "-q", str(wheel)], tmp_path)
    assert _run([str(installed), "-c", SERVED], tmp_path) == expected

    editable = _venv_with_our_dependencies(tmp_path / "editable-venv")
    _run(
        [
            str(editable),
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-e",
            str(ROOT),
        ],
        tmp_path,
    )
    assert _run([str(editable), "-c", SERVED], tmp_path) == expected
    assert not (ROOT / "src" / script).exists()  # nothing written into the source tree


def test_a_checkout_writes_the_script_for_django(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "nrscompose.forms.counter_script", str(tmp_path / "static")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert done.returncode == 0, done.stderr
    written = (tmp_path / "static" / counter_script.SCRIPT_NAME).read_text("utf-8")
    assert written == counter_script.classic_script(SOURCE)
    assert counter_script.main([]) == 2
