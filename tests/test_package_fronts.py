"""Package fronts list their names explicitly, and every provider's errors share one tree."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from nrscompose import errors
from nrscompose.providers import bulk_sms, email_contacts, nrs

# modules of the package's own machinery, whose names the package does not export
PRIVATE_HELPERS = {"_checks", "_conditions"}


def test_the_nrs_front_exports_exactly_what_its_modules_export() -> None:
    package = importlib.import_module("nrscompose.providers.nrs")
    exported: set[str] = set()
    for info in pkgutil.iter_modules(package.__path__):
        if info.name in PRIVATE_HELPERS:
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        exported.update(getattr(module, "__all__", ()))
    assert exported - {"MalformedResponseError"} <= set(nrs.__all__)
    for name in nrs.__all__:
        assert getattr(nrs, name) is not None


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
