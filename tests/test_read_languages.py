"""A news page pasted from a site in another language is read as an English one is: its headline, byline, date, the
lead photo's caption and credit, the paragraphs, the related list under them and the copyright line that ends the
page, each as that language writes it. The pages are written here by hand, in the shape a news page's text pastes \
in:
a menu of sections, the headline, the byline, the date, the photo's caption and credit, the paragraphs, share \
buttons,
a related list's heading and titles, the copyright line. Each line's mark says what it is (H| headline, B| byline,
D|<date>| date, C| caption, K| credit, P| paragraph, R| related heading, T| related title, E| copyright line); an
unmarked line is the page's furniture."""

import datetime as dt
from pathlib import Path

import pytest

from newsletter.readers import read
from newsletter.readers.headers import figures_date
from newsletter.readers.lines import line_date

PAGES = {
    "ar": """\
الرئيسية
أخبار
سياسة
اقتصاد
رياضة
ثقافة
H|البرلمان العراقي يحدد موعد الانتخابات المبكرة وسط خلافات بين الكتل
B|بقلم: أحمد الخطيب
D|2026-11-20|الخميس ٢٠ نوفمبر ٢٠٢٦ - ١٤:٣٠
C|أعضاء البرلمان خلال جلسة التصويت على قانون الانتخابات في بغداد
K|تصوير: رويترز
P|صوّت مجلس النواب العراقي مساء الأربعاء على تحديد الثامن عشر من مايو المقبل موعدًا للانتخابات التشريعية المبكرة، \
بعد أسابيع من المفاوضات الشاقة بين الكتل السياسية الكبرى حول القانون الانتخابي وتقسيم الدوائر.
P|وقال رئيس اللجنة القانونية في البرلمان إن القرار جاء بأغلبية مريحة، مشيرًا إلى أن المفوضية العليا المستقلة \
للانتخابات أكدت قدرتها على إجراء الاقتراع في الموعد المحدد إذا توفر التمويل اللازم.
P|في المقابل، انسحب نواب من كتلتين معارضتين من الجلسة احتجاجًا على ما وصفوه بتسرّع في إقرار الموعد قبل تحديث \
سجلات الناخبين، وطالبوا بضمانات دولية لمراقبة عملية الفرز.
شارك
فيسبوك
تويتر
واتساب
R|اقرأ أيضًا
T|المفوضية تبدأ تحديث سجلات الناخبين في المحافظات الجنوبية
T|الكتل الكردية تعلن موقفها من قانون الانتخابات الجديد
T|بعثة الأمم المتحدة ترحب بتحديد موعد الاقتراع
E|جميع الحقوق محفوظة © 2026 الشرق الإخبارية
""",
    "bn": """\
প্রচ্ছদ
বাংলাদেশ
রাজনীতি
বিশ্ব
খেলা
H|জাতীয় সংসদ নির্বাচনের তফসিল ঘোষণা করল নির্বাচন কমিশন
B|নিজস্ব প্রতিবেদক, ঢাকা
D|2026-11-20|প্রকাশ: ২০ নভেম্বর ২০২৬, ১৪:৩০
C|সংবাদ সম্মেলনে তফসিল ঘোষণা করছেন প্রধান নির্বাচন কমিশনার
K|ছবি: প্রথম আলো
P|নির্বাচন কমিশন আজ বৃহস্পতিবার জাতীয় সংসদ নির্বাচনের তফসিল ঘোষণা করেছে। আগামী ফেব্রুয়ারির দ্বিতীয় সপ্তাহে \
সারা দেশে একযোগে ভোট গ্রহণ করা হবে।
P|প্রধান নির্বাচন কমিশনার জানান, মনোনয়নপত্র জমা দেওয়ার শেষ তারিখ ডিসেম্বরের শেষ সপ্তাহে। যাচাই-বাছাই শেষে \
প্রার্থীরা প্রতীক বরাদ্দ পাবেন।
P|প্রধান বিরোধী দল তফসিলকে স্বাগত জানিয়েছে, তবে নিরপেক্ষ প্রশাসনের দাবি পুনর্ব্যক্ত করেছে। দলটির মহাসচিব বলেন, \
সমান সুযোগ নিশ্চিত না হলে ভোট বিশ্বাসযোগ্য হবে না।
শেয়ার করুন
ফেসবুক
R|আরও পড়ুন
T|নতুন ভোটার তালিকায় যুক্ত হলেন ৪০ লাখ তরুণ
T|ইভিএম নয়, ব্যালটেই ভোট
T|বিদেশি পর্যবেক্ষকদের আমন্ত্রণ জানাবে কমিশন
E|সর্বস্বত্ব সংরক্ষিত © ২০২৬ দৈনিক সংবাদ
""",
    "el": """\
Αρχική
Ειδήσεις
Πολιτική
Οικονομία
Κόσμος
Αθλητισμός
H|Πρόωρες εκλογές τον Μάρτιο ανακοίνωσε ο πρωθυπουργός
B|Του Γιώργου Παπαδόπουλου
D|2026-11-20|20 Νοεμβρίου 2026, 14:30
C|Ο πρωθυπουργός κατά τη διάρκεια της ομιλίας του στη Βουλή
K|ΦΩΤΟ: EUROKINISSI
P|Ο πρωθυπουργός ανακοίνωσε την Πέμπτη ότι οι εκλογές θα διεξαχθούν στις 22 Μαρτίου, σχεδόν έξι μήνες νωρίτερα \
από τη λήξη της τετραετίας. Η ανακοίνωση έγινε στη Βουλή.
P|Όπως είπε, η χώρα χρειάζεται μια κυβέρνηση με νωπή λαϊκή εντολή για να διαπραγματευτεί τον νέο προϋπολογισμό \
της Ευρωπαϊκής Ένωσης.
P|Η αξιωματική αντιπολίτευση χαρακτήρισε την απόφαση ομολογία αποτυχίας και κάλεσε τους πολίτες να ψηφίσουν για \
αλλαγή. Μικρότερα κόμματα ζήτησαν περισσότερο χρόνο τηλεοπτικής προβολής.
Κοινοποίηση
Facebook
Twitter
R|Διαβάστε επίσης
T|Τι δείχνουν οι δημοσκοπήσεις λίγο πριν από την προκήρυξη
T|Ποιοι υποψήφιοι μπαίνουν στα ψηφοδέλτια
T|Η αντιπολίτευση ζητά debate των αρχηγών
E|© 2026 Η Ημερήσια. Με την επιφύλαξη παντός δικαιώματος.
""",
    "fa": """\
صفحه اصلی
سیاسی
اقتصادی
بین‌الملل
ورزشی
H|شورای نگهبان صلاحیت ۱۲ نامزد انتخابات ریاست جمهوری را تأیید کرد
B|نویسنده: مریم احمدی
D|2026-11-20|۲۹ آبان ۱۴۰۵ - ۱۴:۳۰
C|سخنگوی شورای نگهبان در نشست خبری روز چهارشنبه در تهران
K|عکس: ایرنا
P|شورای نگهبان روز چهارشنبه اعلام کرد صلاحیت دوازده نفر از داوطلبان انتخابات ریاست جمهوری را تأیید کرده است. این \
تعداد از میان بیش از دویست نفری انتخاب شده‌اند که در ستاد انتخابات کشور ثبت‌نام کرده بودند.
P|سخنگوی این شورا در نشست خبری گفت که بررسی پرونده‌ها بر اساس قانون و با دقت کامل انجام شده و نامزدهای \
ردصلاحیت‌شده می‌توانند ظرف سه روز اعتراض خود را ثبت کنند.
P|چند چهره شناخته‌شده سیاسی از جمله یک رئیس پیشین مجلس در فهرست تأییدشدگان دیده نمی‌شوند. هواداران آنان در \
شبکه‌های اجتماعی این تصمیم را به چالش کشیده‌اند.
اشتراک‌گذاری
تلگرام
واتس‌اپ
R|بیشتر بخوانید
T|ستاد انتخابات: ثبت‌نام داوطلبان با رکورد جدیدی همراه بود
T|واکنش احزاب اصلاح‌طلب به فهرست نامزدهای تأییدشده
T|زمان‌بندی مناظره‌های تلویزیونی اعلام شد
E|© ۱۴۰۵ تمامی حقوق برای خبرگزاری پارس محفوظ است.
""",
    "he": """\
ראשי
חדשות
פוליטיקה
כלכלה
ספורט
H|הכנסת אישרה בקריאה ראשונה את הקדמת הבחירות למרץ
B|מאת: דנה לוי
D|2026-11-20|פורסם: 20.11.26, 14:30
C|מליאת הכנסת במהלך ההצבעה על פיזור הכנסת בירושלים
K|צילום: יונתן זינדל, פלאש 90
P|הכנסת אישרה הלילה בקריאה ראשונה את הצעת החוק להקדמת הבחירות, ברוב של 64 חברי כנסת מול 51 מתנגדים. לפי ההצעה, \
הבחירות ייערכו בשבוע השלישי של חודש מרץ.
P|יושב ראש ועדת הכנסת אמר כי ההצעה תעבור לדיון בוועדה כבר ביום ראשון, וכי הוא מקווה להשלים את הקריאה השנייה \
והשלישית עד סוף השבוע הבא.
P|במפלגות האופוזיציה בירכו על ההחלטה, אך הזהירו מפני ניסיונות לדחות את המועד בשלבים הבאים של החקיקה. בקואליציה \
מסרו כי המועד הוסכם בין כל השותפים.
שתפו
פייסבוק
וואטסאפ
R|כתבות נוספות
T|ועדת הבחירות פרסמה את לוח הזמנים להגשת הרשימות
T|סקר: המפלגות החדשות מתחזקות בקרב צעירים
T|הנשיא יקיים התייעצויות עם ראשי הסיעות
E|© כל הזכויות שמורות לחדשות הבוקר 2026
""",
    "hi": """\
होम
देश
विदेश
राजनीति
खेल
H|चुनाव आयोग ने पांच राज्यों में विधानसभा चुनाव की तारीखों का ऐलान किया
B|लेखक: राहुल शर्मा
D|2026-11-20|20 नवंबर 2026, 14:30 IST
C|नई दिल्ली में प्रेस कॉन्फ्रेंस के दौरान मुख्य चुनाव आयुक्त
K|फोटो: पीटीआई
P|चुनाव आयोग ने गुरुवार को पांच राज्यों में विधानसभा चुनाव की तारीखों की घोषणा कर दी। मतदान सात चरणों में होगा और \
नतीजे मार्च के पहले सप्ताह में आएंगे।
P|मुख्य चुनाव आयुक्त ने बताया कि इन राज्यों में कुल अठारह करोड़ मतदाता अपने मताधिकार का प्रयोग करेंगे। पहली बार \
मतदान करने वाले युवाओं की संख्या एक करोड़ से अधिक है।
P|घोषणा के साथ ही इन राज्यों में आदर्श आचार संहिता लागू हो गई है। आयोग ने सभी दलों से इसका पालन करने की अपील की।
शेयर करें
फेसबुक
ट्विटर
R|ये भी पढ़ें
T|पहले चरण के लिए अधिसूचना अगले हफ्ते
T|विपक्षी गठबंधन ने सीटों के बंटवारे पर बैठक बुलाई
T|युवा मतदाताओं के लिए आयोग का विशेष अभियान
E|© 2026 समाचार भारती. सर्वाधिकार सुरक्षित.
""",
    "hu": """\
Címlap
Belföld
Külföld
Gazdaság
Sport
H|Kiírták az időközi választást, négy jelölt indulhat
B|Szerző: Kovács Péter
D|2026-11-20|2026. november 20. 14:30
C|Szavazatszámlálás egy budapesti szavazókörben
K|Fotó: MTI/Koszticsák Szilárd
P|A Nemzeti Választási Iroda csütörtökön bejelentette, hogy az időközi országgyűlési választást január 18-án \
tartják meg a megüresedett egyéni választókerületben.
P|A jelölteknek december közepéig kell összegyűjteniük az induláshoz szükséges ötszáz ajánlást. Az iroda szerint \
eddig négy párt jelezte indulási szándékát.
P|Az ellenzéki pártok közös jelölt állításáról tárgyalnak, mert attól tartanak, hogy a szavazatok megosztása a \
kormánypárt győzelméhez vezethet.
Megosztás
Facebook
R|Kapcsolódó cikkek
T|Közös jelöltet állíthat az ellenzék
T|Ennyibe kerül egy időközi választás
T|Hogyan lehet átjelentkezni a szavazáshoz
E|© 2026 Napi Hírek. Minden jog fenntartva.
""",
    "id": """\
Beranda
Nasional
Politik
Ekonomi
Dunia
Olahraga
H|KPU Tetapkan Jadwal Pilkada Serentak, Pendaftaran Calon Dibuka Agustus
B|Penulis: Budi Santoso
D|2026-11-20|Kamis, 20 Nov 2026 14:30 WIB
C|Ketua KPU memberikan keterangan kepada wartawan di Jakarta, Kamis (20/11/2026).
K|Foto: ANTARA/Aditya Pradana Putra
P|Komisi Pemilihan Umum (KPU) menetapkan jadwal pemilihan kepala daerah serentak yang akan digelar pada November \
tahun depan. Pendaftaran pasangan calon dibuka mulai Agustus.
P|Ketua KPU mengatakan tahapan pemutakhiran data pemilih akan dimulai bulan depan. Ia meminta pemerintah daerah \
segera mencairkan anggaran penyelenggaraan.
P|Sejumlah partai politik menyambut baik kepastian jadwal tersebut. Namun, mereka meminta KPU memperketat \
pengawasan terhadap politik uang.
Bagikan
Facebook
Twitter
WhatsApp
R|Berita Terkait
T|Bawaslu Petakan Daerah Rawan Politik Uang
T|Partai Koalisi Mulai Jaring Calon Kepala Daerah
T|Anggaran Pilkada Capai Rp 40 Triliun
E|Copyright © 2026 Warta Nusantara. All Rights Reserved.
""",
    "ka": """\
მთავარი
პოლიტიკა
ეკონომიკა
მსოფლიო
სპორტი
H|ცესკომ საპარლამენტო არჩევნების წინასწარი შედეგები გამოაქვეყნა
B|ავტორი: ნინო ბერიძე
D|2026-11-20|20 ნოემბერი, 2026
C|ცენტრალური საარჩევნო კომისიის სხდომა თბილისში
K|ფოტო: ინტერპრესნიუსი
P|ცენტრალურმა საარჩევნო კომისიამ ხუთშაბათს საპარლამენტო არჩევნების წინასწარი შედეგები გამოაქვეყნა. კომისიის \
მონაცემებით, აქტივობამ 52 პროცენტი შეადგინა.
P|მმართველმა პარტიამ ხმების ნახევარზე ცოტა მეტი მიიღო, ოპოზიციურმა კოალიციამ კი მესამედზე მეტი.
P|ოპოზიციის ლიდერებმა განაცხადეს, რომ რამდენიმე უბანზე დარღვევები დაფიქსირდა და შედეგებს სასამართლოში გაასაჩივრებენ.
გაზიარება
Facebook
R|ასევე წაიკითხეთ
T|დამკვირვებლები არჩევნების დღეს აფასებენ
T|ოპოზიცია შედეგებს არ აღიარებს
T|როგორ დაითვალეს ხმები თბილისში
E|© 2026 ახალი ამბები. ყველა უფლება დაცულია.
""",
    "ko": """\
홈
정치
경제
사회
국제
스포츠
H|선관위, 지방선거 사전투표소 3천500곳 설치…투표율 높이기 총력
B|김민수 기자
D|2026-11-20|입력 2026.11.20 14:30
C|중앙선거관리위원회 관계자들이 사전투표 장비를 점검하고 있다.
K|연합뉴스
P|중앙선거관리위원회는 다음 달 치러지는 지방선거의 사전투표소를 전국 3천500여 곳에 설치한다고 20일 밝혔다. 이는 \
지난 선거보다 약 200곳 늘어난 규모다.
P|선관위는 유권자가 신분증만 있으면 주소지와 관계없이 전국 어느 사전투표소에서나 투표할 수 있다고 설명했다.
P|여야는 투표율이 승패를 가를 것으로 보고 막판 표심 잡기에 나섰다. 특히 수도권 광역단체장 선거가 최대 격전지로 꼽힌다.
공유하기
페이스북
카카오톡
R|관련기사
T|사전투표 첫날 투표율 역대 최고
T|여야 지도부 수도권 총력 유세
T|선관위 "투표지 분류기 전면 점검"
E|Copyright ⓒ 한국일보사. 무단전재 및 재배포 금지
""",
    "pl": """\
Strona główna
Wiadomości
Polityka
Gospodarka
Świat
Sport
H|Sejm przyjął nową ordynację wyborczą. Opozycja zapowiada skargę
B|Autor: Katarzyna Nowak
D|2026-11-20|20 listopada 2026, 14:30
C|Posłowie podczas głosowania w Sejmie
K|Fot. PAP/Rafał Guz
P|Sejm przyjął w czwartek nowelizację kodeksu wyborczego, która zmienia granice okręgów i zasady liczenia głosów. \
Za ustawą głosowało 235 posłów, przeciw było 210.
P|Zmiany mają obowiązywać już w najbliższych wyborach samorządowych. Państwowa Komisja Wyborcza ostrzega jednak, \
że czasu na przygotowanie nowych okręgów jest bardzo mało.
P|Posłowie opozycji zapowiedzieli, że skierują ustawę do Trybunału Konstytucyjnego. Ich zdaniem zmiany \
wprowadzono zbyt blisko terminu głosowania.
Udostępnij
Facebook
X
R|Czytaj także
T|PKW: nowe okręgi to wyzwanie logistyczne
T|Sondaż: Polacy podzieleni w sprawie zmian w kodeksie
T|Senat zajmie się ordynacją w grudniu
E|© 2026 Dziennik Krajowy. Wszelkie prawa zastrzeżone.
""",
    "pt": """\
Início
Política
Economia
Mundo
Esportes
H|TSE aprova regras para propaganda eleitoral na internet
B|Por Ana Souza, g1 — Brasília
D|2026-11-20|20/11/2026 14h30 Atualizado há 2 horas
C|Plenário do Tribunal Superior Eleitoral durante a sessão desta quinta-feira
K|Foto: Antonio Augusto/Secom/TSE
P|O Tribunal Superior Eleitoral (TSE) aprovou nesta quinta-feira (20) as regras que vão valer para a propaganda \
eleitoral na internet nas eleições municipais do ano que vem.
P|Entre as novidades está a proibição do uso de conteúdo manipulado por inteligência artificial sem aviso claro \
ao eleitor. As plataformas terão de remover vídeos falsos em até 24 horas após notificação.
P|O presidente do tribunal afirmou que as medidas buscam proteger a integridade do processo eleitoral e garantir \
que o eleitor tenha acesso a informações verdadeiras.
Compartilhe
WhatsApp
Facebook
R|Veja também
T|Eleições: o que muda no calendário eleitoral
T|Partidos preparam convenções para escolher candidatos
T|TSE lança aplicativo para denúncias
E|© Copyright 2000-2026 Portal Notícias. Todos os direitos reservados.
""",
    "ro": """\
Acasă
Știri
Politică
Economie
Externe
Sport
H|BEC a stabilit calendarul alegerilor prezidențiale: primul tur pe 4 mai
B|Autor: Andrei Popescu
D|2026-11-20|20 noiembrie 2026, 14:30
C|Membrii Biroului Electoral Central în ședința de joi
K|Foto: Inquam Photos / Octav Ganea
P|Biroul Electoral Central a aprobat joi calendarul alegerilor prezidențiale. Primul tur de scrutin va avea loc \
pe 4 mai, iar eventualul al doilea tur două săptămâni mai târziu.
P|Candidații vor avea la dispoziție treizeci de zile pentru depunerea semnăturilor de susținere. Fiecare candidat \
trebuie să strângă cel puțin 200.000 de semnături.
P|Partidele de opoziție au salutat decizia, dar au cerut mai multe secții de votare pentru românii din diaspora, \
unde la alegerile trecute s-au format cozi lungi.
Distribuie
Facebook
R|Citește și
T|Câte secții de votare vor fi deschise în diaspora
T|Sondaj: cine conduce în preferințele alegătorilor
T|Cum se depun semnăturile pentru candidatură
E|© 2026 Ziarul Național. Toate drepturile rezervate.
""",
    "ru": """\
Главная
Политика
Экономика
Общество
В мире
Спорт
H|ЦИК утвердил итоги выборов в городскую думу
B|Автор: Иван Петров
D|2026-11-20|20 ноября 2026, 14:30
C|Председатель избирательной комиссии на заседании в Москве
K|Фото: Андрей Смирнов / ТАСС
P|Центральная избирательная комиссия в четверг утвердила окончательные итоги выборов в городскую думу. По данным \
комиссии, явка составила 38 процентов, что немного выше, чем пять лет назад.
P|Правящая партия получила 31 из 45 мандатов. Ещё девять мест достались самовыдвиженцам, остальные разделили \
между собой две оппозиционные партии.
P|Наблюдатели от оппозиции заявили о нарушениях на нескольких участках и намерены обжаловать результаты в суде. В \
комиссии ответили, что все жалобы будут рассмотрены в установленный законом срок.
Поделиться
ВКонтакте
Telegram
R|Читайте также
T|Явка на выборах оказалась выше прогнозов
T|Оппозиция подала жалобы в избирательную комиссию
T|Кто вошёл в новый состав городской думы
E|© 2026 Городские новости. Все права защищены.
""",
    "sr": """\
Почетна
Политика
Економија
Свет
Спорт
H|Расписани парламентарни избори за 22. март
B|Аутор: Марко Јовановић
D|2026-11-20|20. новембар 2026. 14:30
C|Председник Скупштине потписује одлуку о расписивању избора
K|Фото: Танјуг
P|Председник Републике расписао је у четвртак ванредне парламентарне изборе за 22. март. Одлука је донета после \
консултација са представницима свих посланичких група.
P|Републичка изборна комисија саопштила је да ће рок за предају изборних листа бити четрдесет дана пре дана гласања.
P|Опозиционе странке затражиле су ревизију бирачког списка и једнак приступ медијима током кампање.
Подели
Facebook
R|Прочитајте још
T|РИК објавио календар изборних радњи
T|Опозиција договара заједничку листу
T|Колико кошта одржавање избора
E|© 2026 Дневне новине. Сва права задржана.
""",
    "sw": """\
Mwanzo
Habari
Siasa
Biashara
Kimataifa
Michezo
H|Tume ya uchaguzi yatangaza tarehe ya uchaguzi mkuu
B|Na Juma Hassan
D|2026-11-20|Novemba 20, 2026
C|Mwenyekiti wa tume akizungumza na waandishi wa habari jijini Nairobi.
K|Picha: Maktaba
P|Tume Huru ya Uchaguzi na Mipaka imetangaza kuwa uchaguzi mkuu utafanyika tarehe kumi na nane mwezi Agosti \
mwakani. Tangazo hilo limetolewa baada ya mashauriano na vyama vya siasa.
P|Mwenyekiti wa tume amesema usajili wa wapiga kura utaanza mwezi Januari na utaendelea kwa siku thelathini. \
Amewataka vijana kujitokeza kwa wingi kujiandikisha.
P|Viongozi wa upinzani wamekaribisha tangazo hilo lakini wameitaka tume kuhakikisha mfumo wa kielektroniki wa \
kutuma matokeo unafanya kazi bila hitilafu.
Shiriki
Facebook
Twitter
R|Habari zinazohusiana
T|Vijana wahimizwa kujiandikisha kupiga kura
T|Upinzani waungana kumchagua mgombea mmoja
T|Bajeti ya uchaguzi yaidhinishwa na Bunge
E|© 2026 Taifa Leo Habari. Haki zote zimehifadhiwa.
""",
    "th": """\
หน้าแรก
ข่าว
การเมือง
เศรษฐกิจ
ต่างประเทศ
กีฬา
H|กกต. ประกาศวันเลือกตั้งทั่วไป 22 มีนาคม พรรคการเมืองเร่งเตรียมผู้สมัคร
B|ผู้เขียน: สมชาย ใจดี
D|2026-11-20|20 พฤศจิกายน 2569 14:30 น.
C|ประธาน กกต. แถลงข่าวที่สำนักงานคณะกรรมการการเลือกตั้ง กรุงเทพฯ
K|ภาพ: ทีมข่าวการเมือง
P|คณะกรรมการการเลือกตั้งประกาศให้วันที่ 22 มีนาคมเป็นวันเลือกตั้งสมาชิกสภาผู้แทนราษฎรทั่วไป \
หลังจากมีพระราชกฤษฎีกายุบสภาเมื่อสัปดาห์ที่ผ่านมา โดยจะเปิดรับสมัครผู้สมัครแบบแบ่งเขตในต้นเดือนกุมภาพันธ์
P|ประธานคณะกรรมการการเลือกตั้งกล่าวว่า \
ผู้มีสิทธิเลือกตั้งที่อยู่นอกเขตสามารถลงทะเบียนเลือกตั้งล่วงหน้าผ่านระบบออนไลน์ได้ตั้งแต่สัปดาห์หน้าเป็นต้นไป
P|พรรคการเมืองหลายพรรคเริ่มเปิดตัวผู้สมัครและนโยบายหาเสียงแล้ว \
โดยเฉพาะนโยบายด้านค่าครองชีพและการกระจายอำนาจสู่ท้องถิ่น
แชร์
Facebook
LINE
R|ข่าวที่เกี่ยวข้อง
T|เปิดปฏิทินเลือกตั้ง ลงทะเบียนล่วงหน้าได้ถึงเมื่อไร
T|พรรคฝ่ายค้านเปิดตัวแคนดิเดตนายกรัฐมนตรี
T|โพลชี้คนรุ่นใหม่ยังไม่ตัดสินใจเลือกพรรค
E|© 2569 ข่าวเช้า สงวนลิขสิทธิ์
""",
    "tr": """\
Ana Sayfa
Gündem
Siyaset
Ekonomi
Dünya
Spor
H|YSK, erken seçim takvimini açıkladı: Sandık 15 Haziran'da kurulacak
B|Haber: Ayşe Demir
D|2026-11-20|20 Kasım 2026 Perşembe 14:30
C|Yüksek Seçim Kurulu Başkanı, takvimi Ankara'daki basın toplantısında duyurdu.
K|Fotoğraf: AA
P|Yüksek Seçim Kurulu, Meclis'in aldığı erken seçim kararının ardından seçim takvimini açıkladı. Buna göre \
milletvekili ve cumhurbaşkanı seçimleri 15 Haziran'da aynı gün yapılacak.
P|Kurul Başkanı, siyasi partilerin aday listelerini en geç 40 gün önce teslim etmesi gerektiğini söyledi. Yurt \
dışındaki seçmenler ise oylarını bir hafta önceden kullanabilecek.
P|Muhalefet partileri kararı memnuniyetle karşıladı ancak seçmen listelerinin güncellenmesi konusunda kaygılarını \
dile getirdi. Bir parti sözcüsü, bağımsız gözlemcilerin sürece dahil edilmesini istedi.
Paylaş
Facebook
X
WhatsApp
R|İlgili Haberler
T|Seçmen listeleri askıya çıkıyor: Nasıl kontrol edilir?
T|Muhalefetten ortak aday açıklaması
T|Yurt dışında oy kullanma tarihleri belli oldu
E|© 2026 Günlük Haber. Tüm hakları saklıdır.
""",
    "uk": """\
Головна
Новини
Політика
Економіка
Світ
H|Верховна Рада ухвалила закон про перші повоєнні вибори
B|Автор: Олена Коваленко
D|2026-11-20|20 листопада 2026, 14:30
C|Засідання Верховної Ради у Києві
K|Фото: Укрінформ
P|Верховна Рада в четвер ухвалила закон, який визначає порядок проведення перших виборів після завершення \
воєнного стану. За документ проголосували 284 народні депутати.
P|Закон передбачає, що вибори відбудуться не раніше ніж через шість місяців після скасування воєнного стану. \
Центральна виборча комісія отримає час на оновлення реєстру виборців.
P|Окремий розділ стосується голосування військових та громадян, які перебувають за кордоном. Для них планують \
відкрити додаткові дільниці та запровадити електронну реєстрацію.
Поділитися
Facebook
Telegram
R|Читайте також
T|ЦВК оцінила вартість повоєнних виборів
T|Як голосуватимуть військові: пояснення експертів
T|Опитування: більшість українців підтримує вибори після війни
E|© 2026 Новини України. Усі права захищені.
""",
    "ur": """\
صفحہ اول
پاکستان
دنیا
کاروبار
کھیل
H|الیکشن کمیشن نے ضمنی انتخابات کا شیڈول جاری کر دیا
B|رپورٹ: محمد عمران
D|2026-11-20|20 نومبر 2026
C|اسلام آباد میں الیکشن کمیشن کا دفتر
K|فوٹو: اے ایف پی
P|الیکشن کمیشن آف پاکستان نے قومی اسمبلی کی چار خالی نشستوں پر ضمنی انتخابات کا شیڈول جاری کر دیا ہے۔ پولنگ اگلے \
ماہ کی اٹھارہ تاریخ کو ہوگی۔
P|کمیشن کے ترجمان کے مطابق امیدوار پیر سے کاغذات نامزدگی جمع کرا سکیں گے۔ جانچ پڑتال کا عمل ایک ہفتے میں مکمل کیا \
جائے گا۔
P|حزب اختلاف کی جماعتوں نے شیڈول کا خیرمقدم کیا ہے لیکن شفافیت کے بارے میں خدشات ظاہر کیے ہیں۔ انہوں نے آزاد \
مبصرین کی تعیناتی کا مطالبہ کیا۔
شیئر کریں
فیس بک
ٹوئٹر
R|مزید پڑھیں
T|پنجاب میں بلدیاتی انتخابات کی تیاریاں مکمل
T|سپریم کورٹ نے انتخابی عذرداری کی سماعت ملتوی کر دی
T|نئی ووٹر فہرستیں آئندہ ہفتے شائع ہوں گی
E|جملہ حقوق محفوظ ہیں © 2026 روزنامہ آواز
""",
    "vi": """\
Trang chủ
Thời sự
Thế giới
Kinh doanh
Thể thao
H|Quốc hội thông qua nghị quyết tổ chức bầu cử đại biểu khóa mới
B|Tác giả: Nguyễn Văn An
D|2026-11-20|Thứ năm, 20/11/2026, 14:30 (GMT+7)
C|Các đại biểu bấm nút biểu quyết tại phiên họp sáng nay ở Hà Nội.
K|Ảnh: Hoàng Phong
P|Sáng nay, Quốc hội đã thông qua nghị quyết về ngày bầu cử đại biểu Quốc hội khóa mới và đại biểu Hội đồng nhân \
dân các cấp, với 470 trên tổng số 480 đại biểu tán thành.
P|Theo nghị quyết, cuộc bầu cử sẽ diễn ra vào Chủ nhật, ngày 15 tháng 3 năm sau. Hội đồng bầu cử quốc gia sẽ được \
thành lập trong tháng tới để chỉ đạo công tác chuẩn bị.
P|Chủ tịch Quốc hội cho biết số lượng đại biểu chuyên trách sẽ tăng lên, nhằm nâng cao chất lượng hoạt động lập \
pháp và giám sát.
Chia sẻ
Facebook
Zalo
R|Tin liên quan
T|Hội đồng bầu cử quốc gia sẽ có 21 thành viên
T|Cử tri có thể tra cứu danh sách qua ứng dụng
T|Hà Nội chuẩn bị hơn 5.000 điểm bỏ phiếu
E|© 2026 Báo Thời Sự. Bản quyền thuộc về Báo Thời Sự.
""",
}
LANGUAGES = sorted(PAGES)


