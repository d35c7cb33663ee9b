"""Evaluation against gold Q&A, scored the way the field scores extractive QA (SQuAD v2 style)."""

from __future__ import annotations

import hashlib
import json
import re
import statistics
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from qa.answer import Answer, Answerer
from qa.conversation import Conversation
from qa.errors import UsageError
from qa.text import normalize_answer


@dataclass(frozen=True)
class GoldQuestion:
    """One gold question: acceptable answers (none = unanswerable) and the documents that support it."""

    id: str
    question: str
    answers: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class GoldItem:
    """A single question, or a conversation whose turns are asked in order."""

    id: str
    turns: tuple[GoldQuestion, ...]


@dataclass(frozen=True)
class QuestionResult:
    """How the answerer did on one gold question."""

    id: str
    question: str
    prediction: str | None
    gold: list[str]
    exact_match: float
    f1: float
    abstained: bool
    cited_docs: list[str]
    retrieved_docs: list[str] = field(repr=False)
    sources: list[str] = field(repr=False)
    citation_docs: list[str] = field(repr=False)
    latency_ms: float = field(repr=False)


# --- SQuAD metrics -----------------------------------------------------------------------------------


def exact_match(prediction: str, gold: str) -> float:
    """1.0 when the normalised strings are equal."""
    return float(normalize_answer(prediction) == normalize_answer(gold))


def f1_score(prediction: str, gold: str) -> float:
    """Token-overlap F1 of the normalised strings, as in SQuAD's official script."""
    predicted, expected = normalize_answer(prediction).split(), normalize_answer(gold).split()
    common = Counter(predicted) & Counter(expected)
    overlap = sum(common.values())
    if not predicted or not expected:
        return float(predicted == expected)
    if overlap == 0:
        return 0.0
    precision, recall = overlap / len(predicted), overlap / len(expected)
    return 2 * precision * recall / (precision + recall)


def score_prediction(prediction: str | None, golds: tuple[str, ...]) -> tuple[float, float]:
    """(EM, F1) against the best-matching gold answer; abstaining is right only when there is none."""
    if not golds:
        return (1.0, 1.0) if prediction is None else (0.0, 0.0)
    if prediction is None:
        return 0.0, 0.0
    return max(exact_match(prediction, g) for g in golds), max(f1_score(prediction, g) for g in golds)


# --- gold files --------------------------------------------------------------------------------------


def load_gold(path: Path) -> list[GoldItem]:
    """Read a JSONL gold file (questions or conversations) or a SQuAD v1.1/v2.0 JSON file.

    Raises:
        UsageError: naming the file and line for anything malformed.
    """
    if not path.is_file():
        raise UsageError(f"gold file not found: {path}")
    text = path.read_text(encoding="utf-8", errors="replace")
    if is_squad(path):
        try:
            return squad_items(json.loads(text))
        except (ValueError, KeyError, TypeError) as exc:
            raise UsageError(f"{path}: not a SQuAD JSON file ({exc})") from None
    items = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            items.append(parse_line(path, number, line))
    if not items:
        raise UsageError(f"{path}: no questions")
    return items


def parse_line(path: Path, number: int, line: str) -> GoldItem:
    """One JSONL line: `{"id", "question", "answers", "sources"}` or `{"id", "turns": [...]}`."""
    where = f"{path}:{number}"
    try:
        record = json.loads(line)
    except ValueError as exc:
        raise UsageError(f"{where}: bad JSON ({exc})") from None
    if not isinstance(record, dict):
        raise UsageError(f"{where}: expected a JSON object")
    item_id = str(record.get("id", f"line{number}"))
    if "turns" in record:
        turns = record["turns"]
        if not isinstance(turns, list) or not turns:
            raise UsageError(f"{where}: 'turns' must be a non-empty list")
        return GoldItem(item_id, tuple(gold_question(where, f"{item_id}.{i}", t) for i, t in enumerate(turns, 1)))
    return GoldItem(item_id, (gold_question(where, item_id, record),))


