"""Counting, per kind, from plain rows; every figure below is worked out by hand."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from myk10_workshop.voting import rules
from myk10_workshop.voting.tally import (
    BallotInfo,
    OptionInfo,
    OptionResult,
    PaperRow,
    Results,
    VoteRow,
    tally,
)

BALLOT = uuid.UUID(int=100)
A, B, C, D = (uuid.UUID(int=n) for n in range(1, 5))


def ballot(kind: str, settings: dict[str, Any] | None = None) -> BallotInfo:
    return BallotInfo(BALLOT, uuid.UUID(int=99), None, "Prioritäten", "", kind,
                      rules.validate_settings(kind, settings), "closed", False, None, "a0")


def options(*labels: str, deleted: tuple[str, ...] = ()) -> list[OptionInfo]:
    ids = dict(zip("ABCD", (A, B, C, D), strict=True))
    return [OptionInfo(ids[label], BALLOT, f"Option {label}", None, None, f"a{i}",
                       deleted=label in deleted) for i, label in enumerate(labels)]


def vote(voter: str, option_id: uuid.UUID | None, value: float | None,
         value_y: float | None = None, *, deleted: bool = False) -> VoteRow:
    return VoteRow(option_id, voter, value, value_y, deleted)


def row(results: Results, option_id: uuid.UUID) -> OptionResult:
    return results.by_option()[option_id]


def order(results: Results) -> list[tuple[str, int | None]]:
    return [(r.label[-1], r.rank) for r in results.options]


def test_dots_with_paper() -> None:
    votes = [
        vote("v1", A, 2), vote("v1", B, 1),
        vote("v2", B, 3),
        vote("v3", A, 1), vote("v3", C, 1), vote("v3", D, 1),
        vote("v4", A, 3, deleted=True),  # replaced or withdrawn
    ]
    paper = [PaperRow(A, 2), PaperRow(C, 4), PaperRow(C, 1, deleted=True)]
    results = tally(ballot("dots", {"dots_per_person": 3, "max_per_option": 3}),
                    options("A", "B", "C", "D"), votes, paper)
    # A: 2 + 1 phone + 2 paper = 5; B: 1 + 3 = 4; C: 1 + 4 paper = 5; D: 1.
    assert (row(results, A).phone, row(results, A).paper, row(results, A).total) == (3, 2, 5)
    assert (row(results, B).phone, row(results, B).paper, row(results, B).total) == (4, 0, 4)
    assert (row(results, C).phone, row(results, C).paper, row(results, C).total) == (1, 4, 5)
    assert row(results, D).total == 1
    assert row(results, A).voters == 2
    assert results.phone_total == 9
    assert results.paper_total == 6
    assert results.total == 15
    assert row(results, A).share == pytest.approx(5 / 15)
    assert row(results, D).share == pytest.approx(1 / 15)
    assert sum(r.share or 0 for r in results.options) == pytest.approx(1)
    assert results.participants == 3
    # A and C tie on 5 and share rank 1 in ballot order; B is third.
    assert order(results) == [("A", 1), ("C", 1), ("B", 3), ("D", 4)]
    assert results.kind == "dots"
    assert results.ballot_id == BALLOT


def test_deleted_options_and_their_votes_and_paper_never_count() -> None:
    votes = [vote("v1", A, 1), vote("v2", B, 1), vote("v3", C, 1), vote("v4", None, None)]
    paper = [PaperRow(B, 10), PaperRow(A, 1)]
    results = tally(ballot("single"), options("A", "B", "C", deleted=("B",)), votes, paper)
    assert [r.option_id for r in results.options] == [A, C]
    assert results.paper_total == 1
    assert results.total == 3
    # v2 voted only for the deleted option: not a participant; v4 is a withdrawal marker.
    assert results.participants == 2


def test_rows_of_other_ballots_are_ignored() -> None:
    stranger = OptionInfo(D, uuid.UUID(int=7), "Elsewhere", None, None, "a0")
    results = tally(ballot("single"), [*options("A"), stranger],
                    [vote("v1", A, 1), vote("v2", D, 1)], [PaperRow(D, 5)])
    assert [r.option_id for r in results.options] == [A]
    assert results.participants == 1
    assert results.paper_total == 0


def test_single_and_multiple() -> None:
    single = tally(ballot("single"), options("A", "B", "C"),
                   [vote("v1", B, 1), vote("v2", B, 1), vote("v3", A, 1)], [PaperRow(C, 1)])
    assert order(single) == [("B", 1), ("A", 2), ("C", 2)]
    assert row(single, B).share == pytest.approx(2 / 4)
    multiple = tally(ballot("multiple"), options("A", "B", "C"),
                     [vote("v1", A, 1), vote("v1", B, 1), vote("v2", B, 1), vote("v2", C, 1),
                      vote("v3", B, 1)], [])
    assert [(r.label[-1], r.total) for r in multiple.options] == [
        ("B", 3), ("A", 1), ("C", 1)]
    assert row(multiple, B).share == pytest.approx(3 / 5)
    assert multiple.participants == 3


def test_points() -> None:
    results = tally(ballot("points"), options("A", "B", "C"),
                    [vote("v1", A, 70), vote("v1", B, 30), vote("v2", B, 50), vote("v2", C, 50),
                     vote("v3", C, 100)], [PaperRow(A, 20)])
    # A 70 + 20 = 90, B 80, C 150; total 320.
    assert [(r.label[-1], r.total, r.rank) for r in results.options] == [
        ("C", 150, 1), ("A", 90, 2), ("B", 80, 3)]
    assert results.total == 320
    assert row(results, C).share == pytest.approx(150 / 320)


def test_rating() -> None:
    votes = [vote("v1", A, 5), vote("v2", A, 4), vote("v3", A, 3),
             vote("v1", B, 5), vote("v2", B, 5),
             vote("v1", C, 1)]
    results = tally(ballot("rating"), options("A", "B", "C", "D"), votes, [PaperRow(A, 3)])
    assert row(results, A).mean == pytest.approx(4.0)
    assert row(results, B).mean == pytest.approx(5.0)
    assert row(results, C).mean == pytest.approx(1.0)
    assert row(results, D).mean is None
    assert row(results, A).voters == 3
    assert row(results, A).distribution == ((1, 0), (2, 0), (3, 1), (4, 1), (5, 1))
    assert row(results, D).distribution == ((1, 0), (2, 0), (3, 0), (4, 0), (5, 0))
    # Paper is reported but adds to no total.
    assert row(results, A).paper == 3
    assert row(results, A).total == 0
    assert row(results, A).share is None
    assert results.total == 0
    assert results.paper_total == 3
    assert order(results) == [("B", 1), ("A", 2), ("C", 3), ("D", 4)]
    assert results.participants == 3


def test_rating_ties_are_broken_by_the_number_of_ratings() -> None:
    votes = [vote("v1", A, 4), vote("v1", B, 4), vote("v2", B, 4), vote("v1", C, 4),
             vote("v2", C, 4)]
    results = tally(ballot("rating", {"scale_min": 0, "scale_max": 4}),
                    options("A", "B", "C"), votes, [])
    assert order(results) == [("B", 1), ("C", 1), ("A", 3)]
    assert row(results, A).distribution[0] == (0, 0)
    assert row(results, A).distribution[-1] == (4, 1)


def test_ranking_borda() -> None:
    # Four options: rank 1 gives 4 points, rank 4 gives 1, unranked 0.
    votes = [vote("v1", A, 1), vote("v1", B, 2), vote("v1", C, 3), vote("v1", D, 4),
             vote("v2", B, 1), vote("v2", A, 2), vote("v2", D, 3), vote("v2", C, 4),
             vote("v3", B, 1), vote("v3", C, 2)]
    results = tally(ballot("ranking"), options("A", "B", "C", "D"), votes, [])
    # A: 4 + 3 = 7; B: 3 + 4 + 4 = 11; C: 2 + 1 + 3 = 6; D: 1 + 2 = 3.
    assert [(r.label[-1], r.borda) for r in results.options] == [
        ("B", 11), ("A", 7), ("C", 6), ("D", 3)]
    assert row(results, B).mean == pytest.approx(4 / 3)
    assert row(results, A).mean == pytest.approx(1.5)
    assert row(results, C).mean == pytest.approx(3.0)
    assert row(results, D).mean == pytest.approx(3.5)
    assert [r.rank for r in results.options] == [1, 2, 3, 4]
    assert results.participants == 3


def test_ranking_ties_on_borda_go_to_the_better_mean_rank() -> None:
    # Three options: rank 1 gives 3 points, rank 3 gives 1.
    votes = [vote("v1", A, 1), vote("v1", B, 2), vote("v1", C, 3),
             vote("v2", C, 1), vote("v2", B, 2), vote("v2", A, 3),
             vote("v3", B, 1)]
    results = tally(ballot("ranking"), options("A", "B", "C"), votes, [])
    # A: 3 + 1 = 4 (mean 2); B: 2 + 2 + 3 = 7 (mean 5/3); C: 1 + 3 = 4 (mean 2).
    assert [(r.label[-1], r.borda, r.rank) for r in results.options] == [
        ("B", 7, 1), ("A", 4, 2), ("C", 4, 2)]
    votes.append(vote("v4", C, 1))
    results = tally(ballot("ranking"), options("A", "B", "C"), votes, [])
    # C: 1 + 3 + 3 = 7 (ranks 3, 1, 1); B: 7 (ranks 2, 2, 1): same mean rank, a tie.
    assert [(r.label[-1], r.borda, r.rank) for r in results.options] == [
        ("B", 7, 1), ("C", 7, 1), ("A", 4, 3)]
    votes.append(vote("v5", B, 2))
    results = tally(ballot("ranking"), options("A", "B", "C"), votes, [])
    # B: 9 points.
    assert order(results)[0] == ("B", 1)


def test_matrix() -> None:
    votes = [vote("v1", A, 8, 2), vote("v2", A, 6, 4), vote("v1", B, 1, 9),
             vote("v3", B, 3, None)]  # half a position never counts
    results = tally(ballot("matrix"), options("A", "B", "C"), votes, [])
    assert row(results, A).voters == 2
    assert row(results, A).mean == pytest.approx(7.0)
    assert row(results, A).mean_y == pytest.approx(3.0)
    assert row(results, A).positions == ((8.0, 2.0), (6.0, 4.0))
    assert row(results, B).voters == 1
    assert row(results, C).voters == 0
    assert row(results, C).mean is None
    # No ranking: ballot order.
    assert order(results) == [("A", None), ("B", None), ("C", None)]


def test_empty_ballot() -> None:
    results = tally(ballot("dots"), options("A", "B"), [], [])
    assert results.participants == 0
    assert results.total == 0
    assert all(r.share is None and r.rank == 1 for r in results.options)
    assert tally(ballot("dots"), [], [], []).options == ()


def test_several_rows_of_one_voter_on_one_option_add_up() -> None:
    """The demo expands counts into one row per dot."""
    results = tally(ballot("dots"), options("A"), [vote("v1", A, 1), vote("v1", A, 1)], [])
    assert row(results, A).phone == 2
    assert row(results, A).voters == 1
    assert results.participants == 1
