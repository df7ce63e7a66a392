"""The code style the project holds itself to: ruff's rules (the one that only send/delivery.py talks SMTP
among them), ruff's formatting, and mypy --strict over the package."""

import importlib.util
import re
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


def test_ruff_format_changes_nothing():
    beside = Path(sys.executable).parent / "ruff"
    ruff = str(beside) if beside.exists() else shutil.which("ruff")
    if ruff is None:
        pytest.fail("ruff is missing: pip install -e '.[test]'")
    command = [ruff, "format", "--check", "newsletter", "tests", "bench"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, "run `ruff format newsletter tests bench`:\n" + result.stdout + result.stderr


def test_mypy_strict_finds_nothing():
    """The package type-checks strictly ([tool.mypy] in pyproject.toml); each `# type: ignore` says why."""
    if importlib.util.find_spec("mypy") is None:
        pytest.fail("mypy is missing: pip install -e '.[test]'")
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    unexplained = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "newsletter").rglob("*.py"))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if re.search(r"# type: ignore(\[[\w,-]+\])?\s*$", line)
    ]
    assert unexplained == [], "say why after the ignore: # type: ignore[code]  # why"
