# ruff: noqa: E501 - sentences of translated demo text read better unbroken
"""The wayfinder's demo texts in every interface language: concern categories and "for whom".

The wayfinder is the first page many newcomers see, so its demo reads fully in each language
rather than falling back to German.
"""

from __future__ import annotations

LANGUAGES = ("en", "ar", "uk", "ru", "fa", "tr")

# slug: {language: (name, description)}
CATEGORIES: dict[str, dict[str, tuple[str, str]]] = {
    "ankunft-aus-der-ukraine": {
        "en": (
            "Arrival from Ukraine",
            "First steps after fleeing Ukraine: registration, residence, benefits, housing.",
        ),
        "ar": (
            "الوصول من أوكرانيا",
            "الخطوات الأولى بعد الفرار من أوكرانيا: التسجيل، الإقامة، المساعدات، السكن.",
        ),
        "uk": (
            "Прибуття з України",
            "Перші кроки після втечі з України: реєстрація, перебування, допомога, житло.",
        ),
        "ru": (
            "Прибытие из Украины",
            "Первые шаги после бегства из Украины: регистрация, пребывание, пособия, жильё.",
        ),
        "fa": (
            "ورود از اوکراین",
            "نخستین گام‌ها پس از فرار از اوکراین: ثبت‌نام، اقامت، کمک‌هزینه‌ها، مسکن.",
        ),
        "tr": (
            "Ukrayna'dan geliş",
            "Ukrayna'dan kaçtıktan sonra ilk adımlar: kayıt, oturum, yardımlar, konut.",
        ),
    },
    "aufenthalt": {
        "en": ("Residence", "Residence permits, extensions, toleration, naturalisation."),
        "ar": ("الإقامة", "تصاريح الإقامة، التمديد، التسامح المؤقت (Duldung)، التجنس."),
        "uk": ("Перебування", "Дозволи на проживання, продовження, толерування, натуралізація."),
        "ru": ("Пребывание", "Вид на жительство, продление, дульдунг (Duldung), натурализация."),
        "fa": ("اقامت", "اجازه اقامت، تمدید، دولدونگ (Duldung)، تابعیت."),
        "tr": ("Oturum", "Oturum izni, uzatma, hoşgörü belgesi (Duldung), vatandaşlık."),
    },
    "asylbewerberleistungen": {
        "en": (
            "Asylum seekers' benefits",
            "Money to live on, medical voucher, education and participation during the asylum procedure.",
        ),
        "ar": (
            "مساعدات طالبي اللجوء",
            "مال للمعيشة، بطاقة العلاج، التعليم والمشاركة أثناء إجراءات اللجوء.",
        ),
        "uk": (
            "Допомога для шукачів притулку",
            "Гроші на життя, направлення до лікаря, освіта та участь під час процедури надання притулку.",
        ),
        "ru": (
            "Пособия для просителей убежища",
            "Деньги на жизнь, направление к врачу, образование и участие во время процедуры убежища.",
        ),
        "fa": (
            "کمک‌هزینه پناهجویان",
            "پول برای زندگی، برگه درمان، آموزش و مشارکت در طول روند پناهندگی.",
        ),
        "tr": (
            "Sığınmacı yardımları",
            "Geçim parası, sağlık belgesi, sığınma süreci boyunca eğitim ve katılım.",
        ),
    },
    "wohnen": {
        "en": ("Housing", "Accommodation, moving into your own flat, problems with your flat."),
        "ar": ("السكن", "السكن، الانتقال إلى شقة خاصة، مشاكل في الشقة."),
        "uk": ("Житло", "Житло, переїзд у власну квартиру, проблеми з квартирою."),
        "ru": ("Жильё", "Жильё, переезд в собственную квартиру, проблемы с квартирой."),
        "fa": ("مسکن", "محل سکونت، نقل مکان به آپارتمان شخصی، مشکلات آپارتمان."),
        "tr": ("Konut", "Barınma, kendi evine taşınma, evle ilgili sorunlar."),
    },
    "arbeit": {
        "en": ("Work and job search", "Finding work, citizen's income, work permit, training."),
        "ar": ("العمل والبحث عن وظيفة", "إيجاد عمل، إعانة المواطن، تصريح العمل، التدريب المهني."),
        "uk": (
            "Робота та пошук роботи",
            "Пошук роботи, громадянська допомога, дозвіл на роботу, навчання.",
        ),
        "ru": (
            "Работа и поиск работы",
            "Поиск работы, гражданское пособие, разрешение на работу, обучение.",
        ),
        "fa": ("کار و کاریابی", "پیدا کردن کار، کمک‌هزینه شهروندی، اجازه کار، کارآموزی."),
        "tr": ("İş ve iş arama", "İş bulma, vatandaşlık geliri, çalışma izni, meslek eğitimi."),
    },
    "sprachkurs": {
        "en": (
            "Language course",
            "Learning German: integration course, job-related course, places.",
        ),
        "ar": ("دورة لغة", "تعلم الألمانية: دورة الاندماج، دورة اللغة المهنية، أماكن شاغرة."),
        "uk": ("Мовний курс", "Вивчення німецької: інтеграційний курс, професійний курс, місця."),
        "ru": (
            "Языковой курс",
            "Изучение немецкого: интеграционный курс, профессиональный курс, места.",
        ),
        "fa": ("کلاس زبان", "یادگیری آلمانی: دوره ادغام، دوره زبان شغلی، جای خالی."),
        "tr": ("Dil kursu", "Almanca öğrenmek: uyum kursu, mesleki dil kursu, boş yerler."),
    },
    "anerkennung": {
        "en": (
            "Recognition of qualifications",
            "Having school, vocational and university qualifications from abroad recognised.",
        ),
        "ar": ("الاعتراف بالشهادات", "الاعتراف بالشهادات المدرسية والمهنية والجامعية من الخارج."),
        "uk": (
            "Визнання дипломів",
            "Визнання шкільних, професійних і вищих дипломів, отриманих за кордоном.",
        ),
        "ru": (
            "Признание дипломов",
            "Признание школьных, профессиональных и вузовских дипломов из-за рубежа.",
        ),
        "fa": ("ارزشیابی مدارک", "به رسمیت شناختن مدارک مدرسه، حرفه‌ای و دانشگاهی خارجی."),
        "tr": (
            "Diploma denkliği",
            "Yurt dışından alınan okul, meslek ve üniversite diplomalarının tanınması.",
        ),
    },
    "familie-und-schule": {
        "en": (
            "Family, day care and school",
            "Day care and school registration, family reunification, questions about children.",
        ),
        "ar": (
            "العائلة والحضانة والمدرسة",
            "التسجيل في الحضانة والمدرسة، لمّ الشمل، أسئلة حول الأطفال.",
        ),
        "uk": (
            "Сім'я, дитсадок і школа",
            "Запис до дитсадка і школи, возз'єднання сім'ї, питання щодо дітей.",
        ),
        "ru": (
            "Семья, детский сад и школа",
            "Запись в детский сад и школу, воссоединение семьи, вопросы о детях.",
        ),
        "fa": (
            "خانواده، مهدکودک و مدرسه",
            "ثبت‌نام در مهدکودک و مدرسه، پیوستن خانواده، پرسش‌هایی درباره کودکان.",
        ),
        "tr": (
            "Aile, kreş ve okul",
            "Kreş ve okul kaydı, aile birleşimi, çocuklarla ilgili sorular.",
        ),
    },
    "gesundheit": {
        "en": ("Health", "Finding a doctor, health insurance, medical voucher."),
        "ar": ("الصحة", "إيجاد طبيب، التأمين الصحي، بطاقة العلاج."),
        "uk": ("Здоров'я", "Пошук лікаря, медичне страхування, направлення до лікаря."),
        "ru": ("Здоровье", "Поиск врача, медицинская страховка, направление к врачу."),
        "fa": ("سلامت", "پیدا کردن پزشک، بیمه درمانی، برگه درمان."),
        "tr": ("Sağlık", "Doktor bulma, sağlık sigortası, sağlık belgesi."),
    },
    "ehrenamt": {
        "en": ("Volunteering", "Helping yourself, or finding support from volunteers."),
        "ar": ("العمل التطوعي", "أن تساعد بنفسك أو أن تجد دعماً من المتطوعين."),
        "uk": ("Волонтерство", "Допомагати самому або знайти підтримку волонтерів."),
        "ru": ("Волонтёрство", "Помогать самому или найти поддержку волонтёров."),
        "fa": ("کار داوطلبانه", "خودتان کمک کنید یا از داوطلبان حمایت بگیرید."),
        "tr": ("Gönüllülük", "Kendiniz yardım edin ya da gönüllülerden destek bulun."),
    },
    "sonstiges": {
        "en": ("Something else", "Something else – we will find the right place."),
        "ar": ("شيء آخر", "شيء آخر – سنجد الجهة المناسبة."),
        "uk": ("Інше", "Щось інше – ми знайдемо потрібне місце."),
        "ru": ("Другое", "Что-то другое – мы найдём нужное место."),
        "fa": ("موارد دیگر", "موضوعی دیگر – ما جای مناسب را پیدا می‌کنیم."),
        "tr": ("Diğer", "Başka bir konu – doğru yeri biz buluruz."),
    },
}