def marked(page: str, mark: str) -> list[str]:
    """The page's lines marked so ("P": its paragraphs), without their marks (a date's line without its date)."""
    found = [line[2:] for line in page.splitlines() if line.startswith(mark + "|")]
    return [line.split("|", 1)[1] for line in found] if mark == "D" else found


def dated(page: str) -> dt.date:
    """The date the page's date line writes."""
    return dt.date.fromisoformat(next(line[2:12] for line in page.splitlines() if line.startswith("D|")))


def read_page(folder: Path, language: str):
    """The page pasted into a .txt file and read as `newsletter import PAGE.txt` reads it: what it gave, and its
    notices."""
    return read_marked(folder, PAGES[language])


def read_marked(folder: Path, page: str):
    """A page written with its lines' marks, pasted without them and read (see read_page)."""
    lines = page.splitlines()
    text = "\n".join(line[13:] if line.startswith("D|") else line[2:] if line[1:2] == "|" else line for line in lines)
    path = folder / "page.txt"
    path.write_text(text + "\n", encoding="utf-8")
    notices = []
    return read(path, notices), [str(notice) for notice in notices]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_copyright_line_in_the_pages_language_ends_the_page(tmp_path, language):
    """ "Todos os direitos reservados", "Tüm hakları saklıdır", "جميع الحقوق محفوظة": the page's copyright line, \
in its
    own language, is no photo's credit under the related list's last title: the list holds its titles, each one."""
    page = PAGES[language]
    got, _ = read_page(tmp_path, language)
    assert got.related[0].heading == marked(page, "R")[0]
    assert [item.headline or item.teaser for item in got.related[0].items] == marked(page, "T")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_byline_in_the_pages_language_is_the_stories(tmp_path, language):
    """The writer's name after the label or the word for "by" that the page's language prints ("Автор: Иван Петров",
    "بقلم: أحمد الخطيب", "מאת: דנה לוי", "Na Juma Hassan", "Του Γιώργου Παπαδόπουλου"), or the desk that signs it
    ("নিজস্ব প্রতিবেদক, ঢাকা": staff reporter, Dhaka), is the story's byline, without the label."""
    byline = marked(PAGES[language], "B")[0]
    got, _ = read_page(tmp_path, language)
    assert got.stories[0].byline
    assert byline.endswith(got.stories[0].byline)


