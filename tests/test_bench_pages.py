"""The page benchmark scores as the article extraction benchmark does (bench/pages.py)."""

import importlib.util
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
