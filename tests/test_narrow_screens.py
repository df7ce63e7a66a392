"""What a reader sees on a phone, in a real headless Chromium: an issue holding what editors paste (an address
of 200 characters as a link's words, German compounds of 80 letters, Thai and Japanese with no spaces, a long
email address, a results table of 12 parties in 7 columns, a photo 4000 pixels wide, a 9:1 panorama, a headline
of 400 characters, a caption of one long word, a calendar of such words) and the samples, as email.html, web.html
and the published archive (its index and each issue's page), at 320 and 375 pixels wide and on a desktop: the
page never scrolls sideways, no text runs past its column, no photo is wider than it, no short word is broken
and no column squeezed to a letter a line; a table too wide for the screen scrolls in its own box, which says
so to a screen reader and a keyboard; on a phone, no text is smaller than 13 px.

`python tests/test_narrow_screens.py FOLDER` writes the pages into FOLDER, to open at any width."""

from __future__ import annotations

import functools
import io
import sys
from pathlib import Path
from typing import NamedTuple

import pytest
from golden import DATE, EXAMPLE, ROOT, SEEDS

from newsletter.build import build
from newsletter.publish import publish

BASE = "https://news.example.org/issues"  # the Markdown sample's web_base_url: every issue is published there
ELECTIONS = ROOT / "examples" / "election-issue"
HUGE = "https://images.example.org/huge-4000.png"  # a photo elsewhere, 4000 pixels wide as it really is
WIDTHS = (320, 375, 768)  # two phones, a desktop

ADDRESS = (
    "https://www.parliament.example.org/documents/2026/legislative-period-21/committee-on-constitutional-affairs/"
    "reports/final-report-on-the-electoral-reform-bill-including-annexes-and-dissenting-opinions-v3.pdf"
)
COMPOUND = "Bundeswahlgesetzänderungsverfassungsbeschwerdeverfahrensbevollmächtigtenbestellung"
CAPTION_WORD = "Wahlkreiseinteilungskommissionssitzungsprotokollveröffentlichungsfristverlängerung"
MAILBOX = "presse.und.oeffentlichkeitsarbeit.der.landeswahlleitung@wahlen.landesverwaltung.example.org"
THAI = (
    "คณะกรรมการการเลือกตั้งประกาศผลการนับคะแนนอย่างไม่เป็นทางการในคืนวันอาทิตย์โดยพรรคร่วมรัฐบาลได้ที่นั่งมากที่สุด"
    "ในสภาผู้แทนราษฎรแต่ยังไม่ถึงครึ่งหนึ่งของจำนวนที่นั่งทั้งหมดจึงต้องเจรจาจัดตั้งรัฐบาลผสมกับพรรคขนาดกลาง"
)
JAPANESE = (
    "衆議院選挙の開票作業は日曜日の深夜まで続き与党は単独過半数を維持したものの議席を減らし野党第一党は"
    "都市部で議席を伸ばした首相は月曜日の記者会見で連立の枠組みを見直す考えはないと述べた"
)
HEADLINE = ("Parliament's electoral commission publishes its final report on constituency boundaries " * 5)[:400]
TWELVE_PARTIES = """candidate,party,share,change,votes,seats,previous seats,colour
Karl-Theodor Müller-Lüdenscheidt,Christlich-Demokratische Volksunion,24.1%,-2.1,"11,281,013",151,160,#1f1f1f
Annalena Schwarzenberger-Hohenlohe,Sozialdemokratische Arbeiterpartei,19.8%,+1.4,"9,267,112",124,118,#d32f2f
Friedrich Wilhelm Grünewald,Bündnis für Demokratie und Bürgerrechte,12.2%,+0.3,"5,710,004",76,75,#2e7d32
Sophie Charlotte Lindqvist,Freie Demokratische Reformbewegung,9.9%,-3.2,"4,633,981",62,80,#f9a825
Maximilian Oberhausen,Alternative Volksinitiative,8.4%,+4.4,"3,931,776",52,40,#1565c0
Johanna Weißenfels,Linke Sammlungsbewegung,6.3%,-1.0,"2,948,663",39,45,#8e24aa
Leopold Katzenellenbogen,Piratenpartei Digitale Grundrechte,5.1%,+0.2,"2,387,070",31,30,#ef6c00
Clara Zimmermann,Ökologisch-Demokratische Partei,4.2%,+0.1,"1,965,830",26,25,#558b2f
Henrik Østergaard,Tierschutzpartei,3.3%,-0.4,"1,544,580",20,22,#00838f
Ulrike Brandstätter,Freie Wähler Vereinigung,2.9%,+0.6,"1,357,356",18,15,#f57c00
Ines Vasconcelos,Volt Europa,2.1%,+1.2,"982,896",13,5,#4527a0
Others,Others,1.7%,-1.5,"795,676",0,3,#757575"""

