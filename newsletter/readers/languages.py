"""What news pages in other languages print where an English page prints "All rights reserved" or "Read more": the
words the line readers (lines.py, credits.py) tell a page's own lines by, beside their English ones."""

from __future__ import annotations

# "All rights reserved", as a page's copyright line says it: German, French, Spanish, Italian, Portuguese, Dutch,
# Catalan, Polish, Czech, Slovak, Hungarian, Romanian, Turkish, Russian, Ukrainian, Serbian, Croatian, Bulgarian,
# Greek, Swedish, Danish, Norwegian, Finnish, Arabic, Persian, Urdu, Hebrew, Vietnamese, Indonesian and Malay, Swahili,
# Hindi, Bengali, Thai, Georgian, Armenian; and Korean's and Japanese's "no reprinting without permission"
ALL_RIGHTS_RESERVED = (
    r"rechte vorbehalten|droits réservés|derechos reservados|diritti riservati|riproduzione riservata|"
    r"direitos reservados|rechten voorbehouden|drets reservats|prawa zastrzeżone|práva vyhrazena|práva vyhradené|"
    r"jog fenntartva|"
    r"drepturile rezervate|hakları saklıdır|права защищены|права захищені|права задржана|prava zadržana|"
    r"prava pridržana|права запазени|επιφύλαξη παντός δικαιώματος|δικαιώματα (?:διατηρούνται|κατοχυρωμένα)|"
    r"rättigheter förbehållna|rettigheder forbeholdes|rettigheter reservert|oikeudet pidätetään|"
    r"الحقوق محفوظة|حقوق [^.]{0,60}محفوظ|حقوق محفوظ|הזכויות שמורות|bản quyền thuộc về|giữ bản quyền|"
    r"hak cipta dilindungi|hak cipta terpelihara|haki zote zimehifadhiwa|सर्वाधिकार सुरक्षित|সর্বস্বত্ব সংরক্ষিত|"
    r"สงวนลิขสิทธิ์|უფლება დაცულია|իրավունքները պաշտպանված են|무단\s?전재|無断転載"
)

# A list of other stories' heading, "Related", "Read more", "Most read", in the languages lines.RELATED has no word
# for yet: Arabic, Persian, Urdu, Hebrew, Hindi, Bengali, Turkish, Russian, Ukrainian, Serbian and Croatian, Polish,
# Hungarian, Romanian, Vietnamese, Thai, Swahili, Georgian, Armenian
RELATED_HEADINGS = (
    r"(?:مقالات|قصص) ذات صلة|الأكثر قراءة|بیشتر بخوانید|(?:مطالب|اخبار) مرتبط|پربازدیدترین‌ها|متعلقہ خبریں|"
    r"כתבות קשורות|עוד בנושא|הכי נקראות|संबंधित (?:खबरें|ख़बरें|समाचार)|यह भी पढ़ें|और पढ़ें|"
    r"সম্পর্কিত (?:খবর|সংবাদ)|সর্বাধিক পঠিত|Benzer Haberler|En çok okunanlar|Bunlar da ilginizi çekebilir|"
    r"Ещё по теме|Новости по теме|Самое читаемое|Новини за темою|Більше новин|Найпопулярніше|"
    r"Прочитајте (?:још|и)|Pročitajte (?:još|i)|Повезане вести|Povezane (?:vesti|vijesti)|Najczęściej czytane|"
    r"Polecane|Ezek is érdekelhetnek|Legolvasottabb|Citește mai mult|Cele mai citite|Đọc thêm|Tin mới nhất|"
    r"อ่านเพิ่มเติม|ข่าวแนะนำ|Habari zinazohusiana|Soma (?:pia|zaidi)|ასევე წაიკითხეთ|მსგავსი სიახლეები|"
    r"Կարդացեք նաև"
)

