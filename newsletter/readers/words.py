"""The words of the languages the readers know that say little about what a line is about: news sites' section
names and the small words of a sentence."""

from __future__ import annotations

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
STOP_WORDS = frozenset(
    "the and for with that this from are was were has have had will its his her their they them after over into "
    "about but not you your our who what when where why how than then also been being more most said says new".split()
)  # fmt: skip
