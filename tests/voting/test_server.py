"""The participants' web server, over real HTTP on loopback: what a phone sees and what the
laptop stores. Every refusal is checked to store nothing and to leave the server serving."""

from __future__ import annotations

import asyncio
import json
import queue
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from myk10_workshop.voting import operations as ops
from myk10_workshop.voting import queries
from myk10_workshop.voting.server import runner
from myk10_workshop.voting.server.app import DEVICE_COOKIE, LANGUAGE_COOKIE
from myk10_workshop.voting.server.security import (
    ConcurrencyLimit,
    Message,
    Receive,
    Scope,
    SecurityHeaders,
    Send,
    new_token,
)
from tests.voting.server_fixtures import (
    Live,
    Phone,
    ballot_items,
    has_security_headers,
    live_session,
    submission_of,
    text_of,
)

NOT_FOUND = "This address is not valid (any more)."
BAD_FORM = "Your vote could not be read. Please reload the page and vote again."
TOO_MANY = "Too many requests from this phone. Please wait a moment."
THANKS = "Your vote is saved. You can change it until the vote closes."
FORM = "application/x-www-form-urlencoded"


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """One server for the tests that do not depend on its counters (each makes its own
    ballots and phones)."""
    yield from live_session(tmp_path_factory.mktemp("live"))


@pytest.fixture(autouse=True)
def _close_what_the_test_opened(request: pytest.FixtureRequest) -> Iterator[None]:
    """The shared server's join page lists only the running test's ballots."""
    yield
    if "live" in request.fixturenames:
        live: Live = request.getfixturevalue("live")
        for view in live.store.read(lambda s: queries.open_ballots(s, live.workshop)):
            live.apply(ops.close_ballot(view.ballot.id))


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Live]:
    """A server of the test's own: rate counters, streams and stopping are its alone."""
    yield from live_session(tmp_path)


def assert_serves(live: Live) -> None:
    """A new phone can still vote (after whatever the test threw at the server)."""
    ballot, options = live.ballot("single", title="Kontrolle")
    phone = live.phone()
    answer = phone.vote(ballot, {"choice": str(options[1])})
    assert answer.status_code == 303, answer.text
    assert live.votes(ballot) == {(live.voter(phone), options[1]): (1.0, None)}


def assert_refused(live: Live, answer: httpx.Response, status: int, message: str) -> None:
    assert answer.status_code == status, answer.text
    if answer.headers["content-type"].startswith("application/json"):
        assert answer.json()["ok"] is False
        assert message in answer.json()["message"]
    else:
        assert message in text_of(answer)


def result_rows(answer: httpx.Response) -> dict[str, str]:
    """The results page: option label -> its figure."""
    rows = {}
    for label, figure in re.findall(
            r'<span class="label">(.*?)</span>\s*<span class="figure">(.*?)</span>',
            answer.text, flags=re.DOTALL):
        plain = re.sub(r"^\s*\d+\.", " ", re.sub(r"<[^>]*>", " ", label))
        rows[" ".join(plain.split())] = figure.strip()
    return rows


# --------------------------------------------------------------------------- vote flows

Fields = Callable[[list[uuid.UUID]], dict[str, str]]
Stored = Callable[[list[uuid.UUID]], dict[uuid.UUID, tuple[float, float | None]]]

FLOWS: dict[str, tuple[dict[str, Any] | None, Fields, Stored, dict[str, str], Fields, Stored]] = {
    # kind: settings, first form, stored, figures on the results page, changed form, stored
    "dots": (
        {"dots_per_person": 3, "max_per_option": 2},
        lambda o: {f"dots-{o[0]}": "2", f"dots-{o[1]}": "1", f"dots-{o[2]}": "0"},
        lambda o: {o[0]: (2.0, None), o[1]: (1.0, None)},
        {"Option 1": "2", "Option 2": "1", "Option 3": "0"},
        lambda o: {f"dots-{o[2]}": "2"},
        lambda o: {o[2]: (2.0, None)}),
    "single": (
        None,
        lambda o: {"choice": str(o[1])},
        lambda o: {o[1]: (1.0, None)},
        {"Option 1": "0", "Option 2": "1", "Option 3": "0"},
        lambda o: {"choice": str(o[0])},
        lambda o: {o[0]: (1.0, None)}),
    "multiple": (
        {"max_choices": 2},
        lambda o: {f"choice-{o[0]}": "on", f"choice-{o[2]}": "on"},
        lambda o: {o[0]: (1.0, None), o[2]: (1.0, None)},
        {"Option 1": "1", "Option 2": "0", "Option 3": "1"},
        lambda o: {f"choice-{o[1]}": "on"},
        lambda o: {o[1]: (1.0, None)}),
    "rating": (
        {"scale_min": 1, "scale_max": 5},
        lambda o: {f"rating-{o[0]}": "4", f"rating-{o[1]}": "2", f"rating-{o[2]}": ""},
        lambda o: {o[0]: (4.0, None), o[1]: (2.0, None)},
        {"Option 1": "average 4 (1 rating)", "Option 2": "average 2 (1 rating)",
         "Option 3": "not rated yet"},
        lambda o: {f"rating-{o[2]}": "5"},
        lambda o: {o[2]: (5.0, None)}),
    "ranking": (
        None,
        lambda o: {f"rank-{o[0]}": "2", f"rank-{o[1]}": "1", f"rank-{o[2]}": ""},
        lambda o: {o[0]: (2.0, None), o[1]: (1.0, None)},
        {"Option 2": "3 points, average place 1", "Option 1": "2 points, average place 2",
         "Option 3": "not ranked yet"},
        lambda o: {f"rank-{o[2]}": "1"},
        lambda o: {o[2]: (1.0, None)}),
    "points": (
        {"total": 100},
        lambda o: {f"points-{o[0]}": "70", f"points-{o[1]}": "30", f"points-{o[2]}": ""},
        lambda o: {o[0]: (70.0, None), o[1]: (30.0, None)},
        {"Option 1": "70", "Option 2": "30", "Option 3": "0"},
        lambda o: {f"points-{o[2]}": "100"},
        lambda o: {o[2]: (100.0, None)}),
    "matrix": (
        None,
        lambda o: {f"x-{o[0]}": "3", f"y-{o[0]}": "7,5"},
        lambda o: {o[0]: (3.0, 7.5)},
        {"Option 1": "Nutzen 3, Aufwand 7.5 (1 vote)", "Option 2": "not placed yet",
         "Option 3": "not placed yet"},
        lambda o: {f"x-{o[1]}": "10", f"y-{o[1]}": "0"},
        lambda o: {o[1]: (10.0, 0.0)}),
}


