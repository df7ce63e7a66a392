"""A saved page's pictures: which address each shows, its alt text, caption and credit, and what is set aside."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_read_html import BRIDGE_HTML, left_out, pictured, saved

from newsletter.readers.lines import shown

CDN = "https://cdn.riverside.example/img"
SETS = ("srcset", "data-srcset", "data-lazy-srcset", "data-src")


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


SVG_STAND_IN = "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%203%202'%3E%3C/svg%3E"
GIF_STAND_IN = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"


@pytest.mark.parametrize(
    ("img", "shown"),
    [
        # an SVG stands in; the picture's sizes are in its srcset, its addresses holding commas (an image CDN's)
        (
            f'<img src="{SVG_STAND_IN}" srcset=\'{CDN}/q_80,w_320/pier-cracks.jpg 320w, '
            f"{CDN}/q_80,w_1280/pier-cracks.jpg 1280w,{CDN}/q_80,w_640/pier-cracks.jpg 640w'>",
            f"{CDN}/q_80,w_1280/pier-cracks.jpg",
        ),
        # a tiny GIF stands in; the sizes wait in data-srcset, by pixel density
        (
            f"<img src='{GIF_STAND_IN}' data-srcset='{CDN}/pier-cracks.jpg 1x, {CDN}/pier-cracks@2x.jpg 2x'>",
            f"{CDN}/pier-cracks@2x.jpg",
        ),
        # an SVG file stands in, the picture in data-lazy-srcset and data-lazy-src: the largest of its sizes
        (
            f"<img src='/assets/lazy-placeholder.svg' data-lazy-src='{CDN}/pier-cracks-768x512.jpg' "
            f"data-lazy-srcset='{CDN}/pier-cracks-768x512.jpg 768w, {CDN}/pier-cracks.jpg 2048w'>",
            f"{CDN}/pier-cracks.jpg",
        ),
        # a page that set the srcset as the src: one address, no descriptor
        (
            f"<img src='{CDN}/pier-cracks.jpg 1200w, {CDN}/pier-cracks-300.jpg 300w'>",
            f"{CDN}/pier-cracks.jpg",
        ),
        # a file name with a space in it, as browsers ask for it
        (f"<img src='{CDN}/pier cracks.jpg'>", f"{CDN}/pier%20cracks.jpg"),
    ],
    ids=["svg-srcset", "gif-data-srcset", "svg-file-lazy-srcset", "srcset-as-src", "space"],
)
def test_a_picture_standing_in_gives_way_to_the_largest_of_its_srcset(tmp_path, img, shown):
    """The page names no lead image: the article's picture is the story's, at the address a browser would show it
    from, its largest; no stand-in, no descriptor, no space in it."""
    story, notices = pictured(tmp_path, [img.replace("<img ", "<img alt='Cracks in the north pier' ")])
    assert (story.image.src, story.image.alt) == (shown, "Cracks in the north pier")
    assert notices == []


def test_pictures_each_standing_in_with_one_blank_file_are_each_named(tmp_path):
    """A lazily loaded picture's stand-in is one file for all ("1x1-white.jpg"): the pictures were one, and only
    the first was named."""
    pictures = [
        f"<img src='/images/1x1-white.jpg' data-src='{CDN}/{name}.jpg' alt='{alt}'>"
        for name, alt in (("pier-cracks", "Cracks in the north pier"), ("detour", "The detour"), ("ferry", "The ferry"))
    ]
    story, notices = pictured(tmp_path, pictures)
    assert story.image.src == f"{CDN}/pier-cracks.jpg"
    assert notices == [left_out("The detour", "The ferry")]


SRCSET_URL = st.from_regex(r"https://cdn\.example/(?:[a-z_,]{1,8}/){0,2}[a-z-]{1,8}\.(?:jpg|png)", fullmatch=True)
DESCRIPTOR = st.sampled_from(["", " 320w", " 1280w", " 2x", " 1.5x", " 640w 480h", "  ", " 0w", " x"])
SRCSET = st.lists(st.tuples(SRCSET_URL, DESCRIPTOR), min_size=1, max_size=4).map(
    lambda parts: ",".join(f"{url}{descriptor}" for url, descriptor in parts)
)


@settings(max_examples=300, deadline=None)
@given(src=st.one_of(st.just(SVG_STAND_IN), st.just(""), SRCSET), candidates=SRCSET, key=st.sampled_from(SETS))
def test_no_descriptor_or_space_ever_ends_up_in_a_picture_s_address(src, candidates, key):
    from lxml import html

    from newsletter.readers.pictures import picture_source

    img = html.fragment_fromstring("<img>")
    img.set("src", src)
    img.set(key, candidates)
    address = picture_source(img)
    assert not re.search(r"\s|\d+[wx]$", address), address
    assert address == "" or address.startswith("https://cdn.example/")


@pytest.mark.parametrize(
    ("alt", "shown", "credit"),
    [
        ("Photo: Jane Doe/Reuters", "", "Photo: Jane Doe/Reuters"),
        ("Getty Images", "", "Getty Images"),
        ("© AFP", "", "© AFP"),
        ("Jane Doe/AFP via Getty Images", "", "Jane Doe/AFP via Getty Images"),
        # a credit after what the picture shows is cut off it
        ("Cracks in the north pier (Photo: Jo Smith)", "Cracks in the north pier", "Photo: Jo Smith"),
        (
            "Cracks in the north pier, seen from the ferry on Monday. Jo Smith/AP",
            "Cracks in the north pier, seen from the ferry on Monday.",
            "Jo Smith/AP",
        ),
        # a description that says "via" is no credit
        ("Traffic diverted via Main Street", "Traffic diverted via Main Street", ""),
    ],
)
def test_a_photo_credit_is_no_alt_text(tmp_path, alt, shown, credit):
    """A screen reader read the credit out as what the picture shows: it is the story's credit (the page gives
    none other), and the picture has no alt text but what it says the picture shows."""
    story, _ = pictured(tmp_path, [f'<img src="{CDN}/pier-cracks.jpg" alt="{alt}">'])
    assert (story.image.alt, story.credit) == (shown, credit)


def test_a_credit_for_alt_text_gives_way_to_the_caption_and_the_credit_stays_the_figure_s(tmp_path):
    figure = (
        f"<figure><img src='{CDN}/pier-cracks.jpg' alt='Photo: Jo Smith/Riverside Daily'>"
        "<figcaption>The north pier in October. <span class='credit'>Jo Smith/Riverside Daily</span></figcaption>"
        "</figure>"
    )
    story, _ = pictured(tmp_path, [figure])
    assert story.image.alt == "The north pier in October."
    assert (story.caption, story.credit) == ("The north pier in October.", "Jo Smith/Riverside Daily")


@pytest.mark.parametrize(
    ("figcaption", "credit"),
    [
        ("Photo: Jane Doe/Reuters", "Photo: Jane Doe/Reuters"),
        ("Getty Images", "Getty Images"),
        ("© AFP", "© AFP"),
        # the credit in two parts, one marked as the credit
        ("Photo: <span class='credit'>Jane Doe/Reuters</span>", "Photo: Jane Doe/Reuters"),
    ],
)
def test_a_figcaption_holding_only_a_credit_is_the_credit_and_no_caption(tmp_path, figcaption, credit):
    """A caption says what the picture shows; a credit alone says who took it: the story printed it under the
    picture as its caption, and gave it no credit."""
    picture = f"<img src='{CDN}/pier-cracks.jpg' alt='Cracks in the north pier'>"
    figure = f"<figure>{picture}<figcaption>{figcaption}</figcaption></figure>"
    story, notices = pictured(tmp_path, [figure])
    assert (story.image.alt, story.caption, story.credit) == ("Cracks in the north pier", "", credit)
    assert notices == []


def test_a_lazily_loaded_picture_whose_data_src_names_no_picture_file_is_set_aside_saying_so(tmp_path):
    """Its stand-in was named as an icon, a portrait or a link; with no stand-in file it was dropped unnamed. A
    counting pixel waiting in data-src stays unnamed, as every counting pixel."""
    pictures = [
        f"<img src='{CDN}/pier-cracks.jpg' alt='Cracks in the north pier'>",
        f"<img src='{CDN}/assets/blank.gif' data-src='#' alt='The pier at dawn'>",
        f"<img src='{CDN}/assets/blank.gif' data-original='javascript:loadPicture(3)' alt='The detour'>",
        f"<img src='{GIF_STAND_IN}' data-lazy-src='https://stats.riverside.example/count?story=bridge' alt='Ferry'>"
        f"<img src='{GIF_STAND_IN}' data-src='https://stats.riverside.example/count?story=bridge' width='1' "
        "height='1'>",
    ]
    story, notices = pictured(tmp_path, pictures)
    assert story.image.src == f"{CDN}/pier-cracks.jpg"
    assert notices == [
        unloaded(
            '"The pier at dawn" (data-src "#")',
            '"The detour" (data-original "javascript:loadPicture(3)")',
            '"Ferry" (data-lazy-src "https://stats.riverside.example/count?s…")',
        )
    ]


def unloaded(*named: str) -> str:
    """The notice naming lazily loaded pictures set aside, what each was to load naming no picture file."""
    return (
        f"set aside {len(named)} lazily loaded picture(s) in the article: what each was to load names no picture file "
        f"(\"#\", a script, a counter's or a page's address, or a picture's without a file name): {', '.join(named)}"
    )


@pytest.mark.parametrize(
    "stand_in",
    [
        "/wp-content/plugins/lazy-load/images/lazy_placeholder.gif",
        "/assets/lazy-load-placeholder.png",
        "/static/grey.gif",
        "/img/x.gif",
        "/static/3f9a0c1d2e.png",
    ],
    ids=["lazy_placeholder", "lazy-load-placeholder", "grey", "x", "hashed"],
)
@pytest.mark.parametrize("key", ["data-src", "data-lazy-src", "data-original", "data-srcset"])
@pytest.mark.parametrize(
    "address", [f"{CDN}/pier-cracks.jpg", "https://images.riverside.example/image/sz.1.39192/400x300?v=1557"]
)
def test_a_lazily_loaded_picture_is_the_one_its_lazy_attribute_names_whatever_its_stand_in_is_called(
    tmp_path, stand_in, key, address
):
    """A lazily loaded picture's src holds what the page shows while it loads, a file of any name; the lazy loader
    puts the picture in its data-src (data-lazy-src, data-original, data-srcset) there. A stand-in whose name the
    reader did not know ("grey.gif", "x.gif") was the story's picture; one whose name said placeholder was set aside
    as an icon, and the picture with it. An image service's address there, no picture suffix in it, is a picture's,
    as in a src (it was set aside as naming no picture file); a counter's is none (the test above, and below)."""
    picture = f"<img src='{stand_in}' {key}='{address}' alt='Cracks in the north pier'>"
    story, notices = pictured(tmp_path, [picture])
    assert (story.image.src, story.image.alt) == (address, "Cracks in the north pier")
    assert notices == []


