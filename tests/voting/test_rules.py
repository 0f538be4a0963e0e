"""The rules of the ballot kinds: settings, submissions, the phone form, idea texts."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

import pytest

from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.schema import BallotKind
from myk10_workshop.voting import rules
from myk10_workshop.voting.rules import Choice

A, B, C, D = (uuid.UUID(int=n) for n in range(1, 5))
OPTIONS = (A, B, C, D)
VOTING_KINDS = [kind.value for kind in BallotKind if kind is not BallotKind.OPEN_TEXT]


def refusal(call: Any, *args: Any) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call(*args)
    assert caught.value.message.context == "Voting"
    return caught.value


def message(call: Any, *args: Any) -> str:
    return refusal(call, *args).message.render()


def check(kind: str, choices: Mapping[uuid.UUID, Choice], settings: Mapping[str, Any] | None
          = None, options: tuple[uuid.UUID, ...] = OPTIONS) -> dict[uuid.UUID, Choice]:
    return rules.validate_choices(kind, rules.validate_settings(kind, settings), options,
                                  choices)


def check_message(kind: str, choices: Mapping[uuid.UUID, Choice],
                  settings: Mapping[str, Any] | None = None,
                  options: tuple[uuid.UUID, ...] = OPTIONS) -> str:
    return message(check, kind, choices, settings, options)


# --------------------------------------------------------------------------- settings


def test_defaults_of_every_kind() -> None:
    assert rules.default_settings("dots") == {"dots_per_person": 3, "max_per_option": 1}
    assert rules.default_settings("single") == {}
    assert rules.default_settings("multiple") == {"max_choices": None}
    assert rules.default_settings("rating") == {"scale_min": 1, "scale_max": 5, "labels": {}}
    assert rules.default_settings("ranking") == {"max_ranked": None}
    assert rules.default_settings("points") == {"total": 100}
    assert rules.default_settings("matrix") == {
        "x_label": "Nutzen", "y_label": "Aufwand", "x_low": "gering", "x_high": "hoch",
        "y_low": "gering", "y_high": "hoch"}
    assert rules.default_settings("open_text") == {"max_length": 500}


def test_defaults_are_fresh_copies() -> None:
    rules.default_settings("rating")["labels"]["1"] = "x"
    rules.default_settings("matrix")["x_label"] = "x"
    assert rules.default_settings("rating")["labels"] == {}
    assert rules.default_settings("matrix")["x_label"] == "Nutzen"


@pytest.mark.parametrize("kind", [kind.value for kind in BallotKind])
def test_empty_settings_become_the_defaults(kind: str) -> None:
    assert rules.validate_settings(kind, None) == rules.default_settings(kind)
    assert rules.validate_settings(kind, {}) == rules.default_settings(kind)


def test_unknown_kind_and_unknown_rule_are_refused() -> None:
    assert message(rules.validate_settings, "lottery", {}) == "Unknown kind of ballot."
    assert message(rules.validate_settings, "dots", {"dots": 3}) == (
        "“dots” is not a rule of this kind of ballot.")
    assert message(rules.validate_settings, "dots", ["dots"]) == (
        "The rules of the ballot could not be read.")


def test_dot_settings() -> None:
    assert rules.validate_settings("dots", {"dots_per_person": 5, "max_per_option": 5}) == {
        "dots_per_person": 5, "max_per_option": 5}
    assert rules.validate_settings("dots", {"dots_per_person": 2.0}) == {
        "dots_per_person": 2, "max_per_option": 1}
    assert message(rules.validate_settings, "dots", {"dots_per_person": 0}) == (
        "Dots per person must be a whole number from 1 to 20.")
    assert message(rules.validate_settings, "dots", {"dots_per_person": 21}) == (
        "Dots per person must be a whole number from 1 to 20.")
    assert message(rules.validate_settings, "dots", {"dots_per_person": True}) == (
        "Dots per person must be a whole number from 1 to 20.")
    assert message(rules.validate_settings, "dots",
                   {"dots_per_person": 3, "max_per_option": 4}) == (
        "Dots per option must be a whole number from 1 to 3.")
    assert message(rules.validate_settings, "dots", {"dots_per_person": "3"}) == (
        "Dots per person must be a whole number from 1 to 20.")


def test_choice_ranking_and_points_settings() -> None:
    assert rules.validate_settings("multiple", {"max_choices": 2}) == {"max_choices": 2}
    assert message(rules.validate_settings, "multiple", {"max_choices": 0}) == (
        "Maximum number of choices must be a whole number from 1 to 100.")
    assert rules.validate_settings("ranking", {"max_ranked": 3}) == {"max_ranked": 3}
    assert rules.validate_settings("ranking", {"max_ranked": None}) == {"max_ranked": None}
    assert rules.validate_settings("points", {"total": 10}) == {"total": 10}
    assert message(rules.validate_settings, "points", {"total": 0}) == (
        "Points to distribute must be a whole number from 1 to 10000.")
    assert message(rules.validate_settings, "open_text", {"max_length": 2001}) == (
        "Maximum length must be a whole number from 1 to 2000.")
    assert rules.validate_settings("open_text", {"max_length": 2000}) == {"max_length": 2000}


def test_rating_scale_and_labels() -> None:
    settings = rules.validate_settings("rating", {
        "scale_min": 0, "scale_max": 4, "labels": {4: " sehr ", "0": "gar nicht", "2": " "}})
    assert settings == {"scale_min": 0, "scale_max": 4,
                        "labels": {"0": "gar nicht", "4": "sehr"}}
    assert list(settings["labels"]) == ["0", "4"]
    assert rules.validate_settings("rating", {"scale_min": 1, "scale_max": 10})["scale_max"] == 10
    assert rules.validate_settings("rating", {"scale_min": -2, "scale_max": 2})["scale_min"] == -2
    assert message(rules.validate_settings, "rating", {"scale_max": 11}) == (
        "Highest rating must be a whole number from -10 to 10.")
    for low, high in ((1, 1), (0, 10), (-5, 5), (5, 1)):
        assert message(rules.validate_settings, "rating",
                       {"scale_min": low, "scale_max": high}) == (
            "A rating scale has 2 to 10 points, from the lowest to the highest rating.")
    assert message(rules.validate_settings, "rating", {"labels": {"6": "zu viel"}}) == (
        "Scale labels must belong to ratings from 1 to 5.")
    assert message(rules.validate_settings, "rating", {"labels": {"eins": "x"}}) == (
        "Scale labels must belong to ratings from 1 to 5.")
    assert message(rules.validate_settings, "rating", {"labels": {"1": "a\nb"}}) == (
        "Texts of the rules must be a single line of at most 100 characters.")


def test_matrix_texts() -> None:
    settings = rules.validate_settings("matrix", {"x_label": " Wirkung ", "y_label": "Kosten"})
    assert settings["x_label"] == "Wirkung"
    assert settings["y_label"] == "Kosten"
    assert settings["x_low"] == "gering"
    assert message(rules.validate_settings, "matrix", {"x_label": "x" * 101}) == (
        "Texts of the rules must be a single line of at most 100 characters.")
    assert message(rules.validate_settings, "matrix", {"x_label": 3}) == (
        "The rules of the ballot could not be read.")


def test_effective_settings_tolerate_foreign_rules() -> None:
    assert rules.effective_settings("dots", {"dots_per_person": 4, "colour": "red"}) == {
        "dots_per_person": 4, "max_per_option": 1}
    # Broken settings (never written by this app) fall back to the defaults.
    assert rules.effective_settings("dots", {"dots_per_person": 99}) == (
        rules.default_settings("dots"))
    assert rules.effective_settings("points", None) == {"total": 100}


# --------------------------------------------------------------------------- state


def test_accepts_votes_while_open_and_before_the_countdown_ends() -> None:
    now = dt.datetime(2024, 5, 1, 10, 0)
    later, earlier = now + dt.timedelta(minutes=1), now - dt.timedelta(seconds=1)
    assert rules.accepts_votes("open", None, now)
    assert rules.accepts_votes("open", later, now)
    assert not rules.accepts_votes("open", earlier, now)
    assert not rules.accepts_votes("open", now, now)
    assert not rules.accepts_votes("draft", None, now)
    assert not rules.accepts_votes("closed", later, now)
    assert message(rules.refuse_unless_open, "draft", None, now) == "This ballot is not open yet."
    assert message(rules.refuse_unless_open, "closed", None, now) == "This ballot is closed."
    assert message(rules.refuse_unless_open, "open", earlier, now) == "This ballot is closed."
    rules.refuse_unless_open("open", later, now)


def test_hidden_results_show_when_voting_is_over() -> None:
    now = dt.datetime(2024, 5, 1, 10, 0)
    assert rules.results_visible("open", False, None, now)
    assert not rules.results_visible("open", True, None, now)
    assert not rules.results_visible("draft", True, None, now)
    assert rules.results_visible("closed", True, None, now)
    assert rules.results_visible("open", True, now - dt.timedelta(minutes=1), now)


# --------------------------------------------------------------------------- choices


def test_dots_valid() -> None:
    settings = {"dots_per_person": 3, "max_per_option": 2}
    assert check("dots", {C: (1, None), A: (2, None), B: (0, None)}, settings) == {
        A: (2.0, None), C: (1.0, None)}
    assert check("dots", {A: (1, None), B: (1, None), C: (1, None)}) == {
        A: (1.0, None), B: (1.0, None), C: (1.0, None)}
    assert check("dots", {}) == {}
    assert check("dots", {A: (0, None), B: (None, None)}) == {}


def test_dots_invalid() -> None:
    settings = {"dots_per_person": 3, "max_per_option": 2}
    assert check_message("dots", {A: (2, None), B: (2, None)}, settings) == (
        "You have 3 dots and used 4.")
    assert check_message("dots", {A: (1, None), B: (1, None)}, {"dots_per_person": 1}) == (
        "You have one dot and used 2.")
    assert check_message("dots", {A: (3, None)}, settings) == (
        "You can put at most 2 dots on one option.")
    assert check_message("dots", {A: (2, None)}) == "You can put only one dot on each option."
    assert check_message("dots", {A: (-1, None)}) == "Dots are whole numbers, 0 or more."
    assert check_message("dots", {A: (0.5, None)}) == "Dots are whole numbers, 0 or more."
    error = refusal(check, "dots", {A: (1, 1)})
    assert error.message.render() == (
        "Your vote could not be read. Please reload the page and vote again.")
    assert error.field == f"dots-{A}"


def test_numbers_must_be_real_numbers() -> None:
    unreadable = "Your vote could not be read. Please reload the page and vote again."
    for bad in (True, float("nan"), float("inf"), "1"):
        assert check_message("dots", {A: (bad, None)}) == unreadable  # type: ignore[dict-item]
    assert check_message("dots", {A: [1, None]}) == unreadable  # type: ignore[dict-item]
    assert check_message("dots", {A: (1,)}) == unreadable  # type: ignore[dict-item]


def test_options_must_be_live_options_of_the_ballot() -> None:
    gone = "An option you chose is no longer on this ballot. Please reload the page."
    assert check_message("dots", {uuid.uuid4(): (1, None)}) == gone
    assert check_message("single", {A: (1, None)}, options=(B, C)) == gone
    assert check_message("dots", {str(A): (1, None)}) == gone  # type: ignore[dict-item]


def test_single() -> None:
    assert check("single", {B: (1, None)}) == {B: (1.0, None)}
    assert check("single", {B: (1, None), A: (0, None)}) == {B: (1.0, None)}
    assert check("single", {}) == {}
    assert check_message("single", {A: (1, None), B: (1, None)}) == "Choose one option."
    error = refusal(check, "single", {A: (2, None)})
    assert error.field == "choice"


def test_multiple() -> None:
    assert check("multiple", {A: (1, None), C: (1, None), D: (1, None)}) == {
        A: (1.0, None), C: (1.0, None), D: (1.0, None)}
    assert check("multiple", {A: (1, None), B: (0, None)}) == {A: (1.0, None)}
    assert check_message("multiple", {A: (1, None), B: (1, None), C: (1, None)},
                         {"max_choices": 2}) == "Choose at most 2 options."
    assert check_message("multiple", {A: (1, None), B: (1, None)},
                         {"max_choices": 1}) == "Choose one option."
    # A limit above the number of options is no limit.
    assert len(check("multiple", dict.fromkeys(OPTIONS, (1, None)), {"max_choices": 10})) == 4
    assert check_message("multiple", {A: (3, None)}) == (
        "Your vote could not be read. Please reload the page and vote again.")


def test_rating() -> None:
    assert check("rating", {A: (5, None), B: (1, None), C: (None, None)}) == {
        A: (5.0, None), B: (1.0, None)}
    assert check_message("rating", {A: (6, None)}) == "Ratings are whole numbers from 1 to 5."
    assert check_message("rating", {A: (0, None)}) == "Ratings are whole numbers from 1 to 5."
    assert check_message("rating", {A: (2.5, None)}) == "Ratings are whole numbers from 1 to 5."
    assert check("rating", {A: (-2, None)}, {"scale_min": -2, "scale_max": 2}) == {
        A: (-2.0, None)}
    assert check_message("rating", {A: (10, None)}, {"scale_min": 0, "scale_max": 9}) == (
        "Ratings are whole numbers from 0 to 9.")


def test_ranking() -> None:
    assert check("ranking", {A: (2, None), B: (1, None), C: (4, None), D: (3, None)}) == {
        A: (2.0, None), B: (1.0, None), C: (4.0, None), D: (3.0, None)}
    # Some options may stay unranked, as long as the ranks run from 1 without gaps.
    assert check("ranking", {C: (1, None), A: (None, None)}) == {C: (1.0, None)}
    assert check_message("ranking", {A: (1, None), B: (1, None)}) == (
        "Each rank can be given only once.")
    assert check_message("ranking", {A: (1, None), B: (3, None)}) == (
        "Ranks must start at 1 and leave no gaps.")
    assert check_message("ranking", {A: (2, None)}) == "Ranks must start at 1 and leave no gaps."
    assert check_message("ranking", {A: (5, None)}) == "Ranks are whole numbers from 1 to 4."
    assert check_message("ranking", {A: (0, None)}) == "Ranks are whole numbers from 1 to 4."
    assert check_message("ranking", {A: (1.5, None)}) == "Ranks are whole numbers from 1 to 4."
    top_two = {"max_ranked": 2}
    assert check("ranking", {A: (1, None), D: (2, None)}, top_two) == {
        A: (1.0, None), D: (2.0, None)}
    assert check_message("ranking", {A: (1, None), B: (2, None), C: (3, None)}, top_two) == (
        "Ranks are whole numbers from 1 to 2.")


def test_points() -> None:
    assert check("points", {A: (60, None), B: (40, None), C: (0, None)}) == {
        A: (60.0, None), B: (40.0, None)}
    assert check("points", {A: (10, None)}) == {A: (10.0, None)}
    assert check_message("points", {A: (60, None), B: (41, None)}) == (
        "You have 100 points and used 101.")
    assert check_message("points", {A: (-5, None)}) == "Points are whole numbers, 0 or more."
    assert check_message("points", {A: (2.5, None)}) == "Points are whole numbers, 0 or more."
    assert check_message("points", {A: (6, None)}, {"total": 5}) == (
        "You have 5 points and used 6.")


def test_matrix() -> None:
    assert check("matrix", {A: (0, 10), B: (7.5, 2), C: (None, None)}) == {
        A: (0.0, 10.0), B: (7.5, 2.0)}
    assert check_message("matrix", {A: (3, None)}) == (
        "Place each option on both axes, or leave both empty.")
    assert check_message("matrix", {A: (None, 3)}) == (
        "Place each option on both axes, or leave both empty.")
    assert check_message("matrix", {A: (11, 3)}) == "Positions go from 0 to 10."
    assert check_message("matrix", {A: (3, -0.1)}) == "Positions go from 0 to 10."


def test_open_text_takes_no_choices() -> None:
    assert message(rules.validate_choices, "open_text", {"max_length": 500}, OPTIONS, {}) == (
        "This ballot collects ideas, not votes.")


def test_result_follows_the_ballot_order() -> None:
    kept = check("points", {D: (1, None), A: (2, None), C: (3, None)})
    assert list(kept) == [A, C, D]


# --------------------------------------------------------------------------- the phone form


def parse(kind: str, form: Mapping[str, str], settings: Mapping[str, Any] | None = None,
          options: tuple[uuid.UUID, ...] = OPTIONS) -> dict[uuid.UUID, Choice]:
    return rules.parse_form(kind, rules.validate_settings(kind, settings), options, form)


def parse_message(kind: str, form: Mapping[str, str],
                  settings: Mapping[str, Any] | None = None) -> str:
    return message(parse, kind, form, settings)


def test_form_dots_and_points() -> None:
    form = {f"dots-{A}": "2", f"dots-{B}": "", f"dots-{C}": " 1 ", "submission": "abc123"}
    assert parse("dots", form, {"dots_per_person": 3, "max_per_option": 2}) == {
        A: (2.0, None), C: (1.0, None)}
    assert parse("points", {f"points-{A}": "70", f"points-{B}": "30"}) == {
        A: (70.0, None), B: (30.0, None)}
    assert parse_message("points", {f"points-{A}": "70", f"points-{B}": "31"}) == (
        "You have 100 points and used 101.")


def test_form_single_and_multiple() -> None:
    assert parse("single", {"choice": str(B)}) == {B: (1.0, None)}
    assert parse("multiple", {f"choice-{A}": "on", f"choice-{C}": "on", f"choice-{D}": ""}) == {
        A: (1.0, None), C: (1.0, None)}
    assert parse_message("multiple", {f"choice-{A}": "on", f"choice-{B}": "on"},
                         {"max_choices": 1}) == "Choose one option."


def test_form_rating_ranking_matrix() -> None:
    assert parse("rating", {f"rating-{A}": "4", f"rating-{B}": ""}) == {A: (4.0, None)}
    assert parse("ranking", {f"rank-{A}": "2", f"rank-{B}": "1", f"rank-{C}": ""}) == {
        A: (2.0, None), B: (1.0, None)}
    assert parse("matrix", {f"x-{A}": "7,5", f"y-{A}": "2", f"x-{B}": "", f"y-{B}": ""}) == {
        A: (7.5, 2.0)}
    assert parse_message("matrix", {f"x-{A}": "7"}) == (
        "Place each option on both axes, or leave both empty.")


def test_form_numbers_in_plain_language() -> None:
    error = refusal(parse, "dots", {f"dots-{A}": "zwei"})
    assert error.message.render() == "“zwei” is not a number."
    assert error.field == f"dots-{A}"
    assert parse_message("points", {f"points-{A}": "1e3"}) == "“1e3” is not a number."
    assert parse_message("points", {f"points-{A}": "9" * 30}) == (
        "“" + "9" * 20 + "…” is not a number.")
    assert parse_message("rating", {f"rating-{A}": "4,5"}) == (
        "Ratings are whole numbers from 1 to 5.")
    assert parse("rating", {f"rating-{A}": "+4"}) == {A: (4.0, None)}
    assert parse_message("dots", {f"dots-{A}": "-1"}) == "Dots are whole numbers, 0 or more."


def test_form_with_nothing_chosen_is_refused_unless_withdrawing() -> None:
    expected = {
        "dots": "Put at least one dot on an option.",
        "single": "Choose one option.",
        "multiple": "Choose at least one option.",
        "rating": "Rate at least one option.",
        "ranking": "Rank at least one option.",
        "points": "Give at least one point to an option.",
        "matrix": "Place at least one option.",
    }
    for kind in VOTING_KINDS:
        assert parse_message(kind, {"submission": "x"}) == expected[kind]
        assert parse(kind, {"withdraw": "1", f"dots-{A}": "1", "choice": str(A)}) == {}


def test_form_fields_for_other_options_are_refused_when_filled_in() -> None:
    gone = "An option you chose is no longer on this ballot. Please reload the page."
    stranger = uuid.uuid4()
    assert parse_message("dots", {f"dots-{stranger}": "1"}) == gone
    assert parse_message("single", {"choice": str(stranger)}) == gone
    assert parse_message("single", {"choice": "not-a-uuid"}) == gone
    assert parse_message("multiple", {f"choice-{stranger}": "on"}) == gone
    assert parse_message("dots", {"dots-nonsense": "1"}) == gone
    # A page loaded before an option was deleted still works if that option was not used.
    assert parse("dots", {f"dots-{stranger}": "", f"dots-{A}": "1"}) == {A: (1.0, None)}
    assert parse("dots", {f"dots-{stranger}": "0", f"dots-{A}": "1"}) == {A: (1.0, None)}
    assert parse("points", {f"points-{stranger}": " 0 ", f"points-{A}": "1"}) == {
        A: (1.0, None)}
    # 0 is a place in a matrix (and may be a rating): there it counts.
    assert parse_message("matrix", {f"x-{stranger}": "0", f"y-{stranger}": "0"}) == gone
    assert parse("matrix", {f"x-{A}": "0", f"y-{A}": "0"}) == {A: (0.0, 0.0)}


def test_open_text_is_not_a_choice_form() -> None:
    assert message(rules.parse_form, "open_text", {}, OPTIONS, {"text": "x"}) == (
        "This ballot collects ideas, not votes.")


@pytest.mark.parametrize(("kind", "choices"), [
    ("dots", {A: (1.0, None), C: (2.0, None)}),
    ("single", {B: (1.0, None)}),
    ("multiple", {A: (1.0, None), D: (1.0, None)}),
    ("rating", {A: (5.0, None), B: (2.0, None)}),
    ("ranking", {A: (2.0, None), B: (1.0, None)}),
    ("points", {A: (55.0, None), B: (45.0, None)}),
    ("matrix", {A: (2.5, 10.0), D: (0.0, 0.0)}),
])
def test_form_fields_prefill_what_was_voted(kind: str,
                                            choices: dict[uuid.UUID, Choice]) -> None:
    settings = {"dots_per_person": 3, "max_per_option": 2} if kind == "dots" else None
    fields = rules.form_fields(kind, choices)
    assert all(isinstance(value, str) for value in fields.values())
    assert parse(kind, fields, settings) == choices


def test_form_field_names() -> None:
    assert rules.form_fields("dots", {A: (2.0, None)}) == {f"dots-{A}": "2"}
    assert rules.form_fields("single", {A: (1.0, None)}) == {"choice": str(A)}
    assert rules.form_fields("multiple", {A: (1.0, None)}) == {f"choice-{A}": "on"}
    assert rules.form_fields("rating", {A: (3.0, None)}) == {f"rating-{A}": "3"}
    assert rules.form_fields("ranking", {A: (1.0, None)}) == {f"rank-{A}": "1"}
    assert rules.form_fields("points", {A: (30.0, None)}) == {f"points-{A}": "30"}
    assert rules.form_fields("matrix", {A: (2.5, 7.0)}) == {f"x-{A}": "2.5", f"y-{A}": "7"}


# --------------------------------------------------------------------------- idea texts


def test_idea_text_is_stripped_with_line_breaks_as_lf() -> None:
    settings = rules.default_settings("open_text")
    assert rules.validate_idea_text(settings, "  Mehr Busse\r\nam Abend\rbitte \n") == (
        "Mehr Busse\nam Abend\nbitte")
    assert rules.validate_idea_text(settings, "Tab\tbleibt") == "Tab\tbleibt"
    assert rules.parse_idea_form(settings, {"text": " WLAN im Bürgerhaus "}) == (
        "WLAN im Bürgerhaus")


def test_idea_text_refusals() -> None:
    settings = {"max_length": 10}
    assert message(rules.validate_idea_text, settings, " \r\n ") == "Write your idea first."
    assert message(rules.parse_idea_form, settings, {}) == "Write your idea first."
    assert message(rules.validate_idea_text, settings, "x" * 11) == (
        "Your idea is too long: 11 characters, at most 10 are allowed.")
    assert rules.validate_idea_text(settings, " " + "x" * 10 + " ") == "x" * 10
    assert message(rules.validate_idea_text, settings, "a\x00b") == (
        "Your idea contains invisible control characters.")
    error = refusal(rules.validate_idea_text, settings, "")
    assert error.field == "text"
