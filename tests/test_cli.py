"""The command line as an editor uses it: build, import, help, and bad input."""

import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from golden import EXAMPLE


def test_build_writes_issue_and_prints_summary(seed_workdir, cli):
    result = cli("build", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    out = seed_workdir / "build" / "2026-11-24-zelensky-asks-the-west-again-for-expanded-weapon"
    assert (out / "issue.json").is_file()
    assert f"into build/{out.name}/" in result.output
    assert "lead: Zelensky asks the West (again) for expanded weapon use" in result.output
    assert "More from GZERO Media: 5 item(s)" in result.output
    # Warnings grouped by kind, what a reader would see wrong first; --verbose lists every one.
    warnings = result.output.split("17 warning(s) of 3 kind(s) to fix before sending:\n")[1].splitlines()[:4]
    assert [line.split(":")[0] for line in warnings[:3]] == ["  no headline", "  no link", "  no image src"]
    assert warnings[0].startswith("  no headline: 5 stories in seeds/000_d493ddfd58091a34.txt, lines 19 (Elon Musk")
    assert warnings[0].endswith(" and 2 more")
    assert warnings[3] == "  (newsletter build --verbose lists every one)"
    every = cli("build", "--date", "2026-11-24", "--verbose")
    assert "seeds/000_d493ddfd58091a34.txt:29: no headline: the first sentence of its caption" in every.output
    assert len([line for line in every.output.splitlines() if ": no link: add its url" in line]) == 6
    # One line per file written, names padded to the longest so the sizes stand in one column.
    sizes = [line for line in result.output.splitlines() if line.endswith((" KB", " B"))]
    assert len(sizes) >= 9 and len({len(line) for line in sizes}) == 1, sizes
    assert "  email.tokens.html " in result.output


def test_build_is_byte_identical_for_the_same_input_and_date(seed_workdir, cli):
    cli("build", "--out", "one", "--date", "2026-11-24")
    cli("build", "--out", "two", "--date", "2026-11-24")
    names = sorted(p.name for p in (seed_workdir / "one").iterdir())
    assert "issue.json" in names
    assert names == sorted(p.name for p in (seed_workdir / "two").iterdir())
    for name in names:
        assert (seed_workdir / "one" / name).read_bytes() == (seed_workdir / "two" / name).read_bytes(), name


def legacy_locale(kind: str, tmp_path: Path) -> dict[str, str]:
    """The environment of a shell whose locale's encoding is not UTF-8: C without Python's UTF-8 mode (ASCII), or
    de_DE.ISO-8859-1 (LANG=de_DE on an older system), built with localedef into `tmp_path`."""
    if kind == "ascii":
        return {"LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}
    if shutil.which("localedef"):
        subprocess.run(
            ["localedef", "-i", "de_DE", "-f", "ISO-8859-1", str(tmp_path / "de_DE.ISO-8859-1")],
            capture_output=True,
            check=False,
        )
    if not (tmp_path / "de_DE.ISO-8859-1").is_dir():
        pytest.skip("localedef cannot make de_DE.ISO-8859-1 here (Debian's locales package)")
    return {"LC_ALL": "de_DE.ISO-8859-1", "LOCPATH": str(tmp_path), "PYTHONUTF8": "0"}


@pytest.mark.parametrize("kind", ["ascii", "latin-1"])
def test_build_is_byte_identical_under_a_locale_that_is_not_utf8(kind, workdir, tmp_path):
    """A story named `01-l’élection-à-bogotá.md` with its photo `rallye-à-bogotá.jpg`, built by an editor whose
    shell says LANG=de_DE (Latin-1): Python read the names in Latin-1 and refused the story ('the name holds a line
    break or an invisible control character'; under C, 'is not valid UTF-8'), and a headline with a curly quote was
    an internal error once the build was written. Now the command runs in Python's UTF-8 mode: the same files as
    under a UTF-8 locale, and its report in the shell's own encoding."""
    from PIL import Image

    issue = workdir / "issue"
    shutil.copytree(EXAMPLE, issue)
    Image.new("RGB", (1200, 675), (40, 90, 160)).save(issue / "rallye-à-bogotá.jpg")
    lead = (issue / "01-colombia-runoff.md").read_text("utf-8")
    lead = lead.replace("https://images.example.org/2026/11/bogota-rally.jpg", "rallye-à-bogotá.jpg")
    (issue / "01-l’élection-à-bogotá.md").write_text(lead, "utf-8")
    (issue / "01-colombia-runoff.md").unlink()
    toml = (issue / "issue.toml").read_text("utf-8").replace("01-colombia-runoff.md", "01-l’élection-à-bogotá.md")
    (issue / "issue.toml").write_text(toml, "utf-8")
    legacy = legacy_locale(kind, tmp_path)
    ran = {}
    for name, env in (("utf8", {"LC_ALL": "C.UTF-8"}), ("legacy", legacy)):
        command = [sys.executable, "-m", "newsletter", "build", "issue", "--date", "2026-11-24", "--out", name]
        ran[name] = subprocess.run(command, env=os.environ | env, capture_output=True, timeout=300)
        assert ran[name].returncode == 0, ran[name].stderr.decode("utf-8", "backslashreplace")
    assert ran["legacy"].stderr == ran["utf8"].stderr  # the note on the defaults used, and no error
    if kind == "latin-1":
        said = ran["legacy"].stdout.decode("latin-1")
        assert said.startswith("Built 'Runoff week: Bogotá votes, Brussels waits' (2026-11-24) into legacy/\n")
        assert "  lead: Colombia\\u2019s runoff turns on turnout in the Caribbean coast\n" in said
    files = sorted(str(path.relative_to(workdir / "utf8")) for path in (workdir / "utf8").rglob("*"))
    assert "images" in files and "build.json" in files
    assert files == sorted(str(path.relative_to(workdir / "legacy")) for path in (workdir / "legacy").rglob("*"))
    for name in files:
        if (workdir / "utf8" / name).is_file():
            assert (workdir / "utf8" / name).read_bytes() == (workdir / "legacy" / name).read_bytes(), name


def test_build_finds_files_saved_with_decomposed_accents(workdir, cli):
    """An issue folder from an older Mac (or a zip made there) keeps `é` in file names as `e` and a combining accent
    (NFD), while issue.toml's `lead` and a story's `image` are typed with one character (NFC). The build said
    `lead = '01-élection-à-bogotá.md' names no story file in the folder (did you mean '01-élection-à-bogotá.md'?)`,
    and then `image 'rallye-à-bogotá.jpg' is not there (... did you mean 'rallye-à-bogotá.jpg'?)`. Now both are
    found: the same email, text and web page as from names saved composed (NFC); issue.json and build.json name each
    file as it is saved."""
    from PIL import Image

    for form in ("NFC", "NFD"):
        story, photo = (
            unicodedata.normalize(form, name) for name in ("01-élection-à-bogotá.md", "rallye-à-bogotá.jpg")
        )
        issue = workdir / f"issue-{form}"
        shutil.copytree(EXAMPLE, issue)
        Image.new("RGB", (1200, 675), (40, 90, 160)).save(issue / photo)
        lead = (issue / "01-colombia-runoff.md").read_text("utf-8")
        lead = lead.replace("https://images.example.org/2026/11/bogota-rally.jpg", "rallye-à-bogotá.jpg")
        (issue / story).write_text(lead, "utf-8")
        (issue / "01-colombia-runoff.md").unlink()
        toml = (issue / "issue.toml").read_text("utf-8").replace("01-colombia-runoff.md", "01-élection-à-bogotá.md")
        (issue / "issue.toml").write_text(toml, "utf-8")
        result = cli("build", f"issue-{form}", "--date", "2026-11-24", "--out", form)
        assert result.exit_code == 0, result.output
        assert "lead: Colombia’s runoff turns on turnout in the Caribbean coast" in result.output
    [made] = (workdir / "NFD" / "images").iterdir()
    assert f"/images/{made.name}" in (workdir / "NFD" / "web.html").read_text("utf-8")
    for name in ("email.html", "email.txt", "web.html", "email.eml", f"images/{made.name}"):
        assert (workdir / "NFD" / name).read_bytes() == (workdir / "NFC" / name).read_bytes(), name


def test_build_rejects_a_bad_date(seed_workdir, cli):
    result = cli("build", "--date", "24/11/2026")
    assert result.exit_code == 2
    assert "'24/11/2026' is not a date like 2026-11-24" in result.output


def test_import_writes_markdown_stories_that_build(seed_workdir, cli):
    result = cli("import", "seeds/000_d493ddfd58091a34.txt", "--to", "issue")
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in (seed_workdir / "issue").iterdir())
    assert files == [
        "01-zelensky-asks-the-west-again-for.md",
        "02-elon-musk-the-worlds-wealthiest-person.md",
        "03-ever-since-1-200-israelis-were-brutally.md",
        "04-acting-director-of-the-u-s-secret.md",
        "05-in-august-the-brutal-rape-and-murder-of.md",
        "06-about-4-million-people-in-the-united.md",
        "issue.toml",
    ]
    item = (seed_workdir / "issue" / "04-acting-director-of-the-u-s-secret.md").read_text()
    assert "headline: ''\nurl: ''\nimage:\n  src: ''\n" in item
    assert "\n6 stories: fill in the empty url and headline and image field(s), then build issue\n" in result.output
    result = cli("build", "issue", "--out", "out", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert "lead: Zelensky asks the West (again) for expanded weapon use" in result.output
    assert "More from GZERO Media: 5 item(s)" in result.output


def test_import_names_only_the_fields_it_left_empty(seed_workdir, cli):
    article = (
        "Voters in three districts of Lyon went back to the polls on Sunday after the first round was annulled by a "
        "court over irregularities in postal ballots.\n\nTurnout rose to 41 percent, up from 35 percent in the "
        "spring, as both lists campaigned hard on housing and the cost of public transport in the city.\n\nThe "
        "outgoing mayor's list won two of the three districts, and the opposition kept the third by 212 votes.\n"
    )
    page = seed_workdir / "page.txt"
    page.write_text(f"---\nurl: https://news.example.org/lyon\n---\nLyon votes again in three districts\n\n{article}")
    result = cli("import", "page.txt", "--to", "issue")
    assert result.exit_code == 0, result.output
    assert "\n1 story: fill in the empty image field(s), then build issue\n" in result.output, result.output


def test_import_refuses_to_overwrite(seed_workdir, cli):
    cli("import", "seeds/000_d493ddfd58091a34.txt", "--to", "issue")
    result = cli("import", "seeds/000_d493ddfd58091a34.txt", "--to", "issue")
    assert result.exit_code == 1
    assert result.output.startswith(
        "error: issue: already holds this page's article: issue/01-zelensky-asks-the-west-again-for.md"
    )


def commands() -> list[str]:
    import typer.main

    from newsletter.cli import app

    return sorted(typer.main.get_command(app).commands)


def test_the_commands_an_editor_needs_are_there():
    assert commands() == ["build", "check", "export", "import", "init", "new", "preview", "publish", "send"]


@pytest.mark.parametrize("command", [[]] + [[name] for name in commands()])
def test_every_command_explains_itself_with_an_example(command, cli):
    result = cli(*command, "--help")
    assert result.exit_code == 0, result.output
    assert "Example" in result.output or not command
    assert "Usage:" in result.output


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


BAD_INPUTS = {
    "empty file": (lambda d: write(d / "in" / "a.txt", b" \n\n"), "error: in/a.txt: is empty"),
    "no stories": (lambda d: write(d / "in" / "notes.pdf", b"%PDF"), "error: in: holds no stories: add .txt"),
    "not utf-8": (
        lambda d: write(d / "in" / "a.txt", "Headline\n\nCaf\u00e9".encode("latin-1")),
        "error: in/a.txt:3: is not UTF-8: byte 0xe9 at byte offset 13; save the file as UTF-8",
    ),
    "front matter": (
        lambda d: write(d / "in" / "a.md", b"---\nheadline: [oops\n---\nBody\n"),
        "error: in/a.md:2: front matter is not valid YAML",
    ),
    "missing path": (lambda d: None, "error: in: no such file or folder"),
    "issue.toml": (
        lambda d: (
            write(d / "in" / "a.md", b"---\nheadline: H\n---\nBody\n"),
            write(d / "in" / "issue.toml", b'subject = "Fine"\nnumber = \n'),
        ),
        "error: in/issue.toml:2: is not valid TOML: Invalid value",
    ),
    "lead that names no file": (
        lambda d: (
            write(d / "in" / "01-lead.md", b"---\nheadline: H\n---\nBody\n"),
            write(d / "in" / "issue.toml", b'subject = "Fine"\nlead = "01-laed.md"\n'),
        ),
        "error: in/issue.toml:2: lead = '01-laed.md' names no story file in the folder (did you mean '01-lead.md'?)",
    ),
    "newsletter.toml": (
        lambda d: (
            write(d / "in" / "a.md", b"---\nheadline: H\n---\nBody\n"),
            write(d / "newsletter.toml", b'[brand\nname = "The Brief"\n'),
        ),
        "error: newsletter.toml:1: is not valid TOML: Expected ']' at the end of a table declaration",
    ),
    "javascript link": (
        lambda d: write(d / "in" / "a.md", b"---\nheadline: H\n---\n\n[x](javascript:alert(1))\n"),
        "error: in/a.md:5: link 'javascript:alert(1)' uses javascript:, only http, https and mailto",
    ),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_is_one_clear_line_and_writes_nothing(seed_workdir, case, cli):
    make, message = BAD_INPUTS[case]
    make(seed_workdir)
    result = cli("build", "in")
    assert result.exit_code == 1
    assert result.output.startswith(message), result.output
    assert result.output.count("\n") == 1
    assert "Traceback" not in result.output
    assert not (seed_workdir / "build").exists()


def test_unreadable_path_is_one_clear_line(seed_workdir, cli):
    (seed_workdir / "loop.txt").symlink_to(seed_workdir / "loop.txt")
    result = cli("build", "loop.txt")
    assert result.exit_code == 1
    assert result.output == "error: loop.txt: cannot be read (Too many levels of symbolic links)\n"
    assert not (seed_workdir / "build").exists()


def test_source_date_epoch_sets_the_date_of_a_build(seed_workdir, cli):
    result = cli("build", env={"SOURCE_DATE_EPOCH": "1764000000"})
    assert result.exit_code == 0, result.output
    assert "(2025-11-24) into build/2025-11-24-zelensky-asks-the-west-again-for-expanded-weapon/" in result.output


def test_a_bad_source_date_epoch_is_one_line(seed_workdir, cli):
    result = cli("build", env={"SOURCE_DATE_EPOCH": "tuesday"})
    assert result.exit_code == 1
    assert result.output == "error: SOURCE_DATE_EPOCH='tuesday' is not a whole number of seconds\n"


def test_verbose_adds_the_traceback_to_that_run_only(seed_workdir, cli):
    verbose = cli("--verbose", "check", "nowhere")
    assert verbose.exit_code == 1
    assert "Traceback (most recent call last)" in verbose.output
    assert verbose.output.endswith("error: nowhere: is not a build folder; run `newsletter build` first\n")
    quiet = cli("check", "nowhere")
    assert quiet.output == "error: nowhere: is not a build folder; run `newsletter build` first\n"


def test_build_in_a_folder_with_no_issue_says_what_to_do(workdir, cli):
    result = cli("build")
    assert result.exit_code == 1
    assert result.output == (
        "error: nothing to build here: no issue under issues/ (nor seeds/); give the issue folder "
        "(issues/2026-12-01), or start a newsletter with `newsletter init`\n"
    )


def test_build_inside_an_issue_folder_names_the_newsletter_folder_to_run_it_in(workdir, cli, monkeypatch):
    (workdir / "newsletter.toml").write_text('[brand]\nname = "The Brief"\n')
    issue = workdir / "issues" / "2026-12-01"
    issue.mkdir(parents=True)
    monkeypatch.chdir(issue)
    result = cli("build")
    assert result.exit_code == 1
    assert result.output == (
        f"error: nothing to build here: no issue under issues/ (nor seeds/); run it in {workdir}, where "
        "newsletter.toml is, or give the issue folder\n"
    )


def test_output_piped_into_head_that_stopped_reading_ends_without_a_word(workdir):
    """`newsletter build ... | head -1`: once head has its line and exits, the next line written met a closed pipe,
    and the editor saw `error: Broken pipe` (exit 1) for a build that went fine. Now the command ends as git's does
    there: nothing on stderr, exit 141 (128 + SIGPIPE), the build written."""
    from golden import EXAMPLE, SLUG

    read, write = os.pipe()
    os.close(read)  # head has exited: every line written from now on meets a closed pipe
    try:
        done = subprocess.run(
            [sys.executable, "-m", "newsletter", "build", str(EXAMPLE), "--date", "2026-11-24"],
            stdout=write,
            stderr=subprocess.PIPE,
            timeout=300,
        )
    finally:
        os.close(write)
    assert done.stderr.decode() == ""
    assert done.returncode == 141
    assert (workdir / "build" / SLUG / "email.html").is_file()