@pytest.mark.parametrize(
    ("signed", "name"),
    [
        ("Της Μαρίας Κ.", "Μαρίας Κ."),
        ("Γράφει ο Γιάννης Παπαδόπουλος", "Γιάννης Παπαδόπουλος"),
        ("Γράφει η Μαρία Κωνσταντίνου", "Μαρία Κωνσταντίνου"),
    ],
    ids=["of-initial", "writes-he", "writes-she"],
)
def test_a_greek_byline_in_the_genitive_or_after_writes_is_the_storys(tmp_path, signed, name):
    """Greek pages sign a story "of" the writer, in the genitive, the surname perhaps an initial ("Της Μαρίας Κ."),
    or "writes" before the name ("Γράφει ο Γιάννης Παπαδόπουλος"): the name is the byline, and the line no page
    furniture left out."""
    page = PAGES["el"].replace("B|Του Γιώργου Παπαδόπουλου", f"B|{signed}")
    got, notices = read_marked(tmp_path, page)
    assert got.stories[0].byline == name
    assert not [notice for notice in notices if signed[:20] in notice]


PERSIAN_SURTITLED = """\
صفحه اصلی
سیاسی
اقتصادی
اجتماعی
ورزشی
S|سخنگوی وزارت آموزش و پرورش خبر داد
H|آغاز واکسیناسیون آنفلوآنزای دانش‌آموزان از هفته آینده در مدارس سراسر کشور
D|2026-12-07|۱۶ آذر ۱۴۰۵ - ۱۰:۲۰
P|سخنگوی وزارت آموزش و پرورش روز یکشنبه اعلام کرد واکسیناسیون آنفلوآنزای دانش‌آموزان از شنبه هفته آینده در \
مدارس سراسر کشور آغاز می‌شود و تا پایان دی ماه ادامه خواهد داشت.
P|به گفته وی، این طرح با همکاری وزارت بهداشت اجرا می‌شود و اولویت با دانش‌آموزان مقطع ابتدایی و کودکانی است که \
بیماری زمینه‌ای دارند.
P|او افزود که والدین باید فرم رضایت‌نامه را تا پایان هفته جاری تکمیل کنند و به مدرسه تحویل دهند؛ تزریق بدون \
رضایت والدین انجام نخواهد شد.
P|مسئولان بهداشتی پیش‌تر هشدار داده بودند که شمار مبتلایان به آنفلوآنزا در استان‌های شمالی کشور نسبت به سال \
گذشته افزایش یافته است.
P|بر اساس اعلام وزارت بهداشت، بیش از دو میلیون دوز واکسن برای این طرح به استان‌ها ارسال شده است.
اشتراک‌گذاری
تلگرام
واتساپ
اخبار مرتبط
تعطیلی مدارس تهران به دلیل آلودگی هوا تمدید شد
افزایش مراجعه بیماران تنفسی به بیمارستان‌های شمال کشور
وزیر بهداشت: کمبود واکسن نداریم
تمامی حقوق این سایت محفوظ است © ۱۴۰۵ خبرگزاری نمونه
"""


