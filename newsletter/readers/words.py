"""The words of the languages the readers know that say little about what a line is about: news sites' section
names and the small words of a sentence; and the menu lines made of them ("Latest News Politics World Video"), and the
breadcrumb trails that start from one ("News / Politics")."""

from __future__ import annotations

import re
from collections import Counter

from newsletter.patterns import regex
from newsletter.readers.lines import HANGUL, HANGUL_RANGE
from newsletter.readers.scripts import CJK, CJK_RANGE, SPACELESS, SPACELESS_RANGE, unmarked

# The names news sites give their sections: a menu run over a byline (the headline left out of a paste) holds
# several; a Title Case headline over its own byline seldom more than one
SECTIONS = frozenset(
    "latest news top stories world national local politics election elections economy business markets money "
    "finance tech technology science health sport sports culture arts entertainment lifestyle travel opinion "
    "video videos podcasts weather education climate environment media "
    # ... and as sites in other languages name them (Portuguese, Spanish, French, German, Indonesian, Italian)
    "notícias noticias política politica economia economía mundo esportes deportes cultura tecnologia tecnología "
    "saúde salud opinião opinión actualités politique économie monde sports nachrichten politik wirtschaft kultur "
    "meinung berita ekonomi olahraga hiburan teknologi dunia nasional cronaca esteri spettacoli".split()
)  # fmt: skip
# A breadcrumb trail: the page's place, from its home page or a section down ("Home / Travel / Cities / <headline>",
# "TOP STORIES / Germany", "Startseite › Politik", "首页 > 新闻中心"): page furniture, never a photo's caption or credit
TRAIL = (" > ", " » ", " › ", " / ", " → ")  # a trail's separators, as headline.py splits a line on them
TRAIL_SEPARATOR = regex(r"\s+(?:>>|" + "|".join(re.escape(sep.strip()) for sep in TRAIL) + r")\s+")  # (or " >> ")
HOME_PAGES = frozenset(
    "home homepage startseite hauptseite accueil inicio início portada página principal главная 首页 主页 首頁 主頁"
    .split()
)  # fmt: skip
YOU_ARE_HERE = regex(r"(?i)^(?:you are here|sie sind hier|vous êtes ici|(?:您的)?当前位置|现在位置)\s*[:：]?\s*")


def breadcrumb(text: str) -> bool:
    """A line of a page's places, a separator between each (" / ", " > ", " › ", " » "), the first the site's home
    page or a section's name ("News", "Top stories"); the last may be the headline, the others a few words each."""
    parts = TRAIL_SEPARATOR.split(YOU_ARE_HERE.sub("", text.strip()))
    if len(parts) < 2 or any(not part.strip() or len(part.split()) > TRAIL_PLACE for part in parts[:-1]):
        return False
    root = re.findall(r"\w+", parts[0].lower())
    return bool(root) and all(word in SECTIONS or word in HOME_PAGES for word in root)


TRAIL_PLACE = 4  # words at most of a place along the trail (the last, the page's own, may be its headline)
STOP_WORDS = frozenset(
    "the and for with that this from are was were has have had will its his her their they them after over into "
    "about but not you your our who what when where why how than then also been being more most said says new".split()
)  # fmt: skip
# The small words of German, French, Spanish, Portuguese, Italian and Dutch: not counted when the chosen line's own
# evidence of being about the article is weighed (a blog's tagline "Reisen, Wohnen und der Garten" shares only these
# with a German article), but counted in its rivals' scores, which an English page's words ("die", "son") share
FOREIGN_SMALL = frozenset(
    word[:5]
    for word in "und der die das den dem des ein eine einer eines mit für von auf aus bei nach über ist sind sich "
    "nicht auch wie wir ihr sie les une pour dans que qui sur par est aux avec son ses ont pas plus los las con por "
    "para del una como más uma com não dos nas nos mais pela pelo per che gli della delle sono het een van met voor "
    "zijn niet ook".split()
)


# A word, or a run of Chinese, Japanese, Korean or Thai (Lao, Burmese, Khmer) letters apart from the figures and
# Latin letters glued to it (a year's "20", "01", "19" are no words of a Chinese headline shared with its article)
WRITTEN_APART = f"[{CJK_RANGE}{HANGUL_RANGE}{SPACELESS_RANGE}]+|[^\\W{CJK_RANGE}{HANGUL_RANGE}{SPACELESS_RANGE}]+"


