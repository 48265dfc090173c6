"""Qt's own dialogs speak the UI's language (issue 18 part 4): Qt's qtbase catalogue is installed next to
the app's, and the file-dialog labels Qt 6 gave a mnemonic ("&Look in:") are read through the plain ones."""
import re

from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton, QToolButton

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _file_dialog():
    dialog = QFileDialog(None, "导入报表")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on a system without a portal
    dialog.setNameFilter("Reports (*.xlsx);;All files (*)")
    return dialog


def test_message_box_buttons_read_chinese(ctx):
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x",
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes)
    assert sorted(button.text() for button in box.buttons()) == sorted(["确定", "取消", "是(&Y)"])


def test_file_dialog_labels_buttons_and_tooltips_are_chinese(ctx, qtbot):
    dialog = _file_dialog()
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels and "文件名称(&N)：" in labels
    texts = labels + [b.text() for b in dialog.findChildren(QPushButton)] + [
        b.toolTip() for b in dialog.findChildren(QToolButton)]
    assert [text for text in texts if LATIN_WORD.search(text)] == []


def test_english_ui_keeps_qt_dialogs_english(ctx, qtbot):
    from workbench.ui.shell import i18n

    i18n.install_language("en")
    try:
        box = QMessageBox(QMessageBox.Icon.Question, "t", "x", QMessageBox.StandardButton.Cancel)
        assert [button.text() for button in box.buttons()] == ["Cancel"]
        dialog = _file_dialog()
        qtbot.addWidget(dialog)
        assert "&Look in:" in [label.text() for label in dialog.findChildren(QLabel)]
    finally:
        i18n.install_language("zh_CN")


def test_a_string_no_catalogue_translates_reads_as_written(ctx, qtbot):
    """The file-dialog fallback once answered "" for everything else: Qt took that as the translation, so
    an untranslated string, and (through tr() asking the class's bases) "RFM" translated as itself,
    showed blank — the dashboard's RFM button had no text."""
    from PySide6.QtCore import QCoreApplication

    from workbench.ui.reports.chart_panel import ChartPanel

    assert QCoreApplication.translate("ChartPanel", "A sentence no catalogue has") == "A sentence no catalogue has"
    panel = ChartPanel(ctx)
    qtbot.addWidget(panel)
    assert panel.tr("A sentence no catalogue has") == "A sentence no catalogue has"
    assert {kind: button.text() for kind, button in panel.kind_buttons.items()} == {
        "trend": "趋势", "bars": "对比", "funnel": "漏斗", "retention": "留存", "rfm": "RFM", "distribution": "分布"}
