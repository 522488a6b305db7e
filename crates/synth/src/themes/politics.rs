//! The bulletins on the state and its relations: foreign policy, public administration,
//! the Nagorno-Karabakh conflict, the diaspora, law and municipal government.

use super::{Bulletin, HEYDAR_ALIYEV, ILHAM_ALIYEV, st};

pub const FP: Bulletin = Bulletin {
    prefix: "FP",
    heading: ["Xarici siyasət", "Внешняя политика", "Foreign relations"],
    keywords: [
        &[
            "diplomatiya",
            "xarici siyasət",
            "beynəlxalq əlaqələr",
            "rəsmi səfər",
        ],
        &[
            "дипломатия",
            "внешняя политика",
            "международные отношения",
            "визит",
        ],
        &["diplomacy", "foreign policy", "bilateral relations"],
    ],
    other: [
        "Azerbaycan dış politikasında yeni dönem",
        "Aserbaidschans Außenpolitik zwischen Ost und West",
        "La politique étrangère de l'Azerbaïdjan",
    ],
    persons: &[ILHAM_ALIYEV],
    grnti: "11.25.00",
    subtopics: &[
        st(
            "FP.1",
            [
                "Azərbaycan və Avropa İttifaqı",
                "Азербайджан и Европейский союз",
                "Azerbaijan and the European Union",
            ],
            &[
                "Azərbaycan və Avropa İttifaqı: strateji tərəfdaşlığa doğru",
                "Şərq Tərəfdaşlığı proqramı və Azərbaycanın maraqları",
                "Brüsseldə yeni razılaşmalar imzalandı",
                "Vizaların sadələşdirilməsi: danışıqlar davam edir",
            ],
            &[
                "Азербайджан и Евросоюз: курс на стратегическое партнёрство",
                "«Восточное партнёрство»: взгляд из Баку",
                "Упрощение визового режима с ЕС: переговоры продолжаются",
            ],
            &[
                "Azerbaijan and the EU: towards a strategic partnership",
                "Eastern Partnership: a view from Baku",
            ],
        ),
        st(
            "FP.2",
            [
                "Beynəlxalq təşkilatlar",
                "Международные организации",
                "International organizations",
            ],
            &[
                "Azərbaycan BMT Təhlükəsizlik Şurasında: ilk nəticələr",
                "NATO ilə əməkdaşlığın yeni mərhələsi",
                "Təhlükəsizlik Şurasına sədrlik: Azərbaycanın təşəbbüsləri",
                "ATƏT-lə əməkdaşlıq: ilin yekunları",
            ],
            &[
                "Азербайджан в Совете Безопасности ООН",
                "Сотрудничество с НАТО: новый этап",
                "ОБСЕ и Азербайджан: итоги года",
            ],
            &[
                "Azerbaijan at the UN Security Council",
                "NATO partnership: what next?",
            ],
        ),
        st(
            "FP.3",
            [
                "MDB ölkələri və Rusiya",
                "Страны СНГ и Россия",
                "CIS countries and Russia",
            ],
            &[
                "Azərbaycan – Rusiya münasibətləri: dinamik inkişaf",
                "MDB məkanında iqtisadi inteqrasiya",
                "Bakı və Moskva: humanitar əməkdaşlıq",
            ],
            &[
                "Азербайджан – Россия: динамика развития отношений",
                "СНГ: перспективы интеграции",
                "Баку и Москва: гуманитарное сотрудничество",
            ],
            &[
                "Azerbaijan and Russia: pragmatic neighbours",
                "The CIS twenty years on",
            ],
        ),
        st(
            "FP.4",
            [
                "Azərbaycan – ABŞ münasibətləri",
                "Азербайджан и США",
                "Azerbaijan and the United States",
            ],
            &[
                "Azərbaycan – ABŞ münasibətləri: yeni çağırışlar",
                "Vaşinqtonda Azərbaycan nümayəndə heyəti ilə görüş",
                "907-ci düzəliş yenidən gündəmdə?",
            ],
            &[
                "Азербайджан – США: новые вызовы",
                "Визит азербайджанской делегации в Вашингтон",
                "Поправка 907: пережиток прошлого?",
            ],
            &[
                "Azerbaijan–US relations: new challenges",
                "Section 907 revisited?",
            ],
        ),
        st(
            "FP.5",
            [
                "İslam dünyası və Türkiyə",
                "Исламский мир и Турция",
                "The Islamic world and Turkey",
            ],
            &[
                "Azərbaycan – Türkiyə: bir millət, iki dövlət",
                "İslam Əməkdaşlıq Təşkilatı ilə əlaqələr genişlənir",
                "Ankara görüşü: strateji əməkdaşlıq şurasının iclası",
            ],
            &[
                "Азербайджан – Турция: одна нация, два государства",
                "Организация исламского сотрудничества и Азербайджан",
            ],
            &[
                "Azerbaijan and Turkey: one nation, two states",
                "Azerbaijan in the Organisation of Islamic Cooperation",
            ],
        ),
        st(
            "FP.6",
            [
                "Digər ikitərəfli əlaqələr",
                "Двусторонние отношения",
                "Bilateral relations",
            ],
            &[
                "Azərbaycan – Çin əlaqələri: iqtisadi əməkdaşlıq",
                "Gürcüstanla strateji tərəfdaşlıq",
                "Yaponiya ilə yeni layihələr",
                "Latın Amerikası ölkələri ilə əlaqələr",
            ],
            &[
                "Азербайджан – Китай: экономическое сотрудничество",
                "Стратегическое партнёрство с Грузией",
            ],
            &[
                "Azerbaijan and Georgia: a strategic partnership",
                "Baku looks to Latin America",
            ],
        ),
    ],
};

