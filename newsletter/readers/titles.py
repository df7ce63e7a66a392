"""What a page's title holds besides its headline: the site's name ("Headline - Site", "Site » Headline", "Headline
| Site Name - Blog"), the site's name and a date ("Headline | DW | 10.06.2013"), the site's name and its motto
("Headline » SciLogs - Science blogs"), a kicker or a subtitle after a colon (the headline's own). The saved-page
reader (html.py) cuts what is the site's, from a <title> and from the headline a page names alike (an og:title is often
its <title>).

What the site calls itself comes from the page: its og:site_name, application-name and publisher, and the host of
its own address (og:url, JSON-LD, <link rel=canonical>, else the address it was fetched at): "modepilot" for
www.modepilot.de, "spektrum" and "scilogs" for scilogs.spektrum.de.
"""

from __future__ import annotations

import re
from typing import Any

from newsletter.patterns import regex
from newsletter.readers.lines import is_date_line
from newsletter.readers.page import split

from . import fold

# "Headline - Site", "Headline: film review", "Headline › Site"; and unspaced, as Chinese sites write theirs:
# "标题_网易订阅", "标题|新浪"; a full-width colon after a space, as Japanese sites do ("見出し　：日本経済新聞")
TITLE_SEPARATOR = regex(
    r"\s+[|\-–—·•»›:/]{1,2}\s+|:\s+|\s+：\s*|\s*[|｜]+\s*|(?<=[^\x00-\u2fff])_+|_+(?=[^\x00-\u2fff])"
)
# Second-level labels under a country's domain, which no site is named for ("bbc" in bbc.co.uk, not "co")
GENERIC_LABELS = {"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go", "gob", "gv", "nic", "www", "m"}
HOST_WORD = 4  # letters at least of a host's name for a short last part holding it to be the site's ("Kanzlei Xyz")
SITE_PART = 3  # words at most of such a part
MOTTO = 4  # words at most of the site's name and the motto after it ("SciLogs - Wissenschaftsblogs")
DOMAIN = regex(r"[\w-]+(?:\.[\w-]+)+")  # a part that is an address's host: "MODEPILOT.de"
PARTS_MOST = 12  # separators at most in a title read for the site's parts: one with more is no headline's (and a
# hostile page's thousands would cost minutes)


def host_names(host: str) -> set[str]:
    """What a host calls its site: the host without "www.", its first name and the one its domain is registered as
    ("news.bbc.co.uk": "news.bbc.co.uk", "news", "bbc")."""
    host = host.lower().removeprefix("www.")
    if re.fullmatch(r"[\d.]+|\[.*\]", host):
        return set()  # an address by number names no site
    labels = [label for label in host.split(".")[:-1] if label]  # (not the top-level domain)
    while len(labels) > 1 and labels[-1] in GENERIC_LABELS:
        labels.pop()
    return {host, *labels[:1], *labels[-1:]} if labels else {host}


def site_names(tree: Any, about: dict[str, str], url: str = "") -> set[str]:
    """What the page calls its site, folded: og:site_name, application-name, the publisher and the names of the host
    of its own address (else of `url`, where it was fetched)."""
    names = {about.get("site", "")}
    for meta in tree.xpath("//meta[@property='og:site_name' or @name='application-name' or @name='og:site_name']"):
        names.add(meta.get("content") or "")
    addresses = [
        about.get("url", ""),
        *(link.get("href") or "" for link in tree.xpath("//link[@rel='canonical']")),
        url,
    ]
    host = next((host for address in addresses if (host := split(address).hostname)), "")
    if host:
        names |= host_names(host)
    return {fold(name) for name in names if fold(name)}


def squeezed(text: str) -> str:
    return fold(text).removeprefix("the ").replace(" ", "")


def is_site(part: str, site: set[str]) -> bool:
    """The part is the site's name: as the page gives it ("The Riverside Gazette" for "Riverside Gazette"), its first
    words, or as its address ("MODEPILOT.de" for "Modepilot")."""
    names = {squeezed(name) for name in site}
    if squeezed(part) and squeezed(part) in names:
        return True
    # ... or the first words of a longer name, half of it at least ("日本経済新聞" of "日本経済新聞 電子版", "Nikkei" of
    # "Nikkei Asia"; not "News" of "news bbc co uk", nor "The" of "The Guardian")
    folded = fold(part)
    if folded and any(name.startswith(f"{folded} ") and 2 * len(folded) >= len(name) for name in site):
        return True
    part = part.strip()
    return bool(DOMAIN.fullmatch(part)) and bool({squeezed(name) for name in host_names(part)} & names)


