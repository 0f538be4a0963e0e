"""The phone pages in a real browser: Debian's headless Chromium against the real server.

A participant's way through the pages, by tapping: the join page, every kind of ballot, the
thank-you page, the results; a vote with JavaScript switched off (plain form posts); a vote
made while the laptop is unreachable, kept on the phone and sent once when it is back; live
updates; German and English; small screens; and axe-core (WCAG 2.1 A and AA, and axe's best
practices) on every kind of page with no violation at all.

Needs ``chromium`` and ``chromium-driver`` (Debian packages; .ci/run installs them). Without
them the tests skip, unless ``MYK10_REQUIRE_BROWSER`` is set (CI sets it): then they fail.
``MYK10_PHONE_SCREENSHOTS=<folder>`` also saves a screenshot of every page (phone and
laptop sized) there, to look at.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from myk10_workshop.i18n import Message, load_catalogue
from myk10_workshop.store.database import Store, StoreWriter
from myk10_workshop.store.operations import Batch, Create
from myk10_workshop.store.schema import Idea, Vote
from myk10_workshop.voting import operations as ops
from myk10_workshop.voting import queries
from myk10_workshop.voting.rules import Choice
from myk10_workshop.voting.server.session import LiveSession
from myk10_workshop.voting.server.texts import Texts

pytestmark = pytest.mark.slow

AXE = Path(__file__).parents[1] / "web" / "vendor" / "axe-core" / "axe.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")
SHOTS = os.environ.get("MYK10_PHONE_SCREENSHOTS", "")
LABEL = Message("Test", "Test step")
LABELS = ("Mehr Radwege", "Bürgerbus am Wochenende",
          "Schnelles Internet in allen Ortsteilen für Familien und Betriebe", "Dorfladen")
PHONE = (360, 740)
DE = Texts(load_catalogue("de"))
EN = Texts(load_catalogue("en"))
WAIT = 10.0


# --------------------------------------------------------------------------- the browser


def _browser() -> tuple[str, str]:
    """Chromium and its driver, or skip (fail when the browser is required)."""
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if chromium and driver:
        return chromium, driver
    reason = ("headless Chromium is not installed (Debian packages chromium and "
              "chromium-driver; .ci/run installs them)")
    if os.environ.get("MYK10_REQUIRE_BROWSER"):
        pytest.fail(f"{reason}, and MYK10_REQUIRE_BROWSER is set")
    pytest.skip(reason)


def _start_browser(*, javascript: bool = True) -> WebDriver:
    chromium, chromedriver = _browser()
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--lang=de-DE", f"--window-size={PHONE[0]},"
                     f"{PHONE[1]}", "--hide-scrollbars", "--force-device-scale-factor=1",
                     "--no-first-run", "--disable-extensions", "--disable-sync",
                     "--disable-background-networking", "--disable-component-update"):
        options.add_argument(argument)
    prefs: dict[str, Any] = {"intl.accept_languages": "de-DE,de"}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", prefs)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(chromedriver))
    driver.set_page_load_timeout(20)
    driver.set_script_timeout(20)
    phone_screen(driver)
    return driver


def phone_screen(driver: WebDriver, width: int = PHONE[0], height: int = PHONE[1]) -> None:
    """A phone's viewport (CSS pixels, touch-sized, as a phone's browser lays pages out)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


@pytest.fixture(scope="module")
def driver() -> Iterator[WebDriver]:
    started = _start_browser()
    yield started
    started.quit()


@pytest.fixture(scope="module")
def nojs_driver() -> Iterator[WebDriver]:
    started = _start_browser(javascript=False)
    yield started
    started.quit()


@pytest.fixture
def phone(driver: WebDriver) -> Iterator[WebDriver]:
    """The browser with a phone's screen, German, and the pages' own scripts running."""
    phone_screen(driver)
    yield driver
    with contextlib.suppress(WebDriverException):
        driver.execute_cdp_cmd("Emulation.setUserAgentOverride", {
            "userAgent": driver.execute_script("return navigator.userAgent"),
            "acceptLanguage": "de-DE,de"})


# --------------------------------------------------------------------------- the server


