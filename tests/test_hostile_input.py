"""The attack cases found by fuzzing, kept as plain regression tests: parsers of outside data
raise only the library's errors, and every bad argument is a library error."""

from __future__ import annotations

import pytest

from nrscompose._base.errors import (
    ArgumentError,
    ArgumentTypeError,
    NrsComposeError,
    ValidationError,
)
from nrscompose._base.http import MAX_JSON_DEPTH, HttpRequest, load_json
from nrscompose._composition.template import Template
from nrscompose._counting.profiles import Limits, Profile
from nrscompose.providers import nrs
from nrscompose.providers.bulk_sms import BulkSmsApi, Route
from nrscompose.providers.email_contacts import ApiKey
from nrscompose.transports._retry import check_timeout

DEEP = "[" * 1000 + "]" * 1000


@pytest.mark.parametrize("status", [200, 202, 400, 500])
def test_deeply_nested_response_is_a_malformed_response(status: int) -> None:
    with pytest.raises(nrs.MalformedResponseError):
        nrs.parse_response(status, DEEP)


def test_nesting_just_within_the_bound_still_parses() -> None:
    nested = '{"a":' * (MAX_JSON_DEPTH - 1) + "1" + "}" * (MAX_JSON_DEPTH - 1)
    assert load_json(nested) is not None
    with pytest.raises(ValueError, match="nested deeper"):
        load_json("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1))


def test_an_event_is_never_dropped_for_its_extra() -> None:
    event = nrs.parse_event({"event": "x", "channel": "sms", "extra": "[" * 1000})
    assert (event.event, event.channel, dict(event.extra)) == ("x", "sms", {})
    assert event.extra_raw == "[" * 1000


@pytest.mark.parametrize("value", ["²", "١٢", "9" * 5000])
def test_event_ids_that_are_not_ascii_integers_are_malformed(value: str) -> None:
    with pytest.raises(nrs.MalformedEventError) as error:
        nrs.parse_event({"event": "x", "channel": "sms", "contactId": value})
    assert len(str(error.value)) < 200


def test_validate_reports_deep_json_as_invalid_json() -> None:
    assert [p.code for p in nrs.validate("sms", "[" * 1000)] == [125]
    assert [p.code for p in nrs.validate("sms", b'{"parts": ' + b"9" * 5000 + b"}")] == [125]


def test_an_error_code_that_is_not_an_ascii_number_is_kept_as_no_code() -> None:
    with pytest.raises(nrs.NrsApiError) as error:
        nrs.parse_response(400, '{"error":{"code":"²","description":"x"}}')
    assert type(error.value) is nrs.NrsApiError
    assert (error.value.status, error.value.code, error.value.description) == (400, None, "x")
    with pytest.raises(nrs.NrsApiError) as long_code:
        nrs.parse_response(400, '{"error":{"code":"' + "9" * 5000 + '","description":"x"}}')
    assert long_code.value.code is None


@pytest.mark.parametrize("language", [[], {}, ["es_ES"], 1.5])
def test_validate_voice_language_of_any_type_is_a_problem(language: object) -> None:
    problems = nrs.validate("voice", {"language": language})
    assert 130 in [p.code for p in problems]


@pytest.mark.parametrize(
    "build",
    [
        lambda: HttpRequest("FETCH", "https://h"),
        lambda: HttpRequest("GET", "ftp://h"),
        lambda: HttpRequest("GET", "https://h/a b"),
        lambda: HttpRequest("GET", "https://[h"),
        lambda: HttpRequest("GET", "https://h", (("X", "a\r\nB: c"),)),
        lambda: HttpRequest("GET", "https://h", body="text"),  # type: ignore[arg-type]
        lambda: nrs.Credentials("", "pw"),
        lambda: nrs.Credentials("a:b", "pw"),
        lambda: nrs.Credentials("user", ""),
        lambda: nrs.Credentials("user", "pw", base_url="dashboard.360nrs.com"),
        lambda: nrs.Credentials("user", b"pw"),  # type: ignore[arg-type]
        lambda: Limits(10, 20),
        lambda: Profile("x", "y", max_parts={"landing": 3}),
        lambda: Route("TRACE", "/a"),
        lambda: Route("GET", "a"),
        lambda: BulkSmsApi("nohost", {}),
        lambda: BulkSmsApi("https://h", {"launch": Route("GET", "/a")}),
        lambda: ApiKey("", "https://h"),
        lambda: ApiKey("k", "https://u:p@h"),
        lambda: check_timeout(float("nan")),
        lambda: check_timeout("1"),  # type: ignore[arg-type]
    ],
)
def test_bad_constructor_arguments_are_library_errors(build: object) -> None:
    assert callable(build)
    with pytest.raises(ArgumentError) as error:
        build()
    assert isinstance(error.value, NrsComposeError)
    assert isinstance(error.value, ValueError | TypeError)


def test_a_wrong_type_is_also_a_type_error() -> None:
    with pytest.raises(TypeError):
        HttpRequest("GET", "https://h", body="text")  # type: ignore[arg-type]
    assert issubclass(ArgumentTypeError, ArgumentError)


def test_parse_problems_are_capped_with_a_count_of_the_rest() -> None:
    text = "{a|" * 30_000
    with pytest.raises(ValidationError) as error:
        Template(text)
    assert len(error.value.problems) == 100
    assert error.value.omitted > 10_000
    assert f"and {error.value.omitted} more problems" in str(error.value)
    assert len(str(error.value)) < 50_000


def test_other_constructors_and_builders_raise_library_errors() -> None:
    from nrscompose._counting.charsets.pdu import concatenation_ie
    from nrscompose._rules.destinations import destination
    from nrscompose.providers.nrs import Attachment, Location

    for build in (
        lambda: Attachment("", b"x", "text/plain"),
        lambda: Attachment("a.txt", b"x", "plain"),
        lambda: Attachment("a.txt", b"x", None),
        lambda: Attachment("a.txt", "x", "text/plain"),
        lambda: Location("north", "0"),
        lambda: Location("91", "0"),
        lambda: Location(None, "0"),
        lambda: concatenation_ie(300, 2, 1),
        lambda: concatenation_ie(1, 2, 3),
        lambda: destination(34666555444),
    ):
        with pytest.raises(ArgumentError):
            build()  # type: ignore[no-untyped-call]
