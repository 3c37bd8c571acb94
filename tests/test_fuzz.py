"""Property tests over every entry point that reads outside data: whatever arrives, the only
errors are the library's own. The targets live in ``fuzz_targets.py`` and also run under
atheris (see that module). ``NRS_FUZZ_EXAMPLES`` raises the number of examples per test."""

from __future__ import annotations

import contextlib
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzz_targets
from nrscompose.providers import nrs

# About 400 examples per target, a few thousand in all: well under a minute in CI.
FUZZ = settings(
    max_examples=int(os.environ.get("NRS_FUZZ_EXAMPLES", "400")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=20,
)  # fmt: skip
hostile_text = st.text() | st.sampled_from(
    ["[" * 1000, "{" * 1000, '{"a":' * 1000, "9" * 5000, "\ud800", "²", "١٢٣", "\x00"]
)


@FUZZ
@given(st.binary())
def test_responses_from_bytes(data: bytes) -> None:
    fuzz_targets.responses(data)


@FUZZ
@given(st.integers(100, 599), json_values, st.sampled_from(fuzz_targets.KINDS))
def test_responses_from_json(status: int, value: object, kind: str) -> None:
    with contextlib.suppress(nrs.NrsApiError):
        nrs.parse_response(status, json.dumps(value), kind)


@FUZZ
@given(st.binary() | st.dictionaries(st.sampled_from(["event", "channel", "extra", "contactId",
                                                      "campaignId", "formId", "eventDate"]),
                                     hostile_text).map(lambda d: _form_body(d)))  # fmt: skip
def test_events(data: bytes) -> None:
    fuzz_targets.events(data)


def _form_body(fields: dict[str, str]) -> bytes:
    from urllib.parse import urlencode

    return urlencode(fields, errors="surrogatepass").encode("utf-8", "surrogatepass")


@FUZZ
@given(st.binary())
def test_validate_from_bytes(data: bytes) -> None:
    fuzz_targets.validate(data)


@FUZZ
@given(
    st.sampled_from(fuzz_targets.VALIDATE_KINDS),
    st.dictionaries(
        st.sampled_from(["to", "from", "message", "encoding", "language", "gender", "parts",
                         "scheduledAt", "sub", "templateId", "otpConfig", "audioUrl", "trans"]),
        json_values | hostile_text,
    ),
)  # fmt: skip
def test_validate_from_payloads(kind: str, payload: dict[str, object]) -> None:
    fuzz_targets.validate_payload(kind, payload)


@FUZZ
@given(st.binary() | hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_templates(data: bytes) -> None:
    fuzz_targets.templates(data)


@FUZZ
@given(st.binary(max_size=200) | st.text(alphabet="{}%#()*+-~|'\"abn0123456789 .[]",
                                         max_size=60).map(str.encode))  # fmt: skip
def test_jinja_sandbox(data: bytes) -> None:
    fuzz_targets.jinja(data)


@FUZZ
@given(st.binary(max_size=400) | st.text(alphabet="0123456789+ ,\"\n\r{}|ñ😀", max_size=200)
       .map(str.encode))  # fmt: skip
def test_csv_rows(data: bytes) -> None:
    fuzz_targets.csv_rows(data)


@FUZZ
@given(st.binary())
def test_forms(data: bytes) -> None:
    fuzz_targets.forms(data)


hostile_path_values = st.sampled_from(
    [
        "..",
        ".",
        "",
        "../..",
        "%2e%2e",
        ".%2E",
        "a/../b",
        "1/..",
        "1?x=1",
        "1#x",
        "\\..",
        " 1",
        "１",
        "1\n",
        "0",
        "-1",
        "1e3",
        "34666555444/..",
        "+34666555444",
    ]
).map(lambda text: bytes([0]) + text.encode())


@FUZZ
@given(st.integers(0, len(fuzz_targets.PATH_BUILDERS) - 1),
       st.binary(max_size=40) | hostile_path_values)  # fmt: skip
def test_path_parameters(builder: int, data: bytes) -> None:
    fuzz_targets.path_parameters(bytes([builder]) + data)


@FUZZ
@given(st.binary() | st.text(alphabet="ab.@/?# \t:", max_size=80).map(str.encode))
def test_patterns(data: bytes) -> None:
    fuzz_targets.patterns(data)


@FUZZ
@given(st.binary(max_size=300) | st.text(alphabet='<>/="rcvts0123456789AXFD &;!-', max_size=120)
       .map(lambda text: b"\x00" + text.encode()))  # fmt: skip
def test_workbooks(data: bytes) -> None:
    fuzz_targets.workbooks(data)
