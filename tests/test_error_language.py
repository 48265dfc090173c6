"""One translation path for what the user reads from feature code: errors.in_language picks the
Chinese or the English sentence (UserError.sentence goes through it), following the UI language."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import workbench
from workbench import errors
from workbench.errors import UserError, in_language


@pytest.fixture
def restore_language():
    before = errors._language
    yield
    errors._language = before


def test_a_user_error_follows_the_language_the_window_sets(restore_language):
    error = UserError("文件已损坏。", "The file is damaged.")
    errors.set_language("zh_CN")
    assert (error.sentence, str(error), in_language("是", "yes")) == ("文件已损坏。", "文件已损坏。", "是")
    errors.set_language("en")
    assert (error.sentence, str(error), in_language("是", "yes")) == ("The file is damaged.", "The file is damaged.", "yes")


def test_no_module_picks_a_language_of_its_own():
    # `zh if current_language() == "zh_CN" else en` written anywhere else would be a second path
    picker = re.compile(r'current_language\(\)\s*==\s*"zh_CN"\s+else|if\s+_zh\(\)\s+else')
    package = Path(workbench.__file__).parent
    found = [str(path.relative_to(package)) for path in package.rglob("*.py")
             if path.name != "errors.py" and picker.search(path.read_text(encoding="utf-8"))]
    assert found == []
