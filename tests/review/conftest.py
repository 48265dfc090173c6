"""These tests assert the Chinese workbook and facts the app writes (English has its own test): they run with the app in Chinese."""
import pytest


@pytest.fixture(autouse=True)
def chinese_titles(in_chinese):
    yield