# slug: {language: (label, description)}
AUDIENCES: dict[str, dict[str, tuple[str, str]]] = {
    "selbst": {
        "en": ("For myself", "It is about my own concern."),
        "ar": ("لنفسي", "الأمر يتعلق بطلبي الشخصي."),
        "uk": ("Для себе", "Йдеться про моє власне звернення."),
        "ru": ("Для себя", "Речь идёт о моём собственном обращении."),
        "fa": ("برای خودم", "موضوع درخواست خود من است."),
        "tr": ("Kendim için", "Konu benim kendi başvurum."),
    },
    "familie": {
        "en": ("For my child or my family", "It is about children, a partner or parents."),
        "ar": ("لطفلي أو لعائلتي", "الأمر يتعلق بالأطفال أو الشريك أو الوالدين."),
        "uk": ("Для моєї дитини чи сім'ї", "Йдеться про дітей, партнера чи батьків."),
        "ru": ("Для моего ребёнка или семьи", "Речь идёт о детях, партнёре или родителях."),
        "fa": ("برای فرزند یا خانواده‌ام", "موضوع درباره فرزندان، همسر یا والدین است."),
        "tr": ("Çocuğum veya ailem için", "Konu çocuklar, eş veya ebeveynlerle ilgili."),
    },
    "begleitung": {
        "en": (
            "For someone I support",
            "I help as a volunteer or professionally, e.g. as a mentor or social worker.",
        ),
        "ar": ("لشخص أرافقه", "أساعد تطوعاً أو مهنياً، مثلاً كمرشد أو عامل اجتماعي."),
        "uk": (
            "Для людини, яку я супроводжую",
            "Я допомагаю як волонтер або професійно, наприклад як наставник чи соціальний працівник.",
        ),
        "ru": (
            "Для человека, которого я сопровождаю",
            "Я помогаю как волонтёр или профессионально, например как наставник или соцработник.",
        ),
        "fa": (
            "برای کسی که همراهی‌اش می‌کنم",
            "به‌صورت داوطلبانه یا حرفه‌ای کمک می‌کنم، مثلاً به‌عنوان راهنما یا مددکار اجتماعی.",
        ),
        "tr": (
            "Destek olduğum biri için",
            "Gönüllü ya da mesleki olarak yardım ediyorum, örneğin rehber veya sosyal hizmet uzmanı olarak.",
        ),
    },
}