pub const PA: Bulletin = Bulletin {
    prefix: "PA",
    heading: [
        "Dövlət idarəçiliyi",
        "Государственное управление",
        "Public administration",
    ],
    keywords: [
        &[
            "dövlət idarəçiliyi",
            "dövlət qulluğu",
            "islahatlar",
            "şəffaflıq",
        ],
        &[
            "государственное управление",
            "госслужба",
            "реформы",
            "прозрачность",
        ],
        &["public administration", "civil service", "reform"],
    ],
    other: [
        "Azerbaycan'da kamu yönetimi reformu",
        "Verwaltungsreform in Aserbaidschan",
        "La réforme administrative en Azerbaïdjan",
    ],
    persons: &[ILHAM_ALIYEV, HEYDAR_ALIYEV],
    grnti: "11.15.00",
    subtopics: &[
        st(
            "PA.1",
            [
                "Prezident fərmanları və sərəncamları",
                "Указы и распоряжения Президента",
                "Presidential decrees and orders",
            ],
            &[
                "Azərbaycan Respublikası Prezidentinin Fərmanı",
                "Prezidentin sərəncamı ilə yeni dövlət proqramı təsdiq edildi",
                "Prezident İlham Əliyevin sərəncamı: təltif haqqında",
            ],
            &[
                "Указ Президента Азербайджанской Республики",
                "Распоряжение Президента об утверждении государственной программы",
            ],
            &[
                "Presidential decree approves state programme",
                "President Ilham Aliyev signs order on awards",
            ],
        ),
        st(
            "PA.2",
            ["Dövlət qulluğu", "Государственная служба", "Civil service"],
            &[
                "Dövlət qulluğunda müsabiqə sistemi",
                "Dövlət qulluqçularının etik davranış qaydaları",
                "Dövlət qulluğuna qəbul: şəffaflıq prinsipi",
            ],
            &[
                "Конкурсный отбор на государственную службу",
                "Этический кодекс государственных служащих",
            ],
            &["Civil service recruitment: transparency first"],
        ),
        st(
            "PA.3",
            [
                "İnzibati islahatlar",
                "Административные реформы",
                "Administrative reform",
            ],
            &[
                "İnzibati islahatlar: nəticələr və vəzifələr",
                "Dövlət idarəçiliyində yeni yanaşmalar",
                "Bir pəncərə prinsipi: sahibkarlar üçün asanlıq",
            ],
            &[
                "Административная реформа: итоги и задачи",
                "Принцип «единого окна»",
            ],
            &[
                "Administrative reform: results and tasks",
                "The one-stop shop principle",
            ],
        ),
        st(
            "PA.4",
            [
                "Elektron hökumət",
                "Электронное правительство",
                "E-government",
            ],
            &[
                "Elektron hökumət portalı istifadəyə verildi",
                "Elektron xidmətlər: vətəndaş və dövlət",
                "Elektron imza: rəqəmsal etimad",
            ],
            &[
                "Электронное правительство: новые услуги для граждан",
                "Портал электронных услуг заработал",
            ],
            &[
                "E-government portal launched",
                "Digital signatures gain ground",
            ],
        ),
        st(
            "PA.5",
            [
                "Korrupsiyaya qarşı mübarizə",
                "Борьба с коррупцией",
                "Combating corruption",
            ],
            &[
                "Korrupsiyaya qarşı mübarizə: yeni milli strategiya",
                "Şəffaflıq və açıq hökumət təşəbbüsü",
                "Korrupsiya hüquqpozmalarına görə məsuliyyət",
            ],
            &[
                "Борьба с коррупцией: новая национальная стратегия",
                "Инициатива «Открытое правительство»",
            ],
            &[
                "Fighting corruption: a new national strategy",
                "Open Government Partnership: an action plan",
            ],
        ),
    ],
};