@pytest.mark.parametrize("kind", list(FLOWS))
def test_vote_change_and_withdraw(live: Live, kind: str) -> None:
    settings, first, stored, figures, changed, stored_after = FLOWS[kind]
    ballot, options = live.ballot(kind, settings)
    phone = live.phone()
    voter = live.voter(phone)

    # The form names every option's field; the plain post answers with the thanks page.
    page = phone.form(ballot)
    for name in first(options):
        assert f'name="{name}"' in page.text
    answer = phone.vote(ballot, first(options), submission=submission_of(page))
    assert answer.status_code == 303
    assert answer.headers["location"] == live.url(f"done/{ballot}")
    done = phone.get(answer.headers["location"])
    assert done.status_code == 200
    assert "Thank you!" in text_of(done)
    assert THANKS in text_of(done)
    assert live.votes(ballot) == {(voter, option): value
                                  for option, value in stored(options).items()}

    # The results page shows the figures; the form shows the vote and offers a withdrawal.
    results = phone.get(live.url(f"r/{ballot}"))
    assert results.status_code == 200
    assert "1 participant has voted" in text_of(results)
    assert result_rows(results) == figures
    again = phone.form(ballot)
    assert "You have voted. You can change your vote." in text_of(again)
    assert 'name="withdraw"' in again.text

    # Changing the vote (as the page's script does, asking for JSON) replaces it.
    answer = phone.vote(ballot, changed(options), json=True)
    assert answer.status_code == 200
    assert answer.json() == {"ok": True}
    assert live.votes(ballot) == {(voter, option): value
                                  for option, value in stored_after(options).items()}

    # Withdrawing leaves nothing of this phone.
    answer = phone.vote(ballot, {"withdraw": "1"})
    assert answer.status_code == 303
    assert answer.headers["location"] == live.url(f"done/{ballot}?withdrawn=1")
    assert "Your vote is withdrawn." in text_of(phone.get(answer.headers["location"]))
    assert live.votes(ballot) == {}
    assert "Nobody has voted yet" in text_of(phone.get(live.url(f"r/{ballot}")))


def test_join_page_lists_open_ballots_and_marks_the_voted(live: Live) -> None:
    voted, options = live.ballot("single", title="Schon abgestimmt")
    waiting, _ = live.ballot("dots", title="Noch offen")
    draft, _ = live.ballot("dots", title="Entwurf", status="draft")
    closed, _ = live.ballot("dots", title="Vorbei", status="closed")
    elsewhere, _ = live.ballot("dots", title="Anderswo", workshop=live.other_workshop)
    phone = live.phone()
    assert phone.vote(voted, {"choice": str(options[0])}).status_code == 303

    items = ballot_items(phone.get(live.url()))
    assert items == {str(voted): "Schon abgestimmt voted", str(waiting): "Noch offen"}
    for hidden in (draft, closed, elsewhere):
        assert str(hidden) not in items
    # Another phone has voted nowhere.
    other = ballot_items(live.phone().get(live.url()))
    assert other[str(voted)] == "Schon abgestimmt"


def test_empty_join_page_says_there_is_nothing_to_vote(fresh: Live) -> None:
    page = fresh.phone().get(fresh.url())
    assert "Nothing to vote on right now." in text_of(page)
    assert ballot_items(page) == {}
    ballot, _ = fresh.ballot("single", title="Jetzt offen")
    assert list(ballot_items(fresh.phone().get(fresh.url()))) == [str(ballot)]


def test_device_cookie_is_http_only_under_the_token_and_only_its_hash_is_stored(
        live: Live) -> None:
    ballot, options = live.ballot("single")
    phone = live.phone(join=False)
    first = phone.get(live.url())
    cookie = first.headers["set-cookie"]
    assert cookie.startswith(f"{DEVICE_COOKIE}=")
    attributes = {part.strip().split("=")[0].lower(): part.strip()
                  for part in cookie.split(";")[1:]}
    assert "httponly" in attributes
    assert attributes["path"] == f"Path=/{live.token}/"
    assert attributes["samesite"].lower() == "samesite=lax"
    device = phone.device
    assert device is not None
    assert len(device) >= 24

    # The phone keeps its cookie: a second page gives no new one.
    assert "set-cookie" not in phone.get(live.url(f"b/{ballot}")).headers
    assert phone.vote(ballot, {"choice": str(options[2])}).status_code == 303
    assert live.votes(ballot) == {(live.voter(phone), options[2]): (1.0, None)}
    stored = live.database_bytes()
    assert live.voter(phone).encode() in stored
    assert device.encode() not in stored


def test_hidden_results_stay_hidden_until_the_ballot_closes(live: Live) -> None:
    ballot, options = live.ballot("single", title="Geheim")
    live.apply(ops.set_results_hidden(ballot, True))
    phone = live.phone()
    assert phone.vote(ballot, {"choice": str(options[0])}).status_code == 303
    page = phone.get(live.url(f"r/{ballot}"))
    assert "Results are shown when the vote closes." in text_of(page)
    assert result_rows(page) == {}
    live.apply(ops.close_ballot(ballot))
    assert result_rows(phone.get(live.url(f"r/{ballot}")))["Option 1"] == "1"


