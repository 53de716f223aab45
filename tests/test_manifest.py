"""The shipped manifest loads and says what the corpus is; broken manifests fail with clear errors.

The small manifests in the error tests are hand-written for each test, not taken from a corpus.
"""

import datetime as dt
from pathlib import Path

import pytest

from compare.errors import InputError
from compare.manifest import load_manifest

DOCUMENTS = Path(__file__).resolve().parents[1] / "documents"


@pytest.fixture(scope="module")
def shipped():
    return load_manifest(DOCUMENTS / "manifest.toml")


def test_every_shipped_path_exists(shipped):
    assert len(shipped.documents) == 10
    for doc in shipped.documents.values():
        assert doc.path.is_file(), doc.path
        assert doc.path.read_text(encoding="utf-8").endswith("\n")


def test_front_matter_is_three_translations(shipped):
    (group,) = [g for g in shipped.groups.values() if "kaliaskarova-2022.front.kk" in g.members]
    assert group.relation == "translations"
    langs = sorted(shipped.documents[m].lang for m in group.members)
    assert langs == ["en", "kk", "ru"]
    paragraph_counts = {
        len(shipped.documents[m].path.read_text(encoding="utf-8").split("\n\n"))
        for m in group.members
    }
    assert paragraph_counts == {5}


def test_reference_lists_are_two_labelled_versions(shipped):
    group = shipped.groups["kaliaskarova-2022.references"]
    assert group.relation == "versions"
    docs = [shipped.documents[m] for m in group.members]
    assert [d.version for d in docs] == ["original-script", "transliterated"]
    assert [d.lang for d in docs] == ["mul", "en"]
    for doc in docs:
        heading, *entries = doc.path.read_text(encoding="utf-8").rstrip("\n").split("\n\n")
        assert heading in ("Әдебиеттер тізімі", "References")
        assert len(entries) == 10
        assert not any(e.startswith(("-", " ")) for e in entries)


def test_policy_concepts_are_a_dated_version_series(shipped):
    group = shipped.groups["migration-policy-concepts"]
    assert group.relation == "versions"
    entries = [shipped.catalogue[m] for m in group.members]
    assert [e.date for e in entries] == [
        dt.date(2007, 8, 28),
        dt.date(2017, 9, 29),
        dt.date(2022, 11, 30),
    ]
    assert [e.number for e in entries] == ["399", "602", "961"]
    assert len(shipped.catalogue) == 5
    addresses = shipped.catalogue["resolution-961-2022"].addresses
    assert addresses["kk"] == "https://adilet.zan.kz/kaz/docs/P2200000961"


def test_work_metadata_comes_from_the_manifest(shipped):
    work = shipped.works["kaliaskarova-2022"]
    assert work.doi == "10.32523/2616-6887/2022-138-1-79-85"
    assert (work.received, work.approved) == (dt.date(2021, 8, 12), dt.date(2021, 12, 12))


def test_texts_are_copied_not_corrected(shipped):
    def text(doc_id):
        return shipped.documents[doc_id].path.read_text(encoding="utf-8")

    kk = text("kaliaskarova-2022.front.kk")
    assert "психикалық" in kk
    assert "ақыл-ойдың ағуы" in kk
    assert "mental relations" in text("kaliaskarova-2022.front.en")
    assert "1889" in text("kaliaskarova-2022.references.original")
    assert "Free Fress" in text("kaliaskarova-2022.references.transliterated")
    assert "migartion" in text("kaliaskarova-2022.body.en")


def test_body_page_breaks_are_rejoined(shipped):
    body = shipped.documents["kaliaskarova-2022.body.en"].path.read_text(encoding="utf-8")
    assert "since the years of independence" in body
    assert "The testable hypothesis" in body
    assert "\n\nIntroduction\n\n" in f"\n\n{body}"