pub const NK: Bulletin = Bulletin {
    prefix: "NK",
    heading: [
        "Dağlıq Qarabağ münaqişəsi",
        "Нагорно-карабахский конфликт",
        "Nagorno-Karabakh conflict",
    ],
    keywords: [
        &["Dağlıq Qarabağ", "işğal", "Ermənistan", "sülh danışıqları"],
        &[
            "Нагорный Карабах",
            "оккупация",
            "Армения",
            "мирные переговоры",
        ],
        &["Nagorno-Karabakh", "occupation", "Armenia", "peace talks"],
    ],
    other: [
        "Dağlık Karabağ sorunu ve uluslararası hukuk",
        "Der Bergkarabach-Konflikt: keine Lösung in Sicht?",
        "Le conflit du Haut-Karabakh",
    ],
    persons: &[ILHAM_ALIYEV],
    grnti: "11.25.00",
    subtopics: &[
        st(
            "NK.1",
            [
                "Danışıqlar prosesi",
                "Переговорный процесс",
                "Peace negotiations",
            ],
            &[
                "Dağlıq Qarabağ münaqişəsi: danışıqlar hansı mərhələdədir?",
                "Soçi görüşü: yeni təkliflər",
                "Madrid prinsipləri və status-kvo",
            ],
            &[
                "Нагорно-карабахский конфликт: на каком этапе переговоры?",
                "Встреча в Сочи: новые предложения",
            ],
            &[
                "Nagorno-Karabakh talks: where do they stand?",
                "The Madrid principles revisited",
            ],
        ),
        st(
            "NK.2",
            [
                "Beynəlxalq təşkilatların mövqeyi",
                "Позиция международных организаций",
                "International organizations' position",
            ],
            &[
                "BMT Baş Assambleyasının qətnaməsi və işğal faktı",
                "ATƏT-in Minsk qrupu: həmsədrlərin bəyanatı",
                "AŞPA Qarabağ haqqında",
            ],
            &[
                "Минская группа ОБСЕ: заявление сопредседателей",
                "Резолюции Совбеза ООН по Нагорному Карабаху",
            ],
            &[
                "The OSCE Minsk Group: co-chairs' statement",
                "UN resolutions on Nagorno-Karabakh",
            ],
        ),
        st(
            "NK.3",
            [
                "Məcburi köçkünlər",
                "Вынужденные переселенцы",
                "Internally displaced persons",
            ],
            &[
                "Məcburi köçkünlər üçün yeni qəsəbə",
                "Qaçqın və məcburi köçkünlərin sosial müdafiəsi",
                "Köçkün ailələri yeni mənzillərə köçürüldü",
            ],
            &[
                "Новый посёлок для вынужденных переселенцев",
                "Социальная защита беженцев и вынужденных переселенцев",
            ],
            &["New homes for internally displaced persons"],
        ),
        st(
            "NK.4",
            [
                "Xocalı soyqırımı",
                "Ходжалинский геноцид",
                "Khojaly genocide",
            ],
            &[
                "Xocalı soyqırımı: 20 il keçir",
                "Xocalıya ədalət!",
                "Xocalı faciəsinin şahidləri danışır",
            ],
            &[
                "Ходжалинский геноцид: 20 лет спустя",
                "«Справедливость для Ходжалы!»",
            ],
            &["Khojaly: twenty years on", "Justice for Khojaly!"],
        ),
        st(
            "NK.5",
            [
                "İşğal olunmuş ərazilər",
                "Оккупированные территории",
                "Occupied territories",
            ],
            &[
                "İşğal olunmuş ərazilərdə qanunsuz məskunlaşma",
                "Kəlbəcər: işğalın 19 ili",
                "İşğal altındakı tarixi abidələrin taleyi",
            ],
            &[
                "Незаконное заселение оккупированных территорий",
                "Судьба исторических памятников на оккупированных землях",
            ],
            &["Illegal settlement in the occupied territories"],
        ),
    ],
};

