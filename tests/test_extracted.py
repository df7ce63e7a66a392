"""trafilatura's body -> blocks (readers/extracted.py) keeps every character of the article's text once, in order,
whatever the shape of its XML: lists in items, marks in links, line breaks in quotes, text loose between blocks.
Only spaces move (put back where the page has them, trimmed at a block's ends)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from newsletter.readers.extracted import body_blocks, one_paragraph
from newsletter.readers.page import PageText

WORDS = st.sampled_from(["word", "Wort", "词语", "。", ",", " ", "  ", "\u3000", "“", "1.", "x"])
TEXT = st.lists(WORDS, max_size=3).map("".join)
INLINE = st.sampled_from(["hi rend='#b'", "hi rend='#i'", "ref target='https://example.org/a'", "code", "del"])


def element(tag: str, text: str, children: list[str], tail: str) -> str:
    name = tag.split()[0]
    return f"<{tag}>{escape(text)}{''.join(children)}</{name}>{escape(tail)}"


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


inline = st.recursive(
    st.builds(lambda tag, text, tail: element(tag, text, [], tail), INLINE, TEXT, TEXT) | st.just("<lb/>"),
    lambda inner: st.builds(
        lambda tag, text, kids, tail: element(tag, text, kids, tail), INLINE, TEXT, st.lists(inner, max_size=2), TEXT
    ),  # fmt: skip
    max_leaves=4,
)
paragraph = st.builds(lambda text, kids: element("p", text, kids, ""), TEXT, st.lists(inline, max_size=3))
block = st.recursive(
    paragraph | st.builds(lambda text: element("head rend='h2'", text, [], ""), TEXT),
    lambda inner: (
        st.builds(
            lambda kids: element("list rend='ul'", "", kids, ""),
            st.lists(
                st.builds(
                    lambda text, kids: element("item", text, kids, ""), TEXT, st.lists(inner | inline, max_size=2)
                ),
                min_size=1,
                max_size=3,
            ),
        )
        | st.builds(lambda kids: element("quote", "", kids, ""), st.lists(inner, min_size=1, max_size=2))
        | st.builds(
            lambda text, kids, tail: element("div", text, kids, tail), TEXT, st.lists(inner | inline, max_size=3), TEXT
        )
    ),  # fmt: skip
    max_leaves=6,
)


def visible(text: str) -> str:
    return "".join(char for char in text if not char.isspace())


@settings(max_examples=300, deadline=None)
@given(blocks=st.lists(block, min_size=1, max_size=4))
def test_every_character_of_the_article_is_kept_once_in_order(blocks):
    body = etree.fromstring(f"<body>{''.join(blocks)}</body>")
    expected = visible("".join(body.itertext()))
    page = PageText(text=" ".join(" ".join(body.itertext()).split()))  # the page's text: no breaks known
    made = one_paragraph(body_blocks(body, "", "page.html", [], page.text), page)
    assert visible("".join(block.text for block in made)) == expected
    assert all(block.text == block.text.strip() and "  " not in block.text for block in made)