@pytest.mark.parametrize(
    "img",
    [
        f"<img src='/img/transparent.gif' data-dejavu-src='{CDN}/pier-cracks.jpg' alt='Cracks in the north pier'>",
        f"<img src='{GIF_STAND_IN}' data-hi-res-src='{CDN}/pier-cracks.jpg' alt='Cracks in the north pier'>",
        f"<img data-lazy='{CDN}/pier-cracks.jpg' alt='Cracks in the north pier'>",
        f"<img src='/static/shim.gif' data-retina-src='{CDN}/pier-cracks.jpg' alt='Cracks in the north pier'>",
    ],
    ids=["dejavu-src", "hi-res-src", "no-src", "retina-src"],
)
def test_a_picture_waiting_in_any_data_attribute_under_a_stand_in_is_the_story_s(tmp_path, img):
    """A lazy loader of its own keeps the picture's address in a data-* attribute the reader did not know (data-
    dejavu-src, data-hi-res-src, data-lazy): the picture was lost without a word. A picture in its own src keeps it,
    whatever other address a data-* attribute holds (a Pinterest button's, an editor's copy of where it came from)."""
    from lxml import html

    from newsletter.readers.pictures import picture_source

    story, notices = pictured(tmp_path, [img])
    assert (story.image.src, story.image.alt) == (f"{CDN}/pier-cracks.jpg", "Cracks in the north pier")
    assert notices == []
    own = html.fragment_fromstring(
        f"<img src='{CDN}/pier-cracks-735x490.jpg' data-pin-media='{CDN}/pier-cracks.jpg' "
        "data-mcesrc='https://elsewhere.example/original.jpg'>"
    )
    assert picture_source(own) == f"{CDN}/pier-cracks-735x490.jpg"


