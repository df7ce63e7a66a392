"""Imports run one way: cli -> commands -> stages -> models/text/links. A lower module never imports a
higher one (a lazy import inside a function counts too); modules of one layer may import each other.

Layers are stated by folder: a name in LAYERS is a top-level module or a folder of the package, and a folder's
modules share its layer unless a dotted name (`send.run`) places one module of it elsewhere. A new module or
folder goes into one of LAYERS below; the test fails until it does.
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
    "commands": {"build", "preview", "send.run", "export", "importer", "new", "init", "publish"},
    # One stage or input each: plain values in, plain values out.
    "stages": {
        "load",
        "readers",
        "settings",
        "tomlfile",
        "sort",
        "images",
        "render",
        "compile",
        "message",
        "check",
        "buildfolder",
        "picture",
        "storyfile",
        "output",
        "elections",
        "words",
        "notices",
        "send",
    },
    # What every stage shares: the data, the errors, text, header and link rules.
    "models/text/links": {
        "__init__",
        "errors",
        "models",
        "text",
        "headers",
        "typography",
        "links",
        "colour",
        "runtime",
        "patterns",
        "offline",
        "loopback",
    },
}
RANK = {module: rank for rank, modules in enumerate(reversed(LAYERS.values())) for module in modules}
NAME = {module: layer for layer, modules in LAYERS.items() for module in modules}


def placed(dotted: str) -> str | None:
    """The LAYERS entry that places `dotted` (a module's dotted name in the package): the longest that names
    it or a folder holding it."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in RANK:
            return ".".join(parts[:end])
    return None


def dotted_name(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def imported(source: str, dotted: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, dotted module name) for every module of the package that `source` (the module `dotted`) imports."""
    here = dotted.split(".") if is_package else dotted.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level:  # from .x import y, from ..x import y, from . import x
                base = here[: len(here) - (node.level - 1)]
            elif (node.module or "").split(".")[0] == "newsletter":
                base = []
            else:
                continue
            module = node.module if node.level else (node.module or "").removeprefix("newsletter").lstrip(".")
            prefix = base + (module.split(".") if module else [])
            # `from .x import y`: y may be a module of x or a name in it; placed() reads both alike.
            found += [(node.lineno, ".".join(prefix + [alias.name])) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [
                (node.lineno, alias.name.removeprefix("newsletter."))
                for alias in node.names
                if alias.name.startswith("newsletter.")
            ]
    return found


def upward_imports(package: Path) -> list[str]:
    """Every import in `package` that reaches up a layer, and every module in no layer, as messages."""
    problems = []
    for path in sorted(package.rglob("*.py")):
        dotted = dotted_name(path, package)
        shown = path.relative_to(package).as_posix()
        here = placed(dotted)
        if here is None:
            problems.append(f"{shown} is in no layer: add it to LAYERS in tests/test_layers.py")
            continue
        for line, name in imported(path.read_text("utf-8"), dotted, path.name == "__init__.py"):
            there = placed(name)
            if there is not None and RANK[there] > RANK[here]:
                problems.append(
                    f"{shown}:{line}: {here} ({NAME[here]}) imports {there} ({NAME[there]}), "
                    "a higher layer: move the shared rule down"
                )
    return problems


def test_no_module_imports_a_higher_layer():
    assert upward_imports(PACKAGE) == []


def test_every_module_of_a_layer_exists():
    """A layer naming a module that is gone (renamed, split) would hide the new one's imports."""
    modules = {dotted_name(path, PACKAGE) for path in PACKAGE.rglob("*.py")}
    assert set(RANK) - modules == set()


@pytest.mark.parametrize(
    ("module", "source", "problem"),
    [
        ("models", "from .cli import app\n", "models.py:1: models (models/text/links) imports cli (cli)"),
        ("render", "def f():\n    from . import build\n", "render.py:2: render (stages) imports build (commands)"),
        ("text", "import newsletter.check\n", "text.py:1: text (models/text/links) imports check (stages)"),
        ("check", "from newsletter.send.run import x\n", "check.py:1: check (stages) imports send.run (commands)"),
    ],
)
def test_an_upward_import_is_found(tmp_path, module, source, problem):
    (tmp_path / f"{module}.py").write_text(source)
    [found] = upward_imports(tmp_path)
    assert found.startswith(problem)


def test_a_folder_module_importing_its_folders_command_is_found(tmp_path):
    (tmp_path / "send").mkdir()
    (tmp_path / "send" / "__init__.py").write_text("")
    (tmp_path / "send" / "run.py").write_text("from .delivery import deliver\n")
    (tmp_path / "send" / "delivery.py").write_text("from ..errors import SendError\nfrom .run import plan\n")
    assert upward_imports(tmp_path) == [
        "send/delivery.py:2: send (stages) imports send.run (commands), a higher layer: move the shared rule down"
    ]


def test_a_stage_folder_module_importing_a_command_is_found(tmp_path):
    (tmp_path / "render").mkdir()
    (tmp_path / "render" / "__init__.py").write_text("from .text import render_text\n")
    (tmp_path / "render" / "text.py").write_text("from newsletter.links import check_link\nfrom ..build import x\n")
    assert upward_imports(tmp_path) == [
        "render/text.py:2: render (stages) imports build (commands), a higher layer: move the shared rule down"
    ]


def test_an_import_down_or_across_passes(tmp_path):
    (tmp_path / "cli.py").write_text("from .build import build\nfrom .errors import NewsletterError\n")
    (tmp_path / "render.py").write_text("from .compile import compile_email\nfrom .links import check_link\n")
    assert upward_imports(tmp_path) == []


def test_a_module_in_no_layer_is_named(tmp_path):
    (tmp_path / "gallery.py").write_text("")
    assert upward_imports(tmp_path) == ["gallery.py is in no layer: add it to LAYERS in tests/test_layers.py"]


# A module holds one concern; past this many lines it holds several and is split into a folder of rooms, as
# render/ and check/ were.
MOST_LINES = 600


def test_no_module_is_over_600_lines():
    sizes = {
        path.relative_to(PACKAGE).as_posix(): len(path.read_text("utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    over = {name: size for name, size in sizes.items() if size > MOST_LINES}
    assert over == {}, f"split these into rooms of at most {MOST_LINES} lines: {over}"
