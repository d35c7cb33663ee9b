"""Real input: other formats, bad files, bad questions, damaged or busy indexes, interrupted builds."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa.answer import Answerer
from qa.cli import main
from qa.documents import load_corpus
from qa.encoder import DEFAULT_MODEL
from qa.errors import CorpusError, UsageError
from qa.index import open_index, staleness

HTML = """<html><head><title>Court rules on footage</title></head><body><nav>Home | Sports | Weather</nav>
<article><h1>Court rules on footage</h1><p>A judge in Los Angeles ruled on Monday that the filmmaker does not
have to turn over her footage to prosecutors in New Mexico.</p><p>The filmmaker's lawyers had argued that the
California Shield Law protects unpublished material from subpoenas.</p></article>
<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"""


def run_qa(*args: str) -> subprocess.CompletedProcess:
    """`qa ARGS...` in a fresh process."""
    return subprocess.run([sys.executable, "-m", "qa", *args], capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture
def mixed_corpus(tmp_path: Path) -> Path:
    """A folder with every supported format and some files that are not articles."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "plain.txt").write_text("Plain headline\n\nThe plain article says the mayor resigned on Friday.\n")
    (folder / "notes.md").write_text("# Markdown headline\n\nThe council met in Springfield on Tuesday.\n")
    (folder / "page.html").write_text(HTML)
    lines = [
        {"id": "wire-1", "title": "Wire story", "text": "The wire story says the storm hit Galveston.",
         "url": "https://example.org/wire-1", "date": "2024-06-01"},
        {"id": "wire-2", "text": "A second wire story about the harbor in Boston."},
    ]  # fmt: skip
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    (folder / "latin1.txt").write_bytes("Caf\xe9 owner Jos\xe9 Pe\xf1a opened a second shop.".encode("latin-1"))
    (folder / "empty.txt").write_text("   \n")
    (folder / "report.pdf").write_bytes(b"%PDF-1.4 not an article")
    return folder


def test_every_format_loads_and_the_rest_is_skipped_with_a_warning(mixed_corpus: Path):
    warnings: list[str] = []
    docs = {d.doc_id: d for d in load_corpus(mixed_corpus, warn=warnings.append)}
    assert sorted(docs) == ["latin1", "notes", "page", "plain", "wire-1", "wire-2"]
    assert docs["notes"].title == "Markdown headline"
    assert docs["page"].title == "Court rules on footage"
    assert "Shield Law" in docs["page"].text and "Copyright" not in docs["page"].text
    assert docs["wire-1"].url == "https://example.org/wire-1" and docs["wire-1"].date == "2024-06-01"
    assert "\ufffd" in docs["latin1"].text
    assert any("report.pdf" in w and "not a .txt" in w for w in warnings)
    assert any("latin1.txt is not valid UTF-8" in w for w in warnings)
    assert any("empty.txt: empty" in w for w in warnings)


def test_citations_of_every_format_are_exact_slices_and_carry_metadata(mixed_corpus: Path, tmp_path: Path, encoder):
    from qa.retrieve import Retriever

    index = open_index(mixed_corpus, tmp_path / "index", DEFAULT_MODEL, lambda: encoder, lambda _: None)
    answerer = Answerer(index, Retriever(index, encoder))
    answer = answerer.ask("Which city did the storm hit?")
    assert answer.text == "Galveston"
    citation = answer.citations[0]
    assert citation.url == "https://example.org/wire-1"
    assert index.store.document(citation.doc_id).text[citation.start : citation.end] == citation.text


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"a.txt": "One.", "a.md": "Two."}, "duplicate document id 'a'"),
        ({"w.jsonl": '{"id": "x", "text": "One."}\n{"id": "x", "text": "Two."}\n'}, "duplicate document id 'x'"),
        ({"w.jsonl": '{"id": "x", "text": "One."}\n{not json\n'}, "w.jsonl:2: bad JSON"),
        ({"w.jsonl": '{"id": "x", "title": "No text"}\n'}, "w.jsonl:1: an article needs a string 'text'"),
        ({"photo.jpg": "not text"}, "no articles"),
        ({"a.txt": "  ", "b.md": ""}, "every article in"),
    ],
)
def test_bad_corpus_folders_are_named_errors(tmp_path: Path, files: dict[str, str], message: str):
    for name, content in files.items():
        (tmp_path / name).write_text(content)
    with pytest.raises(CorpusError, match=message):
        load_corpus(tmp_path)


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("", "the question is empty"),
        (" \t\n ", "the question is empty"),
        ("\x00\x07\x1b", "the question is empty"),
        ("why " * 600, "the question is 2399 characters long; the limit is 2000"),
    ],
)
def test_bad_questions_are_refused_with_a_reason(answerer: Answerer, question: str, message: str):
    with pytest.raises(UsageError, match=message):
        answerer.ask(question)


def test_cli_refuses_an_overlong_question_in_one_line(default_index_dir: Path):
    result = CliRunner().invoke(main, ["ask", "x" * 2001, "--index", str(default_index_dir)])
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: the question is 2001 characters long; the limit is 2000"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=300))
def test_any_text_question_never_raises_and_cites_exact_slices(answerer: Answerer, question: str):
    try:
        answer = answerer.ask(question)
    except UsageError:
        assert not " ".join(question.split()).strip() or not question.isprintable()
        return
    for citation in answer.citations:
        text = answerer.store.document(citation.doc_id).text
        assert text[citation.start : citation.end] == citation.text
        assert citation.start <= citation.answer_start < citation.answer_end <= citation.end


