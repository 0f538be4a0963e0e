"""Named operations of phone voting. Each is one transaction and, for the facilitator, one
undo step.

The facilitator's (create, edit, open, close, paper tallies) are compositions of the store's
generic operations or small custom ones that check the ballot's state in their transaction.
The participants' (:class:`CastVote`, :class:`SubmitIdea`) read the ballot inside their
transaction, so a vote that arrives a moment after closing is refused, never half-written.

Idempotence of votes: a phone sends a random ``submission_id`` with every form. Each vote
row stores a ``client_vote_id`` derived from (ballot, voter, submission, option), so a
resent submission finds its rows (live, or replaced by a later submission) and changes
nothing: the operation's change set is empty and its inverse is :class:`NoOp`
(:func:`is_duplicate`). A resent *older* submission therefore never overwrites a newer one.
A withdrawal (no choices) leaves one tombstoned marker row for the same purpose.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message
from myk10_workshop.store.entities import validate_values
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.ids import fresh_id
from myk10_workshop.store.operations import (
    Batch,
    Create,
    Delete,
    NoOp,
    Operation,
    OpResult,
    Restore,
    Tombstone,
    Tx,
    Update,
    utc_now,
)
from myk10_workshop.store.schema import (
    Ballot,
    BallotKind,
    BallotOption,
    BallotStatus,
    Cluster,
    Idea,
    IdeaSource,
    IdeaState,
    PaperTally,
)
from myk10_workshop.voting import rules

# (label, idea, cluster) of an option to create.
OptionSpec = tuple[str, uuid.UUID | None, uuid.UUID | None]

LABEL_LENGTH = 300
CLIENT_VOTE_ID_LENGTH = 40
# Ideas sent with a submission id get an id derived from it (a resend finds it).
IDEA_NAMESPACE = uuid.UUID("5b0c7f0e-8a57-4f7e-9a43-3f1f6c1d2e10")
EDITABLE = frozenset({"title", "question", "kind", "settings", "board_id"})

_VOTER_HASH = re.compile(r"^[0-9a-f]{64}$")
_SUBMISSION = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

_GONE = QT_TRANSLATE_NOOP("Voting", "This ballot no longer exists.")
_UNKNOWN_PHONE = QT_TRANSLATE_NOOP(
    "Voting", "This phone could not be recognised. Please reload the page.")
_NEEDS_BOARD = QT_TRANSLATE_NOOP("Voting", "An open question needs a board for the ideas.")
ADD_OPTIONS_LABEL = QT_TRANSLATE_NOOP("Voting", "Add options from the board")


# --------------------------------------------------------------------------- facilitator


def create_ballot(workshop_id: uuid.UUID, kind: str, title: str, *, question: str = "",
                  settings: Mapping[str, Any] | None = None, board_id: uuid.UUID | None = None,
                  options: Sequence[OptionSpec] = (),
                  ballot_id: uuid.UUID | None = None) -> Batch:
    """A draft ballot with its options (in the given order), as one undo step.

    The settings are checked and stored with the defaults filled in; the ballot's id is
    ``ballot_id`` or a new one (``batch.operations[0].id``).
    """
    normalised = rules.validate_settings(kind, settings)
    if kind == BallotKind.OPEN_TEXT:
        if board_id is None:
            raise ValidationError(_NEEDS_BOARD, "board_id")
        if options:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Voting", "An open question has no options."))
    ballot = Create("ballot", {
        "workshop_id": workshop_id, "kind": kind, "title": title.strip(),
        "question": question.strip(), "settings": normalised, "board_id": board_id,
        "status": BallotStatus.DRAFT.value, "results_hidden": False, "closes_at": None,
    }, id=ballot_id or fresh_id())
    creates = [_option(ballot.id, label, idea_id, cluster_id)
               for label, idea_id, cluster_id in options]
    return Batch((ballot, *creates), QT_TRANSLATE_NOOP("Voting", "Create ballot"))


def _option(ballot_id: uuid.UUID, label: str, idea_id: uuid.UUID | None,
            cluster_id: uuid.UUID | None) -> Create:
    return Create("ballot_option", {"ballot_id": ballot_id, "label": label.strip(),
                                    "idea_id": idea_id, "cluster_id": cluster_id})


def option_label(text: str) -> str:
    """A note's or cluster's text as an option label: one line, at most 300 characters."""
    line = " ".join(_CONTROL.sub("", text).split())
    return line if len(line) <= LABEL_LENGTH else line[:LABEL_LENGTH - 1].rstrip() + "…"


def options_from_board(session: Session, board_id: uuid.UUID, *,
                       source: Literal["clusters", "ideas"] = "clusters",
                       only: Collection[uuid.UUID] | None = None) -> tuple[OptionSpec, ...]:
    """Options for the clusters (or the visible notes) of a board, in reading order (top to
    bottom, left to right); ``only`` restricts them to some clusters or notes.

    A cluster without a title is named by its first note; an empty one without a title is
    left out.
    """
    wanted = None if only is None else set(only)
    found: list[OptionSpec] = []
    if source == "clusters":
        clusters = session.execute(
            select(Cluster.id, Cluster.title)
            .where(Cluster.board_id == board_id, Cluster.deleted.is_(False))
            .order_by(Cluster.y, Cluster.x, Cluster.id)).all()
        for cluster_id, title in clusters:
            if wanted is not None and cluster_id not in wanted:
                continue
            label = option_label(title)
            if not label:
                first = session.scalar(
                    select(Idea.text)
                    .where(Idea.cluster_id == cluster_id, Idea.deleted.is_(False))
                    .order_by(Idea.y, Idea.x, Idea.id).limit(1))
                label = option_label(first or "")
            if label:
                found.append((label, None, cluster_id))
        return tuple(found)
    ideas = session.execute(
        select(Idea.id, Idea.text)
        .where(Idea.board_id == board_id, Idea.deleted.is_(False),
               Idea.state == IdeaState.BOARD.value)
        .order_by(Idea.y, Idea.x, Idea.id)).all()
    for idea_id, text in ideas:
        if wanted is None or idea_id in wanted:
            label = option_label(text)
            if label:
                found.append((label, idea_id, None))
    return tuple(found)


def add_option(ballot_id: uuid.UUID, label: str, *, idea_id: uuid.UUID | None = None,
               cluster_id: uuid.UUID | None = None) -> Create:
    """One more option, at the end (also while the ballot is open)."""
    return _option(ballot_id, label, idea_id, cluster_id)


def rename_option(option_id: uuid.UUID, label: str) -> Update:
    return Update("ballot_option", option_id, {"label": label.strip()})


def delete_option(option_id: uuid.UUID) -> Delete:
    """Remove an option with its paper tallies; its votes no longer count (undo: they do)."""
    return Delete("ballot_option", option_id)


def delete_ballot(ballot_id: uuid.UUID) -> Delete:
    return Delete("ballot", ballot_id)


def edit_ballot(ballot_id: uuid.UUID, **changes: Any) -> EditBallot:
    """Change title, question, kind, settings or board.

    The kind changes only while the ballot is a draft; new settings are checked against the
    (new) kind; changing the kind without settings gives the new kind's defaults.
    """
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValueError(f"not editable through edit_ballot: {sorted(unknown)}")
    return EditBallot(ballot_id, dict(changes))


@dataclass(frozen=True)
class EditBallot(Operation):
    ballot_id: uuid.UUID
    changes: Mapping[str, Any]
    name: ClassVar[str] = "edit_ballot"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("Voting", "Change ballot")

    def validate(self) -> None:
        validate_values("ballot", {k: v for k, v in self.changes.items() if k != "settings"},
                        creating=False)
        if "kind" in self.changes:
            rules.validate_settings(self.changes["kind"], self.changes.get("settings"))

    def apply(self, tx: Tx) -> Operation:
        row = tx.require("ballot", self.ballot_id)
        kind = self.changes.get("kind", row["kind"])
        updates = {k: (v.strip() if isinstance(v, str) and k != "kind" else v)
                   for k, v in self.changes.items()}
        if kind != row["kind"]:
            if row["status"] != BallotStatus.DRAFT:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Voting", "The kind of a ballot can only change while it is a draft."),
                    "kind")
            updates["settings"] = rules.validate_settings(kind, self.changes.get("settings"))
        elif "settings" in self.changes:
            updates["settings"] = rules.validate_settings(kind, self.changes["settings"])
        if kind == BallotKind.OPEN_TEXT and updates.get("board_id", row["board_id"]) is None:
            raise ValidationError(_NEEDS_BOARD, "board_id")
        old = tx.update("ballot", self.ballot_id, updates)
        return Update("ballot", self.ballot_id, old) if old else NoOp()


def open_ballot(ballot_id: uuid.UUID, closes_at: dt.datetime | None = None) -> OpenBallot:
    """Open a draft, reopen a closed ballot (its votes stay) or set the countdown of an open
    one. ``closes_at``: when voting ends on its own (naive UTC, or any aware time)."""
    if closes_at is not None and closes_at.tzinfo is not None:
        closes_at = closes_at.astimezone(dt.UTC).replace(tzinfo=None)
    return OpenBallot(ballot_id, closes_at)


@dataclass(frozen=True)
class OpenBallot(Operation):
    ballot_id: uuid.UUID
    closes_at: dt.datetime | None = None
    name: ClassVar[str] = "open_ballot"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("Voting", "Open ballot")

    def validate(self) -> None:
        if self.closes_at is not None and self.closes_at <= utc_now():
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Voting", "The closing time has already passed."), "closes_at")

    def apply(self, tx: Tx) -> Operation:
        row = tx.require("ballot", self.ballot_id)
        if row["kind"] == BallotKind.OPEN_TEXT:
            board = tx.get("board", row["board_id"]) if row["board_id"] else None
            if board is None or board["deleted"]:
                raise ValidationError(_NEEDS_BOARD, "board_id")
        elif not _live_options(tx.session, self.ballot_id):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Voting", "Add at least one option before opening the ballot."))
        old = tx.update("ballot", self.ballot_id,
                        {"status": BallotStatus.OPEN.value, "closes_at": self.closes_at})
        return Update("ballot", self.ballot_id, old) if old else NoOp()


def close_ballot(ballot_id: uuid.UUID) -> Batch:
    """End voting now (also before a countdown runs out)."""
    return Batch((Update("ballot", ballot_id, {"status": BallotStatus.CLOSED.value}),),
                 QT_TRANSLATE_NOOP("Voting", "Close ballot"))


def set_results_hidden(ballot_id: uuid.UUID, hidden: bool) -> Batch:
    """Hide the results from the participants until the ballot closes, or show them."""
    label = (QT_TRANSLATE_NOOP("Voting", "Hide results") if hidden
             else QT_TRANSLATE_NOOP("Voting", "Show results"))
    return Batch((Update("ballot", ballot_id, {"results_hidden": hidden}),), label)


def set_paper_tally(option_id: uuid.UUID, count: int, note: str = "") -> SetPaperTally:
    """The votes counted on paper for an option (replacing what was typed in before)."""
    return SetPaperTally(option_id, count, note)


@dataclass(frozen=True)
class SetPaperTally(Operation):
    """Creates the option's tally, or updates its one live tally. (Two laptops may each have
    created one; the first is kept and the others tombstoned, so the option's paper count is
    ``count``.)"""

    option_id: uuid.UUID
    count: int
    note: str = ""
    name: ClassVar[str] = "set_paper_tally"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("Voting", "Enter paper votes")

    def validate(self) -> None:
        if not isinstance(self.count, int) or isinstance(self.count, bool) or self.count < 0:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Voting", "Paper votes are whole numbers, 0 or more."), "count")
        validate_values("paper_tally", {"count": self.count, "note": self.note}, creating=False)

    def apply(self, tx: Tx) -> Operation:
        tx.require("ballot_option", self.option_id)
        tallies = list(tx.session.scalars(
            select(PaperTally.id)
            .where(PaperTally.option_id == self.option_id, PaperTally.deleted.is_(False))
            .order_by(PaperTally.id)))
        values = {"count": self.count, "note": self.note.strip()}
        if not tallies:
            tally_id = fresh_id()
            tx.insert("paper_tally", tally_id, {"option_id": self.option_id, **values})
            return Delete("paper_tally", tally_id)
        first, *others = tallies
        old = tx.update("paper_tally", first, values)
        removed = tuple(("paper_tally", other) for other in others
                        if tx.set_deleted("paper_tally", other, True))
        inverse: list[Operation] = [Restore(removed)] if removed else []
        if old:
            inverse.append(Update("paper_tally", first, old))
        return Batch(tuple(inverse), self.label) if inverse else NoOp()


# --------------------------------------------------------------------------- participants


def client_vote_id(ballot_id: uuid.UUID, voter_hash: str, submission_id: str,
                   option_id: uuid.UUID | None) -> str:
    """The stored id of one row of a submission (``None``: the withdrawal marker)."""
    part = "withdraw" if option_id is None else str(option_id)
    text = f"{ballot_id}:{voter_hash}:{submission_id}:{part}"
    return hashlib.sha256(text.encode()).hexdigest()[:CLIENT_VOTE_ID_LENGTH]


def is_duplicate(result: OpResult) -> bool:
    """Whether a :class:`CastVote` or :class:`SubmitIdea` was a resend that changed nothing."""
    return not result.changes


def _check_voter(voter_hash: str) -> None:
    if not isinstance(voter_hash, str) or not _VOTER_HASH.match(voter_hash):
        raise ValidationError(_UNKNOWN_PHONE)


def _live_options(session: Session, ballot_id: uuid.UUID) -> list[uuid.UUID]:
    return list(session.scalars(
        select(BallotOption.id)
        .where(BallotOption.ballot_id == ballot_id, BallotOption.deleted.is_(False))
        .order_by(BallotOption.order_key, BallotOption.id)))


def _ballot(tx: Tx, ballot_id: uuid.UUID) -> dict[str, Any]:
    row = tx.get("ballot", ballot_id)
    if row is None or row["deleted"]:
        raise ValidationError(_GONE)
    return row


@dataclass(frozen=True)
class CastVote(Operation):
    """One phone's submission on one ballot: replaces what that phone voted before; no
    choices withdraw its vote. See the module for how a resend is recognised."""

    ballot_id: uuid.UUID
    voter_hash: str
    submission_id: str
    choices: Mapping[uuid.UUID, rules.Choice] = field(default_factory=dict)
    name: ClassVar[str] = "cast_vote"
    groupable: ClassVar[bool] = True

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("Voting", "Vote")

    def validate(self) -> None:
        _check_voter(self.voter_hash)
        if not isinstance(self.submission_id, str) or not _SUBMISSION.match(self.submission_id):
            raise ValidationError(rules.UNREADABLE)
        if not isinstance(self.choices, Mapping):
            raise ValidationError(rules.UNREADABLE)

    def row_id(self, option_id: uuid.UUID | None) -> str:
        return client_vote_id(self.ballot_id, self.voter_hash, self.submission_id, option_id)

    def apply(self, tx: Tx) -> Operation:
        # Phones vote in bursts: statements built once, rows written in few statements,
        # the ballot and its options kept between votes while neither changes (votes
        # never change them).
        ballot, options = self._ballot(tx)
        if ballot is None or ballot.deleted:
            raise ValidationError(_GONE)
        if ballot.kind == BallotKind.OPEN_TEXT:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Voting", "This ballot collects ideas, not votes."))
        if self._seen_before(tx):
            return NoOp()
        now = utc_now()
        rules.refuse_unless_open(ballot.status, ballot.closes_at, now)
        settings = rules.effective_settings(ballot.kind, ballot.settings)
        kept = rules.validate_choices(ballot.kind, settings, options, self.choices)
        withdrawn = tuple(("vote", vote_id) for vote_id in tx.tombstone_where(
            "vote", ballot_id=self.ballot_id, voter_hash=self.voter_hash))
        rows = [(fresh_id(), {
            "ballot_id": self.ballot_id, "option_id": option_id,
            "voter_hash": self.voter_hash, "client_vote_id": self.row_id(option_id),
            "value": value, "value_y": value_y, "cast_at": now,
        }) for option_id, (value, value_y) in kept.items()]
        if rows:
            # The ballot and every option were just read live in this transaction.
            tx.bulk_insert("vote", rows, refs_checked=True)
        else:
            # Remembers the withdrawal, so a resend of it cannot undo a later vote.
            marker = fresh_id()
            tx.insert("vote", marker, {
                "ballot_id": self.ballot_id, "option_id": None, "voter_hash": self.voter_hash,
                "client_vote_id": self.row_id(None), "value": None, "value_y": None,
                "cast_at": now,
            })
            tx.set_deleted("vote", marker, True)
        cast = tuple(("vote", vote_id) for vote_id, _ in rows)
        return Batch((Tombstone(cast), Restore(withdrawn)), self.label)

    def _ballot(self, tx: Tx) -> tuple[Any, list[uuid.UUID]]:
        """The ballot's row (None if there is none) and its live options, in order: read
        once for the votes that follow while no ballot or option changes."""

        def read() -> tuple[Any, list[uuid.UUID]]:
            ballot = tx.rows(_CAST_BALLOT, {"ballot": self.ballot_id}).first()
            options = list(tx.rows(_CAST_OPTIONS, {"ballot": self.ballot_id}).scalars())
            return ballot, options

        return tx.remember(("cast_vote.ballot", self.ballot_id), ("ballot", "ballot_option"),
                           read)

    def _seen_before(self, tx: Tx) -> bool:
        ids = [self.row_id(None)]
        ids += [self.row_id(option_id) for option_id in self.choices
                if isinstance(option_id, uuid.UUID)]
        return tx.any_where_in("vote", "client_vote_id", ids)


# What a vote reads in its transaction, built once.
_CAST_BALLOT = select(Ballot.kind, Ballot.status, Ballot.closes_at, Ballot.settings,
                      Ballot.deleted).where(Ballot.id == bindparam("ballot"))
_CAST_OPTIONS = (select(BallotOption.id)
                 .where(BallotOption.ballot_id == bindparam("ballot"),
                        BallotOption.deleted.is_(False))
                 .order_by(BallotOption.order_key, BallotOption.id))


@dataclass(frozen=True)
class SubmitIdea(Operation):
    """A participant's answer to an open question: a new note in the inbox of the ballot's
    board. With a ``submission_id`` a resend is recognised and changes nothing."""

    ballot_id: uuid.UUID
    voter_hash: str
    text: str
    submission_id: str | None = None
    name: ClassVar[str] = "submit_idea"
    groupable: ClassVar[bool] = True

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("Voting", "Send an idea")

    def validate(self) -> None:
        _check_voter(self.voter_hash)
        if self.submission_id is not None and (
                not isinstance(self.submission_id, str)
                or not _SUBMISSION.match(self.submission_id)):
            raise ValidationError(rules.UNREADABLE)
        rules.validate_idea_text({}, self.text)

    @property
    def idea_id(self) -> uuid.UUID | None:
        """The id the idea gets when the submission has an id."""
        if self.submission_id is None:
            return None
        return uuid.uuid5(IDEA_NAMESPACE,
                          f"{self.ballot_id}:{self.voter_hash}:{self.submission_id}")

    def apply(self, tx: Tx) -> Operation:
        ballot = _ballot(tx, self.ballot_id)
        if ballot["kind"] != BallotKind.OPEN_TEXT:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Voting", "This ballot collects votes, not ideas."))
        idea_id = self.idea_id
        if idea_id is not None and tx.get("idea", idea_id) is not None:
            return NoOp()
        rules.refuse_unless_open(ballot["status"], ballot["closes_at"], utc_now())
        board = tx.get("board", ballot["board_id"]) if ballot["board_id"] else None
        if board is None or board["deleted"]:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Voting", "This question has no board to collect the ideas."))
        settings = rules.effective_settings(ballot["kind"], ballot["settings"])
        text = rules.validate_idea_text(settings, self.text)
        new_id = idea_id or fresh_id()
        tx.insert("idea", new_id, {
            "board_id": board["id"], "text": text, "x": 0.0, "y": 0.0, "author": "",
            "source": IdeaSource.PHONE.value, "state": IdeaState.INBOX.value,
        })
        return Delete("idea", new_id)
