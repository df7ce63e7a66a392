"""Election blocks: results tables (parsing, email, text, web, in a real Chromium) and the elections calendar."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from golden import DATE, ROOT

from newsletter.build import build, make_issue, render_files
from newsletter.colour import contrast
from newsletter.errors import InputError
from newsletter.readers.results import largest_remainders, parse_results

EXAMPLE = ROOT / "examples" / "election-issue"


@pytest.fixture(scope="module")
def outputs():
    return {name: data.decode() for name, data in render_files(make_issue(EXAMPLE, date=DATE)).items()}


def story(tmp_path: Path, body: str, *, calendar: str | None = None) -> Path:
    """An issue folder with one lead story whose body is `body`, from line 5 on."""
    folder = tmp_path / "issue"
    folder.mkdir()
    (folder / "lead.md").write_text(f"---\nheadline: Results night in Bogotá\nurl: https://example.org/a\n---\n{body}")
    if calendar is not None:
        (folder / "calendar.csv").write_text(calendar)
    return folder


def run_build(cli, folder: Path, tmp_path: Path):
    return cli("build", str(folder), "--date", "2026-11-24", "--out", str(tmp_path / "out"))


# ---------------------------------------------------------------------------------------------
# Parsing a results block


def test_shares_come_from_votes_and_add_up_to_exactly_100():
    results = parse_results("candidate,votes\nA,1\nB,1\nC,1\n", "a.md", 5)
    assert [row.share for row in results.rows] == [33.4, 33.3, 33.3]
    for votes in ([1, 2, 3, 4, 5, 6, 7], [999_999, 1, 1], [17, 17, 17, 17, 17, 17], [5_000_001, 4_999_999]):
        assert sum(round(share * 10) for share in largest_remainders(votes)) == 1000, votes


def test_rows_are_sorted_by_share_unless_as_given():
    text = "party,share\nSmall,10%\nBig,60 %\nMiddle,30\n"
    assert [row.name for row in parse_results(text, "a.md", 5).rows] == ["Big", "Middle", "Small"]
    as_given = parse_results("order: as given\n" + text, "a.md", 5)
    assert [row.name for row in as_given.rows] == ["Small", "Big", "Middle"]


def test_cells_pasted_from_a_spreadsheet_are_read():
    text = (
        "title: Runoff\nsource: Registry\nCandidate\tParty\tVotes\tSeats\tColour\tElected\n"
        "Ana Pérez\tPacto\t11.281.013\t\t#FFD700\t✓\nLuis Gómez\tCD\t10 580 412\t3\tc00\tno\n"
    )
    results = parse_results(text, "a.md", 5)
    assert (results.title, results.source, results.name_label) == ("Runoff", "Registry", "Candidate")
    first, second = results.rows
    assert (first.name, first.party, first.votes, first.colour, first.elected) == (
        "Ana Pérez",
        "Pacto",
        11_281_013,
        "#ffd700",
        True,
    )
    assert (second.votes, second.seats, second.colour, second.elected) == (10_580_412, 3, "#c00", False)
    assert (first.share, second.share) == (51.6, 48.4)


BAD_BLOCKS = [
    (
        "name,votes\nA,1,2\n",
        9,
        "this row has 3 cells, the header has 2: put a comma between every two cells, "
        'and quote a cell that holds one ("1,234")',
    ),
    ("name,votes\nA,many\n", 9, "votes 'many' is not a whole number"),
    ("name,share\nA,60\nB,45\n", 8, "the shares add up to 105.0%, over 100%: check the share column"),
    ("name,share\nA,101%\n", 9, "share '101%' is not between 0 and 100%"),
    (
        "name,votes,turnout\nA,1,2\n",
        8,
        "unknown column 'turnout': the columns are name (or candidate, party, "
        "option), party, votes, share, seats, colour and elected",
    ),
    ("name,seats\nA,1\n", 8, "the results table needs a votes or a share column to draw its bars"),
    ("name,votes,colour\nA,1,red\n", 9, "colour 'red' is not a colour like #1a1a1a"),
    (
        "name,votes,elected\nA,1,maybe\n",
        9,
        "elected 'maybe' is neither yes nor no: write yes, true or ✓ for an "
        "elected row and leave the cell empty otherwise",
    ),
]


@pytest.mark.parametrize(("table", "line", "message"), BAD_BLOCKS)
def test_a_bad_results_block_is_one_line_naming_the_file_and_line(cli, tmp_path, table, line, message):
    folder = story(tmp_path, f"Intro.\n\n```results\n{table}```\n")
    result = run_build(cli, folder, tmp_path)
    assert result.exit_code == 1, result.output
    assert result.output == f"error: {folder / 'lead.md'}:{line}: {message}\n"
    assert not (tmp_path / "out").exists()


def test_a_story_opening_with_results_takes_its_preheader_and_teaser_from_the_first_paragraph(tmp_path):
    folder = story(tmp_path, "```results\nparty,share\nA,60\nB,40\n```\n\nParty A wins a majority.\n")
    issue = make_issue(folder, date=DATE)
    assert (issue.preheader, issue.lead.teaser) == ("Party A wins a majority.", "Party A wins a majority.")


# ---------------------------------------------------------------------------------------------
# What readers see


def test_the_email_holds_a_real_data_table(outputs):
    html = outputs["email.html"]
    assert html.count('<table class="nl-res" role="table"') == 2
    assert "<caption" in html and '<th class="nl-res-th" scope="col"' in html
    elected = r'<th class="nl-res-name" scope="row"[^>]*>Ana Pérez <span class="nl-res-elected"[^>]*>✓\u00a0elected'
    assert re.search(elected, html)
    # No images in a table, and each bar is a cell with a background colour and a width.
    table = html[html.index('class="nl-res"') : html.index("</table>", html.index('class="nl-res-barcell"'))]
    assert "<img" not in table
    assert re.search(r'<td class="nl-bar" width="100.0%" height="8" bgcolor="#ffd700"', html)


def test_a_light_party_colour_is_darkened_for_text_and_kept_for_the_bar(outputs):
    issue = make_issue(EXAMPLE, date=DATE)
    warnings = [str(notice) for notice in issue.warnings if "results:" in notice.message]
    assert warnings == [
        f"{EXAMPLE / '01-colombia-results.md'}:1: results: the colour #ffd700 "
        "of Ana Pérez, Pacto Histórico has contrast 1.40:1 on the page (#ffffff), under 4.5:1: the share is shown in "
        "#8a7400 and the bar in #ffd700; give a darker colour to use one shade for both "
        "(Colombia elects its president by half a million votes)"
    ]
    html = outputs["email.html"]
    assert 'bgcolor="#ffd700"' in html
    figure = re.search(r'nl-res-share"[^>]*color:(#8a7400)[^>]*>50.5%', html)
    assert figure and contrast(figure.group(1), "#ffffff") >= 4.5


def test_plain_text_columns_align(outputs):
    text = outputs["email.txt"]
    for title in ("Presidential runoff, 99.8% of polling stations counted", "Senate, seats won in March"):
        lines = text.split(title + "\n")[1].split("\n")[1:]
        table = lines[: next(i for i, line in enumerate(lines) if not re.search(r"\d%|Share", line))]
        assert len(table) >= 4, table
        # Every figure column ends at the same place, and every bar starts at the same place.
        share_ends = {line.index("%") if "%" in line else line.index("Share") + 4 for line in table}
        assert len(share_ends) == 1, table
        bar_starts = {line.index("█") for line in table[1:]}
        assert len(bar_starts) == 1, table
        assert all(len(line) <= 72 for line in table)
    assert "Ana Pérez ✓  Pacto Histórico     50.5%  11,281,013  ████████████████████" in text
    assert "Blank vote                        2.2%     501,220  █" in text


def test_text_bars_are_proportional_to_the_shares(outputs):
    rows = re.findall(r"(\d+\.\d)%\s+\S+\s+(█+)", outputs["email.txt"].split("Senate")[1].split("Pérez takes")[0])
    top = max(float(share) for share, _ in rows)
    longest = max(len(bar) for _, bar in rows)
    for share, bar in rows:
        assert abs(len(bar) - float(share) / top * longest) <= 0.5


# ---------------------------------------------------------------------------------------------
# Bars in a real Chromium: proportional with the styles, and with every <style> removed


def bar_widths(page) -> list[list[tuple[float, float]]]:
    """Per table: (share shown, bar width / bar cell width) for each row."""
    return page.evaluate("""() => [...document.querySelectorAll('table.nl-res')].map(table => {
        const shares = [...table.querySelectorAll('.nl-res-share')].map(cell => parseFloat(cell.textContent));
        const cells = [...table.querySelectorAll('.nl-res-barcell table')];
        return cells.map((cell, index) => {
            const bar = cell.querySelector('.nl-bar');
            return [shares[index], bar ? bar.getBoundingClientRect().width / cell.getBoundingClientRect().width : 0];
        });
    })""")


@pytest.mark.parametrize("file", ["email.html", "web.html"])
@pytest.mark.parametrize("styles", ["with styles", "without styles"])
@pytest.mark.parametrize("width", [375, 600])
def test_bars_are_proportional_to_the_shares(page, tmp_path, file, styles, width):
    out = build(EXAMPLE, out=tmp_path / "built", date=DATE).out
    page.set_viewport_size({"width": width, "height": 900})
    page.goto((out / file).as_uri())
    if styles == "without styles":
        page.evaluate("() => document.querySelectorAll('style, link[rel=stylesheet]').forEach(el => el.remove())")
    tables = bar_widths(page)
    assert len(tables) == 2
    for rows in tables:
        top = max(share for share, _ in rows)
        for share, fraction in rows:
            assert abs(fraction - share / top) <= 0.01, (share, fraction, rows)


# ---------------------------------------------------------------------------------------------
# The elections calendar


CALENDAR = """date,country,election,note
2026-11-20,Chile,Presidential runoff,
2026-12-06,Romania,Parliamentary election,Polls open abroad on 5 and 6 December
2026-11-24,Haiti,General election,
2027-03-01,Estonia,Parliamentary election,
"""


def test_the_calendar_shows_upcoming_elections_soonest_first(tmp_path):
    issue = make_issue(story(tmp_path, "Body.\n", calendar=CALENDAR), date=DATE)
    assert [(e.country, e.days) for e in issue.elections] == [("Haiti", 0), ("Romania", 12), ("Estonia", 97)]
    text = render_files(issue)["email.txt"].decode()
    assert (
        "Elections ahead\n---------------\n\n"
        "* Tue 24 Nov (today): Haiti, General election\n"
        "* Sun 6 Dec (in 12 days): Romania, Parliamentary election. Polls open\n"
        "  abroad on 5 and 6 December\n"
        "* Mon 1 Mar 2027 (in 97 days): Estonia, Parliamentary election\n"
    ) in text


def test_the_calendar_window_comes_from_newsletter_toml(tmp_path):
    folder = story(tmp_path, "Body.\n", calendar=CALENDAR)
    config = tmp_path / "newsletter.toml"
    config.write_text("[calendar]\nweeks = 8\n")
    issue = make_issue(folder, date=DATE, config=config)
    assert [e.country for e in issue.elections] == ["Haiti", "Romania"]


def test_a_calendar_beside_newsletter_toml_serves_every_issue(tmp_path):
    folder = story(tmp_path, "Body.\n")
    (tmp_path / "calendar.csv").write_text(CALENDAR)
    (tmp_path / "newsletter.toml").write_text('[brand]\nname = "The Ballot Brief"\n')
    issue = make_issue(folder, date=DATE, config=tmp_path / "newsletter.toml")
    assert [e.country for e in issue.elections] == ["Haiti", "Romania", "Estonia"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2026-13-01,France,Legislative", "'2026-13-01' is not a date: write it as YYYY-MM-DD, e.g. 2026-12-06"),
        ("6 December,France,Legislative", "'6 December' is not a date: write it as YYYY-MM-DD, e.g. 2026-12-06"),
        (
            "2026-12-06,France",
            "this row has 2 cells: write date,country,election and, if you like, a note (quote a "
            "cell that holds a comma)",
        ),
    ],
)
def test_a_bad_calendar_row_names_its_line(cli, tmp_path, row, message):
    folder = story(tmp_path, "Body.\n", calendar=f"date,country,election\n2026-12-01,Peru,Senate\n{row}\n")
    result = run_build(cli, folder, tmp_path)
    assert result.exit_code == 1
    assert result.output == f"error: {folder / 'calendar.csv'}:3: {message}\n"


def test_a_bad_calendar_window_names_newsletter_toml(tmp_path):
    folder = story(tmp_path, "Body.\n", calendar=CALENDAR)
    (tmp_path / "newsletter.toml").write_text('[calendar]\nweeks = "eight"\n')
    with pytest.raises(InputError) as error:
        make_issue(folder, date=DATE, config=tmp_path / "newsletter.toml")
    assert str(error.value) == (
        f"{tmp_path / 'newsletter.toml'}:2: [calendar] weeks: 'eight' is not a whole number of weeks like 8"
    )


def test_in_dark_mode_the_bars_keep_their_colours_and_the_figures_read(page, tmp_path):
    """The dark-mode rule that paints the paper's cells must not paint the bars; the text turns light."""
    out = build(EXAMPLE, out=tmp_path / "built", date=DATE).out
    page.set_viewport_size({"width": 600, "height": 900})
    page.emulate_media(color_scheme="dark")
    page.goto((out / "email.html").as_uri())
    colours = page.evaluate("""() => ({
        bars: [...document.querySelectorAll('td.nl-bar')].map(cell => getComputedStyle(cell).backgroundColor),
        share: getComputedStyle(document.querySelector('.nl-res-share')).color,
        paper: getComputedStyle(document.querySelector('.nl-res-barcell')).backgroundColor,
    })""")
    assert colours["bars"][:3] == ["rgb(255, 215, 0)", "rgb(31, 78, 156)", "rgb(112, 112, 112)"]
    assert colours["paper"] == "rgb(28, 28, 30)"  # dark_background
    assert colours["share"] == "rgb(236, 236, 236)"  # dark_text: readable on the dark paper