@dataclass
class Live:
    """A workshop with a live session on loopback, and ways to look into its store."""

    store: Store
    writer: StoreWriter
    workshop: uuid.UUID
    board: uuid.UUID
    session: LiveSession
    made: list[uuid.UUID] = field(default_factory=list)

    @property
    def base(self) -> str:
        assert self.session.info is not None
        return self.session.info.join_url

    @property
    def port(self) -> int:
        assert self.session.info is not None
        return self.session.info.port

    def url(self, page: str, ballot: uuid.UUID | None = None) -> str:
        return self.base + (page if ballot is None else f"{page}/{ballot}")

    def ballot(self, kind: str, settings: dict[str, Any] | None = None, *,
               title: str | None = None, status: str = "open", hidden: bool = False,
               labels: tuple[str, ...] = LABELS) -> tuple[uuid.UUID, list[uuid.UUID]]:
        """A ballot made by the facilitator before the phone looks (no live news)."""
        options = [] if kind == "open_text" else [(label, None, None) for label in labels]
        batch = ops.create_ballot(
            self.workshop, kind, title or f"Abstimmung {kind} {len(self.made) + 1}",
            question="Was ist Ihnen am wichtigsten?", settings=settings, options=options,
            board_id=self.board if kind == "open_text" else None)
        self.store.apply(batch)
        ballot_id: uuid.UUID = batch.operations[0].id  # type: ignore[attr-defined]
        self.made.append(ballot_id)
        if hidden:
            self.store.apply(ops.set_results_hidden(ballot_id, True))
        if status != "draft":
            self.store.apply(ops.open_ballot(ballot_id))
        if status == "closed":
            self.store.apply(ops.close_ballot(ballot_id))
        view = self.store.read(lambda s: queries.load_ballot(s, ballot_id))
        assert view is not None
        return ballot_id, [option.id for option in view.options]

    def voter(self, driver: WebDriver) -> str:
        """The phone's voter hash, from its device cookie (read on a page of the session)."""
        cookie = driver.get_cookie("myk10_device")
        assert cookie is not None, "the phone has no device cookie"
        return self.session.service.voter_hash(cookie["value"])

    def choices(self, ballot: uuid.UUID, voter: str) -> dict[uuid.UUID, Choice]:
        return self.store.read(lambda s: queries.voter_choices(s, ballot, voter))

    def vote_rows(self, ballot: uuid.UUID) -> int:
        """Every vote row of the ballot, withdrawn ones too: a resend would add rows."""
        return self.store.read(lambda s: s.scalar(
            select(func.count()).select_from(Vote).where(Vote.ballot_id == ballot))) or 0

    def ideas(self) -> list[str]:
        def query(session: Session) -> list[str]:
            return list(session.scalars(select(Idea.text).where(
                Idea.board_id == self.board, Idea.deleted.is_(False))))
        return self.store.read(query)


def _workshop(store: Store, writer: StoreWriter, title: str) -> tuple[uuid.UUID, uuid.UUID]:
    project = Create("project", {"name": "Smarte Region MYK10"})
    workshop = Create("workshop", {"project_id": project.id, "title": title})
    board = Create("board", {"workshop_id": workshop.id, "title": "Ideen"})
    # Through the writer: its thread starts here, not inside a test (see conftest).
    writer.submit(Batch((project, workshop, board), LABEL)).result(timeout=30)
    return workshop.id, board.id


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    store = Store.open(tmp_path_factory.mktemp("phone") / "myk10-workshop.sqlite3")
    writer = StoreWriter(store)
    workshop, board = _workshop(store, writer, "Strategie-Workshop")
    session = LiveSession(store, writer.submit, workshop, "Strategie-Workshop")
    session.start("127.0.0.1")
    try:
        yield Live(store, writer, workshop, board, session)
    finally:
        session.stop()
        writer.close()
        store.close()


@contextlib.contextmanager
def empty_session(live: Live) -> Iterator[LiveSession]:
    """A second workshop's session with nothing to vote on."""
    workshop, _board = _workshop(live.store, live.writer, "Zukunftsdialog")
    session = LiveSession(live.store, live.writer.submit, workshop, "Zukunftsdialog")
    session.start("127.0.0.1")
    try:
        yield session
    finally:
        session.stop()


