"""The issue as data: Story, Section, Issue and Brand (pydantic v2, extra="forbid")."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from .colour import DARK_ACCENT_CONTRAST, brighter_on
from .errors import place
from .links import as_uri
from .patterns import regex


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)  # built when first used: a build uses a few


def build_validators(base: type[BaseModel]) -> None:
    """Build now the validators of `base`'s subclasses that wait for their first use. A process that uses models
    from several threads (the preview) builds them first: pydantic's own first build is not thread-safe."""
    for model in base.__subclasses__():
        model.model_rebuild()
        build_validators(model)


class Source(Model):
    """Where a story came from, for messages an editor can act on."""

    file: str
    line: int = 1  # 0: none, the whole of what has no lines (a page copied into the preview's "Add a page")

    def __str__(self) -> str:
        return place(self.file, self.line).removesuffix(": ")


# Bounds on numbers a story gives. YAML reads hex, octal and base-60 integers of any length (0xfff... past
# Python's 4,300 digits), which issue.json would then hold and no command could read back.
IMAGE_SIDE_LIMIT = 100_000  # pixels: no image a build decodes is longer (210 MP at 20:1 is 64,807 px)
PRIORITY_LIMIT = 1_000_000  # a rank among a section's stories, higher first: any use fits well within it


class Image(Model):
    src: str = ""
    alt: str = ""
    width: int | None = Field(default=None, gt=0, le=IMAGE_SIDE_LIMIT)  # pixels
    height: int | None = Field(default=None, gt=0, le=IMAGE_SIDE_LIMIT)
    file: str = ""  # the local file the build made `src` (images/<hash>.jpg) from, as the story names it


class Span(Model):
    """A run of inline text; `href` makes it a link."""

    text: str
    href: str = ""
    strong: bool = False
    em: bool = False
    code: bool = False


Look = tuple[str, bool, bool, bool]  # what a span looks like: its href, strong, em, code


def look(span: Span) -> Look:
    return span.href, span.strong, span.em, span.code


def joined_runs(pieces: Iterable[tuple[Look, str]]) -> list[tuple[Look, str]]:
    """Neighbouring pieces that look the same, their texts joined into one (empty texts are kept, as pieces).

    Each run's texts are joined once, at its end: a paragraph of a hundred thousand formatting runs or line breaks
    costs time in proportion, not a string copy per piece."""
    runs: list[tuple[Look, list[str]]] = []
    for seen, text in pieces:
        if runs and runs[-1][0] == seen:
            runs[-1][1].append(text)
        else:
            runs.append((seen, [text]))
    return [(seen, "".join(texts)) for seen, texts in runs]


def span_of(seen: Look, text: str) -> Span:
    href, strong, em, code = seen
    return Span(text=text, href=href, strong=strong, em=em, code=code)


class ResultRow(Model):
    """One candidate, party or option of a results block. `share` is a percentage (None in a table of seats
    alone) and `shown` the same share as printed ("42.5", or exactly as the block gave it); `change` and
    `seats_change` are signed figures since last time ("+3.2", "-1.1", "0"), "" when not given."""

    name: str
    party: str = ""
    votes: int | None = Field(default=None, ge=0)
    share: float | None = Field(default=None, ge=0, le=100.5)
    shown: str = ""
    change: str = ""
    seats: int | None = Field(default=None, ge=0)
    seats_change: str = ""
    colour: Color | None = None
    elected: bool = False


class Results(Model):
    """A results table: rows in the order they are shown, and what the block says about the whole count."""

    title: str = ""
    source: str = ""
    note: str = ""
    turnout: str = ""  # as the block gives it: "58.1%", "58.1% (27.4 million voters)"
    name_label: str = "Name"  # the editor's word for the first column: Candidate, Party, Option
    shares_from_votes: bool = False
    # the shares as shown do not add up to 100 because each is rounded on its own
    rounding_gap: bool = False
    # "full": a bar's length is its share of 100%; "leader": the largest share draws the whole row
    scale: Literal["full", "leader"] = "full"
    seats_total: int | None = Field(default=None, gt=0)
    majority: int | None = Field(default=None, gt=0)  # seats a party or coalition needs
    rows: list[ResultRow]

    def has(self, column: str) -> bool:
        return any(getattr(row, column) not in (None, "") for row in self.rows)


