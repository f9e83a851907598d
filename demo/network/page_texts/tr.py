# ruff: noqa: E501 - sentences of translated demo text read better unbroken
"""Turkish: the demo's pages (home, content pages, the agency and its units)."""

from __future__ import annotations

from demo.network.page_texts import bring

DEMO_NOTE = (
    "<p><i>Not: Bu bir demo kurulumudur. Bu sayfadaki tüm bilgiler örnek metinlerdir.</i></p>"
)
ID = "kimlik kartı, pasaport veya oturum belgesi"
LETTERS = "konuyla ilgili mektuplar ve kararlar"

PAGES: dict[str, dict[str, str]] = {
    "": {
        "title": "Burgenlandkreis Entegrasyon Ağı",
        "intro": "Burgenlandkreis ilçesinde göç ve entegrasyonla ilgili hizmetler, danışmanlık ve gönüllülük – tek bir yerde.",
        "body": (
            "<h2>Tüm ilçe için bir ağ</h2>"
            "<p>Burgenlandkreis entegrasyon ağında dernekler, girişimler, göçmen örgütleri, projeler, kilise cemaatleri, gönüllüler ve kamu kurumları birlikte çalışır – Weißenfels ve Naumburg'dan Zeitz ve Hohenmölsen'e, Unstrut, Wethau ve Finne kıyısındaki köylere kadar.</p>"
            "<p>Burada kimin ne sunduğunu bulursunuz: Almanca kursları ve dil kafeleri, oturum, iş ve konut konularında danışmanlık, kadınlar, çocuklar ve aileler için hizmetler, spor ve buluşmalar. Her kayıt ağın üyeleri tarafından güncel tutulur ve düzenli olarak onaylanır.</p>"
            '<ul><li><a href="/tr/directory/">Rehberde arayın</a> – konuya, dile, hedef gruba veya belediyeye göre</li>'
            "<li>Katılın: Göç ajansının gönüllü koordinasyonu ağa yeni üyeleri memnuniyetle kabul eder.</li></ul>"
        ),
        "agency_title": "Göç ajansı: her konu için tek bir bina",
        "agency_text": (
            "<p>Burgenlandkreis göç ajansında yeni gelenlerin ihtiyaç duyduğu kurumlar aynı çatı altında çalışır: yabancılar dairesi, sığınmacı yardımları, barınma, entegrasyon danışmanlığı, iş merkezi (Jobcenter) ve iş ajansı.</p>"
            "<p>Randevuya ihtiyacınız yok. <b>Karşılama alanında</b> her konuyu dinler, sınıflandırır ve sizi sorumlu birime götürürüz. Yanlış yol yoktur: Bize ait olmayanı bina içinde ilgili yere iletiriz – daireden daireye koşmanız gerekmez.</p>"
            "<ul><li>randevusuz açık danışmanlık</li>"
            "<li>birçok dilde sözlü tercüme</li>"
            "<li>ağdaki danışmanlık merkezleri ve girişimlerle yakın iş birliği</li></ul>"
        ),
    },
    "ueber-uns": {
        "title": "Ağ hakkında",
        "intro": "Ağa kimlerin ait olduğu, rehberin nasıl oluştuğu ve nasıl katılabileceğiniz.",
        "body": (
            "<h2>Kimler katılıyor</h2>"
            "<p>Entegrasyon ağına yüzden fazla üye aittir: yardım kuruluşlarının danışmanlık merkezleri, dil kursu düzenleyenler, göçmen örgütleri, spor kulüpleri, kilise cemaatleri, işe yerleştirme projeleri, gönüllü girişimler ve tek tek gönüllüler. Ağı Burgenlandkreis göç ajansı koordine eder.</p>"
            "<h2>Rehber nasıl oluşuyor</h2>"
            "<p>Her üye kendi kaydını kendisi günceller. Değişiklikler yayımlanmadan önce kontrol edilir ve bilgilerin onaylanmasını düzenli olarak isteriz – kimse kapalı bir kapının önünde kalmasın diye.</p>"
            "<h2>Katılın</h2>"
            "<ul><li>Dernek, girişim veya proje olarak: Gönüllü koordinasyonuna yazın, sizin için bir hesap açalım.</li>"
            "<li>Gönüllü olarak: Sizi yakınınızdaki bir girişime yönlendirir ve eğitimlerimize davet ederiz.</li></ul>"
        ),
    },
    "datenschutz": {
        "title": "Veri koruma",
        "intro": "Portalın hangi verileri işlediği ve hangi haklara sahip olduğunuz.",
        "body": (
            DEMO_NOTE + "<h2>Sorumlu kurum</h2>"
            "<p>Burgenlandkreis, Migrationsagentur, Promenade 31, 06667 Weißenfels, datenschutz@mia-blk.example</p>"
            "<h2>Portalın ziyaret edilmesi</h2>"
            "<p>Bir sayfayı açtığınızda sunucu, işleyişi güvence altına almak için teknik olarak gerekli verileri (IP adresi, zaman, açılan adres) en fazla yedi gün işler. Analiz veya reklam çerezleri ve üçüncü taraf içerikleri yoktur. Çerezler yalnızca dil seçimi ve oturum açma için kullanılır.</p>"
            "<h2>Rehberdeki kayıtlar</h2>"
            "<p>Üyelerin ve irtibat kişilerinin iletişim bilgilerini yalnızca onların onayıyla yayımlarız. Onay her zaman geri alınabilir.</p>"
            "<h2>Haklarınız</h2>"
            "<p>Bilgi alma, düzeltme, silme ve işlemenin kısıtlanmasını isteme haklarına ve Saksonya-Anhalt eyaleti veri koruma görevlisine şikâyette bulunma hakkına sahipsiniz.</p>"
            "<p>Bu metin kolaylık için yapılmış bir çeviridir; geçerli olan Almanca metindir.</p>"
        ),
    },
    "impressum": {
        "title": "Künye",
        "intro": "Bu portalı kimin sunduğu.",
        "body": (
            DEMO_NOTE + "<h2>Sağlayıcı</h2>"
            "<p>Burgenlandkreis<br>Migrationsagentur (göç ajansı)<br>Promenade 31<br>06667 Weißenfels</p>"
            "<p>E-posta: kontakt@mia-blk.example</p>"
            "<h2>Editörlük</h2>"
            "<p>Rehberdeki kayıtlardan ilgili üyeler sorumludur. Diğer içeriklerden göç ajansındaki entegrasyon ağı editörlüğü sorumludur.</p>"
        ),
    },
    "barrierefreiheit": {
        "title": "Erişilebilirlik beyanı",
        "intro": "Bu portalın ne kadar erişilebilir olduğu, neyin henüz erişilebilir olmadığı ve engelleri bize nasıl bildirebileceğiniz.",
        "body": (
            DEMO_NOTE
            + "<p>Burgenlandkreis, entegrasyon ağının portalını erişilebilir kılmaya çalışmaktadır. Yasal dayanak, Saksonya-Anhalt eyaletinin engellilerin eşitliği yasası (BGG LSA) ve ilgili yönetmeliktir (BGGVO LSA); eyalet bunlarla (AB) 2016/2102 sayılı Direktifi uygular. Ölçüt, engelsiz bilgi teknolojisi yönetmeliğinin (BITV 2.0) ve Avrupa standardı EN 301 549'un gereklilikleri, yani AA düzeyinde Web İçeriği Erişilebilirlik Yönergeleri (WCAG) 2.1'dir.</p>"
            "<h2>Gerekliliklere uygunluk durumu</h2>"
            "<p>Bu portal <b>kısmen erişilebilirdir</b>. Portalın kendi sayfaları – rehber, ihtiyaçlar, etkinlikler, arama, başvuru formu ve üye alanı – incelememize göre gereklilikleri karşılamaktadır. Aşağıda adı geçen içerikler henüz erişilebilir değildir.</p>"
            "<h2>Erişilebilir olmayan içerikler</h2>"
            "<ul>"
            "<li><b>Üyelerin metinleri ve dosyaları:</b> Dernekler, girişimler ve projeler kayıtlarını ve etkinliklerini kendileri günceller. Yüklenen logoların her zaman anlamlı bir alternatif metni yoktur, eklenen PDF dosyaları (örneğin el ilanları) çoğu zaman erişilebilir değildir. Kayıtları incelerken üyeleri bu konuda uyarırız.</li>"
            "<li><b>Alman İşaret Dili:</b> Portalın Alman İşaret Dilinde açıklamaları henüz yoktur. 2027'nin ilk yarısı için planlanmıştır. Kolay Almancada bir açıklama zaten vardır: "
            '<a href="/leichte-sprache/" hreflang="de" lang="de">Leichte Sprache</a>.</li>'
            "<li><b>Sohbet:</b> Sohbetteki yeni mesajlar ekran okuyuculara bildirilir; kısa sürede çok fazla mesaj gelirse bildirim eksik olabilir. Geçmiş her zaman eksiksiz okunabilir.</li>"
            "<li><b>Çeviriler:</b> Portalın arayüzü yedi dilde mevcuttur. İçeriklerin bir kısmı, özellikle üyelerin kayıtları, yalnızca Almancadır; bu metinler işaretlenmiştir.</li>"
            "</ul>"
            "<h2>Bu beyanın hazırlanması</h2>"
            "<p>Bu beyan 16 Kasım 2026'da hazırlanmıştır. Editörlüğün otomatik kontroller (axe-core) ile klavye, ekran büyüteci ve ekran okuyucuyla yaptığı testlere dayanan bir öz değerlendirmesine dayanır. Beyan en az yılda bir kez ve portaldaki her büyük değişiklikten sonra gözden geçirilir.</p>"
            "<h2>Engelleri bildirin: geri bildirim ve iletişim</h2>"
            "<p>Engellerle mi karşılaştınız veya bir içeriğe başka bir biçimde mi ihtiyacınız var? Bize yazın:</p>"
            "<p><span lang='de'>Migrationsagentur Burgenlandkreis, Redaktion Integrationsnetzwerk</span><br>Promenade 31, 06667 Weißenfels<br>"
            'E-posta: <a href="mailto:barrierefreiheit@mia-blk.example">barrierefreiheit@mia-blk.example</a><br>'
            "Telefon: 03443 030-10</p>"
            "<p>Dört hafta içinde yanıt veririz. Karşılama alanındaki açık danışma saatlerinde de bize başvurabilirsiniz.</p>"
            "<h2>Uygulama prosedürü</h2>"
            "<p>Bildiriminize yanıt alamadıysanız veya yanıt sizi tatmin etmediyse, Saksonya-Anhalt eyaletinin erişilebilirlik merkezindeki engelsiz bilgi teknolojisi ombudsmanlığına başvurabilirsiniz. Ombudsmanlık, engeli gidermek için sizinle bizim aramızda arabuluculuk yapar. Prosedür ücretsizdir, avukata ihtiyacınız yoktur.</p>"
            '<p><a href="https://lf-barrierefreiheit-st.de/ueber-uns/ombudsstelle" lang="de">Ombudsstelle der Landesfachstelle für Barrierefreiheit Sachsen-Anhalt</a> (Almanca)</p>'
            "<p>Federal engellilerin eşitliği yasasının 16. maddesine göre uzlaştırma kurulu yalnızca federal kurumlardan sorumludur; Burgenlandkreis için Saksonya-Anhalt eyaletinin prosedürü geçerlidir.</p>"
        ),
    },
    "leichte-sprache": {
        "title": "Kolay dilde göç ajansı",
        "intro": "Burada göç ajansını kolay bir dille anlatıyoruz.",
        "body": (
            "<h2>Göç ajansı nedir?</h2>"
            "<p>Göç ajansı bir resmî dairedir.</p>"
            "<p>Burgenlandkreis ilçesine aittir.</p>"
            "<p>Göç ajansı başka ülkelerden gelen insanlara yardım eder.</p>"
            "<p>Örneğin oturumla ilgili sorularda.</p>"
            "<p>Veya işle ilgili sorularda.</p>"
            "<p>Veya bir evle ilgili sorularda.</p>"
            "<p>Göç ajansında birçok daire aynı binadadır.</p>"
            "<p>Örneğin yabancılar dairesi ve iş merkezi (Jobcenter).</p>"
            "<p>Daireden daireye gitmeniz gerekmez.</p>"
            "<h2>Göç ajansı nerede?</h2>"
            "<p>Göç ajansı Weißenfels'tedir.</p>"
            "<p>Adres:<br>Promenade 31<br>06667 Weißenfels</p>"
            "<p>Binanın girişinde basamak yoktur.</p>"
            "<p>Tekerlekli sandalyeyle de binaya girebilirsiniz.</p>"
            "<h2>Ne zaman gelebilirsiniz?</h2>"
            "<p>Randevuya ihtiyacınız yok.</p>"
            "<p>Doğrudan gelebilirsiniz:</p>"
            "<ul><li>Pazartesi saat 8'den 12'ye kadar</li>"
            "<li>Salı saat 8'den 12'ye kadar</li>"
            "<li>Salı ayrıca saat 13'ten 17.30'a kadar</li>"
            "<li>Çarşamba saat 8'den 12'ye kadar</li>"
            "<li>Perşembe saat 8'den 12'ye kadar</li>"
            "<li>Perşembe ayrıca saat 13'ten 16'ya kadar</li>"
            "<li>Cuma saat 8'den 11.30'a kadar</li></ul>"
            "<p>Önce karşılama alanına gidin.</p>"
            "<p>Orada size soruyoruz: Neye ihtiyacınız var?</p>"
            "<p>Sonra sizi binadaki doğru yere götürüyoruz.</p>"
            "<h2>Yanınızda ne getirmelisiniz?</h2>"
            "<ul><li>pasaportunuz veya kimlik kartınız</li>"
            "<li>varsa oturum izniniz</li>"
            "<li>sorunuzla ilgili dairelerden gelen mektuplar</li></ul>"
            "<p>Az Almanca mı konuşuyorsunuz?</p>"
            "<p>Bu sorun değil.</p>"
            "<p>Tercümanlarımız var.</p>"
            "<p>Yanınızda birini de getirebilirsiniz.</p>"
            "<p>Bu kişi size yardım edebilir.</p>"
            "<h2>Sorularınız mı var?</h2>"
            "<p>Arayın: 03443 030-10</p>"
            '<p>Veya e-posta yazın: <a href="mailto:eingangszone@mia-blk.example">eingangszone@mia-blk.example</a></p>'
        ),
    },
    "migrationsagentur": {
        "title": "Göç ajansı",
        "intro": "Burgenlandkreis'te göçle ilgili her konu için tek bir bina – randevusuz açık danışma saatleriyle.",
        "body": (
            "<h2>Bina nasıl işler</h2>"
            "<p>Göç ajansında, geldikten sonra ihtiyaç duyduğunuz tüm birimler aynı çatı altında çalışır: yabancılar dairesi, sosyal yardım dairesi, konut işleri, danışmanlık, iş merkezi (Jobcenter) ve iş ajansı.</p>"
            "<p>Önce zemin kattaki <b>karşılama alanına</b> gelin. Orada sizi dinler ve doğru birime götürürüz. Yanlış yol yoktur: Daireden daireye koşmanız gerekmez.</p>"
            "<ul><li>randevusuz açık danışma saatleri</li>"
            "<li>birçok dilde, görüntülü olarak da sözlü tercüme</li>"
            "<li>bina engelsizdir, asansör vardır</li></ul>"
        ),
    },
    "eingangszone": {
        "title": "Karşılama alanı",
        "summary": (
            "<p>Herkes burada başlar. Bize neye ihtiyacınız olduğunu anlatırsınız. Mektuplarınıza bakar ve sizi binadaki doğru yere götürürüz. Randevuya ihtiyacınız yok.</p>"
            "<p>Yanlış yol yoktur: Bize ait olmayanı bina içinde ilgili yere iletiriz.</p>"
        ),
        "floor": "Zemin kat",
        "room": "0.01 (fuaye)",
        "directions": "Ana girişin hemen arkasında, sağda danışma bankosunda.",
        "what_to_bring": bring(ID, LETTERS),
    },
    "auslaenderbehoerde": {
        "title": "Yabancılar dairesi",
        "summary": (
            "<p>Oturum hakkınız hakkında karar veririz: oturum izni, uzatma, süresiz oturum izni ve vatandaşlığa geçiş.</p>"
            "<p>Kısa soruları açık danışma saatinde yanıtlarız. Başvurular için randevu alırsınız.</p>"
        ),
        "floor": "1. kat",
        "room": "1.10 – 1.18",
        "directions": "Merdiven veya asansörle 1. kata çıkın, sonra sola dönün.",
        "what_to_bring": bring(
            ID, "güncel biyometrik vesikalık fotoğraf", "konutunuza ilişkin belge", LETTERS
        ),
    },
    "asylbewerberleistungen": {
        "title": "Sığınmacı yardımları (sosyal yardım dairesi)",
        "summary": "<p>Sığınmacılara Yardım Yasası'na göre geçim parası öderiz. Sağlık belgesi (Krankenschein) verir, okul, geziler ve spor kulübü için para konusunda yardım ederiz.</p>",
        "floor": "Zemin kat",
        "room": "0.12 – 0.15",
        "what_to_bring": bring(ID, "son üç ayın banka hesap dökümleri", LETTERS),
    },
    "unterbringung": {
        "title": "Konut işleri",
        "summary": "<p>Barınmanızla ilgileniriz: toplu konaklama yerindeki odalar, ilçenin daireleri ve kendi evinize taşınma.</p>",
        "floor": "2. kat",
        "room": "2.04",
        "what_to_bring": bring(ID, "bir eviniz varsa kira teklifi veya kira sözleşmesi"),
    },
    "integrationsberatung": {
        "title": "Göç ve entegrasyon danışmanlığı",
        "summary": "<p>Almanya'daki ilk yıllarınızda size danışmanlık yaparız: Almanca kursu, diplomaların tanınması, çocuklarınız için okul ve kreş. Ağdaki hizmetleri biliriz ve sizi yönlendiririz.</p>",
        "floor": "1. kat",
        "room": "1.02",
        "what_to_bring": bring(ID, "tanınma söz konusuysa diplomalar ve belgeler"),
    },
    "jobcenter": {
        "title": "İş merkezi (Jobcenter)",
        "summary": "<p>İş merkezi vatandaşlık geliri (Bürgergeld) ve iş arama konusunda yardım eder. Binada başvuru verebilir, kurslar ve destekler hakkında soru sorabilirsiniz.</p>",
        "floor": "Zemin kat",
        "room": "0.20 – 0.22",
        "what_to_bring": bring(ID, "varsa müşteri numaranız", LETTERS),
    },
    "agentur-fuer-arbeit": {
        "title": "İş ajansı",
        "summary": "<p>Meslek ve mesleki eğitim konusunda danışmanlık yapar, çalışma izniniz olup olmadığını kontrol ederiz. Yurt dışından gelen nitelikli çalışanlara tanınma ve iş arama konusunda danışmanlık yaparız.</p>",
        "floor": "2. kat",
        "room": "2.10",
        "what_to_bring": bring(ID, "özgeçmiş ve belgeler"),
    },
    "ehrenamtskoordination": {
        "title": "Gönüllü koordinasyonu",
        "summary": "<p>Yardım etmek mi istiyorsunuz? Sizinle birlikte yakınınızda bir gönüllü görev buluruz, eğitimlere davet eder ve sigorta ile masraflar hakkındaki soruları yanıtlarız.</p>",
        "floor": "3. kat",
        "room": "3.01",
        "what_to_bring": bring("yalnızca kendiniz ve fikirleriniz"),
    },
    "migrationsberatung-fuer-erwachsene": {
        "title": "Yetişkinler için göç danışmanlığı (Diakonie)",
        "summary": "<p>Diakonie, binada Almanya'ya yeni gelmiş 27 yaş ve üzeri yetişkinlere danışmanlık yapar: dairelerden gelen mektuplar, entegrasyon kursu, çocuk parası ve sağlık sigortası. Danışmanlık ücretsiz ve gizlidir.</p>",
        "floor": "1. kat",
        "room": "1.05",
        "what_to_bring": bring(ID, LETTERS),
    },
    "jugendmigrationsdienst": {
        "title": "Gençlik göç servisi (AWO)",
        "summary": "<p>AWO gençlik göç servisi 12 ile 27 yaş arasındaki gençlere okul, mesleki eğitim ve işe başlama konularında yardım eder.</p>",
        "floor": "1. kat",
        "room": "1.06",
        "what_to_bring": bring("varsa belgeleriniz"),
    },
}
