"""The made-up pages' benchmark (bench/madeup.py) scores a story as the editor sees it."""

import importlib.util
import json
import sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("bench_madeup", Path(__file__).parent.parent / "bench" / "madeup.py")
madeup = sys.modules["bench_madeup"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(madeup)

LEDE = (
    "The governing coalition lost its majority in the upper house on Sunday, after a night of counting that left "
    "the prime minister two seats short of the votes she needs to pass the budget."
)
LAST = (
    "Opposition leaders said they would table a motion of no confidence as soon as parliament returns next month, "
    "though it is far from clear that they have the votes to win it."
)
PAGE = {"headline": "Coalition loses upper house majority", "first": LEDE, "last": LAST}


def test_a_page_read_right_scores_good_everywhere():
    text = f"Home\nWorld\nCoalition loses upper house majority\nBy Anna Petrova\n{LEDE}\n{LAST}\nShare\n"
    assert madeup.score({**PAGE, "text": text}) == ("right and sure", "good", "good")


def test_text_above_the_lede_or_under_the_last_paragraph_and_a_lost_lede_or_a_cut_article_are_scored_so():
    caption, pitch = "The prime minister at the count on Sunday night", "Support the Courier: subscribe today."
    headline = PAGE["headline"]
    assert madeup.judged(PAGE, headline, False, [caption, LEDE, LAST, pitch]) == ("right and sure", "early", "long")
    assert madeup.judged(PAGE, headline, True, [LAST]) == ("right, flagged", "late", "good")
    assert madeup.judged(PAGE, "Live updates", False, [LEDE]) == ("wrong, not flagged", "good", "short")
    assert madeup.judged(PAGE, "Live updates", True, [LEDE, LAST])[0] == "wrong, flagged"


def test_a_wrong_headline_is_scored_wrong_and_a_headline_with_the_site_s_suffix_right():
    assert not madeup.right("Live updates", "Coalition loses upper house majority")
    assert madeup.right("Coalition loses upper house majority", "Coalition Loses Upper House Majority | The Courier")
    assert madeup.right("Coalition’s “big night” – over", 'Coalition\'s "big night" - over.')


def test_each_pool_holds_its_pages_with_what_the_editor_expects():
    for pool in [*madeup.READ, *madeup.KEPT]:
        pages = json.loads((madeup.POOLS / f"{pool}.json").read_text(encoding="utf-8"))
        assert len(pages) == {"kept": 80, "chinese": 32}.get(pool, 40), pool
        assert all({"text", "headline", "first", "last"} <= set(page) for page in pages.values())


def test_a_page_read_again_with_its_headline_taken_out_counts_whether_the_line_chosen_instead_is_flagged():
    text = f"Home\nWorld\nCoalition loses upper house majority\nBy Anna Petrova\n{LEDE}\n{LAST}\nShare\n"
    assert madeup.taken_out({**PAGE, "text": text}) == "flagged"  # "World" is all that is left over the byline
    deck = "Prime minister two seats short of a majority after a night of counting"
    text = f"Home\nWorld\nCoalition loses upper house majority\n{deck}\nBy Anna Petrova\n{LEDE}\n{LAST}\nShare\n"
    assert madeup.taken_out({**PAGE, "text": text}) == "not flagged"  # the standfirst, in the headline's place


def test_a_page_given_the_address_its_headline_s_words_make_is_read_with_it_even_with_the_headline_taken_out():
    assert madeup.address_of(PAGE) == "https://news.example.org/2026/11/24/coalition-loses-upper-house-majority"
    assert madeup.address_of({"headline": "Выборы в Москве"}) == "https://news.example.org/2026/11/24/vybory-v-moskve"
    assert madeup.address_of({"headline": "東京都知事選の投票始まる"}) == ""  # a site numbers such a page instead
    kicker = "Upper House Election 2026"
    text = f"Home\nWorld\n{kicker}\nCoalition loses upper house majority\n{LEDE}\n{LAST}\nShare\n"
    assert madeup.score({**PAGE, "text": text})[0] == "right, flagged"  # a topic's label over it comes close
    assert madeup.score({**PAGE, "text": text}, addressed=True)[0] == "right and sure"
    # The address spells a headline the page no longer holds: the line chosen instead is flagged
    assert madeup.taken_out({**PAGE, "text": text}, addressed=True) == "flagged"