# --------------------------------------------------------------------------- page helpers


def visit(driver: WebDriver, url: str) -> None:
    """Open a page and wait until it is whole (its style sheet applied): right after the
    screen size changes, the driver's own wait may return while the page is still loading."""
    driver.get(url)
    wait_for(driver, lambda d: d.execute_script("return document.readyState") == "complete",
             message=f"{url} did not finish loading")


def wait_for(driver: WebDriver, condition: Callable[[WebDriver], Any],
             timeout: float = WAIT, message: str = "") -> Any:
    return WebDriverWait(driver, timeout, poll_frequency=0.05, ignored_exceptions=(
        StaleElementReferenceException,)).until(condition, message)


def text_of(driver: WebDriver, css: str) -> str:
    return str(driver.find_element(By.CSS_SELECTOR, css).text)


def option_box(driver: WebDriver, label: str) -> WebElement:
    return driver.find_element(By.XPATH, f"//fieldset[legend[normalize-space()='{label}']]")


def tap_segment(driver: WebDriver, label: str, value: str) -> None:
    option_box(driver, label).find_element(
        By.XPATH, f".//label[contains(@class,'segment')][input[@value='{value}']]").click()


def tap_choice(driver: WebDriver, label: str) -> None:
    driver.find_element(
        By.XPATH, f"//label[contains(@class,'choice')][normalize-space()='{label}']").click()


def field_for(driver: WebDriver, label: str) -> WebElement:
    """The input or list a visible label names (as a screen reader would find it)."""
    found = driver.find_element(By.XPATH, f"//label[normalize-space()='{label}']")
    return driver.find_element(By.ID, found.get_attribute("for"))


def send(driver: WebDriver) -> None:
    driver.find_element(By.CSS_SELECTOR, "form.vote button[type=submit]:not([name])").click()


def arrive(driver: WebDriver, part: str) -> None:
    wait_for(driver, lambda d: part in d.current_url and d.execute_script(
        "return document.readyState") == "complete", message=f"never reached {part}")


def results(driver: WebDriver) -> dict[str, str]:
    return {row.find_element(By.CSS_SELECTOR, ".label").text.lstrip("0123456789. "):
            row.find_element(By.CSS_SELECTOR, ".figure").text
            for row in driver.find_elements(By.CSS_SELECTOR, "li.result")}


def listening(driver: WebDriver, live: Live) -> None:
    """Wait until the page's live connection is up (news sent before would miss it)."""
    wait_for(driver, lambda _d: live.session.service.listener_count() == 1,
             message="the page did not connect for live news")


def pending(driver: WebDriver) -> list[dict[str, str]]:
    return json.loads(driver.execute_script(  # type: ignore[no-any-return]
        "return localStorage.getItem('myk10-pending-' + document.body.dataset.token)"
        " || '[]'"))


def axe_violations(driver: WebDriver) -> list[str]:
    """axe-core's findings on the page (injected from outside: the page's CSP allows no
    script but its own, and a test's script is not the page's)."""
    source = AXE.read_text(encoding="utf-8")
    script = """
        var done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: "tag", values: arguments[0]},
                           resultTypes: ["violations"]})
          .then(function (r) { done(r.violations.map(function (v) {
              return v.id + " (" + v.impact + "): " + v.help + " -- " + v.nodes.map(
                function (n) { return n.target.join(" "); }).join(", "); })); },
                function (e) { done(["axe failed: " + e]); });
    """
    for attempt in range(3):
        try:
            wait_for(driver, lambda d: d.execute_script("return document.readyState")
                     == "complete")
            driver.execute_script(source)
            found = driver.execute_async_script(script, list(AXE_TAGS))
            return list(found)
        except WebDriverException:
            # A live update reloaded the page under axe's feet: check the new one.
            if attempt == 2:
                raise
            time.sleep(0.3)
    raise AssertionError("unreachable")


def csp_messages(driver: WebDriver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser")
            if "Content Security Policy" in entry["message"] or "Refused to" in
            entry["message"]]


