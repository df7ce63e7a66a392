"""A pasted page's address, written as its `url:` in front matter over it, is evidence of its headline: most news
sites spell the headline's words in the address (readers/address.py, readers/headline.py). The pages are written
here in the shapes where the lines alone leave the choice open: a line just under the headline that comes close, a
topic's label over it, a standfirst that holds the address's words, an address that spells no words."""

from test_read_guesses import ARTICLE, HEADLINE

from newsletter.readers.address import address_share, sentence, slug_terms
from newsletter.readers.pasted import parse_pasted

ADDRESS = "https://news.example.com/2026/03/12/coalition-loses-upper-house-majority-as-recount-looms"


def read(page: str, url: str = ""):
    notices = []
    text = f"---\nurl: {url}\n---\n{page}" if url else page
    story = parse_pasted(text, "page.txt", notices).stories[0]
    return story, [str(notice) for notice in notices]


def test_an_address_spells_the_words_of_its_path_s_longest_slug_and_no_id():
    assert slug_terms(ADDRESS) == {"coali", "lose", "upper", "house", "major", "recou", "loom"}
    # a hash after the words, a number, a section's name and ".html" are no words of a headline
    assert slug_terms("https://medium.com/@someone/what-the-future-holds-for-cities-e52ab9515573") == {
        "futur", "hold", "citie"
    }  # fmt: skip
    assert slug_terms("https://example.org/world-news/2026/vienna-talks-stall-again.html") == {
        "vienn", "talk", "stall", "again"
    }  # fmt: skip
    # ... and an address of ids and sections spells nothing: no evidence either way
    assert slug_terms("https://www.example.co.uk/news/world-europe-68123456") == frozenset()
    assert slug_terms("https://example.com/article.php?id=4821&title=coalition-loses-majority") == frozenset()
    assert slug_terms("https://example.com/") == frozenset()


def test_a_line_holds_the_address_s_words_as_the_site_spelled_them():
    slug = slug_terms("https://example.de/wirtschaft/kuenstliche-intelligenz-im-kuhstall")
    assert address_share("Künstliche Intelligenz im Kuhstall", slug) == 1.0  # ü spelled ue
    slug = slug_terms("https://example.de/wirtschaft/kunstliche-intelligenz-im-kuhstall")
    assert address_share("Künstliche Intelligenz im Kuhstall", slug) == 1.0  # ... or its mark left off
    slug = slug_terms(
        "https://example.ru/news/%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B-%D0%B2-%D0%BC%D0%BE%D1%81%D0%BA"
        "%D0%B2%D0%B5-%D0%BF%D1%80%D0%BE%D1%88%D0%BB%D0%B8-%D1%81%D0%BF%D0%BE%D0%BA%D0%BE%D0%B9%D0%BD%D0%BE"
    )
    assert address_share("Выборы в Москве прошли спокойно", slug) == 1.0  # an address written in its own letters
    assert address_share("Погода в Москве", slug) < 0.5
    # ... or in Latin letters, as most sites in other scripts spell theirs; an apostrophe spelled out
    slug = slug_terms("https://example.ru/news/vybory-v-moskve-proshli-spokoyno")
    assert address_share("Выборы в Москве прошли спокойно", slug) == 1.0
    slug = slug_terms("https://example.com/2026/11/24/whats-next-for-moldovas-coalition")
    assert address_share("What’s next for Moldova’s coalition", slug) == 1.0


def test_a_line_under_the_headline_that_comes_close_is_no_rival_once_the_address_spells_the_headline():
    page = f"Home\nPolitics\n{HEADLINE}\nVote count ends two seats short\n{ARTICLE}"
    story, notices = read(page)
    assert story.headline == HEADLINE and story.headline_unsure
    assert any('line 4 ("Vote count ends two seats short") comes close' in notice for notice in notices)
    story, notices = read(page, ADDRESS)
    assert (story.headline, story.headline_unsure, story.url) == (HEADLINE, False, ADDRESS)
    assert not any("guess" in notice for notice in notices)
    # ... and the front matter is no part of the page: its closing "---" is not named as left out
    assert notices == [
        'page.txt:4-5: left out as page furniture: "Home", "Politics"',
        'page.txt:7: left out as page furniture: "Vote count ends two seats short"',
    ], notices


