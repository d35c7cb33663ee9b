"""The index on disk: manifest, freshness, rebuilds and FAISS against brute force."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from qa.documents import Document
from qa.encoder import DEFAULT_MODEL
from qa.index import MANIFEST, load_index, open_index, staleness
from qa.settings import DEFAULT_CORPUS


def test_manifest_records_model_corpus_and_checksums(default_index_dir: Path):
    manifest = json.loads((default_index_dir / MANIFEST).read_text())
    assert manifest["model"] == DEFAULT_MODEL
    assert manifest["dimension"] == 384
    assert manifest["documents"] == 5
    assert manifest["count"] > 5
    assert "index.faiss" in manifest["checksums"]
    assert staleness(default_index_dir, DEFAULT_CORPUS, DEFAULT_MODEL) is None
    assert not list(default_index_dir.parent.glob(".*tmp*")), "no temporary folder is left behind"


def test_other_model_makes_the_index_stale(default_index_dir: Path):
    assert "model" in staleness(default_index_dir, DEFAULT_CORPUS, "another-model")


def test_unchanged_corpus_reuses_the_index_and_an_edit_rebuilds_it(small_corpus: Path, tmp_path: Path, encoder):
    folder = tmp_path / "index"
    said: list[str] = []
    built = open_index(small_corpus, folder, DEFAULT_MODEL, lambda: encoder, said.append)
    assert said and "no index" in said[0]
    said.clear()
    again = open_index(small_corpus, folder, DEFAULT_MODEL, lambda: encoder, said.append)
    assert said == []
    assert again.manifest.built_at == built.manifest.built_at
    article = sorted(small_corpus.iterdir())[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    rebuilt = open_index(small_corpus, folder, DEFAULT_MODEL, lambda: encoder, said.append)
    assert said and "changed" in said[0]
    assert rebuilt.manifest.corpus_fingerprint != built.manifest.corpus_fingerprint


def test_damaged_file_is_detected(small_corpus: Path, tmp_path: Path, encoder):
    folder = tmp_path / "index"
    open_index(small_corpus, folder, DEFAULT_MODEL, lambda: encoder, lambda _: None)
    (folder / "passages.npy").write_bytes(b"garbage")
    assert "damaged" in staleness(folder, small_corpus, DEFAULT_MODEL)


def test_store_round_trips_with_exact_offsets(default_index_dir: Path):
    index = load_index(default_index_dir)
    for passage in index.store.passages:
        assert index.store.document(passage.doc_id).text[passage.start : passage.end] == passage.text
    for i, sentence in enumerate(index.store.sentences):
        text = index.store.sentence_text(i)
        assert text == text.strip() and text
        for mention in sentence.entities + sentence.chunks + sentence.predicates:
            assert sentence.start <= mention.start < mention.end <= sentence.end


def test_numpy_search_equals_the_faiss_index_on_disk(default_index, default_index_dir: Path, encoder):
    import faiss

    on_disk = faiss.read_index(str(default_index_dir / "index.faiss"))
    for question in ["Who was the armorer on the set?", "How much was the fine?", "Ukraine"]:
        query = encoder.encode([question])
        faiss_scores, faiss_ids = on_disk.search(query, 5)
        numpy_scores, numpy_ids = default_index.vectors.search(query, 5)
        assert numpy_ids.tolist() == faiss_ids.tolist()
        np.testing.assert_allclose(numpy_scores, faiss_scores, rtol=1e-5, atol=1e-6)


def test_lexical_scores_equal_bm25s(default_index, default_index_dir: Path):
    import bm25s

    reference = bm25s.BM25.load(str(default_index_dir / "bm25"), show_progress=False)
    for query in (["armor", "rust"], ["fine", "paid", "product"], ["baldwin", "baldwin", "trial"]):
        expected = reference.get_scores([t for t in query if t in reference.vocab_dict])
        np.testing.assert_allclose(default_index.lexical.scores(query), expected, rtol=1e-5)
    assert not default_index.lexical.scores(["zzz-not-a-term"]).any()


def test_passage_vector_is_the_normalised_mean_of_its_sentences(default_index):
    store = default_index.store
    for i in (0, 3, len(store.passages) - 1):
        passage, vector = store.passages[i], default_index.vectors.reconstruct(i)
        span = range(passage.first_sentence, passage.last_sentence)
        weights = np.array([len(store.sentence_text(j).split()) for j in span], dtype=np.float32)
        mean = weights @ default_index.sentence_vectors[passage.first_sentence : passage.last_sentence]
        np.testing.assert_allclose(vector, mean / np.linalg.norm(mean), atol=1e-5)


def test_passage_vectors_read_back_in_blocks_equal_the_direct_mean(tmp_path: Path, monkeypatch):
    from qa import index as index_module
    from qa.index import EmbeddingWork, passage_vectors

    rng = np.random.default_rng(7)
    sentences = [" ".join(["word"] * int(n)) for n in rng.integers(1, 30, size=40)]
    text, rows = "", []
    for sentence in sentences:
        rows.append((0, len(text), len(text) + len(sentence)))
        text += sentence + " "
    vectors = rng.normal(size=(40, 8)).astype(np.float32)
    np.save(tmp_path / "rows.npy", vectors)
    passages = [(i, min(i + 3, 40)) for i in range(0, 40, 2)]
    monkeypatch.setattr(index_module, "ROWS_PER_BLOCK", 3)  # blocks end inside passages
    work = EmbeddingWork([Document("d", "t", text, "d.txt")], np.array(rows), [], np.array(passages))
    found = passage_vectors(work, tmp_path / "rows.npy")
    words = np.array([len(s.split()) for s in sentences], dtype=np.float32)
    for row, (first, last) in enumerate(passages):
        mean = words[first:last] @ vectors[first:last]
        np.testing.assert_allclose(found[row], mean / np.linalg.norm(mean), rtol=1e-6)