@pytest.mark.parametrize(
    ("img", "named"),
    [
        (
            f"<img src='{GIF_STAND_IN}' data-cid='site/dynamic_size_image-3040' data-field='main_image' alt='Detour'>",
            '"Detour" (data-cid "site/dynamic_size_image-3040")',
        ),
        (
            f"<img src='{GIF_STAND_IN}' data-width='1598' data-chomp-id='l0iqhrrug8au9o5x' data-format='jpg'>",
            'data-chomp-id "l0iqhrrug8au9o5x"',
        ),
        (
            "<img data-lazy='https://images.riverside.example/r/?id=1165492293&w=780' alt='Detour'>",
            '"Detour" (data-lazy "https://images.riverside.example/r/?id=…")',
        ),
    ],
    ids=["data-cid", "data-chomp-id", "no-file-name"],
)
def test_a_picture_a_script_fills_in_is_named_as_set_aside(tmp_path, img, named):
    """A picture whose address the page never wrote, its src a blank GIF or none: a script fills it in from an id in
    a data-* attribute (data-cid, data-chomp-id), or from an image service's address there, no file name in it. It
    was dropped without a word."""
    story, notices = pictured(tmp_path, [f"<img src='{CDN}/pier-cracks.jpg' alt='Cracks in the north pier'>", img])
    assert story.image.src == f"{CDN}/pier-cracks.jpg"
    assert notices == [unloaded(named)]


