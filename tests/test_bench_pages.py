"""The page benchmark scores as the article extraction benchmark does (bench/pages.py)."""

import importlib.util
import random
import sys
from pathlib import Path

import pytest

spec = importlib.util.spec_from_file_location("bench_pages", Path(__file__).parent.parent / "bench" / "pages.py")
bench = sys.modules["bench_pages"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def test_shingles_are_runs_of_four_word_tokens_with_case_kept():
    assert bench.shingles("One two, three-four five") == {
        ("One", "two", "three", "four"): 1,
        ("two", "three", "four", "five"): 1,
    }
    assert bench.shingles("Too short") == {("Too", "short"): 1}


def test_a_page_counts_shares_of_its_own_shingles():
    # true: a b c d e f (3 shingles); predicted: a b c d e X Y (4 shingles, 2 shared)
    tp, fp, fn = bench.match("a b c d e f", "a b c d e X Y")
    assert (tp, fp, fn) == pytest.approx((2 / 5, 2 / 5, 1 / 5))
    assert bench.precision(tp, fp, fn) == pytest.approx(0.5)
    assert bench.recall(tp, fp, fn) == pytest.approx(2 / 3)


def test_nothing_predicted_scores_zero_and_exact_scores_one():
    assert bench.precision(*bench.match("a b c d e", "")) == 0
    assert bench.recall(*bench.match("a b c d e", "")) == 0
    assert bench.precision(*bench.match("a b c d e", "a b c d e")) == 1


def test_the_stress_changes_a_page_around_its_headline():
    lines = ["Home", "Budget Year Ahead - Courier", "", "Budget Year Ahead", "By Anna", "First paragraph here.", "End"]
    others = ["Other One", "Other Two", "Other Three"]
    found = bench.stressed(lines, ["Budget Year Ahead"], "First paragraph here.", others, random.Random(1))
    assert found["removed"] == ["Home", "", "By Anna", "First paragraph here.", "End"]  # both copies go
    assert found["replaced"] == ["Home", "Other One", "", "Other One", "By Anna", "First paragraph here.", "End"]
    assert found["menu above"][1] in bench.MENUS and found["menu above"][2] == "Budget Year Ahead - Courier"
    assert found["box above"][1:5] == [*others, "Budget Year Ahead - Courier"]
    assert found["site above"][1] in bench.SITES and found["site above"][2] == "Budget Year Ahead - Courier"
    assert found["buttons under"][1] == "Budget Year Ahead - Courier"
    buttons = found["buttons under"][2:5]
    assert len(set(buttons)) == 3 and set(buttons) <= set(bench.BUTTONS) and found["buttons under"][5] == ""
    caption, credit = found["caption under"][2:4]
    assert caption in bench.CAPTIONS and credit in bench.CREDITS
    assert found["box under"][4:10] == ["By Anna", "Related", *others, "First paragraph here."]


def test_the_stress_draws_from_its_pools_the_same_way_for_a_seed_and_differently_across_seeds():
    lines = ["Budget Year Ahead", "By Anna", "First paragraph here."]
    draw = [bench.stressed(lines, ["Budget Year Ahead"], lines[2], ["Other"], random.Random(seed)) for seed in range(8)]
    assert draw[0] == bench.stressed(lines, ["Budget Year Ahead"], lines[2], ["Other"], random.Random(0))
    assert len({tuple(found["buttons under"]) for found in draw}) > 1
    assert len({tuple(found["menu above"]) for found in draw}) > 1
