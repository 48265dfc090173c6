"""Import tests assert the English sentences: pin the error language (other tests may switch it)."""
import pytest

from workbench import errors


@pytest.fixture(autouse=True)
def english_sentences():
    previous = errors._language
    errors.set_language("en")
    yield
    errors._language = previous