def gold_question(where: str, item_id: str, record: object) -> GoldQuestion:
    """Check and convert one question record."""
    if not isinstance(record, dict):
        raise UsageError(f"{where}: a turn must be a JSON object")
    question = record.get("question")
    if not isinstance(question, str) or not question.strip():
        raise UsageError(f"{where}: missing or empty 'question'")
    answers = record.get("answers")
    if not isinstance(answers, list) or not all(isinstance(a, str) for a in answers):
        raise UsageError(f"{where}: 'answers' must be a list of strings")
    sources = record.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        raise UsageError(f"{where}: 'sources' must be a list of document ids")
    return GoldQuestion(item_id, question, tuple(answers), tuple(sources))


def squad_doc_id(index: int, title: str) -> str:
    """A file-safe document id for a SQuAD article."""
    return f"{index:03d}_{re.sub(r'[^A-Za-z0-9]+', '_', title).strip('_')[:60] or 'article'}"


def squad_items(data: dict) -> list[GoldItem]:
    """SQuAD questions as gold items; each article is the source of its questions."""
    items = []
    for index, article in enumerate(data["data"]):
        doc_id = squad_doc_id(index, str(article.get("title", "")))
        for paragraph in article["paragraphs"]:
            for qa in paragraph["qas"]:
                impossible = qa.get("is_impossible", False)
                answers = () if impossible else tuple(dict.fromkeys(a["text"] for a in qa["answers"]))
                items.append(
                    GoldItem(str(qa["id"]), (GoldQuestion(str(qa["id"]), qa["question"], answers, (doc_id,)),))
                )
    return items


def squad_corpus(path: Path, root: Path) -> Path:
    """Write each SQuAD article as a document (paragraphs joined by blank lines), once per file version."""
    data = json.loads(path.read_text(encoding="utf-8"))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:8]
    folder = root / f"{path.stem}-{digest}-articles"
    if not folder.is_dir():
        tmp = folder.with_name(folder.name + ".tmp")
        tmp.mkdir(parents=True, exist_ok=True)
        for index, article in enumerate(data["data"]):
            text = "\n\n".join(p["context"] for p in article["paragraphs"])
            title = str(article.get("title", "")).replace("_", " ")
            body = f"{title}\n\n{text}\n" if title else text + "\n"
            (tmp / f"{squad_doc_id(index, str(article.get('title', '')))}.txt").write_text(body, encoding="utf-8")
        tmp.rename(folder)
    return folder


def is_squad(path: Path) -> bool:
    """Whether the gold file is SQuAD JSON rather than JSONL."""
    return path.suffix.lower() == ".json"


# --- running -----------------------------------------------------------------------------------------


def evaluate(answerer: Answerer, items: list[GoldItem]) -> list[QuestionResult]:
    """Ask every gold question (conversations turn by turn, in one conversation each) and score it."""
    results = []
    for item in items:
        conversation = Conversation(answerer)
        for gold in item.turns:
            started = time.perf_counter()
            answer = conversation.ask(gold.question).answer
            latency = (time.perf_counter() - started) * 1000
            results.append(result_for(gold, answer, latency))
    return results


def result_for(gold: GoldQuestion, answer: Answer, latency_ms: float) -> QuestionResult:
    """Score one answer."""
    em, f1 = score_prediction(answer.text, gold.answers)
    cited = [c.doc_id for c in answer.citations]
    return QuestionResult(
        id=gold.id,
        question=gold.question,
        prediction=answer.text,
        gold=list(gold.answers),
        exact_match=em,
        f1=round(f1, 4),
        abstained=not answer.answerable,
        cited_docs=list(dict.fromkeys(cited)),
        retrieved_docs=[hit.passage.doc_id for hit in answer.passages],
        sources=list(gold.sources),
        citation_docs=cited,
        latency_ms=round(latency_ms, 2),
    )


def mean(values: list[float]) -> float:
    """Average, 0.0 for no values."""
    return round(sum(values) / len(values), 4) if values else 0.0


def percentile(values: list[float], q: int) -> float:
    """The q-th percentile (inclusive method)."""
    if len(values) < 2:
        return round(values[0], 2) if values else 0.0
    return round(statistics.quantiles(values, n=100, method="inclusive")[q - 1], 2)