# --------------------------------------------------------------------------- resends, devices


def test_a_resent_submission_is_stored_once(live: Live) -> None:
    ballot, options = live.ballot("dots")
    phone = live.phone()
    fields = {f"dots-{options[0]}": "1", f"dots-{options[1]}": "1"}
    submission = submission_of(phone.form(ballot))
    assert phone.vote(ballot, fields, submission=submission).status_code == 303
    rows, logged = live.vote_rows(ballot), live.log_count()
    assert rows == 2
    # The same post again (the phone lost the answer), as a form and as the script's JSON.
    assert phone.vote(ballot, fields, submission=submission).status_code == 303
    assert phone.vote(ballot, fields, submission=submission, json=True).json() == {"ok": True}
    assert (live.vote_rows(ballot), live.log_count()) == (rows, logged)

    # A newer vote wins over a late resend of the older one.
    assert phone.vote(ballot, {f"dots-{options[2]}": "1"}).status_code == 303
    assert phone.vote(ballot, fields, submission=submission).status_code == 303
    assert live.votes(ballot) == {(live.voter(phone), options[2]): (1.0, None)}


def test_two_devices_are_two_participants(live: Live) -> None:
    ballot, options = live.ballot("single")
    first, second = live.phone(), live.phone()
    assert first.device != second.device
    assert first.vote(ballot, {"choice": str(options[0])}).status_code == 303
    assert second.vote(ballot, {"choice": str(options[0])}).status_code == 303
    assert live.votes(ballot) == {(live.voter(first), options[0]): (1.0, None),
                                  (live.voter(second), options[0]): (1.0, None)}
    page = first.get(live.url(f"r/{ballot}"))
    assert "2 participants have voted" in text_of(page)
    assert result_rows(page)["Option 1"] == "2"


# --------------------------------------------------------------------------- wrong addresses


def _wrong_tokens(live: Live) -> list[str]:
    return [new_token(), live.token[:-1], live.token.swapcase(), "static"]


@pytest.mark.parametrize("path", ["{t}/", "{t}", "{t}/b/{b}", "{t}/r/{b}", "{t}/done/{b}",
                                  "{t}/events"])
def test_a_wrong_token_gets_not_found_and_learns_nothing(live: Live, path: str) -> None:
    ballot, _ = live.ballot("single")
    phone = live.phone()
    for token in _wrong_tokens(live):
        answer = phone.get("/" + path.format(t=token, b=ballot))
        assert answer.status_code == 404, (token, answer.text)
        assert NOT_FOUND in text_of(answer)
        assert live.token not in answer.text
        assert live.token not in str(answer.headers)
        assert "set-cookie" not in answer.headers
    # The phone that asks for JSON gets the same refusal as JSON.
    answer = phone.get("/" + path.format(t=new_token(), b=ballot),
                       headers={"accept": "application/json"})
    assert answer.status_code == 404
    assert answer.json()["ok"] is False
    assert live.token not in answer.text


def test_a_vote_to_a_wrong_token_is_refused(live: Live) -> None:
    ballot, options = live.ballot("single")
    phone = live.phone()
    before = live.snapshot()
    # Even with a valid device cookie (sent to every path).
    stranger = live.phone(join=False)
    stranger.client.cookies.set(DEVICE_COOKIE, phone.device or "")
    answer = stranger.client.post(f"/{new_token()}/b/{ballot}", data={
        "choice": str(options[0]), "submission": uuid.uuid4().hex})
    assert_refused(live, answer, 404, NOT_FOUND)
    assert live.token not in answer.text
    assert live.snapshot() == before
    assert_serves(live)


def test_hostile_paths_are_escaped(live: Live) -> None:
    answer = live.phone().get("/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E/")
    assert answer.status_code == 404
    assert "<script>alert" not in answer.text
    assert live.token not in answer.text


@pytest.mark.parametrize("which", ["unknown", "malformed", "other workshop"])
def test_ballots_outside_the_session_are_not_found(live: Live, which: str) -> None:
    foreign, foreign_options = live.ballot("single", workshop=live.other_workshop)
    ballot = {"unknown": str(uuid.uuid4()), "malformed": "not-a-ballot",
              "other workshop": str(foreign)}[which]
    phone = live.phone()
    before = live.snapshot()
    for path in (f"b/{ballot}", f"r/{ballot}", f"done/{ballot}"):
        assert_refused(live, phone.get(live.url(path)), 404, NOT_FOUND)
    answer = phone.client.post(live.url(f"b/{ballot}"), data={
        "choice": str(foreign_options[0]), "submission": uuid.uuid4().hex})
    assert_refused(live, answer, 404, NOT_FOUND)
    answer = phone.client.post(live.url(f"b/{ballot}"), headers={"accept": "application/json"},
                               data={"choice": str(foreign_options[0]),
                                     "submission": uuid.uuid4().hex})
    assert_refused(live, answer, 404, NOT_FOUND)
    assert live.snapshot() == before
    assert_serves(live)


# --------------------------------------------------------------------------- refused votes


