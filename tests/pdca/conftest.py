"""These tests assert the Chinese titles and notes the app writes: they run with the app in Chinese."""
import pytest


@pytest.fixture(autouse=True)
def chinese_titles(in_chinese):
    yield
