"""A picture's alt text as a page gives it -> what it says the picture shows, and the photo credit it holds (a screen
reader would read a file's name or a credit out as what the picture shows)."""

from __future__ import annotations

from newsletter.patterns import regex
from newsletter.readers.credits import agency_credit, is_credit, split_credit, unwrap

FILE_NAME = regex(r"(?i).*\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?)")


def alt_text(alt: str) -> str:
    """The alt text a page gives a picture, "" when it is the picture's file name ("airpods-pro-2.jpg", "2.jpg") or
    its credit: a screen reader would read the name out, or the credit as what the picture shows."""
    return alt_and_credit(alt)[0]


def alt_and_credit(alt: str) -> tuple[str, str]:
    """(what an alt text says the picture shows, the photo credit it holds): a credit alone ("Photo: Jane
    Doe/Reuters", "Getty Images", "© AFP") describes nothing; one after the description ("The north pier (Photo: Jo
    Smith)", "... in 2022. Jo Smith/AP") is cut off it."""
    if FILE_NAME.fullmatch(alt.strip()):
        return "", ""
    bracketed = BRACKETED_CREDIT.fullmatch(alt)
    if bracketed and credit_alone(bracketed["credit"]):
        return bracketed["alt"], bracketed["credit"]
    described, credit = ("", alt) if credit_alone(alt) else split_credit(alt)
    return described, unwrap(credit)


BRACKETED_CREDIT = regex(r"(?P<alt>.*\S)\s*\((?P<credit>[^()]+)\)\s*")  # "Tahir Della (picture-alliance/dpa/Name)"


def credit_alone(text: str) -> bool:
    """The text is a photo credit and nothing else; with "via", an agency's ("Jane Doe/AFP via Getty Images"), not a
    road's ("Traffic diverted via Main Street" says what the picture shows)."""
    _, via, after = text.rpartition(" via ")
    return is_credit(text) and (not via or agency_credit(after.strip()))
