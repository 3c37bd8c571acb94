"""Regenerate the bundled example campaign (deterministic): python examples/make_examples.py"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

HERE = Path(__file__).parent
COUNTRIES = {  # region: (weight, first names, cities)
    "ES": (30, ["lucía", "JOSÉ", "María Jesús", "Íñigo", "Álvaro"], ["Madrid", "Sevilla", "A Coruña"]),
    "PT": (20, ["joão", "Inês", "conceição", "Gonçalo"], ["Lisboa", "Porto", "Évora"]),
    "FR": (15, ["élise", "françois", "Zoë", "Anaïs"], ["Paris", "Besançon", "Nîmes"]),
    "CO": (10, ["andrés", "Valentina", "sebastián"], ["Bogotá", "Medellín"]),
    "US": (10, ["john", "Mary-Ann", "O'Brien"], ["New York", "Miami", "Denver"]),
    "BR": (8, ["joão pedro", "Luíza", "Thaís"], ["São Paulo", "Recife"]),
    "MX": (4, ["Guadalupe", "josé luis"], ["Ciudad de México", "Mérida"]),
    "IN": (3, ["Priya", "Arjun"], ["Mumbai", "Delhi"]),
}
EMOJI = ["🎉", "😀", "👍🏽", "❤️"]


def numbers_for(region: str, rng: random.Random, count: int) -> list[str]:
    example = phonenumbers.example_number_for_type(region, PhoneNumberType.MOBILE)
    national = str(example.national_number)
    found: list[str] = []
    while len(found) < count:
        tail = "".join(rng.choice("0123456789") for _ in range(4))
        candidate = phonenumbers.parse(f"+{example.country_code}{national[:-4]}{tail}")
        if phonenumbers.is_valid_number(candidate):
            found.append(phonenumbers.format_number(candidate, PhoneNumberFormat.E164)[1:])
    return found


def recipients(rng: random.Random, total: int) -> list[dict[str, str]]:
    rows = []
    regions = list(COUNTRIES)
    weights = [COUNTRIES[r][0] for r in regions]
    for region in rng.choices(regions, weights, k=total):
        _, names, cities = COUNTRIES[region]
        name = rng.choice(names)
        if rng.random() < 0.05:
            name += " " + rng.choice(EMOJI)
        rows.append({
            "phone": numbers_for(region, rng, 1)[0],
            "name": name,
            "city": rng.choice(cities),
            "amount": f"{rng.randint(5, 4000)}.{rng.randint(0, 99):02d}",
        })
    for row in rng.sample(rows, 12):  # typing mistakes a real list has
        row["phone"] = rng.choice(["612345", "+999123456789", "0034 91 000", "n/a", ""]) 
    return rows


def main() -> None:
    rng = random.Random(20261125)
    rows = recipients(rng, 300)
    with (HERE / "campaign.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=["phone", "name", "city", "amount"])
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
