"""Preview of an import: which ideas come in, which rows are refused and why."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from myk10_workshop.board.importing import ImportPreview
from myk10_workshop.ui.bridge import render


class ImportDialog(QDialog):
    """Shows a parsed file; "Import" takes the good rows, bad ones are listed with reasons."""

    def __init__(self, preview: ImportPreview, file_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.preview = preview
        self._file_name = file_name
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(preview.rows), 2, self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, values in enumerate(preview.rows):
            # Table items show plain text only; nothing in a file is read as markup.
            self.table.setItem(row, 0, QTableWidgetItem(values.get("text", "")))
            self.table.setItem(row, 1, QTableWidgetItem(values.get("author", "")))
        self.problems_label = QLabel(self)
        self.problems = QListWidget(self)
        self.problems.setObjectName("importProblems")
        for problem in preview.problems:
            self.problems.addItem(self.tr("Line {line}: {reason}").format(
                line=problem.line, reason=render(problem.message)))
        self.problems_label.setVisible(bool(preview.problems))
        self.problems.setVisible(bool(preview.problems))
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.import_button.setEnabled(bool(preview.rows))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 520)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import ideas"))
        self.table.setHorizontalHeaderLabels([self.tr("Idea"), self.tr("Author")])
        good, bad = len(self.preview.rows), len(self.preview.problems)
        ideas = (self.tr("1 idea can be imported") if good == 1 else
                 self.tr("{count} ideas can be imported").format(count=good))
        rows = (self.tr("1 row is left out") if bad == 1 else
                self.tr("{count} rows are left out").format(count=bad))
        text = self.tr("{file}: {ideas}, {rows}.").format(
            file=self._file_name, ideas=ideas, rows=rows)
        if self.preview.error is not None:
            text += "\n" + render(self.preview.error)
        self.summary.setText(text)
        self.problems_label.setText(self.tr("Left out:"))
        self.import_button.setText(self.tr("Import 1 idea") if good == 1 else
                                   self.tr("Import {count} ideas").format(count=good))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)



