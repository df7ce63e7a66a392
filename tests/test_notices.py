"""Warnings worth reading: grouped by kind with a count and the first few places, what the reader would see
wrong first, page furniture last."""

from __future__ import annotations

from newsletter.models import Notice, Source
from newsletter.notices import grouped, kind_of


def furniture(file: str, where: str) -> Notice:
    return Notice(message=f'{file}:{where}: left out as page furniture: "Skip to content", "News" (+7 more)')


def test_furniture_from_two_pages_is_one_line_after_what_a_reader_sees():
    notices = [furniture("a.txt", f"{n}-{n + 3}") for n in range(1, 60, 5)] + [furniture("b.txt", "4")]
    notices.append(Notice(message="the headline is a guess: line 12 was the likeliest", source=Source(file="a.txt")))
    notices.append(Notice(message="no link: add its url", source=Source(file="a.txt", line=12), story="Kyiv asks"))
    lines = [str(group) for group in grouped(notices)]
    assert lines == [
        "a.txt:1: the headline is a guess: line 12 was the likeliest",
        "a.txt:12: no link: add its url (Kyiv asks)",
        "left out as page furniture: 13 places in 2 files: a.txt:1-4, a.txt:6-9, a.txt:11-14 and 10 more",
    ]


def test_a_kind_leaves_out_figures_and_names():
    assert (
        kind_of(Notice(message="removed 3 invisible character(s) (U+200B, U+FEFF)")) == "removed invisible character(s)"
    )
    assert kind_of(Notice(message="section 'Sport' is not in issue.toml's sections: it follows")) == (
        "section is not in issue.toml's sections"
    )
    assert kind_of(furniture("a.txt", "1-10")) == "left out as page furniture"


def test_one_file_names_its_lines_and_stories():
    notices = [
        Notice(message="no image src: the story shows as text only", source=Source(file="p.txt", line=n), story=f"S{n}")
        for n in (1, 19, 24, 29)
    ]
    (group,) = grouped(notices)
    assert str(group) == "no image src: 4 stories in p.txt, lines 1 (S1), 19 (S19), 24 (S24) and 1 more"