def test_an_index_folder_that_cannot_be_written_is_a_clear_error(small_corpus: Path, tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = CliRunner().invoke(main, ["index", "--corpus", str(small_corpus), "--index", str(blocker / "index")])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: cannot write the index in")
    assert "Traceback" not in result.output


def test_a_damaged_index_is_rebuilt_and_says_so(small_corpus: Path, tmp_path: Path, encoder):
    folder = tmp_path / "index"
    open_index(small_corpus, folder, DEFAULT_MODEL, lambda: encoder, lambda _: None)
    vectors = folder / "sentence_vectors.npy"
    vectors.write_bytes(vectors.read_bytes()[:-64])
    said: list[str] = []
    open_index(small_corpus, folder, DEFAULT_MODEL, lambda: encoder, said.append)
    assert any("damaged" in line for line in said)
    assert staleness(folder, small_corpus, DEFAULT_MODEL) is None


def test_an_index_of_another_model_is_rebuilt(small_corpus: Path, tmp_path: Path, encoder):
    folder = tmp_path / "index"
    open_index(small_corpus, folder, DEFAULT_MODEL, lambda: encoder, lambda _: None)
    manifest = json.loads((folder / "manifest.json").read_text())
    (folder / "manifest.json").write_text(json.dumps({**manifest, "model": "other-model", "dimension": 768}))
    said: list[str] = []
    rebuilt = open_index(small_corpus, folder, DEFAULT_MODEL, lambda: encoder, said.append)
    assert any("built with model 'other-model'" in line for line in said)
    assert rebuilt.manifest.dimension == 384


def test_update_reuses_unchanged_articles_and_drops_removed_ones(small_corpus: Path, tmp_path: Path, encoder):
    folder = tmp_path / "index"
    first = open_index(small_corpus, folder, DEFAULT_MODEL, lambda: encoder, lambda _: None)
    kept, removed = sorted(small_corpus.iterdir())
    removed.unlink()
    (small_corpus / "new.txt").write_text("New headline\n\nA new article about the harbor in Boston.\n")
    said: list[str] = []
    second = open_index(small_corpus, folder, DEFAULT_MODEL, lambda: encoder, said.append)
    assert "Reusing 1 unchanged articles; reading 1 new or changed" in said
    assert [d.doc_id for d in second.store.documents] == [kept.stem, "new"]
    old_rows = first.sentence_vectors[: second.store.sentence_ranges()[0][1]]
    new_rows = second.sentence_vectors[: second.store.sentence_ranges()[0][1]]
    assert (old_rows == new_rows).all(), "an unchanged article keeps its vectors"


def wait_for(process: subprocess.Popen, text: str, timeout: float = 240) -> str:
    """Read the process's stderr until `text` appears."""
    seen = ""
    deadline = time.monotonic() + timeout
    while text not in seen and time.monotonic() < deadline:
        chunk = process.stderr.read1(4096).decode(errors="replace") if process.stderr else ""
        if not chunk and process.poll() is not None:
            break
        seen += chunk
    return seen


@pytest.fixture
def busy_corpus(small_corpus: Path) -> Path:
    """Twelve copies of each article: embedding them takes seconds, long enough to be interrupted."""
    for article in sorted(small_corpus.iterdir()):
        for copy in range(1, 12):
            (small_corpus / f"{article.stem}-copy{copy}{article.suffix}").write_bytes(article.read_bytes())
    return small_corpus


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_a_build_killed_part_way_leaves_the_old_index_usable(
    sig: signal.Signals, busy_corpus: Path, tmp_path: Path, encoder
):
    small_corpus = busy_corpus
    folder = tmp_path / "index"
    open_index(small_corpus, folder, DEFAULT_MODEL, lambda: encoder, lambda _: None)
    before = (folder / "manifest.json").read_text()
    process = subprocess.Popen(
        [sys.executable, "-m", "qa", "index", "--full", "--corpus", str(small_corpus), "--index", str(folder)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        # A runner started in the background may ignore SIGINT, and a child would inherit that.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    output = wait_for(process, "Embedding")
    assert "Embedding" in output, output
    process.send_signal(sig)
    process.wait(timeout=60)
    if sig == signal.SIGINT:
        assert process.returncode == 130
        assert "Traceback" not in output + process.stderr.read().decode(errors="replace")
        assert not list(tmp_path.glob(".index.tmp-*")), "an interrupted build removes its temporary folder"
    assert (folder / "manifest.json").read_text() == before
    assert staleness(folder, small_corpus, DEFAULT_MODEL) is None
    result = run_qa("ask", "Who is the judge?", "--corpus", str(small_corpus), "--index", str(folder))
    assert result.returncode == 0 and "Building" not in result.stderr
    open_index(small_corpus, folder, DEFAULT_MODEL, lambda: encoder, lambda _: None)


def test_a_second_build_waits_for_the_lock_and_says_so(small_corpus: Path, tmp_path: Path):
    import fcntl

    folder = tmp_path / "index"
    with open(tmp_path / ".index.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another writer holds the index
        command = [sys.executable, "-m", "qa", "index", "--corpus", str(small_corpus), "--index", str(folder)]
        waiting = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
        assert "Another qa process is writing" in wait_for(waiting, "Another qa process is writing")
        assert waiting.poll() is None, "it waits rather than writing beside the other build"
        assert not folder.exists()
        fcntl.flock(lock, fcntl.LOCK_UN)
    waiting.wait(timeout=300)
    assert waiting.returncode == 0
    assert staleness(folder, small_corpus, DEFAULT_MODEL) is None
    assert not list(tmp_path.glob(".index.tmp-*"))


assert os.name == "posix"  # the lock and the signal tests need POSIX
