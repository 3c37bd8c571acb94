"""``demo``: serve the form demo page (:mod:`nrscompose.demo.server`) on 127.0.0.1."""

from __future__ import annotations

import argparse
import webbrowser
from typing import TextIO

from nrscompose.cli._arguments import Commands

__all__ = ["register"]


def _port(value: str) -> int:
    if not value.isdecimal() or int(value) > 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number (0-65535)")
    return int(value)


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    import errno

    from nrscompose._base.errors import ValidationError
    from nrscompose.demo.server import DemoServer

    try:
        server = DemoServer(args.port, quiet=False)
    except OSError as error:
        if error.errno != errno.EADDRINUSE:
            raise
        raise ValidationError.single(
            "demo.port_in_use", "port", None, {"port": args.port}
        ) from None
    with server:
        print(f"nrscompose demo on {server.url} (Ctrl-C to stop)", file=out, flush=True)
        if not args.no_browser:
            webbrowser.open(server.url)
        try:
            server.serve_forever()
        except KeyboardInterrupt:  # the way to stop it: not an error
            print("nrscompose demo stopped", file=out, flush=True)
    return 0


def register(commands: Commands) -> None:
    demo = commands.add_parser(
        "demo", help="the form demo page: live counter, highlights, server check"
    )
    demo.add_argument(
        "--port", type=_port, default=0, help="port on 127.0.0.1 (default: any free port)"
    )
    demo.add_argument(
        "--no-browser", action="store_true", help="print the address, do not open a browser"
    )
    demo.set_defaults(run=_cmd_demo)
