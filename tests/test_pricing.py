"""Prices from coverage data: network beats country, missing is reported, money is Decimal."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from nrscompose._base.errors import ValidationError
from nrscompose._rules.pricing import PriceList

# The seed's own example rows (seed 001, "SMS coverage by network").
SEED_COVERAGE = {
    "data": [
        {
            "countryIso": "AD",
            "countryName": "Andorra",
            "networkName": "Default",
            "mcc": "213",
            "mnc": None,
            "cost": 0.065,
            "currencyCode": "EUR",
            "currencySymbol": "€",
        },
        {
            "countryIso": "AD",
            "countryName": "Andorra",
            "networkName": "Servei De Tele. DAndorra",
            "mcc": "213",
            "mnc": "003",
            "cost": 0.07,
            "currencyCode": "EUR",
            "currencySymbol": "€",
        },
        {
            "countryIso": "AE",
            "countryName": "United Arab Emirates",
            "networkName": "Default",
            "mcc": "424",
            "mnc": None,
            "cost": 0.0868,
            "currencyCode": "EUR",
            "currencySymbol": "€",
        },
        {
            "countryIso": "PT",
            "countryName": "Portugal",
            "networkName": "MEO",
            "mcc": "268",
            "mnc": "06",
            "cost": 0.03,
            "currencyCode": "EUR",
            "currencySymbol": "€",
        },
        {
            "countryIso": "PT",
            "countryName": "Portugal",
            "networkName": "NOS",
            "mcc": "268",
            "mnc": "03",
            "cost": 0.035,
            "currencyCode": "EUR",
            "currencySymbol": "€",
        },
    ]
}


def test_network_price_wins_over_country_default():
    prices = PriceList.from_coverage(SEED_COVERAGE)
    assert prices.quote("AD").price.cost == Decimal("0.065")
    quote = prices.quote("AD", "213", "003")
    assert (quote.basis, quote.price.cost) == ("network", Decimal("0.07"))


def test_country_with_only_network_rows_is_quoted_at_the_dearest():
    quote = PriceList.from_coverage(SEED_COVERAGE).quote("PT")
    assert (quote.basis, quote.price.cost) == ("dearest-network", Decimal("0.035"))


def test_missing_destination_has_no_price_rather_than_zero():
    assert PriceList.from_coverage(SEED_COVERAGE).quote("FR") is None
    assert PriceList.from_coverage(SEED_COVERAGE).quote(None) is None


def test_cost_multiplies_parts_exactly(tmp_path):
    path = tmp_path / "prices.json"
    path.write_text(json.dumps(SEED_COVERAGE))
    quote = PriceList.load(path).quote("AE")
    assert quote.cost(3) == Decimal("0.2604")
    assert isinstance(quote.cost(3), Decimal)


def test_bad_price_files_are_clear_errors(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    with pytest.raises(ValidationError) as caught:
        PriceList.load(path)
    assert caught.value.kinds == ("json.invalid",)
    assert caught.value.codes == ()  # not the 360nrs "Invalid JSON" of a request
    with pytest.raises(ValidationError, match="Price row 1 has no cost"):
        PriceList.from_coverage({"data": [{"countryIso": "ES"}]})
    with pytest.raises(ValidationError, match="must be coverage data"):
        PriceList.from_coverage({"rows": []})


@pytest.mark.parametrize(
    ("mcc", "mnc"), [("268", "6"), ("268", "06"), (" 268", "06 "), ("213", "3")]
)
def test_a_network_code_that_lost_its_leading_zero_is_still_the_network(mcc, mnc):
    # Excel saves an mnc column typed as a number as 6, not 06: it was priced as the default.
    quote = PriceList.from_coverage(SEED_COVERAGE).quote("PT", mcc, mnc)
    assert quote.basis == "network"
    assert quote.price.mnc in {"06", "003"}
