"""Package fronts refuse unknown names, and every provider's errors share one tree (the nrs
front's exports are checked in tests/test_nrs_requests.py)."""

from __future__ import annotations

import importlib

import pytest

from nrscompose._base import errors
from nrscompose.providers import bulk_sms, email_contacts, nrs
from tool_scripts import tool

FRONTS = tool("write_fronts").FRONTS
MODULES = ("requests", "responses")


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = nrs.nope  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("parse", "provider_error"),
    [
        (lambda: nrs.parse_response(200, "<html>", "sms"), nrs.NrsApiError),
        (lambda: bulk_sms.parse_response(200, "<html>", "record"), bulk_sms.BulkSmsApiError),
        (
            lambda: email_contacts.parse_response(200, "<html>", "created"),
            email_contacts.EmailContactsApiError,
        ),
    ],
)
def test_a_malformed_answer_is_one_class_for_every_provider(parse, provider_error) -> None:
    with pytest.raises(errors.MalformedResponseError) as caught:
        parse()
    assert isinstance(caught.value, provider_error)
    assert isinstance(caught.value, errors.ApiError)
    assert caught.value.raw == "<html>"


@pytest.mark.parametrize("public", sorted(FRONTS))
def test_a_public_front_is_what_the_tool_writes(public: str) -> None:
    """The documented import paths re-export exactly their implementation's ``__all__``."""
    writer = tool("write_fronts")
    assert writer.front_path(public).read_text("utf-8") == writer.front_text(public, FRONTS[public])
    front = importlib.import_module(f"nrscompose.{public}")
    implementation = importlib.import_module(f"nrscompose.{FRONTS[public]}")
    assert front.__all__ == implementation.__all__
    assert front.__doc__ == implementation.__doc__
    assert all(getattr(front, n) is getattr(implementation, n) for n in front.__all__)


@pytest.mark.parametrize("provider", [bulk_sms, email_contacts], ids=lambda m: m.__name__)
def test_a_provider_front_lists_its_modules_names(provider) -> None:
    """One provider shape: a package front over ``requests`` and ``responses``."""
    modules = [importlib.import_module(f"{provider.__name__}.{name}") for name in MODULES]
    listed = [name for module in modules for name in module.__all__]
    assert sorted(provider.__all__) == sorted(listed)
    assert len(set(listed)) == len(listed)
    assert all(
        getattr(provider, name) is getattr(module, name)
        for module in modules
        for name in module.__all__
    )
