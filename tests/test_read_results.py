"""A ```results block read (readers/results.py): shares rounded and said as counted, cells pasted from a
spreadsheet, rows in order, in linear time, and a bad block one line naming its file and line. How the table
looks is in test_render_results; the elections calendar in test_elections."""

from __future__ import annotations

import threading

import pytest
from election_stories import run_build, story
from golden import DATE
from hypothesis import given, settings
from hypothesis import strategies as st

from newsletter.build import make_issue
from newsletter.errors import InputError
from newsletter.readers.results import parse_results
from newsletter.render.results import result_table


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
    (  # a number past any count is shortened, as a cell's is
        "seats_total: " + "9" * 5000 + "\nname,seats\nA,8\n",
        8,
        "seats_total: '" + "9" * 37 + "...' is not a number of seats like 51",
    ),
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
# Generated blocks: a table or one line naming the file, never a traceback


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
