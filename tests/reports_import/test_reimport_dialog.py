"""The import dialog (Chinese UI) when no key is sure: it says so and previews what a ticked key would
merge; a keyless re-export is reported as the period it replaced, and undo puts the old rows back."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from tests.reports_import.test_reimport_periods import SALES_HEADER, daily_sales, write_xlsx
from workbench.reports.datasets import get_dataset, read_rows
from workbench.reports.importer import import_file


def open_dialog(main_window, ctx, qtbot, path):
    ctx.events.import_requested.emit(str(path))
    dialog = main_window.import_dialog
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=15000)
    return dialog


def run_import(dialog, qtbot):
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)


def key_box(dialog, name):
    return next(w[5] for w in dialog.rows_widgets if w[0].name == name)


def test_a_corrected_reexport_is_reported_as_replaced_and_undone(main_window, ctx, qtbot, tmp_path):
    rows = daily_sales(30)
    import_file(ctx.db, write_xlsx(tmp_path / "销售日报.xlsx", SALES_HEADER, rows), dataset="销售日报")
    corrected = [list(r) for r in rows]
    corrected[7][2] = 99
    dialog = open_dialog(main_window, ctx, qtbot, write_xlsx(tmp_path / "销售日报_更正.xlsx", SALES_HEADER, corrected))
    assert dialog.key_note.isHidden()  # an existing dataset keeps its way of matching rows
    run_import(dialog, qtbot)
    assert "替换了 2026-10-01 – 2026-10-30 的数据，共 150 行，1 行有改动" in dialog.status.text()
    notes = [dialog.notes_list.item(i).text() for i in range(dialog.notes_list.count())]
    assert any("成交件数" in n and "→ 99" in n for n in notes)
    day = corrected[7][0].isoformat()
    assert 99 in [r["成交件数"] for r in read_rows(ctx.db, "销售日报", where={"日期": day})]
    ctx.undo_stack.undo()
    assert get_dataset(ctx.db, "销售日报").rows == 150
    assert sorted(r["成交件数"] for r in read_rows(ctx.db, "销售日报", where={"日期": day})) == \
        sorted(r[2] for r in rows if r[0].isoformat() == day)
    dialog.close()


def test_without_a_sure_key_the_dialog_asks_and_previews_the_merge(main_window, ctx, qtbot, tmp_path):
    header = ["买家会员名", "买家实际支付金额", "订单创建时间"]
    orders = [[f"mrsoft{n % 40:03d}", 20.0 + n, datetime(2026, 10, 1, 8) + timedelta(hours=3 * n)] for n in range(50)]
    dialog = open_dialog(main_window, ctx, qtbot, write_xlsx(tmp_path / "订单.xlsx", header, orders))
    assert dialog.plan.key_columns == []
    assert not dialog.key_note.isHidden() and "没有哪一列能确定地识别一行" in dialog.key_note.text()
    key_box(dialog, "买家会员名").setChecked(True)
    assert "按“买家会员名”合并：前 50 行里有 10 行与前面某行的主键相同，会合并成一行（例如 mrsoft000、mrsoft001、mrsoft002）" \
        in dialog.key_note.text()
    key_box(dialog, "买家会员名").setChecked(False)
    run_import(dialog, qtbot)
    info = get_dataset(ctx.db, "订单")
    assert info.key_columns == [] and info.rows == 50
    dialog.close()


def test_a_key_the_operator_ticks_is_used(main_window, ctx, qtbot, tmp_path):
    header = ["客户", "消费时间", "金额"]
    rows = [[f"客户{n}", datetime(2026, 10, 1, 9) + timedelta(hours=n), 100.0 + n] for n in range(12)]
    dialog = open_dialog(main_window, ctx, qtbot, write_xlsx(tmp_path / "消费.xlsx", header, rows))
    assert dialog.plan.key_columns == []
    key_box(dialog, "客户").setChecked(True)
    assert "按“客户”合并：前 12 行里没有重复的值" in dialog.key_note.text()
    run_import(dialog, qtbot)
    assert get_dataset(ctx.db, "消费").key_columns == ["客户"]
    dialog.close()


def test_the_merge_preview_masks_phones(main_window, ctx, qtbot, tmp_path):
    header = ["联系手机", "实付金额", "下单时间"]
    rows = [[f"1381234{n % 5:04d}", 10.0 + n, datetime(2026, 10, 1, 9) + timedelta(hours=n)] for n in range(12)]
    dialog = open_dialog(main_window, ctx, qtbot, write_xlsx(tmp_path / "电话订单.xlsx", header, rows))
    key_box(dialog, "联系手机").setChecked(True)
    assert "有 7 行" in dialog.key_note.text() and "13812340000" not in dialog.key_note.text()
    assert "138****0000" in dialog.key_note.text()
    dialog.close()
