"""Results tables as readers see them (render/results.py): a real data table in the email, the plain text's
aligned columns and bars, the majority and turnout in words, colours that read, and the bars in a real
Chromium, light and dark, heard by a screen reader. Reading the block is in test_read_results."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from election_stories import EXAMPLE, story
from golden import DATE

from newsletter.build import build, make_issue, render_files
from newsletter.colour import contrast


@pytest.fixture(scope="module")
def outputs():
    return {name: data.decode() for name, data in render_files(make_issue(EXAMPLE, date=DATE)).items()}


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


# ---------------------------------------------------------------------------------------------
# Bars in a real Chromium: their share of the row with the styles and with every <style> removed, the
# majority where it belongs, every bar visible on the dark page, and each row heard by a screen reader


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
