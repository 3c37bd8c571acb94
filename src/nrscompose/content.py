# The public path of nrscompose._rules.content: written by tools/write_fronts.py
from nrscompose._rules import content as _implementation
from nrscompose._rules.content import (
    DEFAULT_CONTENT_RULES,
    PUBLIC_SHORTENERS,
    ContentRule,
    ContentRuleSet,
    CountryRules,
    check,
    countries,
    country_code,
    ends_with_opt_out,
    kinds,
    rules_for,
    shortener_links,
)

__doc__ = _implementation.__doc__
__all__ = [
    "DEFAULT_CONTENT_RULES",
    "PUBLIC_SHORTENERS",
    "ContentRule",
    "ContentRuleSet",
    "CountryRules",
    "check",
    "countries",
    "country_code",
    "ends_with_opt_out",
    "kinds",
    "rules_for",
    "shortener_links",
]
