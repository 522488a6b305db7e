//! The nine bulletins as the synthetic feed knows them: class codes (`686 $a FP.1 $2
//! preslib`), subtopic headings and article titles in Azerbaijani, Russian and English,
//! keywords, persons-as-subject, and a few titles for the other languages.

/// One subtopic: its class code, its heading (az, ru, en) and article titles.
pub struct Subtopic {
    pub code: &'static str,
    pub heading: [&'static str; 3],
    pub az: &'static [&'static str],
    pub ru: &'static [&'static str],
    pub en: &'static [&'static str],
}

/// A person articles are about (`600`), in az, ru and en forms: surname, initials, forenames.
pub type SubjectPerson = [(&'static str, &'static str, &'static str); 3];

pub const ILHAM_ALIYEV: SubjectPerson = [
    ("Əliyev", "İ.", "İlham"),
    ("Алиев", "И.", "Ильхам"),
    ("Aliyev", "I.", "Ilham"),
];
pub const HEYDAR_ALIYEV: SubjectPerson = [
    ("Əliyev", "H.", "Heydər"),
    ("Алиев", "Г.", "Гейдар"),
    ("Aliyev", "H.", "Heydar"),
];
pub const MEHRIBAN_ALIYEVA: SubjectPerson = [
    ("Əliyeva", "M.", "Mehriban"),
    ("Алиева", "М.", "Мехрибан"),
    ("Aliyeva", "M.", "Mehriban"),
];

/// One bulletin.
pub struct Bulletin {
    pub prefix: &'static str,
    /// The bulletin's subject heading (az, ru, en).
    pub heading: [&'static str; 3],
    /// Keywords (az, ru, en).
    pub keywords: [&'static [&'static str]; 3],
    /// One title each in Turkish, German, French.
    pub other: [&'static str; 3],
    pub persons: &'static [SubjectPerson],
    /// A GRNTI (rugasnti) class number for the theme.
    pub grnti: &'static str,
    pub subtopics: &'static [Subtopic],
}

const fn st(
    code: &'static str,
    heading: [&'static str; 3],
    az: &'static [&'static str],
    ru: &'static [&'static str],
    en: &'static [&'static str],
) -> Subtopic {
    Subtopic {
        code,
        heading,
        az,
        ru,
        en,
    }
}

pub const BULLETINS: &[Bulletin] = &[
    Bulletin {
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
    },
    Bulletin {
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
    },
    Bulletin {
        prefix: "RD",
        heading: [
            "Regionların sosial-iqtisadi inkişafı",
            "Социально-экономическое развитие регионов",
            "Regional development",
        ],
        keywords: [
            &[
                "regionlar",
                "sosial-iqtisadi inkişaf",
                "dövlət proqramı",
                "kənd",
            ],
            &[
                "регионы",
                "социально-экономическое развитие",
                "госпрограмма",
                "село",
            ],
            &["regions", "economic development", "state programme"],
        ],
        other: [
            "Azerbaycan'da bölgesel kalkınma",
            "Regionalentwicklung in Aserbaidschan",
            "Le développement régional en Azerbaïdjan",
        ],
        persons: &[ILHAM_ALIYEV],
        grnti: "06.61.00",
        subtopics: &[
            st(
                "RD.1",
                [
                    "Dövlət proqramı 2009–2013",
                    "Госпрограмма 2009–2013",
                    "State programme 2009–2013",
                ],
                &[
                    "Regionların sosial-iqtisadi inkişafı Dövlət Proqramı: icra vəziyyəti",
                    "Regionların inkişafı: yeni mərhələ",
                    "Dövlət proqramının dördüncü ili: rəqəmlər və faktlar",
                ],
                &[
                    "Госпрограмма социально-экономического развития регионов: ход выполнения",
                    "Развитие регионов: новый этап",
                ],
                &["Regional development programme 2009–2013: progress report"],
            ),
            st(
                "RD.2",
                ["Kənd təsərrüfatı", "Сельское хозяйство", "Agriculture"],
                &[
                    "Taxılçılıqda yeni texnologiyalar",
                    "Fermerlərə subsidiyalar: necə alınır?",
                    "Pambıqçılıq yenidən dirçəlir",
                ],
                &[
                    "Аграрный сектор: новые технологии",
                    "Субсидии фермерам: как получить?",
                ],
                &["Agriculture: subsidies for farmers"],
            ),
            st(
                "RD.3",
                ["İnfrastruktur", "Инфраструктура", "Infrastructure"],
                &[
                    "Yeni yollar, yeni körpülər",
                    "Qəbələ–Bakı yolunun yenidən qurulması",
                    "Kəndlərə qaz çəkilişi davam edir",
                ],
                &["Новые дороги в регионах", "Газификация сёл продолжается"],
                &["Roads and bridges: infrastructure in the regions"],
            ),
            st(
                "RD.4",
                ["Məşğulluq", "Занятость", "Employment"],
                &[
                    "Yeni iş yerləri: regionlarda məşğulluq",
                    "Məşğulluq strategiyası və gənclər",
                    "Gəncədə əmək yarmarkası keçirildi",
                ],
                &[
                    "Новые рабочие места в регионах",
                    "Ярмарка вакансий прошла в Гяндже",
                ],
                &["New jobs in the regions"],
            ),
            st(
                "RD.5",
                ["Sahibkarlıq", "Предпринимательство", "Entrepreneurship"],
                &[
                    "Sahibkarlığa Kömək Milli Fondu: güzəştli kreditlər",
                    "Kiçik və orta sahibkarlığın inkişafı",
                    "Regionlarda sahibkarlıq forumu",
                ],
                &[
                    "Национальный фонд поддержки предпринимательства: льготные кредиты",
                    "Малый и средний бизнес в регионах",
                ],
                &["Small business loans in the regions"],
            ),
        ],
    },
    Bulletin {
        prefix: "EN",
        heading: [
            "Neft strategiyası və energetika",
            "Нефтяная стратегия и энергетика",
            "Oil strategy and energy",
        ],
        keywords: [
            &[
                "neft",
                "qaz",
                "energetika",
                "SOCAR",
                "enerji təhlükəsizliyi",
            ],
            &["нефть", "газ", "энергетика", "ГНКАР", "энергобезопасность"],
            &["oil", "gas", "energy", "SOCAR", "energy security"],
        ],
        other: [
            "Hazar enerji kaynakları ve Türkiye",
            "Das Kaspische Öl und Europas Energiesicherheit",
            "Le gaz de la Caspienne et l'Europe",
        ],
        persons: &[HEYDAR_ALIYEV, ILHAM_ALIYEV],
        grnti: "52.47.00",
        subtopics: &[
            st(
                "EN.1",
                ["Neft hasilatı", "Добыча нефти", "Oil production"],
                &[
                    "Azəri–Çıraq–Günəşli: hasilatın yeni mərhələsi",
                    "Neft hasilatı: rəqəmlər və proqnozlar",
                    "SOCAR-ın yeni yataqları",
                ],
                &[
                    "Азери–Чираг–Гюнешли: новый этап добычи",
                    "Добыча нефти: цифры и прогнозы",
                ],
                &[
                    "ACG output: a new phase",
                    "Oil production figures for the quarter",
                ],
            ),
            st(
                "EN.2",
                ["Qaz layihələri", "Газовые проекты", "Gas projects"],
                &[
                    "Şahdəniz-2: yekun investisiya qərarına doğru",
                    "Qaz ixracı: yeni bazarlar",
                    "Ümid yatağında yeni kəşf",
                ],
                &[
                    "«Шах-Дениз-2»: на пути к окончательному инвестрешению",
                    "Экспорт газа: новые рынки",
                ],
                &[
                    "Shah Deniz II: towards a final investment decision",
                    "Umid field: a new discovery",
                ],
            ),
            st(
                "EN.3",
                [
                    "Boru kəmərləri və enerji diplomatiyası",
                    "Трубопроводы и энергетическая дипломатия",
                    "Pipelines and energy diplomacy",
                ],
                &[
                    "TANAP: Trans-Anadolu qaz boru kəməri",
                    "Cənub Qaz Dəhlizi və Avropanın enerji təhlükəsizliyi",
                    "Bakı–Tbilisi–Ceyhan: uğurlu layihənin 6 ili",
                ],
                &[
                    "TANAP: Трансанатолийский газопровод",
                    "Южный газовый коридор и энергобезопасность Европы",
                ],
                &[
                    "TANAP: a pipeline for Europe",
                    "The Southern Gas Corridor & Europe's energy security",
                ],
            ),
            st(
                "EN.4",
                [
                    "Alternativ enerji",
                    "Альтернативная энергетика",
                    "Alternative energy",
                ],
                &[
                    "Alternativ enerji mənbələri: külək və günəş",
                    "Günəş elektrik stansiyası tikilir",
                    "Bərpa olunan enerji: dövlət strategiyası",
                ],
                &[
                    "Альтернативная энергетика: ветер и солнце",
                    "Возобновляемая энергия: государственная стратегия",
                ],
                &["Wind and sun: alternative energy in Azerbaijan"],
            ),
            st(
                "EN.5",
                ["Neft Fondu", "Нефтяной фонд", "State Oil Fund"],
                &[
                    "Dövlət Neft Fondunun aktivləri artır",
                    "Neft Fondunun büdcəsi: gəlirlər və xərclər",
                    "Neft gəlirlərinin şəffaflığı",
                ],
                &[
                    "Активы Государственного нефтяного фонда растут",
                    "Бюджет Нефтяного фонда",
                ],
                &["SOFAZ assets continue to grow", "Oil revenue transparency"],
            ),
        ],
    },
    Bulletin {
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
    },
    Bulletin {
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
    },
    Bulletin {
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
    },
    Bulletin {
        prefix: "CE",
        heading: [
            "Mədəniyyət, təhsil, elm",
            "Культура, образование, наука",
            "Culture, education, science",
        ],
        keywords: [
            &["mədəniyyət", "təhsil", "elm", "incəsənət", "gənclər"],
            &["культура", "образование", "наука", "искусство", "молодёжь"],
            &["culture", "education", "science", "arts"],
        ],
        other: [
            "Azerbaycan kültürü ve çok kültürlülük",
            "Multikulturalismus in Aserbaidschan",
            "Bakou, capitale de la culture",
        ],
        persons: &[MEHRIBAN_ALIYEVA, HEYDAR_ALIYEV],
        grnti: "13.00.00",
        subtopics: &[
            st(
                "CE.1",
                [
                    "Mədəniyyət və incəsənət",
                    "Культура и искусство",
                    "Culture and the arts",
                ],
                &[
                    "Eurovision-2012: Bakı hazırdır!",
                    "Beynəlxalq muğam festivalı",
                    "Azərbaycan xalçası YUNESKO siyahısında",
                ],
                &[
                    "«Евровидение-2012»: Баку готов!",
                    "Международный фестиваль мугама",
                ],
                &[
                    "Eurovision 2012: Baku is ready!",
                    "Mugham on the world stage",
                ],
            ),
            st(
                "CE.2",
                ["Təhsil", "Образование", "Education"],
                &[
                    "Təhsildə islahatlar: yeni kurikulum",
                    "Ali məktəblərə qəbul imtahanları",
                    "Xaricdə təhsil proqramı: gənclər üçün imkanlar",
                ],
                &[
                    "Реформа образования: новый куррикулум",
                    "Вступительные экзамены в вузы",
                ],
                &["Education reform: a new curriculum"],
            ),
            st(
                "CE.3",
                ["Elm", "Наука", "Science"],
                &[
                    "Elmin İnkişafı Fondunun qrantları",
                    "Milli Elmlər Akademiyasının illik hesabatı",
                    "Gənc alimlər: innovasiya və tədqiqat",
                ],
                &[
                    "Гранты Фонда развития науки",
                    "Годичное собрание Национальной академии наук",
                ],
                &["Science Development Foundation grants announced"],
            ),
            st(
                "CE.4",
                ["Kitabxana işi", "Библиотечное дело", "Librarianship"],
                &[
                    "Kitabxanaların elektronlaşdırılması",
                    "Prezident Kitabxanası: elektron resurslar",
                    "Milli Kitabxananın yeni oxu zalı",
                ],
                &[
                    "Электронизация библиотек",
                    "Президентская библиотека: электронные ресурсы",
                ],
                &["Libraries go digital"],
            ),
            st(
                "CE.5",
                [
                    "Multikulturalizm və tolerantlıq",
                    "Мультикультурализм и толерантность",
                    "Multiculturalism and tolerance",
                ],
                &[
                    "Azərbaycan tolerantlıq məkanıdır",
                    "Dinlərarası dialoq: Bakı təcrübəsi",
                    "Multikulturalizm: Azərbaycan modeli",
                ],
                &[
                    "Азербайджан – пространство толерантности",
                    "Межрелигиозный диалог: бакинский опыт",
                ],
                &[
                    "Baku as a model of tolerance",
                    "Interfaith dialogue in Azerbaijan",
                ],
            ),
            st(
                "CE.6",
                [
                    "İdman və olimpiya hərəkatı",
                    "Спорт и олимпийское движение",
                    "Sport and the Olympic movement",
                ],
                &[
                    "London-2012: Azərbaycan idmançılarının uğuru",
                    "Olimpiya İdman Kompleksinin açılışı",
                    "Bakı-2020 olimpiya namizədliyi",
                ],
                &[
                    "Лондон-2012: олимпийская сборная Азербайджана",
                    "Баку-2020: олимпийская заявка",
                ],
                &[
                    "London 2012: Azerbaijan's Olympic team",
                    "Baku 2020 Olympic bid",
                ],
            ),
        ],
    },
    Bulletin {
        prefix: "EC",
        heading: ["Ekologiya", "Экология", "Ecology"],
        keywords: [
            &["ekologiya", "ətraf mühit", "təbiəti mühafizə"],
            &["экология", "окружающая среда", "охрана природы"],
            &["ecology", "environment", "nature protection"],
        ],
        other: [
            "Hazar Denizi'nin ekolojik sorunları",
            "Umweltprobleme am Kaspischen Meer",
            "L'écologie de la mer Caspienne",
        ],
        persons: &[MEHRIBAN_ALIYEVA],
        grnti: "87.00.00",
        subtopics: &[
            st(
                "EC.1",
                [
                    "Xəzər dənizinin ekologiyası",
                    "Экология Каспийского моря",
                    "Ecology of the Caspian Sea",
                ],
                &[
                    "Xəzərin ekoloji problemləri",
                    "Xəzər suitisi Qırmızı kitabda",
                    "Neft çirklənməsinə qarşı tədbirlər",
                ],
                &[
                    "Экологические проблемы Каспия",
                    "Каспийский тюлень под угрозой",
                ],
                &["The Caspian Sea's ecological problems"],
            ),
            st(
                "EC.2",
                ["Su ehtiyatları", "Водные ресурсы", "Water resources"],
                &[
                    "Oğuz–Qəbələ–Bakı su kəməri",
                    "Su ehtiyatlarından səmərəli istifadə",
                    "Kür çayının çirklənməsi",
                ],
                &[
                    "Водопровод Огуз–Габала–Баку",
                    "Рациональное использование водных ресурсов",
                ],
                &["The Oguz–Gabala–Baku water pipeline"],
            ),
            st(
                "EC.3",
                [
                    "Meşələr və yaşıllıqlar",
                    "Леса и зелёные насаждения",
                    "Forests and green spaces",
                ],
                &[
                    "Ağacəkmə aksiyası: bir milyon ağac",
                    "Meşə fondunun bərpası",
                    "Bakının yaşıllaşdırılması",
                ],
                &["Акция по посадке деревьев", "Озеленение Баку"],
                &["A million trees for Azerbaijan"],
            ),
            st(
                "EC.4",
                ["İqlim dəyişikliyi", "Изменение климата", "Climate change"],
                &[
                    "İqlim dəyişikliyi və Azərbaycan",
                    "Qlobal istiləşmə: Qafqaz buzlaqları əriyir",
                    "Kioto protokolu və karbon emissiyaları",
                ],
                &[
                    "Изменение климата и Азербайджан",
                    "Глобальное потепление: ледники Кавказа тают",
                ],
                &["Climate change and Azerbaijan"],
            ),
        ],
    },
];

/// Pairs of codes an article may carry together (from two bulletins), with its titles.
pub const CROSS: &[([&str; 2], [&str; 3])] = &[
    (
        ["EN.3", "FP.1"],
        [
            "Enerji diplomatiyası: Avropanın Azərbaycan qazına marağı",
            "Энергетическая дипломатия: Европа и азербайджанский газ",
            "Energy diplomacy: Europe and Azerbaijani gas",
        ],
    ),
    (
        ["EN.3", "FP.3"],
        [
            "Bakı–Novorossiysk kəməri və Rusiya ilə münasibətlər",
            "Нефтепровод Баку–Новороссийск и отношения с Россией",
            "The Baku–Novorossiysk pipeline and relations with Russia",
        ],
    ),
    (
        ["NK.2", "FP.2"],
        [
            "BMT kürsüsündən Qarabağ həqiqətləri",
            "Правда о Карабахе с трибуны ООН",
            "Karabakh at the UN rostrum",
        ],
    ),
    (
        ["DI.4", "FP.4"],
        [
            "Vaşinqtonda Azərbaycan diasporunun lobbi fəaliyyəti",
            "Азербайджанская диаспора и лоббизм в Вашингтоне",
            "The diaspora lobby in Washington",
        ],
    ),
    (
        ["RD.2", "EC.2"],
        [
            "Suvarma sistemlərinin yenilənməsi və kənd təsərrüfatı",
            "Модернизация ирригации и сельское хозяйство",
            "Irrigation and agriculture",
        ],
    ),
    (
        ["EN.1", "EC.1"],
        [
            "Neft hasilatı və Xəzərin ekologiyası",
            "Нефтедобыча и экология Каспия",
            "Oil production and the Caspian environment",
        ],
    ),
    (
        ["NK.3", "RD.4"],
        [
            "Məcburi köçkünlərin məşğulluğu",
            "Занятость вынужденных переселенцев",
            "Jobs for displaced persons",
        ],
    ),
    (
        ["LM.3", "PA.3"],
        [
            "Bələdiyyə islahatı və dövlət idarəçiliyi",
            "Муниципальная реформа и госуправление",
            "Municipal reform and public administration",
        ],
    ),
];

/// Codes in the `preslib` scheme that no bulletin uses, with a title each (az, ru, en).
pub const UNUSED: &[(&str, [&str; 3])] = &[
    (
        "TR.1",
        [
            "Bakıda yeni metro stansiyası",
            "Новая станция метро в Баку",
            "New metro station opens in Baku",
        ],
    ),
    (
        "HE.2",
        [
            "Səhiyyədə yeni xidmətlər",
            "Здравоохранение: новые услуги",
            "Health care: new services",
        ],
    ),
    (
        "TU.1",
        [
            "Turizm mövsümü başlayır",
            "Туристический сезон открыт",
            "The tourist season opens",
        ],
    ),
];

/// Total number of subtopics over all bulletins.
pub fn subtopic_count() -> usize {
    BULLETINS.iter().map(|b| b.subtopics.len()).sum()
}

/// The bulletin and subtopic at a flat index `0..subtopic_count()`.
pub fn subtopic(mut index: usize) -> (&'static Bulletin, &'static Subtopic) {
    for b in BULLETINS {
        if index < b.subtopics.len() {
            return (b, &b.subtopics[index]);
        }
        index -= b.subtopics.len();
    }
    let b = &BULLETINS[0];
    (b, &b.subtopics[0])
}

/// The bulletin and subtopic of a code (`EN.3`).
pub fn by_code(code: &str) -> Option<(&'static Bulletin, &'static Subtopic)> {
    BULLETINS
        .iter()
        .find_map(|b| b.subtopics.iter().find(|s| s.code == code).map(|s| (b, s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_nine_bulletins_and_45_subtopics() {
        assert_eq!(BULLETINS.len(), 9);
        assert_eq!(subtopic_count(), 45);
        for b in BULLETINS {
            for s in b.subtopics {
                assert!(s.code.starts_with(b.prefix));
                assert!(!s.az.is_empty() && !s.ru.is_empty() && !s.en.is_empty());
            }
        }
        for (codes, _) in CROSS {
            assert!(by_code(codes[0]).is_some() && by_code(codes[1]).is_some());
        }
        for (code, _) in UNUSED {
            assert!(by_code(code).is_none());
        }
    }
}
