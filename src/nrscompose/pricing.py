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

from nrscompose._currencies import ISO_4217
from nrscompose.errors import ValidationError

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
        problem = _cost_problem(self.cost)
        if problem is not None:
            raise ValidationError.invalid("prices", f"{self.country}: {problem}")


def _cost_problem(cost: Decimal) -> str | None:
    """Why ``cost`` cannot be a price (NaN, infinite or negative), or None."""
    if not cost.is_finite():
        return f"the cost must be a finite number, not {cost}"
    if cost < 0:
        return f"the cost must not be negative ({cost})"
    return None


@dataclass(frozen=True, slots=True)
class Quote:
    """The price that applies to one recipient and how it was chosen."""

    price: Price
    basis: Basis

    def cost(self, parts: int) -> Decimal:
        return self.price.cost * parts


def _price_from(row: Mapping[str, object], position: int) -> Price:
    try:
        country = str(row["countryIso"]).upper()
        raw_cost = row["cost"]
        cost = raw_cost if isinstance(raw_cost, Decimal) else Decimal(str(raw_cost))
        currency = str(row.get("currencyCode") or "")
    except (KeyError, InvalidOperation, TypeError, AttributeError) as error:
        raise ValidationError.invalid(
            "prices", f"row {position}: needs countryIso, cost and currencyCode ({error!r})"
        ) from None
    problem = _cost_problem(cost)
    if problem is not None:
        raise ValidationError.invalid("prices", f"row {position} ({country}): {problem}")
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
        if not isinstance(rows, Iterable) or isinstance(rows, (str, bytes)):
            raise ValidationError.invalid("prices", 'expected {"data": [...]} coverage rows')
        return cls(tuple(_price_from(row, i) for i, row in enumerate(rows)))

    @classmethod
    def load(cls, path: str | Path) -> PriceList:
        """From a JSON file in the coverage shape; costs are read as exact decimals."""
        from nrscompose._jsonfile import read_json

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