LEAD = f"""---
headline: {HEADLINE}
url: https://news.example.org/2026/12/boundaries
byline: Ana Ruiz
section: Elections
image:
  src: wide.png
  alt: The electoral commission's hall
caption: {CAPTION_WORD}
credit: {CAPTION_WORD}
---

The report is at [{ADDRESS}]({ADDRESS}) and runs to 900 pages.

Its title calls it the {COMPOUND}, which no one says aloud.

Questions go to <mailto:{MAILBOX}>, or to {MAILBOX} by post.

{THAI}

{JAPANESE}

```results
title: Bundestag, all 299 constituencies counted ({COMPOUND})
source: {CAPTION_WORD}
turnout: 76.4%
majority: 316
{TWELVE_PARTIES}
```

A last paragraph after the table.
"""

PANORAMA = f"""---
headline: The valley from the dam, {COMPOUND}
url: {ADDRESS}
section: Geopolitics
image:
  src: panorama.png
  alt: The valley seen from the dam
caption: {CAPTION_WORD}
teaser: {ADDRESS} {THAI}
---

Body.
"""

HUGE_REMOTE = f"""---
headline: {JAPANESE}
url: https://news.example.org/2026/12/huge
section: Geopolitics
image:
  src: {HUGE}
  alt: A photo 4000 pixels wide
  width: 4000
  height: 2250
caption: {CAPTION_WORD}
teaser: Write to {MAILBOX} about {COMPOUND}.
---

Body.
"""

FULL = f"""---
headline: {CAPTION_WORD}
url: https://news.example.org/2026/12/full
section: Elections
layout: full
image: false
---

Read [{ADDRESS}]({ADDRESS}).

{THAI}

```results
title: {COMPOUND}
party,share,change,seats,previous seats,colour
Sozialdemokratische Arbeiterpartei,40.1%,+2.0,41,39,#d32f2f
Christlich-Demokratische Volksunion,35.2%,-1.5,36,38,#1f1f1f
Ökologisch-Demokratische Partei,24.7%,-0.5,24,24,#558b2f
```
"""

CALENDAR = f"""date,country,election,note
2026-12-20,{COMPOUND},{CAPTION_WORD},{ADDRESS}
2027-01-10,ประเทศไทย,{THAI[:60]},{JAPANESE[:40]}
"""

ISSUE = f"""subject = "{HEADLINE[:200]}"
number = 50
date = 2026-12-08
lead = "01-lead.md"
intro = "Good morning, {COMPOUND}: {ADDRESS}"
signoff = "Write to {MAILBOX}."

[brand]
name = "The Ballot Brief"
tagline = "{CAPTION_WORD}"
web_base_url = "{BASE}"
postal_address = "{CAPTION_WORD} 12, {MAILBOX}"
unsubscribe_url = "https://news.example.org/unsubscribe"
"""


@functools.cache
def png(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, format="PNG")
    return out.getvalue()


def hostile_issue(folder: Path) -> Path:
    folder.mkdir()
    (folder / "issue.toml").write_text(ISSUE, encoding="utf-8")
    (folder / "calendar.csv").write_text(CALENDAR, encoding="utf-8")
    stories = {"01-lead.md": LEAD, "02-panorama.md": PANORAMA, "03-huge.md": HUGE_REMOTE, "04-full.md": FULL}
    for name, text in stories.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "wide.png").write_bytes(png(4000, 2250, (40, 90, 160)))
    (folder / "panorama.png").write_bytes(png(3600, 400, (160, 90, 40)))
    return folder


class Outputs(NamedTuple):
    pages: dict[str, Path]  # "hostile/email", "site/index", ...: the file a reader opens
    site: Path  # the published archive, served as web_base_url