def screenshot(driver: WebDriver, name: str) -> None:
    """With MYK10_PHONE_SCREENSHOTS: the whole page at phone and laptop size."""
    if not SHOTS:
        return
    folder = Path(SHOTS)
    folder.mkdir(parents=True, exist_ok=True)
    for width, height in (PHONE, (1280, 800)):
        phone_screen(driver, width, height)
        full = int(driver.execute_script("return document.documentElement.scrollHeight"))
        phone_screen(driver, width, max(height, full))
        time.sleep(0.1)
        driver.save_screenshot(str(folder / f"{name}-{width}.png"))
    phone_screen(driver)


# --------------------------------------------------------------------------- tests


def test_axe_core_is_the_pinned_vendored_copy() -> None:
    assert hashlib.sha256(AXE.read_bytes()).hexdigest() == AXE_SHA256
    assert (AXE.parent / "LICENSE").read_text(encoding="utf-8").startswith(
        "Mozilla Public License")


def test_a_dot_vote_by_tapping(phone: WebDriver, live: Live) -> None:
    ballot, options = live.ballot("dots", {"dots_per_person": 3, "max_per_option": 2},
                                  title="Was packen wir zuerst an?")
    visit(phone, live.base)
    assert phone.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"
    assert text_of(phone, "h1") == DE.join_title
    phone.find_element(By.LINK_TEXT, "Was packen wir zuerst an?").click()
    arrive(phone, f"/b/{ballot}")

    tap_segment(phone, LABELS[0], "2")
    tap_segment(phone, LABELS[1], "1")
    # The running count (JavaScript) says all three dots are given.
    sum_line = phone.find_element(By.ID, "sum")
    assert sum_line.is_displayed()
    assert sum_line.text.count("3") == 2, sum_line.text  # "3 / 3"
    send(phone)
    arrive(phone, f"/done/{ballot}")
    assert text_of(phone, "h1") == DE.thanks_title
    assert DE.thanks_text in text_of(phone, ".done-text")
    assert live.choices(ballot, live.voter(phone)) == {options[0]: (2.0, None),
                                                       options[1]: (1.0, None)}

    phone.find_element(By.LINK_TEXT, DE.results).click()
    arrive(phone, f"/r/{ballot}")
    shown = wait_for(phone, lambda d: results(d) or False)
    assert shown[LABELS[0]] == "2"
    assert shown[LABELS[1]] == "1"
    assert shown[LABELS[2]] == "0"

    # Back to the form: it shows the vote and lets the phone change it.
    visit(phone, live.url("b", ballot))
    box = option_box(phone, LABELS[0])
    assert box.find_element(By.CSS_SELECTOR, "input[value='2']").is_selected()
    assert text_of(phone, ".voted") == DE.voted_already
    tap_segment(phone, LABELS[0], "0")
    send(phone)
    arrive(phone, f"/done/{ballot}")
    assert live.choices(ballot, live.voter(phone)) == {options[1]: (1.0, None)}


def test_a_vote_without_javascript_is_a_plain_form_post(nojs_driver: WebDriver,
                                                         live: Live) -> None:
    ballot, options = live.ballot("dots", {"dots_per_person": 3, "max_per_option": 3})
    visit(nojs_driver, live.url("b", ballot))
    # No script ran: the running count stays hidden.
    assert not nojs_driver.find_element(By.ID, "sum").is_displayed()
    tap_segment(nojs_driver, LABELS[2], "3")
    send(nojs_driver)
    arrive(nojs_driver, f"/done/{ballot}")
    assert text_of(nojs_driver, "h1") == DE.thanks_title
    assert live.choices(ballot, live.voter(nojs_driver)) == {options[2]: (3.0, None)}

    # A refused vote comes back as the form with the reason, the choice still made.
    visit(nojs_driver, live.url("b", ballot))
    tap_segment(nojs_driver, LABELS[0], "2")
    tap_segment(nojs_driver, LABELS[1], "2")
    page = nojs_driver.find_element(By.TAG_NAME, "html")
    send(nojs_driver)
    # The answer comes back at the same address: wait for the new page, not the address.
    wait_for(nojs_driver, staleness_of(page), message="the refused form never came back")
    arrive(nojs_driver, f"/b/{ballot}")
    error = nojs_driver.find_element(By.ID, "form-error")
    assert error.is_displayed() and error.text
    assert option_box(nojs_driver, LABELS[1]).find_element(
        By.CSS_SELECTOR, "input[value='2']").is_selected()
    assert live.choices(ballot, live.voter(nojs_driver)) == {options[2]: (3.0, None)}

    # Withdrawing works the same way.
    visit(nojs_driver, live.url("b", ballot))
    nojs_driver.find_element(By.CSS_SELECTOR, "button[name=withdraw]").click()
    arrive(nojs_driver, f"/done/{ballot}")
    assert DE.withdrawn_text in text_of(nojs_driver, ".done-text")
    assert live.choices(ballot, live.voter(nojs_driver)) == {}

    # The join code leads in without a script too.
    assert live.session.info is not None
    visit(nojs_driver, live.session.info.base_url)
    field_for(nojs_driver, DE.code_label).send_keys(live.session.info.join_code.lower())
    nojs_driver.find_element(By.CSS_SELECTOR, "form.codeform button").click()
    wait_for(nojs_driver, lambda d: d.current_url == live.base)
    assert text_of(nojs_driver, "h1") == DE.join_title