# A dateline a page sets apart as a paragraph of its own: its place (a city, then a region, a country or a date after
# commas), its agency and its dash. "WASHINGTON (AP) —", "LONDON, Nov 20 (Reuters) -", "BAAR, SWITZERLAND"
DATELINE = regex(
    r"(?P<place>[^\W\d_][\w.'’/-]*(?: [^\W\d_][\w.'’/-]*){0,3})?(?P<more>(?:, [^,()—–:]{1,30}){0,2})"
    r" ?(?:\((?P<agency>[^()]{2,24})\))? ?(?P<dash>[—–:]|--?)?"
)
DATELINE_MOST = 80  # characters: a paragraph longer than this is the article's own


def dateline(text: str) -> bool:
    """The paragraph is a dateline and nothing more: its place in capitals, with an agency, a dash, a colon or a
    region in capitals ("NEW DELHI:", "BAAR, SWITZERLAND"); else with its dash ("KYIV, Ukraine (AP) —", "Berlin (dpa)
    -"). A name with its agency alone ("John Smith (AP)") is a photo's credit, a word with a colon a label."""
    text = " ".join(text.split())
    found = DATELINE.fullmatch(text) if len(text) <= DATELINE_MOST else None
    if not found or not (found["place"] or found["agency"]):
        return False
    place, dash = found["place"] or "", found["dash"] or ""
    if place.isupper():
        return bool(dash or found["agency"] or found["more"].isupper())
    return bool(dash and dash != ":" and (place[:1].isupper() or not place))


def dateline_over(text: str) -> bool:
    """A page's line set over its article's first paragraph is the article's dateline ("WASHINGTON (AP) —", "BAAR,
    SWITZERLAND"), not a label in capitals ("TRENDING:", "READ MORE:", "WATCH:"), which a dateline's colon ("NEW
    DELHI:") is written as too: the readers keep it, as the page has it, and Story.opening joins the two."""
    return dateline(text) and not text.rstrip().endswith(":")


class Block(Model):
    """A paragraph-level piece of a story body; a `results` block carries its table instead of spans."""

    kind: Literal["p", "h", "li", "oli", "quote", "results"] = "p"
    spans: list[Span]
    results: Results | None = None

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


class PullQuote(Model):
    text: str
    attribution: str = ""


class Story(Model):
    headline: str = ""
    # True when the headline was made from the teaser because the story had none.
    headline_derived: bool = False
    # True when a reader chose the headline among a page's lines without being sure of it (warned, and shown by
    # check and the preview): the headline still shows; the editor should confirm it. `headline_unsure: true` in
    # front matter (as `import` writes it) keeps the flag until the editor deletes the line.
    headline_unsure: bool = False
    url: str = ""
    date: dt.date | None = None
    byline: str = ""  # who wrote it, as the page names them
    image: Image = Field(default_factory=Image)
    text_only: bool = False  # `image: false`: no picture, on purpose
    caption: str = ""
    credit: str = ""
    body: list[Block] = []
    pull_quotes: list[PullQuote] = []
    teaser: str = ""
    section: str = ""
    lead: bool = False
    priority: int = Field(default=0, ge=-PRIORITY_LIMIT, le=PRIORITY_LIMIT)
    # "full": the whole story in the email, not a card; the web version always has every story whole.
    layout: Literal["card", "full"] = "card"
    # `full: true`: the editor has the rights to a story from another site, shown whole, not excerpted.
    full: bool = False
    # The site a story from elsewhere is excerpted from (set by the sorter): its teaser and "Read at <site> →".
    excerpt_from: str = ""
    anchor: str = ""  # the story's id on the web version (set by the sorter, unique in the issue)
    tags: list[str] = []
    source: Source

    @property
    def opening(self) -> str:
        """The text of the body's first paragraph that has any (a results table has none); a dateline a page sets
        apart ("WASHINGTON (AP) —") with the paragraph after it, as agencies print the two: on its own it would be
        the teaser, the card's text and the inbox's preview of the story."""
        blocks = [block for block in self.body if block.text.strip()]
        if len(blocks) > 1 and blocks[1].kind == "p" and dateline(blocks[0].text):
            first = " ".join(blocks[0].text.split())
            return f"{first}{'' if first.endswith(('—', '–', '-', ':')) else ' —'} {blocks[1].text.strip()}"
        return blocks[0].text if blocks else ""

    @property
    def is_full(self) -> bool:
        """A full story has a headline and a body; "More from" items have neither."""
        return bool(self.headline and not self.headline_derived and self.body)


