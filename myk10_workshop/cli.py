"""The command line: options, their checking and their help text."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from myk10_workshop import APP_NAME, DIST_NAME, __version__


@dataclass(frozen=True)
class ServeOptions:
    """``serve``: the headless voting station."""

    workshop: str
    host: str | None
    port: int | None
    qr_file: Path


@dataclass(frozen=True)
class Options:
    data_dir: Path | None
    demo: bool
    self_test: bool
    language: str | None
    serve: ServeOptions | None = None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=DIST_NAME,
        description=f"{APP_NAME}: plan, run and document on-site participation workshops.",
        allow_abbrev=False,
    )
    parser.add_argument(
        "--data-dir", metavar="DIR", type=Path,
        help="keep the database, backups, logs and settings in DIR instead of the user data "
             "folder (portable use, tests)")
    parser.add_argument(
        "--demo", action="store_true",
        help="load the demo project 'Smarte Region MYK10' into an empty data folder")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--self-test", action="store_true",
        help="check the installation offscreen (store, demo data, translations, window) "
             "and exit with 0 when all is well")
    parser.add_argument("--language", choices=("de", "en"),
                        help="language of the user interface for this start")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    serve = commands.add_parser(
        "serve", allow_abbrev=False,
        help="run the phone voting server for a workshop without the window",
        description="Serve the open ballots of a workshop to phones on the local network, "
                    "without the window (a voting station). Prints the join address and "
                    "code, writes the join QR code as PNG; Ctrl+C stops it.")
    serve.add_argument("--workshop", metavar="NAME", required=True,
                       help="the workshop's title (or a unique part of it)")
    serve.add_argument("--host", metavar="H",
                       help="the laptop address phones reach (default: the first local "
                            "network address; 0.0.0.0 listens on all)")
    serve.add_argument("--port", metavar="P", type=_port,
                       help="the port (default: the first free one from 8800 to 8899)")
    serve.add_argument("--qr", metavar="FILE", type=Path, default=Path("myk10-join-qr.png"),
                       help="where to write the join QR code (default: %(default)s)")
    # SUPPRESS: given before "serve" it still counts (a sub-parser default would hide it).
    serve.add_argument("--data-dir", metavar="D", type=Path, default=argparse.SUPPRESS,
                       help="the data folder (as for the app)")
    return parser


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError("a port is a number from 1 to 65535")
    return port


def parse_args(argv: Sequence[str] | None = None) -> Options:
    """Parse ``argv``; unknown options end the program with a usage message and status 2."""
    parser = build_parser()
    namespace = parser.parse_args(argv)
    if namespace.self_test and namespace.demo:
        parser.error("--self-test and --demo cannot be combined: the self-test never "
                     "changes a data folder")
    serve = None
    if namespace.command == "serve":
        if namespace.self_test or namespace.demo:
            parser.error("serve cannot be combined with --self-test or --demo")
        serve = ServeOptions(workshop=namespace.workshop, host=namespace.host,
                             port=namespace.port, qr_file=namespace.qr)
    return Options(data_dir=namespace.data_dir, demo=namespace.demo,
                   self_test=namespace.self_test, language=namespace.language, serve=serve)
