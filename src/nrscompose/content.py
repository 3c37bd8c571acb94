# The public path of nrscompose._rules.content: written by tools/write_fronts.py
from nrscompose._rules import content as _implementation
from nrscompose._rules.content import (
    DEFAULT_CONTENT_RULES as DEFAULT_CONTENT_RULES,
)
from nrscompose._rules.content import (
    PUBLIC_SHORTENERS as PUBLIC_SHORTENERS,
)
from nrscompose._rules.content import (
    ContentRule as ContentRule,
)
from nrscompose._rules.content import (
    ContentRuleSet as ContentRuleSet,
)
from nrscompose._rules.content import (
    CountryRules as CountryRules,
)
from nrscompose._rules.content import (
    check as check,
)
from nrscompose._rules.content import (
    countries as countries,
)
from nrscompose._rules.content import (
    country_code as country_code,
)
from nrscompose._rules.content import (
    ends_with_opt_out as ends_with_opt_out,
)
from nrscompose._rules.content import (
    kinds as kinds,
)
from nrscompose._rules.content import (
    rules_for as rules_for,
)
from nrscompose._rules.content import (
    shortener_links as shortener_links,
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