FILLS: dict[str, tuple[dict[str, Any] | None, Callable[[WebDriver], None],
                       Callable[[list[uuid.UUID]], dict[uuid.UUID, Choice]]]] = {
    "single": (None, lambda d: tap_choice(d, LABELS[1]),
               lambda o: {o[1]: (1.0, None)}),
    "multiple": ({"max_choices": 2},
                 lambda d: (tap_choice(d, LABELS[0]), tap_choice(d, LABELS[3])),
                 lambda o: {o[0]: (1.0, None), o[3]: (1.0, None)}),
    "rating": ({"labels": {"1": "gar nicht", "5": "sehr"}},
               lambda d: (tap_segment(d, LABELS[0], "5"), tap_segment(d, LABELS[2], "2")),
               lambda o: {o[0]: (5.0, None), o[2]: (2.0, None)}),
    "ranking": (None, lambda d: (Select(field_for(d, LABELS[3])).select_by_value("1"),
                                 Select(field_for(d, LABELS[0])).select_by_value("2")),
                lambda o: {o[3]: (1.0, None), o[0]: (2.0, None)}),
    "points": (None, lambda d: (field_for(d, LABELS[0]).send_keys("60"),
                                field_for(d, LABELS[1]).send_keys("40")),
               lambda o: {o[0]: (60.0, None), o[1]: (40.0, None)}),
    "matrix": (None, lambda d: (
        Select(option_box(d, LABELS[2]).find_elements(By.TAG_NAME, "select")[0])
        .select_by_value("8"),
        Select(option_box(d, LABELS[2]).find_elements(By.TAG_NAME, "select")[1])
        .select_by_value("3")),
        lambda o: {o[2]: (8.0, 3.0)}),
}


@pytest.mark.parametrize("kind", [*FILLS, "open_text"])
def test_every_kind_of_ballot_by_tapping(phone: WebDriver, live: Live, kind: str) -> None:
    settings = FILLS[kind][0] if kind in FILLS else None
    ballot, options = live.ballot(kind, settings)
    visit(phone, live.url("b", ballot))
    if kind == "open_text":
        idea = f"Ein Repair-Café im Bürgerhaus <b>{uuid.uuid4().hex[:6]}</b>"
        field_for(phone, DE.your_idea).send_keys(idea)
        phone.find_element(By.XPATH, f"//button[normalize-space()='{DE.send_idea}']").click()
        arrive(phone, f"/done/{ballot}")
        assert DE.idea_thanks in text_of(phone, ".done-text")
        assert idea in live.ideas()
        return
    FILLS[kind][1](phone)
    send(phone)
    arrive(phone, f"/done/{ballot}")
    assert text_of(phone, "h1") == DE.thanks_title
    assert live.choices(ballot, live.voter(phone)) == FILLS[kind][2](options)


