"""Chinese for the few strings of Qt's own dialogs that Qt's qtbase_zh_CN translation leaves in English.

Seen in a real window: the file dialog's "Look in:", "Files of type:" and its "Folder" type column,
the print dialog's "Page Set:", the page setup's "Page order:" and "Pages per sheet:" sat in English
in the Chinese interface. They belong to Qt's contexts, so they cannot live in our .ts file (lupdate
finds no source for them and marks them obsolete); this translator holds them in code instead. It is
installed before Qt's and ours, and Qt asks translators newest first, so it is only asked about what
both left untranslated.
"""

from __future__ import annotations

from kaccount_desk.ui.qt import QtCore

# (Qt's context, Qt's source text): Chinese, with the mnemonic kept on the same key.
ZH: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "查找范围(&L):",
    ("QFileDialog", "Files of &type:"): "文件类型(&T):",
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QPrintSettingsOutput", "Page &Set:"): "奇偶页(&S):",
    ("QPageSetupWidget", "Page &order:"): "页序(&O):",
    ("QPageSetupWidget", "Pages &per sheet:"): "每张页数(&P):",
}


class QtGapsTranslator(QtCore.QTranslator):
    """Answers only for the pairs in ``ZH``; None (a null string) lets Qt fall back to the source text."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return ZH.get((context, source))

    def isEmpty(self) -> bool:
        return False
