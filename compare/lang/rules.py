"""Per-language word lists that identification and splitting use; data, no algorithms.

Kept apart from the code so that a linguist can extend a list without reading the algorithms.
Entries are lower-case unless noted; abbreviations are written without their final period.
"""

# The languages tilmash compares, in the order groups list them.
KNOWN_LANGS = ("kk", "ru", "en")


def _words(text: str) -> frozenset[str]:
    """A set from white-space-separated words: long lists stay readable."""
    return frozenset(text.split())


# Letters of the Kazakh Cyrillic alphabet that Russian does not have.
KAZAKH_LETTERS = frozenset("әғқңөұүһі")

# Latin letters that look like Cyrillic ones. Kazakh texts typed on Latin keyboards or extracted
# from PDFs often carry them inside Cyrillic words ("Бiлемiн" with a Latin i).
LATIN_TO_CYRILLIC = str.maketrans(
    "aceiopxyABCEHIKMOPTXY",
    "асеіорхуАВСЕНІКМОРТХУ",
)
# Cyrillic letters that look like Latin ones, in Latin words ("Kаzakhstan" with a Cyrillic а).
CYRILLIC_TO_LATIN = {cyrillic: latin for latin, cyrillic in LATIN_TO_CYRILLIC.items()}
# Greek letters that look like Cyrillic ones ("Λ" for "Л"): a PDF font or a symbol picker put
# them in. Letters that Cyrillic texts use as symbols (α, β, λ, μ, π, Δ, Σ, Ω) are left out.
GREEK_TO_CYRILLIC = str.maketrans("ΑΒΓΕΗΙΚΛΜΟΠΡΤΥΦΧοκρχ", "АВГЕНІКЛМОПРТУФХокрх")

# Kazakh words that Russian does not use, chosen among those without Kazakh-specific letters
# (words with those letters are counted anyway): pronouns, particles, auxiliaries.
KAZAKH_FUNCTION_WORDS = _words(
    """
    мен бен пен ол олар сен сендер біз сіз бұл осы сол мына мынау емес бар жоқ деп еді екен
    болды болып болса болады үшін туралы бойынша арқылы сияқты немесе бірақ сондықтан өте тек
    кейін дейін сосын неге неше қалай қандай ма ме ба бе па пе және ал әр барлық бірге жылы
    """
)

# Kazakh endings (plural, case, converb, person) that Russian words almost never have.
KAZAKH_SUFFIXES = ("лар", "дар", "тар", "мын", "ген", "кен", "ып", "уы", "сын", "ында", "ынан")

# Russian prepositions, conjunctions, pronouns and auxiliaries that are not Kazakh words.
# "не" (Kazakh "what"), "он" (Kazakh "ten") and "от" (Kazakh "fire") are left out on purpose.
RUSSIAN_FUNCTION_WORDS = _words(
    """
    и в во на что с со по это как для был была было были я ты мы вы они она оно нет а но из
    к ко у за же бы то так все всё его её их который которые которых также при или только уже
    если чтобы о об до после между через под над где когда есть будет
    """
)

# English words that the other Latin-script languages weighed against English rarely use.
ENGLISH_FUNCTION_WORDS = _words(
    """
    the of and to is are was were an it this that with for on by at be not you he she we they
    have has had do does did don't no yes will would can from or but my your his her their our
    me him them what who how why when there here i i'm it's
    """
)

# Abbreviations after which a sentence never ends (the English ones apply to kk and ru too, as
# their texts quote English names: "Dr. PawPaw"): titles, references, "that is", "et al." before
# "(2020)", and the Kazakh year, century and city marks (Kazakh sentences end with a verb, not
# with "2022 ж."). Entries with a capital match only so ("No." but not "no."). Abbreviations that
# may close a sentence ("т.б.", "т.д.", "etc.") need no list: like any word, they end one only
# when the next word starts with a capital or a digit.
NEVER_FINAL_ABBREVIATIONS = {
    "kk": _words("б бет мыс ж жж ғ ғғ қ обл"),
    "ru": _words("т.е им см с стр ст п пп ч рис табл напр св ул проф акад доц"),
    "en": _words(
        """
        e.g i.e p pp vs v cf No Vol Fig Mr Mrs Ms Dr Prof St Rev Sen Sens Rep Reps Gov Gen Col
        Capt Lt Sgt Det Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
        """
    )
    | {"et al"},
}

# Russian "г." is "year" after a number (may close a sentence) and "city" before a name.
YEAR_ABBREVIATIONS = frozenset({"г", "гг"})

# Labels that open an abstract or a keyword line in the corpus, per language.
ABSTRACT_LABELS = ("abstract", "summary", "аңдатпа", "андатпа", "түйіндеме", "аннотация", "резюме")
# Headings that open a reference list, whose paragraphs are whole entries, not sentences.
REFERENCE_HEADINGS = (
    "references",
    "bibliography",
    "literature",
    "әдебиеттер тізімі",
    "әдебиеттер",
    "пайдаланылған әдебиеттер тізімі",
    "пайдаланылған әдебиеттер",
    "список литературы",
    "список использованной литературы",
    "литература",
)
KEYWORD_LABELS = (
    "keywords",
    "key words",
    "түйін сөздер",
    "түйінді сөздер",
    "тірек сөздер",
    "кілт сөздер",
    "ключевые слова",
)

