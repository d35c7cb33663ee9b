"""Corpus loading, titles, sentence offsets and passages."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.documents import corpus_fingerprint, guess_title, load_corpus
from qa.errors import CorpusError
from qa.nlp import CLAUSE, COMPLEMENT, MANNER, analyse
from qa.settings import DEFAULT_CORPUS
from qa.spans import person_roles
from qa.store import passage_windows


def test_default_corpus_has_the_five_seed_articles_unchanged():
    docs = load_corpus(DEFAULT_CORPUS)
    assert [d.doc_id for d in docs] == [
        "000_85ccd48f59644edf",
        "001_4015aeb8f9402aa3",
        "002_27212ba4a6a7da71",
        "003_cc8a2d2bc6a44b25",
        "004_67ee7d36a919c3b9",
    ]
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if seeds.is_dir():
        for doc in docs:
            assert (seeds / f"{doc.doc_id}.txt").read_bytes() == Path(doc.path).read_bytes()


def test_title_is_the_headline_or_a_shortened_first_sentence():
    docs = {d.doc_id: d for d in load_corpus(DEFAULT_CORPUS)}
    assert docs["002_27212ba4a6a7da71"].title.startswith("Alec Baldwin Cleared in Rust Shooting Case")
    assert docs["004_67ee7d36a919c3b9"].title.startswith("SANTA FE, N.M – In an early legal win")
    assert len(docs["004_67ee7d36a919c3b9"].title) <= 80
    assert guess_title("# My headline\n\nBody text.") == "My headline"


def test_missing_and_empty_folders_are_clear_errors(tmp_path: Path):
    with pytest.raises(CorpusError, match="not found"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusError, match="no articles"):
        load_corpus(tmp_path)


def test_fingerprint_changes_with_any_edit(small_corpus: Path):
    before = corpus_fingerprint(small_corpus)
    article = sorted(small_corpus.iterdir())[0]
    article.write_text(article.read_text(encoding="utf-8") + " More.", encoding="utf-8")
    assert corpus_fingerprint(small_corpus) != before


def test_sentences_are_exact_slices_and_abbreviations_do_not_split(nlp):
    text = (
        "Headline Without A Period\n\nBaldwin is set to go on trial in July in Santa Fe, N.M., on a charge. "
        "On Oct. 21, 2021, a prop gun discharged. Mr. Baldwin said nothing.\n"
    )
    sentences = [text[s.start : s.end] for s in analyse(nlp, text)]
    assert sentences == [
        "Headline Without A Period",
        "Baldwin is set to go on trial in July in Santa Fe, N.M., on a charge.",
        "On Oct. 21, 2021, a prop gun discharged.",
        "Mr. Baldwin said nothing.",
    ]


def test_entities_are_trimmed_exact_slices(nlp):
    text = "Rust Movie Productions paid a $100,000 fine. The armorer, Hannah Gutierrez Reed, was convicted."
    found = {text[m.start : m.end]: m.label for s in analyse(nlp, text) for m in s.entities}
    assert found["$100,000"] == "MONEY"
    assert found["Hannah Gutierrez Reed"] == "PERSON"


def test_verb_phrases_are_exact_slices_with_their_subjects(nlp):
    text = (
        "Baldwin, who appeared in court with his attorneys, listened intently and took notes. "
        "The prosecution alleged that Baldwin was pressuring witnesses to cooperate."
    )
    found = {text[m.start : m.end]: m.governor for s in analyse(nlp, text) for m in s.predicates}
    assert found["took notes"] == found["listened intently and took notes"] == "baldwin"  # the subject is shared
    assert "to cooperate" in found and "pressuring witnesses to cooperate" in found
    assert not any(phrase.startswith("alleged that") for phrase in found)  # a clause is no part of its verb
    text = "Baldwin has pleaded not guilty."
    found = {text[m.start : m.end]: m.role for s in analyse(nlp, text) for m in s.predicates}
    assert found["not guilty"] == COMPLEMENT
    text = "Morrissey argued that the evidence was irrelevant. The gun fired accidentally."
    found = {text[m.start : m.end]: m.role for s in analyse(nlp, text) for m in s.predicates}
    assert found["the evidence was irrelevant"] == CLAUSE and found["accidentally"] == MANNER
    text = "The events had profoundly affected his life. The art has primarily survived in churches."
    found = {text[m.start : m.end]: m.role for s in analyse(nlp, text) for m in s.predicates}
    assert found["profoundly"] == MANNER and "primarily" not in found  # how, before the verb too; not how much
    text = "Baldwin didn't react to the ruling."
    found = {text[m.start : m.end] for s in analyse(nlp, text) for m in s.predicates}
    assert "didn't react to the ruling" in found  # a negation keeps its auxiliary, not a slice of "didn't"
    text = "Hutchins’ family opposed the decision to drop the appeal and is continuing a civil lawsuit."
    found = {text[m.start : m.end] for s in analyse(nlp, text) for m in s.predicates}
    assert not any(phrase.endswith((" and", ",")) for phrase in found)
    text = "Morrissey dismissed the importance of the decision and said she was not concerned."
    found = {text[m.start : m.end] for s in analyse(nlp, text) for m in s.predicates}
    assert not any(phrase.endswith(" said") for phrase in found)  # "said" without its clause says nothing


def test_what_an_article_calls_a_person_is_read_from_the_words_beside_the_name(nlp):
    text = (
        "A judge ruled that filmmaker Rory Kennedy does not have to turn it over. "
        "The movie's armorer, Hannah Gutierrez Reed, was convicted. "
        "In an early legal win for actor Alec Baldwin, the judge presiding over the trial ruled."
    )
    roles = {
        (text[p.start : p.end], role) for s in analyse(nlp, text) for p, role in person_roles(s, text, frozenset())
    }
    assert {("Rory Kennedy", "filmmak"), ("Hannah Gutierrez Reed", "armor"), ("Alec Baldwin", "actor")} <= roles
    assert ("Alec Baldwin", "judg") not in roles  # "the judge" beside him is no apposition: it goes on


def test_a_noun_phrase_keeps_the_whole_of_a_hyphenated_word(nlp):
    text = "Prosecutors earlier obtained behind-the-scenes footage from a production company."
    chunks = {text[m.start : m.end] for s in analyse(nlp, text) for m in s.chunks}
    assert "behind-the-scenes footage" in chunks  # one word, not the preposition "behind"
    assert not any(chunk.startswith("the-scenes") for chunk in chunks)


def test_hyphenated_numbers_and_names_are_still_tagged_in_parts(nlp):
    text = "Armorer Hannah Gutierrez-Reed, a three-time winner, is appealing her 18-month sentence."
    entities = {(text[m.start : m.end], m.label) for s in analyse(nlp, text) for m in s.entities}
    assert {("Hannah Gutierrez-Reed", "PERSON"), ("18-month", "DATE")} <= entities


def test_names_cut_short_by_the_tagger_are_made_whole(nlp):
    text = (
        "In 1064, William of Montreuil led the papal army. Bethencourt was vassal to Henry III of Castile. "
        "King David I, whose elder brother Alexander I had married Sybilla, was instrumental."
    )
    sentences = analyse(nlp, text)
    people = {text[m.start : m.end] for s in sentences for m in s.entities if m.label == "PERSON"}
    assert {"William of Montreuil", "Henry III", "Alexander I"} <= people
    assert not people & {"William", "Montreuil", "Henry III of", "Alexander"}
    assert len(sentences) == 3  # no break inside "... Alexander I | had married ...", which has no full stop


def test_passages_overlap_by_one_sentence_and_cover_everything():
    windows = passage_windows([40, 40, 40, 40, 40], max_words=90)
    assert windows == [(0, 2), (1, 3), (2, 4), (3, 5)]
    assert passage_windows([200], max_words=90) == [(0, 1)]


@pytest.mark.parametrize("workers_from_lines", [10_000, 0], ids=["spacy-forks", "worker-processes"])
def test_analysing_many_texts_in_two_processes_gives_each_text_its_own_offsets(nlp, monkeypatch, workers_from_lines):
    from qa import nlp as nlp_module
    from qa.nlp import analyse_all

    monkeypatch.setattr(nlp_module, "WORKERS_FROM_LINES", workers_from_lines)

    texts = [doc.text for doc in load_corpus(DEFAULT_CORPUS)[:2]] + ["", "One line.\n\nAnother line."]
    alone = [analyse(nlp, text) for text in texts]
    together = list(analyse_all(texts, processes=2))
    assert together == alone
    assert [len(found) for found in together[2:]] == [0, 2]