@pytest.mark.parametrize(
    "shape",
    ["surtitle-over-headline", "shorter-headline", "date-on-top", "no-surtitle"],
)
def test_a_persian_surtitle_saying_who_spoke_is_not_the_headline(tmp_path, shape):
    """Persian pages print a surtitle over the headline that says only who spoke ("سخنگوی وزارت آموزش و پرورش خبر
    داد": the ministry's spokesman reported), each of its words in the article's opening, which starts with who
    spoke: the title under it is the headline, sure, however few of the opening's words it holds. A headline that says
    what was reported ("... از ... خبر داد", reported a rise in ...) is still one."""
    page = PERSIAN_SURTITLED
    headline = marked(page, "H")[0]
    if shape == "shorter-headline":
        page = page.replace(headline, "دانش‌آموزان از هفته آینده علیه آنفلوآنزا واکسینه می‌شوند")
    elif shape == "date-on-top":
        page = page.replace("اجتماعی\nورزشی\n", "اجتماعی\nورزشی\n۱۶ آذر ۱۴۰۵ - ۱۰:۲۰\n").replace(
            "D|2026-12-07|۱۶ آذر ۱۴۰۵ - ۱۰:۲۰\n", ""
        )
    elif shape == "no-surtitle":
        page = page.replace("S|سخنگوی وزارت آموزش و پرورش خبر داد\n", "").replace(
            headline, "سخنگوی آموزش و پرورش از آغاز واکسیناسیون آنفلوآنزای دانش‌آموزان خبر داد"
        )
    got, _ = read_marked(tmp_path, page)
    story = got.stories[0]
    assert (story.headline, story.headline_unsure) == (marked(page, "H")[0], False)
    assert [block.text for block in story.body] == marked(page, "P")