@pytest.mark.parametrize("key", ["src", "data-src"])
def test_a_picture_whose_over_long_address_names_no_file_is_named_for_its_length(tmp_path, key):
    """An image service's address past the length of a story's link, with no picture file's suffix (a tracker's
    query): it was passed over without a word, the next picture the story's as if it were the first."""
    link = "https://images.riverside.example/render?id=7&track=" + "x" * 9_000
    stand_in = "" if key == "src" else f"src='{GIF_STAND_IN}' "
    pictures = [f"<img {stand_in}{key}='{link}' alt='The council'>", f"<img src='{CDN}/pier-cracks.jpg' alt='Pier'>"]
    story, notices = pictured(tmp_path, pictures)
    assert story.image.src == f"{CDN}/pier-cracks.jpg"
    assert notices == [
        'left out the article\'s picture "The council": its link is 9,051 characters long, longer than a link may be'
    ]


SERVICE = "https://images.riverside.example"  # an image service: its addresses name no picture file


@pytest.mark.parametrize(
    "src",
    [
        f"{SERVICE}/image?id=3040",
        f"{SERVICE}/pgc-image/RbYhlxiCp2r8Ej",
        f"{SERVICE}/photo/465395/?width=476",
        f"{SERVICE}/image.php?id=12&w=640",
    ],  # fmt: skip
    ids=["query", "hash", "folder", "script"],
)
def test_a_picture_at_an_image_service_s_address_is_the_story_s(tmp_path, src):
    """An <img>'s address is a picture's whatever its name: with no lead image named, the article's picture at an
    image service's address (no picture suffix) is the story's; it was dropped without a word."""
    story, notices = pictured(tmp_path, [f"<img src='{src}' alt='Cracks in the north pier'>"])
    assert (story.image.src, story.image.alt) == (src, "Cracks in the north pier")
    assert notices == []


def test_the_article_s_other_pictures_at_an_image_service_are_named_as_left_out(tmp_path):
    pictures = [f"<img src='{CDN}/pier-cracks.jpg'>", f"<img src='{SERVICE}/image?id=77' alt='The detour'>"]
    story, notices = pictured(tmp_path, pictures)
    assert story.image.src == f"{CDN}/pier-cracks.jpg"
    assert notices == [left_out("The detour")]


def set_aside_notice(*names: str) -> str:
    named = ", ".join(f'"{name}"' for name in names)
    return (
        f"set aside {len(names)} small or linked picture(s) in the article as icons, portraits or links to other "
        f"pages: {named}"
    )


