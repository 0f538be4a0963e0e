"""Widgets of phone voting: ballots, live session, results."""