def test_a_vote_made_offline_is_kept_and_sent_once(phone: WebDriver, live: Live) -> None:
    ballot, options = live.ballot("single")
    visit(phone, live.url("b", ballot))
    tap_choice(phone, LABELS[2])
    # News of earlier votes still due would be lost with the server's loop (and, as the
    # service keeps them as due, hold back later news): let them go out first.
    wait_for(phone, lambda _d: not live.session.service._scheduled)
    live.session.stop()
    try:
        send(phone)
        wait_for(phone, lambda d: text_of(d, "#notice") == DE.offline_kept,
                 message="the phone did not say it keeps the vote")
        assert f"/b/{ballot}" in phone.current_url
        assert len(pending(phone)) == 1
        assert live.vote_rows(ballot) == 0
    finally:
        # The laptop is back: the same session (same address, same token) on the same port.
        live.session.start("127.0.0.1", [live.port])
    wait_for(phone, lambda d: text_of(d, "#notice") == DE.sent_later, timeout=15,
             message="the kept vote was not sent when the server came back")
    assert pending(phone) == []
    voter = live.voter(phone)
    assert live.choices(ballot, voter) == {options[2]: (1.0, None)}
    assert live.vote_rows(ballot) == 1

    # The same vote again (a resend after an answer got lost): counted once.
    item = {"id": "resent-" + uuid.uuid4().hex[:8], "url": live.url("b", ballot),
            "body": f"submission=again{uuid.uuid4().hex[:8]}&choice={options[0]}"}
    first = json.dumps([item])
    phone.execute_script("localStorage.setItem('myk10-pending-' + document.body.dataset.token,"
                         " arguments[0])", first)
    phone.refresh()
    wait_for(phone, lambda d: pending(d) == [])
    assert live.choices(ballot, voter) == {options[0]: (1.0, None)}
    rows = live.vote_rows(ballot)
    phone.execute_script("localStorage.setItem('myk10-pending-' + document.body.dataset.token,"
                         " arguments[0])", first)
    phone.refresh()
    wait_for(phone, lambda d: pending(d) == [])
    assert live.vote_rows(ballot) == rows
    assert live.choices(ballot, voter) == {options[0]: (1.0, None)}


def test_results_and_the_list_update_live(phone: WebDriver, live: Live) -> None:
    ballot, options = live.ballot("single")
    live.store.apply(ops.CastVote(ballot, "a" * 64, uuid.uuid4().hex, {options[0]: (1.0, None)}))
    visit(phone, live.url("r", ballot))
    assert results(phone)[LABELS[0]] == "1"
    phone.execute_script("window.notReloaded = true")
    listening(phone, live)
    # Another phone votes (through the session, as the server does): the page reloads.
    live.session.service.write(ops.CastVote(ballot, "b" * 64, uuid.uuid4().hex,
                                            {options[0]: (1.0, None)}))
    wait_for(phone, lambda d: d.execute_script("return window.notReloaded") is None,
             message="the results page did not reload on new votes")
    wait_for(phone, lambda d: results(d).get(LABELS[0]) == "2")

    # The facilitator opens a ballot: the list of open votes shows it by itself.
    visit(phone, live.base)
    draft, _ = live.ballot("single", title="Neu geöffnet", status="draft")
    assert not phone.find_elements(By.LINK_TEXT, "Neu geöffnet")
    listening(phone, live)
    live.session.service.write(ops.open_ballot(draft))
    wait_for(phone, lambda d: d.find_elements(By.LINK_TEXT, "Neu geöffnet"),
             message="the join page did not show the newly opened ballot")


