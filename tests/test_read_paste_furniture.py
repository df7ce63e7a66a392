"""A pasted page's furniture around its headline and lead photo (readers/text.py, readers/credits.py,
readers/words.py): a breadcrumb trail is no caption or credit. The pages are written here in the shapes sites
paste in, by hand."""

import re
from pathlib import Path

from newsletter.readers import read

ARTICLE = (
    "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers "
    "found that its steel supports had corroded faster than expected.\n"
    "The bridge carries about 14,000 vehicles a day, and the council said buses and bicycles would still be allowed "
    "to cross while repairs are planned over the coming two years.\n"
    "Shop owners on both banks said they feared losing customers, and asked the council to fund a free ferry during "
    "the works, which the mayor said she would consider next month.\n"
)
HEADLINE = "The council closes the old harbour bridge to cars from next spring as its supports corrode"


def read_paste(folder: Path, page: str):
    """The page pasted into a .txt file and read as `newsletter import PAGE.txt` reads it: its article and notices."""
    path = folder / "page.txt"
    path.write_text(page, encoding="utf-8")
    notices = []
    return read(path, notices).stories[0], [str(notice) for notice in notices]


def left_out(notices: list[str], number: int) -> bool:
    """A notice names the page's line `number` among the lines left out."""
    runs = [re.search(r"page\.txt:(\d+)(?:-(\d+))?: left out", notice) for notice in notices]
    return any(run and int(run[1]) <= number <= int(run[2] or run[1]) for run in runs)


def test_a_breadcrumb_trail_over_the_headline_is_no_photo_credit(tmp_path):
    """ "News / Politics" among the menu over the headline: the page's place, left out and named, no credit."""
    page = f"Germany\nWorld\nBusiness\nCulture\nNews / Politics\nAdvertisement\nPolitics\n{HEADLINE}\n{ARTICLE}"
    story, notices = read_paste(tmp_path, page)
    assert story.headline == HEADLINE
    assert story.credit == ""
    assert left_out(notices, 5)


def test_a_breadcrumb_trail_over_the_lead_photos_credit_is_no_caption(tmp_path):
    """The trail ending in the headline, then the photo's credit alone: the credit is the photo's, with no caption."""
    page = f"Travel\nFood\nFashion\nHome / Travel / Cities / {HEADLINE}\n© Getty Images\nTravel\n{HEADLINE}\n" \
        f"By Anna Petrova\n{ARTICLE}"  # fmt: skip
    story, notices = read_paste(tmp_path, page)
    assert story.headline == HEADLINE
    assert story.credit == "© Getty Images"
    assert story.caption == ""
    assert left_out(notices, 4)