def test_a_persian_surtitle_with_the_date_under_it_is_not_the_headline(tmp_path):
    """The date between the surtitle and the headline makes it no header of its own: the title under the date is
    the headline (flagged: a title under a dated line is as often a standfirst), never the surtitle, sure."""
    headline = "دانش‌آموزان از هفته آینده علیه آنفلوآنزا واکسینه می‌شوند"
    lines = PERSIAN_SURTITLED.replace(marked(PERSIAN_SURTITLED, "H")[0], headline).splitlines()
    at = lines.index("S|سخنگوی وزارت آموزش و پرورش خبر داد")
    lines[at + 1], lines[at + 2] = lines[at + 2], lines[at + 1]
    got, _ = read_marked(tmp_path, "\n".join(lines))
    assert got.stories[0].headline == headline


HAUSA = """\
Gida
Labarai
Siyasa
Wasanni
Nishadi
H|Gwamnatin Bauchi ta fara raba takin zamani ga manoma a kananan hukumomi 20
B|Daga Aminu Musa, Bauchi
D|2026-12-07|December 7, 2026
P|Gwamnatin Jihar Bauchi ta fara raba buhunan takin zamani fiye da dubu hamsin ga manoma a kananan hukumomi ashirin \
na jihar, domin tallafa musu a lokacin noman rani.
P|Kwamishinan Noma na jihar ya ce an sayar da kowane buhu a kan rabin farashinsa na kasuwa, kuma an kafa kwamitoci \
a kowace karamar hukuma don sa ido kan yadda ake rabon.
P|Daga cikin manoman da suka amfana, wasu sun shaida wa wakilinmu cewa sun samu takin a kan lokaci a wannan shekara, \
sabanin shekarun baya.
P|Sai dai wasu manoma a yankin Katagum sun koka cewa ba a kai musu kason su ba tukuna, kuma suna fargabar cewa \
lokacin shuka zai wuce.
P|Gwamnatin ta ce za ta kammala rabon a dukkan kananan hukumomi kafin karshen wannan wata.
Raba
Facebook
Twitter
Labarai Masu Alaka
Manoma sun koka kan tsadar taki a Kano
Gwamnati za ta gina madatsar ruwa a Bauchi
© 2026 Jaridar Misali.
"""


