"""Prices per destination, from the provider's coverage data; parts × price, in ``Decimal``.

The input is the body of ``GET /api/rest/sms/coverage`` (360nrs API reference, "SMS coverage by
network"): ``{"data": [{"countryIso", "mcc", "mnc", "cost", "currencyCode", …}]}``, where the
row with ``"mnc": null`` is the country's default. Lookup order: the network's own price (when
the recipient's MCC/MNC is known), then the country default, then — when the data lists only
networks — the dearest network, marked as such so an estimate never undercounts. A country
with no row at all has no price: it is reported, never counted as zero.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Literal

from nrscompose._base.currencies import ISO_4217
from nrscompose._base.errors import ValidationError

__all__ = ["Price", "PriceList", "Quote"]

Basis = Literal["network", "country", "dearest-network"]


@dataclass(frozen=True, slots=True)
class Price:
    """One row of coverage data: the cost of one SMS part to a country or network."""

    country: str
    cost: Decimal
    currency: str
    mcc: str | None = None
    mnc: str | None = None
    network: str = ""

    def __post_init__(self) -> None:
        if not _usable_cost(self.cost):
            raise _cost_error("prices.cost_out_of_range", 1, self.country, self.cost)


def _usable_cost(cost: Decimal) -> bool:
    """A price is a finite number, 0 or more (not NaN, infinite or negative)."""
    return cost.is_finite() and cost >= 0


def _cost_error(kind: str, row: int, country: str, value: object) -> ValidationError:
    shown = repr(value) if isinstance(value, str) else str(value)
    params = {"row": row, "country": country, "value": shown}
    return ValidationError.single(kind, "prices", None, params)


@dataclass(frozen=True, slots=True)
class Quote:
    """The price that applies to one recipient and how it was chosen."""

    price: Price
    basis: Basis

    def cost(self, parts: int) -> Decimal:
        return self.price.cost * parts


def _cost(raw_cost: object, row: int, country: str) -> Decimal:
    """The cost of price row ``row`` (from 1) as an exact decimal: a JSON number, or text of
    one ("0.039"); "0,039" and other text are refused naming the value."""
    if isinstance(raw_cost, Decimal):
        cost = raw_cost
    elif isinstance(raw_cost, (int, float, str)) and not isinstance(raw_cost, bool):
        try:
            cost = Decimal(str(raw_cost).strip())
        except InvalidOperation:
            raise _cost_error("prices.cost_not_number", row, country, raw_cost) from None
    else:
        raise _cost_error("prices.cost_not_number", row, country, raw_cost)
    if not _usable_cost(cost):
        raise _cost_error("prices.cost_out_of_range", row, country, raw_cost)
    return cost


def _price_from(row: Mapping[str, object], position: int) -> Price:
    """Price row ``position`` (counted from 1, as a person counts them)."""
    if not isinstance(row, Mapping):
        raise ValidationError.single("prices.not_rows", "prices")
    for name in ("countryIso", "cost"):
        if row.get(name) is None:
            raise ValidationError.single(
                "prices.missing_field", "prices", None, {"row": position, "field": name}
            )
    country = str(row["countryIso"]).upper()
    cost = _cost(row["cost"], position, country)
    currency = str(row.get("currencyCode") or "")
    if currency and currency not in ISO_4217:  # "=cmd|' /C calc'!A0" would reach a CSV cell
        params = {"row": position, "country": repr(country[:20]), "value": repr(currency[:40])}
        raise ValidationError.single("prices.unknown_currency", "prices", None, params)
    mcc, mnc = row.get("mcc"), row.get("mnc")
    return Price(
        country,
        cost,
        currency,
        str(mcc) if mcc is not None else None,
        str(mnc) if mnc is not None else None,
        str(row.get("networkName") or ""),
    )


def _network_keys(mcc: str, mnc: str) -> tuple[tuple[str, str], ...]:
    """The index keys a recipient's ``mcc``/``mnc`` may match, exact first. A network code has
    2 or 3 digits, but a column Excel saw as a number lost its leading zeros ("7" for "07")."""
    mcc, mnc = mcc.strip(), mnc.strip()
    if not mnc.isdigit() or len(mnc) >= 3:
        return ((mcc, mnc),)
    return tuple(dict.fromkeys((mcc, code) for code in (mnc, mnc.zfill(2), mnc.zfill(3))))


@dataclass(frozen=True, slots=True)
class PriceList:
    """Prices indexed for lookup; build it with :meth:`from_coverage` or :meth:`load`."""

    prices: tuple[Price, ...]
    _by_network: dict[tuple[str, str], Price] = field(init=False, repr=False, compare=False)
    _by_country: dict[str, Quote] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_network: dict[tuple[str, str], Price] = {}
        defaults: dict[str, Price] = {}
        dearest: dict[str, Price] = {}
        for price in self.prices:
            if price.mnc is None:
                defaults[price.country] = price
            else:
                by_network[f"{price.mcc}".strip(), price.mnc.strip()] = price
                current = dearest.get(price.country)
                if current is None or price.cost > current.cost:
                    dearest[price.country] = price
        by_country = {
            country: Quote(price, "dearest-network") for country, price in dearest.items()
        }
        by_country.update({country: Quote(price, "country") for country, price in defaults.items()})
        object.__setattr__(self, "_by_network", by_network)
        object.__setattr__(self, "_by_country", by_country)

    @classmethod
    def from_coverage(
        cls, coverage: Mapping[str, object] | Iterable[Mapping[str, object]]
    ) -> PriceList:
        """From the coverage response body (``{"data": [...]}``) or its list of rows."""
        rows = coverage.get("data") if isinstance(coverage, Mapping) else coverage
        if not isinstance(rows, Iterable) or isinstance(rows, (str, bytes, Mapping)):
            raise ValidationError.single("prices.not_rows", "prices")
        return cls(tuple(_price_from(row, i) for i, row in enumerate(rows, 1)))

    @classmethod
    def load(cls, path: str | Path) -> PriceList:
        """From a JSON file in the coverage shape; costs are read as exact decimals."""
        from nrscompose._base.json_files import read_json

        return cls.from_coverage(read_json(path, "prices", parse_float=Decimal))

    def quote(
        self, country: str | None, mcc: str | None = None, mnc: str | None = None
    ) -> Quote | None:
        """The price for a recipient in ``country`` (on network ``mcc``/``mnc`` if known)."""
        if mcc and mnc:
            for key in _network_keys(mcc, mnc):
                network = self._by_network.get(key)
                if network is not None:
                    return Quote(network, "network")
        if country is None:
            return None
        return self._by_country.get(country.upper())
