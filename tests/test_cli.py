"""The `qa` command line, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from qa.cli import main
from qa.settings import DEFAULT_CORPUS

JSON_KEYS = {"question", "answer", "answerable", "confidence", "supporting_sentence", "citations", "passages"}


def run_qa(*args: str) -> subprocess.CompletedProcess:
    """`qa ARGS...` in a fresh process, as a user would type it."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "qa", *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )


def test_ask_json_end_to_end_in_a_fresh_process(default_index_dir: Path):
    result = run_qa("ask", "Who was the armorer on the Rust set?", "--json", "--index", str(default_index_dir))
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload.keys() >= JSON_KEYS
    assert payload["answerable"] is True
    assert "Gutierrez" in payload["answer"]
    assert 0 <= payload["confidence"] <= 1
    for citation in payload["citations"]:
        assert {"doc_id", "title", "start", "end", "text"} <= citation.keys()
        text = (DEFAULT_CORPUS / f"{citation['doc_id']}.txt").read_bytes().decode("utf-8")
        assert text[citation["start"] : citation["end"]] == citation["text"]
    for passage in payload["passages"]:
        assert {"doc_id", "start", "end", "text", "score"} <= passage.keys()


def test_ask_text_shows_the_answer_a_quote_and_numbered_sources(default_index_dir: Path):
    result = CliRunner().invoke(main, ["ask", "How much was the fine?", "--index", str(default_index_dir)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("$100,000\n")
    assert "[1] 001_4015aeb8f9402aa3 · " in result.stdout


def test_ask_says_whom_it_took_a_role_for_before_the_answer(default_index_dir: Path):
    result = CliRunner().invoke(main, ["ask", "How many Emmys has the actor won?", "--index", str(default_index_dir)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("(read as: How many Emmys has the actor Alec Baldwin won?)\n\nthree\n")
    result = CliRunner().invoke(main, ["ask", "How much was the fine?", "--json", "--index", str(default_index_dir)])
    assert json.loads(result.stdout)["read_as"] is None  # nothing was read otherwise


def test_ask_abstains_plainly_and_shows_the_closest_passage(default_index_dir: Path):
    result = CliRunner().invoke(main, ["ask", "What is the capital of Ukraine?", "--index", str(default_index_dir)])
    assert result.exit_code == 0
    assert result.stdout.startswith("The articles don't say.")
    assert "Closest passage considered (not an answer)" in result.stdout


def test_ask_builds_a_missing_index_and_says_so(small_corpus: Path, tmp_path: Path):
    index = tmp_path / "fresh-index"
    result = CliRunner().invoke(
        main, ["ask", "Who is the judge?", "--corpus", str(small_corpus), "--index", str(index)]
    )
    assert result.exit_code == 0, result.output
    assert "Building the index" in result.stderr
    assert (index / "manifest.json").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ask", ""], "Error: the question is empty"),
        (["ask", "   "], "Error: the question is empty"),
        (["ask", "Who?", "--corpus", "/no/such/folder"], "Error: corpus folder not found: /no/such/folder"),
        (["ask", "Who?", "--top-k", "0"], "Error: --top-k must be at least 1"),
    ],
)
def test_bad_usage_exits_2_with_one_line_and_no_traceback(args: list[str], message: str):
    result = run_qa(*args)
    assert result.returncode == 2
    assert result.stderr.strip() == message
    assert "Traceback" not in result.stderr + result.stdout
