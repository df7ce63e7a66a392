"""Sorting stories into an issue: the lead, the sections, the metadata, repeats and warnings."""

import datetime as dt
import json
import shutil

import pytest
from golden import DATE, EXAMPLE, SEED, SEEDS

from newsletter.build import issue_json, make_issue
from newsletter.errors import InputError


def story(headline: str, **front: object) -> str:
    lines = [f"headline: {json.dumps(headline)}"] + [f"{k}: {json.dumps(v)}" for k, v in front.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\nThe first sentence of " + headline + ". More.\n"


def test_a_markdown_story_titled_from_its_body_says_so(tmp_path):
    (tmp_path / "lead.md").write_text(story("The lead story"))
    (tmp_path / "untitled.md").write_text("---\nurl: https://news.example.org/u\n---\n\nTurnout rose. More.\n")
    issue = make_issue(tmp_path, date=DATE).issue
    [notice] = [notice for notice in issue.warnings if notice.message.startswith("no headline")]
    assert str(notice) == (
        f"{tmp_path / 'untitled.md'}:1: no headline: the first sentence of its body stands in "
        "as its title (Turnout rose.)"
    )
    assert notice.hint == "give it a headline"


def test_seed_issue_shape():
    issue = make_issue(SEEDS, date=DATE).issue
    assert issue.brand.name == "GZERO Media"
    assert issue.lead.headline == "Zelensky asks the West (again) for expanded weapon use"
    assert [(s.heading, len(s.stories)) for s in issue.sections] == [("More from GZERO Media", 5)]
    assert issue.subject == issue.lead.headline
    assert issue.preheader == (
        "President Volodymyr Zelensky is urging Western allies to lift restrictions on his forces using weapons…"
    )
    assert len(issue.preheader) < 110


def test_items_without_headline_show_their_teasers_first_sentence_and_warn():
    issue = make_issue(SEEDS, date=DATE).issue
    first = issue.sections[0].stories[0]
    assert first.headline == (
        "Elon Musk, the world’s wealthiest person, has thrown his full weight behind former President Donald Trump’s…"
    )
    assert first.headline_derived
    messages = [str(w) for w in issue.warnings]
    expected = f"{SEED}:19: no headline: the first sentence of its teaser stands in as its title ({first.headline})"
    assert expected in messages
    assert sum("no headline" in m for m in messages) == 5
    assert sum("no link" in m for m in messages) == 6


def test_markdown_issue_lead_and_sections():
    issue = make_issue(EXAMPLE, date=DATE).issue
    assert issue.lead.headline == "Colombia’s runoff turns on turnout in the Caribbean coast"
    assert issue.number == 48
    assert issue.subject == "Runoff week: Bogotá votes, Brussels waits"
    assert [(s.heading, [x.headline for x in s.stories]) for s in issue.sections] == [
        ("Geopolitics", [
            "Brussels delays its verdict on the next enlargement round",
            "Sahel talks: mediators try again in Lomé",
        ]),
        ("Elections", [
            "Japan’s prime minister floats a snap election for February",
            "Explainer: how a runoff count works, step by step",
        ]),
    ]  # fmt: skip


def test_priority_orders_within_a_section_then_source_order(tmp_path):
    (tmp_path / "a.md").write_text(story("Lead story", lead=True))
    (tmp_path / "b.md").write_text(story("Low"))
    (tmp_path / "c.md").write_text(story("High", priority=5))
    (tmp_path / "d.md").write_text(story("Also low"))
    issue = make_issue(tmp_path, date=DATE).issue
    assert [s.headline for s in issue.sections[0].stories] == ["High", "Low", "Also low"]


def test_first_full_story_in_file_name_order_leads(tmp_path):
    (tmp_path / "b.md").write_text(story("Second file"))
    (tmp_path / "a.md").write_text("---\nteaser: An item with no headline.\n---\n")
    (tmp_path / "c.md").write_text(story("Third file"))
    assert make_issue(tmp_path, date=DATE).issue.lead.headline == "Second file"


def test_two_stories_marked_lead_is_an_error_naming_both(tmp_path):
    (tmp_path / "a.md").write_text(story("One", lead=True))
    (tmp_path / "b.md").write_text(story("Two", lead=True))
    with pytest.raises(InputError) as error:
        make_issue(tmp_path, date=DATE)
    assert str(error.value) == (
        f"two stories are marked lead: {tmp_path}/a.md:1 and {tmp_path}/b.md:1; keep `lead: true` on one"
    )


def test_issue_toml_picks_the_lead_and_metadata(tmp_path):
    (tmp_path / "a.md").write_text(story("One"))
    (tmp_path / "b.md").write_text(story("Two"))
    (tmp_path / "issue.toml").write_text(
        'lead = "b.md"\nsubject = "Subject line"\npreheader = "Pre"\ndate = 2026-12-01\nnumber = 7\n'
    )
    issue = make_issue(tmp_path).issue
    assert (issue.lead.headline, issue.subject, issue.preheader, issue.date, issue.number) == (
        "Two",
        "Subject line",
        "Pre",
        dt.date(2026, 12, 1),
        7,
    )
    assert issue.slug == "2026-12-01-issue-7"


@pytest.mark.parametrize(
    ("subject", "folder"),
    [
        ("Ελληνικά νέα", "2026-11-24-ellinika-nea"),
        ("الأخبار اليوم", "2026-11-24-lkhbr-lywm"),
        ("ニュース速報", "2026-11-24-niyusu-su-bao"),
        ("Straße 🎉 €5", "2026-11-24-strasse-5"),  # a letter is spelled out, a symbol left out
    ],
)
def test_an_unnumbered_issue_is_named_by_its_subject_in_latin_letters(tmp_path, subject, folder):
    (tmp_path / "a.md").write_text(story("One"))
    (tmp_path / "issue.toml").write_text(f"subject = {json.dumps(subject, ensure_ascii=False)}\n")
    assert make_issue(tmp_path, date=DATE).issue.slug == folder


def test_a_story_marked_lead_that_issue_toml_outranks_is_named(tmp_path):
    (tmp_path / "01-lead.md").write_text(story("The example lead"))
    (tmp_path / "02-page.md").write_text(story("The imported lead", lead=True))
    (tmp_path / "issue.toml").write_text('number = 2\nlead = "01-lead.md"\n')
    issue = make_issue(tmp_path, date=DATE).issue
    assert issue.lead.headline == "The example lead"
    [notice] = [notice for notice in issue.warnings if "lead: true" in notice.message]
    assert notice.advised() == (
        f"{tmp_path / '02-page.md'}:1: says `lead: true`, but {tmp_path / 'issue.toml'}:2 names 01-lead.md as the "
        "lead: this story goes in a section; to make it the lead, write its file name in `lead` there; else delete "
        "its `lead: true` (The imported lead)"
    )


def test_a_page_issue_toml_names_as_the_lead_leaves_its_more_from_items_unblamed(tmp_path):
    """The items of a "More from" list a pasted page ends with come from its file too: they go in a section without a
    word, as they do under a page marked lead by its position; none of them said `lead: true`."""
    (tmp_path / "01-a.md").write_text(story("One"))
    page = "Budget talks end without a deal\n\nThe talks ended on Sunday night without a deal on the budget.\n\n"
    more = "More from The Ballot Brief\n\nFirst story title here\n\nSecond story title here\n"
    (tmp_path / "02-page.txt").write_text(page + more)
    (tmp_path / "issue.toml").write_text('lead = "02-page.txt"\n[brand]\nname = "The Ballot Brief"\n')
    issue = make_issue(tmp_path, date=DATE).issue
    assert issue.lead.headline == "Budget talks end without a deal"
    assert [s.headline for s in issue.sections[0].stories] == [
        "One",
        "First story title here",
        "Second story title here",
    ]
    assert [notice.message for notice in issue.warnings if "lead: true" in notice.message] == []


RESULTS = "\n```results\ncandidate,votes\nAna Pérez,11281013\nLuis Gómez,10580412\n```\n"


@pytest.mark.parametrize("layout", ["card", "full"])
def test_a_results_table_the_email_leaves_out_of_a_card_is_named(tmp_path, layout):
    (tmp_path / "a.md").write_text(story("The lead", lead=True))
    (tmp_path / "b.md").write_text(story("The count", layout=layout) + RESULTS)
    issue = make_issue(tmp_path, date=DATE).issue
    found = [notice.advised() for notice in issue.warnings if "results table" in notice.message]
    assert found == (
        [
            f"{tmp_path / 'b.md'}:1: its results table is on the web version only: the email and the plain text show "
            "the story as a card; write `layout: full` in its front matter to put the table in the email (The count)"
        ]
        if layout == "card"
        else []
    )


def test_date_option_beats_issue_toml(tmp_path):
    (tmp_path / "a.md").write_text(story("One"))
    (tmp_path / "issue.toml").write_text("date = 2026-12-01\n")
    assert make_issue(tmp_path, date=DATE).issue.date == DATE


def test_the_caller_says_what_today_is_and_the_environment_does_not(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text(story("One"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")  # read by the command line only
    assert make_issue(tmp_path, today=dt.date(2026, 12, 1)).issue.date == dt.date(2026, 12, 1)


def test_same_story_twice_is_kept_once(tmp_path):
    (tmp_path / "a.md").write_text(story("Lead", lead=True))
    (tmp_path / "b.md").write_text(story("Café talks", url="https://example.org/x"))
    (tmp_path / "c.md").write_text(story("CAFÉ  TALKS"))
    (tmp_path / "d.md").write_text(story("Other headline", url="https://example.org/x/"))
    issue = make_issue(tmp_path, date=DATE).issue
    assert [s.headline for s in issue.sections[0].stories] == ["Café talks"]
    repeats = [str(w) for w in issue.warnings if "the same story twice" in w.message]
    assert repeats == [
        f"{tmp_path}/c.md:1: the same story twice: kept the one from {tmp_path}/b.md:1 (CAFÉ  TALKS)",
        f"{tmp_path}/d.md:1: the same story twice: kept the one from {tmp_path}/b.md:1 (Other headline)",
    ]


def test_several_pages_first_leads_others_join_more_from_and_repeats_drop(tmp_path):
    shutil.copy(SEED, tmp_path / "1.txt")
    (tmp_path / "2.txt").write_text(
        "Second page headline\n\nIts first paragraph. Another sentence.\n\nSecond paragraph.\n\n"
        "More from GZERO Media\n\n" + SEED.read_text().split("More from GZERO Media\n\n")[1]
    )
    issue = make_issue(tmp_path, date=DATE).issue
    assert issue.lead.headline == "Zelensky asks the West (again) for expanded weapon use"
    items = issue.sections[0].stories
    assert len(items) == 6
    assert items[5].headline == "Second page headline"
    assert items[5].teaser == "Its first paragraph. Another sentence."
    assert sum("the same story twice" in w.message for w in issue.warnings) == 5


def test_image_without_alt_or_caption_warns(tmp_path):
    (tmp_path / "a.md").write_text(story("Lead", url="https://e.org", image="https://e.org/i.jpg"))
    issue = make_issue(tmp_path, date=DATE).issue
    assert [w.message for w in issue.warnings] == ["no alt text: describe the image for readers who cannot see it"]


def test_brand_settings_from_newsletter_toml_and_issue_overrides(tmp_path):
    (tmp_path / "a.md").write_text(story("Lead"))
    (tmp_path / "issue.toml").write_text('[brand]\nname = "Override"\n')
    config = tmp_path / "newsletter.toml"
    config.write_text('[brand]\nname = "Base"\nmore_from = "Also this week"\n[brand.colors]\naccent = "#005a9c"\n')
    (tmp_path / "b.md").write_text(story("Item"))
    issue = make_issue(tmp_path, date=DATE, config=config).issue
    assert (issue.brand.name, issue.brand.colors.accent) == ("Override", "#005a9c")
    assert issue.sections[0].heading == "Also this week"


def test_unknown_brand_setting_is_an_error(tmp_path):
    (tmp_path / "a.md").write_text(story("Lead"))
    config = tmp_path / "newsletter.toml"
    config.write_text('[brand]\nnmae = "Base"\n')
    with pytest.raises(InputError, match=r"newsletter\.toml:2: \[brand\] nmae: extra inputs are not permitted"):
        make_issue(tmp_path, date=DATE, config=config)


def test_issue_json_reads_back_into_the_same_issue():
    from newsletter.models import Issue

    issue = make_issue(EXAMPLE, date=DATE).issue
    assert Issue.model_validate_json(issue_json(issue)) == issue


def sectioned(tmp_path, toml: str = ""):
    (tmp_path / "a.md").write_text(story("Lead story", lead=True))
    (tmp_path / "b.md").write_text(story("Ballots", section="Elections"))
    (tmp_path / "c.md").write_text(story("Borders", section="Geopolitics"))
    (tmp_path / "d.md").write_text(story("Markets", section="Economy"))
    (tmp_path / "e.md").write_text(story("Runoff", section="Elections"))
    if toml:
        (tmp_path / "issue.toml").write_text(toml)
    return tmp_path


def test_sections_in_issue_toml_order_the_sections(tmp_path):
    issue = make_issue(sectioned(tmp_path, 'sections = ["Geopolitics", "Economy", "Elections"]\n'), date=DATE).issue
    assert [(s.heading, [x.headline for x in s.stories]) for s in issue.sections] == [
        ("Geopolitics", ["Borders"]),
        ("Economy", ["Markets"]),
        ("Elections", ["Ballots", "Runoff"]),
    ]
    assert not [w for w in issue.warnings if "section" in w.message]


def test_without_sections_they_follow_their_first_story(tmp_path):
    issue = make_issue(sectioned(tmp_path), date=DATE).issue
    assert [s.heading for s in issue.sections] == ["Elections", "Geopolitics", "Economy"]


def test_a_section_the_list_leaves_out_follows_the_listed_ones_and_is_named(tmp_path):
    issue = make_issue(sectioned(tmp_path, 'sections = ["Economy", "Elections"]\n'), date=DATE).issue
    assert [s.heading for s in issue.sections] == ["Economy", "Elections", "Geopolitics"]
    assert (
        f"{tmp_path}/c.md:1: section 'Geopolitics' is not in issue.toml's sections: it follows the listed "
        "ones; add it to the list to place it" in [str(w) for w in issue.warnings]
    )


def test_unknown_section_name_is_an_error_naming_its_line(tmp_path):
    toml = 'subject = "Runoff week"\nsections = [\n  "Geopolitics",\n  "Elektions",\n]\n'
    with pytest.raises(InputError) as error:
        make_issue(sectioned(tmp_path, toml), date=DATE)
    assert str(error.value) == (
        f"{tmp_path}/issue.toml:4: sections names 'Elektions', which no story has: did you mean 'Elections'? "
        "the stories' sections are 'Elections', 'Geopolitics', 'Economy'"
    )


def test_an_unknown_section_name_in_an_issue_of_the_lead_alone_says_there_are_none_yet(tmp_path):
    """A fresh issue (`newsletter new`: the lead alone) whose issue.toml lists a section: the message ended "the
    stories' sections are " and nothing after it."""
    (tmp_path / "a.md").write_text(story("Lead story", lead=True))
    (tmp_path / "issue.toml").write_text('sections = ["Elections"]\n')
    with pytest.raises(InputError) as error:
        make_issue(tmp_path, date=DATE)
    assert str(error.value) == (
        f"{tmp_path}/issue.toml:1: sections names 'Elections', which no story has: no story but the lead has a "
        "section yet (a story's `section:` gives it one)"
    )


def test_a_listed_section_only_the_lead_has_shows_no_heading_and_keeps_its_place(workdir, cli):
    """The lead stands above the sections: a listed section left with the lead alone (the desk's "Make lead" on its
    only story) builds with no heading for it, and takes its listed place again once another story has it."""
    sectioned(workdir, 'subject = "Runoff week"\nsections = ["Economy", "Elections", "Geopolitics"]\n')
    (workdir / "a.md").write_text(story("Lead story", lead=True, section="Economy"))
    (workdir / "d.md").unlink()
    result = cli("build", ".", "--out", "out")
    assert result.exit_code == 0, result.output
    text = (workdir / "out" / "email.txt").read_text("utf-8")
    assert "Economy\n-------" not in text
    assert text.index("Elections\n---------") < text.index("Geopolitics\n-----------")
    assert "section" not in result.output
    (workdir / "d.md").write_text(story("Markets", section="Economy"))
    issue = make_issue(workdir, date=DATE).issue
    assert [s.heading for s in issue.sections] == ["Economy", "Elections", "Geopolitics"]


def test_a_listed_more_from_heading_the_lead_alone_has_is_no_error(tmp_path):
    """A lead with no section is under "More from <brand>" by default: listed, and left with the lead alone, it shows
    no heading, as a named section does (it was "which no story has", though the lead has it)."""
    sectioned(tmp_path, 'sections = ["Elections", "More from The Brief", "Economy"]\n[brand]\nname = "The Brief"\n')
    issue = make_issue(tmp_path, date=DATE).issue
    assert issue.lead.headline == "Lead story"
    assert [s.heading for s in issue.sections] == ["Elections", "Economy", "Geopolitics"]


@pytest.mark.parametrize("value", ['"Elections"', '["Elections", 3]', '["Elections", "Elections"]'])
def test_sections_that_are_not_a_list_of_names_are_an_error(tmp_path, value):
    with pytest.raises(InputError) as error:
        make_issue(sectioned(tmp_path, f"number = 4\nsections = {value}\n"), date=DATE)
    assert str(error.value).startswith(f"{tmp_path}/issue.toml:2: sections ")


def test_priority_then_file_name_orders_stories_across_files(tmp_path):
    (tmp_path / "a.md").write_text(story("Lead story", lead=True))
    (tmp_path / "z.md").write_text(story("Zed"))
    (tmp_path / "m.md").write_text(story("Em", priority=-2))
    (tmp_path / "k.md").write_text(story("Kay"))
    (tmp_path / "x.md").write_text(story("Ex", priority=3))
    assert [s.headline for s in make_issue(tmp_path, date=DATE).issue.sections[0].stories] == ["Ex", "Kay", "Zed", "Em"]


@pytest.mark.parametrize(
    ("opening", "preheader"),
    [
        # An AP dateline: the state's abbreviation is no sentence's end
        (
            "HAYWARD, Calif. (AP) — A man was stabbed on a commuter train. Police are looking for a suspect.",
            "HAYWARD, Calif. (AP) — A man was stabbed on a commuter train.",
        ),
        # A German date: "15. November" is the fifteenth of November
        (
            "Noch bis zum 15. November läuft die Bewerbungsfrist für das Stipendium. Bewerben können sich Tandems.",
            "Noch bis zum 15. November läuft die Bewerbungsfrist für das Stipendium.",
        ),
        # A quotation's full stop is no end of the sentence quoting it
        (
            "South Dakota says, 'Meth. We're on it,' and Twitter asks if they are OK. The campaign cost $449,000.",
            "South Dakota says, ‘Meth. We’re on it,’ and Twitter asks if they are OK.",
        ),
        (
            'The minister said: "We will not move. Not now." The talks end on Friday.',
            "The minister said: “We will not move. Not now.”",
        ),
    ],
    ids=["ap-dateline", "german-date", "single-quotes", "double-quotes"],
)
def test_the_preheader_is_the_leads_whole_first_sentence(tmp_path, opening, preheader):
    (tmp_path / "lead.md").write_text(f"---\nheadline: The lead story\n---\n\n{opening}\n", "utf-8")
    assert make_issue(tmp_path, date=DATE).issue.preheader == preheader
