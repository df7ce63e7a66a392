"""The story file an import or the desk writes reads back as the story: its words always, its links, and its bold
and italic wherever CommonMark can hold them (newsletter/storyfile.py)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsletter.load import load_source
from newsletter.models import Block, Source, Span, Story
from newsletter.storyfile import block_markdown, story_markdown


def read_back(tmp_path, *blocks: Block) -> list[Block]:
    path = tmp_path / "story.md"
    story = Story(headline="A story", body=list(blocks), source=Source(file="page.html", line=1))
    path.write_text(story_markdown(story, lead=True), encoding="utf-8")
    return load_source(path).stories[0].body


def looks(block: Block) -> list[tuple[str, str, bool, bool]]:
    """Each character's look, spaces aside (a space's bold no one sees)."""
    return [(char, span.href, span.strong, span.em) for span in block.spans for char in span.text if not char.isspace()]


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("h", "1. Peter Wittkamp, author (22,700 followers)"),  # a numbered subhead: "\1." showed its backslash
        ("p", "4) The counter-committee"),
        ("oli", "14. Cycling days 2019"),
        ("p", "# 5 on the list, > 3 of them, + 2, - 1, = 0"),
        ("h", "Item #"),  # a heading's closing hashes would be cut
        ("p", "AT&amp;T wrote &lt;b&gt; and &#169; as text"),  # entities would be read as characters
        ("p", "Stars * and _ under_scores_, [brackets], `ticks`, <tags>, {braces}, | pipes, ~tildes~ and \\"),
    ],
)
def test_text_that_looks_like_markdown_reads_back_as_written(tmp_path, kind, text):
    assert [(block.kind, block.text) for block in read_back(tmp_path, Block(kind=kind, spans=[Span(text=text)]))] == [
        (kind, text)
    ]
    assert "\\1." not in block_markdown(Block(kind=kind, spans=[Span(text=text)]))


def test_a_bold_run_holding_an_italic_one_reads_back_with_both(tmp_path):
    """ "**a** ***b*** **c**" showed "daily** ***La Repubblica*****, were": the bold is one run around the italic."""
    block = Block(
        spans=[
            Span(text="then at the Italian daily ", strong=True),
            Span(text="La Repubblica", strong=True, em=True),
            Span(text=", were failing", strong=True),
            Span(text=" to go through."),
        ]
    )
    assert block_markdown(block) == "**then at the Italian daily *La Repubblica*, were failing** to go through."
    assert looks(read_back(tmp_path, block)[0]) == looks(block)


@pytest.mark.parametrize(
    ("spans", "written"),
    [
        # a bold full stop after a word: "Montauk**.**" showed its asterisks; the stop is plain, nothing else moves
        ([Span(text="The wild side of Montauk"), Span(text=".", strong=True)], "The wild side of Montauk."),
        # a bold lead-in ending in a Chinese comma before a letter would not close: the comma goes outside it
        (
            [Span(text="算法方面，", strong=True), Span(text="阿里巴巴达摩院构建了完整的算法体系。")],
            "**算法方面**，阿里巴巴达摩院构建了完整的算法体系。",
        ),
        # an italic closing quote mark after a word
        ([Span(text="ein „Extrablatt"), Span(text="“", em=True), Span(text=".")], "ein „Extrablatt“."),
    ],
)
def test_marks_commonmark_cannot_hold_leave_the_punctuation_and_keep_the_words(tmp_path, spans, written):
    block = Block(spans=spans)
    assert block_markdown(block) == written
    back = read_back(tmp_path, block)[0]
    assert back.text == block.text
    assert [look for look in looks(back) if look[0].isalnum()] == [look for look in looks(block) if look[0].isalnum()]


@pytest.mark.parametrize("code", ["pip install -e .", "a`b", "`ticks`", " spaced "])
def test_code_reads_back_whole_backticks_and_all(tmp_path, code):
    block = Block(spans=[Span(text="Run "), Span(text=code, code=True), Span(text=" first.")])
    back = read_back(tmp_path, block)[0]
    assert [(span.text, span.code) for span in back.spans] == [("Run ", False), (code, True), (" first.", False)]


def test_a_link_s_own_italic_goes_inside_its_brackets_and_an_odd_address_is_encoded(tmp_path):
    block = Block(
        spans=[
            Span(text="published in the journal "),
            Span(text="JAMA Psychiatry ", em=True, href="https://example.org/jama?a=1&b=2"),
            Span(text="argued that; write to "),
            Span(text="the desk", href="mailto:desk@example.org?subject=Coquille%20dans\xa0Affaire [1]"),
            Span(text="."),
        ]
    )
    written = block_markdown(block)
    assert "[*JAMA Psychiatry* ](https://example.org/jama?a=1&b=2)argued" in written
    back = read_back(tmp_path, block)[0]
    assert back.text == block.text
    assert list(dict.fromkeys(span.href for span in back.spans if span.href)) == [
        "https://example.org/jama?a=1&b=2",
        "mailto:desk@example.org?subject=Coquille%20dans%C2%A0Affaire%20%5B1%5D",
    ]
    assert [span.text for span in back.spans if span.em] == ["JAMA Psychiatry"]


PIECES = st.sampled_from(
    ["word", "Wort", "词语", " ", "  ", ".", ",", "“", "„", "«", "»", "(", ")", "*", "_", "**", "#", "1.", "4)",
     "&amp;", "&#1;", "\\", "[", "]", "`", "<", ">", "-", "~", "!", "é", "。", "，", "+", "=", "|", "{", "'",
     "：", "http://x.y"]
)  # fmt: skip
SPANS = st.lists(
    st.builds(
        lambda pieces, strong, em, link: Span(
            text="".join(pieces), strong=strong, em=em, href="https://example.org/a b" if link else ""
        ),  # fmt: skip
        st.lists(PIECES, min_size=1, max_size=4),
        st.booleans(),
        st.booleans(),
        st.integers(0, 5).map(lambda n: n == 0),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spans=SPANS, kind=st.sampled_from(["p", "h", "li", "oli", "quote"]))
def test_any_block_s_words_read_back_as_they_were(tmp_path, spans, kind):
    """Whatever the spans hold (Markdown's own characters, marks on spaces or on punctuation, links), the words
    read back the same, in a block of the same kind."""
    block = Block(kind=kind, spans=spans)
    if not block.text.strip() or block.text != block.text.strip():
        return  # (the readers give no block that is empty or starts or ends with a space)
    back = read_back(tmp_path, block)
    assert [(b.kind, b.text) for b in back] == [(kind, block.text)]


@pytest.mark.parametrize(
    ("field", "value", "read"),
    [
        ("alt", '\u202e"Supporters wave flags', '"Supporters wave flags'),  # a page's alt text, as an import met it
        ("caption", "\u200b'Rally' in Bogotá", "'Rally' in Bogotá"),
        ("headline", "\u00a0- Runoff week", "- Runoff week"),
        ("credit", "REUTERS/\u2028Ana", "REUTERS/ Ana"),
        ("byline", "By Ana\u0085 Ruiz", "By Ana Ruiz"),
    ],
    ids=["RLO before a quote", "zero-width space before a quote", "no-break space before a dash", "U+2028", "NEL"],
)
def test_front_matter_with_invisible_characters_reads_back(tmp_path, field, value, read):
    """The reader removes what no one sees from every line before it reads the YAML: a value written with one in
    front of a quote or a dash read back as broken YAML ('found unexpected end of stream'), so the import's own
    story did not build."""
    image = {"src": "https://example.org/a.jpg", "alt": value if field == "alt" else "A photo"}
    story = Story.model_validate(
        {"headline": "A story", "image": image, "source": {"file": "page.html"}}
        | ({} if field == "alt" else {field: value})
    )
    path = tmp_path / "story.md"
    path.write_text(story_markdown(story, lead=True), encoding="utf-8")
    [got] = load_source(path).stories
    assert (got.image.alt if field == "alt" else getattr(got, field)) == read
