"""The iCalendar writer, read back with the real parser (icalendar) as a calendar would."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest

from myk10_workshop.reports.ics import (
    SUPPORTED_TZIDS,
    Calendar,
    Event,
    Status,
    escape_text,
    fold,
    make_uid,
    write_ics,
)

NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
LONG_GERMAN = (
    "Die Bürgerinnen und Bürger der Gemeinde erarbeiten gemeinsam Maßnahmen für die "
    "Ortsentwicklung: Verkehrsberuhigung in der Hauptstraße, ein überdachter Fahrradabstellplatz "
    "am Bahnhof, längere Öffnungszeiten der Bücherei und ein Treffpunkt für Jugendliche. "
    "Außerdem: Grünflächen, Spielplätze, Barrierefreiheit – und 🎉 Feiern!"
)


def timed(summary: str = "Begrüßung", start: datetime = datetime(2026, 5, 4, 10, 0),
          minutes: int = 30, **fields: Any) -> Event:
    return Event(make_uid(uuid.uuid4()), summary, start, start + timedelta(minutes=minutes),
                 **fields)


def ics(*events: Event, name: str = "Zukunftswerkstatt", **options: Any) -> bytes:
    return Calendar(name, list(events), **options).to_bytes(NOW)


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def only_event(data: bytes) -> icalendar.Event:
    (event,) = parse(data).walk("VEVENT")
    return event


def files(folder: Path) -> list[str]:
    """Every name in ``folder``, hidden temporary files included."""
    return sorted(path.name for path in folder.iterdir())


def unfolded(data: bytes) -> list[str]:
    """The logical content lines, as a parser sees them after unfolding."""
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


def text(component: icalendar.cal.Component, name: str) -> str:
    """A property's text, unescaped by the parser even where icalendar does not know the
    property as TEXT (it keeps NAME and X-WR-CALNAME raw)."""
    value = component[name]
    if isinstance(value, icalendar.vText):
        return str(value)
    raw = str(value)
    carrier = icalendar.Event.from_ical(f"BEGIN:VEVENT\r\nSUMMARY:{raw}\r\nEND:VEVENT\r\n")
    return str(carrier["SUMMARY"])


# -- the calendar ------------------------------------------------------------------------------

def test_calendar_properties() -> None:
    data = ics(timed(), name="Werkstatt Süd; Tag 1, Raum 2")
    calendar = parse(data)
    assert calendar["VERSION"] == "2.0"
    assert str(calendar["PRODID"]).startswith("-//MYK10 Workshop//MYK10 Workshop ")
    assert str(calendar["PRODID"]).endswith("//DE")
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert calendar["METHOD"] == "PUBLISH"
    assert text(calendar, "X-WR-CALNAME") == "Werkstatt Süd; Tag 1, Raum 2"
    assert text(calendar, "NAME") == "Werkstatt Süd; Tag 1, Raum 2"
    lines = unfolded(data)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"
    assert data.endswith(b"END:VCALENDAR\r\n")


def test_an_empty_calendar_is_valid_and_has_no_time_zone() -> None:
    calendar = parse(ics())
    assert calendar.walk("VEVENT") == []
    assert calendar.walk("VTIMEZONE") == []
    assert calendar["METHOD"] == "PUBLISH"


def test_events_keep_their_order_and_count() -> None:
    events = [timed(f"Punkt {n}", datetime(2026, 5, 4, 9 + n, 0)) for n in range(5)]
    parsed = parse(ics(*events)).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in parsed] == [f"Punkt {n}" for n in range(5)]
    assert [str(event["UID"]) for event in parsed] == [event.uid for event in events]


# -- text --------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    "Begrüßung und Kennenlernen",
    "ÄÖÜ äöü ß ẞ – „Zitat“ …",
    "Abstimmung 🗳️ mit Emoji 👩‍👩‍👧 und 🎉",
    "Komma, Semikolon; Doppelpunkt: Backslash \\ Ende",
    "a\\,b\\;c\\n",  # already looks escaped: must stay as typed
    "Zeile 1\nZeile 2\n\nZeile 4",
    LONG_GERMAN,
    LONG_GERMAN * 4,
])
def test_text_fields_round_trip(value: str) -> None:
    event = only_event(ics(timed(value, description=value, location=value)))
    assert str(event["SUMMARY"]) == value
    assert str(event["DESCRIPTION"]) == value
    assert str(event["LOCATION"]) == value


def test_windows_and_old_mac_line_breaks_become_newlines() -> None:
    event = only_event(ics(timed(description="eins\r\nzwei\rdrei\nvier")))
    assert str(event["DESCRIPTION"]) == "eins\nzwei\ndrei\nvier"


def test_control_characters_are_dropped_but_tabs_kept() -> None:
    event = only_event(ics(timed("Null\x00 Glocke\x07 Esc\x1b Del\x7f", description="a\tb")))
    assert str(event["SUMMARY"]) == "Null Glocke Esc Del"
    assert str(event["DESCRIPTION"]) == "a\tb"


@pytest.mark.parametrize(("raw", "escaped"), [
    ("plain", "plain"),
    ("a,b", "a\\,b"),
    ("a;b", "a\\;b"),
    ("a\\b", "a\\\\b"),
    ("a\nb", "a\\nb"),
    ("a\r\nb", "a\\nb"),
    ("a:b", "a:b"),
    ("\\n", "\\\\n"),
])
def test_escape_text(raw: str, escaped: str) -> None:
    assert escape_text(raw) == escaped


def test_empty_optional_fields_are_left_out() -> None:
    data = ics(timed(description="", location="", categories=["", ""]))
    names = {line.split(":")[0].split(";")[0] for line in unfolded(data)}
    assert not names & {"DESCRIPTION", "LOCATION", "CATEGORIES", "STATUS", "URL", "SEQUENCE"}


def test_categories_status_url_and_sequence_round_trip() -> None:
    event = only_event(ics(timed(
        categories=["Plenum", "Pause, lang", "Gruppe; A", "Ü"], status=Status.TENTATIVE,
        url="https://example.org/agenda?tag=1&raum=süd#punkt-3", sequence=4)))
    assert [str(category) for category in event["CATEGORIES"].cats] == [
        "Plenum", "Pause, lang", "Gruppe; A", "Ü"]
    assert event["STATUS"] == "TENTATIVE"
    assert str(event["URL"]) == "https://example.org/agenda?tag=1&raum=süd#punkt-3"
    assert event.decoded("SEQUENCE") == 4


@pytest.mark.parametrize("status", list(Status))
def test_every_status(status: Status) -> None:
    assert only_event(ics(timed(status=status)))["STATUS"] == status.value


# -- UID and DTSTAMP ---------------------------------------------------------------------------

def test_uid_is_stable_and_carries_the_domain() -> None:
    key = uuid.UUID("6f1c1f2e-6a51-4a43-9bd4-1f1e0a2b3c4d")
    assert make_uid(key) == "6f1c1f2e-6a51-4a43-9bd4-1f1e0a2b3c4d@myk10-workshop"
    assert make_uid(key) == make_uid(str(key))
    assert make_uid("item-7", domain="example.org") == "item-7@example.org"
    event = Event(make_uid(key), "Start", date(2026, 5, 4), date(2026, 5, 4))
    assert str(only_event(ics(event))["UID"]) == make_uid(key)
    with pytest.raises(ValueError, match="identifier"):
        make_uid(" ")


def test_dtstamp_defaults_to_the_write_time_in_utc() -> None:
    assert only_event(ics(timed())).decoded("DTSTAMP") == NOW
    stamp = datetime(2026, 7, 1, 12, 0, tzinfo=BERLIN)
    event = only_event(ics(timed(dtstamp=stamp)))
    assert event.decoded("DTSTAMP") == stamp
    assert "DTSTAMP:20260701T100000Z" in unfolded(ics(timed(dtstamp=stamp)))


def test_dtstamp_without_now_is_the_current_time() -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    data = Calendar("K", [timed()]).to_bytes()
    after = datetime.now(UTC)
    assert before <= only_event(data).decoded("DTSTAMP") <= after


# -- dates and times ---------------------------------------------------------------------------

def test_an_all_day_event_ends_exclusively_the_next_day() -> None:
    data = ics(Event(make_uid("tag"), "Werkstatt", date(2026, 3, 28), date(2026, 3, 28)))
    event = only_event(data)
    assert event.decoded("DTSTART") == date(2026, 3, 28)
    assert event.decoded("DTEND") == date(2026, 3, 29)
    assert not isinstance(event.decoded("DTSTART"), datetime)
    assert "DTSTART;VALUE=DATE:20260328" in unfolded(data)
    assert "DTEND;VALUE=DATE:20260329" in unfolded(data)


def test_a_multi_day_event_across_a_month_and_year_end() -> None:
    event = only_event(ics(Event(make_uid("x"), "Klausur", date(2026, 12, 30),
                                 date(2027, 1, 2))))
    assert event.decoded("DTSTART") == date(2026, 12, 30)
    assert event.decoded("DTEND") == date(2027, 1, 3)


def test_all_day_events_need_no_time_zone() -> None:
    data = ics(Event(make_uid("x"), "Tag", date(2026, 5, 4), date(2026, 5, 4)), tzid=None)
    assert parse(data).walk("VTIMEZONE") == []


@pytest.mark.parametrize(("local", "utc"), [
    # the spring change: Sunday 29 March 2026, 02:00 CET -> 03:00 CEST
    (datetime(2026, 3, 28, 10, 0), datetime(2026, 3, 28, 9, 0, tzinfo=UTC)),
    (datetime(2026, 3, 29, 1, 30), datetime(2026, 3, 29, 0, 30, tzinfo=UTC)),
    (datetime(2026, 3, 29, 3, 30), datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),
    (datetime(2026, 3, 29, 10, 0), datetime(2026, 3, 29, 8, 0, tzinfo=UTC)),
    # the autumn change: Sunday 25 October 2026, 03:00 CEST -> 02:00 CET
    (datetime(2026, 10, 24, 10, 0), datetime(2026, 10, 24, 8, 0, tzinfo=UTC)),
    (datetime(2026, 10, 25, 1, 30), datetime(2026, 10, 24, 23, 30, tzinfo=UTC)),
    (datetime(2026, 10, 25, 10, 0), datetime(2026, 10, 25, 9, 0, tzinfo=UTC)),
    (datetime(2026, 12, 31, 23, 59), datetime(2026, 12, 31, 22, 59, tzinfo=UTC)),
])
def test_berlin_local_times_are_placed_at_the_right_instant(local: datetime,
                                                           utc: datetime) -> None:
    data = ics(timed(start=local, minutes=60))
    assert f"DTSTART;TZID=Europe/Berlin:{local:%Y%m%dT%H%M%S}" in unfolded(data)
    event = only_event(data)
    start = event.decoded("DTSTART")
    assert start.replace(tzinfo=None) == local
    assert start.astimezone(UTC) == utc
    # ... and by our own VTIMEZONE, not only by the parser's time zone database
    (zone,) = parse(data).walk("VTIMEZONE")
    ours = zone.to_tz(lookup_tzid=False)
    assert local.replace(tzinfo=ours).astimezone(UTC) == utc


def test_an_event_across_the_spring_change_is_an_hour_shorter() -> None:
    event = only_event(ics(Event(make_uid("n"), "Nacht", datetime(2026, 3, 29, 1, 0),
                                 datetime(2026, 3, 29, 4, 0))))
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=2)


def test_the_vtimezone_is_written_once_and_only_for_local_times() -> None:
    data = ics(timed(), timed(start=datetime(2026, 10, 25, 10, 0)))
    assert len(parse(data).walk("VTIMEZONE")) == 1
    utc_only = ics(timed(start=datetime(2026, 5, 4, 8, 0, tzinfo=UTC)))
    assert parse(utc_only).walk("VTIMEZONE") == []


def test_local_times_need_a_time_zone() -> None:
    with pytest.raises(ValueError, match="tzid"):
        ics(timed(), tzid=None)


def test_unknown_time_zones_are_refused() -> None:
    with pytest.raises(ValueError, match="America/New_York"):
        Calendar("K", [], tzid="America/New_York")


@pytest.mark.parametrize("zone", [UTC, BERLIN, ZoneInfo("America/New_York")])
def test_aware_datetimes_are_written_in_utc(zone: Any) -> None:
    instant = datetime(2026, 3, 29, 8, 0, tzinfo=UTC)
    data = ics(timed(start=instant.astimezone(zone), minutes=45))
    assert "DTSTART:20260329T080000Z" in unfolded(data)
    assert "DTEND:20260329T084500Z" in unfolded(data)
    event = only_event(data)
    assert event.decoded("DTSTART") == instant
    assert event.decoded("DTEND") == instant + timedelta(minutes=45)


def test_seconds_are_kept_and_microseconds_dropped() -> None:
    event = only_event(ics(timed(start=datetime(2026, 5, 4, 10, 0, 7, 999_999))))
    assert event.decoded("DTSTART").replace(tzinfo=None) == datetime(2026, 5, 4, 10, 0, 7)


def _rule_offset(zone: Any, instant: datetime) -> timedelta:
    offset = instant.astimezone(zone).utcoffset()
    assert offset is not None
    return offset


def _transitions(year: int) -> list[datetime]:
    """The EU changes of ``year`` per the IANA database: found by the hour in Berlin."""
    changes = []
    for month in (3, 10):
        moment = datetime(year, month, 20, tzinfo=UTC)
        while moment.month == month:
            if _rule_offset(BERLIN, moment) != _rule_offset(BERLIN, moment + timedelta(hours=1)):
                changes.append(moment + timedelta(hours=1))
            moment += timedelta(hours=1)
    return changes


@pytest.mark.parametrize("tzid", sorted(SUPPORTED_TZIDS))
def test_our_vtimezone_agrees_with_the_iana_database(tzid: str) -> None:
    data = ics(timed(), tzid=tzid)
    (zone,) = parse(data).walk("VTIMEZONE")
    assert str(zone["TZID"]) == tzid
    ours, iana = zone.to_tz(lookup_tzid=False), ZoneInfo(tzid)
    samples = []
    for year in range(2003, 2038):  # the Baltic states joined the rule by 2003
        samples += [datetime(year, month, 1, 12, tzinfo=UTC) for month in range(1, 13)]
        for change in _transitions(year):
            assert change.hour == 1 and change.weekday() == 6
            samples += [change + timedelta(minutes=minutes) for minutes in (-61, -1, 0, 59)]
    for instant in samples:
        assert _rule_offset(ours, instant) == _rule_offset(iana, instant), (tzid, instant)


def test_berlin_vtimezone_text() -> None:
    lines = unfolded(ics(timed()))
    start = lines.index("BEGIN:VTIMEZONE")
    assert lines[start:lines.index("END:VTIMEZONE") + 1] == [
        "BEGIN:VTIMEZONE", "TZID:Europe/Berlin",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
        "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
        "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE"]


# -- lines -------------------------------------------------------------------------------------

def _check_physical_lines(data: bytes) -> None:
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    for line in lines:
        assert len(line) <= 75, line
        assert b"\r" not in line and b"\n" not in line, line
        line.decode("utf-8")  # no line ends inside a character


@pytest.mark.parametrize("shift", range(5))
def test_every_line_is_at_most_75_octets_and_ends_with_crlf(shift: int) -> None:
    emoji = "x" * shift + "🎉ä€" * 60  # 4-, 2- and 3-byte characters at every offset
    data = ics(timed(emoji, description=LONG_GERMAN * 3, location=emoji,
                     categories=[emoji, "B"], url="https://example.org/" + "a" * 200),
               name=emoji)
    _check_physical_lines(data)
    assert any(line.startswith(b" ") for line in data.split(b"\r\n"))  # really folded
    event = only_event(data)
    assert str(event["SUMMARY"]) == emoji
    assert str(event["LOCATION"]) == emoji
    assert str(event["URL"]) == "https://example.org/" + "a" * 200


@pytest.mark.parametrize("line", [
    "",
    "SUMMARY:kurz",
    "X" * 75,
    "X" * 76,
    "X" * 75 + "Y" * 74 + "Z" * 74,
    "DESCRIPTION:" + "ü" * 100,
    "DESCRIPTION:" + "€" * 100,
    "DESCRIPTION:" + "👩‍👩‍👧" * 30,
])
def test_fold_keeps_every_octet_and_every_character_whole(line: str) -> None:
    folded = fold(line)
    _check_physical_lines(folded)
    assert folded.replace(b"\r\n ", b"") == line.encode("utf-8") + b"\r\n"
    parts = folded.split(b"\r\n")[:-1]
    # lines are filled: only the last may be shorter than a character less than the limit
    for part in parts[:-1]:
        assert len(part) >= 72


# -- validation --------------------------------------------------------------------------------

@pytest.mark.parametrize(("fields", "error"), [
    ({"start": date(2026, 5, 4), "end": datetime(2026, 5, 4, 10)}, "one kind"),
    ({"start": datetime(2026, 5, 4, 10), "end": datetime(2026, 5, 4, 11, tzinfo=UTC)},
     "one kind"),
    ({"end": datetime(2026, 5, 4, 9)}, "ends before"),
    ({"start": date(2026, 5, 5), "end": date(2026, 5, 4)}, "ends before"),
    ({"uid": ""}, "UID"),
    ({"uid": "a\nb@x"}, "UID"),
    ({"url": "https://example.org/a b"}, "URL"),
    ({"url": ""}, "URL"),
    ({"dtstamp": datetime(2026, 5, 4)}, "dtstamp"),
    ({"sequence": -1}, "sequence"),
])
def test_invalid_events_are_refused(fields: dict[str, Any], error: str) -> None:
    values: dict[str, Any] = {"uid": "u@x", "summary": "S", "start": datetime(2026, 5, 4, 10),
                              "end": datetime(2026, 5, 4, 11)}
    values.update(fields)
    with pytest.raises(ValueError, match=error):
        Event(**values)


def test_categories_must_not_be_a_single_string() -> None:
    with pytest.raises(TypeError):
        Event("u@x", "S", date(2026, 5, 4), date(2026, 5, 4), categories="Plenum")


def test_now_must_be_aware() -> None:
    with pytest.raises(ValueError, match="aware"):
        Calendar("K", [timed()]).to_bytes(datetime(2026, 1, 1))


# -- files -------------------------------------------------------------------------------------

def test_write_ics_writes_the_bytes(tmp_path: Path) -> None:
    calendar = Calendar("Werkstatt", [timed()])
    path = write_ics(tmp_path / "agenda.ics", calendar, NOW)
    assert path == tmp_path / "agenda.ics"
    assert path.read_bytes() == calendar.to_bytes(NOW)
    assert files(tmp_path) == ["agenda.ics"]


def test_write_ics_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "agenda.ics"
    path.write_bytes(b"old")
    write_ics(path, Calendar("Neu", [timed()]), NOW)
    assert text(parse(path.read_bytes()), "X-WR-CALNAME") == "Neu"


def _fail(*args: object) -> None:
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_failed_write_leaves_the_old_file_and_no_debris(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    path = tmp_path / "agenda.ics"
    path.write_bytes(b"old")
    failing: Callable[..., None] = _fail
    monkeypatch.setattr(os, step, failing)
    with pytest.raises(OSError, match="No space"):
        write_ics(path, Calendar("Neu", [timed()]), NOW)
    monkeypatch.undo()
    assert path.read_bytes() == b"old"
    assert files(tmp_path) == ["agenda.ics"]


def test_an_invalid_calendar_touches_no_file(tmp_path: Path) -> None:
    path = tmp_path / "agenda.ics"
    path.write_bytes(b"old")
    with pytest.raises(ValueError, match="tzid"):
        write_ics(path, Calendar("K", [timed()], tzid=None), NOW)
    assert path.read_bytes() == b"old"
    assert files(tmp_path) == ["agenda.ics"]


def test_a_missing_folder_is_an_error_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_ics(tmp_path / "fehlt" / "agenda.ics", Calendar("K", [timed()]), NOW)
    assert files(tmp_path) == []
