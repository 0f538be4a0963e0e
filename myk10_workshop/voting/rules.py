"""The rules of the ballot kinds: their settings, what a valid submission is, the phone form.

Every refusal is a :class:`ValidationError` whose message (context "Voting") a participant
understands on a phone, or a facilitator in the ballot dialog. Functions here are pure.

Settings per kind (``Ballot.settings``; :func:`default_settings` gives the defaults,
:func:`validate_settings` fills them in and checks them):

``dots``       ``dots_per_person`` (1..20, default 3), ``max_per_option`` (1..dots_per_person,
               default 1)
``single``     none
``multiple``   ``max_choices`` (1..100, or None for "as many as there are options")
``rating``     ``scale_min``, ``scale_max`` (default 1..5; a scale has 2 to 10 points, each
               end from -10 to 10), ``labels`` ({"1": "gar nicht", "5": "sehr"}; keys are
               ratings on the scale, values a short line of text)
``ranking``    ``max_ranked`` (1..100 or None): how many options a voter may rank at most
``points``     ``total`` (1..10000, default 100)
``matrix``     ``x_label``, ``y_label``, ``x_low``, ``x_high``, ``y_low``, ``y_high``: short
               lines of text, workshop content in the workshop's language (defaults German:
               impact x effort)
``open_text``  ``max_length`` (1..2000, default 500)

A submission (*choices*) maps option id to ``(value, value_y)``:

``dots``       value = dots on the option (whole, 0..max_per_option, sum <= dots_per_person)
``single``     exactly one option, value 1
``multiple``   1..max_choices options, value 1 each
``rating``     value = rating on the scale; options may be left out
``ranking``    value = rank, 1 = best; ranks distinct, from 1 without gaps, at most
               ``max_ranked`` (default: all options); options may be left out
``points``     value = points (whole, >= 0, sum <= total)
``matrix``     value = x and value_y = y, each 0..10; options may be left out
Options with value 0 (dots, points, single, multiple) or without a value are dropped; an
empty submission withdraws the vote.

Form fields of the phone pages (:func:`parse_form` reads them, :func:`form_fields` writes
them to prefill a form; the web pages use exactly these names; ``<id>`` is the option's
UUID in its canonical lower-case form):

``dots-<id>``       number of dots on the option (empty = 0)
``choice``          single choice: the chosen option's id (radio buttons)
``choice-<id>``     multiple choice: present with a non-empty value (e.g. "on") = chosen
``rating-<id>``     rating (empty = not rated)
``rank-<id>``       rank (empty = not ranked)
``points-<id>``     points (empty = 0)
``x-<id>``, ``y-<id>``  matrix position (both empty = not placed)
``text``            open question: the idea's text (:func:`parse_idea_form`)
``withdraw``        present (any value): withdraw the vote; the other fields are ignored
Other fields (e.g. a hidden ``submission`` id, which the page should send so a resent form
is counted once) are ignored. Numbers may use a decimal comma.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.schema import BallotKind, BallotStatus

Choice = tuple[float | None, float | None]
Choices = dict[uuid.UUID, Choice]

MATRIX_MIN = 0.0
MATRIX_MAX = 10.0
MAX_DOTS = 20
MAX_OPTIONS_SETTING = 100
MAX_POINTS = 10_000
SCALE_LIMIT = 10
MAX_SCALE_POINTS = 10
MAX_IDEA_LENGTH = 2000
SETTING_TEXT_LENGTH = 100

# Counting kinds: their values add up to totals, and paper tallies add to them.
COUNTING_KINDS = frozenset({BallotKind.DOTS.value, BallotKind.SINGLE.value,
                            BallotKind.MULTIPLE.value, BallotKind.POINTS.value})

FIELD_PREFIX = {
    BallotKind.DOTS.value: "dots",
    BallotKind.MULTIPLE.value: "choice",
    BallotKind.RATING.value: "rating",
    BallotKind.RANKING.value: "rank",
    BallotKind.POINTS.value: "points",
    BallotKind.MATRIX.value: "x",
}
SINGLE_FIELD = "choice"
MATRIX_Y_PREFIX = "y"
TEXT_FIELD = "text"
WITHDRAW_FIELD = "withdraw"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NUMBER = re.compile(r"^[+-]?\d{1,9}(?:[.,]\d{1,6})?$")

_MATRIX_DEFAULTS = {
    "x_label": "Nutzen",
    "y_label": "Aufwand",
    "x_low": "gering",
    "x_high": "hoch",
    "y_low": "gering",
    "y_high": "hoch",
}

UNREADABLE = QT_TRANSLATE_NOOP(
    "Voting", "Your vote could not be read. Please reload the page and vote again.")
_GONE_OPTION = QT_TRANSLATE_NOOP(
    "Voting", "An option you chose is no longer on this ballot. Please reload the page.")


# --------------------------------------------------------------------------- settings


_DEFAULTS: dict[str, dict[str, Any]] = {
    BallotKind.DOTS.value: {"dots_per_person": 3, "max_per_option": 1},
    BallotKind.SINGLE.value: {},
    BallotKind.MULTIPLE.value: {"max_choices": None},
    BallotKind.RATING.value: {"scale_min": 1, "scale_max": 5, "labels": {}},
    BallotKind.RANKING.value: {"max_ranked": None},
    BallotKind.POINTS.value: {"total": 100},
    BallotKind.MATRIX.value: _MATRIX_DEFAULTS,
    BallotKind.OPEN_TEXT.value: {"max_length": 500},
}


def default_settings(kind: str) -> dict[str, Any]:
    """The settings a new ballot of ``kind`` gets when the facilitator changes nothing."""
    if kind not in _DEFAULTS:
        raise ValidationError(QT_TRANSLATE_NOOP("Voting", "Unknown kind of ballot."), "kind")
    return {name: dict(value) if isinstance(value, dict) else value
            for name, value in _DEFAULTS[kind].items()}


def validate_settings(kind: str, settings: Mapping[str, Any] | None) -> dict[str, Any]:
    """``settings`` with the defaults filled in, checked; a refusal names the rule."""
    result = default_settings(kind)
    if settings is None:
        settings = {}
    if not isinstance(settings, Mapping):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Voting", "The rules of the ballot could not be read."), "settings")
    for name, value in settings.items():
        if name not in result:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Voting", "“{name}” is not a rule of this kind of ballot.").with_params(
                    name=name), "settings")
        result[name] = value
    if kind == BallotKind.DOTS:
        result["dots_per_person"] = _whole(
            result["dots_per_person"], 1, MAX_DOTS,
            QT_TRANSLATE_NOOP("Voting", "Dots per person"))
        result["max_per_option"] = _whole(
            result["max_per_option"], 1, result["dots_per_person"],
            QT_TRANSLATE_NOOP("Voting", "Dots per option"))
    elif kind == BallotKind.MULTIPLE:
        result["max_choices"] = _optional_whole(
            result["max_choices"], 1, MAX_OPTIONS_SETTING,
            QT_TRANSLATE_NOOP("Voting", "Maximum number of choices"))
    elif kind == BallotKind.RATING:
        _rating_settings(result)
    elif kind == BallotKind.RANKING:
        result["max_ranked"] = _optional_whole(
            result["max_ranked"], 1, MAX_OPTIONS_SETTING,
            QT_TRANSLATE_NOOP("Voting", "Options to rank"))
    elif kind == BallotKind.POINTS:
        result["total"] = _whole(result["total"], 1, MAX_POINTS,
                                 QT_TRANSLATE_NOOP("Voting", "Points to distribute"))
    elif kind == BallotKind.MATRIX:
        for name in _MATRIX_DEFAULTS:
            result[name] = _setting_text(result[name])
    elif kind == BallotKind.OPEN_TEXT:
        result["max_length"] = _whole(result["max_length"], 1, MAX_IDEA_LENGTH,
                                      QT_TRANSLATE_NOOP("Voting", "Maximum length"))
    return result


def effective_settings(kind: str, stored: Mapping[str, Any] | None) -> dict[str, Any]:
    """The settings a stored ballot works by: its own where they are valid, else defaults.

    Rules of a newer app version (unknown names) are ignored; settings that fail the rules
    (they are checked when written, so only a foreign database has such) fall back to the
    defaults rather than locking participants out.
    """
    defaults = default_settings(kind)
    known = ({k: v for k, v in stored.items() if k in defaults}
             if isinstance(stored, Mapping) else {})
    try:
        return validate_settings(kind, known)
    except ValidationError:
        return defaults


def _rating_settings(result: dict[str, Any]) -> None:
    low = _whole(result["scale_min"], -SCALE_LIMIT, SCALE_LIMIT,
                 QT_TRANSLATE_NOOP("Voting", "Lowest rating"))
    high = _whole(result["scale_max"], -SCALE_LIMIT, SCALE_LIMIT,
                  QT_TRANSLATE_NOOP("Voting", "Highest rating"))
    if not 2 <= high - low + 1 <= MAX_SCALE_POINTS:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Voting", "A rating scale has 2 to 10 points, from the lowest to the highest "
            "rating."), "settings")
    labels = result["labels"]
    if labels is None:
        labels = {}
    if not isinstance(labels, Mapping):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Voting", "The rules of the ballot could not be read."), "settings")
    clean: dict[str, str] = {}
    for key, text in labels.items():
        point = _label_point(key)
        if point is None or not low <= point <= high:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Voting", "Scale labels must belong to ratings from {minimum} to {maximum}."
            ).with_params(minimum=low, maximum=high), "settings")
        line = _setting_text(text)
        if line:
            clean[str(point)] = line
    result["scale_min"], result["scale_max"] = low, high
    result["labels"] = dict(sorted(clean.items(), key=lambda item: int(item[0])))


def _label_point(key: object) -> int | None:
    if isinstance(key, int) and not isinstance(key, bool):
        return key
    if isinstance(key, str) and re.fullmatch(r"[+-]?\d{1,3}", key.strip()):
        return int(key)
    return None


def _whole(value: object, minimum: int, maximum: int, label: Message) -> int:
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    if number is None or not minimum <= number <= maximum:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Voting", "{rule} must be a whole number from {minimum} to {maximum}."
        ).with_params(rule=label, minimum=minimum, maximum=maximum), "settings")
    return number


def _optional_whole(value: object, minimum: int, maximum: int, label: Message) -> int | None:
    return None if value is None else _whole(value, minimum, maximum, label)


def _setting_text(value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Voting", "The rules of the ballot could not be read."), "settings")
    text = value.strip()
    if (len(text) > SETTING_TEXT_LENGTH or "\n" in text or "\r" in text
            or _CONTROL.search(text)):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Voting", "Texts of the rules must be a single line of at most {maximum} "
            "characters.").with_params(maximum=SETTING_TEXT_LENGTH), "settings")
    return text


# --------------------------------------------------------------------------- state


def accepts_votes(status: str, closes_at: dt.datetime | None, now: dt.datetime) -> bool:
    """Open, and the countdown (if any) not run out. Times are naive UTC."""
    return status == BallotStatus.OPEN and (closes_at is None or now < closes_at)


def results_visible(status: str, results_hidden: bool, closes_at: dt.datetime | None,
                    now: dt.datetime) -> bool:
    """Whether participants may see the results: not hidden, or voting is over."""
    if not results_hidden:
        return True
    return status == BallotStatus.CLOSED or (
        status == BallotStatus.OPEN and not accepts_votes(status, closes_at, now))


def refuse_unless_open(status: str, closes_at: dt.datetime | None, now: dt.datetime) -> None:
    """Raise the participant's message unless the ballot takes submissions now."""
    if status == BallotStatus.DRAFT:
        raise ValidationError(QT_TRANSLATE_NOOP("Voting", "This ballot is not open yet."))
    if not accepts_votes(status, closes_at, now):
        raise ValidationError(QT_TRANSLATE_NOOP("Voting", "This ballot is closed."))