def test_saved_catalogue_texts_are_found(tmp_path):
    (tmp_path / "policy").mkdir()
    (tmp_path / "policy" / "P1.ru.html").write_text("<p>текст</p>", encoding="utf-8")
    manifest_path = write(
        tmp_path,
        """
        [[catalogue]]
        id = "r1"
        kind = "government resolution"
        issuer = "Government"
        year = 2017
        save_as = "policy/P1"
        langs = ["ru", "kk"]
        """,
    )
    manifest = load_manifest(manifest_path)
    assert manifest.saved_catalogue_texts() == {"r1": {"ru": tmp_path / "policy" / "P1.ru.html"}}


def test_catalogue_texts_are_saved_under_documents_policy(shipped):
    for entry in shipped.catalogue.values():
        assert entry.save_as.is_relative_to(DOCUMENTS / "policy")


# --- broken manifests, hand-written per test ---------------------------------------------------

WORK = """
[[work]]
id = "w"
title = "A work"
year = 2022
"""

DOC_A = """
[[document]]
id = "a"
path = "a.txt"
work = "w"
lang = "en"
part = "front"
"""


def write(folder: Path, text: str) -> Path:
    (folder / "a.txt").write_text("A.\n", encoding="utf-8")
    path = folder / "manifest.toml"
    path.write_text("\n".join(line.strip() for line in text.splitlines()), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[[work]\nid = 'w'", "not valid TOML"),
        (WORK + "\nreceived = 2021-02-30", "Invalid date or datetime (at line 7"),
        (WORK + "\ntitel = 'x'", "unknown key 'titel'"),
        ("[[work]]\nid = 'w'\nyear = 2022", "missing required key 'title'"),
        (WORK + DOC_A.replace("a.txt", "missing.txt"), "file not found"),
        (WORK + DOC_A + DOC_A, "duplicate id 'a'"),
        (
            WORK + DOC_A + "[[group]]\nid='g'\nrelation='versions'\nmembers=['a','b']",
            "member 'b' is not a document",
        ),
        (WORK + DOC_A.replace('"en"', '"kz"'), "bad language code 'kz'"),
        (WORK + "\nreceived = '12.08.2021'", "bad date '12.08.2021'"),
        (WORK + "\nreceived = 2021-08-12T10:00:00", "bad date"),
        (WORK + DOC_A.replace('"w"', '"nowork"'), "unknown work 'nowork'"),
        ("[[works]]\nid = 'w'", "unknown section 'works'"),
        ("[work]\nid = 'w'", "must be written as [[work]]"),
        (WORK + DOC_A + "[[group]]\nid='g'\nrelation='copies'\nmembers=['a','w']", "relation"),
    ],
    ids=[
        "bad-toml",
        "impossible-date",
        "unknown-key",
        "missing-key",
        "missing-file",
        "duplicate-id",
        "unknown-member",
        "bad-language",
        "date-as-string",
        "datetime-not-date",
        "unknown-work",
        "unknown-section",
        "single-table",
        "unknown-relation",
    ],
)
def test_broken_manifest_is_an_input_error(tmp_path, text, problem):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        load_manifest(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert problem in message


def test_versions_must_be_listed_oldest_first(tmp_path):
    entries = "".join(
        f"""
        [[catalogue]]
        id = "c{year}"
        kind = "decree"
        issuer = "President"
        year = {year}
        date = {year}-01-01
        save_as = "policy/c{year}"
        langs = ["ru"]
        """
        for year in (2017, 2007)
    )
    group = "[[group]]\nid = 'g'\nrelation = 'versions'\nmembers = ['c2017', 'c2007']"
    with pytest.raises(InputError, match="oldest first"):
        load_manifest(write(tmp_path, entries + group))


def test_catalogue_date_must_match_its_year(tmp_path):
    entry = """
    [[catalogue]]
    id = "c"
    kind = "decree"
    issuer = "President"
    year = 2014
    date = 2015-01-17
    save_as = "policy/c"
    langs = ["ru"]
    """
    with pytest.raises(InputError, match="not in year 2014"):
        load_manifest(write(tmp_path, entry))
