"""The code style the project holds itself to, including the rule that only send.py talks SMTP."""

import shutil
import subprocess

import pytest
from golden import ROOT


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.fail("ruff is missing: pip install -e '.[test]'")
    result = subprocess.run([ruff, "check", "newsletter", "tests", "bench"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
