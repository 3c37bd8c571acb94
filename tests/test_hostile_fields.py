"""Header values, multipart parameters and credentials: every control character is refused
where a request is built, and a secret that cannot be sent is refused without being echoed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nrscompose._base.errors import ArgumentError
from nrscompose._base.http import HttpRequest
from nrscompose.providers import bulk_sms, nrs
from nrscompose.providers.email_contacts import ApiKey

# C0 (with HTAB, VT, FF, NUL), DEL and C1 (with NEL): what issue 23 found accepted, and the rest.
CONTROLS = [chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]]
VISIBLE_ASCII = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E))


@pytest.mark.parametrize("char", ["\x0b", "\x0c", "\x7f", "\x85", "\x00", "\t"],
                         ids=["VT", "FF", "DEL", "NEL", "NUL", "HTAB"])  # fmt: skip
def test_a_control_character_in_a_header_value_is_refused(char: str) -> None:
    with pytest.raises(ArgumentError, match=f"control character \\(U\\+{ord(char):04X}"):
        HttpRequest("GET", "https://h", (("X-Note", f"a{char}b"),))


@given(VISIBLE_ASCII, st.sampled_from(CONTROLS), VISIBLE_ASCII)
def test_every_control_character_anywhere_in_a_header_value_is_refused(
    before: str, control: str, after: str
) -> None:
    with pytest.raises(ArgumentError):
        HttpRequest("GET", "https://h", (("X-Note", before + control + after),))


@given(VISIBLE_ASCII)
def test_visible_ascii_header_values_are_accepted(value: str) -> None:
    assert HttpRequest("GET", "https://h", (("X-Note", value),)).header("x-note") == value


@given(st.sampled_from(CONTROLS))
def test_a_control_character_in_a_url_is_refused(control: str) -> None:
    with pytest.raises(ArgumentError, match="control character"):
        HttpRequest("GET", f"https://h/api/rest/sms?page=2{control}")


def test_a_secret_header_that_cannot_be_sent_is_not_echoed() -> None:
    for name, value in (("Authorization", "Basic s3cr\x85t"), ("api-key", "k3y-é€")):
        with pytest.raises(ArgumentError) as error:
            HttpRequest("GET", "https://h", ((name, value),))
        assert value not in str(error.value)
        assert "s3cr" not in str(error.value)
        assert "k3y" not in str(error.value)


@pytest.mark.parametrize("char", [*CONTROLS[::7], "\x00", "\x85", "\x7f"])
def test_a_control_character_in_a_multipart_filename_is_refused(char: str) -> None:
    api = bulk_sms.BulkSmsApi("https://h", {"contact_lists_import": bulk_sms.Route("POST", "/i")})
    with pytest.raises(ArgumentError, match="filename holds a control character"):
        bulk_sms.import_contact_lists(api, b"phone\n34600000000\n", filename=f"a{char}.csv")
    accented = bulk_sms.import_contact_lists(api, b"phone\n", filename="contactos-ñ.csv")
    assert 'filename="contactos-ñ.csv"'.encode() in accented.body


@pytest.mark.parametrize(
    "build",
    [
        lambda key: ApiKey(key, "https://api.example"),
        lambda key: nrs.Credentials("username", key),
        lambda key: bulk_sms.BulkSmsApi("https://h", {}, headers={"X-Auth-Token": key}),
    ],
    ids=["email-contacts", "360nrs", "bulk-sms"],
)
@pytest.mark.parametrize("key", ["k3y-é€", "k3y-\x00", "k3y-\x85"], ids=["é€", "NUL", "NEL"])
def test_an_api_key_that_cannot_be_sent_is_refused_when_the_credentials_are_made(
    build: object, key: str
) -> None:
    # Before: accepted here, then UnicodeEncodeError inside every transport, its ``.object``
    # the whole key.
    assert callable(build)
    with pytest.raises(ArgumentError, match="cannot be sent") as error:
        build(key)
    assert "k3y" not in str(error.value)


def test_a_control_character_in_a_360nrs_username_is_refused() -> None:
    with pytest.raises(ArgumentError, match="username holds a control character"):
        nrs.Credentials("user\x1b[2J", "apiPassword")
    assert nrs.Credentials("josé", "apiPassword").authorization.startswith("Basic ")
