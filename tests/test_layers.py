"""Imports run one way: cli -> commands -> stages -> models/text/links. A lower module never imports a
higher one (a lazy import inside a function counts too); modules of one layer may import each other.

A new module goes into one of LAYERS below; the test fails until it does.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "newsletter"

# Highest first.
LAYERS: dict[str, set[str]] = {
    # The only module that prints or exits.
    "cli": {"cli", "__main__"},
    # What one command does, as a library: the recipe and the commands beside it.
    "commands": {"build", "preview", "send", "export", "convert", "new", "publish"},
    # One stage or input each: plain values in, plain values out.
    "stages": {"load", "frontmatter", "fetch", "readers", "settings", "sort", "images", "render", "compile", "message",
               "check", "buildfolder", "output", "subscribers", "sendlog", "results", "elections", "record",
               "personalise", "delivery", "smtp_settings"},
    # What every stage shares: the data, the errors, text and link rules.
    "models/text/links": {"__init__", "errors", "models", "text", "typography", "links", "colour", "loopback"},
}
RANK = {module: rank for rank, modules in enumerate(reversed(LAYERS.values())) for module in modules}
NAME = {module: layer for layer, modules in LAYERS.items() for module in modules}


def imported(source: str) -> list[tuple[int, str]]:
    """(line, module) for every module of the package that `source` imports."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:  # from .x import y, from . import x
                module = node.module
            elif node.level == 0 and (node.module or "").split(".")[0] == "newsletter":
                module = ".".join(node.module.split(".")[1:])  # type: ignore[union-attr]
            else:
                continue
            names = [module] if module else [alias.name for alias in node.names]
            found += [(node.lineno, name.split(".")[0]) for name in names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[1]) for alias in node.names
                      if alias.name.startswith("newsletter.")]
    return found


def upward_imports(package: Path) -> list[str]:
    """Every import in `package` that reaches up a layer, and every module in no layer, as messages."""
    problems = []
    for path in sorted(package.glob("*.py")) + sorted(package.glob("*/*.py")):
        module = path.stem if path.parent == package else path.parent.name  # a subpackage is one module
        if module not in RANK:
            problems.append(f"{path.name} is in no layer: add it to LAYERS in tests/test_layers.py")
            continue
        for line, name in imported(path.read_text("utf-8")):
            if name in RANK and RANK[name] > RANK[module]:
                problems.append(f"{path.name}:{line}: {module} ({NAME[module]}) imports {name} ({NAME[name]}), "
                                "a higher layer: move the shared rule down")
    return problems


def test_no_module_imports_a_higher_layer():
    assert upward_imports(PACKAGE) == []


def test_every_module_of_a_layer_exists():
    """A layer naming a module that is gone (renamed, split) would hide the new one's imports."""
    modules = {path.stem for path in PACKAGE.glob("*.py")}
    modules |= {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    assert set(RANK) - modules == set()


@pytest.mark.parametrize(
    ("module", "source", "problem"),
    [
        ("models", "from .cli import app\n", "models.py:1: models (models/text/links) imports cli (cli)"),
        ("render", "def f():\n    from . import build\n", "render.py:2: render (stages) imports build (commands)"),
        ("text", "import newsletter.check\n", "text.py:1: text (models/text/links) imports check (stages)"),
        ("check", "from newsletter.send import x\n", "check.py:1: check (stages) imports send (commands)"),
    ],
)
def test_an_upward_import_is_found(tmp_path, module, source, problem):
    (tmp_path / f"{module}.py").write_text(source)
    [found] = upward_imports(tmp_path)
    assert found.startswith(problem)


def test_an_import_down_or_across_passes(tmp_path):
    (tmp_path / "cli.py").write_text("from .build import build\nfrom .errors import NewsletterError\n")
    (tmp_path / "render.py").write_text("from .compile import compile_email\nfrom .links import check_link\n")
    assert upward_imports(tmp_path) == []


def test_a_module_in_no_layer_is_named(tmp_path):
    (tmp_path / "gallery.py").write_text("")
    assert upward_imports(tmp_path) == ["gallery.py is in no layer: add it to LAYERS in tests/test_layers.py"]