def make_outputs(work: Path) -> Outputs:
    """Every page a reader opens: each issue's email and web version, and the archive's index and issue pages."""
    settings = work / "newsletter.toml"
    settings.write_text(f'[brand]\nname = "The Ballot Brief"\nweb_base_url = "{BASE}"\n', encoding="utf-8")
    root = work / "build"
    built = {
        "hostile": build(hostile_issue(work / "hostile"), out_root=root, config=settings).out,
        "markdown": build(EXAMPLE, out_root=root, date=DATE, config=settings).out,
        "elections": build(ELECTIONS, out_root=root, date=DATE.replace(day=25), config=settings).out,
    }
    seed = build(SEEDS, out=work / "seed", date=DATE).out
    site = work / "site"
    publish(root, site)
    pages = {"site/index": site / "index.html"}
    for name, folder in [*built.items(), ("seed", seed)]:
        pages[f"{name}/email"] = folder / "email.html"
        pages[f"{name}/web"] = folder / "web.html"
    for name, folder in built.items():
        pages[f"site/{name}"] = site / folder.name / "web.html"
    return Outputs(pages, site)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> Outputs:
    return make_outputs(tmp_path_factory.mktemp("narrow"))


def open_page(page, outputs: Outputs, name: str, width: int) -> None:
    """The page as a reader's browser shows it: images under web_base_url from the published site, the photo 4000
    pixels wide as it is, every other address refused (a broken image keeps the size its page gives it)."""

    def fetch(route):
        url = route.request.url
        published = outputs.site / url[len(BASE) + 1 :] if url.startswith(BASE + "/") else None
        if url == HUGE:
            route.fulfill(status=200, content_type="image/png", body=png(4000, 2250, (90, 160, 40)))
        elif published and published.is_file():
            route.fulfill(status=200, path=str(published))
        elif url.startswith("file:"):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", fetch)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(outputs.pages[name].as_uri())
    page.wait_for_load_state("load")