@pytest.mark.parametrize(
    ("img", "name"),
    [
        # a reader's avatar, its box saying so
        (f"<div class='user-avatar'><img src='{SERVICE}/qzapp/100546991/DE0C1265/100' alt='Airpet'></div>", "Airpet"),
        # an advertisement: an ad server's picture, linked to its click counter ("/ac" to "/ac?jump=1")
        ("<a href='https://ads.example/ac?jump=1&site=4'><img src='https://ads.example/ac?out=img&site=4'></a>", "ac"),
        # an avatar, its folder saying so
        ("<img src='https://secure.gravatar.example/avatar/f87a220e?s=48' alt='Jo Smith'>", "Jo Smith"),
        # an icon by its size
        (f"<img src='{SERVICE}/stat/1475875601' width='88' height='31' alt='Counter'>", "Counter"),
    ],
    ids=["avatar-box", "ad", "avatar-folder", "small"],
)
def test_an_avatar_an_ad_or_an_icon_at_an_image_service_is_set_aside_and_named(tmp_path, img, name):
    """The same evidence as for a picture file's: not the story's picture, named as set aside."""
    story, notices = pictured(tmp_path, [img])
    assert story.image.src == ""
    assert notices == [set_aside_notice(name)]


def test_a_counting_pixel_at_an_image_service_is_not_named(tmp_path):
    pixel = "<img src='https://met.example/na/c25caf8dde2a4a5e' width='1' height='1' alt=''>"
    story, notices = pictured(tmp_path, [pixel, f"<img src='{SERVICE}/image?id=3040'>"])
    assert story.image.src == f"{SERVICE}/image?id=3040"
    assert notices == []


def drawings(*names: str) -> str:
    named = ", ".join(f'"{name}"' for name in names)
    return f"left out {len(names)} drawing(s) in the article (SVG files: icons, diagrams, formulas): {named}"


def test_drawings_in_the_article_are_named_as_left_out_and_are_never_the_story_s_picture(tmp_path):
    """An SVG (a share icon, a formula an image service draws, "/render/svg/<hash>") is no photo: named, not the
    story's; it was dropped without a word."""
    pictures = [
        "<img src='https://riverside.example/theme/twitter-icon.svg' width='20' height='20' alt='Twitter'>",
        "<img src='https://wikimedia.example/api/media/math/render/svg/0f1a4c9aea' alt='N' aria-hidden='true'>",
        f"<img src='{CDN}/pier-cracks.jpg'>",
    ]
    story, notices = pictured(tmp_path, pictures)
    assert story.image.src == f"{CDN}/pier-cracks.jpg"
    assert notices == [drawings("Twitter", "N")]


def test_a_drawing_in_a_captioned_figure_is_named_and_never_the_story_s_picture(tmp_path):
    """A map drawn as an SVG is the article's, but Gmail and Outlook show no SVG: the email would show a gap. It is
    named as left out, as any drawing is."""
    figure = (
        "<figure><img src='https://riverside.example/charts/detour-map.svg' alt='The detour'>"
        "<figcaption>The detour while the bridge is closed</figcaption></figure>"
    )
    story, notices = pictured(tmp_path, [figure])
    assert story.image.src == ""
    assert notices == [drawings("The detour")]


def test_a_picture_the_page_gives_no_address_for_is_named_by_its_words(tmp_path):
    """An <img> a script was to set (no src, or a data: stand-in), with alt text, a title or a caption: named; with
    none of them, nothing to name it by."""
    pictures = [
        "<img title='DONNA ABOOD is principal of Avison Young'>",
        f"<img src='{GIF_STAND_IN}' alt='The ferry at dawn'>",
        "<figure><img class='image'><figcaption>The old pier in 1920</figcaption></figure>",
        "<img class='responsive-image__img' alt=''>",
    ]
    story, notices = pictured(tmp_path, pictures)
    assert story.image.src == ""
    assert notices == [
        "left out 3 picture(s) in the article the page gives no address for (a script was to set it): "
        '"DONNA ABOOD is principal of Avison Young", "The ferry at dawn", "The old pier in 1920"'
    ]