# --------------------------------------------------------------------------- choices


def validate_choices(kind: str, settings: Mapping[str, Any], option_ids: Sequence[uuid.UUID],
                     choices: Mapping[uuid.UUID, Choice]) -> Choices:
    """The submission as it is stored: one entry per option with a value, in ballot order.

    ``settings`` are the ballot's (as :func:`effective_settings` gives them); ``option_ids``
    its live options. An empty result withdraws the vote.
    """
    if kind == BallotKind.OPEN_TEXT:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Voting", "This ballot collects ideas, not votes."))
    checker = _CHECKS.get(kind)
    if checker is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Voting", "Unknown kind of ballot."), "kind")
    known = set(option_ids)
    for option_id, choice in choices.items():
        if not isinstance(option_id, uuid.UUID) or option_id not in known:
            raise ValidationError(_GONE_OPTION)
        if not (isinstance(choice, tuple) and len(choice) == 2
                and all(_is_number_or_none(part) for part in choice)):
            raise ValidationError(UNREADABLE, _field(kind, option_id))
    given = {option_id: (_float(choice[0]), _float(choice[1]))
             for option_id, choice in choices.items()}
    kept = checker(given, settings, len(option_ids))
    return {option_id: kept[option_id] for option_id in option_ids if option_id in kept}


