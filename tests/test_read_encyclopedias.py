"""An encyclopedia's article as pasted: its title, the line saying whose it is ("From Wikipedia, the free
encyclopedia"), an infobox of short lines that share the article's words, then the article (readers/encyclopedias.py).
The title is the headline, and sure, wherever the tabs stand. The pages are written here in that shape."""

import pytest
from test_read_kickers import read

TITLE = "Aldwyn Canal"
INFOBOX = (
    "Aldwyn Canal\nThe restored locks at Ferrow Bridge in 2011\nSpecifications\nLength\n14.2 miles (22.9 km)\nLocks\n"
    "23\nStatus\nPartly restored\nNavigation authority\nCanal & River Trust\nHistory\nOriginal owner\n"
    "Aldwyn Navigation Company\nPrincipal engineer\nJohn Pinkerton\nDate of act\n1794\nDate completed\n1801\n"
)
ARTICLE = (
    "The Aldwyn Canal is a partly restored canal in Shropshire and Staffordshire, England, which ran for fourteen "
    "miles from the River Severn at Ferrow Bridge to the coalfields north of Aldwyn.\n"
    "It was built by the Aldwyn Navigation Company under the engineer John Pinkerton between 1794 and 1801, and "
    "carried coal, lime and iron until the railway took most of its trade in the 1860s.\n"
    "The canal closed in 1944. A trust formed in 1972 has since restored nine of its twenty-three locks, and boats "
    "can again reach Ferrow Bridge from the Severn in summer.\n"
)


# Wikipedia's skin of 2022 as a paste with scripts off holds its menus whole between the title and that line
SKIN = (
    "12 languages\nArticle\nTalk\nRead\nEdit\nView history\nTools\nActions\nRead\nEdit\nView history\nGeneral\n"
    "What links here\nRelated changes\nUpload file\nPermanent link\nPage information\nCite this page\n"
    "Get shortened URL\nDownload QR code\nPrint/export\nDownload as PDF\nPrintable version\nIn other projects\n"
    "Wikimedia Commons\nWikidata item\nAppearance\nhide\nText\nSmall\nStandard\nLarge\nWidth\nStandard\nWide\n"
    "Color (beta)\nAutomatic\nLight\nDark\nFrom Wikipedia, the free encyclopedia\n"
)


@pytest.mark.parametrize(
    "header",
    [
        f"{TITLE}\nFrom Wikipedia, the free encyclopedia\nJump to navigation Jump to search\n",
        f"{TITLE}\n12 languages\nArticle\nTalk\nRead\nEdit\nView history\nTools\n"
        "From Wikipedia, the free encyclopedia\n",  # the tabs between (Wikipedia's skin of 2022)
        f"{TITLE}\nAus Wikipedia, der freien Enzyklopädie\nZur Navigation springen\n",
        f"Contents\n(Top)\n1 History\n2 Canal\n3 References\nToggle the table of contents\n{TITLE}\n{SKIN}",
    ],
)
def test_an_encyclopedia_s_title_over_whose_it_is_is_the_headline_not_an_infobox_line(header):
    story, _ = read(f"Main page\nContents\nCurrent events\nRandom article\n{header}{INFOBOX}{ARTICLE}")
    assert (story.headline, story.headline_unsure) == (TITLE, False)


def test_with_no_title_sharing_the_article_s_words_over_whose_it_is_the_choice_is_the_reader_s_and_flagged():
    """The title not in the paste (the selection started under it): no line over "From Wikipedia, ..." holds the
    article's words, so none is taken as the page's own title; the likeliest is a guess, and flagged."""
    story, _ = read(f"Main page\nContents\n{SKIN}{INFOBOX}{ARTICLE}")
    assert story.headline_unsure
