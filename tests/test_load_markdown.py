"""Markdown stories with YAML front matter."""

import datetime as dt
from pathlib import Path

import pytest

from newsletter.errors import InputError
from newsletter.load import load_source

STORY = """---
headline: A headline
url: https://example.org/a
date: 2026-11-20
image:
  src: https://example.org/a.jpg
  alt: A photo
  width: 600
  height: 400
caption: The caption.
credit: AP Photo/Someone
section: Elections
priority: 2
tags: [europe]
---

First paragraph with a [link](https://example.org/b) and *emphasis*.

> A quotation.

- one
- two
"""


def write(tmp_path: Path, text: str, name: str = "story.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load_one(path: Path):
    return load_source(path).stories[0]


def test_front_matter_fields(tmp_path):
    story = load_one(write(tmp_path, STORY))
    assert story.headline == "A headline"
    assert story.url == "https://example.org/a"
    assert story.date == dt.date(2026, 11, 20)
    assert (story.image.src, story.image.alt, story.image.width, story.image.height) == (
        "https://example.org/a.jpg",
        "A photo",
        600,
        400,
    )
    assert (story.caption, story.credit, story.section, story.priority, story.tags) == (
        "The caption.",
        "AP Photo/Someone",
        "Elections",
        2,
        ["europe"],
    )


def test_body_is_parsed_as_markdown(tmp_path):
    story = load_one(write(tmp_path, STORY))
    assert [block.kind for block in story.body] == ["p", "quote", "li", "li"]
    first = story.body[0].spans
    assert [(s.text, s.href, s.em) for s in first] == [
        ("First paragraph with a ", "", False),
        ("link", "https://example.org/b", False),
        (" and ", "", False),
        ("emphasis", "", True),
        (".", "", False),
    ]


def test_raw_html_stays_text_and_is_named(tmp_path):
    """Raw HTML never becomes markup: readers see the tags as text, so each line that holds some is named, with
    what to write instead."""
    body = '<script>alert(1)</script> and <b>bold</b>\n\n<iframe src="https://example.org/embed"></iframe>\n\n'
    loaded = load_source(write(tmp_path, "---\nheadline: H\n---\n\n" + body + "A <b>bold</b> word<br>.\n"))
    story = loaded.stories[0]
    assert story.body[0].text == "<script>alert(1)</script> and <b>bold</b>"
    assert all(not span.strong for span in story.body[0].spans)
    shown = "raw HTML is shown as text, tags and all, not as markup"
    hint = "write it in Markdown (**bold**, *italic*, [text](https://...)) or take the tags out (H)"
    assert [notice.advised() for notice in loaded.notices] == [
        f"{tmp_path / 'story.md'}:5: {shown}: '<script>alert(1)</script> and…'; {hint}",
        f"{tmp_path / 'story.md'}:7: {shown}: '<iframe…'; {hint}",
        f"{tmp_path / 'story.md'}:9: {shown}: '<b>', '</b>', '<br>'; {hint}",
    ]


@pytest.mark.parametrize("link", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x"])
def test_bad_link_scheme_names_file_and_line(tmp_path, link):
    path = write(tmp_path, f"---\nheadline: H\n---\n\nFine.\n\nA [bad link]({link}).\n")
    with pytest.raises(InputError) as error:
        load_one(path)
    assert str(error.value).startswith(f"{path}:7: link ")
    assert "only http, https and mailto links are allowed" in str(error.value)


def test_bad_autolink_is_refused(tmp_path):
    path = write(tmp_path, "---\nheadline: H\n---\n\n<javascript:alert(1)>\n")
    with pytest.raises(InputError, match=r"story\.md:5: link"):
        load_one(path)


def test_bad_url_in_front_matter_names_the_line(tmp_path):
    path = write(tmp_path, "---\nheadline: H\nurl: javascript:alert(1)\n---\nBody.\n")
    with pytest.raises(InputError, match=r"story\.md:3: url: link 'javascript:alert\(1\)' uses javascript:"):
        load_one(path)


def test_mailto_and_relative_links_pass(tmp_path):
    story = load_one(write(tmp_path, "---\nheadline: H\n---\n\n[a](mailto:x@example.org) [b](/about)\n"))
    assert [s.href for s in story.body[0].spans if s.href] == ["mailto:x@example.org", "/about"]


def test_bom_and_crlf_keep_the_front_matter(tmp_path):
    path = tmp_path / "story.md"
    path.write_bytes(b"\xef\xbb\xbf" + STORY.replace("\n", "\r\n").encode())
    story = load_one(path)
    assert story.headline == "A headline"
    assert story.body[0].text.startswith("First paragraph")


def test_unknown_key_lists_it_with_the_closest_known_key(tmp_path):
    path = write(tmp_path, "---\nheadline: H\nheadlin: typo\nsectoin: x\n---\nBody.\n")
    with pytest.raises(InputError) as error:
        load_one(path)
    assert str(error.value).startswith(
        f"{path}:3: unknown key(s) 'headlin' (did you mean 'headline'?), 'sectoin' (did you mean 'section'?)"
    )


def test_malformed_front_matter_names_the_line(tmp_path):
    path = write(tmp_path, "---\nheadline: H\nurl: [unclosed\ncaption: x\n---\nBody.\n")
    with pytest.raises(InputError, match=r"story\.md:\d+: front matter is not valid YAML"):
        load_one(path)


def test_unclosed_front_matter(tmp_path):
    path = write(tmp_path, "---\nheadline: H\n\nBody.\n")
    with pytest.raises(InputError, match=r"story\.md:1: front matter opened on line 1 is never closed"):
        load_one(path)


def test_wrong_type_names_the_key_and_line(tmp_path):
    path = write(tmp_path, "---\nheadline: H\npriority: high\n---\nBody.\n")
    with pytest.raises(InputError, match=r"story\.md:3: priority: input should be a valid integer"):
        load_one(path)


def test_wrong_nested_value_names_the_nested_key_and_its_line(tmp_path):
    path = write(tmp_path, "---\nheadline: H\nimage:\n  src: https://example.org/a.jpg\n  width: -600\n---\nBody.\n")
    with pytest.raises(InputError, match=r"story\.md:5: image\.width: input should be greater than 0"):
        load_one(path)


def test_yaml_is_read_safely(tmp_path):
    path = write(tmp_path, "---\nheadline: !!python/object/apply:os.system ['echo hacked']\n---\nBody.\n")
    with pytest.raises(InputError) as error:
        load_one(path)
    assert str(error.value) == (
        f"{path}:2: front matter uses the tag !!python/object/apply:os.system: tags are not "
        "allowed; remove it (put the value in quotes to keep it as text)"
    )


def test_image_may_be_a_bare_url(tmp_path):
    story = load_one(write(tmp_path, "---\nheadline: H\nimage: https://example.org/i.png\n---\nBody.\n"))
    assert story.image.src == "https://example.org/i.png"


def test_a_picture_in_the_story_s_text_is_left_out_and_named_not_read_as_its_alt_text(tmp_path):
    picture = "![A map of the coast](https://example.org/map.png)"
    body = f"Boats wait off the coast.\n\n{picture}\n\nThe port reopens on Monday.\n"
    loaded = load_source(write(tmp_path, "---\nheadline: Port reopens\n---\n\n" + body))
    assert [block.text for block in loaded.stories[0].body] == [
        "Boats wait off the coast.",
        "The port reopens on Monday.",
    ]
    assert [notice.advised() for notice in loaded.notices] == [
        f"{tmp_path / 'story.md'}:7: a picture in the text is left out: 'A map of the coast' "
        "(https://example.org/map.png): a story shows one picture, its front matter's image; "
        "make it the story's picture with `image: https://example.org/map.png` (Port reopens)"
    ]


def test_a_table_in_the_story_s_text_is_set_a_paragraph_a_row_and_named(tmp_path):
    table = "| Party | Seats |\n|---|---|\n| Greens | 12 |\n| [Liberals](https://example.org/lib) | 9 |\n"
    loaded = load_source(write(tmp_path, "---\nheadline: Seats\n---\n\nThe count is in.\n\n" + table))
    body = loaded.stories[0].body
    assert [block.text for block in body] == ["The count is in.", "Party · Seats", "Greens · 12", "Liberals · 9"]
    assert body[-1].spans[0].href == "https://example.org/lib"
    assert [notice.advised() for notice in loaded.notices] == [
        f"{tmp_path / 'story.md'}:7: a table of 3 rows is set as text, a paragraph a row: an email shows a table "
        "only as election results; write results in a ```results block, or the table as a list (Seats)"
    ]
