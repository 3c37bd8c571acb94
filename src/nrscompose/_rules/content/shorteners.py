"""Public URL shortener domains: services anyone can shorten a link with.

The 360nrs API reference forbids them in marketing SMS to the United States ("The use of public
URL shorteners, such as bit.ly or tinyurl, is not permitted. However, the use of custom domains
within these services is permitted."). The two it names are here with the general-purpose
services of a maintained list of shortener domains, :data:`SOURCE`. That list also holds
brands' own short domains (``nyti.ms``, ``amzn.to``, ``apple.co``): those are the "custom
domains within these services" the reference permits, so they are left out, as is ``nrs.so``,
the 360nrs shortener (its ``{url|shorten}`` filter and shortener answers give
``https://nrs.so/…``).

To add a domain, pass ``DEFAULT_CONTENT_RULES.add(...)`` a rule with more ``domains`` (see
:mod:`nrscompose.content.rules`), or send a change here with its source.
"""

from __future__ import annotations

from typing import Final

__all__ = ["PUBLIC_SHORTENERS", "SOURCE"]

SOURCE: Final = (
    "PeterDaveHello/url-shorteners, file 'list' (CC BY-SA 4.0), commit 0137a431b5ca, "
    "read 2026-12-06: https://github.com/PeterDaveHello/url-shorteners"
)

# Named by the 360nrs API reference itself.
_NAMED_BY_THE_REFERENCE: Final = ("bit.ly", "tinyurl.com")

# General-purpose public services of the list above (each domain is in it), by service.
_FROM_THE_LIST: Final = (
    "bitly.com", "j.mp",                        # Bitly
    "tiny.cc", "tiny.one", "tinyurl.mobi",      # TinyURL, tiny.cc
    "is.gd", "v.gd", "da.gd", "x.gd",
    "ow.ly", "ht.ly",                           # Hootsuite
    "buff.ly",                                  # Buffer
    "t.co",                                     # X (Twitter)
    "lnkd.in",                                  # LinkedIn
    "goo.gl",                                   # Google (retired, links still resolve)
    "ift.tt", "dlvr.it",
    "rb.gy", "cutt.ly", "cutt.us", "shorturl.at", "shorturl.asia", "t.ly",
    "rebrand.ly", "bl.ink", "b.link", "short.gy", "dub.sh", "snip.ly", "kutt.it",
    "s.id", "clck.ru", "vk.cc", "u.to", "tny.im", "tiny.pl", "1url.cz", "urlz.fr",
    "lstu.fr", "shorl.com", "qrco.de", "surl.li", "reurl.cc", "urlr.me", "budurl.com",
    "adf.ly", "ouo.io", "bc.vc", "exe.io", "ity.im",
)  # fmt: skip

PUBLIC_SHORTENERS: Final[frozenset[str]] = frozenset(_NAMED_BY_THE_REFERENCE + _FROM_THE_LIST)
