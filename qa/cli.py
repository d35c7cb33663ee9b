"""The `qa` command line: `qa ask`, `qa index`."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path

import click

from qa.encoder import DEFAULT_MODEL
from qa.errors import QAError, UsageError
from qa.settings import DEFAULT_CORPUS, DEFAULT_TOP_K, Settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def say(message: str) -> None:
    """A progress or status line for the user, on stderr so that stdout stays clean."""
    click.echo(message, err=True)


def reported(command: Callable) -> Callable:
    """Turn domain errors and Ctrl-C into one line on stderr and a non-zero exit, never a traceback."""

    @wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except QAError as exc:
            say(f"Error: {exc}")
            sys.exit(2)
        except KeyboardInterrupt:
            say("Interrupted.")
            sys.exit(130)

    return run


def corpus_options(command: Callable) -> Callable:
    """`--corpus`, `--index` and `--model`, shared by every subcommand."""
    command = click.option(
        "--model",
        envvar="QA_MODEL",
        default=DEFAULT_MODEL,
        show_default=True,
        help="Embedding model: the packaged all-MiniLM-L6-v2 or a local sentence-transformers folder.",
    )(command)
    command = click.option(
        "--index",
        "index_dir",
        envvar="QA_INDEX",
        type=click.Path(path_type=Path, file_okay=False),
        help="Index folder [default: embeddings/<corpus name>-<hash>].",
    )(command)
    return click.option(
        "--corpus",
        envvar="QA_CORPUS",
        type=click.Path(path_type=Path),
        default=DEFAULT_CORPUS,
        show_default="corpus/articles",
        help="Folder of articles (.txt, .md, .html, .jsonl).",
    )(command)


def make_settings(corpus: Path, index_dir: Path | None, model: str, top_k: int = DEFAULT_TOP_K) -> Settings:
    """Check the options and build the settings every stage receives."""
    if not corpus.is_dir():
        raise UsageError(f"corpus folder not found: {corpus}")
    if top_k < 1:
        raise UsageError("--top-k must be at least 1")
    return Settings(corpus=corpus, index=index_dir, model=model, top_k=top_k)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Ask questions of a folder of news articles; every answer is quoted and cited."""


@main.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@click.option(
    "--top-k", type=int, default=DEFAULT_TOP_K, show_default=True, envvar="QA_TOP_K", help="Passages to read."
)
@corpus_options
@reported
def ask(question: str, as_json: bool, top_k: int, corpus: Path, index_dir: Path | None, model: str) -> None:
    """Answer QUESTION from the articles, with citations, or say that they don't say."""
    from qa.pipeline import open_answerer
    from qa.question import clean_question
    from qa.render import answer_to_dict, answer_to_text

    question = clean_question(question)
    answerer = open_answerer(make_settings(corpus, index_dir, model, top_k), notify=say)
    answer = answerer.ask(question)
    if as_json:
        click.echo(json.dumps(answer_to_dict(answer), ensure_ascii=False, indent=2))
    else:
        click.echo(answer_to_text(answer))


@main.command()
@click.option("--full", is_flag=True, help="Read and embed every article again, even unchanged ones.")
@corpus_options
@reported
def index(full: bool, corpus: Path, index_dir: Path | None, model: str) -> None:
    """Build or update the index of the articles (unchanged articles keep their vectors)."""
    from qa.pipeline import rebuild_index

    settings = make_settings(corpus, index_dir, model)
    rebuild_index(settings, notify=say, reuse=not full)
    say(f"Index written to {settings.index_dir}")


@main.command("eval")
@click.argument("gold", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object.")
@click.option("--report", type=click.Path(path_type=Path, dir_okay=False), help="Also write a Markdown report.")
@click.option("--min-f1", type=float, help="Exit 1 when the overall F1 is below this (for CI).")
@click.option(
    "--top-k", type=int, default=DEFAULT_TOP_K, show_default=True, envvar="QA_TOP_K", help="Passages to read."
)
@corpus_options
@reported
def evaluate_gold(
    gold: Path,
    as_json: bool,
    report: Path | None,
    min_f1: float | None,
    top_k: int,
    corpus: Path,
    index_dir: Path | None,
    model: str,
) -> None:
    """Score the answerer on a gold file: JSONL questions/conversations, or SQuAD v1.1/v2.0 JSON."""
    from qa.evaluate import evaluate, is_squad, load_gold, report_markdown, report_text, squad_corpus, summarize
    from qa.pipeline import open_answerer
    from qa.settings import INDEX_ROOT

    items = load_gold(gold)
    if is_squad(gold):  # its articles are written out once, beside the index
        corpus = squad_corpus(gold, index_dir.parent if index_dir else INDEX_ROOT)
    answerer = open_answerer(make_settings(corpus, index_dir, model, top_k), notify=say)
    summary = summarize(evaluate(answerer, items))
    click.echo(json.dumps(summary, ensure_ascii=False, indent=2) if as_json else report_text(summary))
    if report is not None:
        report.write_text(report_markdown(summary, gold), encoding="utf-8")
        say(f"Report written to {report}")
    if min_f1 is not None and summary["f1"] < min_f1:
        say(f"F1 {summary['f1']:.4f} is below --min-f1 {min_f1}")
        sys.exit(1)


@main.command()
@corpus_options
@reported
def chat(corpus: Path, index_dir: Path | None, model: str) -> None:
    """Open the terminal chat: ask questions, follow up, read the sources."""
    from qa.pipeline import open_answerer
    from tui.app import ChatApp

    settings = make_settings(corpus, index_dir, model)
    ChatApp(lambda notify: open_answerer(settings, notify), settings.corpus.name).run()


@main.command()
@click.option("--corpus", type=click.Path(path_type=Path), default=DEFAULT_CORPUS, show_default="corpus/articles")
@click.option("--passages", type=int, help="Also measure a large corpus of about N passages (Python docs).")
@click.option("--runs", type=int, default=5, show_default=True, help="Fresh processes per cold-start figure.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@reported
def bench(corpus: Path, passages: int | None, runs: int, as_json: bool) -> None:
    """Measure cold start, warm latency, index build throughput and memory."""
    import tempfile

    from qa.bench import large_corpus, report, run_benchmark

    make_settings(corpus, None, DEFAULT_MODEL)
    results = {"default": run_benchmark(corpus, say, runs)}
    if passages:
        with tempfile.TemporaryDirectory(prefix="qa-large-") as scratch:
            results["large"] = run_benchmark(large_corpus(passages, Path(scratch) / "articles", say), say, runs)
    if as_json:
        click.echo(json.dumps(results, indent=2))
        return
    for name, figures in results.items():
        click.echo(f"{name} corpus:\n{report(figures)}")
