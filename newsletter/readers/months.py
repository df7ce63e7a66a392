"""The calendar's words as the pages the readers know write them: months and weekdays, in English and the other
languages of the pages editors paste. lines.py reads dates with them."""

from __future__ import annotations

# Months as dates write them: English (and its abbreviations), German, French, Spanish, Portuguese, Italian, Dutch,
# then Polish, Czech, Slovak, Hungarian, Romanian, Finnish, Turkish, Indonesian, Greek, Russian, Ukrainian, Croatian,
# Serbian, Hindi and Arabic in the form a date takes ("12 marca 2026", "12. března 2026", "12 марта 2026"); "listopada"
# is two months (see TWO_MONTHS)
MONTH_NAMES = {
    1: "january jan januar jänner janvier janv enero janeiro gennaio januari "
    "stycznia ledna januára január ianuarie tammikuuta ocak ιανουαρίου января січня siječnja januara जनवरी يناير",
    2: "february feb februar février févr febrero fevereiro febbraio februari "
    "lutego února februára február februarie helmikuuta şubat φεβρουαρίου февраля лютого veljače februara फ़रवरी "
    "फरवरी فبراير",
    3: "march mar märz mär mars marzo março maart "
    "marca března március martie maaliskuuta mart maret μαρτίου марта березня ožujka marta मार्च مارس",
    4: "april apr avril avr abril aprile "
    "kwietnia dubna apríla április aprilie huhtikuuta nisan απριλίου апреля квітня travnja aprila अप्रैल أبريل",
    5: "may mai mayo maio maggio mei maja května mája május toukokuuta mayıs μαΐου мая травня svibnja मई مايو",
    6: "june jun juni juin junio junho giugno "
    "czerwca června júna június iunie kesäkuuta haziran ιουνίου июня червня lipnja juna जून يونيو",
    7: "july jul juli juillet juil julio julho luglio "
    "lipca července júla július iulie heinäkuuta temmuz ιουλίου июля липня srpnja jula जुलाई يوليو",
    8: "august aug août agosto augustus "
    "sierpnia srpna augusztus elokuuta ağustos agustus αυγούστου августа серпня kolovoza avgusta अगस्त أغسطس",
    9: "september sept sep septembre septiembre setiembre setembro settembre "
    "września září septembra szeptember septembrie syyskuuta eylül σεπτεμβρίου сентября вересня rujna सितंबर "
    "सितम्बर سبتمبر",
    10: "october oct oktober okt octobre octubre outubro ottobre "
    "października října októbra október octombrie lokakuuta ekim οκτωβρίου октября жовтня oktobra अक्टूबर أكتوبر",
    11: "november nov novembre noviembre novembro "
    "listopadu novembra noiembrie marraskuuta kasım νοεμβρίου ноября листопада studenoga नवंबर नवम्बर "
    "نوفمبر",
    12: "december dec dezember dez décembre déc diciembre dezembro dicembre "
    "grudnia prosince decembra decembrie joulukuuta aralık desember δεκεμβρίου декабря грудня prosinca दिसंबर "
    "दिसम्बर ديسمبر",
}
MONTHS = {name: number for number, names in MONTH_NAMES.items() for name in names.split()}
# A month's name in two languages: Polish's November, written "12 listopada 2026", and Croatian's October, whose day
# has its stop ("12. listopada 2026."): (the month with the day's stop, without it)
TWO_MONTHS = {"listopada": (10, 11)}

# A weekday as datelines write it, in English, German, French, Spanish, Portuguese, Italian and Dutch
WEEKDAYS = (r"monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thu|friday|fri|saturday|sat|sunday|sun|"
            r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|"
            r"samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda|terça|quarta|quinta|"
            r"sexta|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|maandag|dinsdag|woensdag|donderdag|vrijdag|"
            r"zaterdag|zondag")  # fmt: skip
