"""The preview builds with the build's own recipe, rendering each output once per save: the file its page
shows first, then the rest from the same rendering."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

from golden import DATE, ROOT

import newsletter.compile
import newsletter.render.markup
import newsletter.render.outputs
from newsletter.build import make_issue, render_files
from newsletter.preview import Preview


def counted(monkeypatch) -> Counter[str]:
    """Every template run by name, every MJML compile and every plain-text render, counted as they happen."""
    counts: Counter[str] = Counter()
    run_template, compile_email = newsletter.render.markup.run_template, newsletter.compile.compile_email
    render_text = newsletter.render.outputs.render_text

    def counting_run(env, name, values):  # type: ignore[no-untyped-def]
        counts[name] += 1
        return run_template(env, name, values)

    def counting_compile(*args, **kwargs):  # type: ignore[no-untyped-def]
        counts["compile"] += 1
        return compile_email(*args, **kwargs)

    def counting_text(*args, **kwargs):  # type: ignore[no-untyped-def]
        counts["text"] += 1
        return render_text(*args, **kwargs)

    monkeypatch.setattr(newsletter.render.markup, "run_template", counting_run)
    monkeypatch.setattr(newsletter.compile, "compile_email", counting_compile)
    monkeypatch.setattr(newsletter.render.outputs, "render_text", counting_text)
    return counts


ONCE = {"email/base.mjml": 1, "email/inline.css": 1, "compile": 1, "text": 1, "web/page.html": 1}


def test_each_save_renders_the_email_text_and_web_page_once_whichever_the_page_shows(tmp_path, monkeypatch):
    source = Path(shutil.copytree(ROOT / "examples" / "markdown-issue", tmp_path / "issue"))
    counts = counted(monkeypatch)
    preview = Preview(source, date=DATE)
    try:
        for wanted in ("email.html", "email.txt", "web.html"):
            preview.wanted = wanted
            story = next(path for path in sorted(source.glob("*.md")))
            story.write_text(story.read_text("utf-8").replace("\n\n", f"\n\nSaved for {wanted}.\n\n", 1), "utf-8")
            counts.clear()
            event = preview.rebuild()
            assert event is not None and event.error is None, event
            assert dict(counts) == ONCE, wanted
            # What the page shows is what `newsletter build` writes, byte for byte.
            assert preview.shown is not None
            built = render_files(make_issue(source, date=DATE))
            assert preview.shown.files[wanted] == built[wanted]
    finally:
        preview.close()
