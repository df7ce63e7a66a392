"""Election blocks: results tables (parsing, email, text, web, in a real Chromium) and the elections calendar."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import pytest
from golden import DATE, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsletter.build import build, make_issue, render_files
from newsletter.colour import contrast
from newsletter.errors import InputError
from newsletter.readers.results import parse_results
from newsletter.render.results import result_table

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


def test_each_share_is_rounded_on_its_own_half_up():
    """656,852 of 1,547,052 is 42.4584%: 42.5, as the count reports it (largest remainders printed 42.4)."""
    results = parse_results("candidate,votes\nA,656852\nB,890200\n", "a.md", 5)
    assert [(row.name, row.shown, row.share) for row in results.rows] == [("B", "57.5", 57.5), ("A", "42.5", 42.5)]
    assert not results.rounding_gap
    # Half up exactly, with no float to fall short of the half: 1 of 8 is 12.5%, to no decimals 13
    assert [row.shown for row in parse_results("decimals: 0\nname,votes\nA,1\nB,7\n", "a.md", 5).rows] == [
        "88",
        "13",
    ]
    assert [row.shown for row in parse_results("decimals: 2\nname,votes\nA,1\nB,2\n", "a.md", 5).rows] == [
        "66.67",
        "33.33",
    ]


def test_shares_that_do_not_add_to_100_stay_as_counted_and_say_so():
    thirds = parse_results("candidate,votes\nA,1\nB,1\nC,1\n", "a.md", 5)
    assert [row.shown for row in thirds.rows] == ["33.3", "33.3", "33.3"]
    assert thirds.rounding_gap
    # Shares the block gives are shown exactly as given, decimals and all
    given = parse_results('party,share\nA,42.46%\nB,"33,3"\nC,24.2\n', "a.md", 5)
    assert [row.shown for row in given.rows] == ["42.46", "33.3", "24.2"]
    assert given.rounding_gap  # 99.96: within rounding of 100
    # Rows left out (93%) are not rounding
    assert not parse_results("party,share\nA,60\nB,33\n", "a.md", 5).rounding_gap


def within(seconds: float, work):
    """`work()`'s result, or a failure when it takes longer than `seconds` (quadratic code takes hours)."""
    done = []
    worker = threading.Thread(target=lambda: done.append(work()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert done, f"still running after {seconds} s"
    return done[0]


def test_a_long_table_and_a_title_of_many_spaces_are_read_in_linear_time():
    """100,000 rows: a rescan of the table per row would take hours, a backtracking pattern over the title line
    (as long as a line may be) seconds; linear code takes about a second."""
    rows = "".join(f"Party {number},{number * 7 + 1},{number % 50},+0.{number % 10}\n" for number in range(100_000))
    title = "title: " + " " * 9_990 + "x\n"
    results = within(120, lambda: parse_results(title + "name,votes,seats,change\n" + rows, "a.md", 5))
    assert len(results.rows) == 100_000 and results.title == "x"
    assert (results.rows[-1].name, results.rows[-1].change, results.rows[-1].seats) == ("Party 99999", "+0.9", 49)


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
        "option), party, votes, share, seats, change, previous, colour and elected",
    ),
    ("name,colour\nA,#fff\n", 8, "the results table needs a votes, share or seats column to draw its bars"),
    ("name,votes,colour\nA,1,red\n", 9, "colour 'red' is not a colour like #1a1a1a"),
    # A column named twice, directly or through another of its names: only one could be shown
    (
        "candidate,votes,votes\nA,1,2\n",
        8,
        "the column 'votes' is named twice (columns 2 and 3): keep one, or paste one round at a time",
    ),
    (
        "party,share,%\nA,1,2\n",
        8,
        "'share' and '%' both name the share column (columns 2 and 3): keep one, or paste one round at a time",
    ),
    (
        "name,candidate,votes\nA,B,2\n",
        8,
        "'name' and 'candidate' both name the rows (columns 1 and 2): keep one, or paste one round at a time",
    ),
    (
        "name,votes\nA,11281013¹\n",
        9,
        "votes '11281013¹' is not a whole number in plain digits 0-9 (a footnote mark goes in the note: line)",
    ),
    (
        "name,votes\nA,١٢٣\n",
        9,
        "votes '١٢٣' is not a whole number in plain digits 0-9 (a footnote mark goes in the note: line)",
    ),
    (
        "name,votes\nA," + "9" * 5000 + "\n",
        9,
        "votes '" + "9" * 37 + "...' has 5,000 digits, more than any count (12): check the cell",
    ),
    (
        'name,votes\nA,"' + "1" * 140_000 + '"\n',
        9,
        "this line of the results block is 140,004 characters long, over the 10,000 a line may have: "
        "a results row is a name and a few figures",
    ),
    (
        "seats_total: 10\nname,seats\nA,8\nB,3\n",
        11,
        "the seats add up to 11 by this row, over seats_total: 10: check the seats column",
    ),
    (
        "majority: 51\nname,votes\nA,8\n",
        8,
        "majority: and seats_total: need a seats column: add the seats each party won",
    ),
    ("majority: 4\nname,seats\nA,8\nB,3\n", 8, "majority: 4 is not more than half of the 11 seats: check the number"),
    ("name,share,change\nA,30,up\n", 9, "change 'up' is not a signed number like +3.2 or −1.1"),
    ("name,seats,seats change\nA,30,+1.5\n", 9, "seats change '+1.5' is not a signed number like +3 or −2"),
    (
        "scale: log\nname,share\nA,30\n",
        8,
        "scale: 'log' is not a scale: write `scale: leader` to draw the largest share across the whole row, "
        "or leave the line out (each bar its share of 100%)",
    ),
    ("title: A\ntitle: B\nname,share\nA,30\n", 9, "title: is given twice (lines 8 and 9): keep one"),
    (
        "name,share\nA,30\nSource: Electoral Commission\n",
        10,
        "source: goes above the table: move the line over the header row",
    ),
    (
        "name,votes,seats,previous\nA,1,2,3\n",
        8,
        "previous could be last time's share or last time's seats: "
        "call the column 'previous share' or 'previous seats'",
    ),
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
    issue = make_issue(folder, date=DATE).issue
    assert (issue.preheader, issue.lead.teaser) == ("Party A wins a majority.", "Party A wins a majority.")


# ---------------------------------------------------------------------------------------------
# What readers see


def test_the_email_holds_a_real_data_table(outputs):
    html = outputs["email.html"]
    assert html.count('<table class="nl-res" role="table"') == 4
    assert "<caption" in html and '<th class="nl-res-th" scope="col"' in html
    elected = r'<th class="nl-res-name" scope="row"[^>]*>Ana Pérez <span class="nl-res-elected"[^>]*>✓\u00a0elected'
    assert re.search(elected, html)
    # No images in a table, and each bar is a cell with a background colour and a width: its share of the row
    table = html[html.index('class="nl-res"') : html.index("</table>", html.index('class="nl-res-barcell"'))]
    assert "<img" not in table
    assert re.search(r'<td class="nl-bar nl-c-ffd700" width="50.0%" height="8" bgcolor="#ffd700"', html)
    assert re.search(r'<td class="nl-bar nl-c-ffd700 nl-res-mark" width="1.6%" height="8" bgcolor="#ffd700"', html)


def test_656852_of_1547052_shows_as_42_5_and_a_gap_from_rounding_is_said(tmp_path):
    """Each share rounded on its own, as the count reports it; largest remainders printed 42.4."""
    table = "```results\ncandidate,votes\nA,656852\nB,890200\n```\n\n```results\nname,votes\nX,1\nY,1\nZ,1\n```\n"
    files = render_files(make_issue(story(tmp_path, table), date=DATE))
    html, text = files["email.html"].decode(), files["email.txt"].decode()
    assert re.search(r'nl-res-share"[^>]*>42.5%<', html) and re.search(r"\bA\s+42.5%", text)
    assert "42.4%" not in html + text
    # 33.3 three times: 99.9, said once, under the second table only
    for output in (html, text.replace("\n", " ")):
        assert output.count("Shares do not add to 100 because of rounding.") == 1
        assert output.index("Shares do not add to 100") > output.index("33.3%")


def test_the_turnout_the_change_and_the_majority_are_shown_in_words(outputs):
    html, text = outputs["email.html"], outputs["email.txt"]
    assert re.search(r'<span class="nl-res-turnout"[^>]*>Turnout: 52.2%</span>', html)
    assert "Turnout: 52.2%\n" in text
    # A change shows its sign to the eye and says up or down to a screen reader and in the text
    change = r'<span aria-hidden="true">{}</span><span class="nl-sr"[^>]*>{}</span>'
    assert re.search(change.format("\u22122.6", "down 2.6 points"), html)
    assert re.search(change.format("\\+0.5", "up 0.5 points"), html)
    assert re.search(change.format("\u22128", "down 8 seats"), html)
    assert re.search(change.format("0", "no change"), html)
    assert "Party of Action and Solidarity  50.2%  down 2.6     55       down 8" in text
    assert re.search(r'<p class="nl-res-majority"[^>]*>Party of Action and Solidarity 55 of 101; majority 51</p>', html)
    assert "Party of Action and Solidarity 55 of 101; majority 51." in text


def test_with_no_majority_the_line_names_the_parties_that_reach_it_together(tmp_path):
    table = "```results\nmajority: 35\nparty,seats\nA,20\nB,14\nC,10\nD,24\n```\n"
    text = render_files(make_issue(story(tmp_path, table), date=DATE))["email.txt"].decode()
    assert "No party has a majority alone; D and A together 44 of 68; majority 35." in text.replace("\n", " ")


def test_the_plain_text_parliament_marks_the_majority_on_every_line(outputs):
    text = outputs["email.txt"]
    block = text.split("Seats: 101, majority 51 (at │)\n")[1].split("\nParty of Action and Solidarity 55")[0]
    lines = block.split("\n")
    assert [line.split("  ")[0] for line in lines] == [
        "Party of Action and Solidarity",
        "Patriotic Bloc",
        "Alternativa",
        "Our Party",
        "Democracy at Home",
    ]
    assert len({line.index("│") for line in lines}) == 1
    bars = [line.replace("│", "") for line in lines]
    # one shared line of the chamber: each party starts where the one before it ends, as long as its seats
    starts = [line.index("█") for line in bars]
    ends = [line.rindex("█") + 1 for line in bars]
    assert starts[1:] == ends[:-1]
    room = ends[-1] - starts[0]  # all 101 seats are in the table
    for (start, end), seats in zip(zip(starts, ends, strict=True), [55, 26, 8, 6, 6], strict=True):
        assert abs((end - start) - seats / 101 * room) <= 1
    # the mark stands after the 51st seat's column, the first party's blocks running through it
    mark = lines[0].index("│") - starts[0]
    assert abs(mark - 51 / 101 * room) <= 1 and lines[0].index("│") < lines[0].rindex("█")


def test_a_light_party_colour_is_darkened_for_text_and_kept_for_the_bar(outputs):
    issue = make_issue(EXAMPLE, date=DATE).issue
    warnings = [str(notice) for notice in issue.warnings if "results:" in notice.message]
    assert warnings[0] == (
        f"{EXAMPLE / '01-colombia-results.md'}:1: results: the colour #ffd700 "
        "of Ana Pérez, Pacto Histórico has contrast 1.40:1 on the page (#ffffff), under 4.5:1: the share is shown in "
        "#8a7400 and the bar in #ffd700; give a darker colour to use one shade for both "
        "(Colombia elects its president by half a million votes)"
    )
    html = outputs["email.html"]
    assert 'bgcolor="#ffd700"' in html
    figure = re.search(r'nl-res-share"[^>]*color:(#8a7400)[^>]*>51.6%', html)
    assert figure and contrast(figure.group(1), "#ffffff") >= 4.5


def test_plain_text_columns_align(outputs):
    text = outputs["email.txt"]
    titles = (
        "Presidential runoff, 99.8% of polling stations counted",
        "Senate, seats won in March",
        "Parliament, all polling stations counted",
        "Federal popular initiative on an inheritance tax",
    )
    for title in titles:
        lines = text.split(title + "\n")[1].split("\n")[1:]
        lines = lines[1:] if lines[0].startswith("Turnout") else lines
        # (a table too wide for its bars beside it has each bar on a line of its own, under its row)
        table = lines[: next(i for i, line in enumerate(lines) if not re.search(r"\d%|Share|^  [█▌]", line))]
        assert len(table) >= 3, table
        # Every figure column ends at the same place, and every bar starts at the same place.
        figures = [line for line in table if not line.startswith("  ")]
        share_ends = {line.index("%") if "%" in line else line.index("Share") + 4 for line in figures}
        assert len(share_ends) == 1, table
        bar_starts = {re.search("[█▌│]", line).start() for line in table[1:] if re.search("[█▌│]", line)}
        assert len(bar_starts) == 1, table
        assert all(len(line) <= 72 for line in table)
    assert "Ana Pérez ✓  Pacto Histórico     51.6%  11,281,013  █████████│▌" in text
    assert "Luis Gómez   Centro Democrático  48.4%  10,580,412  ████████▌│" in text


def text_bar_length(bar: str) -> float:
    return bar.count("█") + bar.count("▌") / 2


def test_text_bars_are_their_share_of_the_same_room(outputs):
    """Fixed scale: a bar's length is its share of the room a bar has (100%), to half a column."""
    text = outputs["email.txt"].split("Senate")[1].split("Pérez takes")[0]
    rows = re.findall(r"(\d+\.\d)%\s+\S+\s+([█▌]+)", text)
    assert len(rows) == 4
    room = text_bar_length(rows[0][1]) / float(rows[0][0]) * 100
    for share, bar in rows:
        assert abs(text_bar_length(bar) - float(share) / 100 * room) <= 0.5, (share, bar)
    assert round(room) == 38  # the room left beside the columns: a 100% bar fills it


# ---------------------------------------------------------------------------------------------
# Bars in a real Chromium: their share of the row with the styles and with every <style> removed, the
# majority where it belongs, and every bar visible on the dark page


def bar_widths(page) -> list[list[tuple[float, float]]]:
    """Per table: (share shown, coloured width / row width) for each row; a bar cut by the 50% mark is two cells."""
    return page.evaluate("""() => [...document.querySelectorAll('table.nl-res')].map(table => {
        const shares = [...table.querySelectorAll('.nl-res-share')].map(cell => parseFloat(cell.textContent));
        const rows = [...table.querySelectorAll('.nl-res-barcell table')];
        return rows.map((row, index) => {
            const bars = [...row.querySelectorAll('.nl-bar')];
            const width = bars.reduce((sum, bar) => sum + bar.getBoundingClientRect().width, 0);
            return [shares[index], width / row.getBoundingClientRect().width];
        });
    })""")


def built_example(tmp_path: Path) -> Path:
    return build(EXAMPLE, out=tmp_path / "built", date=DATE).out


@pytest.mark.parametrize("file", ["email.html", "web.html"])
@pytest.mark.parametrize("styles", ["with styles", "without styles"])
@pytest.mark.parametrize("width", [375, 600])
def test_bars_are_their_share_of_the_row(page, tmp_path, file, styles, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto((built_example(tmp_path) / file).as_uri())
    if styles == "without styles":
        page.evaluate("() => document.querySelectorAll('style, link[rel=stylesheet]').forEach(el => el.remove())")
    tables = bar_widths(page)
    assert [len(rows) for rows in tables] == [2, 4, 6, 2]
    for rows in tables:
        for share, fraction in rows:
            assert abs(fraction - share / 100) <= 0.01, (share, fraction, rows)


def test_scale_leader_draws_the_largest_share_across_the_row(page, tmp_path):
    table = "```results\nscale: leader\nparty,share\nA,40\nB,30\nC,20\n```\n"
    out = build(story(tmp_path, table), out=tmp_path / "built", date=DATE).out
    page.goto((out / "email.html").as_uri())
    [rows] = bar_widths(page)
    for share, fraction in rows:
        assert abs(fraction - share / 40) <= 0.01, rows


@pytest.mark.parametrize("file", ["email.html", "web.html"])
@pytest.mark.parametrize("styles", ["with styles", "without styles"])
def test_the_majority_and_the_50_percent_marks_stand_where_they_belong(page, tmp_path, file, styles):
    page.set_viewport_size({"width": 600, "height": 900})
    page.goto((built_example(tmp_path) / file).as_uri())
    if styles == "without styles":
        page.evaluate("() => document.querySelectorAll('style, link[rel=stylesheet]').forEach(el => el.remove())")
    marks = page.evaluate("""() => [...document.querySelectorAll('.nl-res-mark')].map(mark => {
        const row = mark.closest('table').getBoundingClientRect();
        const left = mark.getBoundingClientRect().left;
        return [mark.closest('.nl-parl') ? 'majority' : 'half', (left - row.left) / row.width,
                getComputedStyle(mark).borderLeftWidth];
    })""")
    majority = [at for kind, at, _ in marks if kind == "majority"]
    assert len(majority) == 1 and abs(majority[0] - 51 / 101) <= 0.01, marks
    halves = [at for kind, at, _ in marks if kind == "half"]
    assert len(halves) == 4 and all(abs(at - 0.5) <= 0.01 for at in halves), marks  # the runoff, the referendum
    assert {border for _, _, border in marks} == {"2px"}
    # the "majority 51" label hangs from the same line
    label = page.evaluate("""() => {
        const label = document.querySelector('.nl-parl .nl-res-majority-at');
        const row = label.closest('table').getBoundingClientRect();
        return [label.textContent, (label.getBoundingClientRect().left - row.left) / row.width];
    }""")
    assert label[0] == "majority 51" and abs(label[1] - majority[0]) <= 0.005, (label, majority)
    seats = page.evaluate("""() => [...document.querySelectorAll('.nl-parl .nl-seats')].map(cell =>
        [cell.title, cell.getBoundingClientRect().width / cell.closest('table').getBoundingClientRect().width])""")
    widths: dict[str, float] = {}
    for name, fraction in seats:
        widths[name] = widths.get(name, 0) + fraction
    expected = {"Party of Action and Solidarity": 55, "Patriotic Bloc": 26, "Alternativa": 8, "Our Party": 6}
    for name, count in expected.items():
        assert abs(widths[name] - count / 101) <= 0.01, (name, widths)


def luminance_contrast(first: str, second: str) -> float:
    def hexed(rgb: str) -> str:
        return "#" + "".join(f"{int(value):02x}" for value in re.findall(r"\d+", rgb)[:3])

    return contrast(hexed(first), hexed(second))


@pytest.mark.parametrize("file", ["email.html", "web.html"])
def test_in_dark_mode_every_bar_shows_on_the_dark_page_and_the_figures_read(page, tmp_path, file):
    """Measured in Chromium in dark mode: each bar (and each party's seats) at least 3:1 against the page
    behind it, in its own hue; the figures at 4.5:1 in both modes."""
    out = built_example(tmp_path)
    page.set_viewport_size({"width": 600, "height": 900})
    for scheme in ("dark", "light"):
        page.emulate_media(color_scheme=scheme)
        page.goto((out / file).as_uri())
        colours = page.evaluate("""() => {
            const paper = element => {
                for (let at = element.parentElement; at; at = at.parentElement) {
                    const colour = getComputedStyle(at).backgroundColor;
                    if (colour !== 'rgba(0, 0, 0, 0)' && !at.matches('.nl-bar, .nl-seats')) return colour;
                }
                return getComputedStyle(document.body).backgroundColor;
            };
            const behind = element => paper(element.closest('table').parentElement);
            return {
                bars: [...document.querySelectorAll('td.nl-bar, td.nl-seats')].map(cell =>
                    [cell.className, getComputedStyle(cell).backgroundColor, behind(cell)]),
                figures: [...document.querySelectorAll('.nl-res-share, .nl-res-change, .nl-res-td, .nl-res-name')]
                    .map(cell => [cell.textContent, getComputedStyle(cell).color, paper(cell)]),
            };
        }""")
        assert len(colours["bars"]) > 20 and len(colours["figures"]) > 40
        for text, colour, background in colours["figures"]:
            assert luminance_contrast(colour, background) >= 4.5, (scheme, text, colour, background)
        if scheme == "dark":
            for name, colour, background in colours["bars"]:
                assert luminance_contrast(background, "rgb(28, 28, 30)") < 1.1  # dark_background behind it
                assert luminance_contrast(colour, background) >= 3, (name, colour, background)
            navy = {colour for name, colour, _ in colours["bars"] if "nl-c-1f4e9c" in name}
            assert navy == {"rgb(62, 103, 170)"}  # #1f4e9c lightened, its hue kept


# ---------------------------------------------------------------------------------------------
# The elections calendar


CALENDAR = """date,country,election,note
2026-11-20,Chile,Presidential runoff,
2026-12-06,Romania,Parliamentary election,Polls open abroad on 5 and 6 December
2026-11-24,Haiti,General election,
2027-03-01,Estonia,Parliamentary election,
"""


def test_the_calendar_shows_upcoming_elections_soonest_first(tmp_path):
    made = make_issue(story(tmp_path, "Body.\n", calendar=CALENDAR), date=DATE)
    issue = made.issue
    assert [(e.country, e.days) for e in issue.elections] == [("Haiti", 0), ("Romania", 12), ("Estonia", 97)]
    text = render_files(made)["email.txt"].decode()
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
    issue = make_issue(folder, date=DATE, config=config).issue
    assert [e.country for e in issue.elections] == ["Haiti", "Romania"]


def test_a_calendar_beside_newsletter_toml_serves_every_issue(tmp_path):
    folder = story(tmp_path, "Body.\n")
    (tmp_path / "calendar.csv").write_text(CALENDAR)
    (tmp_path / "newsletter.toml").write_text('[brand]\nname = "The Ballot Brief"\n')
    issue = make_issue(folder, date=DATE, config=tmp_path / "newsletter.toml").issue
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


@pytest.mark.parametrize("kind", ["broken symlink", "FIFO", "folder"])
@pytest.mark.parametrize("where", ["issue folder", "beside newsletter.toml"])
def test_a_calendar_that_is_not_a_file_is_named_not_skipped(cli, tmp_path, kind, where):
    folder = story(tmp_path, "Body.\n")
    (tmp_path / "newsletter.toml").write_text('[brand]\nname = "The Ballot Brief"\n')
    path = (folder if where == "issue folder" else tmp_path) / "calendar.csv"
    if kind == "broken symlink":
        path.symlink_to(tmp_path / "gone.csv")
        problem = f"is a broken symlink (to {tmp_path / 'gone.csv'}, which does not exist); fix or remove it"
    elif kind == "FIFO":
        os.mkfifo(path)  # reading it would wait for a writer forever
        problem = "is a named pipe (FIFO), not a calendar file"
    else:
        path.mkdir()
        problem = "is a folder, not a calendar file"
    result = cli(
        "build",
        str(folder),
        "--date",
        "2026-11-24",
        "--out",
        str(tmp_path / "out"),
        "--config",
        str(tmp_path / "newsletter.toml"),
    )
    assert (result.exit_code, result.output) == (1, f"error: {path}: {problem}\n")
    assert not (tmp_path / "out").exists()


def test_invisible_and_bidi_characters_in_the_calendar_are_removed_and_named(tmp_path):
    calendar = "date,country,election\n2026-12-06,Roma\u200bnia,Parliamentary\u202e election\n2026-12-07,Peru,Senate\n"
    made = make_issue(story(tmp_path, "Body.\n", calendar=calendar), date=DATE)
    issue = made.issue
    assert [(e.country, e.election) for e in issue.elections] == [
        ("Romania", "Parliamentary election"),
        ("Peru", "Senate"),
    ]
    named = [str(notice) for notice in issue.warnings if "calendar.csv" in str(notice)]
    assert named == [f"{tmp_path / 'issue' / 'calendar.csv'}:2: removed 2 invisible character(s) (U+200B, U+202E)"]
    email = render_files(made)["email.html"].decode()
    assert "\u200b" not in email and "\u202e" not in email and "Romania" in email


def test_non_characters_in_the_calendar_and_a_results_cell_are_removed_and_named_not_blamed_on_mjml(tmp_path):
    """U+FFFE, U+FDD0 and friends stopped MJML, and the build blamed email.mjml."""
    calendar = "date,country,election\n2026-12-06,Peru\ufffe\ufdd0,Senate\U0010ffff\n"
    folder = story(tmp_path, "```results\nname,share\nA\uffff,30\n```\n", calendar=calendar)
    made = make_issue(folder, date=DATE)
    issue = made.issue
    assert [(e.country, e.election) for e in issue.elections] == [("Peru", "Senate")]
    named = sorted(str(notice) for notice in issue.warnings if "invisible" in str(notice))
    assert named == [
        f"{folder / 'calendar.csv'}:2: removed 3 invisible character(s) (U+10FFFF, U+FDD0, U+FFFE)",
        f"{folder / 'lead.md'}:7: removed 1 invisible character(s) (U+FFFF)",
    ]
    assert "Peru" in render_files(made)["email.html"].decode()


def test_a_calendar_line_too_long_for_the_csv_module_is_one_line(cli, tmp_path):
    folder = story(tmp_path, "Body.\n", calendar='date,country,election\n2026-12-06,Peru,"' + "x" * 140_000 + '"\n')
    result = run_build(cli, folder, tmp_path)
    assert (result.exit_code, result.output) == (
        1,
        f"error: {folder / 'calendar.csv'}:2: this line is 140,018 characters long, over the 2,000 a calendar row "
        "may have\n",
    )


def test_a_bad_calendar_window_names_newsletter_toml(tmp_path):
    folder = story(tmp_path, "Body.\n", calendar=CALENDAR)
    (tmp_path / "newsletter.toml").write_text('[calendar]\nweeks = "eight"\n')
    with pytest.raises(InputError) as error:
        make_issue(folder, date=DATE, config=tmp_path / "newsletter.toml")
    assert str(error.value) == (
        f"{tmp_path / 'newsletter.toml'}:2: [calendar] weeks: 'eight' is not a whole number of weeks like 8"
    )


def test_the_preview_rebuilds_when_the_shared_calendar_changes(tmp_path):
    """The calendar beside newsletter.toml serves every issue: saving it shows in the open preview."""
    import time
    import urllib.request

    from newsletter.preview import Preview

    folder = story(tmp_path, "Body.\n")
    config = tmp_path / "newsletter.toml"
    config.write_text('[brand]\nname = "The Ballot Brief"\n')
    (tmp_path / "calendar.csv").write_text("date,country,election\n2026-12-06,Romania,Parliamentary election\n")
    preview = Preview(folder, config=config, date=DATE)
    preview.open()
    preview.serve_in_background()
    try:

        def email() -> str:
            port = preview.server.server_address[1]
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/email.html", timeout=10) as response:
                return response.read().decode()

        assert "Romania" in email() and "Estonia" not in email()
        (tmp_path / "calendar.csv").write_text("date,country,election\n2027-03-01,Estonia,Parliamentary election\n")
        deadline = time.monotonic() + 20
        while "Estonia" not in email() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "Estonia" in email() and "Romania" not in email()
    finally:
        preview.close()


def test_rendering_a_table_asks_about_the_whole_table_a_fixed_number_of_times(tmp_path, monkeypatch):
    """A template that asked Results.has() for every row rescanned the table per row: 20,000 rows took minutes.
    The count of whole-table questions must not grow with the rows."""
    from newsletter.models import Results

    asked = []
    has = Results.has
    monkeypatch.setattr(Results, "has", lambda self, column: asked.append(column) or has(self, column))
    counts = []
    for rows in (10, 40):
        table = "".join(f"P{number},{number + 1},{number % 3}\n" for number in range(rows))
        folder = tmp_path / str(rows)
        folder.mkdir()
        made = make_issue(story(folder, f"```results\nname,votes,seats\n{table}```\n"), date=DATE)
        asked.clear()
        render_files(made)
        counts.append(len(asked))
    assert counts[0] == counts[1] and counts[0] > 0


# ---------------------------------------------------------------------------------------------
# Generated blocks and calendars: a table or one line naming the file, never a traceback

RESULT_PIECES = [
    "title: ",
    "turnout: ",
    "majority: ",
    "seats_total: ",
    "scale: ",
    "leader",
    "decimals: ",
    "order: as given",
    "note: ",
    "name",
    "candidate",
    "party",
    "option",
    "votes",
    "share",
    "%",
    "seats",
    "change",
    "previous",
    "previous seats",
    "seats change",
    "colour",
    "elected",
    ",",
    ";",
    "\t",
    "\n",
    '"',
    "1",
    "0",
    "51",
    "101",
    "1,234",
    "1.234.567",
    "42.46",
    "+3.2",
    "-1.1",
    "−2",
    "±0",
    "yes",
    "✓",
    "#ffd700",
    "¹",
    "١٢",
    "9" * 20,
    " ",
    "A",
    "Ana Pérez",
    "—",
    "%%{unsubscribe_url}%%",
    "\u202e",
    ":",
]


@given(st.lists(st.sampled_from(RESULT_PIECES), max_size=40))
@settings(max_examples=300, deadline=None)
def test_any_results_block_is_a_table_or_one_error_naming_its_line(pieces):
    from newsletter.models import Colors
    from newsletter.render.text import text_results

    try:
        results = parse_results("".join(pieces), "a.md", 5)
    except InputError as error:
        assert error.file == "a.md" and error.line is not None and error.line >= 4
        assert "\n" not in str(error)
        return
    table = result_table(results, Colors())
    assert all(0 <= line.width <= 100 for line in table.lines)
    assert all(round(sum(piece.width for piece in line.segments), 1) == 100 for line in table.lines)
    text_results(results)


CALENDAR_PIECES = [
    "date,country,election,note",
    "2026-12-06",
    "2027-02-30",
    "6 December",
    ",",
    '"',
    "\n",
    "\r\n",
    "Peru",
    "Senate",
    "#",
    "\u200b",
    "\u202e",
    "\x00",
    "\ufeff",
    " ",
    "x" * 3000,
]


@given(st.lists(st.sampled_from(CALENDAR_PIECES), max_size=30))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_calendar_is_elections_or_one_error_naming_the_file(tmp_path, pieces):
    from newsletter.elections import read_calendar

    path = tmp_path / "calendar.csv"
    path.write_text("".join(pieces), encoding="utf-8")
    try:
        elections = read_calendar(path, DATE)
    except InputError as error:
        assert error.file == str(path) and "\n" not in str(error)
        return
    assert all(election.days >= 0 for election in elections)


def test_an_issue_json_from_before_shown_was_kept_still_shows_its_shares(tmp_path):
    """publish renders the web page of every earlier build again from its issue.json."""
    from newsletter.models import Issue
    from newsletter.render import render_web

    issue = make_issue(story(tmp_path, "```results\nparty,share\nA,60.4\nB,39.6\n```\n"), date=DATE).issue
    data = issue.model_dump(mode="json")
    for row in data["lead"]["body"][0]["results"]["rows"]:
        del row["shown"]
    page = render_web(Issue.model_validate(data))
    assert re.search(r'nl-res-share"[^>]*>60.4%<', page) and re.search(r'nl-res-share"[^>]*>39.6%<', page)


@pytest.mark.parametrize("file", ["email.html", "web.html"])
def test_a_screen_reader_hears_each_row_with_its_change_in_words_and_no_empty_bar_rows(page, tmp_path, file):
    page.goto((built_example(tmp_path) / file).as_uri())
    heard = page.locator("table.nl-res").nth(2).aria_snapshot()
    assert 'row "Party of Action and Solidarity 50.2% down 2.6 points 55 down 8 seats"' in heard
    assert 'row "Our Party 6.2% up 0.5 points 6 no change"' in heard
    assert "−" not in heard and "- row:\n" not in heard  # no sign read as 'minus', no empty row for a bar
    assert (
        page.locator(".nl-parl")
        .aria_snapshot()
        .startswith(
            '- img "Party of Action and Solidarity 55, Patriotic Bloc 26, Alternativa 8, Our Party 6, '
            'Democracy at Home 6 of 101 seats; majority 51"'
        )
    )
