"""Counting a ballot: pure functions from plain rows to results.

The rows may include deleted ones (they never count), so the function can be fed straight
from a table or from a test. Per kind:

counting kinds (``dots``, ``single``, ``multiple``, ``points``)
    ``phone`` (sum of the phones' values), ``paper`` (typed-in tallies), ``total`` and
    ``share`` of the grand total; ranked by total.
``rating``
    ``voters`` (ratings given), ``mean`` rating and ``distribution`` over the scale; ranked
    by mean, then by the number of ratings.
``ranking``
    ``borda`` points (rank r of n options gives n - r + 1, unranked 0) and ``mean`` rank;
    ranked by Borda points, then by mean rank.
``matrix``
    ``voters``, ``mean`` (x), ``mean_y`` and every ``positions``; no ranking (a 2x2 matrix is
    read as a picture), options stay in ballot order.

Paper tallies are reported for every kind but only add to totals of counting kinds (a
sticker count says nothing about a rating). Ties share a rank ("1, 2, 2, 4"); tied options
keep their ballot order.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from myk10_workshop.store.schema import BallotKind
from myk10_workshop.voting import rules


@dataclass(frozen=True)
class BallotInfo:
    id: uuid.UUID
    workshop_id: uuid.UUID
    board_id: uuid.UUID | None
    title: str
    question: str
    kind: str
    # The effective settings (defaults filled in; see rules.effective_settings).
    settings: Mapping[str, Any]
    status: str
    results_hidden: bool
    closes_at: dt.datetime | None
    order_key: str

    def accepts_votes(self, now: dt.datetime) -> bool:
        """Open and not run out (``now`` naive UTC, e.g. ``utc_now()``)."""
        return rules.accepts_votes(self.status, self.closes_at, now)

    def results_visible(self, now: dt.datetime) -> bool:
        """Whether participants may see the results now."""
        return rules.results_visible(self.status, self.results_hidden, self.closes_at, now)


@dataclass(frozen=True)
class OptionInfo:
    id: uuid.UUID
    ballot_id: uuid.UUID
    label: str
    idea_id: uuid.UUID | None
    cluster_id: uuid.UUID | None
    order_key: str
    deleted: bool = False


@dataclass(frozen=True)
class VoteRow:
    option_id: uuid.UUID | None
    voter_hash: str
    value: float | None
    value_y: float | None = None
    deleted: bool = False


@dataclass(frozen=True)
class PaperRow:
    option_id: uuid.UUID
    count: int
    deleted: bool = False


@dataclass(frozen=True)
class OptionResult:
    option_id: uuid.UUID
    label: str
    idea_id: uuid.UUID | None
    cluster_id: uuid.UUID | None
    # 1 = best; ties share a rank; None for a matrix.
    rank: int | None
    # Phones that gave this option a value.
    voters: int
    # Counting kinds: sum of the phones' values, paper count, both together, share of all.
    phone: float
    paper: int
    total: float
    share: float | None
    # Rating: mean rating; ranking: mean rank; matrix: mean x. None without votes.
    mean: float | None = None
    mean_y: float | None = None
    borda: int | None = None
    # Rating: (rating, how many gave it) for every point of the scale.
    distribution: tuple[tuple[int, int], ...] = ()
    # Matrix: every (x, y) placed.
    positions: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class Results:
    ballot_id: uuid.UUID
    kind: str
    options: tuple[OptionResult, ...]
    # Devices with a live vote on a live option.
    participants: int
    paper_total: int
    phone_total: float
    # Counting kinds: phone_total + paper_total; otherwise 0.
    total: float

    def by_option(self) -> dict[uuid.UUID, OptionResult]:
        return {result.option_id: result for result in self.options}


def tally(ballot: BallotInfo, options: Iterable[OptionInfo], votes: Iterable[VoteRow],
          paper: Iterable[PaperRow]) -> Results:
    """The results of ``ballot`` from its rows (deleted rows and rows of other options are
    left out)."""
    live = sorted((o for o in options if not o.deleted and o.ballot_id == ballot.id),
                  key=lambda o: (o.order_key, str(o.id)))
    ids = {option.id for option in live}
    given: dict[uuid.UUID, list[VoteRow]] = defaultdict(list)
    voters: set[str] = set()
    for vote in votes:
        if vote.deleted or vote.option_id not in ids or vote.value is None:
            continue
        given[vote.option_id].append(vote)
        voters.add(vote.voter_hash)
    on_paper: dict[uuid.UUID, int] = defaultdict(int)
    for row in paper:
        if not row.deleted and row.option_id in ids:
            on_paper[row.option_id] += row.count
    kind = ballot.kind
    settings = rules.effective_settings(kind, ballot.settings)
    counting = kind in rules.COUNTING_KINDS
    phone_total = sum(float(v.value or 0) for rows in given.values() for v in rows)
    paper_total = sum(on_paper.values())
    grand = phone_total + paper_total if counting else 0.0

    results = []
    for option in live:
        rows = given.get(option.id, [])
        phone = sum(float(v.value or 0) for v in rows) if counting else 0.0
        total = phone + on_paper[option.id] if counting else 0.0
        figures: dict[str, Any] = {
            "voters": len({v.voter_hash for v in rows}),
            "phone": phone,
            "paper": on_paper[option.id],
            "total": total,
            "share": total / grand if counting and grand else None,
        }
        figures.update(_kind_figures(kind, settings, rows, len(live)))
        results.append(OptionResult(option.id, option.label, option.idea_id, option.cluster_id,
                                    rank=None, **figures))
    return Results(ballot.id, kind, _ranked(kind, results), len(voters), paper_total,
                   phone_total if counting else 0.0, grand)


def _kind_figures(kind: str, settings: Mapping[str, Any], rows: list[VoteRow],
                  option_count: int) -> dict[str, Any]:
    values = [float(v.value) for v in rows if v.value is not None]
    mean = sum(values) / len(values) if values else None
    if kind == BallotKind.RATING:
        low, high = int(settings["scale_min"]), int(settings["scale_max"])
        counts = {point: 0 for point in range(low, high + 1)}
        for value in values:
            if value.is_integer() and int(value) in counts:
                counts[int(value)] += 1
        return {"mean": mean, "distribution": tuple(counts.items())}
    if kind == BallotKind.RANKING:
        borda = sum(max(0, option_count - int(value) + 1) for value in values)
        return {"mean": mean, "borda": borda}
    if kind == BallotKind.MATRIX:
        placed = [(float(v.value), float(v.value_y)) for v in rows
                  if v.value is not None and v.value_y is not None]
        if not placed:
            return {"voters": 0}
        return {
            "voters": len(placed),
            "mean": sum(x for x, _ in placed) / len(placed),
            "mean_y": sum(y for _, y in placed) / len(placed),
            "positions": tuple(placed),
        }
    return {}


def _score(kind: str, result: OptionResult) -> tuple[float, ...]:
    """Bigger is better."""
    if kind == BallotKind.RATING:
        return (0.0 if result.mean is None else 1.0, result.mean or 0.0, result.voters)
    if kind == BallotKind.RANKING:
        mean_rank = result.mean if result.mean is not None else float("inf")
        return (float(result.borda or 0), -mean_rank)
    return (result.total,)


def _ranked(kind: str, results: list[OptionResult]) -> tuple[OptionResult, ...]:
    if kind == BallotKind.MATRIX:
        return tuple(results)
    # sorted() is stable: tied options keep their ballot order.
    ordered = sorted(results, key=lambda r: _score(kind, r), reverse=True)
    ranked: list[OptionResult] = []
    for position, result in enumerate(ordered, start=1):
        tied = ranked and _score(kind, ranked[-1]) == _score(kind, result)
        rank = ranked[-1].rank if tied else position
        ranked.append(_with_rank(result, rank))
    return tuple(ranked)


def _with_rank(result: OptionResult, rank: int | None) -> OptionResult:
    return replace(result, rank=rank)
