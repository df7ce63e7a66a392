"""The email's CSS is inlined by premailer, whose rules with a plain class selector find their elements in an
index of the document's classes (one walk of the tree instead of one per rule): the same elements, the same
email, as premailer's own selectors."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml.cssselect import CSSSelector

from newsletter.compile import OPTIONS, ClassIndex, import_premailer, inline, premailer_class, selecting_by_class

NAMES = ("a", "b", "a-b", "A", "-a", "_a1")
# What a class attribute may hold around those names: XML's four spaces (normalize-space() splits on those only)
# and other white space it does not split on (a no-break space, an ideographic space, a line separator)
PIECES = st.sampled_from([*NAMES, "ab", "a.b", " ", "\t", "\n", "\r", "\xa0", "\u3000", "\u2028"])


def page_of(classes: list[str]) -> etree._Element:
    page = etree.HTML("<html><body><div></div></body></html>")
    parent = page.find("body/div")
    assert parent is not None
    for number, value in enumerate(classes):
        child = etree.SubElement(parent, "p", {"class": value, "id": f"p{number}"})
        etree.SubElement(child, "span", {"class": value})  # nested: document order counts
        parent.append(etree.Comment(" a comment has no class "))
    return page


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(PIECES, max_size=6).map("".join), max_size=8))
def test_the_index_selects_what_premailers_css_selector_selects(classes):
    page = page_of(classes)
    index = ClassIndex(CSSSelector)
    for name in NAMES:
        assert index.selector(f".{name}")(page) == CSSSelector(f".{name}")(page)


def test_other_selectors_are_premailers():
    index = ClassIndex(CSSSelector)
    for css in ("p", ".a .b", ".a.b", "p.a", "#p1", ".a\\-b", "[class~=a]"):
        selector = index.selector(css)
        assert isinstance(selector, CSSSelector)
        assert selector.css == css


def test_the_installed_premailer_selects_through_the_index():
    """A premailer whose transform no longer selects through _create_cssselector would run unchanged (slower
    on a long email, with the same output): this says when an upgrade did that."""
    Premailer = import_premailer()
    assert selecting_by_class(Premailer.transform) is not Premailer.transform


EMAIL = """<!doctype html>
<html><head><style data-premailer="ignore">.a { color: blue; } @media (max-width: 480px) { .b { color: red; } }</style>
</head><body>
<div class="a">one <a class="a b" href="https://example.org/">two</a></div>
<!--[if mso | IE]><table class="a-outlook"><tr><td class="a"><![endif]-->
<p class=" b\ta " style="margin: 0px">three</p>
<p class="a\xa0b">four</p><p class="A">five</p><p class="b b">six</p>
<!--[if mso | IE]></td></tr></table><![endif]-->
<table class="t"><tr><td class="-a a">seven</td></tr></table>
</body></html>"""

CSS = """
.a { color: red; font-size: 12px; }
.b { color: green; text-align: center; }
.A { font-weight: bold; }
.-a { background-color: #ffeeee; }
p { line-height: 20px; }
.a .b { margin: 1px; }
.t { width: 100%; }
.a:hover { color: black; }
@media (max-width: 480px) { .a { font-size: 14px; } }
"""


def test_an_email_inlined_through_the_index_is_premailers_own():
    Premailer = import_premailer()
    own = Premailer(EMAIL, css_text=CSS, align_floating_images=False, **OPTIONS).transform()
    ours = premailer_class()(EMAIL, css_cache=None, css_text=CSS, align_floating_images=False, **OPTIONS).transform()
    assert ours == own
    assert 'style="color:red; font-size:12px"' in ours  # it did inline
    assert inline(EMAIL, CSS).startswith("<!doctype html>\n")
