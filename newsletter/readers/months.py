"""The calendar's words as the pages the readers know write them: months and weekdays, in English and the other
languages of the pages editors paste. lines.py reads dates with them."""

from __future__ import annotations

import datetime as dt

# Months as dates write them: English (and its abbreviations), German, French, Spanish, Portuguese, Italian, Dutch,
# then Polish, Czech, Slovak, Hungarian, Romanian, Finnish, Turkish, Indonesian, Greek, Russian, Ukrainian, Croatian,
# Serbian, Hindi and Arabic in the form a date takes ("12 marca 2026", "12. března 2026", "12 марта 2026"); "listopada"
# is two months (see TWO_MONTHS)
MONTH_NAMES = {
    1: "january jan januar jänner janvier janv enero janeiro gennaio januari "
    "stycznia ledna januára január ianuarie tammikuuta ocak ιανουαρίου января січня siječnja januara जनवरी يناير",
    2: "february feb fev februar février févr febrero fevereiro febbraio februari "
    "lutego února februára február februarie helmikuuta şubat φεβρουαρίου февраля лютого veljače februara फ़रवरी "
    "फरवरी فبراير",
    3: "march mar märz mär mars marzo março maart "
    "marca března március martie maaliskuuta mart maret μαρτίου марта березня ožujka marta मार्च مارس",
    4: "april apr avril avr abril abr aprile "
    "kwietnia dubna apríla április aprilie huhtikuuta nisan απριλίου апреля квітня travnja aprila अप्रैल أبريل",
    5: "may mai mayo maio maggio mei maja května mája május toukokuuta mayıs μαΐου мая травня svibnja मई مايو",
    6: "june jun juni juin junio junho giugno "
    "czerwca června júna június iunie kesäkuuta haziran ιουνίου июня червня lipnja juna जून يونيو",
    7: "july jul juli juillet juil julio julho luglio "
    "lipca července júla július iulie heinäkuuta temmuz ιουλίου июля липня srpnja jula जुलाई يوليو",
    8: "august aug août agosto ago augustus "
    "sierpnia srpna augusztus elokuuta ağustos agustus αυγούστου августа серпня kolovoza avgusta अगस्त أغسطس",
    9: "september sept sep septembre septiembre setiembre setembro set settembre "
    "września září septembra szeptember septembrie syyskuuta eylül σεπτεμβρίου сентября вересня rujna सितंबर "
    "सितम्बर سبتمبر",
    10: "october oct oktober okt octobre octubre outubro out ottobre "
    "października října októbra október octombrie lokakuuta ekim οκτωβρίου октября жовтня oktobra अक्टूबर أكتوبر",
    11: "november nov novembre noviembre novembro "
    "listopadu novembra noiembrie marraskuuta kasım νοεμβρίου ноября листопада studenoga नवंबर नवम्बर "
    "نوفمبر",
    12: "december dec dezember dez décembre déc diciembre dezembro dicembre "
    "grudnia prosince decembra decembrie joulukuuta aralık desember δεκεμβρίου декабря грудня prosinca दिसंबर "
    "दिसम्बर ديسمبر",
}
# ... and as Urdu, Persian, Hebrew (after its "in": "20 בנובמבר 2026"), Bengali, Swahili, Georgian and Serbian pages
# write them
OTHER_MONTH_NAMES = [
    "جنوری ژانویه ינואר בינואר জানুয়ারি januari იანვარი јануар januar",
    "فروری فوریه פברואר בפברואר ফেব্রুয়ারি februari თებერვალი фебруар februar",
    "مارچ مارس מרץ במרץ মার্চ machi მარტი март mart",
    "اپریل آوریل אפריל באפריל এপ্রিল aprili აპრილი април april",
    "مئی مه מאי במאי মে mei მაისი мај maj",
    "جون ژوئن יוני ביוני জুন juni ივნისი јун jun",
    "جولائی ژوئیه יולי ביולי জুলাই julai ივლისი јул jul",
    "اگست اوت אוגוסט באוגוסט আগস্ট agosti აგვისტო август avgust",
    "ستمبر سپتامبر ספטמבר בספטמבר সেপ্টেম্বর septemba სექტემბერი септембар septembar",
    "اکتوبر اکتبر אוקטובר באוקטובר অক্টোবর oktoba ოქტომბერი октобар oktobar",
    "نومبر نوامبر נובמבר בנובמבר নভেম্বর novemba ნოემბერი новембар novembar",
    "دسمبر دسامبر דצמבר בדצמבר ডিসেম্বর desemba დეკემბერი децембар decembar",
]
# ... and Thai's, in full and shortened ("20 พ.ย. 2569", its stop after it as other months' stops)
THAI_MONTH_NAMES = [
    "มกราคม ม.ค",
    "กุมภาพันธ์ ก.พ",
    "มีนาคม มี.ค",
    "เมษายน เม.ย",
    "พฤษภาคม พ.ค",
    "มิถุนายน มิ.ย",
    "กรกฎาคม ก.ค",
    "สิงหาคม ส.ค",
    "กันยายน ก.ย",
    "ตุลาคม ต.ค",
    "พฤศจิกายน พ.ย",
    "ธันวาคม ธ.ค",
]
# Iran's solar calendar's months, as Iranian pages date an article ("۲۹ آبان ۱۴۰۵"): jdatetime counts its days
SOLAR_MONTHS = "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند".split()
BUDDHIST_ERA = 543  # Thai pages count their years from the Buddha's death: 2569 is 2026
THAI_YEARS = 2300  # ... a year above this is of that era (one below, "2026", is the Gregorian)
THAI_MONTHS = frozenset(" ".join(THAI_MONTH_NAMES).split())
MONTHS = {
    **{name: number for number, names in MONTH_NAMES.items() for name in names.split()},
    **{name: number for number, names in enumerate(OTHER_MONTH_NAMES, start=1) for name in names.split()},
    **{name: number for number, names in enumerate(THAI_MONTH_NAMES, start=1) for name in names.split()},
    **{name: number for number, name in enumerate(SOLAR_MONTHS, start=1)},
}


def calendar_date(name: str, year: int, month: int, day: int) -> dt.date | None:
    """The day a date names with its month's name `name`, in the calendar that name is of: Thai's Buddhist era, Iran's
    solar calendar, else the Gregorian; None when there is no such day."""
    try:
        if name in THAI_MONTHS and year > THAI_YEARS:
            return dt.date(year - BUDDHIST_ERA, month, day)
        if name not in SOLAR_MONTHS:
            return dt.date(year, month, day)
        import jdatetime  # (only for such a date: its import takes 20 ms, which every other page would pay)

        solar: dt.date = jdatetime.date(year, month, day).togregorian()
        return solar
    except (ValueError, OverflowError):
        return None


# A month's name in two languages: Polish's November, written "12 listopada 2026", and Croatian's October, whose day
# has its stop ("12. listopada 2026."): (the month with the day's stop, without it)
TWO_MONTHS = {"listopada": (10, 11)}

# A weekday as datelines write it, in English, German, French, Spanish, Portuguese, Italian, Dutch, Ukrainian and
# Russian
WEEKDAYS = (r"monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thu|friday|fri|saturday|sat|sunday|sun|"
            r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|"
            r"samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda|terça|quarta|quinta|"
            r"sexta|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|maandag|dinsdag|woensdag|donderdag|vrijdag|"
            r"zaterdag|zondag|понеділок|вівторок|середа|четвер|п['’]ятниця|субота|неділя|понедельник|вторник|среда|"
            r"четверг|пятница|суббота|воскресенье")  # fmt: skip