@pytest.mark.parametrize("date_first", [False, True], ids=["byline-over-date", "date-over-byline"])
def test_a_hausa_byline_from_the_writer_and_place_is_the_storys(tmp_path, date_first):
    """Hausa pages sign a story "from" the writer, then the place ("Daga Aminu Musa, Bauchi"), over or under the
    date: the writer and place are the byline, no rival of the headline's nor furniture left out; a paragraph that
    starts with the same word ("Daga cikin manoman ...", from among the farmers) stays the article's."""
    page = HAUSA
    if date_first:
        page = page.replace(
            "B|Daga Aminu Musa, Bauchi\nD|2026-12-07|December 7, 2026",
            "D|2026-12-07|December 7, 2026\nB|Daga Aminu Musa, Bauchi",
        )
    got, notices = read_marked(tmp_path, page)
    story = got.stories[0]
    assert (story.headline, story.headline_unsure) == (marked(page, "H")[0], False)
    assert (story.byline, story.date) == ("Aminu Musa, Bauchi", dated(page))
    assert [block.text for block in story.body] == marked(page, "P")
    assert not [notice for notice in notices if "Aminu Musa" in notice]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_photos_caption_and_credit_in_the_pages_language(tmp_path, language):
    """A credit labelled in the page's language ("Fotoğraf: AA", "فوٹو: اے ایف پی", "ΦΩΤΟ: EUROKINISSI", "ფოტო: ...")
    is the lead photo's credit, and the line over it its caption, no paragraph of the article: the body is the
    paragraphs, each one."""
    page = PAGES[language]
    got, _ = read_page(tmp_path, language)
    story = got.stories[0]
    assert (story.caption, story.credit) == (marked(page, "C")[0], marked(page, "K")[0])
    assert [block.text for block in story.body] == marked(page, "P")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_date_in_the_pages_language_is_the_storys(tmp_path, language):
    """A date written with the months' names of the page's language ("২০ নভেম্বর ২০২৬", "20 נובמבר", "Novemba 20,
    2026", "20 ნოემბერი, 2026", "20. новембар 2026."), in its own digits and calendar (Thai's Buddhist era: "20
    พฤศจิกายน 2569"; Iran's solar calendar: "۲۹ آبان ۱۴۰۵"), or in figures with a year of two ("20.11.26", as Hebrew
    pages write it), is the story's date, in the Gregorian calendar."""
    got, _ = read_page(tmp_path, language)
    assert got.stories[0].date == dated(PAGES[language])


def test_a_year_of_two_figures_is_read_only_where_it_can_be_told():
    """ "20.11.26" with dots is day first and this century's; with slashes ("20/11/26": a year first?), with a day
    that may be the month ("12.09.16": an American page's December 9th) or past the window ("20.11.98": 1998 or
    2098?) it is left unread, not guessed."""
    assert figures_date("פורסם: 20.11.26, 14:30") == dt.date(2026, 11, 20)
    assert figures_date("20/11/26") is None
    assert figures_date("Andrew Husband 12.09.16 12 mins ago") is None
    assert figures_date("20.11.98") is None


def test_iran_s_solar_calendar_has_its_leap_years():
    """The last day of Esfand is the 30th in a leap year of Iran's calendar (1403) and no day in another (1404)."""
    assert line_date("۳۰ اسفند ۱۴۰۳") == dt.date(2025, 3, 20)
    assert line_date("۲۹ اسفند ۱۴۰۴") == dt.date(2026, 3, 20)
    assert line_date("۳۰ اسفند ۱۴۰۴") is None
