"""Composition: ``{var|filter}`` templates, their filters, a campaign row's text, and the bridge
to Jinja templates.
"""
