"""The standard answers library and the forbidden service phrases, on the Admin page (issue 23 item 7).

Everyone handling tickets may read them (so a clerk can look up the office's wording), only a
supervisor or admin adds to them. The tab reads its lists when first opened, not with the page,
so the Admin page costs no extra round trips for those who never look here.
"""

from __future__ import annotations

from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.tickets import Category, label
from kaccount_desk.services import answers
from kaccount_desk.services.answers import AnswerView
from kaccount_desk.services.changes import SETTINGS_CHANGED
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.messages import current_lang, error_text
from kaccount_desk.ui.operations import run_change, run_query
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import QtWidgets, Slot


class AnswersBox(QtWidgets.QWidget):
    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        self.answers = QtWidgets.QTableWidget(0, 3)
        self.answers.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Topic"), self.tr("Standard answer")])
        self.answers.verticalHeader().hide()
        self.answers.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.answers.setWordWrap(True)
        self.answers.horizontalHeader().setStretchLastSection(True)
        self.category = QtWidgets.QComboBox()
        for kind in Category:
            self.category.addItem(label(kind, current_lang()), kind.value)
        self.topic = QtWidgets.QLineEdit()
        self.topic.setPlaceholderText(self.tr("Topic (资费, 信号 …)"))
        self.text = QtWidgets.QLineEdit()
        self.text.setPlaceholderText(self.tr("The words every channel gives the customer"))
        self.add_button = QtWidgets.QPushButton(self.tr("Add answer"))
        self.add_button.clicked.connect(self.add_answer)
        self.phrases = QtWidgets.QListWidget()
        self.new_phrase = QtWidgets.QLineEdit()
        self.new_phrase.setPlaceholderText(self.tr("A phrase replies may not use"))
        self.new_phrase.returnPressed.connect(self.forbid)
        self.forbid_button = QtWidgets.QPushButton(self.tr("Forbid"))
        self.forbid_button.clicked.connect(self.forbid)
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self._build_layout()
        may = ctx.actor.may(Permission.CONFIGURE_TICKETS)
        for widget in (self.category, self.topic, self.text, self.add_button, self.new_phrase, self.forbid_button):
            widget.setEnabled(may)

    def _build_layout(self) -> None:
        library = QtWidgets.QGroupBox(self.tr("Standard answers"))
        adding = QtWidgets.QHBoxLayout()
        adding.addWidget(self.category)
        adding.addWidget(self.topic, 1)
        adding.addWidget(self.text, 3)
        adding.addWidget(self.add_button)
        column = QtWidgets.QVBoxLayout(library)
        column.addWidget(self.answers, 1)
        column.addLayout(adding)
        forbidden = QtWidgets.QGroupBox(self.tr("Forbidden service phrases"))
        forbidding = QtWidgets.QHBoxLayout()
        forbidding.addWidget(self.new_phrase, 1)
        forbidding.addWidget(self.forbid_button)
        column = QtWidgets.QVBoxLayout(forbidden)
        column.addWidget(self.phrases, 1)
        column.addLayout(forbidding)
        columns = QtWidgets.QHBoxLayout()
        columns.addWidget(library, 3)
        columns.addWidget(forbidden, 1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)

    def _say(self, state: str, text: str) -> None:
        self.message.setStyleSheet(text_style(state))
        self.message.setText(text)

    def _refused(self, exc: BaseException) -> bool:
        """A refusal is written under the lists, what was typed kept."""
        if not isinstance(exc, ServiceError):
            return False
        self._say("reason", error_text(exc))
        return True

    def refresh(self) -> None:
        ctx = self.ctx
        self.loaded = True
        run_query(self, lambda: (answers.list_answers(ctx), answers.forbidden_phrases(ctx)),
                  lambda found: self._show(*found), self._refused)

    def _show(self, library: list[AnswerView], phrases: list[str]) -> None:
        lang = current_lang()
        self.answers.setRowCount(len(library))
        for row, answer in enumerate(library):
            for column, text in enumerate((label(answer.category, lang), answer.topic, answer.text)):
                item = QtWidgets.QTableWidgetItem(text)
                item.setToolTip(text)
                self.answers.setItem(row, column, item)
        self.answers.resizeColumnToContents(0)
        self.answers.resizeColumnToContents(1)
        self.phrases.clear()
        self.phrases.addItems(phrases)

    @Slot()
    def add_answer(self) -> None:
        category, topic, text = str(self.category.currentData()), self.topic.text(), self.text.text()

        def done(added: AnswerView) -> None:
            self.topic.clear()
            self.text.clear()
            self._say("ok", self.tr("Added: %1").replace("%1", added.topic))
            self.refresh()

        run_change(self, lambda: answers.add_answer(self.ctx, category, topic, text), SETTINGS_CHANGED, done, self._refused)

    @Slot()
    def forbid(self) -> None:
        phrase = self.new_phrase.text()

        def done(listed: list[str]) -> None:
            self.new_phrase.clear()
            self._say("ok", self.tr("Replies using “%1” will be held").replace("%1", listed[-1]))
            self.phrases.clear()
            self.phrases.addItems(listed)

        run_change(self, lambda: answers.forbid(self.ctx, phrase), SETTINGS_CHANGED, done, self._refused)
