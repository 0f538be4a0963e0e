"""Every text of the phone pages, marked for the one translation catalogue.

Templates cannot be read by lupdate; they show these texts by name (``t.join_title``), so
the phone speaks German or English from the same catalogue as the app.
"""

from __future__ import annotations

from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message, Translator

TEXTS: dict[str, Message] = {
    "other_language": QT_TRANSLATE_NOOP("Phone", "Deutsch"),
    "join_title": QT_TRANSLATE_NOOP("Phone", "Join in"),
    "join_intro": QT_TRANSLATE_NOOP(
        "Phone", "Vote and send ideas. You stay anonymous: no name, no account."),
    "open_ballots": QT_TRANSLATE_NOOP("Phone", "Open votes"),
    "no_ballots": QT_TRANSLATE_NOOP(
        "Phone", "Nothing to vote on right now. This page updates itself when a vote opens; "
        "without JavaScript, reload it."),
    "reload": QT_TRANSLATE_NOOP("Phone", "Reload"),
    "vote_now": QT_TRANSLATE_NOOP("Phone", "Vote"),
    "voted_already": QT_TRANSLATE_NOOP("Phone", "You have voted. You can change your vote."),
    "send_vote": QT_TRANSLATE_NOOP("Phone", "Send my vote"),
    "withdraw": QT_TRANSLATE_NOOP("Phone", "Withdraw my vote"),
    "back": QT_TRANSLATE_NOOP("Phone", "Back to all votes"),
    "thanks_title": QT_TRANSLATE_NOOP("Phone", "Thank you!"),
    "thanks_text": QT_TRANSLATE_NOOP(
        "Phone", "Your vote is saved. You can change it until the vote closes."),
    "withdrawn_text": QT_TRANSLATE_NOOP("Phone", "Your vote is withdrawn."),
    "idea_thanks": QT_TRANSLATE_NOOP(
        "Phone", "Your idea has arrived. The facilitator will put it on the board."),
    "results": QT_TRANSLATE_NOOP("Phone", "Results"),
    "results_hidden": QT_TRANSLATE_NOOP("Phone", "Results are shown when the vote closes."),
    "closed": QT_TRANSLATE_NOOP("Phone", "This vote is closed."),
    "not_open": QT_TRANSLATE_NOOP("Phone", "This vote has not started yet."),
    "closes_at": QT_TRANSLATE_NOOP("Phone", "Closes at {time}"),
    "error_title": QT_TRANSLATE_NOOP("Phone", "That did not work"),
    "not_found": QT_TRANSLATE_NOOP(
        "Phone", "This address is not valid (any more). Scan the QR code again or ask the "
        "facilitator for the join code."),
    "too_many": QT_TRANSLATE_NOOP(
        "Phone", "Too many requests from this phone. Please wait a moment."),
    "offline_kept": QT_TRANSLATE_NOOP(
        "Phone", "No connection. Your vote is kept on this phone and sent when the "
        "connection is back."),
    "sent_later": QT_TRANSLATE_NOOP("Phone", "Your kept vote has been sent."),
    "sending": QT_TRANSLATE_NOOP("Phone", "Sending…"),
    "dots_left": QT_TRANSLATE_NOOP("Phone", "You have {count} dots. Each option takes at "
                                            "most {most}."),
    "choose_one": QT_TRANSLATE_NOOP("Phone", "Choose one option."),
    "choose_some": QT_TRANSLATE_NOOP("Phone", "Choose up to {count} options."),
    "rate_each": QT_TRANSLATE_NOOP("Phone", "Rate each option from {low} to {high}."),
    "no_rating": QT_TRANSLATE_NOOP("Phone", "No rating"),
    "rank_each": QT_TRANSLATE_NOOP("Phone", "Give each option a place: 1 is the best."),
    "no_rank": QT_TRANSLATE_NOOP("Phone", "No place"),
    "points_total": QT_TRANSLATE_NOOP("Phone", "Share {total} points among the options."),
    "matrix_intro": QT_TRANSLATE_NOOP("Phone", "Place each option: {x} and {y}, from 0 to 10."),
    "your_idea": QT_TRANSLATE_NOOP("Phone", "Your idea"),
    "send_idea": QT_TRANSLATE_NOOP("Phone", "Send idea"),
    "idea_hint": QT_TRANSLATE_NOOP("Phone", "At most {count} characters. Shown as written."),
    "place": QT_TRANSLATE_NOOP("Phone", "place {value}"),
    "voted_badge": QT_TRANSLATE_NOOP("Phone", "voted"),
    "sum_used": QT_TRANSLATE_NOOP("Phone", "Given: {used} of {total}"),
    "ballot_changed": QT_TRANSLATE_NOOP(
        "Phone", "This vote was changed by the facilitator. Reload the page to see it."),
    "another_idea": QT_TRANSLATE_NOOP("Phone", "Send another idea"),
    "change_vote": QT_TRANSLATE_NOOP("Phone", "Change my vote"),
    "choose_any": QT_TRANSLATE_NOOP("Phone", "Choose as many options as you like."),
    "dots_word": QT_TRANSLATE_NOOP("Phone", "dots"),
    "not_placed": QT_TRANSLATE_NOOP("Phone", "Not placed"),
    "code_title": QT_TRANSLATE_NOOP("Phone", "Join with a code"),
    "code_intro": QT_TRANSLATE_NOOP(
        "Phone", "Type the join code shown on the projector or the poster."),
    "code_label": QT_TRANSLATE_NOOP("Phone", "Join code"),
    "code_go": QT_TRANSLATE_NOOP("Phone", "Join"),
    "wrong_code": QT_TRANSLATE_NOOP(
        "Phone", "This code is not right. Check the code on the projector and try again."),
    "cookies_needed": QT_TRANSLATE_NOOP(
        "Phone", "To vote, your browser must allow cookies for this page. Open the page "
        "again and vote there."),
    "bad_form": QT_TRANSLATE_NOOP(
        "Phone", "Your vote could not be read. Please reload the page and vote again."),
    "cannot_save": QT_TRANSLATE_NOOP(
        "Phone", "The facilitator's laptop cannot save right now. Please try again in a "
        "moment."),
    "ideas_to_board": QT_TRANSLATE_NOOP(
        "Phone", "The ideas are collected on the facilitator's board."),
}


class Texts:
    """The texts in one language, as attributes for the templates."""

    def __init__(self, translate: Translator) -> None:
        self._translate = translate

    def __getattr__(self, name: str) -> str:
        try:
            message = TEXTS[name]
        except KeyError:
            raise AttributeError(name) from None
        return message.render(self._translate)

    def __getitem__(self, name: str) -> str:
        return self.__getattr__(name)

    def format(self, name: str, **params: object) -> str:
        return TEXTS[name].with_params(**params).render(self._translate)
