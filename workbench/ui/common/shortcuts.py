"""Window-wide keys that pages also name in their tooltips. Each is a key no platform's text editing
uses (tests/shell/test_shortcuts_clear_of_text_editing.py), so it works with the cursor in the capture
bar or a form field. Not Ctrl+Shift+U: GTK and IBus take it to type a Unicode code point."""

EXPORT_WEEK = "Ctrl+Shift+R"  # R: 复盘 / review (not Ctrl+E: end of line in a Linux text field)
START_TRIAGE = "Ctrl+Shift+T"  # T: triage / 分拣
IMPORT_USERS = "Ctrl+Shift+I"  # beside Ctrl+I, the report import
