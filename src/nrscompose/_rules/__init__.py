"""The rules a message meets before it is sent: message rules (text, parts, sender,
placeholders), send windows, country content rules, destinations and prices.

Each rule reports a :class:`~nrscompose.problems.Problem`; the data tables cite their source.
"""