Checker = Callable[[Mapping[uuid.UUID, Choice], Mapping[str, Any], int], Choices]


def _is_number_or_none(value: object) -> bool:
    if value is None:
        return True
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value))


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)


def _field(kind: str, option_id: uuid.UUID) -> str:
    if kind == BallotKind.SINGLE:
        return SINGLE_FIELD
    return f"{FIELD_PREFIX.get(kind, 'option')}-{option_id}"


def _values_only(kind: str, given: Mapping[uuid.UUID, Choice]) -> dict[uuid.UUID, float]:
    """The first values of a one-value kind; a second value is a forged or broken form."""
    values: dict[uuid.UUID, float] = {}
    for option_id, (value, value_y) in given.items():
        if value_y is not None:
            raise ValidationError(UNREADABLE, _field(kind, option_id))
        if value is not None:
            values[option_id] = value
    return values


def _check_dots(given: Mapping[uuid.UUID, Choice], settings: Mapping[str, Any],
                _count: int) -> Choices:
    dots = int(settings["dots_per_person"])
    per_option = int(settings["max_per_option"])
    kept: Choices = {}
    for option_id, value in _values_only(BallotKind.DOTS, given).items():
        field = _field(BallotKind.DOTS, option_id)
        if value < 0 or not value.is_integer():
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Voting", "Dots are whole numbers, 0 or more."), field)
        if value > per_option:
            if per_option == 1:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Voting", "You can put only one dot on each option."), field)
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Voting", "You can put at most {maximum} dots on one option.").with_params(
                    maximum=per_option), field)
        if value:
            kept[option_id] = (value, None)
    used = int(sum(value for value, _ in kept.values() if value is not None))
    if used > dots:
        if dots == 1:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Voting", "You have one dot and used {used}.").with_params(used=used))
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Voting", "You have {dots} dots and used {used}.").with_params(dots=dots, used=used))
    return kept