# What a reader sees, measured: the page's own scroll width; each visible piece of text (a text node's boxes, one a
# line) and each image past the column (the email's 600-pixel body, else the page's body less its padding) or past
# the screen, a table's cells excepted inside a box meant to scroll sideways (overflow-x: auto or scroll), each such
# box with whether it says so (a region with a name, which a keyboard reaches); text squeezed a letter or two a
# line; a word of up to 15 letters split over two lines (but inside an address, whose letters must break); text
# set smaller than 13 px.
MEASURE = """() => {
  const width = window.innerWidth;
  const describe = node => {
    const element = node.nodeType === 1 ? node : node.parentElement;
    const name = element.tagName.toLowerCase() + (element.className && typeof element.className === 'string'
      ? '.' + element.className.trim().split(/\\s+/).join('.') : '');
    return name + ' "' + (node.textContent || element.getAttribute('alt') || '').trim().slice(0, 60) + '"';
  };
  const paper = document.querySelector('.nl-canvas > div');
  const column = (() => {
    if (paper) { const box = paper.getBoundingClientRect(); return [box.left, box.right]; }
    const body = document.body, box = body.getBoundingClientRect(), style = getComputedStyle(body);
    return [box.left + parseFloat(style.paddingLeft), box.right - parseFloat(style.paddingRight)];
  })();
  const left = Math.max(0, column[0]) - 1, right = Math.min(width, column[1]) + 1;
  const visible = element => {
    for (let node = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') return false;
      if (style.position === 'absolute' && style.clip && style.clip !== 'auto') return false;  // for screen readers
    }
    return true;
  };
  const scroller = element => {
    for (let node = element.parentElement; node; node = node.parentElement)
      if (['auto', 'scroll'].includes(getComputedStyle(node).overflowX)) return node;
    return null;
  };
  const past = [], squeezed = [], split = [], small = [], scrollers = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (!text.data.trim() || !visible(text.parentElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(text);
    const boxes = [...range.getClientRects()].filter(box => box.width > 1 && box.height > 1);
    if (!boxes.length) continue;
    const size = parseFloat(getComputedStyle(text.parentElement).fontSize);
    if (size < 13) small.push(`${describe(text)} is ${size} px`);
    const lines = new Set(boxes.map(box => Math.round(box.top)));
    const widest = Math.max(...boxes.map(box => box.width));
    if (lines.size >= 3 && widest < 4 * size)
      squeezed.push(`${describe(text)} is squeezed into ${lines.size} lines at most ${Math.round(widest)} px wide`);
    for (const token of text.data.matchAll(/\\S+/g)) {
      if (/[@/]/.test(token[0]) || token[0].length > 40) continue;
      for (const word of token[0].matchAll(/[\\p{L}\\p{M}\\p{N}]+/gu)) {
        if (word[0].length < 2 || word[0].length > 15) continue;
        const part = document.createRange(), at = token.index + word.index;
        part.setStart(text, at);
        part.setEnd(text, at + word[0].length);
        const tops = new Set([...part.getClientRects()].filter(box => box.width > 0).map(box => Math.round(box.top)));
        if (tops.size > 1) split.push(`${describe(text)}: "${word[0]}" is split over ${tops.size} lines`);
      }
    }
    const inside = scroller(text.parentElement);
    if (inside) scrollers.add(inside);
    const bounds = !inside ? [left, right] : text.parentElement.closest('td, th') ? [-Infinity, Infinity]
      : [inside.getBoundingClientRect().left - 1, inside.getBoundingClientRect().right + 1];
    const out = boxes.find(box => box.left < bounds[0] || box.right > bounds[1]);
    if (out) past.push(`${describe(text)} runs from ${Math.round(out.left)} to ${Math.round(out.right)} px`);
  }
  for (const image of document.querySelectorAll('img')) {
    const box = image.getBoundingClientRect();
    if (!visible(image) || box.width <= 1) continue;
    if (box.left < left || box.right > right)
      past.push(`img "${image.getAttribute('alt')}" (...${image.getAttribute('src').slice(-40)}) runs from `
        + `${Math.round(box.left)} to ${Math.round(box.right)} px`);
  }
  const scrolling = [...scrollers].filter(box => box.scrollWidth > box.clientWidth + 1).map(box => ({
    box: describe(box).slice(0, 80),
    inside: box.getBoundingClientRect().left >= left && box.getBoundingClientRect().right <= right,
    said: box.getAttribute('role') === 'region' && !!box.getAttribute('aria-label') && box.tabIndex === 0,
  }));
  return {scroll: document.scrollingElement.scrollWidth, column: [left, right], past, squeezed, split, small,
          scrolling};
}"""

PAGES = [f"{issue}/{kind}" for issue in ("hostile", "markdown", "elections", "seed") for kind in ("email", "web")]
PAGES += ["site/index", "site/hostile", "site/markdown", "site/elections"]


def problems(seen: dict, width: int) -> list[str]:
    """What a reader would find wrong, one line each, naming the element and its text."""
    found = []
    if seen["scroll"] > width:
        found.append(f"the page scrolls sideways: it is {seen['scroll']} px wide")
    found += [f"past the column {seen['column']}: {what}" for what in seen["past"]]
    for box in seen["scrolling"]:
        if not box["inside"]:
            found.append(f"{box['box']} scrolls sideways but runs past the column itself")
        if not box["said"]:
            found.append(f"{box['box']} scrolls sideways without saying so (role=region, aria-label, tabindex=0)")
    return found + seen["squeezed"] + seen["split"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_nothing_runs_past_the_screen_or_its_column(page, outputs, name, width):
    open_page(page, outputs, name, width)
    found = problems(page.evaluate(MEASURE), width)
    assert not found, f"{name} at {width} px:\n" + "\n".join(found[:30])


@pytest.mark.parametrize("width", WIDTHS[:2])
@pytest.mark.parametrize("name", PAGES)
def test_no_text_is_smaller_than_13_px_on_a_phone(page, outputs, name, width):
    """13 px is where iOS Mail starts to enlarge text on its own, and what email guides give as the least to read
    on a phone: a kicker, a credit, a table's column titles or the footer at 11 or 12 px is hard to read."""
    open_page(page, outputs, name, width)
    small = page.evaluate(MEASURE)["small"]
    assert not small, f"{name} at {width} px, text under 13 px:\n" + "\n".join(small[:30])


if __name__ == "__main__":
    for name, path in make_outputs(Path(sys.argv[1])).pages.items():
        print(f"{name:16} {path}")
