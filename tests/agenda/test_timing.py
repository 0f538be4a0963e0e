"""The timing rules, case by case: computed times, pins, gaps, overlaps, tracks, bad input,
totals and live re-timing. Pure: no database, no Qt."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from myk10_workshop.agenda.timing import (
    MINUTES_PER_DAY,
    BlockPlan,
    BlockState,
    DayPlan,
    Schedule,
    TimingWarning,
    TrackPlan,
    WarningKind,
    clock_time,
    describe,
    schedule,
)

DATE = dt.date(2022, 1, 20)
W = WarningKind


def ids(count: int) -> list[uuid.UUID]:
    return [uuid.uuid4() for _ in range(count)]


def day(*blocks: BlockPlan, start: dt.time = dt.time(9, 0), date: dt.date | None = DATE,
        day_id: uuid.UUID | None = None) -> DayPlan:
    return DayPlan(day_id or uuid.uuid4(), start, blocks, date)


def block(block_id: uuid.UUID, minutes: int, pin: str | None = None, *,
          tracks: tuple[TrackPlan, ...] = (), category: str = "",
          started: str | None = None, ended: str | None = None, extra: int = 0,
          ) -> BlockPlan:
    return BlockPlan(block_id, minutes, _time(pin) if pin else None, tracks, category,
                     _at(started), _at(ended), extra)


def _time(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def _at(text: str | None) -> dt.datetime | None:
    return dt.datetime.combine(DATE, _time(text)) if text else None


def clock(plan: Schedule, day_index: int = 0) -> list[str]:
    return [f"{slot.start_time:%H:%M}-{slot.end_time:%H:%M}"
            for slot in plan.days[day_index].slots]


def found(plan: Schedule) -> set[tuple[WarningKind, uuid.UUID, int, uuid.UUID | None]]:
    return {(w.kind, w.block_id, w.minutes, w.other_id) for w in plan.warnings}


# --------------------------------------------------------------------------- planning


def test_blocks_follow_each_other_from_the_day_start() -> None:
    a, b, c = ids(3)
    plan = schedule([day(block(a, 60), block(b, 30), block(c, 45))])
    assert clock(plan) == ["09:00-10:00", "10:00-10:30", "10:30-11:15"]
    assert plan.warnings == ()
    first = plan.slot(a)
    assert (first.start, first.end, first.planned_start, first.planned_end) == (540, 600, 540, 600)
    assert first.state is BlockState.PLANNED
    assert not plan.days[0].live
    assert plan.days[0].ends_at == 11 * 60 + 15


def test_the_day_start_moves_every_unpinned_block() -> None:
    a, b = ids(2)
    plan = schedule([day(block(a, 60), block(b, 30), start=dt.time(8, 15))])
    assert clock(plan) == ["08:15-09:15", "09:15-09:45"]


def test_a_pinned_block_starts_at_its_pin_and_the_gap_before_it_is_reported() -> None:
    a, lunch, c = ids(3)
    plan = schedule([day(block(a, 60), block(lunch, 60, "12:30"), block(c, 30))])
    assert clock(plan) == ["09:00-10:00", "12:30-13:30", "13:30-14:00"]
    assert found(plan) == {(W.GAP, lunch, 150, None)}
    assert plan.slot(lunch).pinned


def test_blocks_running_past_a_pin_are_reported_as_squeezed_not_moved() -> None:
    a, b, c, lunch, d = ids(5)
    plan = schedule([day(block(a, 120), block(b, 75), block(c, 30), block(lunch, 60, "12:00"),
                         block(d, 30))])
    # The pinned lunch stays at 12:00 although the blocks before it end at 12:45.
    assert clock(plan) == ["09:00-11:00", "11:00-12:15", "12:15-12:45", "12:00-13:00",
                           "13:00-13:30"]
    assert found(plan) == {
        (W.OVERLAP, lunch, 45, None),
        (W.SQUEEZED, b, 15, lunch),  # only its last quarter hour runs into lunch
        (W.SQUEEZED, c, 30, lunch),
    }
    assert [w.block_id for w in plan.days[0].squeezed] == [b, c]


def test_blocks_ending_exactly_at_a_pin_give_no_warning() -> None:
    a, lunch = ids(2)
    plan = schedule([day(block(a, 210), block(lunch, 60, "12:30"))])
    assert plan.warnings == ()


def test_a_pin_inside_another_pinned_block_is_reported() -> None:
    lunch, coffee = ids(2)
    plan = schedule([day(block(lunch, 60, "12:30"), block(coffee, 15, "13:00"))])
    assert clock(plan) == ["12:30-13:30", "13:00-13:15"]
    assert (W.PIN_INSIDE_BLOCK, coffee, 30, lunch) in found(plan)


def test_pins_out_of_order_are_reported_and_both_stay_put() -> None:
    late, early, after = ids(3)
    plan = schedule([day(block(late, 60, "14:00"), block(early, 30, "11:00"),
                         block(after, 30))])
    assert clock(plan)[:2] == ["14:00-15:00", "11:00-11:30"]
    assert (W.PINS_OUT_OF_ORDER, early, 240, late) in found(plan)
    # What follows starts after everything before it has ended.
    assert clock(plan)[2] == "15:00-15:30"


def test_a_pin_before_the_day_starts_is_reported() -> None:
    early, b = ids(2)
    plan = schedule([day(block(early, 30, "08:30"), block(b, 30))])
    assert clock(plan) == ["08:30-09:00", "09:00-09:30"]
    assert found(plan) == {(W.PIN_BEFORE_DAY_START, early, 30, None)}


@pytest.mark.parametrize("minutes", [0, -15])
def test_a_block_without_duration_is_reported_and_takes_no_time(minutes: int) -> None:
    a, empty, c = ids(3)
    plan = schedule([day(block(a, 30), block(empty, minutes), block(c, 30))])
    assert clock(plan) == ["09:00-09:30", "09:30-09:30", "09:30-10:00"]
    assert found(plan) == {(W.NO_DURATION, empty, minutes, None)}
    assert plan.total_min == 60


def test_a_day_past_midnight_is_reported_once_on_the_first_block_that_crosses() -> None:
    a, b, c = ids(3)
    plan = schedule([day(block(a, 90), block(b, 60), block(c, 30), start=dt.time(22, 0))])
    assert clock(plan) == ["22:00-23:30", "23:30-00:30", "00:30-01:00"]
    assert plan.slot(c).end == MINUTES_PER_DAY + 60
    assert found(plan) == {(W.PAST_MIDNIGHT, b, 60, None)}


def test_a_day_ending_at_midnight_exactly_is_fine() -> None:
    (a,) = ids(1)
    plan = schedule([day(block(a, 120), start=dt.time(22, 0))])
    assert plan.warnings == ()


def test_tracks_share_their_block_times() -> None:
    a, split, c = ids(3)
    tracks = tuple(TrackPlan(uuid.uuid4(), f"Raum 1.0{n}") for n in range(10))
    plan = schedule([day(block(a, 30), block(split, 90, tracks=tracks), block(c, 15))])
    for track in tracks:
        assert plan.slot(track.id) is plan.slot(split)
    assert clock(plan) == ["09:00-09:30", "09:30-11:00", "11:00-11:15"]
    assert plan.warnings == ()


def test_a_track_without_room_and_two_tracks_in_one_room_are_reported() -> None:
    (split,) = ids(1)
    first, roomless, twice = (TrackPlan(uuid.uuid4(), "Raum 1.01"), TrackPlan(uuid.uuid4(), " "),
                              TrackPlan(uuid.uuid4(), "raum  1.01"))
    plan = schedule([day(block(split, 90, tracks=(first, roomless, twice)))])
    assert found(plan) == {(W.TRACK_WITHOUT_ROOM, split, 0, roomless.id),
                           (W.ROOM_TWICE, split, 0, twice.id)}


def test_totals_per_day_and_per_category_add_up() -> None:
    a, b, c, d, e = ids(5)
    plan = schedule([
        day(block(a, 45, category="Plenum"), block(b, 15, category="Pause"),
            block(c, 90, category="Arbeitsphase")),
        day(block(d, 30, category="Plenum"), block(e, 20), date=DATE + dt.timedelta(days=1)),
    ])
    assert dict(plan.days[0].category_totals) == {"Plenum": 45, "Pause": 15,
                                                  "Arbeitsphase": 90}
    assert plan.days[0].total_min == 150
    assert plan.category_totals == {"Plenum": 75, "Pause": 15, "Arbeitsphase": 90, "": 20}
    assert plan.total_min == 200


def test_days_are_timed_independently() -> None:
    a, b = ids(2)
    plan = schedule([day(block(a, 600)), day(block(b, 30), start=dt.time(8, 0))])
    assert clock(plan, 0) == ["09:00-19:00"]
    assert clock(plan, 1) == ["08:00-08:30"]


def test_clock_times_and_dates_of_minutes() -> None:
    assert clock_time(12 * 60 + 30) == dt.time(12, 30)
    assert clock_time(MINUTES_PER_DAY + 5) == dt.time(0, 5)
    (a,) = ids(1)
    plan = schedule([day(block(a, 30)), day(block(a, 30), date=None)])
    assert plan.days[0].at(plan.days[0].slots[0].end) == dt.datetime(2022, 1, 20, 9, 30)
    assert plan.days[1].at(540) is None


# --------------------------------------------------------------------------- live


def test_a_live_day_is_re_timed_from_reality_and_pinned_blocks_stay_put() -> None:
    a, b, c, lunch, d = ids(5)
    plan = schedule([day(
        block(a, 60, started="09:10", ended="10:20"),  # late and long
        block(b, 60, started="10:25"),  # running, planned until 11:25
        block(c, 45),
        block(lunch, 60, "12:00"),
        block(d, 30),
    )], now=_at("11:40"))
    today = plan.days[0]
    assert today.live
    assert [slot.state for slot in today.slots] == [
        BlockState.DONE, BlockState.RUNNING, BlockState.UPCOMING, BlockState.UPCOMING,
        BlockState.UPCOMING]
    # The running block is 15 minutes over: it ends no earlier than now.
    assert clock(plan) == ["09:10-10:20", "10:25-11:40", "11:40-12:25", "12:00-13:00",
                           "13:00-13:30"]
    assert plan.slot(c).shift == 40  # planned 11:00
    assert plan.slot(lunch).shift == 0
    assert found(plan) == {(W.OVERLAP, lunch, 25, None), (W.SQUEEZED, c, 25, lunch)}
    assert today.running == plan.slot(b)
    assert plan.running == plan.slot(b)
    assert [slot.block_id for slot in today.upcoming] == [c, lunch, d]


def test_extra_time_moves_the_expected_end_of_a_started_block_not_the_plan() -> None:
    a, b, c = ids(3)
    plan = schedule([day(block(a, 60, started="09:00", extra=10), block(b, 30),
                         block(c, 30, extra=5))], now=_at("09:30"))
    # Running: expected until 10:10; what follows moves, its own extra counts only once
    # it has started.
    assert clock(plan) == ["09:00-10:10", "10:10-10:40", "10:40-11:10"]
    first = plan.slot(a)
    assert (first.planned_start, first.planned_end) == (9 * 60, 10 * 60)
    assert plan.slot(b).shift == 10
    assert plan.days[0].planned_end == 11 * 60
    # Past the extra time, the running block ends no earlier than now.
    late = schedule([day(block(a, 60, started="09:00", extra=10), block(b, 30))],
                    now=_at("10:25"))
    assert clock(late) == ["09:00-10:25", "10:25-10:55"]
    # Ended: the recorded end counts, whatever the extra time.
    ended = schedule([day(block(a, 60, started="09:00", ended="09:50", extra=10),
                          block(b, 30))], now=_at("09:55"))
    assert clock(ended) == ["09:00-09:50", "09:55-10:25"]
    # Left running while the next started: it ended when that one did, at the latest at
    # its expected end.
    left = schedule([day(block(a, 30, started="09:00", extra=5), block(b, 30, started="10:00"))],
                    now=_at("10:05"))
    assert clock(left)[0] == "09:00-09:35"
    # On a day not being run, the extra time changes nothing.
    planned = schedule([day(block(a, 60, extra=10), block(b, 30), date=None)])
    assert clock(planned) == ["09:00-10:00", "10:00-10:30"]


def test_the_running_block_itself_can_be_squeezed() -> None:
    a, lunch = ids(2)
    plan = schedule([day(block(a, 60, started="11:15"), block(lunch, 60, "12:30"))],
                    now=_at("12:40"))
    assert clock(plan) == ["11:15-12:40", "12:30-13:30"]
    assert found(plan) == {(W.OVERLAP, lunch, 10, None), (W.SQUEEZED, a, 10, lunch)}


def test_finishing_early_pulls_the_rest_forward_but_never_before_now() -> None:
    a, b, pinned = ids(3)
    plan = schedule([day(block(a, 60, started="09:00", ended="09:40"), block(b, 30),
                         block(pinned, 30, "11:00"))], now=_at("09:50"))
    assert clock(plan) == ["09:00-09:40", "09:50-10:20", "11:00-11:30"]
    # The gap before the pinned block grows from 30 to 40 minutes.
    assert found(plan) == {(W.GAP, pinned, 40, None)}
    assert plan.days[0].delay == 0  # the pinned block still ends the day on time


def test_a_live_day_ends_as_late_as_the_running_block_pushes_it() -> None:
    a, b = ids(2)
    plan = schedule([day(block(a, 60, started="09:00"), block(b, 30))], now=_at("10:20"))
    assert clock(plan) == ["09:00-10:20", "10:20-10:50"]
    assert plan.days[0].delay == 20
    assert plan.days[0].planned_end == 10 * 60 + 30


def test_today_not_yet_started_starts_no_earlier_than_now() -> None:
    a, b = ids(2)
    plan = schedule([day(block(a, 30), block(b, 30))], now=_at("09:20"))
    assert plan.days[0].live
    assert clock(plan) == ["09:20-09:50", "09:50-10:20"]
    assert {slot.state for slot in plan.days[0].slots} == {BlockState.UPCOMING}


def test_before_the_day_starts_live_timing_is_the_plan() -> None:
    a, b = ids(2)
    plan = schedule([day(block(a, 30), block(b, 30))], now=_at("07:45"))
    assert clock(plan) == ["09:00-09:30", "09:30-10:00"]
    assert all(slot.shift == 0 for slot in plan.days[0].slots)


def test_a_day_that_is_not_today_and_not_started_shows_the_plan() -> None:
    a, b = ids(2)
    plan = schedule([day(block(a, 30), block(b, 30), date=DATE + dt.timedelta(days=1))],
                    now=_at("09:20"))
    assert not plan.days[0].live
    assert clock(plan) == ["09:00-09:30", "09:30-10:00"]
    assert {slot.state for slot in plan.days[0].slots} == {BlockState.PLANNED}


def test_a_started_day_without_date_is_live_on_its_actual_date() -> None:
    a, b = ids(2)
    plan = schedule([day(block(a, 30, started="09:05"), block(b, 30), date=None)],
                    now=_at("09:50"))
    assert plan.days[0].live
    assert clock(plan) == ["09:05-09:50", "09:50-10:20"]


def test_skipped_blocks_take_no_time() -> None:
    a, passed_over, skipped, d, e = ids(5)
    plan = schedule([day(
        block(a, 30, started="09:00", ended="09:30"),
        block(passed_over, 30),  # never started, but a later block ran
        block(skipped, 30, started="09:32", ended="09:32"),  # "skip" pressed
        block(d, 30, started="09:32"),
        block(e, 30),
    )], now=_at("09:40"))
    states = [slot.state for slot in plan.days[0].slots]
    assert states == [BlockState.DONE, BlockState.SKIPPED, BlockState.SKIPPED,
                      BlockState.RUNNING, BlockState.UPCOMING]
    assert plan.slot(passed_over).length == 0
    assert plan.slot(skipped).length == 0
    assert clock(plan)[3:] == ["09:32-10:02", "10:02-10:32"]


def test_a_block_dropped_ahead_of_time_leaves_the_running_block_running() -> None:
    a, running, dropped, e = ids(4)
    plan = schedule([day(
        block(a, 30, started="09:00", ended="09:30"),
        block(running, 30, started="09:30"),
        block(dropped, 30, started="09:35", ended="09:35"),  # "drop" on a squeezed block
        block(e, 30),
    )], now=_at("09:40"))
    states = [slot.state for slot in plan.days[0].slots]
    assert states == [BlockState.DONE, BlockState.RUNNING, BlockState.SKIPPED,
                      BlockState.UPCOMING]
    assert plan.days[0].running is not None
    assert plan.days[0].running.block_id == running
    assert clock(plan)[1] == "09:30-10:00"
    assert clock(plan)[3] == "10:00-10:30"


def test_a_block_left_running_ends_when_the_next_one_started() -> None:
    a, b = ids(2)
    plan = schedule([day(block(a, 60, started="09:00"), block(b, 30, started="09:45"))],
                    now=_at("10:00"))
    assert [slot.state for slot in plan.days[0].slots] == [BlockState.DONE, BlockState.RUNNING]
    assert clock(plan) == ["09:00-09:45", "09:45-10:15"]


def _on(date: dt.date, text: str) -> dt.datetime:
    return dt.datetime.combine(date, _time(text))


def test_a_day_rehearsed_on_another_date_is_timed_on_the_date_it_ran() -> None:
    """The demo day is dated 20.01.2022; run today, its times are today's times of day,
    not minutes counted from 2022 (which put "08:59 (+1)" and millions of minutes past
    midnight on the planning page)."""
    run = dt.date(2026, 3, 2)
    a, b, c, d = ids(4)
    blocks = (BlockPlan(a, 45, actual_start=_on(run, "08:59"), actual_end=_on(run, "08:59")),
              BlockPlan(b, 30, actual_start=_on(run, "08:59"), actual_end=_on(run, "09:00")),
              BlockPlan(c, 15, actual_start=_on(run, "09:00")),
              BlockPlan(d, 60, dt.time(12, 0)))
    for now in (None, _on(run, "09:05"), _on(dt.date(2026, 3, 9), "14:00")):
        timed = schedule([day(*blocks)], now=now)
        today = timed.days[0]
        assert today.live
        assert today.date == DATE
        assert today.run_date == run
        assert today.rehearsed
        assert clock(timed)[1:3] == ["08:59-09:00", "09:00-09:15"]
        assert all(0 <= slot.start < MINUTES_PER_DAY for slot in today.slots)
        assert not any(w.kind is W.PAST_MIDNIGHT for w in timed.warnings)
        assert all(abs(w.minutes) < MINUTES_PER_DAY for w in timed.warnings)
        # The planned times stay those of the plan, on its own date.
        assert today.at(today.slots[0].planned_start) == _on(DATE, "09:00")
        assert today.live_at(today.slots[2].start) == _on(run, "09:00")
    running = schedule([day(*blocks)], now=_on(run, "09:05")).days[0]
    assert running.running is not None and running.running.block_id == c


def test_only_the_latest_run_of_a_day_is_timed() -> None:
    rehearsal, real = dt.date(2022, 1, 18), DATE
    a, b, c = ids(3)
    plan = schedule([day(
        BlockPlan(a, 30, actual_start=_on(rehearsal, "09:00"),
                  actual_end=_on(rehearsal, "09:30")),
        BlockPlan(b, 30, actual_start=_on(rehearsal, "09:30"),
                  actual_end=_on(real, "09:10")),  # ended late, on the real day
        BlockPlan(c, 30, actual_start=_on(real, "09:10")),
    )], now=_on(real, "09:20"))
    today = plan.days[0]
    assert today.run_date == real
    assert not today.rehearsed
    # The rehearsal's times are not those of this run: passed over, taking no time.
    assert [slot.state for slot in today.slots] == [
        BlockState.SKIPPED, BlockState.SKIPPED, BlockState.RUNNING]
    assert clock(plan)[2] == "09:10-09:40"
    assert all(abs(w.minutes) < MINUTES_PER_DAY for w in plan.warnings)


def test_a_run_past_midnight_stays_one_run() -> None:
    a, b = ids(2)
    late = DATE + dt.timedelta(days=1)
    plan = schedule([day(
        BlockPlan(a, 60, actual_start=_on(DATE, "23:30"), actual_end=_on(late, "00:20")),
        BlockPlan(b, 30, actual_start=_on(late, "00:20")),
        start=dt.time(23, 30))], now=_on(DATE, "23:59"))
    today = plan.days[0]
    assert today.run_date == DATE
    assert clock(plan) == ["23:30-00:20", "00:20-00:50"]
    assert today.slots[1].start == MINUTES_PER_DAY + 20
    assert found(plan) == {(W.PAST_MIDNIGHT, a, 50, None)}


def test_aware_now_is_read_on_the_local_clock() -> None:
    a, b = ids(2)
    local_now = _at("09:20")
    assert local_now is not None
    naive = schedule([day(block(a, 30), block(b, 30))], now=local_now)
    aware = schedule([day(block(a, 30), block(b, 30))], now=local_now.astimezone())
    assert clock(naive) == clock(aware) == ["09:20-09:50", "09:50-10:20"]


# --------------------------------------------------------------------------- wording


@pytest.mark.parametrize("kind", list(WarningKind))
def test_every_warning_is_worded_with_the_titles_it_names(kind: WarningKind) -> None:
    block_id, other_id = ids(2)
    warning = TimingWarning(kind, block_id, 25, other_id)
    text = describe(warning, {block_id: "Mittagspause", other_id: "AG Mobilität"}).render()
    assert "{" not in text
    assert "Mittagspause" in text
    if kind in (W.SQUEEZED, W.PIN_INSIDE_BLOCK, W.PINS_OUT_OF_ORDER, W.TRACK_WITHOUT_ROOM,
                W.ROOM_TWICE):
        assert "AG Mobilität" in text
    if kind in (W.GAP, W.OVERLAP, W.SQUEEZED, W.PIN_INSIDE_BLOCK, W.PIN_BEFORE_DAY_START,
                W.PAST_MIDNIGHT):
        assert "25" in text


def test_schedule_finds_the_warnings_of_one_block() -> None:
    a, b, lunch = ids(3)
    plan = schedule([day(block(a, 120), block(b, 120), block(lunch, 60, "12:30"))])
    assert {w.kind for w in plan.warnings_for(b)} == {W.SQUEEZED}
    assert {w.kind for w in plan.warnings_for(lunch)} == {W.OVERLAP, W.SQUEEZED}
    assert plan.warnings_for(a) == ()
