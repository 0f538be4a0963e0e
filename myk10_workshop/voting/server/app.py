"""The participants' web app: join page, ballot forms, results, live news.

Every route is under the session token (``/<token>/...``); a wrong token gets the same
plain "not valid" page as an unknown address. Core actions are plain HTML forms that work
without JavaScript; the small script on the pages only adds live updates and keeps a vote
on the phone while the connection is down. Votes are form posts (or the same post asking
for JSON); each carries a submission id made on the phone, so a resent vote is stored once.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import secrets
import uuid
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any
from urllib.parse import parse_qsl

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy.orm import Session
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import (
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from myk10_workshop.i18n import Catalogue, load_catalogue
from myk10_workshop.paths import resource_path
from myk10_workshop.store.errors import StoreError, ValidationError
from myk10_workshop.store.operations import utc_now
from myk10_workshop.voting import operations as voting
from myk10_workshop.voting import present, queries, rules
from myk10_workshop.voting.server.security import (
    MAX_BODY,
    BodyLimit,
    ConcurrencyLimit,
    RateLimiter,
    SecurityHeaders,
    same_code,
    same_token,
)
from myk10_workshop.voting.server.service import END_EVENT, VotingService
from myk10_workshop.voting.server.texts import Texts

DEVICE_COOKIE = "myk10_device"
LANGUAGE_COOKIE = "myk10_lang"
MAX_LISTENERS = 1000
MAX_FIELDS = 400
HEARTBEAT_SECONDS = 15.0


def create_app(service: VotingService, *, limiter: RateLimiter | None = None,
               max_body: int = MAX_BODY) -> Callable[..., Any]:
    """The ASGI app for one live session, wrapped in the size cap and safety headers."""
    pages = _Pages(service, limiter or RateLimiter())
    routes = [
        Route("/", pages.enter_code),
        Route("/join", pages.check_code),
        Route("/{token}", pages.add_slash),
        Route("/{token}/", pages.join),
        Route("/{token}/b/{ballot}", pages.ballot, methods=["GET", "POST"]),
        Route("/{token}/done/{ballot}", pages.done),
        Route("/{token}/r/{ballot}", pages.results),
        Route("/{token}/events", pages.events),
        Mount("/static", StaticFiles(directory=str(resource_path("web", "static")))),
    ]
    app = Starlette(routes=routes, exception_handlers={404: pages.not_found,
                                                       405: pages.not_allowed})
    return SecurityHeaders(ConcurrencyLimit(BodyLimit(_BindLoop(app, service), max_body),
                                            exempt=_is_event_stream))


def _is_event_stream(scope: Any) -> bool:
    return str(scope.get("path", "")).endswith("/events")


class _BindLoop:
    """Gives the service the server's event loop on the first request (for live news)."""

    def __init__(self, app: Callable[..., Any], service: VotingService) -> None:
        self.app = app
        self.service = service
        self._bound = False

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if not self._bound:
            self.service.bind_loop(asyncio.get_running_loop())
            self._bound = True
        await self.app(scope, receive, send)


