"""How results read: one line per option with its figure, for every screen that shows them.

The phone page, the facilitator's results panel, the projector and the PDF protocol all show
the same words, so they are made here once, as translatable messages (context "Results").
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message
from myk10_workshop.store.schema import BallotKind
from myk10_workshop.voting import rules
from myk10_workshop.voting.tally import OptionResult, Results


@dataclass(frozen=True)
class ResultLine:
    option_id: uuid.UUID
    label: str
    rank: int | None
    figure: Message
    # 0..1: the length of the option's bar (None: no bar, e.g. a matrix).
    fraction: float | None
    # Only the phones' part and the paper part, for counting kinds ("12 + 3 on paper").
    paper: int = 0


def number(value: float, decimals: int = 1) -> str:
    """A figure as people read it: whole numbers without decimals, otherwise one decimal."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.{decimals}f}"


def participants(results: Results) -> Message:
    """"N participants have voted", with the singular for one (and for none: "nobody")."""
    if results.participants == 0:
        return QT_TRANSLATE_NOOP("Results", "Nobody has voted yet")
    if results.participants == 1:
        return QT_TRANSLATE_NOOP("Results", "1 participant has voted")
    return QT_TRANSLATE_NOOP("Results", "{count} participants have voted").with_params(
        count=results.participants)


def lines(results: Results, settings: Mapping[str, Any]) -> tuple[ResultLine, ...]:
    """The result lines of a ballot in ranking order (ballot order for a matrix)."""
    kind = results.kind
    if kind in rules.COUNTING_KINDS:
        return _counting(results)
    if kind == BallotKind.RATING:
        return _rating(results, settings)
    if kind == BallotKind.RANKING:
        return _ranking(results)
    if kind == BallotKind.MATRIX:
        return tuple(_matrix_line(result, settings) for result in results.options)
    return ()


def _counting(results: Results) -> tuple[ResultLine, ...]:
    most = max((result.total for result in results.options), default=0.0)
    found = []
    for result in results.options:
        if result.paper:
            figure = QT_TRANSLATE_NOOP("Results", "{total} ({paper} on paper)").with_params(
                total=number(result.total), paper=result.paper)
        else:
            figure = QT_TRANSLATE_NOOP("Results", "{total}").with_params(
                total=number(result.total))
        found.append(ResultLine(result.option_id, result.label, result.rank, figure,
                                result.total / most if most else 0.0, result.paper))
    return tuple(found)


def _rating(results: Results, settings: Mapping[str, Any]) -> tuple[ResultLine, ...]:
    low, high = float(settings["scale_min"]), float(settings["scale_max"])
    found = []
    for result in results.options:
        if result.mean is None:
            figure = QT_TRANSLATE_NOOP("Results", "not rated yet")
            fraction = 0.0
        else:
            figure = (QT_TRANSLATE_NOOP("Results", "average {mean} (1 rating)")
                      if result.voters == 1 else
                      QT_TRANSLATE_NOOP("Results", "average {mean} ({count} ratings)")
                      ).with_params(mean=number(result.mean), count=result.voters)
            fraction = (result.mean - low) / (high - low) if high > low else 0.0
        found.append(ResultLine(result.option_id, result.label,
                                result.rank if result.mean is not None else None,
                                figure, max(0.0, min(1.0, fraction))))
    return tuple(found)


def _ranking(results: Results) -> tuple[ResultLine, ...]:
    most = max((result.borda or 0 for result in results.options), default=0)
    found = []
    for result in results.options:
        if result.mean is None:
            figure = QT_TRANSLATE_NOOP("Results", "not ranked yet")
        else:
            figure = QT_TRANSLATE_NOOP("Results", "{points} points, average place {mean}"
                                       ).with_params(points=result.borda or 0,
                                                     mean=number(result.mean))
        found.append(ResultLine(result.option_id, result.label, result.rank, figure,
                                (result.borda or 0) / most if most else 0.0))
    return tuple(found)


def _matrix_line(result: OptionResult, settings: Mapping[str, Any]) -> ResultLine:
    if result.mean is None or result.mean_y is None:
        figure = QT_TRANSLATE_NOOP("Results", "not placed yet")
    else:
        figure = (QT_TRANSLATE_NOOP("Results", "{x_label} {x}, {y_label} {y} (1 vote)")
                  if result.voters == 1 else
                  QT_TRANSLATE_NOOP("Results", "{x_label} {x}, {y_label} {y} ({count} votes)")
                  ).with_params(x_label=settings["x_label"],
                                                 x=number(result.mean),
                                                 y_label=settings["y_label"],
                                                 y=number(result.mean_y),
                                                 count=result.voters)
    return ResultLine(result.option_id, result.label, None, figure, None)


KIND_NAMES: dict[str, Message] = {
    BallotKind.DOTS.value: QT_TRANSLATE_NOOP("Results", "Dot voting"),
    BallotKind.SINGLE.value: QT_TRANSLATE_NOOP("Results", "Single choice"),
    BallotKind.MULTIPLE.value: QT_TRANSLATE_NOOP("Results", "Multiple choice"),
    BallotKind.RATING.value: QT_TRANSLATE_NOOP("Results", "Rating scale"),
    BallotKind.RANKING.value: QT_TRANSLATE_NOOP("Results", "Ranking"),
    BallotKind.POINTS.value: QT_TRANSLATE_NOOP("Results", "100-point allocation"),
    BallotKind.MATRIX.value: QT_TRANSLATE_NOOP("Results", "2x2 matrix"),
    BallotKind.OPEN_TEXT.value: QT_TRANSLATE_NOOP("Results", "Open question (ideas)"),
}

STATUS_NAMES: dict[str, Message] = {
    "draft": QT_TRANSLATE_NOOP("Results", "Draft"),
    "open": QT_TRANSLATE_NOOP("Results", "Open"),
    "closed": QT_TRANSLATE_NOOP("Results", "Closed"),
}
