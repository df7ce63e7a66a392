"""A photo's caption with its credit glued on in one press's own convention, where the credit has neither a label
nor an agency's name the other forms know: a Japanese paper's "＝date, place" or "＝agency", a Korean paper's
reporter after the caption's sentence, an English-language paper's credit in capitals after a bar or right after
the caption's stop, a French paper's photographer "POUR « LE MONDE »", a Ukrainian paper's ", фото: X". Each is the
photo's line, never a headline nor the article's paragraph. (A Chinese paper's "source 图" after the caption's stop
is a credit of credits.CJK_CREDIT's, which split_credit finds there.)"""

from __future__ import annotations

from collections.abc import Container

from newsletter.patterns import regex

# Japanese: "条例改正案が可決された静岡市議会の本会議＝22日、静岡市葵区" (the day, then
# the place), "...＝2日午後、首相官邸（代表撮影）", "...＝ロイター" (the agency). A headline may hold
# "＝" too (a wire's: "首相、辞任へ＝総裁選不出馬"), but never a day and a place after it, nor an agency alone
JAPANESE = regex(
    r"^(?P<caption>[^＝。！？]{6,80}?)(?P<credit>＝(?:(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:午前|午後|朝|夜|未明)?"
    r"(?:\d{1,2}時(?:\d{1,2}分)?ごろ?)?、[^＝。、！？]{2,30}?(?:[（(][^（）()]{1,12}[）)])?|"
    r"(?:共同|ロイター|時事|AP|AFP|EPA|AFP時事|EPA時事|AP共同|ロイター共同|代表撮影|本社ヘリから)))$"
)
# Korean: one sentence of a caption, then its photographer ("... 모습을 보이고 있다. 이지현 기자"), the wire
# ("연합뉴스", "뉴스1", "뉴시스") or "사진=..." (photo: ...), perhaps bracketed; a paragraph is longer than one
# such sentence
KOREAN = regex(
    r"^(?P<caption>[^.!?]{8,70}[다요]\.)\s*(?P<credit>[/\[(]?\s*(?:[가-힣]{2,4}\s?기자|연합뉴스|뉴스1|뉴시스|"
    r"사진\s*=\s*[^\]\[()=]{2,20})\s*[\])]?)$"
)
# English, as the Japan Times prints it: the caption's sentence, a bar, the credit in capitals ("... on Thursday. |
# KYODO", "| SATOKO KAWASAKI", "| AFP-JIJI"); a headline ends in no full stop before its label ("Did the court void
# the vote? | ANALYSIS")
CAPITALS = regex(r"^(?P<caption>.{40,300}?\.[’”\"]?)\s+\|\s+(?P<credit>[A-Z][A-Z.'’&/-]*(?: [A-Z.'’&/-]+){0,5})$")

# ... or right after the caption's stop, as a business magazine prints it: "The play area at Tandem Works in
# Raleigh, N.C. TANDEM WORKS", "... on Monday. AFP VIA GETTY IMAGES" (its first word no initial: "N.C.")
CAPITALS_GLUED = regex(
    r"^(?P<caption>.{40,300}?\.[’”\"]?)\s+(?P<credit>(?!ENDS?\b|MORE\b)[A-Z][A-Z'’&-]{2,}(?: [A-Z][A-Z.'’&/-]*){0,5})$"
)


# French, as Le Monde prints it: the caption's sentence, then the photographer in capitals for the paper ("... le 3
# mars 2021. MATHILDE ROSSIGNOL POUR « LE MONDE »")
FRENCH = regex(
    r"^(?P<caption>.{30,300}?\.)\s+"
    r"(?P<credit>[A-ZÀ-Ý][A-ZÀ-Ý'’-]+(?: [A-ZÀ-Ý][A-ZÀ-Ý'’-]+){0,3} POUR « ?[^«»]{2,40}? ?»)$"
)


# Ukrainian and Russian, as Ukrainska Pravda prints it: the caption (a name, a place), a comma, the labelled credit
# ("Рустем Умєров, фото: Getty Images")
COMMA_LABELLED = regex(r"^(?P<caption>[^:]{4,200}),\s+(?P<credit>(?i:фото|foto|photo)\s*:\s*[^:,]{2,60})$")


def press_credit(line: str, wires: Container[str] = ()) -> tuple[str, str] | None:
    """(caption, credit) of a caption in one of the conventions above, or None. A wire's name alone right after the
    stop (one of `wires`: "... to sneak into the US. PTI") signs the article's paragraph: no credit."""
    for convention in (JAPANESE, KOREAN, CAPITALS, CAPITALS_GLUED, FRENCH, COMMA_LABELLED):
        if (found := convention.match(line)) and not (convention is CAPITALS_GLUED and found["credit"] in wires):
            return found["caption"].rstrip(), found["credit"].strip()
    return None
