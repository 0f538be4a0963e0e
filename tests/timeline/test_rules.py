"""The timeline's date rules, without a database: refusals, circles and warnings."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import uuid

import pytest

from myk10_workshop.i18n import Message
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.timeline import rules
from myk10_workshop.timeline.rules import (
    CycleError,
    ItemRef,
    Link,
    PhaseSpan,
    PlanItem,
    WarningKind,
)

LABEL = Message("Validation", "Date")


def ref(kind: str = "milestone") -> ItemRef:
    return ItemRef(kind, uuid.uuid4())


def chain(refs: list[ItemRef]) -> list[Link]:
    return list(itertools.pairwise(refs))


def milestone(title: str, day: dt.date) -> PlanItem:
    return PlanItem(ref("milestone"), title, day, day)


def measure(title: str, start: dt.date | None, end: dt.date | None) -> PlanItem:
    return PlanItem(ref("measure"), title, start, end)


# --------------------------------------------------------------------------- refusals


def test_an_end_before_the_start_is_refused() -> None:
    rules.check_span(dt.date(2022, 1, 1), dt.date(2022, 1, 1))
    rules.check_span(None, dt.date(2022, 1, 1))
    rules.check_span(dt.date(2022, 1, 1), None)
    with pytest.raises(ValidationError) as raised:
        rules.check_span(dt.date(2022, 1, 2), dt.date(2022, 1, 1))
    assert raised.value.field == "ends_on"
    assert str(raised.value) == "The end date must not be before the start date."


@pytest.mark.parametrize("day", [dt.date(1999, 12, 31), dt.date(2101, 1, 1), dt.date(202, 5, 1),
                                 dt.date(9999, 12, 31)])
def test_dates_outside_the_years_a_timeline_shows_are_refused(day: dt.date) -> None:
    with pytest.raises(ValidationError) as raised:
        rules.check_date(day, "due_on", LABEL)
    assert raised.value.field == "due_on"
    text = str(raised.value)
    assert text.startswith(f"Date: {day.isoformat()} is outside the years")
    assert "(2000 to 2100)" in text


@pytest.mark.parametrize("day", [dt.date(2000, 1, 1), dt.date(2100, 12, 31), None])
def test_dates_at_the_limits_are_accepted(day: dt.date | None) -> None:
    rules.check_date(day, "due_on", LABEL)


def test_shift_moves_by_days_and_refuses_to_leave_the_range() -> None:
    assert rules.shift(dt.date(2022, 12, 31), 1, "due_on", LABEL) == dt.date(2023, 1, 1)
    assert rules.shift(dt.date(2024, 3, 1), -1, "due_on", LABEL) == dt.date(2024, 2, 29)
    with pytest.raises(ValidationError):
        rules.shift(dt.date(2000, 1, 1), -1, "due_on", LABEL)
    # Far beyond what a date can hold: refused, not an OverflowError.
    with pytest.raises(ValidationError):
        rules.shift(dt.date(2022, 1, 1), 10**7, "due_on", LABEL)
    with pytest.raises(ValidationError):
        rules.shift(dt.date(2022, 1, 1), -(10**7), "due_on", LABEL)


def test_a_dependency_onto_itself_is_refused() -> None:
    item = ref()
    with pytest.raises(ValidationError) as raised:
        rules.check_new_link([], item, item, lambda r: "A")
    assert str(raised.value) == "An item cannot depend on itself."
    assert not isinstance(raised.value, CycleError)


def test_the_same_dependency_twice_is_refused() -> None:
    a, b = ref(), ref("measure")
    with pytest.raises(ValidationError) as raised:
        rules.check_new_link([(a, b)], a, b, lambda r: "x")
    assert str(raised.value) == "This dependency exists already."
    # The other direction is a circle, not a duplicate.
    with pytest.raises(CycleError):
        rules.check_new_link([(a, b)], b, a, lambda r: "x")


def test_a_dependency_closing_a_circle_is_refused_and_names_it() -> None:
    a, b, c, d = ref(), ref("measure"), ref("measure"), ref()
    titles = {a: "Kreistag", b: "Bürgerportal", c: "Datenplattform", d: "Unbeteiligt"}
    links = [*chain([a, b, c]), (d, a)]

    with pytest.raises(CycleError) as raised:
        rules.check_new_link(links, c, a, titles.__getitem__)

    assert raised.value.cycle == (c, a, b)
    assert raised.value.field == "successor"
    assert str(raised.value) == (
        "This dependency would close a circle: “Datenplattform” → “Kreistag” → "
        "“Bürgerportal” → “Datenplattform”. A chain of dependencies must not lead back to "
        "where it started.")
    # Without the closing link every other new one is fine.
    rules.check_new_link(links, a, c, titles.__getitem__)
    rules.check_new_link(links, d, c, titles.__getitem__)


def test_cycle_through_reports_the_shortest_way_back() -> None:
    a, b, c, d = (ref() for _ in range(4))
    links = [(a, b), (b, c), (c, d), (b, d)]
    assert rules.cycle_through(links, d, a) == (d, a, b)
    assert rules.cycle_through(links, a, d) is None
    assert rules.cycle_through(links, a, a) == (a,)


# --------------------------------------------------------------------------- finding circles


def test_find_cycle_in_a_plan_without_circles_is_none() -> None:
    a, b, c, d = (ref() for _ in range(4))
    # A diamond joins again but does not go round.
    assert rules.find_cycle([(a, b), (a, c), (b, d), (c, d)]) is None
    assert rules.find_cycle([]) is None


def test_find_cycle_returns_the_circle_in_arrow_order() -> None:
    a, b, c, d = sorted(ref() for _ in range(4))
    cycle = rules.find_cycle([(a, b), (b, c), (c, d), (d, b)])
    assert cycle == (b, c, d)
    assert rules.find_cycle([(a, a)]) == (a,)


def test_find_cycle_does_not_depend_on_the_order_of_the_rows() -> None:
    items = [ref() for _ in range(30)]
    links = [*chain(items), (items[-1], items[10])]
    expected = rules.find_cycle(links)
    assert expected is not None
    assert set(expected) == set(items[10:])
    shuffled = list(links)
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert rules.find_cycle(shuffled) == expected


def test_a_long_chain_is_searched_without_recursion() -> None:
    items = [ref() for _ in range(5000)]
    links = chain(items)
    assert rules.find_cycle(links) is None
    assert rules.cycle_through(links, items[-1], items[0]) == tuple([items[-1], *items[:-1]])
    cycle = rules.find_cycle([*links, (items[-1], items[0])])
    assert cycle is not None and len(cycle) == 5000


# --------------------------------------------------------------------------- warnings


PHASE_A = PhaseSpan(uuid.uuid4(), "Phase A", dt.date(2022, 1, 1), dt.date(2022, 12, 31))
PHASE_B = PhaseSpan(uuid.uuid4(), "Phase B", dt.date(2023, 1, 1), dt.date(2027, 12, 31))


def kinds(warnings: tuple[rules.TimelineWarning, ...]) -> list[WarningKind]:
    return [warning.kind for warning in warnings]


def test_a_milestone_outside_every_phase_is_warned_about() -> None:
    inside = milestone("Kreistag", dt.date(2022, 12, 12))
    between = milestone("Auftakt", dt.date(2021, 6, 1))
    on_the_edge = milestone("Start B", dt.date(2023, 1, 1))
    found = rules.plan_warnings([inside, between, on_the_edge], [], [PHASE_A, PHASE_B])
    assert kinds(found) == [WarningKind.OUTSIDE_PHASES]
    assert found[0].items == (between.ref,)
    assert found[0].message.context == "Timeline"
    assert found[0].message.render() == "“Auftakt” lies outside every phase."


def test_no_phase_warning_without_dated_phases() -> None:
    item = milestone("Kreistag", dt.date(2022, 12, 12))
    assert rules.plan_warnings([item], [], []) == ()
    undated = PhaseSpan(None, "Später", None, None)
    assert rules.plan_warnings([item], [], [undated]) == ()
    # A phase open at its end holds everything after its start.
    open_ended = PhaseSpan(None, "Umsetzung", dt.date(2023, 1, 1), None)
    assert kinds(rules.plan_warnings([item], [], [open_ended])) == [WarningKind.OUTSIDE_PHASES]
    assert rules.plan_warnings([milestone("Spät", dt.date(2040, 1, 1))], [],
                               [open_ended]) == ()


def test_measures_are_not_checked_against_phases() -> None:
    item = measure("Datenplattform", dt.date(2021, 1, 1), dt.date(2021, 6, 1))
    assert rules.plan_warnings([item], [], [PHASE_A]) == ()


def test_items_outside_the_project_and_far_from_it_are_warned_about() -> None:
    start, end = dt.date(2022, 1, 1), dt.date(2027, 12, 31)
    inside = measure("Portal", dt.date(2023, 1, 1), dt.date(2026, 1, 1))
    late = measure("Evaluation", dt.date(2027, 6, 1), dt.date(2028, 3, 31))
    early = milestone("Vorgespräch", dt.date(2021, 11, 1))
    far = milestone("Klimaneutral", dt.date(2045, 1, 1))
    just_within_ten_years = milestone("Nachlese", dt.date(2037, 12, 31))
    undated = measure("Später", None, None)
    found = rules.plan_warnings([inside, late, early, far, just_within_ten_years, undated], [],
                                [], project_starts_on=start, project_ends_on=end)
    assert [(w.kind, w.items) for w in found] == [
        (WarningKind.OUTSIDE_PROJECT, (late.ref,)),
        (WarningKind.OUTSIDE_PROJECT, (early.ref,)),
        (WarningKind.FAR_FROM_PROJECT, (far.ref,)),
        (WarningKind.OUTSIDE_PROJECT, (just_within_ten_years.ref,)),
    ]
    assert found[0].message.render() == "“Evaluation” lies outside the dates of the project."
    assert found[2].message.render() == (
        "“Klimaneutral” lies more than 10 years outside the dates of the project.")
    # A project without dates has nothing to be outside of.
    assert rules.plan_warnings([far], [], []) == ()
    # Only a start: everything ten years before it is far.
    found = rules.plan_warnings([milestone("Alt", dt.date(2011, 12, 31))], [], [],
                                project_starts_on=start)
    assert kinds(found) == [WarningKind.FAR_FROM_PROJECT]


def test_a_successor_starting_before_its_predecessor_ends_is_a_warning() -> None:
    council = milestone("Kreistag", dt.date(2022, 12, 12))
    portal = measure("Bürgerportal", dt.date(2022, 11, 1), dt.date(2024, 6, 30))
    next_day = measure("Datenplattform", dt.date(2022, 12, 12), dt.date(2025, 1, 1))
    evaluation = milestone("Evaluation", dt.date(2024, 6, 1))
    links = [(council.ref, portal.ref), (council.ref, next_day.ref),
             (portal.ref, evaluation.ref)]

    found = rules.plan_warnings([council, portal, next_day, evaluation], links, [])

    assert kinds(found) == [WarningKind.STARTS_BEFORE_PREDECESSOR_ENDS] * 2
    by_successor = {w.items[0]: w for w in found}
    assert set(by_successor) == {portal.ref, evaluation.ref}  # the same day is fine
    assert by_successor[portal.ref].items == (portal.ref, council.ref)
    assert by_successor[portal.ref].message.render() == (
        "“Bürgerportal” starts before “Kreistag” ends.")
    # Items without dates say nothing; links to unknown items are ignored.
    undated = measure("Offen", None, None)
    assert rules.plan_warnings([council, undated], [(council.ref, undated.ref),
                                                    (council.ref, ref())], []) == ()


def test_a_circle_in_the_data_is_a_warning() -> None:
    # Two laptops each added one arrow; merged, they go round.
    a = milestone("A", dt.date(2022, 1, 1))
    b = milestone("B", dt.date(2022, 1, 1))
    found = rules.plan_warnings([a, b], [(a.ref, b.ref), (b.ref, a.ref)], [])
    assert kinds(found) == [WarningKind.CYCLE]
    assert set(found[0].items) == {a.ref, b.ref}
    assert found[0].message.render() in (
        "These dependencies go round in a circle: “A” → “B” → “A”.",
        "These dependencies go round in a circle: “B” → “A” → “B”.")


def test_phase_containing_picks_the_first_phase_holding_the_day() -> None:
    overlap = PhaseSpan(uuid.uuid4(), "Übergang", dt.date(2022, 12, 1), dt.date(2023, 1, 31))
    phases = [PHASE_A, overlap, PHASE_B]
    assert rules.phase_containing(dt.date(2022, 12, 12), phases) == PHASE_A
    assert rules.phase_containing(dt.date(2023, 1, 15), phases) == overlap
    assert rules.phase_containing(dt.date(2030, 1, 1), phases) is None


def test_the_items_of_a_circle_are_quoted_as_the_language_quotes() -> None:
    a, b = ItemRef("milestone", uuid.UUID(int=1)), ItemRef("measure", uuid.UUID(int=2))
    names = {a: "Auftakt", b: "Plattform"}
    text = rules.describe_cycle((a, b), names.__getitem__)
    assert text.render() == "“Auftakt” → “Plattform” → “Auftakt”"
    german = {("Timeline", "“{title}”"): "„{title}“"}
    assert text.render(lambda context, source: german.get((context, source), source)) == (
        "„Auftakt“ → „Plattform“ → „Auftakt“")
