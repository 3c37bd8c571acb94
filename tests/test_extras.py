"""A feature whose optional library is missing says which extra installs it, in one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _without(module: str, code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter in which ``module`` cannot be imported."""
    blocked = f"import sys; sys.modules[{module!r}] = None\n"
    return subprocess.run(
        [sys.executable, "-c", blocked + code], capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("module", "code", "extra"),
    [
        ("phonenumbers", "import nrscompose as nc; nc.destination('+34612345678')", "phone"),
        (
            "phonenumbers",
            "from nrscompose.providers import nrs\n"
            "nrs.sms(to=['+34612345678'], sender='S', message='hi',"
            " credentials=nrs.Credentials('u', 'p'))",
            "phone",
        ),
        (
            "holidays",
            "from datetime import datetime, timezone\nfrom nrscompose import windows\n"
            "windows.check('+33612345678', datetime(2026, 12, 25, 12, tzinfo=timezone.utc))",
            "windows",
        ),
        (
            "jinja2",
            "from nrscompose._composition.jinja import sandboxed_environment as s; s()",
            "jinja",
        ),
    ],
)
def test_a_missing_library_names_its_extra(module: str, code: str, extra: str) -> None:
    run = _without(module, code)
    assert run.returncode == 1
    last = run.stderr.strip().splitlines()[-1]
    assert last.startswith("nrscompose._base.errors.MissingExtraError: ")
    assert f"pip install 'nrscompose[{extra}]'" in last


def test_counting_rendering_and_text_requests_need_no_extra() -> None:
    code = (
        "import sys\n"
        "for name in ('phonenumbers', 'holidays', 'jinja2', 'babel'): sys.modules[name] = None\n"
        "import nrscompose as nc\n"
        "from nrscompose._composition.template import Template\n"
        "assert nc.analyze('Olá João').parts == 1\n"
        "assert Template('Hi {name|capitalize}, {n|formatDotComma}').render("
        "{'name': 'ana', 'n': '1234.5'}) == 'Hi Ana, 1.234,5'\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr


def test_the_cli_says_which_extra_an_estimate_needs() -> None:
    code = (
        "from nrscompose.cli import main\n"
        f"sys.exit(main(['estimate', {str(EXAMPLES / 'campaign.csv')!r}, '--template', 'Hi']))"
    )
    run = _without("phonenumbers", code)
    assert run.returncode == 2
    assert "pip install 'nrscompose[phone]'" in run.stderr
    assert "Traceback" not in run.stderr
