"""Read models of ballots: plain, immutable snapshots for the facilitator's views and the
phone pages, read with Core selects."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from myk10_workshop.store.operations import utc_now
from myk10_workshop.store.schema import Ballot, BallotOption, BallotStatus, PaperTally, Vote
from myk10_workshop.voting import rules
from myk10_workshop.voting.tally import (
    BallotInfo,
    OptionInfo,
    PaperRow,
    Results,
    VoteRow,
    tally,
)


@dataclass(frozen=True)
class BallotView:
    """A ballot with its live options in their order."""

    ballot: BallotInfo
    options: tuple[OptionInfo, ...]


@dataclass(frozen=True)
class BallotSummary:
    """A line of the facilitator's list of ballots."""

    ballot: BallotInfo
    options: int
    participants: int


def _ballot_columns() -> Select[Any]:
    ballot = Ballot.__table__.c
    return select(ballot.id, ballot.workshop_id, ballot.board_id, ballot.title,
                  ballot.question, ballot.kind, ballot.settings, ballot.status,
                  ballot.results_hidden, ballot.closes_at, ballot.order_key)


def _info(values: Iterable[Any]) -> BallotInfo:
    (ballot_id, workshop_id, board_id, title, question, kind, settings, status,
     results_hidden, closes_at, order_key) = values
    return BallotInfo(ballot_id, workshop_id, board_id, title, question, kind,
                      rules.effective_settings(kind, settings), status, results_hidden,
                      closes_at, order_key)


def _options(session: Session, ballot_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID,
                                                                         list[OptionInfo]]:
    option = BallotOption.__table__.c
    found: dict[uuid.UUID, list[OptionInfo]] = {}
    wanted = list(ballot_ids)
    if not wanted:
        return found
    for values in session.execute(
            select(option.id, option.ballot_id, option.label, option.idea_id,
                   option.cluster_id, option.order_key)
            .where(option.ballot_id.in_(wanted), option.deleted.is_(False))
            .order_by(option.order_key, option.id)):
        info = OptionInfo(*values)
        found.setdefault(info.ballot_id, []).append(info)
    return found


def list_ballots(session: Session, workshop_id: uuid.UUID) -> tuple[BallotSummary, ...]:
    """The workshop's ballots in their order, with option and participant counts."""
    ballot = Ballot.__table__.c
    infos = [_info(values) for values in session.execute(
        _ballot_columns().where(ballot.workshop_id == workshop_id, ballot.deleted.is_(False))
        .order_by(ballot.order_key, ballot.id))]
    if not infos:
        return ()
    ids = [info.id for info in infos]
    option = BallotOption.__table__.c
    option_counts = {ballot_id: count for ballot_id, count in session.execute(
        select(option.ballot_id, func.count())
        .where(option.ballot_id.in_(ids), option.deleted.is_(False))
        .group_by(option.ballot_id))}
    vote = Vote.__table__.c
    participants = {ballot_id: count for ballot_id, count in session.execute(
        select(vote.ballot_id, func.count(vote.voter_hash.distinct()))
        .join(BallotOption.__table__, option.id == vote.option_id)
        .where(vote.ballot_id.in_(ids), vote.deleted.is_(False), option.deleted.is_(False),
               vote.value.is_not(None))
        .group_by(vote.ballot_id))}
    return tuple(BallotSummary(info, option_counts.get(info.id, 0),
                               participants.get(info.id, 0)) for info in infos)


def load_ballot(session: Session, ballot_id: uuid.UUID) -> BallotView | None:
    """The ballot with its live options; None if it is gone."""
    ballot = Ballot.__table__.c
    values = session.execute(
        _ballot_columns().where(ballot.id == ballot_id, ballot.deleted.is_(False))).first()
    if values is None:
        return None
    return BallotView(_info(values), tuple(_options(session, [ballot_id]).get(ballot_id, [])))


def open_ballots(session: Session, workshop_id: uuid.UUID,
                 now: dt.datetime | None = None) -> tuple[BallotView, ...]:
    """The workshop's ballots that take votes now (open, countdown not run out)."""
    now = now or utc_now()
    ballot = Ballot.__table__.c
    infos = [info for info in (_info(values) for values in session.execute(
        _ballot_columns().where(ballot.workshop_id == workshop_id, ballot.deleted.is_(False),
                                ballot.status == BallotStatus.OPEN.value)
        .order_by(ballot.order_key, ballot.id))) if info.accepts_votes(now)]
    options = _options(session, [info.id for info in infos])
    return tuple(BallotView(info, tuple(options.get(info.id, []))) for info in infos)


def results(session: Session, ballot_id: uuid.UUID) -> Results | None:
    """The ballot's results (phone votes and paper tallies); None if the ballot is gone.

    Whether participants may see them is the caller's decision
    (:meth:`BallotInfo.results_visible`).
    """
    view = load_ballot(session, ballot_id)
    if view is None:
        return None
    vote = Vote.__table__.c
    votes = [VoteRow(*values) for values in session.execute(
        select(vote.option_id, vote.voter_hash, vote.value, vote.value_y)
        .where(vote.ballot_id == ballot_id, vote.deleted.is_(False)))]
    paper_table = PaperTally.__table__.c
    option_ids = [option.id for option in view.options]
    paper = [PaperRow(*values) for values in session.execute(
        select(paper_table.option_id, paper_table.count)
        .where(paper_table.option_id.in_(option_ids), paper_table.deleted.is_(False)))]
    return tally(view.ballot, view.options, votes, paper)


def voter_choices(session: Session, ballot_id: uuid.UUID,
                  voter_hash: str) -> dict[uuid.UUID, rules.Choice]:
    """What this device voted on live options (to prefill its form); empty if nothing."""
    vote = Vote.__table__.c
    option = BallotOption.__table__.c
    return {option_id: (value, value_y) for option_id, value, value_y in session.execute(
        select(vote.option_id, vote.value, vote.value_y)
        .join(BallotOption.__table__, option.id == vote.option_id)
        .where(vote.ballot_id == ballot_id, vote.voter_hash == voter_hash,
               vote.deleted.is_(False), option.deleted.is_(False))
        .order_by(option.order_key, option.id))}