def _check_single(given: Mapping[uuid.UUID, Choice], _settings: Mapping[str, Any],
                  _count: int) -> Choices:
    kept: Choices = {}
    for option_id, value in _values_only(BallotKind.SINGLE, given).items():
        if value not in (0, 1):
            raise ValidationError(UNREADABLE, SINGLE_FIELD)
        if value:
            kept[option_id] = (1.0, None)
    if len(kept) > 1:
        raise ValidationError(QT_TRANSLATE_NOOP("Voting", "Choose one option."), SINGLE_FIELD)
    return kept


def _check_multiple(given: Mapping[uuid.UUID, Choice], settings: Mapping[str, Any],
                    count: int) -> Choices:
    kept: Choices = {}
    for option_id, value in _values_only(BallotKind.MULTIPLE, given).items():
        if value not in (0, 1):
            raise ValidationError(UNREADABLE, _field(BallotKind.MULTIPLE, option_id))
        if value:
            kept[option_id] = (1.0, None)
    limit = settings.get("max_choices")
    maximum = count if limit is None else min(int(limit), count)
    if len(kept) > maximum:
        if maximum == 1:
            raise ValidationError(QT_TRANSLATE_NOOP("Voting", "Choose one option."))
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Voting", "Choose at most {maximum} options.").with_params(maximum=maximum))
    return kept


def _check_rating(given: Mapping[uuid.UUID, Choice], settings: Mapping[str, Any],
                  _count: int) -> Choices:
    low, high = int(settings["scale_min"]), int(settings["scale_max"])
    kept: Choices = {}
    for option_id, value in _values_only(BallotKind.RATING, given).items():
        if not value.is_integer() or not low <= value <= high:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Voting", "Ratings are whole numbers from {minimum} to {maximum}."
            ).with_params(minimum=low, maximum=high), _field(BallotKind.RATING, option_id))
        kept[option_id] = (value, None)
    return kept


def _check_ranking(given: Mapping[uuid.UUID, Choice], settings: Mapping[str, Any],
                   count: int) -> Choices:
    limit = settings.get("max_ranked")
    maximum = count if limit is None else min(int(limit), count)
    kept: Choices = {}
    for option_id, value in _values_only(BallotKind.RANKING, given).items():
        if not value.is_integer() or not 1 <= value <= maximum:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Voting", "Ranks are whole numbers from 1 to {maximum}.").with_params(
                    maximum=maximum), _field(BallotKind.RANKING, option_id))
        kept[option_id] = (value, None)
    ranks = sorted(int(value) for value, _ in kept.values() if value is not None)
    if len(set(ranks)) != len(ranks):
        raise ValidationError(QT_TRANSLATE_NOOP("Voting", "Each rank can be given only once."))
    if ranks != list(range(1, len(ranks) + 1)):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Voting", "Ranks must start at 1 and leave no gaps."))
    return kept


