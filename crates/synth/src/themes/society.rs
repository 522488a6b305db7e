//! The bulletins on the country's life: regional development, oil and energy, culture,
//! education and science, ecology.

use super::{Bulletin, HEYDAR_ALIYEV, ILHAM_ALIYEV, MEHRIBAN_ALIYEVA, st};

pub const RD: Bulletin = Bulletin {
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
};

pub const EN: Bulletin = Bulletin {
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
};

pub const CE: Bulletin = Bulletin {
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
};

pub const EC: Bulletin = Bulletin {
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
};
