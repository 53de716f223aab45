"""What the adilet.zan.kz layout breaks apart: a word a link cut, a bracket a blank line cut,
and repealed items that one version keeps and the other drops.

Hand-written kk/ru fixtures of an invented law on beekeeping in the site's layout (links on
lines of their own, "(алып" / "тасталды)" set a paragraph apart); no text of a real law.
"""

from __future__ import annotations

from pathlib import Path

from compare.align import align_documents
from compare.align.model import Unit
from compare.align.repealed import repealed_apart
from compare.checks.run import run_checks, unit_texts
from compare.checks.structure import MissingPartsCheck
from compare.corpus import Passage, load_document
from compare.readers.adilet import adilet_blocks, mark_apparatus

# kk keeps items д) and е) as repealed, each "(алып тасталды)" broken by the site's blank
# lines; ru drops them. Items г-1) and ж) are live in both.
KK = """1-бап. Омарта туралы мәліметтер беру

      1. Омарта туралы мәліметтер мыналарға беріледі:

      а) омарта иесінің өкілдеріне: нотариат куәландырған сенімхат негізінде;

      б) сотқа: іс жүргізуіндегі істер бойынша сот шешімі негізінде;

      в) прокурорға: қарауындағы материал бойынша оның құзыреті шегінде;

      г) ветеринариялық инспекцияға: аралардың жұқпалы ауруы анықталған жағдайда;

      г-1) ұлттық қауіпсіздік органдарына прокурордың санкциясымен барлау акцияларының алдын алу мақсатында;

      д)\x20
(
алып

тасталды
)

      е)\x20
(
алып

тасталды
)

      ж) мемлекеттік сот орындаушыларына: атқарушылық іс жүргізуіндегі істер бойынша;

      з) жеке сот орындаушыларына: атқарушылық іс жүргізуіндегі істер бойынша.

      Ескерту. 1-бапқа өзгеріс енгізілді - ҚР 16.01.2026 № 259-VIII Заңымен.
"""

RU = """Статья 1. Предоставление сведений о пасеке

      1. Сведения о пасеке предоставляются:

      а) представителям владельца пасеки: на основании нотариально удостоверенной доверенности;

      б) судам: по находящимся в их производстве делам на основании решения суда;

      в) прокурору: по находящимся на рассмотрении материалам в пределах его компетенции;

      г) ветеринарной инспекции: в случае выявления заразной болезни пчел;

      г-1) органам национальной безопасности с санкции прокурора в целях предупреждения разведывательных акций;

      ж) государственным судебным исполнителям: по находящимся в их производстве делам исполнительного производства;

      з) частным судебным исполнителям: по находящимся в их производстве делам исполнительного производства.

      Сноска. Статья 1 с изменениями, внесенными Законом РК от 16.01.2026 № 259-VIII.
"""


def _law(text: str) -> list[str]:
    return [b.text for b in mark_apparatus(adilet_blocks(text.splitlines())) if b.kind is None]


def test_a_word_a_link_cut_is_joined_and_two_words_are_not() -> None:
    """ "требо" / "вания": the text writes "требования" whole elsewhere and neither piece; the
    two words of a heading set a line each stay two words."""
    lines = [
        "Статья 5. Дополнительные требо",
        "вания к уставу пасеки",
        "",
        "      1. Устав пасеки должен соответствовать требованиям настоящей статьи.",
        "",
        "      2. Требования к уставу утверждает уполномоченный орган.",
        "",
        "Статья 6. ТОВАРИЩЕСТВО С ОГРАНИЧЕННОЙ",
        "ОТВЕТСТВЕННОСТЬЮ",
        "",
        "      1. Товарищество с ограниченной ответственностью ведет пасеку.",
        "",
        "      Сноска. Статья 6 с изменениями, внесенными Законом РК от 16.01.2026 № 259-VIII.",
    ]
    texts = _law("\n".join(lines).replace("требованиям", "требования"))
    assert texts[0] == "Статья 5. Дополнительные требования к уставу пасеки"
    assert "Статья 6. ТОВАРИЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ" in texts


def test_a_bracket_a_blank_line_cut_is_one_paragraph() -> None:
    texts = _law(KK)
    at = texts.index("д) (алып тасталды)")
    assert texts[at + 1] == "е) (алып тасталды)"
    # A paragraph that ends its sentence, or the next numbered part, is not joined.
    assert (
        "ж) мемлекеттік сот орындаушыларына: атқарушылық іс жүргізуіндегі істер бойынша;" in texts
    )


def _passage(index: int, text: str, lang: str, path: str) -> Passage:
    return Passage(index, text, lang, "sentence", index, path=path)


def test_a_repealed_item_linked_with_a_live_one_becomes_a_unit_of_its_own() -> None:
    place = "article 1, paragraph 1, item "
    kk = [
        _passage(0, "г-1) ұлттық қауіпсіздік органдарына ...;", "kk", place + "г-1)"),
        _passage(1, "д) (алып тасталды)", "kk", place + "д)"),
        _passage(2, "е) (алып тасталды)", "kk", place + "е)"),
        _passage(3, "ж) мемлекеттік сот орындаушыларына ...;", "kk", place + "ж)"),
    ]
    ru = [
        _passage(0, "г-1) органам национальной безопасности ...;", "ru", place + "г-1)"),
        _passage(1, "ж) государственным судебным исполнителям ...;", "ru", place + "ж)"),
    ]
    units = [Unit({"kk": (0, 1), "ru": (0,)}, 0.2), Unit({"kk": (2, 3), "ru": (1,)}, 0.2)]
    apart = repealed_apart(units, {"kk": kk, "ru": ru})
    assert [u.indices for u in apart] == [
        {"kk": (0,), "ru": (0,)},
        {"kk": (1,), "ru": ()},
        {"kk": (2,), "ru": ()},
        {"kk": (3,), "ru": (1,)},
    ]
    # Where both versions keep the item, or it is live, nothing moves.
    both = [Unit({"kk": (1,), "ru": (0,)}, 0.2)]
    ru_too = [_passage(0, "д) исключен", "ru", place + "д)")]
    assert repealed_apart(both, {"kk": kk, "ru": ru_too}) == both
    live = [Unit({"kk": (0, 3), "ru": (0,)}, 0.2)]
    assert repealed_apart(live, {"kk": kk, "ru": ru}) == live


def test_repealed_items_one_version_drops_are_no_major(tmp_path: Path, encoder) -> None:
    paths = {}
    for lang, text in (("kk", KK), ("ru", RU)):
        paths[lang] = tmp_path / f"law.{lang}.txt"
        paths[lang].write_text(text, encoding="utf-8")
    documents = [load_document(paths[lang], declared_lang=lang) for lang in ("kk", "ru")]
    units = unit_texts(align_documents(documents, encoder))
    repealed = [u for u in units if u.texts["kk"].endswith("(алып тасталды)")]
    assert [u.texts for u in repealed] == [
        {"kk": "д) (алып тасталды)", "ru": ""},
        {"kk": "е) (алып тасталды)", "ru": ""},
    ]
    findings = run_checks(units, [MissingPartsCheck()])
    assert len(findings) == 2 and {f.severity for f in findings} == {"minor"}
    assert all(f.message.endswith("(a repealed part).") for f in findings)
