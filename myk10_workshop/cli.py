"""The command line: options, their checking and their help text."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from myk10_workshop import APP_NAME, DIST_NAME, __version__


@dataclass(frozen=True)
class Options:
    data_dir: Path | None
    demo: bool
    self_test: bool
    language: str | None


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
    return parser


def parse_args(argv: Sequence[str] | None = None) -> Options:
    """Parse ``argv``; unknown options end the program with a usage message and status 2."""
    parser = build_parser()
    namespace = parser.parse_args(argv)
    if namespace.self_test and namespace.demo:
        parser.error("--self-test and --demo cannot be combined: the self-test never "
                     "changes a data folder")
    return Options(data_dir=namespace.data_dir, demo=namespace.demo,
                   self_test=namespace.self_test, language=namespace.language)
