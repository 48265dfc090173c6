"""Where the shared sample exports are (as tests/conftest.py says), for the shell's tests."""
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
