"""The projector window: the same board, read-only and large, for the room to see.

It is a second view on the facilitator's :class:`BoardScene`, so every edit shows on the wall
at once without copying anything. The view's ``projector`` property asks the items for their
big, high-contrast look without the text of private notes (see ``items._is_projector``); as
cached notes cannot see that property, the view also covers private notes itself.
"Follow me" keeps it on the part of the board the facilitator is looking at.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QEvent, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QLabel, QVBoxLayout, QWidget

from myk10_workshop.board.layout import NOTE_HEIGHT, NOTE_WIDTH
from myk10_workshop.ui.board.scene import BoardScene
from myk10_workshop.ui.board.view import BoardView

# Projectors and their cables rarely show more than 30 frames per second; panning faster
# than that only costs the facilitator's laptop time.
FOLLOW_INTERVAL_MS = 33
# The projector look of a private note (as NoteItem paints it): a blank grey card.
PRIVATE_CARD = QColor("#cfd8dc")
PRIVATE_OUTLINE = QColor("#546e7a")
# The whole of what a note may paint (its bounding rect), so no stripe or corner shows.
CARD_RECT = QRectF(-2.0, -2.0, NOTE_WIDTH + 4.0, NOTE_HEIGHT + 4.0)
WINDOWED_SIZE = (1280, 720)
CAPTION_MARGIN = 24
CAPTION_PIXEL_SIZE = 34

T = TypeVar("T")


def other_screen(screens: Sequence[T], current: T | None) -> T | None:
    """The screen for the projector: one that does not show the facilitator's window.

    None when there is only one screen; then the projector opens as a normal window
    (a mirrored projector shows the main window anyway).
    """
    if len(screens) < 2:
        return None
    for screen in screens:
        if screen != current:
            return screen
    return None


def show_on_projector_screen(window: QWidget, own: QWidget | None) -> None:
    """Show ``window`` full screen on a screen other than the one ``own`` (the facilitator's
    window) is on; with a single screen, as a normal 1280x720 window."""
    screen = own.window().screen() if own is not None and shiboken6.isValid(own) else None
    target = other_screen(QGuiApplication.screens(), screen)
    if target is None:
        window.resize(*WINDOWED_SIZE)
        window.showNormal()
    else:
        window.setScreen(target)
        window.setGeometry(target.geometry())
        window.showFullScreen()
    window.raise_()


class ProjectorView(QGraphicsView):
    """A view the room looks at: items take their projector look, nothing can be edited.

    Wheel and keys are ignored on purpose: the projector is steered from the facilitator's
    view, and a stray scroll on the second screen must not make it drift away.
    """

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("projectorView")
        # Read by NoteItem/ClusterItem.paint: large text, no private notes.
        self.setProperty("projector", True)
        self.setInteractive(False)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Tell the items that the room is looking (see items.is_projector_paint).

        Notes with a device-coordinate cache are painted into their cache without a
        widget, so the view itself cannot be seen from the item; the scene can.
        """
        scene = self.scene()
        if isinstance(scene, BoardScene):
            scene.painting_projector = True
        try:
            super().paintEvent(event)
        finally:
            if isinstance(scene, BoardScene):
                scene.painting_projector = False

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()


class ProjectorWindow(QWidget):
    """A top-level window with its own view on the facilitator's scene.

    Show it with :meth:`show_on_best_screen`. It follows ``follow`` (pan and zoom) until
    :meth:`set_following` turns that off. F11 toggles full screen, Escape leaves it.
    """

    # The window was closed (by the user or the system); the page can untick its action.
    closed = Signal()

    def __init__(self, scene: BoardScene, follow: BoardView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projectorWindow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._follow = follow
        self._following = True
        self.view = ProjectorView(scene, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        # The board title, large in the top-right corner; above the view, not in the scene,
        # so it stays put while the board pans underneath.
        self.caption = QLabel(self)
        self.caption.setObjectName("projectorCaption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)  # titles are never markup
        self.caption.setWordWrap(True)
        self.caption.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        font = QFont(self.caption.font())
        font.setPixelSize(CAPTION_PIXEL_SIZE)
        font.setBold(True)
        self.caption.setFont(font)
        self.caption.setStyleSheet(
            "QLabel#projectorCaption { color: #102027; background: rgba(255, 255, 255, 215);"
            " border-radius: 10px; padding: 8px 18px; }")
        self.caption.hide()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FOLLOW_INTERVAL_MS)
        self._timer.timeout.connect(self.sync_now)
        follow.view_changed.connect(self._schedule)
        self._retranslate()

    # ----------------------------------------------------------------- public API

    def show_on_best_screen(self) -> None:
        """Full screen on a second screen if there is one, else a normal 1280x720 window."""
        show_on_projector_screen(self, self._follow)
        self._schedule()

    def set_following(self, following: bool) -> None:
        """Follow the facilitator's view, or stay where it is (to keep a result on the wall
        while the facilitator looks elsewhere)."""
        self._following = following
        if following:
            self._schedule()
        else:
            self._timer.stop()

    def is_following(self) -> bool:
        return self._following

    def set_caption(self, text: str) -> None:
        """Show ``text`` (the board's title) in the top-right corner; empty hides it."""
        self.caption.setText(text)
        self.caption.setVisible(bool(text))
        self._place_caption()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def sync_now(self) -> None:
        """Show what the facilitator's view shows (at least all of it: the aspect ratio of
        the projector may differ)."""
        self._timer.stop()
        if not self._following or not shiboken6.isValid(self._follow):
            return
        target = self._follow.visible_scene_rect()
        if target.isEmpty():
            return
        # Room around the target so centring is never clamped at the edge of the scene.
        room = target.adjusted(-target.width(), -target.height(),
                               target.width(), target.height())
        self.view.setSceneRect(self._follow.sceneRect().united(room))
        self.view.fitInView(target, Qt.AspectRatioMode.KeepAspectRatio)

    # ----------------------------------------------------------------- events

    def _schedule(self) -> None:
        # Throttle, not debounce: a long pan still moves the projector 30 times a second,
        # and the last position always arrives.
        if self._following and not self._timer.isActive():
            self._timer.start()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Board on the projector"))
        self.view.setAccessibleName(self.tr("Board as shown on the projector"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F11:
            self.toggle_full_screen()
        elif event.key() == Qt.Key.Key_Escape:
            # Escape only ever leaves full screen: pressed in a hurry, it must not make a
            # window cover the facilitator's screen.
            if self.isFullScreen():
                self.showNormal()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_caption()
        self._schedule()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()

    def _place_caption(self) -> None:
        if not self.caption.text():
            return
        self.caption.setMaximumWidth(max(120, self.width() // 2))
        self.caption.adjustSize()
        self.caption.move(self.width() - self.caption.width() - CAPTION_MARGIN, CAPTION_MARGIN)
        self.caption.raise_()
