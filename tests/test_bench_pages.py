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


ARTICLES = {
    "Harbour Bridge Closes for a Year of Repairs": (
        "The city council voted on Tuesday to close the harbour bridge for a year of repairs after inspectors found "
        "cracks in two of its piers, forcing thousands of commuters onto ferries and a long detour inland.",
        "Engineers said the cracks were not an immediate danger but had grown each winter as frost and road salt "
        "worked into the concrete, and that a full closure was cheaper than years of partial lane closures.",
        "Ferry operators said they would add boats at rush hour, while the council promised free bus shuttles "
        "between the two ends of the bridge until the repairs are finished next autumn.",
    ),
    "Farmers Count the Cost of a Dry Summer": (
        "Farmers across the southern plains are counting the cost of the driest summer in forty years, with wheat "
        "yields down by a third and many herds sold early because pasture ran out in August.",
        "The agriculture ministry said on Monday that it would extend drought payments to smaller farms and delay "
        "loan repayments for a year, after a week of protests by growers outside regional offices.",
        "Economists warned that bread and milk prices would rise through the winter, as stocks held by millers and "
        "dairies run down faster than in an ordinary year.",
    ),
    "Museum Returns Bronze Heads to Their City": (
        "A national museum handed back twelve bronze heads on Friday to the city they were taken from more than a "
        "century ago, ending a long campaign by the city's elders and its historians.",
        "The heads will be shown first in the city's old palace, where a new gallery has been built for them, and "
        "later travel to other museums on loan under an agreement signed at the ceremony.",
        "Curators said the return followed two years of research into how the bronzes left the city, and that other "
        "pieces in the collection are now being studied the same way.",
    ),
}


def test_stress_counts_each_change_over_the_pages_read_right(tmp_path):
    import gzip
    import json

    keys = [key for key in (f"page{n:03d}" for n in range(40)) if bench.half_of(key) == "dev"][: len(ARTICLES)]
    (tmp_path / "pages").mkdir()
    for key, (headline, paragraphs) in zip(keys, ARTICLES.items(), strict=True):
        page = f"Home\nWorld\n{headline}\nBy Anna Petrova\nNovember 19, 2026\n" + "\n".join(paragraphs) + "\n"
        (tmp_path / "pages" / f"{key}.txt").write_text(page, encoding="utf-8")
        html = f'<html><head><meta property="og:title" content="{headline}"></head><body><h1>{headline}</h1></body>'
        (tmp_path / "pages" / f"{key}.html.gz").write_bytes(gzip.compress(html.encode()))
    (tmp_path / "ground-truth.json").write_text(json.dumps({key: {} for key in keys}), encoding="utf-8")
    counts = bench.stress("dev", tmp_path)
    assert set(counts) == set(bench.STRESSES)
    for kind, (total, right, unflagged, warned) in counts.items():
        assert total == len(ARTICLES), kind  # every page read right is changed each way
        assert right + unflagged <= total and warned <= right, kind
    assert counts["removed"][1] == 0 and counts["replaced"][1] == 0  # its own headline is gone: never "right"
    assert counts["site above"][:2] == (len(ARTICLES), len(ARTICLES))  # a site's name above is never the headline
