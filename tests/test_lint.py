"""The code style the project holds itself to, including the rule that only send.py talks SMTP."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from golden import ROOT


def test_ruff_finds_nothing():
    # The ruff installed beside this interpreter (a venv's bin/, run without activating it), else on PATH.
    beside = Path(sys.executable).parent / "ruff"
    ruff = str(beside) if beside.exists() else shutil.which("ruff")
    if ruff is None:
        pytest.fail("ruff is missing: pip install -e '.[test]'")
    result = subprocess.run([ruff, "check", "newsletter", "tests", "bench"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