class Section(Model):
    heading: str
    stories: list[Story]


class Notice(Model):
    """A warning: something to fix before sending that does not stop a preview."""

    message: str
    source: Source | None = None
    story: str = ""
    hint: str = ""  # what to do, when the message does not say: `check` adds it
    choices: list[str] = Field(default_factory=list)  # what the editor may take instead (a guessed headline's rivals)

    def __str__(self) -> str:
        story = f" ({self.story})" if self.story else ""
        where = place(self.source.file, self.source.line) if self.source else ""
        return f"{where}{self.message}{story}"

    def advised(self) -> str:
        """As str() gives it, with what to do after the message, as `check` shows it."""
        return str(self.model_copy(update={"message": f"{self.message}; {self.hint}"})) if self.hint else str(self)


# Theme values are written into CSS: only plain colours and font stacks, nothing that could end a rule.
def hex_colour(value: str) -> str:
    if not re.fullmatch(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})", value):
        raise ValueError(f"{value!r} is not a colour like #1a1a1a")
    return value


def font_stack(value: str) -> str:
    if not re.fullmatch(r"[\w\s,'\"\-.]{1,200}", value):
        raise ValueError(f"{value!r} is not a list of font names like Georgia, 'Times New Roman', serif")
    return value


Color = Annotated[str, AfterValidator(hex_colour)]
FontStack = Annotated[str, AfterValidator(font_stack)]


class Colors(Model):
    text: Color = "#1a1a1a"
    background: Color = "#ffffff"
    canvas: Color = "#f2f1ed"
    accent: Color = "#b3261e"
    link: Color = "#1d4f91"
    muted: Color = "#595959"
    rule: Color = "#dddddd"
    dark_text: Color = "#ececec"
    dark_background: Color = "#1c1c1e"
    dark_canvas: Color = "#000000"
    dark_accent: Color = "#eb8e88"  # unless set: the accent, lightened (below); this for the default accent
    dark_link: Color = "#9cc3ff"
    dark_muted: Color = "#b0b0b0"
    dark_rule: Color = "#3a3a3c"

    @model_validator(mode="after")
    def dark_accent_from_accent(self) -> Colors:
        """Unless the brand sets dark_accent, dark mode's kickers and rules take the brand's own accent, lightened
        (same hue and saturation) until it reads at 7:1 on dark_background: a green brand stays a vivid green."""
        if "dark_accent" not in self.model_fields_set:
            self.dark_accent = brighter_on(self.accent, self.dark_background, DARK_ACCENT_CONTRAST)
        return self


class Logo(Model):
    src: str = ""
    dark_src: str = ""  # shown instead of `src` where the reader's client is in dark mode
    alt: str = ""
    width: int = 160
    height: int | None = None


class Sender(Model):
    name: str = ""
    email: str = "newsletter@example.com"