def test_closed_and_draft_ballots_refuse_votes(live: Live) -> None:
    closed, closed_options = live.ballot("single", status="closed")
    draft, draft_options = live.ballot("single", status="draft")
    phone = live.phone()
    before = live.snapshot()
    page = phone.form(closed)
    assert "This vote is closed." in text_of(page)
    assert "<form" not in page.text
    assert_refused(live, phone.vote(closed, {"choice": str(closed_options[0])}), 409,
                   "This ballot is closed.")
    assert_refused(live, phone.vote(closed, {"choice": str(closed_options[0])}, json=True),
                   409, "This ballot is closed.")
    assert_refused(live, phone.vote(draft, {"choice": str(draft_options[0])}, json=True),
                   409, "This ballot is not open yet.")
    # A ballot still being prepared says so (not "closed"), and has no results yet.
    page = phone.form(draft)
    assert "This vote has not started yet." in text_of(page)
    assert "This vote is closed." not in text_of(page)
    assert "<form" not in page.text and f"/r/{draft}" not in page.text
    # A stale form whose option is gone as well: the ballot's state is what counts.
    assert_refused(live, phone.vote(closed, {"choice": str(uuid.uuid4())}, json=True), 409,
                   "This ballot is closed.")
    assert_refused(live, phone.vote(draft, {"choice": "x"}), 409, "This ballot is not open yet.")
    assert live.snapshot() == before
    assert_serves(live)


def test_a_ballot_closed_while_the_form_was_open(live: Live) -> None:
    ballot, options = live.ballot("single")
    phone = live.phone()
    submission = submission_of(phone.form(ballot))
    live.apply(ops.close_ballot(ballot))
    before = live.snapshot()
    assert_refused(live, phone.vote(ballot, {"choice": str(options[0])}, submission=submission),
                   409, "This ballot is closed.")
    assert live.snapshot() == before


REFUSALS: list[tuple[str, Callable[[list[uuid.UUID]], dict[str, str]], str]] = [
    ("too many dots", lambda o: {f"dots-{o[0]}": "2", f"dots-{o[1]}": "2"},
     "You have 3 dots and used 4."),
    ("too many on one option", lambda o: {f"dots-{o[0]}": "3"},
     "You can put at most 2 dots on one option."),
    ("negative", lambda o: {f"dots-{o[0]}": "-1"}, "Dots are whole numbers, 0 or more."),
    ("unknown option", lambda o: {f"dots-{uuid.uuid4()}": "1"},
     "An option you chose is no longer on this ballot. Please reload the page."),
    ("not an option id", lambda o: {"dots-<script>": "1"},
     "An option you chose is no longer on this ballot. Please reload the page."),
    ("not a number", lambda o: {f"dots-{o[0]}": "zwei"}, "“zwei” is not a number."),
    ("huge number", lambda o: {f"dots-{o[0]}": "1e308"}, "“1e308” is not a number."),
    ("nothing chosen", lambda o: {}, "Put at least one dot on an option."),
]


@pytest.mark.parametrize("fields, message", [(f, m) for _, f, m in REFUSALS],
                         ids=[name for name, _, _ in REFUSALS])
def test_invalid_votes_are_refused_and_nothing_is_stored(
        live: Live, fields: Callable[[list[uuid.UUID]], dict[str, str]], message: str) -> None:
    ballot, options = live.ballot("dots", {"dots_per_person": 3, "max_per_option": 2})
    phone = live.phone()
    assert phone.vote(ballot, {f"dots-{options[2]}": "1"}).status_code == 303
    before = live.snapshot()

    assert_refused(live, phone.vote(ballot, fields(options), json=True), 422, message)
    page = phone.vote(ballot, fields(options))
    assert_refused(live, page, 422, message)
    # The refused form comes back with the message, still a form to correct and send.
    assert 'role="alert"' in page.text
    assert f'action="{live.url(f"b/{ballot}")}"' in page.text
    assert "<script>" not in page.text.replace('<script src="/static/phone.js" defer></script>',
                                               "")
    assert live.snapshot() == before
    assert live.votes(ballot) == {(live.voter(phone), options[2]): (1.0, None)}
    assert_serves(live)


def test_a_refused_form_keeps_what_was_chosen(live: Live) -> None:
    ballot, options = live.ballot("dots", {"dots_per_person": 3, "max_per_option": 2})
    page = live.phone().vote(ballot, {f"dots-{options[0]}": "2", f"dots-{options[1]}": "2"})
    assert page.status_code == 422
    for option in options[:2]:
        assert re.search(rf'name="dots-{option}" value="2"\s*checked', page.text)
    assert re.search(rf'name="dots-{options[2]}" value="0"\s*checked', page.text)


@pytest.mark.parametrize("submission", ["", "abc", "x" * 65, "<script>alert(1)</script>",
                                        "ab cd ef gh"])
def test_a_vote_without_a_valid_submission_id_is_refused(live: Live, submission: str) -> None:
    ballot, options = live.ballot("single")
    phone = live.phone()
    before = live.snapshot()
    fields = {"choice": str(options[0])} | ({"submission": submission} if submission else {})
    assert_refused(live, phone.vote(ballot, fields, submission=""), 400, BAD_FORM)
    assert_refused(live, phone.vote(ballot, fields, submission="", json=True), 400, BAD_FORM)
    assert live.snapshot() == before
    assert_serves(live)


@pytest.mark.parametrize("content_type, body", [
    ("application/json", b'{"choice": "x", "submission": "0123456789abcdef"}'),
    ("multipart/form-data; boundary=x", b"--x--\r\n"),
    ("text/plain", b"choice=x&submission=0123456789abcdef"),
    ("", b"choice=x&submission=0123456789abcdef"),
])
def test_other_content_types_are_refused(live: Live, content_type: str, body: bytes) -> None:
    ballot, options = live.ballot("single")
    phone = live.phone()
    before = live.snapshot()
    body = body.replace(b"choice=x", f"choice={options[0]}".encode())
    assert_refused(live, phone.send(ballot, body, content_type), 415, BAD_FORM)
    assert_refused(live, phone.send(ballot, body, content_type, accept="application/json"),
                   415, BAD_FORM)
    assert live.snapshot() == before
    assert_serves(live)