def test_the_address_picks_the_headline_under_a_topic_s_label():
    page = f"Home\nPolitics\nUpper House Election 2026\n{HEADLINE}\n{ARTICLE}"
    story, _ = read(page)
    assert story.headline == "Upper House Election 2026" and story.headline_unsure
    story, notices = read(page, ADDRESS)
    assert (story.headline, story.headline_unsure) == (HEADLINE, False)


def test_a_standfirst_that_holds_the_address_s_words_is_not_made_sure_by_them():
    # The headline is not in the paste; the standfirst, a sentence, spells the address: a deck's words, not a title
    standfirst = "The coalition loses its upper house majority, and a recount looms."
    story, notices = read(f"Home\nPolitics\n{standfirst}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}", ADDRESS)
    assert story.headline_unsure
    assert any("page.txt:6: the headline is a guess: line 6 was" in notice for notice in notices)


def test_a_headline_over_its_byline_whose_address_spells_a_line_of_most_read_is_flagged_naming_that_line():
    # The editor's link is another story's, one the page lists above the article: the headline stays, and is flagged
    page = (f"Home\nMost read\nBudget talks stall as senate returns\nFires spread north of the capital\nPolitics\n"
            f"{HEADLINE}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")  # fmt: skip
    story, notices = read(page)
    assert (story.headline, story.headline_unsure) == (HEADLINE, False)
    story, notices = read(page, "https://news.example.com/2026/03/12/budget-talks-stall-as-senate-returns")
    assert (story.headline, story.headline_unsure) == (HEADLINE, True)
    assert any("page.txt:9: the headline is a guess: line 9 was the likeliest of 4 lines that could be, but line 6 "
               '("Budget talks stall as senate returns") holds more of the address\'s words' in notice
               for notice in notices)  # fmt: skip


def test_the_page_s_title_over_its_menu_is_the_headline_when_the_address_spells_it():
    headline = "Recount looms for coalition"
    page = f"{headline}\nHome\nPolitics\nSunday's count\nBy Anna Petrova\n12 March 2026\n{ARTICLE}"
    story, notices = read(page)
    assert story.headline == "Sunday's count" and story.headline_unsure
    story, notices = read(page, "https://news.example.com/2026/03/12/recount-looms-for-coalition")
    assert (story.headline, story.headline_unsure) == (headline, False)


def test_an_address_that_spells_no_line_leaves_the_choice_as_the_lines_make_it():
    page = f"Home\nPolitics\n{HEADLINE}\nVote count ends two seats short\n{ARTICLE}"
    for address in ("https://news.example.com/2026/03/12/a-different-story-about-football-transfers",
                    "https://www.example.co.uk/news/world-europe-68123456"):  # fmt: skip
        story, notices = read(page, address)
        assert story.headline == HEADLINE and story.headline_unsure
        assert any("comes close" in notice for notice in notices)


def test_a_few_of_the_address_s_words_in_the_chosen_line_do_not_make_it_sure():
    # The address shares one word with the headline: that ranks it a little, and the line under it still comes close
    page = f"Home\nPolitics\n{HEADLINE}\nVote count ends two seats short\n{ARTICLE}"
    story, notices = read(page, "https://news.example.com/2026/03/12/coalition-budget-talks-delayed-again")
    assert story.headline == HEADLINE and story.headline_unsure
    assert any('line 7 ("Vote count ends two seats short") comes close' in notice for notice in notices)


def test_a_line_ending_in_any_script_s_full_stop_is_a_sentence_which_the_address_never_makes_sure():
    assert sentence("The coalition loses its majority, and a recount looms.")
    assert sentence("Ազգային ժողովն այսօր վավերացրեց համաձայնագիրը։")  # Armenian
    assert sentence("الیکشن ٹریبونل نے دوبارہ پولنگ کرانے کا حکم دے دیا۔")  # Urdu
    assert sentence("चुनाव आयोग ने नतीजे घोषित किए।")  # Hindi
    assert not sentence("Coalition loses upper house majority as recount looms")
    assert not sentence("Vote count in the U.S.")  # an abbreviation's full stop
