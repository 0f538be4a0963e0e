"""MYK10 Workshop: an offline desktop app for on-site strategy and participation workshops."""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "MYK10 Workshop"
DIST_NAME = "myk10-workshop"

try:
    __version__ = version(DIST_NAME)
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
