"""Seed 004's bulk SMS API: payloads from the seed, routes from the caller, flat160 credits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nrscompose.errors import ValidationError
from nrscompose.providers import bulk_sms

API = bulk_sms.BulkSmsApi(
    "https://sms.example.com",
    {
        "send": bulk_sms.Route("POST", "/api/v1/send/"),
        "send_bulk": bulk_sms.Route("POST", "/api/v1/bulk/"),
        "opt_outs": bulk_sms.Route("GET", "/api/v1/optouts/"),
        "opt_out_overwrite": bulk_sms.Route("PUT", "/api/v1/optouts/{id}/"),
    },
    {"Authorization": "Token s3cret"},
)


def test_individual_message_payload() -> None:
    request = bulk_sms.send_sms(API, "27815854565", "Hi Colony", campaign_pk=7)
    assert (request.method, request.url) == ("POST", "https://sms.example.com/api/v1/send/")
    assert request.json() == {"destination": "27815854565", "message": "Hi Colony",
                              "campaign_pk": 7}  # fmt: skip
    assert "s3cret" not in repr(request)
    assert "s3cret" not in repr(API)


def test_bulk_payload_is_the_seed_example() -> None:
    request = bulk_sms.send_bulk(API, [("27815854565", "Hi Colony"),
                                      ("27815854565", "Morning Colony"),
                                      ("27815854565", "Afternoon Colony")])  # fmt: skip
    assert request.json() == [
        {"destination": "27815854565", "message": "Hi Colony"},
        {"destination": "27815854565", "message": "Morning Colony"},
        {"destination": "27815854565", "message": "Afternoon Colony"},
    ]


def test_problems_and_unconfigured_routes() -> None:
    with pytest.raises(ValidationError) as error:
        bulk_sms.send_bulk(API, [("0815854565", ""), ("27815854565", "ok")])
    assert [p.field for p in error.value.problems] == ["[0].destination", "[0].message"]
    with pytest.raises(ValidationError, match="no route"):
        bulk_sms.contact_lists(API)
    with pytest.raises(ValueError, match="unknown operations"):
        bulk_sms.BulkSmsApi("https://x.example", {"teleport": bulk_sms.Route("GET", "/t")})


def test_opt_outs() -> None:
    assert bulk_sms.opt_outs(API, originator="Colony").url.endswith("/optouts/?originator=Colony")
    overwrite = bulk_sms.overwrite_opt_out(API, 12, reason="resubscribed")
    assert overwrite.url.endswith("/api/v1/optouts/12/")
    assert overwrite.method == "PUT"


@pytest.mark.parametrize(("length", "credits"), [(1, 1), (160, 1), (161, 2), (320, 2), (321, 3)])
def test_credits_are_160_character_chunks(length: int, credits: int) -> None:
    assert bulk_sms.credits("a" * length) == credits
    assert bulk_sms.credits("é" * length) == credits  # characters, whatever the charset


# Printable Latin-1: no grapheme cluster spans two code points (those move a chunk's cut).
@given(st.text(st.characters(codec="latin-1", categories=["L", "N", "P", "S", "Zs"]),
               min_size=1, max_size=1000))  # fmt: skip
def test_credits_formula(message: str) -> None:
    assert bulk_sms.credits(message) == -(-len(message) // 160)