def test_german_by_default_english_by_the_phone_or_the_switch(phone: WebDriver,
                                                              live: Live) -> None:
    ballot, _ = live.ballot("single")
    visit(phone, live.base)
    phone.delete_all_cookies()
    visit(phone, live.base)
    assert phone.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"
    assert text_of(phone, "h1") == DE.join_title

    switch = phone.find_element(By.CSS_SELECTOR, "a.lang")
    assert switch.text == DE.other_language == "English"
    assert switch.get_attribute("lang") == "en"
    switch.click()
    wait_for(phone, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    assert text_of(phone, "h1") == EN.join_title
    # The choice is remembered on the next page.
    visit(phone, live.url("b", ballot))
    assert phone.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert text_of(phone, "legend") == EN.choose_one
    phone.find_element(By.CSS_SELECTOR, "a.lang").click()
    wait_for(phone, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de")
    assert text_of(phone, "legend") == DE.choose_one

    # A phone set to English gets English without asking.
    phone.delete_all_cookies()
    phone.execute_cdp_cmd("Emulation.setUserAgentOverride", {
        "userAgent": phone.execute_script("return navigator.userAgent"),
        "acceptLanguage": "en-GB,en"})
    visit(phone, live.base)
    assert phone.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert text_of(phone, "h1") == EN.join_title
    assert phone.find_element(By.CSS_SELECTOR, "a.lang").text == "Deutsch"


TARGETS = """
    var small = [];
    var targets = document.querySelectorAll(
      "header a, main a, main button, main select, main textarea, main input[type=text], " +
      "main input[type=number], main label.segment > span:first-of-type, main label.choice");
    targets.forEach(function (element) {
      var box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) { return; }  // not shown
      if (box.width < 44 || box.height < 44) {
        small.push(element.tagName + "." + element.className + " '" +
                   element.textContent.trim().slice(0, 30) + "' " +
                   Math.round(box.width) + "x" + Math.round(box.height));
      }
    });
    return {small: small, scroll: document.scrollingElement.scrollWidth,
            inner: window.innerWidth};
"""


def test_small_screens_no_sideways_scrolling_and_big_targets(phone: WebDriver,
                                                             live: Live) -> None:
    pages = {"join": live.base}
    votes: dict[str, Choice] = {"single": (1.0, None), "rating": (3.0, None),
                                "matrix": (6.0, 3.0), "ranking": (1.0, None)}
    for kind, settings in (("dots", {"dots_per_person": 20, "max_per_option": 10}),
                           ("single", None), ("multiple", None), ("ranking", None),
                           ("rating", {"scale_min": -5, "scale_max": 4,
                                       "labels": {"-5": "überhaupt nicht", "4": "sehr"}}),
                           ("rating", {"labels": {"1": "gar nicht", "5": "voll und ganz"}}),
                           ("points", {"total": 10000}), ("matrix", None),
                           ("open_text", None)):
        ballot, options = live.ballot(kind, settings, title=(
            "Verkehrsentwicklungsplanungsbeteiligungsverfahren " + kind))
        pages[f"{kind}-{len(pages)}"] = live.url("b", ballot)
        if kind in votes:
            live.store.apply(ops.CastVote(ballot, "c" * 64, uuid.uuid4().hex,
                                          {options[2]: votes[kind]}))
            pages[f"results-{kind}-{len(pages)}"] = live.url("r", ballot)
            pages[f"done-{kind}"] = live.url("done", ballot)
    pages |= {"error": live.url("b", uuid.uuid4()),
              "code": live.base.rsplit("/", 2)[0] + "/"}
    problems = {}
    for width, height in ((360, 640), (320, 640)):
        phone_screen(phone, width, height)
        for name, url in pages.items():
            visit(phone, url)
            found = phone.execute_script(TARGETS)
            # A phone's browser widens the layout to content that does not fit (and zooms
            # out): then the window is wider than the screen, not only the page.
            if max(found["scroll"], found["inner"]) > width or found["small"]:
                problems[f"{name} at {width}px"] = found
    assert problems == {}


def test_no_accessibility_violations_on_any_page(phone: WebDriver, live: Live) -> None:
    visit(phone, live.base)
    phone.delete_all_cookies()
    phone.get_log("browser")
    found: dict[str, list[str]] = {}

    def check(name: str, url: str | None = None) -> None:
        if url is not None:
            visit(phone, url)
        screenshot(phone, name)
        violations = axe_violations(phone)
        if violations:
            found[name] = violations

    assert live.session.info is not None
    code_page = live.session.info.base_url
    check("code", code_page)
    field_for(phone, DE.code_label).send_keys("WRONG1")
    phone.find_element(By.CSS_SELECTOR, "form.codeform button").click()
    wait_for(phone, lambda d: d.find_elements(By.CSS_SELECTOR, ".error"))
    check("code-wrong")

    with empty_session(live) as empty:
        assert empty.info is not None
        check("join-empty", empty.info.join_url)
        assert text_of(phone, ".empty") == DE.no_ballots

    made: dict[str, tuple[uuid.UUID, list[uuid.UUID]]] = {}
    for kind, settings in (("dots", {"dots_per_person": 3, "max_per_option": 2}),
                           ("single", None), ("multiple", {"max_choices": 2}),
                           ("rating", {"labels": {"1": "gar nicht", "5": "sehr"}}),
                           ("ranking", None), ("points", None), ("matrix", None),
                           ("open_text", None)):
        made[kind] = live.ballot(kind, settings, title=f"Beispiel {kind}")
    check("join", live.base)
    for kind, (ballot, _options) in made.items():
        check(f"ballot-{kind}", live.url("b", ballot))

    # A refused vote, as the server shows it (a plain post) and as the script shows it.
    single, options = made["single"]
    visit(phone, live.url("b", single))
    phone.execute_script("document.querySelector('form.vote').submit()")
    wait_for(phone, lambda d: d.find_elements(By.CSS_SELECTOR, "#form-error p"))
    check("ballot-error")
    multiple, _ = made["multiple"]
    visit(phone, live.url("b", multiple))
    for label in LABELS[:3]:
        tap_choice(phone, label)
    send(phone)
    error = wait_for(phone, lambda d: d.find_element(By.ID, "form-error").text and
                     d.find_element(By.ID, "form-error"))
    assert phone.switch_to.active_element == error
    check("ballot-error-script")

    tap_choice(phone, LABELS[0])
    send(phone)
    arrive(phone, f"/done/{multiple}")
    check("done")
    check("done-idea", live.url("done", made["open_text"][0]))
    visit(phone, live.url("b", multiple))
    check("ballot-voted")
    phone.find_element(By.CSS_SELECTOR, "button[name=withdraw]").click()
    arrive(phone, "withdrawn=1")
    check("done-withdrawn")

    live.store.apply(ops.CastVote(single, "d" * 64, uuid.uuid4().hex,
                                  {options[1]: (1.0, None)}))
    for kind in ("dots", "rating", "ranking", "points", "matrix"):
        ballot, choices = made[kind]
        value = {"dots": 2.0, "rating": 4.0, "ranking": 1.0, "points": 70.0,
                 "matrix": 6.0}[kind]
        live.store.apply(ops.CastVote(ballot, "d" * 64, uuid.uuid4().hex, {
            choices[0]: (value, 3.0 if kind == "matrix" else None)}))
        check(f"results-{kind}", live.url("r", ballot))
    check("results", live.url("r", single))
    check("results-ideas", live.url("r", made["open_text"][0]))
    hidden, _ = live.ballot("single", title="Geheim bis zum Schluss", hidden=True)
    check("results-hidden", live.url("r", hidden))
    closed, _ = live.ballot("single", title="Schon vorbei", status="closed")
    check("ballot-closed", live.url("b", closed))
    check("error", live.url("b", uuid.uuid4()))
    check("error-token", live.session.info.base_url + "x" * 24 + "/")
    check("join-en", live.base + "?lang=en")
    check("ballot-dots-en", live.url("b", made["dots"][0]))
    visit(phone, live.base + "?lang=de")

    assert found == {}
    # Nothing on the pages broke the security policy (no inline style or script).
    assert csp_messages(phone) == []


def test_the_security_policy_holds_in_the_browser(phone: WebDriver, live: Live) -> None:
    """Inline script and style are refused on the pages (axe, injected by the driver, is
    not the page's script; the tests above prove it still runs)."""
    visit(phone, live.base)
    ran = phone.execute_script("""
        var script = document.createElement("script");
        script.textContent = "window.inlineRan = true;";
        document.body.appendChild(script);
        var probe = document.createElement("p");
        probe.setAttribute("style", "color: rgb(1, 2, 3)");
        document.body.appendChild(probe);
        return [window.inlineRan === true, getComputedStyle(probe).color];
    """)
    assert ran[0] is False
    assert ran[1] != "rgb(1, 2, 3)"
    assert any("Content Security Policy" in message for message in csp_messages(phone))
