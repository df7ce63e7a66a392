"""`newsletter init`: a newsletter's home from the first command, every setting explained, nothing overwritten;
and every command run without a settings file says which defaults it used."""

from __future__ import annotations

import re
import tomllib

from newsletter.models import Brand, Colors, Logo, Sender
from newsletter.send.smtp_settings import SETTINGS as SMTP_SETTINGS
from newsletter.settings import Calendar, IssueDefaults, MeantTk, MoreFrom, Schedule, TrackingTable
from newsletter.words import Words


def test_init_then_build_on_an_empty_folder_works_with_no_further_step(workdir, cli):
    result = cli("init", env={"SOURCE_DATE_EPOCH": "1796083200"})  # 2026-12-01
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:5] == [
        "wrote newsletter.toml",
        "wrote subscribers.csv",
        "wrote .gitignore",
        "wrote issues/2026-12-01/issue.toml",
        "wrote issues/2026-12-01/01-lead.md",
    ]
    assert (workdir / "subscribers.csv").read_text("utf-8") == "email,name\n"
    assert {"build/", "site/"} <= set((workdir / ".gitignore").read_text("utf-8").split())
    result = cli("build")
    assert result.exit_code == 0, result.output
    assert "into build/2026-12-01-issue-1/" in result.output
    assert "note: no newsletter.toml" not in result.output
    assert "TK Headline of this week" in (workdir / "build" / "2026-12-01-issue-1" / "web.html").read_text("utf-8")
    # The example is there to be replaced: check holds the issue back until it is.
    assert cli("check").exit_code == 1


def test_the_settings_file_names_every_setting_with_its_default(workdir, cli):
    assert cli("init", "paper", "--name", 'The "Ballot" Brief').exit_code == 0
    text = (workdir / "paper" / "newsletter.toml").read_text("utf-8")
    data = tomllib.loads(text)
    assert data["brand"]["name"] == 'The "Ballot" Brief'
    tables = {
        "brand": set(Brand.model_fields) - {"colors", "logo", "sender"},
        "brand.colors": set(Colors.model_fields),
        "brand.logo": set(Logo.model_fields),
        "brand.sender": set(Sender.model_fields),
        "issue": set(IssueDefaults.model_fields),
        "tk": set(MeantTk.model_fields),
        "more_from": set(MoreFrom.model_fields),
        "schedule": set(Schedule.model_fields),
        "calendar": set(Calendar.model_fields),
        "tracking": set(TrackingTable.model_fields),
        "smtp": set(SMTP_SETTINGS),
        "words": set(Words.model_fields),
    }
    for table, keys in tables.items():
        header = re.search(rf"^(?:# )?\[{re.escape(table)}\].*$", text, re.M)
        assert header, table
        following = text[header.end() :]
        following = following[: re.search(r"^(?:# )?\[|\Z", following, re.M).start()]
        for key in keys:
            # Each setting on a line of its own, with a comment saying what it does unless the line above does.
            assert re.search(rf"^(?:# )?{key} = .+$", following, re.M), f"[{table}] {key}"
    # Uncommenting every line still reads: the defaults shown are valid values.
    uncommented = re.sub(r"^# (\w+ = )", r"\1", text, flags=re.M).replace("# [tracking]", "[tracking]")
    (workdir / "paper" / "newsletter.toml").write_text(uncommented, "utf-8")
    (issue,) = (workdir / "paper" / "issues").iterdir()
    result = cli("build", str(issue), "--config", "paper/newsletter.toml", "--out", "out")
    assert result.exit_code == 0, result.output


def test_init_never_overwrites_and_says_what_it_kept(workdir, cli):
    (workdir / "newsletter.toml").write_text('[brand]\nname = "Mine"\n', "utf-8")
    (workdir / "issues" / "2026-11-24").mkdir(parents=True)
    result = cli("init")
    assert result.exit_code == 0, result.output
    assert "kept  newsletter.toml (there already)" in result.output
    assert "kept  issues (there already)" in result.output
    assert (workdir / "newsletter.toml").read_text("utf-8") == '[brand]\nname = "Mine"\n'
    assert sorted(path.name for path in (workdir / "issues").iterdir()) == ["2026-11-24"]
    (workdir / "file").write_text("x", "utf-8")
    result = cli("init", "file")
    assert result.exit_code == 1
    assert result.output.startswith("error: file: is a file, not a folder")


def test_a_command_without_settings_says_once_which_defaults_it_used(seed_workdir, cli):
    result = cli("build", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert result.output.count("note: no newsletter.toml here, so the defaults are used") == 1
    assert "`newsletter init` writes a newsletter.toml with every setting explained" in result.output
    result = cli("new", "--date", "2026-12-01")
    assert result.output.count("note: no newsletter.toml here") == 1
    (seed_workdir / "newsletter.toml").write_text('[brand]\nname = "Mine"\n', "utf-8")
    result = cli("build", "seeds", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert "note: no newsletter.toml" not in result.output


def test_the_first_build_says_how_many_placeholders_are_left_and_that_check_names_each(workdir, cli):
    # An editor who builds and pastes hears of the example's TKs from the build itself, counted as check lists them.
    assert cli("init", env={"SOURCE_DATE_EPOCH": "1796083200"}).exit_code == 0
    built = cli("build")
    assert built.exit_code == 0, built.output
    checked = cli("check")
    named = [line for line in checked.output.splitlines() if "still holds" in line]
    assert len(named) == 11, checked.output
    assert built.output.splitlines()[-1] == (
        "11 placeholder(s) left to fill in (TK, unfilled merge tags): `newsletter check build/2026-12-01-issue-1` "
        "names each one"
    )
    elsewhere = cli("build", "--out", "drafts/week")  # built elsewhere: the line names that folder
    assert elsewhere.output.splitlines()[-1].endswith("`newsletter check drafts/week` names each one")
    lead = workdir / "issues" / "2026-12-01" / "01-lead.md"
    filled = "\n".join(line for line in lead.read_text("utf-8").splitlines() if "TK" not in line)
    lead.write_text(filled.replace("---\n\n", "headline: The week\n---\n\nThe story.\n", 1), "utf-8")
    built = cli("build")
    assert built.exit_code == 0, built.output
    assert "placeholder" not in built.output