class Brand(Model):
    name: str = "Newsletter"
    more_from: str = ""  # the heading of the brand's own stories (else [words] more_from: "More from <name>")
    elsewhere: str = ""  # the heading of other sites' stories (else [words] elsewhere)
    tagline: str = ""
    colors: Colors = Field(default_factory=Colors)
    font_family: FontStack = "Georgia, 'Times New Roman', serif"
    sans_family: FontStack = "-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"
    logo: Logo = Field(default_factory=Logo)
    web_base_url: Annotated[str, AfterValidator(as_uri)] = ""  # every page, image and feed address: ASCII, as sent
    sender: Sender = Field(default_factory=Sender)
    reply_to: str = ""
    postal_address: str = ""
    unsubscribe_url: Annotated[str, AfterValidator(as_uri)] = ""  # it goes into List-Unsubscribe: ASCII only
    language: str = "en"

    @property
    def from_name(self) -> str:
        """The name inboxes show beside the subject."""
        return self.sender.name or self.name

    @property
    def unsubscribe_mailto(self) -> str:
        """Unsubscribing by reply: the fallback link, and the second one in List-Unsubscribe."""
        return f"mailto:{self.sender.email}?subject=unsubscribe"


class Tracking(Model):
    """[tracking] in newsletter.toml: the UTM parameters added to story links in the email."""

    utm_source: str = Field(min_length=1)
    utm_medium: str = Field(default="email", min_length=1)
    utm_campaign: str = ""  # default: the issue's slug
    exclude: list[str] = []  # domains whose links stay as written

    def params(self, slug: str) -> dict[str, str]:
        return {"utm_source": self.utm_source, "utm_medium": self.utm_medium, "utm_campaign": self.utm_campaign or slug}


class Election(Model):
    """One date of the elections calendar; `days` counts from the issue's date."""

    date: dt.date
    country: str
    election: str
    note: str = ""
    days: int = Field(ge=0)


class Issue(Model):
    brand: Brand
    number: int | None = None
    date: dt.date
    subject: str
    preheader: str
    lead: Story
    sections: list[Section]
    elections: list[Election] = []  # "Elections ahead", after the lead
    contents: bool = False  # "In this issue" under the masthead: the lead's and each section's headlines
    intro: list[Block] = []  # the editor's note above the lead
    signoff: list[Block] = []  # the closing words after the last section
    warnings: list[Notice] = []
    tracking: Tracking | None = None
    words: dict[str, str] = {}  # newsletter.toml's [words]: the issue's own words as the editor set them (words.py)
    story_file: str = ""  # the one story file it was built from, not an issue folder: publish leaves it out
    tk_meant: list[str] = []  # [tk] meant (newsletter.toml's, issue.toml's): where TK is no placeholder (check/text.py)

    @property
    def slug(self) -> str:
        """Names the build folder: the date, then the issue number or the subject."""
        tail = f"issue-{self.number}" if self.number is not None else slugify(self.subject)
        return f"{self.date.isoformat()}-{tail}"

    @property
    def stories(self) -> list[Story]:
        return [self.lead] + [story for section in self.sections for story in section.stories]


def slugify(text: str, limit: int = 48, fallback: str = "issue") -> str:
    """Lowercase ASCII words joined by "-", at most `limit` characters: accents go ("Lomé" lome), other scripts
    are spelled in Latin letters ("Выборы" vybory, "北京" bei-jing), symbols go; `fallback` when nothing is left."""
    words = re.findall(r"[a-z0-9]+", "".join(map(latin, text)).lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word[:limit]  # a first word longer than the limit is cut
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or fallback


def latin(char: str) -> str:
    """One character in ASCII: what its compatibility form keeps ("é" e, "ﬁ" fi), else a letter or digit of any
    script transliterated ("ß" ss, "ы" y, "٣" 3), each Chinese character a word of its own; a symbol is nothing."""
    kept = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
    if kept or unicodedata.category(char)[0] not in "LN":
        return kept
    from anyascii import anyascii  # (imported only for a letter beyond Latin: most builds never pay for it)

    spelled = anyascii(char).replace("'", "")  # Arabic's hamza is "'" in anyascii: a mark, not a word break
    return f" {spelled} " if unicodedata.name(char, "").startswith("CJK") else spelled