def test_a_picture_with_no_address_is_not_named_beside_its_copy_that_has_one(tmp_path):
    """A slideshow sets the article's photo twice, once with no address for its script to fill: one picture."""
    pictures = [f"<img src='{SERVICE}/image?id=3040' alt='Cracks in the north pier'>",
                "<img class='image-wrapper__image' alt='Cracks in the north pier'>"]  # fmt: skip
    story, notices = pictured(tmp_path, pictures)
    assert story.image.src == f"{SERVICE}/image?id=3040"
    assert notices == []


def test_a_picture_sized_0_high_by_the_page_is_a_picture_not_a_counting_pixel(tmp_path):
    """A page sets height='0' beside width='970' and sizes the picture by its CSS: it was taken for a counting pixel
    and dropped without a word. A counting pixel (both sizes tiny, or one and no other) stays unnamed."""
    pictures = [
        f"<img src='{SERVICE}/img/970x0/north/pier' height='0' width='970' alt='Cracks in the north pier'>",
        "<img src='https://met.example/na/c25caf8d' width='1'>",
        "<img src='https://met.example/na/c25caf8e' width='0' height='2'>",
    ]
    story, notices = pictured(tmp_path, pictures)
    assert (story.image.src, story.image.alt) == (f"{SERVICE}/img/970x0/north/pier", "Cracks in the north pier")
    assert notices == []


@pytest.mark.parametrize(
    "name",
    ["default_user_pic.png", "userpic.jpg", "head_pic.jpg", "def_head.jpg", "missing_face.png", "getUserTouxiang.aspx"],
)
def test_a_reader_s_portrait_named_so_by_its_file_is_set_aside_and_never_the_story_s_picture(tmp_path, name):
    """A commenter's stand-in portrait ("default_user_pic.png") was found as an article's picture, and could be the
    story's."""
    story, notices = pictured(tmp_path, [f"<img src='https://riverside.example/static/imgs/{name}'>"])
    assert story.image.src == ""
    assert notices == [set_aside_notice(name)]


def test_an_img_whose_address_is_a_page_s_or_a_script_s_is_named_as_left_out(tmp_path):
    """An <img> whose src is a page ("page.html": a copied page's empty src, made the page's own address), a script
    or a counter's address: it was dropped without a word. A counting pixel stays unnamed."""
    pictures = [
        f"<img src='{CDN}/pier-cracks.jpg'>",
        "<img src='https://riverside.example/page.html'>",
        "<img src='https://riverside.example/assets/gallery.js' alt='The detour'>",
        "<img src='https://stats.riverside.example/beacon?story=bridge' alt='Ferry'>",
        "<img src='https://stats.riverside.example/page.php' width='1' height='1'>",
    ]
    story, notices = pictured(tmp_path, pictures)
    assert story.image.src == f"{CDN}/pier-cracks.jpg"
    assert notices == [
        "left out 3 picture(s) in the article whose address is not a picture's (a page's, a script's or a counter's): "
        '"page.html", "The detour", "Ferry"'
    ]


@pytest.mark.parametrize(
    "counter",
    ["https://ads.example/pixel?id=134501", "/platform/track/article/d415", "https://ssc.example/?c1=2&c2=1929"],
    ids=["pixel", "track", "query-only"],
)
def test_a_lazily_loaded_counter_s_address_is_named_as_no_picture(tmp_path, counter):
    story, notices = pictured(tmp_path, [f"<img src='{GIF_STAND_IN}' data-src='{counter}' alt='Ferry'>"])
    assert story.image.src == ""
    assert notices == [unloaded(f'"Ferry" (data-src {shown(counter, 40)})')]


def test_a_badge_sized_only_by_its_inline_style_is_set_aside_and_never_the_story_s_picture(tmp_path):
    """A badge with no width or height but its style's ("height:39px") was the story's picture, over the article's
    photo. A copied page's picture its browser had not laid out ("width: 0px") and a wide strip ("width:800px;
    height:139px") stay pictures."""
    pictures = [
        f"<img src='{CDN}/vip-crown.gif' style='height:39px'>",
        f"<img src='{CDN}/pier-cracks.jpg' style='box-sizing: inherit; width: 0px;' alt='Cracks in the pier'>",
        f"<img src='{CDN}/pier-strip.jpg' style='display:block;width:800px;height:138.99px;' alt='The pier'>",
    ]
    story, notices = pictured(tmp_path, pictures)
    assert story.image.src == f"{CDN}/pier-cracks.jpg"
    assert notices == [left_out("The pier"), set_aside_notice("vip-crown.gif")]


