"""Input files are read with a bound, ``request --set`` values have their field's shape, and a
sample value is refused as render refuses it (issue 23, item 11)."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import nrscompose as nc
from nrscompose._base.errors import ValidationError
from nrscompose._base.input_files import MAX_INPUT_BYTES


def run(*argv: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "nrscompose", *argv], input=stdin,
                          capture_output=True, timeout=120, check=False)  # fmt: skip


def assert_one_line_refusal(finished: subprocess.CompletedProcess[bytes], words: str) -> None:
    assert finished.returncode == 2, finished.stderr[-2000:]
    lines = finished.stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert words in lines[0]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize(
    "argv",
    [
        ("analyze", "@{}"),
        ("render", "@{}"),
        ("render", "Hi {{a}}", "--values", "{}"),
        ("estimate", "{csv}", "--template", "@{}"),
        ("estimate", "{csv}", "--template", "Hi", "--prices", "{}"),
        ("request", "sms", "--to", "34666555444", "--from", "TEST", "--message", "@{}"),
    ],
)
def test_an_endless_input_file_is_refused_at_its_bound(
    device: str, argv: tuple[str, ...], tmp_path: Path
) -> None:
    csv = tmp_path / "r.csv"
    csv.write_text("phone\n34666555444\n")
    finished = run(*(a.format(device, csv=csv) for a in argv))
    assert_one_line_refusal(finished, f"larger than {MAX_INPUT_BYTES} bytes")


def test_endless_stdin_is_refused_at_its_bound() -> None:
    finished = run("analyze", "-", stdin=b"a" * (MAX_INPUT_BYTES + 2))
    assert_one_line_refusal(finished, f"larger than {MAX_INPUT_BYTES} bytes")


@pytest.mark.parametrize(
    ("pair", "expected"),
    [
        ("sub=[1,2]", "a list of (an object of (text))"),
        ('sub=["a"]', "a list of (an object of (text))"),
        ("otp_config=5", "an object of"),
        ("available_times=5", "a list of (an object of"),
        ("available_times=[1]", "a list of (an object of"),
        ("tags=5", "a list of (text)"),
        ("candidates=5", "a list of (text)"),
    ],
)
def test_a_set_value_of_the_wrong_shape_is_one_line(pair: str, expected: str) -> None:
    finished = run("request", "sms", "--to", "34666555444", "--from", "TEST", "--message", "hi",
                   "--set", pair)  # fmt: skip
    assert_one_line_refusal(finished, expected)
    assert b"Traceback" not in finished.stderr


@pytest.mark.parametrize(
    "pair", ['sub=[{"a": "b"}]', 'sub=[{"a": 5}]', 'otp_config={"length": 6}',
             'available_times=[{"day": 1, "from": "08:00", "to": "20:00"}]', "candidates=gsm"],
)  # fmt: skip
def test_a_set_value_of_the_right_shape_still_builds(pair: str) -> None:
    finished = run("request", "sms", "--to", "34666555444", "--from", "TEST", "--message", "hi",
                   "--set", pair)  # fmt: skip
    assert finished.returncode == 0, finished.stderr


@pytest.mark.parametrize("value", [Decimal("NaN"), float("inf"), [1]])
def test_a_sample_that_is_no_value_is_refused_as_render_refuses_it(value: object) -> None:
    template = nc.Template("Hi {x}")
    with pytest.raises(ValidationError) as rendered:
        template.render({"x": value})  # type: ignore[dict-item]
    with pytest.raises(ValidationError) as analyzed:
        nc.analyze_template(template, samples=[{"x": "a"}, {"x": value}])  # type: ignore[dict-item]
    assert analyzed.value.kinds == rendered.value.kinds == ("template.filter_failed",)
    assert analyzed.value.problems[0].field == "samples[1]"