@pytest.mark.parametrize("body", [
    b"choice=\xff\xfe&submission=0123456789abcdef",
    b"\xc3\x28=1",
    b"&".join(b"f%d=1" % n for n in range(500)) + b"&submission=0123456789abcdef",
], ids=["invalid utf-8 value", "invalid utf-8 name", "too many fields"])
def test_unreadable_bodies_are_refused(live: Live, body: bytes) -> None:
    ballot, _ = live.ballot("single")
    phone = live.phone()
    before = live.snapshot()
    assert_refused(live, phone.send(ballot, body, FORM), 400, BAD_FORM)
    assert_refused(live, phone.send(ballot, body, FORM, accept="application/json"), 400,
                   BAD_FORM)
    assert live.snapshot() == before
    assert_serves(live)


def test_percent_encoded_garbage_is_a_refusal_not_a_crash(live: Live) -> None:
    ballot, options = live.ballot("single")
    phone = live.phone()
    before = live.snapshot()
    body = f"choice=%ZZ%{options[0]}&submission=0123456789abcdef%00".encode()
    answer = phone.send(ballot, body, FORM, accept="application/json")
    assert answer.status_code in (400, 422)
    assert answer.json()["ok"] is False
    assert live.snapshot() == before
    assert_serves(live)


def _chunks(total: int) -> Iterator[bytes]:
    yield b"submission=0123456789abcdef&text="
    for _ in range(total // 1024):
        yield b"a" * 1024


@pytest.mark.parametrize("how", ["declared", "streamed"])
def test_bodies_over_16_kib_are_refused(live: Live, how: str) -> None:
    ballot, _ = live.ballot("single")
    phone = live.phone()
    before = live.snapshot()
    url = live.url(f"b/{ballot}")
    if how == "declared":
        answer = phone.client.post(url, content=b"a" * (16 * 1024 + 1),
                                   headers={"content-type": FORM})
        assert answer.request.headers["content-length"] == str(16 * 1024 + 1)
    else:
        answer = phone.client.post(url, content=_chunks(40 * 1024),
                                   headers={"content-type": FORM})
        assert "content-length" not in answer.request.headers
        assert answer.request.headers["transfer-encoding"] == "chunked"
    assert answer.status_code == 413, answer.text
    assert answer.text == "Too much data sent."
    assert has_security_headers(answer)
    assert live.snapshot() == before
    assert_serves(live)


def test_a_body_of_exactly_16_kib_is_read(live: Live) -> None:
    ballot, options = live.ballot("single")
    phone = live.phone()
    body = f"choice={options[0]}&submission=0123456789abcdef&pad=".encode()
    body += b"a" * (16 * 1024 - len(body))
    answer = phone.send(ballot, body, FORM)
    assert answer.status_code == 303
    assert live.votes(ballot) == {(live.voter(phone), options[0]): (1.0, None)}


def test_a_bad_content_length_is_refused(live: Live) -> None:
    """A raw request (httpx would not send it): the size cap cannot be talked around."""
    ballot, _ = live.ballot("single")
    phone = live.phone()
    request = (f"POST {live.url(f'b/{ballot}')} HTTP/1.1\r\nHost: x\r\n"
               f"Content-Type: {FORM}\r\nContent-Length: 99999999999999999999\r\n"
               f"Cookie: {DEVICE_COOKIE}={phone.device}\r\n\r\n").encode()
    assert _raw(live, request).split(b"\r\n")[0] in (b"HTTP/1.1 400 Bad Request",
                                                      b"HTTP/1.1 413 Request Entity Too Large",
                                                      b"HTTP/1.1 413 Content Too Large")
    assert_serves(live)


def _raw(live: Live, request: bytes) -> bytes:
    import socket

    with socket.create_connection((live.info.host, live.info.port), timeout=5) as sock:
        sock.sendall(request)
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
        return received


@pytest.mark.parametrize("size", [17 * 1024, 100 * 1024])
def test_oversized_headers_are_refused(live: Live, size: int) -> None:
    phone = live.phone()
    try:
        answer = phone.get(live.url(), headers={"x-padding": "a" * size})
    except httpx.TransportError:
        pass  # h11 may drop the connection without an answer: refused all the same
    else:
        assert 400 <= answer.status_code < 500, answer.status_code
        assert "set-cookie" not in answer.headers
    # Many small headers add up the same way.
    answer = phone.get(live.url(), headers={f"x-{n}": "a" * 100 for n in range(200)})
    assert answer.status_code == 431
    assert has_security_headers(answer)
    assert_serves(live)


def test_a_post_without_the_device_cookie_is_refused(live: Live) -> None:
    ballot, options = live.ballot("single")
    before = live.snapshot()
    stranger = live.phone(join=False)
    answer = stranger.vote(ballot, {"choice": str(options[0])})
    assert_refused(live, answer, 400, "To vote, your browser must allow cookies for this page.")
    stranger.client.cookies.set(DEVICE_COOKIE, "short")
    forged = stranger.client.post(live.url(f"b/{ballot}"),
                                  headers={"accept": "application/json"},
                                  data={"choice": str(options[0]), "submission": uuid.uuid4().hex})
    assert_refused(live, forged, 400, "To vote, your browser must allow cookies for this page. "
                                      "Open the page again and vote there.")
    assert live.snapshot() == before
    assert_serves(live)


def test_one_device_sending_too_fast_is_held_back(live: Live) -> None:
    ballot, options = live.ballot("single")
    phone = live.phone()
    statuses = []
    for n in range(40):
        answer = phone.vote(ballot, {"choice": str(options[n % 3])}, json=True)
        statuses.append(answer.status_code)
        if answer.status_code == 429:
            assert answer.json() == {"ok": False, "message": TOO_MANY}
            break
    assert statuses[-1] == 429
    accepted = statuses[:-1]
    assert set(accepted) == {200}
    assert 20 <= len(accepted) <= 26  # the burst, and what came back (2/s) while sending
    stored = live.votes(ballot)
    assert stored == {(live.voter(phone), options[(len(accepted) - 1) % 3]): (1.0, None)}
    before = live.snapshot()
    answer = phone.vote(ballot, {"choice": str(options[0])})
    assert_refused(live, answer, 429, TOO_MANY)
    assert live.snapshot() == before
    # Reading pages is not a vote: the phone still sees them; other phones still vote.
    assert phone.form(ballot).status_code == 200
    assert_serves(live)


# --------------------------------------------------------------------------- open questions


def test_an_idea_arrives_in_the_board_inbox_as_plain_text(live: Live) -> None:
    ballot, _ = live.ballot("open_text", {"max_length": 100}, title="Ihre Idee")
    phone = live.phone()
    text = "<script>alert('x')</script> & <b>Radweg</b>\r\nzweite Zeile"
    before = {idea["id"] for idea in live.ideas()}
    submission = submission_of(phone.form(ballot))
    answer = phone.vote(ballot, {"text": text}, submission=submission)
    assert answer.status_code == 303
    done = phone.get(answer.headers["location"])
    assert "Your idea has arrived." in text_of(done)
    new = [idea for idea in live.ideas() if idea["id"] not in before]
    assert len(new) == 1
    assert new[0]["text"] == "<script>alert('x')</script> & <b>Radweg</b>\nzweite Zeile"
    assert (new[0]["source"], new[0]["state"], new[0]["author"]) == ("phone", "inbox", "")
    # Sent again (lost answer): still one idea. A second idea is a second note.
    assert phone.vote(ballot, {"text": text}, submission=submission).status_code == 303
    assert phone.vote(ballot, {"text": "Noch eine"}, json=True).json() == {"ok": True}
    assert sorted(idea["text"] for idea in live.ideas() if idea["id"] not in before) == [
        new[0]["text"], "Noch eine"]
    assert "The ideas are collected on the facilitator's board." in text_of(
        phone.get(live.url(f"r/{ballot}")))


@pytest.mark.parametrize("text, message", [
    ("Hallo\x07Welt", "Your idea contains invisible control characters."),
    ("Null\x00Byte", "Your idea contains invisible control characters."),
    ("<script>alert(1)</script>" + "x" * 40,
     "Your idea is too long: 65 characters, at most 60 are allowed."),
    ("   \r\n ", "Write your idea first."),
])
def test_refused_ideas_store_nothing_and_come_back_escaped(live: Live, text: str,
                                                           message: str) -> None:
    ballot, _ = live.ballot("open_text", {"max_length": 60})
    phone = live.phone()
    before = live.snapshot()
    assert_refused(live, phone.vote(ballot, {"text": text}, json=True), 422, message)
    page = phone.vote(ballot, {"text": text})
    assert_refused(live, page, 422, message)
    assert "<script>alert" not in page.text
    if "<script>" in text:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert live.snapshot() == before
    assert_serves(live)


def test_facilitator_texts_with_markup_are_escaped_on_every_page(live: Live) -> None:
    title = "<img src=x onerror=alert(1)>"
    label = "<script>alert('option')</script>"
    ballot, options = live.ballot("single", title=title, labels=[label, "B"])
    phone = live.phone()
    answer = phone.vote(ballot, {"choice": str(options[0])})
    pages = [phone.get(live.url()), phone.form(ballot), phone.get(answer.headers["location"]),
             phone.get(live.url(f"r/{ballot}"))]
    for page in pages:
        assert page.status_code == 200
        assert "<img src=x" not in page.text
        assert "<script>alert" not in page.text
    for page in (pages[0], pages[1], pages[3]):
        assert "&lt;img src=x onerror=alert(1)&gt;" in page.text
    assert "&lt;script&gt;alert(&#39;option&#39;)&lt;/script&gt;" in pages[1].text
    assert result_rows(pages[3])["&lt;script&gt;alert(&#39;option&#39;)&lt;/script&gt;"] == "1"


# --------------------------------------------------------------------------- join code


def test_join_code(fresh: Live) -> None:
    phone = fresh.phone(join=False)
    code = fresh.info.join_code
    assert len(code) == 6
    form = phone.get("/")
    assert form.status_code == 200
    assert "Join with a code" in text_of(form)
    assert fresh.token not in form.text

    answer = phone.get("/join", params={"code": code})
    assert answer.status_code == 303
    assert answer.headers["location"] == fresh.url()
    answer = phone.get(f"/{fresh.token}")
    assert (answer.status_code, answer.headers["location"]) == (308, fresh.url())
    tolerant = f" {code[:3].lower()} -{code[3:].lower()} "
    assert phone.get("/join", params={"code": tolerant}).headers["location"] == fresh.url()

    wrong = "".join("A" if ch != "A" else "B" for ch in code)
    answer = phone.get("/join", params={"code": wrong})
    assert answer.status_code == 404
    assert "This code is not right." in text_of(answer)
    assert fresh.token not in answer.text
    assert f'value="{wrong}"' in answer.text  # the typed code is kept to correct
    answer = phone.get("/join", params={"code": "<script>x"})
    assert "<script>x" not in answer.text

    # Ten tries from one address, then one every five seconds: even the right code waits.
    statuses = [phone.get("/join", params={"code": wrong}).status_code for _ in range(8)]
    assert statuses[:6] == [404] * 6
    assert statuses[6:] == [429, 429]
    answer = phone.get("/join", params={"code": code})
    assert answer.status_code == 429
    assert TOO_MANY in text_of(answer)
    assert fresh.token not in answer.text
    # Those who have the address are not held back.
    assert phone.get(fresh.url()).status_code == 200


# --------------------------------------------------------------------------- safety headers

REQUESTS: dict[str, Callable[[Live, Phone, uuid.UUID], httpx.Response]] = {
    "code form": lambda live, p, b: p.get("/"),
    "wrong code": lambda live, p, b: p.get("/join?code=XXXXXX"),
    "join page": lambda live, p, b: p.get(live.url()),
    "add slash": lambda live, p, b: p.get(f"/{live.token}"),
    "form": lambda live, p, b: p.get(live.url(f"b/{b}")),
    "vote": lambda live, p, b: p.vote(b, {"withdraw": "1"}),
    "vote json": lambda live, p, b: p.vote(b, {"withdraw": "1"}, json=True),
    "refused vote": lambda live, p, b: p.vote(b, {"choice": "x"}),
    "results": lambda live, p, b: p.get(live.url(f"r/{b}")),
    "wrong token": lambda live, p, b: p.get(f"/{new_token()}/"),
    "unknown path": lambda live, p, b: p.get("/admin"),
    "wrong method": lambda live, p, b: p.client.delete(live.url(f"b/{b}")),
    "wrong type": lambda live, p, b: p.send(b, b"{}", "application/json"),
    "too big": lambda live, p, b: p.send(b, b"a" * 20000, FORM),
    "static": lambda live, p, b: p.get("/static/phone.css"),
    "static script": lambda live, p, b: p.get("/static/phone.js"),
    "static missing": lambda live, p, b: p.get("/static/nothing.css"),
    "static traversal": lambda live, p, b: p.get("/static/..%2F..%2Fpyproject.toml"),
    "head": lambda live, p, b: p.client.head(live.url()),
}


@pytest.mark.parametrize("name", list(REQUESTS))
def test_every_answer_carries_the_safety_headers(live: Live, name: str) -> None:
    ballot, _ = live.ballot("single")
    answer = REQUESTS[name](live, live.phone(), ballot)
    assert has_security_headers(answer), (answer.status_code, answer.headers)
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["referrer-policy"] == "no-referrer"
    if name == "static traversal":
        assert answer.status_code == 404
        assert "[project]" not in answer.text
    if name.startswith("static") and answer.status_code == 200:
        assert answer.headers["content-type"].split(";")[0] in ("text/css",
                                                                "text/javascript",
                                                                "application/javascript")


@pytest.mark.parametrize("method, path", [
    ("POST", "b/{b}/open"), ("POST", "b/{b}/close"), ("POST", "b/{b}/results"),
    ("PUT", "b/{b}"), ("DELETE", "b/{b}"), ("PATCH", "b/{b}"),
    ("POST", "ballots/{b}/close"), ("POST", "admin"), ("POST", "r/{b}"), ("POST", "done/{b}"),
    ("POST", ""), ("POST", "events"), ("GET", "ballots"), ("GET", "admin"),
    ("POST", "b/{b}/option"), ("DELETE", "r/{b}"),
])
def test_no_facilitator_control_is_reachable(live: Live, method: str, path: str) -> None:
    ballot, options = live.ballot("single")
    phone = live.phone()
    before = live.snapshot()
    for url in (live.url(path.format(b=ballot)), "/" + path.format(b=ballot)):
        answer = phone.client.request(method, url, data={
            "status": "closed", "choice": str(options[0]), "submission": uuid.uuid4().hex,
            "label": "neu", "results_hidden": "0"})
        assert answer.status_code in (404, 405), (url, answer.status_code)
    assert live.snapshot() == before


# --------------------------------------------------------------------------- languages


def test_the_phone_speaks_the_browsers_language(live: Live) -> None:
    german = live.phone("de-DE,de;q=0.9")
    page = german.get(live.url())
    assert '<html lang="de">' in page.text
    assert "Mitmachen" in text_of(page)
    english = live.phone("en-GB,en;q=0.8")
    assert "Join in" in text_of(english.get(live.url()))
    # Unknown languages fall back to German; the first known one counts.
    assert "Mitmachen" in text_of(live.phone("fr").get(live.url()))
    assert "Join in" in text_of(live.phone("fr-FR, en;q=0.5, de;q=0.3").get(live.url()))
    # Refusals speak it too, on pages and as JSON.
    ballot, _ = live.ballot("single", status="closed")
    answer = german.vote(ballot, {"choice": "x"}, json=True)
    assert answer.json()["message"] == "Diese Abstimmung ist beendet."
    assert "Diese Adresse ist (nicht mehr) gültig." in text_of(german.get(f"/{new_token()}/"))


def test_choosing_a_language_sticks(live: Live) -> None:
    phone = live.phone("de")
    answer = phone.get(live.url(), params={"lang": "en"})
    assert "Join in" in text_of(answer)
    cookies = answer.headers.get_list("set-cookie")
    chosen = [c for c in cookies if c.startswith(f"{LANGUAGE_COOKIE}=en")]
    assert chosen
    assert f"Path=/{live.token}/" in chosen[0]
    # The next page, without asking again, stays English; the switch offers German.
    page = phone.get(live.url())
    assert "Join in" in text_of(page)
    assert f'href="{live.url()}?lang=de"' in page.text
    assert "Mitmachen" in text_of(phone.get(live.url(), params={"lang": "de"}))
    assert "Mitmachen" in text_of(phone.get(live.url()))
    # A language the app does not have is ignored.
    assert "Mitmachen" in text_of(phone.get(live.url(), params={"lang": "xx"}))


# --------------------------------------------------------------------------- live news


class Stream:
    """A phone listening to the live news, on a thread of its own."""

    def __init__(self, live: Live) -> None:
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.client = httpx.Client(base_url=live.info.base_url,
                                   timeout=httpx.Timeout(10.0))
        self.url = live.url("events")
        self.status: int | None = None
        self.headers: httpx.Headers | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            with self.client.stream("GET", self.url) as answer:
                self.status, self.headers = answer.status_code, answer.headers
                for line in answer.iter_lines():
                    self.lines.put(line)
        except httpx.HTTPError as exc:
            self.lines.put(f"error: {exc!r}")
        finally:
            self.lines.put(None)

    def wait_for(self, wanted: str, timeout: float) -> list[str]:
        seen: list[str] = []
        deadline = time.monotonic() + timeout
        while True:
            line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            if line is None:
                raise AssertionError(f"stream ended before {wanted!r}: {seen}")
            seen.append(line)
            if line == wanted:
                return seen

    def wait_end(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while self.lines.get(timeout=max(0.01, deadline - time.monotonic())) is not None:
            pass

    def close(self) -> None:
        self.client.close()
        self.thread.join(5)


@pytest.mark.slow
def test_live_news_reach_the_phones_and_end_with_the_session(fresh: Live) -> None:
    stream = Stream(fresh)
    try:
        assert stream.wait_for("retry: 3000", 5)
        assert stream.status == 200
        assert stream.headers is not None
        assert stream.headers["content-type"].startswith("text/event-stream")
        assert has_security_headers(stream.headers)

        # The facilitator opens a ballot: the news goes out at once.
        ballot, options = fresh.ballot("single", status="draft")
        opened = fresh.apply(ops.open_ballot(ballot))
        fresh.session.publish(opened.changes)
        stream.wait_for("event: ballots", 1.5)
        assert stream.wait_for('data: "ballots"', 1) == ['data: "ballots"']

        # A phone votes: the votes news follows (held back a moment, so bursts are one).
        phone = fresh.phone()
        started = time.monotonic()
        assert phone.vote(ballot, {"choice": str(options[0])}, json=True).json() == {"ok": True}
        stream.wait_for("event: votes", 4)
        assert time.monotonic() - started < 3.5

        # Stopping the session ends the stream promptly.
        stopped = time.monotonic()
        fresh.session.stop()
        stream.wait_end(3)
        stream.thread.join(1)
        assert not stream.thread.is_alive()
        assert time.monotonic() - stopped < 3
        assert not fresh.session.running
        with pytest.raises(httpx.TransportError):
            httpx.get(fresh.info.join_url, timeout=2)
    finally:
        stream.close()


def test_a_page_made_before_news_it_missed_learns_of_it_on_connecting(fresh: Live) -> None:
    """Between a page being made and its script listening, a vote may come in: the first
    thing the stream says is how much news there has been, and the page compares."""
    ballot, options = fresh.ballot("single")
    phone = fresh.phone()
    results = phone.get(fresh.url(f"r/{ballot}"))
    assert results.headers["cache-control"] == "no-store"
    made = re.search(r'data-ballots="(\d+)" data-votes="(\d+)"', results.text)
    assert made is not None
    assert fresh.phone().vote(ballot, {"choice": str(options[0])}, json=True).json() == {
        "ok": True}
    stream = Stream(fresh)
    try:
        stream.wait_for("event: hello", 5)
        hello = stream.lines.get(timeout=2)
        assert hello is not None and hello.startswith("data: ")
        now = json.loads(hello.removeprefix("data: "))
        assert now["ballots"] == int(made.group(1))
        assert now["votes"] == int(made.group(2)) + 1
    finally:
        stream.close()


def test_live_news_need_the_token(live: Live) -> None:
    answer = live.phone().get(f"/{new_token()}/events")
    assert answer.status_code == 404
    assert live.token not in answer.text


# --------------------------------------------------------------------------- concurrency


def test_too_many_requests_at_once_get_busy() -> None:
    """The concurrency cap in front of the app, on a real server: what does not fit is
    answered at once with 429, the requests in progress finish, then there is room again."""
    gate = threading.Event()

    async def slow(scope: Scope, receive: Receive, send: Send) -> None:
        if not str(scope["path"]).endswith("/events"):
            while not gate.is_set():
                await asyncio.sleep(0.01)
        start: Message = {"type": "http.response.start", "status": 200,
                          "headers": [(b"content-type", b"text/plain")]}
        await send(start)
        await send({"type": "http.response.body", "body": b"done"})

    limit = ConcurrencyLimit(slow, limit=2, exempt=lambda s: str(s["path"]).endswith("/events"))
    server = runner.ServerThread(SecurityHeaders(limit), runner.bind("127.0.0.1"))
    server.start()
    base = f"http://127.0.0.1:{server.port}"
    try:
        with ThreadPoolExecutor(2) as pool:
            waiting = [pool.submit(httpx.get, f"{base}/slow", timeout=10) for _ in range(2)]
            deadline = time.monotonic() + 5
            while limit.active < 2 and time.monotonic() < deadline:
                time.sleep(0.01)
            assert limit.active == 2
            busy = httpx.get(f"{base}/third", timeout=5)
            assert busy.status_code == 429
            assert busy.headers["retry-after"] == "1"
            assert busy.text == "Busy. Please try again in a moment."
            assert has_security_headers(busy)
            # Live-news streams are capped on their own and pass.
            assert httpx.get(f"{base}/t/events", timeout=5).status_code == 200
            gate.set()
            assert [f.result().status_code for f in waiting] == [200, 200]
        assert limit.active == 0
        assert httpx.get(f"{base}/again", timeout=5).text == "done"
    finally:
        gate.set()
        server.stop()


def test_many_phones_at_once_are_all_counted(live: Live) -> None:
    ballot, options = live.ballot("single")
    phones = [live.phone() for _ in range(12)]

    def vote(phone: Phone) -> int:
        return phone.vote(ballot, {"choice": str(options[0])}).status_code

    with ThreadPoolExecutor(6) as pool:
        assert list(pool.map(vote, phones)) == [303] * len(phones)
    assert len(live.votes(ballot)) == len(phones)
    assert result_rows(phones[0].get(live.url(f"r/{ballot}")))["Option 1"] == str(len(phones))
