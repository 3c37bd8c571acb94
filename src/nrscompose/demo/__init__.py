"""The demo: a local web server with the form page (live counter, highlights, server check) and
the campaign page (a file's estimate, drawn in the browser).

Started by ``nrscompose demo``; nothing in the library imports it. Its pages are in ``static/``.
"""

from nrscompose.demo.server import HOST, DemoServer, check_json

__all__ = ["HOST", "DemoServer", "check_json"]