def _check_points(given: Mapping[uuid.UUID, Choice], settings: Mapping[str, Any],
                  _count: int) -> Choices:
    total = int(settings["total"])
    kept: Choices = {}
    for option_id, value in _values_only(BallotKind.POINTS, given).items():
        if value < 0 or not value.is_integer():
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Voting", "Points are whole numbers, 0 or more."),
                _field(BallotKind.POINTS, option_id))
        if value:
            kept[option_id] = (value, None)
    used = int(sum(value for value, _ in kept.values() if value is not None))
    if used > total:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Voting", "You have {total} points and used {used}.").with_params(
                total=total, used=used))
    return kept


def _check_matrix(given: Mapping[uuid.UUID, Choice], _settings: Mapping[str, Any],
                  _count: int) -> Choices:
    kept: Choices = {}
    for option_id, (x, y) in given.items():
        if x is None and y is None:
            continue
        field = _field(BallotKind.MATRIX, option_id)
        if x is None or y is None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Voting", "Place each option on both axes, or leave both empty."), field)
        if not (MATRIX_MIN <= x <= MATRIX_MAX and MATRIX_MIN <= y <= MATRIX_MAX):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Voting", "Positions go from 0 to 10."), field)
        kept[option_id] = (x, y)
    return kept


_CHECKS: dict[str, Checker] = {
    BallotKind.DOTS.value: _check_dots,
    BallotKind.SINGLE.value: _check_single,
    BallotKind.MULTIPLE.value: _check_multiple,
    BallotKind.RATING.value: _check_rating,
    BallotKind.RANKING.value: _check_ranking,
    BallotKind.POINTS.value: _check_points,
    BallotKind.MATRIX.value: _check_matrix,
}

_NOTHING_CHOSEN = {
    BallotKind.DOTS.value: QT_TRANSLATE_NOOP("Voting", "Put at least one dot on an option."),
    BallotKind.SINGLE.value: QT_TRANSLATE_NOOP("Voting", "Choose one option."),
    BallotKind.MULTIPLE.value: QT_TRANSLATE_NOOP("Voting", "Choose at least one option."),
    BallotKind.RATING.value: QT_TRANSLATE_NOOP("Voting", "Rate at least one option."),
    BallotKind.RANKING.value: QT_TRANSLATE_NOOP("Voting", "Rank at least one option."),
    BallotKind.POINTS.value: QT_TRANSLATE_NOOP("Voting", "Give at least one point to an option."),
    BallotKind.MATRIX.value: QT_TRANSLATE_NOOP("Voting", "Place at least one option."),
}


# --------------------------------------------------------------------------- the phone form


def parse_form(kind: str, settings: Mapping[str, Any], option_ids: Sequence[uuid.UUID],
               form: Mapping[str, str]) -> Choices:
    """The validated choices of a submitted phone form (field names: see the module).

    A form without any choice is refused ("Choose one option.") unless it carries the
    ``withdraw`` field, which gives the empty submission that withdraws the vote.
    """
    if kind == BallotKind.OPEN_TEXT:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Voting", "This ballot collects ideas, not votes."))
    if kind not in _CHECKS:
        raise ValidationError(QT_TRANSLATE_NOOP("Voting", "Unknown kind of ballot."), "kind")
    if WITHDRAW_FIELD in form:
        return {}
    given = _read_form(kind, option_ids, form)
    choices = validate_choices(kind, settings, option_ids, given)
    if not choices:
        raise ValidationError(_NOTHING_CHOSEN[kind])
    return choices