pub const DI: Bulletin = Bulletin {
    prefix: "DI",
    heading: ["Diaspor", "Диаспора", "Diaspora"],
    keywords: [
        &["diaspor", "soydaşlar", "həmrəylik", "icma"],
        &["диаспора", "соотечественники", "солидарность", "община"],
        &["diaspora", "community", "solidarity"],
    ],
    other: [
        "Avrupa'daki Azerbaycan diasporası",
        "Die aserbaidschanische Diaspora in Deutschland",
        "La diaspora azerbaïdjanaise en France",
    ],
    persons: &[HEYDAR_ALIYEV],
    grnti: "04.51.00",
    subtopics: &[
        st(
            "DI.1",
            [
                "Diaspor təşkilatları",
                "Диаспорские организации",
                "Diaspora organizations",
            ],
            &[
                "Dünya azərbaycanlılarının həmrəylik günü",
                "Diaspor təşkilatlarının koordinasiya şurası",
                "Diasporla İş üzrə Dövlət Komitəsinin hesabatı",
            ],
            &[
                "День солидарности азербайджанцев мира",
                "Государственный комитет по работе с диаспорой: итоги года",
            ],
            &["World Azerbaijanis Solidarity Day"],
        ),
        st(
            "DI.2",
            [
                "Rusiyada azərbaycanlılar",
                "Азербайджанцы России",
                "Azerbaijanis in Russia",
            ],
            &[
                "Rusiyadakı azərbaycanlılar: birlik və həmrəylik",
                "Ümumrusiya Azərbaycan Konqresinin qurultayı",
                "Moskvada Azərbaycan mədəniyyəti günləri",
            ],
            &[
                "Азербайджанцы России: единство и солидарность",
                "Съезд Всероссийского азербайджанского конгресса",
            ],
            &["Azerbaijanis in Russia: a community united"],
        ),
        st(
            "DI.3",
            [
                "Avropa və Amerikada diaspor",
                "Диаспора в Европе и Америке",
                "The diaspora in Europe and America",
            ],
            &[
                "Almaniyadakı azərbaycanlılar",
                "ABŞ-dakı Azərbaycan icması fəallaşır",
                "Avropa Azərbaycanlıları Konqresi",
            ],
            &["Азербайджанская община Германии", "Азербайджанцы США"],
            &[
                "The Azerbaijani community in the United States",
                "Azerbaijanis of Europe meet in Brussels",
            ],
        ),
        st(
            "DI.4",
            ["Lobbi fəaliyyəti", "Лоббистская деятельность", "Lobbying"],
            &[
                "Azərbaycan lobbisi: imkanlar və perspektivlər",
                "Konqresdə Azərbaycan həqiqətləri",
                "Erməni lobbisinə qarşı birgə mübarizə",
            ],
            &[
                "Азербайджанское лобби: возможности и перспективы",
                "Азербайджанские реалии в Конгрессе США",
            ],
            &["The Azerbaijani lobby in Washington"],
        ),
    ],
};