def test_a_picture_linked_to_its_own_larger_size_at_an_image_service_is_the_story_s(tmp_path):
    """The article's photo at an image service, linked to itself at a zoom size ("/image/pier.7/860x860"): it was
    set aside as a link to another page, and the story showed no picture. A related story's picture at the same
    service, linked to that story, stays set aside."""
    photo = (
        f"<a href='{SERVICE}/image/pier.7/860x860?v=2&method=resize'><img src='{SERVICE}/image/pier.7/640x360?v=2' "
        f"srcset='{SERVICE}/image/pier.7/320x180?v=2 320w, {SERVICE}/image/pier.7/1280x720?v=2 1280w' "
        "alt='Cracks in the north pier'></a>"
    )
    other = (
        f"<a href='https://riverside.example/ferry-1.44'><img src='{SERVICE}/image/ferry.9/400x300' alt='Ferry'></a>"
    )
    story, notices = pictured(tmp_path, [photo, other])
    assert (story.image.src, story.image.alt) == (f"{SERVICE}/image/pier.7/1280x720?v=2", "Cracks in the north pier")
    assert notices == [set_aside_notice("Ferry")]


def test_a_lead_image_at_another_size_of_the_article_s_photo_at_an_image_service_is_that_photo(tmp_path):
    """The page's lead image is the article's photo at another size, the size a folder of the address
    ("/image/pier.7/1200x675"): the photo's caption and credit are the story's, and the photo is not named as left
    out."""
    head = f"<meta property='og:image' content='{SERVICE}/image/pier.7/1200x675?v=1'>"
    photo = (
        f"<figure><img src='{SERVICE}/image/pier.7/640x360?v=2' alt='Cracks in the north pier'>"
        "<figcaption>The north pier in October. <span class='credit'>Jo Smith</span></figcaption></figure>"
    )
    story, notices = pictured(tmp_path, [photo], head=head)
    assert story.image.src == f"{SERVICE}/image/pier.7/1200x675?v=1"
    assert (story.caption, story.credit) == ("The north pier in October.", "Jo Smith")
    assert notices == []


@pytest.mark.parametrize(
    "img",
    ["<img src='images/3040' alt='Cracks in the north pier'>",
     f"<img src='{GIF_STAND_IN}' data-src='./media/3040' alt='Cracks in the north pier'>"],
    ids=["src", "data-src"],
)  # fmt: skip
def test_a_picture_at_a_relative_address_with_no_suffix_is_the_story_s(tmp_path, img):
    """A picture at an image service's address relative to the page ("images/3040"), as "/images/3040" is: the
    story's picture at the address the page's makes it; it was named as left out, its address a page's, a script's
    or a counter's (or what its lazy loader was to load named no picture)."""
    head = "<link rel='canonical' href='https://riverside.example/news/bridge-to-close'>"
    story, notices = pictured(tmp_path, [img], head=head)
    folder = "images" if "images" in img else "media"
    assert (story.image.src, story.image.alt) == (
        f"https://riverside.example/news/{folder}/3040",
        "Cracks in the north pier",
    )
    assert notices == []


def test_a_picture_in_a_sidebar_beside_the_article_is_named_and_never_the_story_s_picture(tmp_path):
    """A blogger's portrait in the page's sidebar, set between the article's headline and its first paragraph, was
    the story's picture, over the article's own photo. A box named for the sidebar that holds the article too (a
    theme's "content-sidebar-wrap") sets nothing aside."""
    sidebar = (
        "<div class='blog-sidetray'><img src='https://riverside.example/static/jo-smith-portrait.jpg' "
        "alt='Jo Smith, who writes this blog'><p>Jo writes about the river towns.</p></div>"
    )
    photo = f"<figure><img src='{CDN}/pier-cracks.jpg' alt='Cracks in the north pier'></figure>"
    page = (
        "<html><body><div class='content-sidebar-wrap'><h1>Bridge to close</h1>"
        f"{sidebar}{photo}{BRIDGE_HTML}</div></body></html>"
    )
    story, notices = saved(tmp_path, page)
    assert story.image.src == f"{CDN}/pier-cracks.jpg"
    assert [notice.split(":1: ")[1] for notice in notices] == [
        'left out 1 picture(s) beside the article (in a sidebar): "Jo Smith, who writes this blog"'
    ]


