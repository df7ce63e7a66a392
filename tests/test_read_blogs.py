"""A blog's page as pasted (Blogger's layout, and many themes' of its years): the blog's name, its description, the
post's date over the post's title, then the post (readers/posts.py). The post's title is the headline, and sure; the
description is no paragraph of the post, and the blog's name is no headline. The pages are written here in that
shape."""

from test_read_kickers import read

POST = (
    "I went along to the parish council's spring meeting on Monday night, mostly because the notice about the "
    "footpath closure had been pinned to the church door upside down.\n"
    "There were nine councillors, a clerk, and a planning officer whose laptop would not talk to the projector, "
    "which took the first twenty minutes of the evening.\n"
    "When the chair asked for any other business I asked when the footpath along the brook would open again, and "
    "was told that a survey had been commissioned and the council was waiting for its report.\n"
)
TITLE = "The parish council meets, and nobody mentions the footpath"


def test_a_blog_post_s_title_under_its_date_is_the_headline_not_the_blog_s_name_over_its_description():
    page = (
        "Next Blog»\nCreate Blog\nSign In\nNotes from the Lower Field\n"
        "Gardening, weather, and the odd rant from the edge of the Fens.\n"
        f"Tuesday, 14 April 2009\n{TITLE}\n{POST}"
        "Posted by Margaret Allsop at 21:41\nLabels: footpaths, village life\n"
    )
    story, _ = read(page)
    assert (story.headline, story.headline_unsure) == (TITLE, False)
    assert story.body[0].text.startswith("I went along to the parish council")  # not the blog's description


def test_a_standfirst_over_the_date_and_a_caption_is_the_article_s_and_its_headline_stands():
    """A headline over its standfirst, the date and a photo's caption under them: the standfirst holds the
    article's words, so it is no blog's description, and the caption no post's title."""
    headline = "Parish council waits for a survey before the brook footpath opens"
    page = (
        "Home\nNews\nPolitics\n"
        f"{headline}\n"
        "The council's chair told the spring meeting that the footpath along the brook stays closed until a survey "
        "reports.\n"
        "14.04.2009 um 16:14 Uhr - Margaret Allsop\n"
        "The footpath along the brook, closed since the winter floods\n"
        f"{POST}"
    )
    story, _ = read(page)
    assert story.headline == headline