# A byline's label before the writer's name and a colon ("Autor:", "Penulis:" are lines.AUTHOR_LABELS'), as pages in
# other languages print it: Russian, Ukrainian, Serbian, Hungarian, Turkish, Greek, Vietnamese, Arabic, Persian, Urdu,
# Hebrew, Hindi, Bengali, Thai, Swahili, Georgian, Armenian
AUTHOR_WORDS = (
    r"Автор|Автори|Аутор|Szerző|Yazar|Haber|Muhabir|Συντάκτης|Συγγραφέας|Tác giả|Phóng viên|Bài|الكاتب|كتب|بقلم|"
    r"إعداد|نویسنده|گزارش|گزارشگر|تحریر|رپورٹ|تحریر و رپورٹ|כתב|כתבה|מאת|लेखक|रिपोर्ट|रिपोर्टर|লেখক|প্রতিবেদক|"
    r"ผู้เขียน|เขียนโดย|ผู้สื่อข่าว|Mwandishi|ავტორი|Հեղինակ"
)
# A name's first letter: a capital in the scripts that have them (Latin, Greek, Cyrillic, Armenian), any letter in
# those that have none (Arabic, Hebrew, Hindi, Bengali, Thai, Georgian)
NAME_START = (
    "[A-Z\u00c0-\u024f\u0386-\u03ab\u0400-\u042f\u0490\u0531-\u0556\u0590-\u06ff\u0900-\u09ff\u0e00-\u0e7f"
    "\u10a0-\u10ff]"
)
NAME = rf"{NAME_START}[^\s,|:;.!?]*"
INITIAL = rf"{NAME_START}\."  # a surname's initial: "Της Μαρίας Κ."
# ... and "By" over the name alone, no colon: Hebrew's, Arabic's "by the pen of", Thai's, Swahili's, Hausa's "from",
# and Greek's "of" before a name in the genitive ("Του Γιώργου Παπαδόπουλου") or "writes" before one ("Γράφει ο
# Γιώργος Παπαδόπουλος"): only over two to four names' words (the last may be an initial), then perhaps the place it
# was written in after a comma ("Daga Aminu Musa, Bauchi"), and nothing else: "Daga cikin manoman da suka amfana"
# (Hausa's "from among the farmers who gained") is a sentence
BY_ELSEWHERE = r"מאת|بقلم|بواسطة|โดย|Na(?=\s+\S+\s+\S)|Daga|Του|Της|Των|Γράφει\s+(?:ο|η)"  # (Swahili's "Na" over
# two names at least: "Na Li" is a name)
SIGNED_ELSEWHERE = (
    rf"^(?:{BY_ELSEWHERE})\s+{NAME}(?:\s+{NAME}){{0,2}}\s+(?:{NAME}|{INITIAL})(?:\s*,\s*{NAME}(?:\s+{NAME})?)?$|"
    # a desk's byline, no one's name ("Staff Reporter, Dhaka"): Bengali's, Hindi's and Urdu's staff reporter and
    # correspondent, then perhaps the city
    r"^(?:নিজস্ব প্রতিবেদক|বিশেষ প্রতিনিধি|স্টাফ রিপোর্টার|निज संवाददाता|हमारे संवाददाता|स्टाफ रिपोर्टर|"
    r"اسٹاف رپورٹر|نمائندہ خصوصی)(?:\s*[,،]\s*\S.{0,30})?$"
)

# A surtitle that says only who spoke, over the headline that says what (Persian pages print one over most
# headlines): "سخنگوی وزارت بهداشت خبر داد", the health ministry's spokesman reported; "... announced", "said",
# "stressed", "warned", "explained", "answered", "stated". With an object it is news, and may be the headline itself:
# "وزیر از افزایش حقوق خبر داد" (the minister announced a rise in wages: از, را, که mark what was said)
SAID_ONLY = (
    r"\s(?:خبر داد|اعلام کرد|گفت|تأکید کرد|تاکید کرد|هشدار داد|مطرح کرد|عنوان کرد|تشریح کرد|پاسخ داد|اظهار کرد)$"
)
SAID_WHAT = r"(?:^|\s)(?:از|را|که)(?:\s|$)"
# A subscription, as a paywall's or a sign-up box's line names it: French, German and Dutch ("abonnés", "Abonnement",
# "abonnee"), Italian, Czech and Slovak, Polish; not Spanish's "suscribir" nor Portuguese's "assinar", which sign
# agreements and decrees too
SUBSCRIBE = r"subscri\w+|abonn\w+|abbonat\w+|abbonament\w+|(?:před|pred)pla[tť]\w+|(?:za)?prenumer\w+"
