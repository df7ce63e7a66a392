"""A saved page's pictures: which address each shows, its alt text, caption and credit, and what is set aside."""

from test_read_html import BRIDGE_HTML, saved

CDN = "https://cdn.riverside.example/2026"


def test_the_lead_s_alt_caption_and_credit_are_those_of_the_picture_the_story_shows(tmp_path):
    """The same photo at another size over the page's headline (a banner, its alt the headline): the caption and alt
    text are those the article sets under its own picture, not the banner's."""
    head = f"<meta property='og:image' content='{CDN}/pier-cracks.jpg'>"
    banner = (
        f"<img src='{CDN}/pier-cracks-1200.jpg' srcset='{CDN}/pier-cracks-640.jpg 640w, {CDN}/pier-cracks-1200.jpg "
        "1200w' alt='Bridge to close'>"
    )
    figure = (
        f"<figure><img src='{CDN}/pier-cracks-640.jpg' alt='Cracks in the north pier'>"
        "<figcaption>The north pier in October. <span class='credit'>Jo Smith/Riverside Daily</span></figcaption>"
        "</figure>"
    )
    article = f"<article><h1>Bridge to close</h1>{figure}{BRIDGE_HTML}</article>"
    story, notices = saved(tmp_path, f"<html><head>{head}</head><body>{banner}{article}</body></html>")
    assert story.image.src == f"{CDN}/pier-cracks.jpg"
    assert story.image.alt == "Cracks in the north pier"
    assert (story.caption, story.credit) == ("The north pier in October.", "Jo Smith/Riverside Daily")
    assert notices == []
