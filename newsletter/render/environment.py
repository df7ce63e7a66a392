"""The template environment: where templates are found, compiled once and cached, and run."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsletter.errors import RenderError
from newsletter.words import long_date

if TYPE_CHECKING:
    import jinja2
    import jinja2.bccache

PACKAGE_TEMPLATES = Path(__file__).parent.parent / "templates"  # inside a wheel
SOURCE_TEMPLATES = Path(__file__).parent.parent.parent / "templates"  # in a checkout


def template_dirs() -> list[Path]:
    """An editor's ./templates overrides the packaged ones, file by file (like Pelican's THEME)."""
    dirs = [Path("templates").resolve()]
    dirs += [path for path in (PACKAGE_TEMPLATES, SOURCE_TEMPLATES) if path.is_dir()]
    return list(dict.fromkeys(dirs))


def environment(cache: Path | None = None) -> jinja2.Environment:
    """One environment per template folders: jinja2 then compiles each template once per process
    (recompiling them was most of a warm render) and still reloads a template whose file changed. A file
    added to ./templates changes its folder's mtime, which makes a new environment that can find it.

    With a `cache` folder (the caller's; see cli.cache_folder), compiled templates are kept there between
    runs, as Python keeps .pyc files: a cold build then skips jinja2's compiler (a third of its time).
    """
    dirs = template_dirs()
    overrides = tuple(folder_mtime(dirs[0] / sub) for sub in ("", "email", "web"))
    return cached_environment(tuple(str(path) for path in dirs), overrides, str(cache) if cache else None)


def template_files(names: tuple[str, ...]) -> list[Path]:
    """The files the templates `names` are read from now, and those of every template they include, import or
    extend, found as rendering finds them (an editor's ./templates first). A template named by a variable cannot be
    followed; one that is missing or does not parse is the render's error to name."""
    import jinja2
    import jinja2.meta

    env = environment()
    pending, seen, files = list(names), set(), []
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]  # environment() always sets one
            files += [Path(filename)] if filename else []
            pending += [found for found in jinja2.meta.find_referenced_templates(env.parse(source)) if found]
        except (jinja2.TemplateError, OSError, ValueError):
            continue
    return sorted(set(files))


def folder_mtime(folder: Path) -> int:
    try:
        return folder.stat().st_mtime_ns
    except OSError:
        return 0


@functools.lru_cache(maxsize=4)
def cached_environment(dirs: tuple[str, ...], overrides: tuple[int, ...], cache: str | None) -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(dirs)),
        undefined=jinja2.StrictUndefined,
        # select_autoescape() leaves *.mjml alone: everything that becomes HTML or MJML is escaped.
        autoescape=lambda name: name is None or not name.endswith((".txt", ".css")),
        keep_trailing_newline=True,
        bytecode_cache=template_cache(Path(cache)) if cache else None,
    )
    env.filters["long_date"] = jinja2.pass_context(issue_date)
    return env


def issue_date(values: Any, day: dt.date) -> str:
    """`{{ issue.date | long_date }}`: the date in the language of the brand the template is given (an editor's
    own template too)."""
    brand = values.get("brand")
    return long_date(day, brand.language) if brand is not None else long_date(day)


def template_cache(cache: Path) -> jinja2.BytecodeCache | None:
    """Compiled templates under `cache`/templates. A changed template is compiled again (jinja2 checks its
    source); deleting the folder costs one slower run."""
    import jinja2

    class Cache(jinja2.FileSystemBytecodeCache):
        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                super().dump_bytecode(bucket)
            except OSError:
                pass  # a read-only cache folder: compile on each run, as without a cache

    folder = cache / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return Cache(str(folder))


def shown_path(path: str) -> str:
    """A template's path as the editor names it: relative to the working folder when it lies inside it."""
    full = Path(path)
    return str(full.relative_to(Path.cwd())) if full.is_absolute() and full.is_relative_to(Path.cwd()) else path


def run_template(env: jinja2.Environment, name: str, values: dict[str, Any]) -> str:
    import jinja2

    try:
        return env.get_template(name).render(values)
    except jinja2.TemplateSyntaxError as error:
        raise RenderError(
            f"template error: {error.message}", file=shown_path(error.filename or name), line=error.lineno
        ) from None
    except jinja2.TemplateError as error:
        raise RenderError(f"template {name} failed: {error}") from None
