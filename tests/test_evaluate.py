"""`qa eval`: SQuAD metrics, gold file formats and the end-to-end run on corpus/gold.jsonl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qa.cli import main
from qa.errors import UsageError
from qa.evaluate import QuestionResult, exact_match, f1_score, load_gold, score_prediction, summarize
from qa.settings import PROJECT_ROOT
from qa.text import normalize_answer

GOLD = PROJECT_ROOT / "corpus" / "gold.jsonl"


def test_normalisation_is_squads():
    assert normalize_answer("The  Colt .45!") == "colt 45"
    assert normalize_answer("an Apple a day") == "apple day"
    assert normalize_answer("Gutierrez-Reed") == "gutierrezreed"


@pytest.mark.parametrize(
    ("prediction", "gold", "em", "f1"),
    [
        ("Denver Broncos", "Denver Broncos", 1.0, 1.0),
        ("the Denver Broncos", "Denver Broncos", 1.0, 1.0),
        ("Broncos", "Denver Broncos", 0.0, 2 * (1.0 * 0.5) / 1.5),
        ("Santa Clara, California", "Santa Clara", 0.0, 0.8),
        ("Carolina Panthers", "Denver Broncos", 0.0, 0.0),
    ],
)
def test_exact_match_and_f1_against_hand_computed_values(prediction, gold, em, f1):
    assert exact_match(prediction, gold) == em
    assert f1_score(prediction, gold) == pytest.approx(f1)


def test_best_gold_answer_counts_and_abstention_is_scored_squad_v2_style():
    assert score_prediction("18 months", ("18-month", "18 months")) == (1.0, 1.0)
    assert score_prediction(None, ()) == (1.0, 1.0)
    assert score_prediction("July", ()) == (0.0, 0.0)
    assert score_prediction(None, ("July",)) == (0.0, 0.0)


def result(qid, prediction, gold, sources, cited, retrieved) -> QuestionResult:
    em, f1 = score_prediction(prediction, tuple(gold))
    return QuestionResult(
        qid, "?", prediction, gold, em, f1, prediction is None, cited, retrieved, sources, cited, 10.0
    )


def test_summary_metrics_on_a_hand_made_set():
    summary = summarize(
        [
            result("a", "Hannah Gutierrez Reed", ["Hannah Gutierrez Reed"], ["d1"], ["d1"], ["d1", "d2"]),
            result("b", "Reed", ["Hannah Gutierrez Reed"], ["d1"], ["d2"], ["d2", "d1"]),
            result("c", None, ["July"], ["d3"], [], ["d1", "d2"]),
            result("d", None, [], [], [], ["d1"]),
        ]
    )
    assert summary["n"] == 4 and summary["n_answerable"] == 3 and summary["n_unanswerable"] == 1
    assert summary["has_answer_exact_match"] == pytest.approx(1 / 3, abs=1e-4)
    assert summary["has_answer_f1"] == pytest.approx((1 + 0.5) / 3, abs=1e-4)
    assert summary["exact_match"] == pytest.approx(2 / 4)
    assert summary["no_answer_accuracy"] == 1.0
    assert summary["false_abstention_rate"] == pytest.approx(1 / 3, abs=1e-4)
    assert summary["doc_hit_at_1"] == pytest.approx(1 / 3, abs=1e-4)
    assert summary["doc_hit_at_5"] == pytest.approx(2 / 3, abs=1e-4)
    assert summary["mrr"] == pytest.approx((1 + 0.5 + 0) / 3, abs=1e-4)
    assert summary["citation_precision"] == 0.5
    assert list(summary)[-1] == "questions" and summary["questions"][0]["id"] == "a"


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['{"id": "q1", "question": "Who?", "answers": []}', "{not json"], "gold.jsonl:2: bad JSON"),
        (['{"id": "q1", "answers": []}'], "gold.jsonl:1: missing or empty 'question'"),
        (['{"id": "q1", "question": "Who?", "answers": "Reed"}'], "gold.jsonl:1: 'answers' must be a list"),
        (['{"id": "c1", "turns": []}'], "gold.jsonl:1: 'turns' must be a non-empty list"),
    ],
)
def test_malformed_gold_lines_are_named(tmp_path: Path, lines: list[str], message: str):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        load_gold(path)


def test_the_shipped_gold_file_is_well_formed_and_every_answer_is_in_a_source():
    items = load_gold(GOLD)
    questions = [turn for item in items for turn in item.turns]
    assert len(questions) >= 60
    assert sum(1 for q in questions if not q.answers) >= 12
    assert sum(1 for item in items if len(item.turns) > 1) >= 5
    articles = {p.stem: p.read_text(encoding="utf-8") for p in (PROJECT_ROOT / "corpus" / "articles").iterdir()}
    for q in questions:
        for answer in q.answers:
            assert any(answer in articles[s] for s in q.sources), (q.id, answer)


def test_squad_v2_file_with_an_impossible_question(tmp_path: Path):
    squad = {
        "version": "v2.0",
        "data": [
            {
                "title": "Normans",
                "paragraphs": [
                    {
                        "context": "The Normans were the people who in the 10th and 11th centuries gave their name "
                        "to Normandy, a region in France. They were descended from Norse raiders and pirates "
                        "from Denmark, Iceland and Norway who, under their leader Rollo, agreed to swear fealty "
                        "to King Charles III of West Francia.",
                        "qas": [
                            {
                                "id": "n1",
                                "question": "In what country is Normandy located?",
                                "answers": [{"text": "France", "answer_start": 108}],
                                "is_impossible": False,
                            },
                            {
                                "id": "n2",
                                "question": "Who gave their name to Normandy in the 1000's and 1100's?",
                                "answers": [],
                                "plausible_answers": [{"text": "Normans", "answer_start": 4}],
                                "is_impossible": True,
                            },
                        ],
                    }
                ],
            }
        ],
    }
    gold = tmp_path / "dev.json"
    gold.write_text(json.dumps(squad), encoding="utf-8")
    items = load_gold(gold)
    assert [i.turns[0].answers for i in items] == [("France",), ()]
    result = CliRunner().invoke(main, ["eval", str(gold), "--json", "--index", str(tmp_path / "index")])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["n"] == 2 and summary["n_unanswerable"] == 1
    assert [q["gold"] for q in summary["questions"]] == [["France"], []]
    assert not (tmp_path.parent / "embeddings").exists()


def test_eval_end_to_end_on_the_gold_file(default_index_dir: Path, tmp_path: Path):
    report = tmp_path / "report.md"
    args = ["eval", str(GOLD), "--index", str(default_index_dir), "--report", str(report), "--min-f1", "0.75"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Summary:" in result.stdout and "has_answer_f1" in result.stdout
    assert report.read_text(encoding="utf-8").startswith("# Evaluation of")
    failing = CliRunner().invoke(main, [*args[:-1], "0.99"])
    assert failing.exit_code == 1


def test_eval_json_has_exactly_the_documented_keys(default_index_dir: Path):
    result = CliRunner().invoke(main, ["eval", str(GOLD), "--json", "--index", str(default_index_dir)])
    keys = set(json.loads(result.stdout))
    assert keys == set(
        "n n_answerable n_unanswerable exact_match f1 has_answer_exact_match has_answer_f1 no_answer_accuracy "
        "false_abstention_rate doc_hit_at_1 doc_hit_at_5 mrr citation_precision latency_ms_p50 latency_ms_p95 "
        "questions".split()
    )