class _Pages:
    def __init__(self, service: VotingService, limiter: RateLimiter) -> None:
        self.service = service
        self.limiter = limiter
        self.templates = Environment(
            loader=FileSystemLoader(str(resource_path("web", "templates"))),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True, lstrip_blocks=True,
            # The templates are part of the app: no look at their files on every page.
            auto_reload=False)
        self.catalogues: dict[str, Catalogue] = {
            language: load_catalogue(language) for language in ("de", "en")}

    # ----------------------------------------------------------------- helpers

    def _language(self, request: Request) -> str:
        chosen = request.query_params.get("lang") or request.cookies.get(LANGUAGE_COOKIE)
        if chosen in self.catalogues:
            return chosen
        accepted = request.headers.get("accept-language", "")
        for part in accepted.split(","):
            code = part.split(";")[0].strip().lower()[:2]
            if code in self.catalogues:
                return code
        return "de"

    def _render(self, request: Request, template: str, status: int = 200,
                **context: Any) -> HTMLResponse:
        language = self._language(request)
        texts = Texts(self.catalogues[language])
        # The session's own links only for those who came with the token: a page refusing
        # a wrong token must not tell the right one.
        known = same_token(request.path_params.get("token", ""), self.service.token)
        html = self.templates.get_template(template).render(
            t=texts, lang=language, other_lang="en" if language == "de" else "de",
            token=self.service.token if known else None, workshop=self.service.title,
            path=request.url.path,
            versions=getattr(request.state, "versions", None) or self.service.versions(),
            **context)
        # A page is a picture of one moment: never reused from the cache (going back to a
        # form must not bring back its old submission id).
        response = HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})
        self._remember(request, response, language)
        return response

    def _remember(self, request: Request, response: Response, language: str) -> None:
        if not same_token(request.path_params.get("token", ""), self.service.token):
            return
        secure = {"httponly": True, "samesite": "lax",
                  "path": f"/{self.service.token}/"}
        if request.cookies.get(DEVICE_COOKIE) != request.state.device:
            response.set_cookie(DEVICE_COOKIE, request.state.device, max_age=2 * 86400,
                                **secure)  # type: ignore[arg-type]
        if request.query_params.get("lang") in self.catalogues:
            response.set_cookie(LANGUAGE_COOKIE, language, max_age=30 * 86400,
                                **secure)  # type: ignore[arg-type]

    def _device(self, request: Request) -> str:
        """The phone's anonymous device token from its cookie, or a new one."""
        device = request.cookies.get(DEVICE_COOKIE, "")
        if not _valid_device(device):
            device = secrets.token_urlsafe(24)
        request.state.device = device
        return device

    def _check(self, request: Request) -> Response | None:
        """The token, the device and the rate: a refusal, or None to go on."""
        # Taken before anything is read: news after this moment is news for the page.
        request.state.versions = self.service.versions()
        if not same_token(request.path_params.get("token", ""), self.service.token):
            request.state.device = ""
            return self._error(request, 404, "not_found")
        device = self._device(request)
        client = request.client.host if request.client else ""
        if not self.limiter.allow_address(client):
            return self._error(request, 429, "too_many")
        if request.method == "POST":
            # One ballot per device: a vote needs the cookie the form's page gave.
            if not _valid_device(request.cookies.get(DEVICE_COOKIE, "")):
                return self._error(request, 400, "cookies_needed")
            if not self.limiter.allow(device):
                return self._error(request, 429, "too_many")
        return None

    def _error(self, request: Request, status: int, text: str,
               message: str | None = None) -> Response:
        if not hasattr(request.state, "device"):
            request.state.device = secrets.token_urlsafe(24)
        if "application/json" in request.headers.get("accept", ""):
            texts = Texts(self.catalogues[self._language(request)])
            return JSONResponse({"ok": False, "message": message or texts[text]},
                                status_code=status)
        return self._render(request, "error.html", status=status, text=text, message=message)

    async def _ballot(self, ballot_id: str | uuid.UUID, *,
                      fresh: bool = False) -> queries.BallotView | None:
        """The session's ballot of that id, with its options; kept between requests while
        no ballot changes (``fresh``: read it again in any case)."""
        try:
            wanted = ballot_id if isinstance(ballot_id, uuid.UUID) else uuid.UUID(ballot_id)
        except ValueError:
            return None
        view = None if fresh else self.service.cached_ballot(wanted)
        if view is None:
            view = await asyncio.to_thread(self.service.load_ballot, wanted)
        if view is None or view.ballot.workshop_id != self.service.workshop_id:
            return None
        return view

    # ----------------------------------------------------------------- pages

    async def enter_code(self, request: Request) -> Response:
        """The address without token: a form to type the join code into."""
        request.state.device = ""
        return self._render(request, "code.html", code="", error=None)

    async def check_code(self, request: Request) -> Response:
        request.state.device = ""
        client = request.client.host if request.client else ""
        if not self.limiter.allow_code_attempt(client):
            return self._render(request, "code.html", status=429, code="",
                                error=Texts(self.catalogues[self._language(request)]
                                            ).too_many)
        typed = request.query_params.get("code", "")[:20]
        if same_code(typed, self.service.join_code):
            return RedirectResponse(f"/{self.service.token}/", status_code=303)
        texts = Texts(self.catalogues[self._language(request)])
        return self._render(request, "code.html", status=404, code=typed,
                            error=texts.wrong_code)

    async def add_slash(self, request: Request) -> Response:
        refused = self._check(request)
        if refused is not None:
            return refused
        return RedirectResponse(f"/{self.service.token}/", status_code=308)

    async def join(self, request: Request) -> Response:
        refused = self._check(request)
        if refused is not None:
            return refused
        voter = self.service.voter_hash(request.state.device)
        workshop = self.service.workshop_id

        def load(session: Session) -> tuple[Any, set[uuid.UUID]]:
            ballots = queries.open_ballots(session, workshop)
            voted = {view.ballot.id for view in ballots
                     if queries.voter_choices(session, view.ballot.id, voter)}
            return ballots, voted

        ballots, voted = await asyncio.to_thread(self.service.read, load)
        return self._render(request, "join.html", ballots=ballots, voted=voted)

    async def ballot(self, request: Request) -> Response:
        refused = self._check(request)
        if refused is not None:
            return refused
        view = await self._ballot(request.path_params["ballot"])
        if view is None:
            return self._error(request, 404, "not_found")
        if request.method == "POST":
            return await self._vote(request, view)
        voter = self.service.voter_hash(request.state.device)
        previous = await asyncio.to_thread(self.service.read, lambda s: queries.voter_choices(
            s, view.ballot.id, voter))
        return self._form(request, view, previous=previous)

    def _form(self, request: Request, view: queries.BallotView, *, previous: Mapping[
            uuid.UUID, rules.Choice] | None = None, error: str | None = None,
            status: int = 200, form: Mapping[str, str] | None = None,
            voted: bool | None = None) -> Response:
        ballot = view.ballot
        if form is not None:
            values = dict(form)
        elif previous and ballot.kind != "open_text":
            values = rules.form_fields(ballot.kind, previous)
        else:
            values = {}
        return self._render(
            request, "ballot.html", status=status, view=view, values=values, error=error,
            voted=bool(previous) if voted is None else voted, submission=uuid.uuid4().hex,
            is_open=_is_open(view), closes_at=_clock(ballot.closes_at))

    async def _read_form(self, request: Request) -> dict[str, str] | Response:
        """The posted form's fields, or the refusal of a body that is not a vote form."""
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "application/x-www-form-urlencoded":
            return self._error(request, 415, "bad_form")
        try:
            raw = (await request.body()).decode("utf-8")
            form = dict(parse_qsl(raw, keep_blank_values=True, strict_parsing=False,
                                  max_num_fields=MAX_FIELDS))
        except ClientDisconnect:
            # The phone gave up before its form arrived: nobody reads an answer.
            return Response(status_code=400)
        except (UnicodeDecodeError, ValueError):
            return self._error(request, 400, "bad_form")
        if not _valid_submission(form.get("submission", "")):
            return self._error(request, 400, "bad_form")
        return form

    async def _vote(self, request: Request, view: queries.BallotView) -> Response:
        wants_json = "application/json" in request.headers.get("accept", "")
        form = await self._read_form(request)
        if isinstance(form, Response):
            return form
        submission = form["submission"]
        voter = self.service.voter_hash(request.state.device)
        language = self._language(request)
        withdraw = rules.WITHDRAW_FIELD in form
        try:
            # A closed ballot says so, whatever the (stale) form holds.
            rules.refuse_unless_open(view.ballot.status, view.ballot.closes_at, utc_now())
            if view.ballot.kind == "open_text":
                text = rules.parse_idea_form(view.ballot.settings, form)
                operation: Any = voting.SubmitIdea(view.ballot.id, voter, text,
                                                   submission_id=submission)
            else:
                choices = rules.parse_form(view.ballot.kind, view.ballot.settings,
                                           [option.id for option in view.options], form)
                operation = voting.CastVote(view.ballot.id, voter, submission, choices)
            await self.service.write_async(operation)
        except ValidationError as refused:
            text = refused.message.render(self.catalogues[language])
            # The writer read the ballot as it is now; so does the answer (the one kept
            # here may predate a change the writer saw first).
            view = await self._ballot(view.ballot.id, fresh=True) or view
            status = 409 if not _is_open(view) else 422
            if wants_json:
                return JSONResponse({"ok": False, "message": text}, status_code=status)
            previous = await asyncio.to_thread(
                self.service.read, lambda s: queries.voter_choices(s, view.ballot.id, voter))
            return self._form(request, view, error=text, status=status, form=form,
                              voted=bool(previous))
        except (StoreError, TimeoutError):
            return self._error(request, 503, "cannot_save")
        if wants_json:
            return JSONResponse({"ok": True})
        target = f"/{self.service.token}/done/{view.ballot.id}"
        if withdraw:
            target += "?withdrawn=1"
        response = RedirectResponse(target, status_code=303)
        self._remember(request, response, language)
        return response

    async def done(self, request: Request) -> Response:
        refused = self._check(request)
        if refused is not None:
            return refused
        view = await self._ballot(request.path_params["ballot"])
        if view is None:
            return self._error(request, 404, "not_found")
        return self._render(request, "done.html", view=view,
                            withdrawn=request.query_params.get("withdrawn") == "1")

    async def results(self, request: Request) -> Response:
        refused = self._check(request)
        if refused is not None:
            return refused
        view = await self._ballot(request.path_params["ballot"])
        if view is None:
            return self._error(request, 404, "not_found")
        ballot = view.ballot
        hidden = not ballot.results_visible(utc_now())
        outcome = None if hidden else await asyncio.to_thread(
            self.service.read, lambda s: queries.results(s, ballot.id))
        catalogue = self.catalogues[self._language(request)]
        rows = [] if outcome is None else [
            {"label": line.label, "rank": line.rank, "figure": line.figure.render(catalogue),
             "width": None if line.fraction is None else 2 * round(50 * line.fraction)}
            for line in present.lines(outcome, ballot.settings)]
        voted = "" if outcome is None else present.participants(outcome).render(catalogue)
        return self._render(request, "results.html", view=view, results=outcome,
                            hidden=hidden, rows=rows, voted=voted)

    async def events(self, request: Request) -> Response:
        """Server-sent events: "ballots" when a ballot opens, closes or changes, "votes"
        when votes were counted; first a "hello" with the news counts so far, so a page
        made before a change it did not hear of reloads at once."""
        refused = self._check(request)
        if refused is not None:
            return refused
        if self.service.listener_count() >= MAX_LISTENERS:
            return self._error(request, 503, "too_many")
        queue = self.service.listen()

        async def stream() -> AsyncIterator[str]:
            try:
                yield "retry: 3000\n\n"
                yield f"event: hello\ndata: {json.dumps(self.service.versions())}\n\n"
                while True:
                    try:
                        event = await asyncio.wait_for(queue.get(), HEARTBEAT_SECONDS)
                        if event == END_EVENT:
                            return
                        yield f"event: {event}\ndata: {json.dumps(event)}\n\n"
                    except TimeoutError:
                        yield ": still here\n\n"
            finally:
                self.service.forget(queue)

        return StreamingResponse(stream(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store"})

    async def not_found(self, request: Request, _exc: Exception) -> Response:
        return self._error(request, 404, "not_found")

    async def not_allowed(self, request: Request, _exc: Exception) -> Response:
        return self._error(request, 405, "bad_form")


def _valid_device(device: str) -> bool:
    return 16 <= len(device) <= 64 and device.replace("-", "").replace("_", "").isalnum()


def _valid_submission(submission: str) -> bool:
    return 8 <= len(submission) <= 64 and submission.replace("-", "").isalnum()


def _is_open(view: queries.BallotView) -> bool:
    return view.ballot.accepts_votes(utc_now())


def _clock(closes_at: dt.datetime | None) -> str | None:
    """A countdown's end as the laptop's local time of day (what the room's clock shows)."""
    if closes_at is None:
        return None
    return closes_at.replace(tzinfo=dt.UTC).astimezone().strftime("%H:%M")