def summarize(results: list[QuestionResult]) -> dict:
    """The metrics of `qa eval --json`, with exactly the documented keys."""
    answerable = [r for r in results if r.gold]
    unanswerable = [r for r in results if not r.gold]
    sourced = [r for r in answerable if r.sources]
    answered_sourced = [r for r in results if r.sources and not r.abstained]
    citations = [doc in r.sources for r in answered_sourced for doc in r.citation_docs]
    latencies = [r.latency_ms for r in results]
    return {
        "n": len(results),
        "n_answerable": len(answerable),
        "n_unanswerable": len(unanswerable),
        "exact_match": mean([r.exact_match for r in results]),
        "f1": mean([r.f1 for r in results]),
        "has_answer_exact_match": mean([r.exact_match for r in answerable]),
        "has_answer_f1": mean([r.f1 for r in answerable]),
        "no_answer_accuracy": mean([float(r.abstained) for r in unanswerable]),
        "false_abstention_rate": mean([float(r.abstained) for r in answerable]),
        "doc_hit_at_1": mean([float(bool(r.cited_docs) and r.cited_docs[0] in r.sources) for r in sourced]),
        "doc_hit_at_5": mean([float(any(d in r.sources for d in r.retrieved_docs[:5])) for r in sourced]),
        "mrr": mean([reciprocal_rank(r) for r in sourced]),
        "citation_precision": mean([float(c) for c in citations]),
        "latency_ms_p50": percentile(latencies, 50),
        "latency_ms_p95": percentile(latencies, 95),
        "questions": [{k: v for k, v in asdict(r).items() if k in QUESTION_KEYS} for r in results],
    }


QUESTION_KEYS = ("id", "question", "prediction", "gold", "exact_match", "f1", "abstained", "cited_docs")


def reciprocal_rank(result: QuestionResult) -> float:
    """1/rank of the first retrieved passage from a source document, 0 when none was retrieved."""
    for rank, doc in enumerate(result.retrieved_docs, 1):
        if doc in result.sources:
            return 1.0 / rank
    return 0.0


SUMMARY_KEYS = (
    "n n_answerable n_unanswerable exact_match f1 has_answer_exact_match has_answer_f1 no_answer_accuracy "
    "false_abstention_rate doc_hit_at_1 doc_hit_at_5 mrr citation_precision latency_ms_p50 latency_ms_p95"
).split()


def failures(summary: dict) -> list[dict]:
    """Questions not answered exactly right."""
    return [q for q in summary["questions"] if q["exact_match"] < 1.0]


def report_markdown(summary: dict, gold_path: Path) -> str:
    """The evaluation as Markdown: summary table, then every failure."""
    lines = [f"# Evaluation of `{gold_path}`", "", "| metric | value |", "| --- | --- |"]
    lines += [f"| {key} | {summary[key]} |" for key in SUMMARY_KEYS]
    lines += ["", f"## Failures ({len(failures(summary))})", "", "| id | question | prediction | gold | F1 |"]
    lines.append("| --- | --- | --- | --- | --- |")
    for q in failures(summary):
        gold = " / ".join(q["gold"]) or "(no answer)"
        prediction = "(abstained)" if q["abstained"] else q["prediction"]
        cells = [q["id"], q["question"], prediction, gold, f"{q['f1']:.2f}"]
        lines.append("| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def report_text(summary: dict) -> str:
    """The evaluation for a terminal: failures first, then the summary."""
    lines = [f"Failures ({len(failures(summary))} of {summary['n']}):"]
    for q in failures(summary):
        prediction = "(abstained)" if q["abstained"] else repr(q["prediction"])
        gold = " / ".join(repr(g) for g in q["gold"]) or "(no answer)"
        lines.append(f"  {q['id']:<8} {q['question']}\n           got {prediction}; gold {gold}; F1 {q['f1']:.2f}")
    lines += ["", "Summary:"]
    lines += [f"  {key:<24} {summary[key]}" for key in SUMMARY_KEYS]
    return "\n".join(lines)
