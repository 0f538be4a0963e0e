"""Where the live session is started and stopped, and where phones are told how to join.

The facilitator picks the laptop's address the phones can reach (the first local network
address is chosen already), starts, and gets the join QR code, the address and the short
code. An optional Wi-Fi QR code lets phones join the venue's network first; its password is
kept only for this session, never saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from myk10_workshop.ui.voting.qr_widget import QrWidget

if TYPE_CHECKING:
    from myk10_workshop.voting.server.runner import Address
    from myk10_workshop.voting.server.session import SessionInfo


class SessionPanel(QWidget):
    start_requested = Signal(str)
    stop_requested = Signal()
    projector_requested = Signal()
    poster_requested = Signal()
    # The Wi-Fi name or password changed (the QR code is made again).
    wifi_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionPanel")
        self.info: SessionInfo | None = None
        self.address = QComboBox(self)
        self.address.setObjectName("sessionAddress")
        self.address.setMinimumContentsLength(12)
        self.address.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("sessionStart")
        self.start_button.clicked.connect(self._start_or_stop)
        self.status = QLabel(self)
        self.status.setObjectName("sessionStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.qr = QrWidget(self)
        self.qr.setObjectName("joinQr")
        self.qr.setMinimumSize(160, 160)
        self.url = QLabel(self)
        self.url.setObjectName("joinUrl")
        self.url.setTextFormat(Qt.TextFormat.PlainText)
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url.setWordWrap(True)
        self.code = QLabel(self)
        self.code.setObjectName("joinCode")
        self.code.setTextFormat(Qt.TextFormat.PlainText)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.code.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 2.2)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 130)
        self.code.setFont(font)
        self.projector_button = QPushButton(self)
        self.projector_button.setObjectName("joinProjector")
        self.projector_button.clicked.connect(self.projector_requested)
        self.poster_button = QPushButton(self)
        self.poster_button.setObjectName("joinPoster")
        self.poster_button.clicked.connect(self.poster_requested)
        self._build_wifi()
        self._lay_out()
        self.retranslate()
        self.show_stopped()

    def _build_wifi(self) -> None:
        self.wifi_box = QGroupBox(self)
        self.ssid = QLineEdit(self.wifi_box)
        self.ssid.setObjectName("wifiName")
        self.ssid.setMaxLength(32)
        self.password = QLineEdit(self.wifi_box)
        self.password.setObjectName("wifiPassword")
        self.password.setMaxLength(63)
        for line in (self.ssid, self.password):
            line.editingFinished.connect(self.wifi_changed)
        self.wifi_qr = QrWidget(self.wifi_box)
        self.wifi_qr.setObjectName("wifiQr")
        self.wifi_qr.setMinimumSize(80, 80)
        self.wifi_qr.setMaximumSize(120, 120)
        self.ssid_label = QLabel(self.wifi_box)
        self.ssid_label.setBuddy(self.ssid)
        self.password_label = QLabel(self.wifi_box)
        self.password_label.setBuddy(self.password)
        wifi_form = QFormLayout()
        wifi_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        wifi_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        wifi_form.addRow(self.ssid_label, self.ssid)
        wifi_form.addRow(self.password_label, self.password)
        wifi_layout = QHBoxLayout(self.wifi_box)
        wifi_layout.addLayout(wifi_form, 1)
        wifi_layout.addWidget(self.wifi_qr)

    def _lay_out(self) -> None:
        self.address_label = QLabel(self)
        self.address_label.setBuddy(self.address)
        start_row = QHBoxLayout()
        start_row.addWidget(self.address_label)
        start_row.addWidget(self.address, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.projector_button)
        buttons.addWidget(self.poster_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(start_row)
        layout.addWidget(self.start_button)
        layout.addWidget(self.status)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.code)
        layout.addWidget(self.url)
        layout.addLayout(buttons)
        layout.addWidget(self.wifi_box)

    # ----------------------------------------------------------------- state

    def set_addresses(self, found: Sequence[Address]) -> None:
        chosen = self.address.currentData()
        self.address.clear()
        for address in found:
            self.address.addItem(address.label, address.ip)
        self.address.addItem(self.tr("All networks (0.0.0.0)"), "0.0.0.0")
        index = self.address.findData(chosen) if chosen else -1
        self.address.setCurrentIndex(max(0, index))

    def chosen_host(self) -> str:
        return str(self.address.currentData() or "127.0.0.1")

    def show_busy(self) -> None:
        self.start_button.setEnabled(False)

    def show_running(self, info: SessionInfo, workshop: str, qr: list[list[bool]]) -> None:
        self.info = info
        self.start_button.setEnabled(True)
        self.address.setEnabled(False)
        self.status.setText(self.tr("Live for “{workshop}”: phones can join.").format(
            workshop=workshop))
        self.qr.set_matrix(qr, info.join_url)
        self.url.setText(self.tr("Address: {url}").format(url=info.base_url))
        self.code.setText(info.join_code)
        self.code.setAccessibleName(self.tr("Join code"))
        for widget in (self.qr, self.url, self.code, self.projector_button,
                       self.poster_button):
            widget.setVisible(True)
        self._retranslate_start()

    def show_stopped(self) -> None:
        self.info = None
        self.start_button.setEnabled(True)
        self.address.setEnabled(True)
        self.status.setText(self.tr(
            "Not live. Phones join once the live session runs: this laptop serves the page "
            "on the local network, no internet needed."))
        self.qr.set_matrix([])
        for widget in (self.qr, self.url, self.code, self.projector_button,
                       self.poster_button):
            widget.setVisible(False)
        self._retranslate_start()

    def show_wifi(self, qr: list[list[bool]]) -> None:
        self.wifi_qr.set_matrix(qr, self.tr("Wi-Fi {name}").format(name=self.ssid.text()))
        self.wifi_qr.setVisible(bool(qr))

    def wifi(self) -> tuple[str, str]:
        return self.ssid.text().strip(), self.password.text()

    def _start_or_stop(self) -> None:
        self.start_button.setEnabled(False)
        if self.info is None:
            self.start_requested.emit(self.chosen_host())
        else:
            self.stop_requested.emit()

    # ----------------------------------------------------------------- language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.address.setToolTip(self.tr("The laptop address phones use: pick the network "
                                        "the phones are on"))
        self.address.setAccessibleName(self.tr("Network address"))
        self.address_label.setText(self.tr("&Network"))
        self.projector_button.setText(self.tr("Show on &projector"))
        self.poster_button.setText(self.tr("&Poster (PDF)…"))
        self.wifi_box.setTitle(self.tr("Wi-Fi for participants (optional)"))
        self.ssid_label.setText(self.tr("Network &name"))
        self.password_label.setText(self.tr("Pass&word"))
        self.password.setPlaceholderText(self.tr("kept only for this session"))
        self._retranslate_start()

    def _retranslate_start(self) -> None:
        self.start_button.setText(self.tr("&Stop live session") if self.info is not None
                                  else self.tr("&Start live session"))
