"""Every regular expression applied to outside data runs in linear time (issue 23, item 1).

Each case times one entry point on 100 KB of its worst input against the same input at 1 KB.
A linear cost grows about 100 times, a quadratic one about 10,000 times; the bound sits far from
both so that a loaded machine passes and a quadratic pattern cannot.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from nrscompose._base import patterns
from nrscompose._base.errors import NrsComposeError
from nrscompose._composition.template import Template
from nrscompose.campaign import estimate
from nrscompose.forms import check_message
from nrscompose.forms.check import normalize_newlines
from nrscompose.providers import nrs

SMALL, LARGE = 1_000, 100_000
RATIO = 1_500  # linear: ~100; quadratic: ~10,000

# The worst inputs of each shape: a run the pattern may split in many ways, then a character
# that makes the whole match fail at the very end.
URL_WORST: dict[str, Callable[[int], str]] = {
    "dotted host then @": lambda n: "http://" + "a." * (n // 2) + "@",
    "dots then space": lambda n: "http://a" + "." * n + " ",
    "host then space": lambda n: "https://a.b" + "c" * n + " x",
}
EMAIL_WORST: dict[str, Callable[[int], str]] = {
    "dotted domain then @": lambda n: "a@" + "a." * (n // 2) + "@",
    "local then @@": lambda n: "a" * n + "@@",
    "dots then space": lambda n: "a@a" + "." * n + " ",
}


def _elapsed(run: Callable[[str], object], text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(NrsComposeError, ValueError):
            run(text)
        best = min(best, time.perf_counter() - start)
    return best


def assert_linear(run: Callable[[str], object], worst: Callable[[int], str]) -> None:
    small = _elapsed(run, worst(SMALL), 20)
    large = _elapsed(run, worst(LARGE), 2)
    floor = 2e-5  # below this, a 1 KB run is timer noise
    assert large / max(small, floor) < RATIO, (large, small)


# ------------------------------------------------------------------------- the patterns


@pytest.mark.parametrize("shape", URL_WORST)
def test_http_url_is_linear(shape: str) -> None:
    assert_linear(patterns.HTTP_URL.fullmatch, URL_WORST[shape])


@pytest.mark.parametrize("shape", EMAIL_WORST)
def test_email_is_linear(shape: str) -> None:
    assert_linear(patterns.EMAIL.fullmatch, EMAIL_WORST[shape])


@pytest.mark.parametrize("pattern", [patterns.API_DATETIME, patterns.CLOCK])
def test_fixed_length_patterns_are_linear(pattern: object) -> None:
    assert_linear(pattern.fullmatch, lambda n: "1" * n)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("http://a.b", True), ("HTTPS://a.b/x?y#z", True), ("http://..a", True),
        ("http://a..", True), ("http://a.", False), ("http://.a", False), ("http://ab", False),
        ("http://a.b c", False), ("http://a@b.c", False), ("http://a.b/ c", False),
        ("ftp://a.b", False), ("http://a.b.c.d/e", True),
    ],
)  # fmt: skip
def test_http_url_accepts_what_it_accepted(text: str, matches: bool) -> None:
    assert (patterns.HTTP_URL.fullmatch(text) is not None) is matches


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("a@b.c", True), ("a@..c", True), ("a@b..", True), ("a@.b", False), ("a@b.", False),
        ("a@bc", False), ("a@b@c.d", False), ("a b@c.d", False), ("@b.c", False),
        ("a.b@c.d.e", True),
    ],
)  # fmt: skip
def test_email_accepts_what_it_accepted(text: str, matches: bool) -> None:
    assert (patterns.EMAIL.fullmatch(text) is not None) is matches


# --------------------------------------------------------------- the ways outside data reaches them


def _shorten(url: str) -> object:
    return Template("{u|shorten}").render({"u": url})


def _jinja_shorten(url: str) -> object:
    from nrscompose._composition.jinja import sandboxed_environment

    return sandboxed_environment().from_string("{{ u|shorten }}").render(u=url)


def _check_values(url: str) -> object:  # what /api/check runs on a form with values
    return check_message("Visit {u|shorten}", template_values={"u": url})


def _preview(url: str) -> object:  # what /api/preview runs
    return Template("{u|shorten}").preview({"u": url}, lenient=True)


def _notification_url(url: str) -> object:
    payload = {"to": ["34666555444"], "from": "TEST", "message": "Hi", "notificationUrl": url}
    return nrs.validate("sms", payload)


def _mailing(address: str) -> object:
    payload = {"to": [address], "fromName": "Shop", "fromEmail": address, "subject": "Hi",
               "body": "<p>Hi</p>"}  # fmt: skip
    return nrs.validate("mailing", payload)


@pytest.mark.parametrize(
    "run", [_shorten, _jinja_shorten, _check_values, _preview, _notification_url]
)
def test_every_way_to_a_url_is_linear(run: Callable[[str], object]) -> None:
    assert_linear(run, URL_WORST["dotted host then @"])


def test_mailing_addresses_are_linear() -> None:
    assert_linear(_mailing, EMAIL_WORST["dotted domain then @"])


def test_estimate_rows_with_url_cells_are_linear(tmp_path: Path) -> None:
    def run(url: str) -> object:
        path = tmp_path / "recipients.csv"
        rows = "".join(f"3466655544{n},{url}\n" for n in range(4))
        path.write_text("phone,u\n" + rows, encoding="utf-8")
        return estimate(path, "Visit {u|shorten}", lenient=True)

    assert_linear(run, URL_WORST["dotted host then @"])


# ------------------------------------------------------------- the other patterns of the library


@pytest.mark.parametrize(
    "worst",
    [
        lambda n: "{a" * (n // 2), lambda n: "{a|" * (n // 3), lambda n: "{" + "a" * n + "!",
        lambda n: "{a|b" * (n // 4), lambda n: "{a." * (n // 3),
    ],
)  # fmt: skip
def test_template_parsing_is_linear(worst: Callable[[int], str]) -> None:
    assert_linear(Template, worst)


@pytest.mark.parametrize("worst", [lambda n: "\r" * n, lambda n: "\r\n\n" * (n // 3)])
def test_newline_normalizing_is_linear(worst: Callable[[int], str]) -> None:
    assert_linear(normalize_newlines, worst)


def test_capitalize_all_is_linear() -> None:
    assert_linear(lambda text: Template("{a|capitalizeAll}").render({"a": text}),
                  lambda n: " a" * (n // 2))  # fmt: skip


def test_request_placeholders_are_linear() -> None:
    def run(message: str) -> object:
        return nrs.sms(to=["34666555444"], sender="TEST", message=message,
                       credentials=nrs.Credentials("user", "secret"), parts=15)  # fmt: skip

    assert_linear(run, lambda n: "{a" + "." * n)


def test_jinja_format_widths_are_linear() -> None:
    from nrscompose._composition.jinja import sandboxed_environment

    template = sandboxed_environment().from_string("{{ f % () }}")
    assert_linear(lambda text: template.render(f=text), lambda n: "%" + "0" * n)


@pytest.mark.parametrize(
    "worst", [lambda n: "<" * n, lambda n: "<!--" * (n // 4), lambda n: "a@" + "a." * (n // 2)]
)
def test_jinja_builtin_text_filters_are_linear(worst: Callable[[int], str]) -> None:
    from nrscompose._composition.jinja import sandboxed_environment

    template = sandboxed_environment().from_string("{{ v|striptags|urlize|title|wordcount }}")
    assert_linear(lambda text: template.render(v=text), worst)


@pytest.mark.parametrize(
    "worst",
    [lambda n: "34" + "6" * n, lambda n: "+" + "1 " * (n // 2), lambda n: "+33(" * (n // 4)],
)
def test_phone_numbers_are_linear(worst: Callable[[int], str]) -> None:
    from nrscompose._rules.destinations import destination

    assert_linear(destination, worst)