def terms(text: str) -> set[str]:
    """The words that say what a text is about: lowercase, no short or common words, a plural's s dropped, long
    words cut to their first five letters (rising/rise, legal/legalized); two-character pieces of Chinese and
    Japanese, and of Korean words (whose endings change); three-letter pieces of Thai, Lao, Burmese and Khmer."""
    found: set[str] = set()
    text = unmarked(text).lower()
    wide = bool(CJK.search(text) or HANGUL.search(text) or SPACELESS.search(text))  # looked for once, not per word
    for token in re.findall(WRITTEN_APART, text):  # "2019全球双峰会": "2019", then "全球双峰会"
        if wide and SPACELESS.search(token):  # letters, not syllables: three of them in a row, as pairs are in words
            found.update(token[i : i + 3] for i in range(max(1, len(token) - 2)))
        elif wide and (CJK.search(token) or HANGUL.search(token)):  # Korean: a particle ends the word ("교부금을")
            found.update(token[i : i + 2] for i in range(len(token) - 1))
        elif len(token) >= 3 and token not in STOP_WORDS and not token.isdigit():
            plural = len(token) > 3 and token.endswith("s") and not token.endswith("ss")
            found.add((token[:-1] if plural else token)[:5])  # homes/home, sales/sale
    return found


def share(text: str, found: set[str], small: frozenset[str] = frozenset()) -> float:
    """The share of a line's words (`small`: words not counted) that another text's terms (`found`) hold. In Chinese
    and Japanese, of its letters that a shared two-letter piece covers: a headline's shortened words break the pieces
    between them ("九西尾席差213票" shares "九西", of "九龍西", and no piece across its words), so a share of pieces
    would rank a headline below a topic's label that the article repeats whole ("立法會選舉2016")."""
    own = terms(text) - small
    if not own:
        return 0.0
    if not CJK.search(text):
        return len(own & found) / (len(own) + 0.5)
    letters = covered = 0
    for token in re.findall(WRITTEN_APART, unmarked(text).lower()):
        if CJK.search(token) and not SPACELESS.search(token) and not HANGUL.search(token):
            marks = [False] * len(token)
            for i in range(len(token) - 1):
                if token[i : i + 2] in found:
                    marks[i] = marks[i + 1] = True
            letters, covered = letters + len(token), covered + sum(marks)
        else:
            words = terms(token) - small
            letters, covered = letters + len(words), covered + len(words & found)
    return covered / (letters + 0.5)


# A headline's units, compared whole: a word, or each letter of Chinese and Japanese (written without spaces)
UNITS = f"[{CJK_RANGE}]|[^\\W_{CJK_RANGE}]+"


def same_words(one: str, other: str) -> bool:
    """Two wordings of one headline: 80% of their words in common, each word whole (case, accents and punctuation
    aside): "Mandelsplitter" is no "Mandelplätzchen", as the terms' five letters would have it; a site's name or a
    word more after a long headline is."""
    a, b = (Counter(re.findall(UNITS, unmarked(text).lower())) for text in (one, other))
    return bool(a and b) and 2 * sum((a & b).values()) >= 0.8 * (sum(a.values()) + sum(b.values()))


SMALL_WORDS = frozenset(
    "a an the of in on at to for and or but by with from as is are was be it its that this".split()
)  # fmt: skip


def is_nav_run(text: str) -> bool:
    """Menu entries pasted into one line ("Latest News Politics World Arts & Culture Editor's Picks U.S. Video"):
    many capitalised words (one, or one in ten, may not be: "iPhone"), none of the small words a title has but the
    "and" of a section's name, no sentence's punctuation (commas, colons, quotes, a full stop at the end). A run
    that names two of a site's sections or more may hold one small word in eight ("How To", "Art of Living")."""
    tokens = re.findall(r"[^\W\d_][\w'’\-]*", text)
    joined = [token for token in tokens if token.lower() != "and"]
    small = sum(1 for token in joined if token.lower() in SMALL_WORDS)
    return (
        len(tokens) >= 6
        and (not small or small <= len(tokens) // 8 and menu_of_sections(text))
        and sum(1 for token in joined if not token[0].isupper()) <= max(1, len(tokens) // 10)
        and not re.search(r"[:,;?!\"“”‘]|\.$|(?:^|\s)['’]|['’](?:\s|$)", text)
    )


def menu_of_sections(text: str) -> bool:
    """Three of a line's words or more name a news site's sections: a menu even with a byline under it (a headline
    names one or two: "Top Election Official Quits ...")."""
    return sum(1 for word in re.findall(r"\w+", text.lower()) if word in SECTIONS) >= 3