def _read_form(kind: str, option_ids: Sequence[uuid.UUID],
               form: Mapping[str, str]) -> dict[uuid.UUID, Choice]:
    """The numbers of the form's fields, per option, not yet checked against the rules."""
    if kind == BallotKind.SINGLE:
        chosen = (form.get(SINGLE_FIELD) or "").strip()
        return {_option_of(chosen, option_ids): (1.0, None)} if chosen else {}
    if kind == BallotKind.MULTIPLE:
        return {option_id: (1.0, None) for option_id in _fields(form, "choice", option_ids)}
    if kind == BallotKind.MATRIX:
        pairs: dict[uuid.UUID, list[float | None]] = {}
        for axis, prefix in ((0, "x"), (1, MATRIX_Y_PREFIX)):
            for option_id in _fields(form, prefix, option_ids):
                name = f"{prefix}-{option_id}"
                pairs.setdefault(option_id, [None, None])[axis] = _number(form[name], name)
        return {option_id: (pair[0], pair[1]) for option_id, pair in pairs.items()}
    prefix = FIELD_PREFIX[kind]
    return {option_id: (_number(form[f"{prefix}-{option_id}"], f"{prefix}-{option_id}"), None)
            for option_id in _fields(form, prefix, option_ids)}


def _fields(form: Mapping[str, str], prefix: str,
            option_ids: Sequence[uuid.UUID]) -> list[uuid.UUID]:
    """The options that filled-in fields ``<prefix>-<id>`` name. A filled-in field for no
    option of the ballot is refused (the option was deleted after the page was loaded); an
    empty one (or 0 dots or points) is ignored, so a stale page still works when the choice
    did not use it.
    """
    nothing = ("", "0") if prefix in ("dots", "points") else ("",)
    found = []
    start = f"{prefix}-"
    for name, value in form.items():
        if name.startswith(start) and value.strip() not in nothing:
            found.append(_option_of(name[len(start):], option_ids))
    return found


def _option_of(text: str, option_ids: Collection[uuid.UUID]) -> uuid.UUID:
    try:
        option_id = uuid.UUID(text.strip())
    except ValueError:
        raise ValidationError(_GONE_OPTION) from None
    if option_id not in option_ids:
        raise ValidationError(_GONE_OPTION)
    return option_id


def _number(text: str, field: str) -> float | None:
    cleaned = text.strip()
    if not cleaned:
        return None
    if not _NUMBER.match(cleaned):
        shown = cleaned if len(cleaned) <= 20 else cleaned[:20] + "…"
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Voting", "“{text}” is not a number.").with_params(text=shown), field)
    return float(cleaned.replace(",", "."))


def form_fields(kind: str, choices: Mapping[uuid.UUID, Choice]) -> dict[str, str]:
    """The form fields that show ``choices`` (what a device voted) in a fresh form."""
    fields: dict[str, str] = {}
    for option_id, (value, value_y) in choices.items():
        if value is None:
            continue
        if kind == BallotKind.SINGLE:
            fields[SINGLE_FIELD] = str(option_id)
        elif kind == BallotKind.MULTIPLE:
            fields[f"choice-{option_id}"] = "on"
        elif kind == BallotKind.MATRIX:
            fields[f"x-{option_id}"] = number_text(value)
            if value_y is not None:
                fields[f"y-{option_id}"] = number_text(value_y)
        elif kind in FIELD_PREFIX:
            fields[f"{FIELD_PREFIX[kind]}-{option_id}"] = number_text(value)
    return fields


def number_text(value: float) -> str:
    """3.0 as "3", 2.5 as "2.5" (what an HTML number field takes)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


# --------------------------------------------------------------------------- open questions


def clean_idea_text(text: str) -> str:
    """What is stored of a sent idea: surrounding whitespace stripped, line breaks as LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def validate_idea_text(settings: Mapping[str, Any], text: str) -> str:
    """The cleaned text of an idea, or a refusal the participant understands."""
    if not isinstance(text, str):
        raise ValidationError(UNREADABLE, TEXT_FIELD)
    cleaned = clean_idea_text(text)
    if not cleaned:
        raise ValidationError(QT_TRANSLATE_NOOP("Voting", "Write your idea first."), TEXT_FIELD)
    if _CONTROL.search(cleaned):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Voting", "Your idea contains invisible control characters."), TEXT_FIELD)
    maximum = min(int(settings.get("max_length", MAX_IDEA_LENGTH)), MAX_IDEA_LENGTH)
    if len(cleaned) > maximum:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Voting", "Your idea is too long: {length} characters, at most {maximum} are "
            "allowed.").with_params(length=len(cleaned), maximum=maximum), TEXT_FIELD)
    return cleaned


def parse_idea_form(settings: Mapping[str, Any], form: Mapping[str, str]) -> str:
    """The idea text of a submitted open-question form (field ``text``)."""
    return validate_idea_text(settings, form.get(TEXT_FIELD, ""))
