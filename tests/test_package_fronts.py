"""Package fronts refuse unknown names, and every provider's errors share one tree (the nrs
front's exports are checked in tests/test_nrs_requests.py)."""

from __future__ import annotations

import pytest

from nrscompose import errors
from nrscompose.providers import bulk_sms, email_contacts, nrs


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