def is_sites(tail: str, head: str, separator: str, site: set[str], loose: bool = True) -> bool:
    """The last part of a title, after `head` and `separator`, is the site's: its name (of one part or several:
    "Site - Blog"); else, not after a colon (a subtitle's), its name and motto ("SciLogs - Science blogs"), a date
    ("10.06.2013"), or a short name holding the host's ("Kanzlei Viehbacher" on viehbacher.com, not "Viehbacher
    clients react"), after a longer headline."""
    if is_site(tail, site):
        return True
    if ":" in separator or not loose:
        return False
    head_words = len(head.split())
    if is_date_line(tail) and not re.search(r"[A-Za-z]{3,}.*\s[A-Za-z]{3,}\s.*[A-Za-z]{3,}", tail) and head_words >= 2:
        return True  # (a date, not a headline's clause that holds one: "Votes counted on 3 May 2026 in full")
    parts = TITLE_SEPARATOR.split(tail)
    if len(parts) > 1 and is_site(parts[0], site) and len(tail.split()) <= MOTTO and head_words >= len(tail.split()):
        return True
    words = fold(tail).split()
    hosts = {name for name in site if " " not in name and len(name) >= HOST_WORD}
    named = all(word[:1].isupper() or not word[:1].isalpha() for word in tail.split())  # a name's, not a clause's
    return named and len(words) <= SITE_PART and head_words >= len(words) and any(word in hosts for word in words)


def without_site(title: str, site: set[str], loose: bool = True) -> str:
    """A title without the site's parts at either end ("Headline - Site", "Site | Headline", "Headline | Site |
    10.06.2013"); never the whole title. Not `loose`: its name alone (as a headline the page shows may end)."""
    while (cuts := list(TITLE_SEPARATOR.finditer(title))) and len(cuts) <= PARTS_MOST:
        # the longest end that is the site's, the headline before it
        end = next(
            (cut for cut in cuts if is_sites(title[cut.end() :], title[: cut.start()], cut.group(), site, loose)), None
        )
        start = next((cut for cut in reversed(cuts) if is_site(title[: cut.start()], site)), None)
        if end is not None and title[: end.start()].strip():
            title = title[: end.start()]
        elif start is not None and title[start.end() :].strip():
            title = title[start.end() :]
        else:
            break
    return title.strip()


def heads(name: str, h1: str) -> bool:
    """The page's <h1> is the named headline's first part, more after it but not after a colon, nor more than the
    <h1> holds ("Headline | Site | Date" over "Headline"; not "Old Mill Bridge: What We Know" or "Brexit - Live: May
    loses the vote" over a topic's "Old Mill Bridge" or "Brexit")."""
    return any(
        ":" not in cut.group()
        and fold(name[: cut.start()]) == fold(h1)
        and len(fold(name[cut.end() :]).split()) <= len(fold(h1).split())
        for cut in list(TITLE_SEPARATOR.finditer(name))[:PARTS_MOST]
    )


def cut_at_quote(name: str, h1: str) -> bool:
    """The named headline is the page's <h1> cut where it holds a straight quote: a page that writes its headline
    into <meta content="..."> unescaped ends the attribute there ('男孩因不想上补习班 写"救命啊"纸团...' named
    '男孩因不想上补习班 写')."""
    name, h1 = " ".join(name.split()), " ".join(h1.split())
    return bool(name) and h1.startswith(name) and h1[len(name) :].lstrip()[:1] in ('"', "'")


def title_suffix(title: str) -> str:
    """What the <title> ends with after the headline, folded ("Headline - Site"), or "" (after a colon it is a
    subtitle: "Vote: what next")."""
    suffix = title[len(without_suffix(title)) :]
    return "" if suffix.lstrip().startswith(":") else fold(suffix)


def copyright_names(text: str) -> str:
    """The page's copyright lines, folded ("© 2026 Riverside Daily. All rights reserved.")."""
    return " / ".join(fold(line[0]) for line in re.finditer(r"(?i)(?:©|\(c\)|copyright\b)[^.|©]{0,80}", text))


def without_site_first(title: str, site: set[str]) -> str:
    """A <title> without a first part that holds all the words of the site's name ("Pluralsight Tech Blog | Headline"
    on pluralsight.com; "Riverside Gazette Weekend | Headline"), when what follows holds none of them; else the
    title."""
    cut = TITLE_SEPARATOR.search(title)
    if cut is None or not title[cut.end() :].strip():
        return title
    head, rest = fold(title[: cut.start()]).split(), fold(title[cut.end() :]).split()
    for name in site:
        words = [word for word in name.split() if len(word) >= 3]  # (not a domain's "de", "co")
        if (
            words
            and all(any(mine.startswith(word) for mine in head) for word in words)
            and not any(mine.startswith(word) for word in words for mine in rest)
        ):
            return title[cut.end() :].strip()
    return title


def without_suffix(title: str) -> str:
    """A <title> without its last part when that reads as the site's: four words or fewer after a separator, after
    a longer headline ("Headline - Site", "Headline | Site Name")."""
    cuts = list(TITLE_SEPARATOR.finditer(title))
    if cuts:
        head, tail = title[: cuts[-1].start()], title[cuts[-1].end() :]
        if len(tail.split()) <= 4 and len(head.split()) >= len(tail.split()):
            return head
    return title


def page_title(tree: Any) -> str:
    """The page's <title>, on one line."""
    return " ".join(" ".join(element.text_content().split()) for element in tree.xpath("//title")[:1])
