"""Ballots, their rules and tallies, and the participants' web server (Qt-free)."""