def copied_for_no_script(name: str, alt: str, *, lazy_first: bool = False) -> str:
    """A picture set twice, as a site builder's (Squarespace's) and WordPress's lazy loaders set it: a copy in a
    <noscript> for a browser that runs no script, beside the <img> a script loads (its class, "thumb-image", one
    the reader sets aside)."""
    fallback = f"<noscript><img src='{CDN}/{name}' alt='{alt}'></noscript>"
    lazy = f"<img class='thumb-image' data-src='{CDN}/{name}' data-image-dimensions='2500x1667' alt='{alt}'>"
    return f"<div class='image-block-wrapper'>{lazy + fallback if lazy_first else fallback + lazy}</div>"


def test_a_picture_and_its_copy_for_a_browser_without_script_are_one_picture_named_once(tmp_path):
    """Each picture of such a page was named twice, once as left out and once as set aside (the story's own too:
    kept and named as set aside); a browser shows one of the two copies: one picture, named once. Another picture's
    copies are two pictures."""
    pictures = [
        copied_for_no_script("pier-cracks", "Cracks in the north pier"),
        copied_for_no_script("detour.jpg", "The detour"),
        copied_for_no_script("ferry.jpg", "The ferry", lazy_first=True),
        f"<div><noscript><img src='{CDN}/lock.jpg' alt='The lock'></noscript>"
        f"<img class='thumb-image' data-src='{CDN}/weir.jpg' alt='The weir'></div>",
    ]
    story, notices = pictured(tmp_path, pictures)
    assert story.image.src == f"{CDN}/pier-cracks"
    assert notices == [left_out("The detour", "The ferry", "The lock"), set_aside_notice("The weir")]


@pytest.mark.parametrize(
    ("src", "sizes", "shown"),
    [
        # the page's src is its smallest size: the email gets the size it shows, at twice its 600 px column
        ("pier-cracks-300.jpg", "pier-cracks-300.jpg 300w, pier-cracks-1200.jpg 1200w", "pier-cracks-1200.jpg"),
        # ... not the original, 5,000 px wide, that every inbox would load as it is
        ("pier-cracks-300.jpg", "pier-cracks-640.jpg 640w, pier-cracks-1600.jpg 1600w, pier-cracks.jpg 5000w",
         "pier-cracks-1600.jpg"),
        # no size as wide: the widest
        ("pier-cracks-300.jpg", "pier-cracks-300.jpg 300w, pier-cracks-800.jpg 800w", "pier-cracks-800.jpg"),
        # by pixel density, the src one of them
        ("pier-cracks.jpg", "pier-cracks.jpg 1x, pier-cracks@2x.jpg 2x, pier-cracks@3x.jpg 3x", "pier-cracks@2x.jpg"),
        # a src none of them, its width unknown (a zoom size beside the page's slot's densities): the src
        ("pier-cracks-1080.jpg", "pier-cracks-280.jpg 1x, pier-cracks-560.jpg 2x", "pier-cracks-1080.jpg"),
    ],
    ids=["1200w", "not-the-original", "widest", "2x", "src-of-unknown-width"],
)  # fmt: skip
def test_a_picture_is_the_story_s_at_the_size_of_its_srcset_the_email_shows(tmp_path, src, sizes, shown):
    """An <img> whose src is a picture, a small size of it ("pier-cracks-300.jpg"), was the story's at that size
    beside the larger ones its srcset offers: an email's picture at 300 px, blurred across its 600 px column."""
    candidates = ", ".join(f"{CDN}/{candidate}" for candidate in sizes.split(", "))
    story, notices = pictured(tmp_path, [f"<img src='{CDN}/{src}' srcset='{candidates}' alt='The north pier'>"])
    assert story.image.src == f"{CDN}/{shown}"
    assert notices == []