# Divisions of a legal text by level name, in ru, kk and en; kk writes the number first
# ("3-бөлім", "5-бап"). Used by the structure labels and by the adilet.zan.kz layout.
LEGAL_DIVISIONS = (
    ("section", ("раздел", "бөлім", "section", "part")),
    ("chapter", ("глава", "тарау", "chapter")),
    ("subsection", ("параграф", "§")),
    ("article", ("статья", "бап", "article")),
)

# How a law's article refers to itself ("пунктами 3 и 3-2 настоящей статьи", "осы баптың
# 2-тармағы", "this Article"), where another language may cite it by its number ("Осы Заңның
# 63-бабының 3 және 3-2-тармақтарына").
THIS_ARTICLE = (r"настоящ\w*\s+стать", r"осы\s+бап", r"this\s+article")

# Editorial apparatus of adilet.zan.kz law texts (the Institute of Legislation, ИЗПИ / ЗҚАИ,
# formerly РЦПИ / РҚАО): lines that head a note on the next paragraph, as written (some pages
# leave out the "!").
NOTE_HEADERS = (
    "примечание изпи!",
    "примечание рцпи!",
    "зқаи-ның ескертпесі!",
    "рқао-ның ескертпесі!",
    "вниманию пользователей!",
    "қолданушылар назарына!",
)
# A note that announces an amendment still to come ("Статья 72-1 предусматривается в редакции
# Закона РК от 16.01.2026 ...", "Пункт 5 предусматривается дополнить подпунктом 6-2) в
# соответствии с Законом РК ...", "2-тармаққа өзгеріс енгізу көзделген – ҚР ..."): the version it
# stands in does not have that amendment yet (patterns, matched after the note's header).
ANNOUNCED_AMENDMENTS = (
    r"[^.]{0,80}?\bпредусматривается\s+(?:изменени[ея]\s+Законом|в\s+редакции\s+Закона"
    r"|исключить\s+Законом|дополнить\s[^.]{0,80}?\bЗакон)",
    r"[^.]{0,80}?(?:өзгеріс\s+енгізу|редакцияда(?:\s+жазу)?|алып\s+тастау|ауыстыру|толықтыру)"
    r"\s+көзделген\s*[–-]\s*ҚР",
)
# Words that open a paragraph which is a note on the article above it ("Сноска. Статья 3 - в
# редакции Закона РК ...", "Ескерту. 3-бап жаңа редакцияда ...").
NOTE_OPENERS = ("сноска", "ескерту")
# Notes the site writes without such a word first: a word replaced through the whole text, an
# article's title amended, a ruling of the Constitutional Court on a provision, where to find
# the entry into force (patterns).
NOTE_PHRASES = (
    r"по\s+всему\s+тексту\b",
    r"бүкіл\s+мәтін\s+бойынша\b",
    r"заголовок\s+(?:статьи|главы|параграфа|раздела)\s+\S+\s+(?:с\s+изменени|в\s+редакции|исключ)",
    r"(?:в\s+соответствии\s+с\s+)?нормативным\s+постановлением\s+конституционного\s+суда\b",
    r"[^.]{0,120}?\bнастоящего\s+Закона\s+РК\s+признан[аоы]?\s+(?:не\s+)?соответствующ",
    r"(?:ҚР\s+)?конституциялық\s+сотының\s+\d",
    r"слов[оа]\s+[\"«][^\n]{0,1000}?\b(?:заменен[оы]?|исключен[оы]?)\b",
    r"[\"«][^\n]{0,1000}?деген\s+сөз[^\n]{0,1000}?(?:ауыстырылды|алып\s+тасталды)",
    # where to find when the law comes into force, and until when a wording stays in force
    r"порядок\s+введения\s+в\s+действие\s[^.]{0,60}?\bсм\.",
    r"[^.]{0,60}?\bқолданысқа\s+енгізілу\s+тәртібін\s[^.]{0,40}?\bқараңыз",
    r"данная\s+редакция\b[^.]{0,80}?\bдействует\s+до\b",
    r"[^.]{0,80}?\bбұл\s+редакциясы\s+\S+\s+дейін\s+қолданыста\b",
    # an amendment announced when the page has lost the note's header
    *ANNOUNCED_AMENDMENTS,
)
# How a note says when an amendment comes into force ("(вводится в действие с 01.01.2026)",
# "(... қолданысқа енгізіледі)"); the site sometimes sets it off by a blank line (patterns).
ENTRY_INTO_FORCE = (r"вводится\s+в\s+действие", r"қолданысқа\s+енгізіл")
# Lines that stand for the site's table of contents or its other links, not for the law.
CONTENTS_HEADINGS = ("содержание", "оглавление", "мазмұны")
SITE_LINKS = ("пресс-релиз", "баспасөз-релиз")
