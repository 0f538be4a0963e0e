"""iCalendar (RFC 5545) files for calendar programs: Outlook, Google Calendar, Thunderbird,
Apple Calendar. Written by hand, no library at runtime.

An :class:`Event` starts and ends either

* on a :class:`datetime.date`: an all-day event; ``end`` is the *last* day (inclusive)
  and the file gets the exclusive ``DTEND`` the standard wants (the day after);
* at a naive :class:`datetime.datetime`: a local wall-clock time in the calendar's time
  zone (``Europe/Berlin`` unless told otherwise), written with ``TZID=`` and a matching
  ``VTIMEZONE``, so a workshop at 10:00 stays at 10:00 on both sides of a DST change;
* at a timezone-aware :class:`datetime.datetime`: an instant, written in UTC (``...Z``).

The ``VTIMEZONE`` components carry the EU summer-time rule as ``RRULE`` s (last Sunday of
March and of October, at 01:00 UTC), which every calendar program expands itself; the
rule has held in Germany since 1996, in every zone offered here since 2003, and the tests
check it against the IANA database. Only
zones that follow it are offered (:data:`SUPPORTED_TZIDS`); no ``tzdata`` is needed at
runtime (Windows has none).

The output uses CRLF line endings, folds lines at 75 octets without splitting a UTF-8
character, and escapes text values (backslash, semicolon, comma, newlines).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from myk10_workshop import APP_NAME, __version__
from myk10_workshop.files import write_atomically

UID_DOMAIN = "myk10-workshop"
"""The right-hand side of every UID this app writes (``<id>@myk10-workshop``)."""

DEFAULT_TZID = "Europe/Berlin"

MAX_LINE_OCTETS = 75
"""RFC 5545 section 3.1: lines SHOULD NOT be longer than 75 octets, excluding the CRLF."""

CRLF = b"\r\n"


class Status(StrEnum):
    """The ``STATUS`` values RFC 5545 allows for a ``VEVENT``."""

    TENTATIVE = "TENTATIVE"
    CONFIRMED = "CONFIRMED"
    CANCELLED = "CANCELLED"


def make_uid(identifier: uuid.UUID | str, domain: str = UID_DOMAIN) -> str:
    """A globally unique, *stable* UID for the thing ``identifier`` names.

    Pass the stored UUID of the agenda item (or any other stable key): exporting the same
    item again gives the same UID, so calendar programs update the event instead of
    adding a copy.
    """
    text = str(identifier).strip()
    if not text:
        raise ValueError("a UID needs a non-empty identifier")
    return f"{text}@{domain}"


@dataclass(frozen=True)
class Event:
    """One calendar entry (``VEVENT``).

    ``start`` and ``end`` are both dates (all-day, ``end`` inclusive), both naive
    datetimes (local time in the calendar's zone) or both aware datetimes (instants).
    ``dtstamp`` (when this information was created) must be aware; left out, the
    calendar's write time is used. Empty strings and empty categories are left out.
    """

    uid: str
    summary: str
    start: date | datetime
    end: date | datetime
    description: str = ""
    location: str = ""
    categories: Sequence[str] = ()
    status: Status | None = None
    url: str | None = None
    dtstamp: datetime | None = None
    sequence: int = 0

    def __post_init__(self) -> None:
        if not self.uid.strip() or _has_control(self.uid):
            raise ValueError(f"invalid UID {self.uid!r}")
        start_kind, end_kind = _kind(self.start), _kind(self.end)
        if start_kind != end_kind:
            raise ValueError(f"start and end must be of one kind, not {start_kind} and "
                             f"{end_kind}")
        if self.end < self.start:  # same kind, checked above: comparable
            raise ValueError(f"event {self.uid!r} ends before it starts")
        if self.url is not None and (not self.url or _has_control(self.url)
                                     or any(c.isspace() for c in self.url)):
            raise ValueError(f"invalid URL {self.url!r}")
        if self.dtstamp is not None and self.dtstamp.utcoffset() is None:
            raise ValueError("dtstamp must be timezone-aware")
        if self.sequence < 0:
            raise ValueError("sequence must not be negative")
        if isinstance(self.categories, str):
            raise TypeError("categories is a sequence of strings, not one string")

    @property
    def all_day(self) -> bool:
        """True for an event on whole days (dates, not times)."""
        return _kind(self.start) == "date"

    @property
    def local_time(self) -> bool:
        """True for an event at wall-clock times of the calendar's time zone."""
        return _kind(self.start) == "local"


@dataclass(frozen=True)
class Calendar:
    """A named collection of events, written as one ``VCALENDAR`` (``METHOD:PUBLISH``).

    ``tzid`` is the zone of the events' naive (local) datetimes; it must be one of
    :data:`SUPPORTED_TZIDS`, or ``None`` when no event has local times.
    """

    name: str
    events: Sequence[Event] = field(default_factory=tuple)
    tzid: str | None = DEFAULT_TZID

    def __post_init__(self) -> None:
        if self.tzid is not None and self.tzid not in _ZONES:
            raise ValueError(f"unsupported time zone {self.tzid!r}; "
                             f"supported: {', '.join(sorted(_ZONES))}")

    def to_bytes(self, now: datetime | None = None) -> bytes:
        """The calendar as an ``.ics`` file's bytes (UTF-8, CRLF, folded lines).

        ``now`` (aware) is the ``DTSTAMP`` of events without their own; default: now.
        """
        if now is None:
            now = datetime.now(UTC)
        elif now.utcoffset() is None:
            raise ValueError("now must be timezone-aware")
        return b"".join(fold(line) for line in self._lines(now))

    def _lines(self, now: datetime) -> Iterator[str]:
        yield "BEGIN:VCALENDAR"
        yield "VERSION:2.0"
        yield f"PRODID:-//{APP_NAME}//{APP_NAME} {__version__}//DE"
        yield "CALSCALE:GREGORIAN"
        yield "METHOD:PUBLISH"
        yield f"NAME:{escape_text(self.name)}"
        yield f"X-WR-CALNAME:{escape_text(self.name)}"
        if any(event.local_time for event in self.events):
            if self.tzid is None:
                raise ValueError("events with naive (local) datetimes need the calendar's "
                                 "tzid")
            yield from _ZONES[self.tzid].lines()
        for event in self.events:
            yield from self._event_lines(event, now)
        yield "END:VCALENDAR"

    def _event_lines(self, event: Event, now: datetime) -> Iterator[str]:
        yield "BEGIN:VEVENT"
        yield f"UID:{escape_text(event.uid)}"
        yield f"DTSTAMP:{_utc(event.dtstamp or now)}"
        if event.all_day:
            # DTEND of an all-day event is exclusive: the day after the last day.
            yield f"DTSTART;VALUE=DATE:{_date(event.start)}"
            yield f"DTEND;VALUE=DATE:{_date(event.end + timedelta(days=1))}"
        else:
            yield f"DTSTART{self._datetime(event.start)}"
            yield f"DTEND{self._datetime(event.end)}"
        yield f"SUMMARY:{escape_text(event.summary)}"
        if event.description:
            yield f"DESCRIPTION:{escape_text(event.description)}"
        if event.location:
            yield f"LOCATION:{escape_text(event.location)}"
        categories = [escape_text(category) for category in event.categories if category]
        if categories:
            yield f"CATEGORIES:{','.join(categories)}"
        if event.status is not None:
            yield f"STATUS:{Status(event.status).value}"
        if event.url is not None:
            yield f"URL:{event.url}"
        if event.sequence:
            yield f"SEQUENCE:{event.sequence}"
        yield "END:VEVENT"

    def _datetime(self, moment: date) -> str:
        """``;TZID=...:local`` or ``:...Z``: the parameters and value of a date-time."""
        assert isinstance(moment, datetime)
        if moment.utcoffset() is None:
            return f";TZID={self.tzid}:{moment:%Y%m%dT%H%M%S}"
        return f":{_utc(moment)}"


def write_ics(path: Path, calendar: Calendar, now: datetime | None = None) -> Path:
    """Write ``calendar`` to ``path`` atomically and return ``path``.

    The bytes are built before anything touches the disk; :class:`OSError` on failure,
    with ``path`` as it was before.
    """
    write_atomically(path, calendar.to_bytes(now))
    return path


# -- text and lines -------------------------------------------------------------------------

def escape_text(text: str) -> str:
    """Escape a TEXT value (RFC 5545 section 3.3.11).

    Backslash, semicolon and comma get a backslash, every line break (CRLF, CR, LF)
    becomes ``\\n``; other control characters, which TEXT does not allow, are dropped
    (a tab stays).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c in "\n\t" or not _is_control(c))
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold(line: str) -> bytes:
    """One content line as UTF-8 with CRLF, folded into lines of at most 75 octets.

    A continuation line starts with a space (which counts), and no line ends inside a
    multi-byte UTF-8 character, so every physical line is valid UTF-8 on its own.
    """
    data = line.encode("utf-8")
    parts: list[bytes] = []
    limit = MAX_LINE_OCTETS
    while len(data) > limit:
        cut = limit
        while (data[cut] & 0xC0) == 0x80:  # a continuation byte: step back to the lead byte
            cut -= 1
        parts.append(data[:cut])
        data = data[cut:]
        limit = MAX_LINE_OCTETS - 1  # room for the leading space
    parts.append(data)
    return b"\r\n ".join(parts) + CRLF


def _is_control(char: str) -> bool:
    code = ord(char)
    return code < 0x20 or code == 0x7F


def _has_control(text: str) -> bool:
    return any(_is_control(c) for c in text)


def _kind(moment: date) -> str:
    if not isinstance(moment, datetime):
        return "date"
    return "local" if moment.utcoffset() is None else "instant"


def _date(day: date) -> str:
    return f"{day:%Y%m%d}"


def _utc(moment: datetime) -> str:
    return f"{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}"


# -- time zones -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _EuZone:
    """A zone on the EU summer-time rule: ``offset`` hours east of UTC in winter, one
    more from the last Sunday of March to the last Sunday of October, switching at
    01:00 UTC."""

    tzid: str
    offset: int
    standard_name: str
    daylight_name: str

    def lines(self) -> Iterator[str]:
        winter, summer = self.offset, self.offset + 1
        yield "BEGIN:VTIMEZONE"
        yield f"TZID:{self.tzid}"
        # DTSTART is the first onset in local time before the change (TZOFFSETFROM); 1970
        # as Thunderbird and Google do, on a day the RRULE itself yields.
        yield "BEGIN:DAYLIGHT"
        yield f"TZOFFSETFROM:{_offset(winter)}"
        yield f"TZOFFSETTO:{_offset(summer)}"
        yield f"TZNAME:{self.daylight_name}"
        yield f"DTSTART:{_last_sunday(1970, 3):%Y%m%d}T{1 + winter:02d}0000"
        yield "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"
        yield "END:DAYLIGHT"
        yield "BEGIN:STANDARD"
        yield f"TZOFFSETFROM:{_offset(summer)}"
        yield f"TZOFFSETTO:{_offset(winter)}"
        yield f"TZNAME:{self.standard_name}"
        yield f"DTSTART:{_last_sunday(1970, 10):%Y%m%d}T{1 + summer:02d}0000"
        yield "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"
        yield "END:STANDARD"
        yield "END:VTIMEZONE"


def _offset(hours: int) -> str:
    return f"{'+' if hours >= 0 else '-'}{abs(hours):02d}00"


def _last_sunday(year: int, month: int) -> date:
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - 6) % 7)


_CET = ["Europe/Amsterdam", "Europe/Andorra", "Europe/Belgrade", "Europe/Berlin",
        "Europe/Bratislava", "Europe/Brussels", "Europe/Budapest", "Europe/Busingen",
        "Europe/Copenhagen", "Europe/Ljubljana", "Europe/Luxembourg", "Europe/Madrid",
        "Europe/Malta", "Europe/Monaco", "Europe/Oslo", "Europe/Paris", "Europe/Prague",
        "Europe/Rome", "Europe/San_Marino", "Europe/Sarajevo", "Europe/Skopje",
        "Europe/Stockholm", "Europe/Tirane", "Europe/Vaduz", "Europe/Vatican",
        "Europe/Vienna", "Europe/Warsaw", "Europe/Zagreb", "Europe/Zurich"]
_EET = ["Europe/Athens", "Europe/Bucharest", "Europe/Helsinki", "Europe/Riga",
        "Europe/Sofia", "Europe/Tallinn", "Europe/Vilnius", "Asia/Nicosia"]

_ZONES: dict[str, _EuZone] = {
    **{tzid: _EuZone(tzid, 1, "CET", "CEST") for tzid in _CET},
    **{tzid: _EuZone(tzid, 2, "EET", "EEST") for tzid in _EET},
    "Europe/London": _EuZone("Europe/London", 0, "GMT", "BST"),
    "Europe/Dublin": _EuZone("Europe/Dublin", 0, "GMT", "IST"),
    "Europe/Lisbon": _EuZone("Europe/Lisbon", 0, "WET", "WEST"),
}

SUPPORTED_TZIDS: frozenset[str] = frozenset(_ZONES)
"""The zones a :class:`Calendar` can write local times in (all on the EU DST rule)."""