pub const LM: Bulletin = Bulletin {
    prefix: "LM",
    heading: [
        "Hüquq və bələdiyyə idarəçiliyi",
        "Право и муниципальное управление",
        "Law and local government",
    ],
    keywords: [
        &["qanun", "hüquq", "bələdiyyə", "yerli özünüidarə"],
        &["закон", "право", "муниципалитет", "местное самоуправление"],
        &["law", "local government", "municipalities"],
    ],
    other: [
        "Azerbaycan'da yerel yönetimler",
        "Kommunale Selbstverwaltung in Aserbaidschan",
        "Les municipalités en Azerbaïdjan",
    ],
    persons: &[],
    grnti: "10.00.00",
    subtopics: &[
        st(
            "LM.1",
            ["Qanunvericilik", "Законодательство", "Legislation"],
            &[
                "Milli Məclisin yaz sessiyası: qəbul olunan qanunlar",
                "Yeni qanun layihəsi müzakirə olunur",
                "Konstitusiya və qanunvericilik: hüququn aliliyi",
            ],
            &[
                "Весенняя сессия Милли Меджлиса: принятые законы",
                "Обсуждается новый законопроект",
            ],
            &["Parliament's spring session: laws adopted"],
        ),
        st(
            "LM.2",
            [
                "Məhkəmə-hüquq islahatı",
                "Судебно-правовая реформа",
                "Judicial reform",
            ],
            &[
                "Məhkəmə-hüquq islahatı: yeni məhkəmə kompleksləri",
                "Hakimlərin seçilməsi: şəffaf müsabiqə",
                "Ədliyyə sistemində elektron məhkəmə",
            ],
            &[
                "Судебно-правовая реформа: новые судебные комплексы",
                "Отбор судей: прозрачный конкурс",
            ],
            &["Judicial reform: new court buildings"],
        ),
        st(
            "LM.3",
            ["Bələdiyyələr", "Муниципалитеты", "Municipalities"],
            &[
                "Bələdiyyələrin maliyyə müstəqilliyi",
                "Yerli özünüidarəetmə: problemlər və həll yolları",
                "Bələdiyyə torpaqları: qanunvericilik nə deyir?",
            ],
            &[
                "Финансовая самостоятельность муниципалитетов",
                "Местное самоуправление: проблемы и решения",
            ],
            &["Municipal finance: the road to independence"],
        ),
        st(
            "LM.4",
            ["İnsan hüquqları", "Права человека", "Human rights"],
            &[
                "İnsan hüquqları üzrə Milli Fəaliyyət Proqramı",
                "Ombudsmanın illik məruzəsi",
                "Uşaq hüquqlarının müdafiəsi",
            ],
            &[
                "Национальная программа действий по защите прав человека",
                "Ежегодный доклад омбудсмена",
            ],
            &["The Ombudsman's annual report"],
        ),
        st(
            "LM.5",
            ["Seçkilər", "Выборы", "Elections"],
            &[
                "Bələdiyyə seçkilərinə hazırlıq",
                "Seçki Məcəlləsinə dəyişikliklər",
                "Mərkəzi Seçki Komissiyasının iclası",
            ],
            &[
                "Подготовка к муниципальным выборам",
                "Изменения в Избирательный кодекс",
            ],
            &["Changes to the Electoral Code"],
        ),
    ],
};
