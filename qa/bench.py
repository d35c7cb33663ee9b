"""`qa bench`: the figures behind "fast from the first keystroke", measured on this machine.

Timings come from fresh processes where a user would start one (cold `qa ask`, the chat window) and
from a loaded answerer where a user keeps one (warm answering, as in the chat or `qa eval`).
"""

from __future__ import annotations

import html.parser
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from qa.settings import DEFAULT_CORPUS, PROJECT_ROOT, Settings

# Debian packages of HTML manuals: real English prose for the large benchmark corpus, in the order used.
DOC_PACKAGES = {
    "python3.11-doc": Path("/usr/share/doc/python3.11/html"),
    "linux-doc-6.1": Path("/usr/share/doc/linux-doc-6.1/html"),
    "postgresql-doc-15": Path("/usr/share/doc/postgresql-doc-15/html"),
    "python-django-doc": Path("/usr/share/doc/python-django-doc/html"),
    "python-scipy-doc": Path("/usr/share/doc/python-scipy-doc/html"),
    "git-doc": Path("/usr/share/doc/git-doc"),
    "racket-doc": Path("/usr/share/doc/racket"),
}
WORDS_PER_PASSAGE = 62  # article words per passage, measured (5.5M words made 90,917), to size a corpus
LARGE_CORPUS_PASSAGES = 2_000  # above this, build once and time raw encoding on a sample this size
# Starts the chat (its index "fails" to load, so nothing heavy runs) and prints the wall-clock time at
# which the first screen is ready; the parent subtracts the time it launched the process.
CHAT_PROBE = """
import sys, time
from tui.app import ChatApp

def no_index(notify):
    raise RuntimeError("benchmark: no index")

async def on_screen(pilot):
    sys.__stdout__.write(f"{time.time()}\\n")
    sys.__stdout__.flush()
    await pilot.exit(None)

ChatApp(no_index, "bench").run(headless=True, auto_pilot=on_screen)
"""
Say = Callable[[str], None]


def median_wall(command: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    """Median wall time in seconds of `runs` fresh processes."""
    return timed(
        lambda: subprocess.run(command, capture_output=True, check=True, env=env, cwd=PROJECT_ROOT, timeout=600),
        runs,
    )


# Linux keeps a process's peak memory across fork and exec, so a child of this process, once it holds
# PyTorch, would report at least this process's size. A small interpreter starts the command instead and
# reports its peak: the command is forked from that small process.
MEASURED_RUN = """
import os, sys
pid = os.fork()
if pid == 0:
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def peak_rss_mb(command: list[str]) -> tuple[float, float]:
    """(wall seconds, peak resident memory in MiB) of one child process."""
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-c", MEASURED_RUN, *command], capture_output=True, text=True, cwd=PROJECT_ROOT
    )
    wall = time.perf_counter() - started
    maxrss_kib, status = (int(x) for x in run.stdout.split())
    if status != 0:
        raise RuntimeError(f"{' '.join(command)} failed with status {status}")
    return wall, maxrss_kib / 1024


def chat_window_seconds(runs: int) -> float:
    """Median time from launching the chat to its first screen."""
    times = []
    for _ in range(runs):
        launched = time.time()
        done = subprocess.run(
            [sys.executable, "-c", CHAT_PROBE],
            capture_output=True,
            text=True,
            cwd=PROJECT_ROOT,
            timeout=120,
            check=True,
        )
        times.append(float(done.stdout.split()[0]) - launched)
    return statistics.median(times)


def timed(work: Callable[[], object], repeats: int = 1) -> float:
    """Median seconds a call of `work` takes, over `repeats` calls."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def percentile(values: list[float], q: int) -> float:
    """The q-th percentile."""
    return float(np.percentile(np.array(values), q))


def questions_for(corpus: Path, store, count: int = 60) -> list[str]:
    """The gold questions for the default corpus; for another, questions made from its sentences."""
    gold = PROJECT_ROOT / "corpus" / "gold.jsonl"
    if corpus.resolve() == DEFAULT_CORPUS.resolve() and gold.is_file():
        from qa.evaluate import load_gold

        return [turn.question for item in load_gold(gold) for turn in item.turns][:count]
    rng = random.Random(7)
    picked = rng.sample(range(len(store.sentences)), min(count, len(store.sentences)))
    stems = ("What did", "Who", "When did", "Where did", "How many")
    return [f"{rng.choice(stems)} {' '.join(store.sentence_text(i).split()[:8])}?" for i in picked]


def run_benchmark(corpus: Path, say: Say, runs: int = 5) -> dict:
    """Every figure for one corpus: build throughput and memory, cold start, warm latency, chat window."""
    from qa.index import load_index
    from qa.pipeline import open_answerer

    qa_command = [sys.executable, "-m", "qa"]
    figures: dict = {"cores": os.cpu_count(), "corpus": str(corpus)}
    with tempfile.TemporaryDirectory(prefix="qa-bench-") as scratch:
        index_dir = Path(scratch) / "index"
        say("Building the index in a separate process (peak memory)…")
        wall, rss = peak_rss_mb([*qa_command, "index", "--full", "--corpus", str(corpus), "--index", str(index_dir)])
        figures.update(build_wall_s=round(wall, 2), build_peak_rss_mb=round(rss, 1))

        say("Cold `qa ask` in fresh processes…")
        question = "Who was the armorer on the set?"
        ask = [*qa_command, "ask", question, "--corpus", str(corpus), "--index", str(index_dir)]
        figures["cold_ask_s"] = round(median_wall(ask, runs), 3)
        figures["import_sentence_transformers_s"] = round(
            median_wall([sys.executable, "-c", "import sentence_transformers"], max(1, runs // 2)), 3
        )
        figures["cold_ask_vs_import"] = round(figures["cold_ask_s"] / figures["import_sentence_transformers_s"], 3)
        _, figures["cold_ask_peak_rss_mb"] = (round(x, 1) for x in peak_rss_mb(ask))
        figures["chat_window_s"] = round(chat_window_seconds(runs), 3)

        say("Index build throughput against raw model.encode on the same passages…")
        store = load_index(index_dir).store
        figures.update(build_throughput(corpus, store, Path(scratch) / "again", wall))

        say("Warm answering…")
        answerer = open_answerer(Settings(corpus=corpus, index=index_dir))
        latencies = []
        for q in questions_for(corpus, store):
            started = time.perf_counter()
            answerer.ask(q)
            latencies.append((time.perf_counter() - started) * 1000)
        figures.update(
            warm_questions=len(latencies),
            warm_p50_ms=round(percentile(latencies, 50), 2),
            warm_p95_ms=round(percentile(latencies, 95), 2),
        )
        manifest = answerer.index.manifest
        figures.update(index_type=manifest.index_type, index_params=manifest.index_params)
        if manifest.index_type != "flat-ip":
            figures["recall_at_10"] = recall_at_10(answerer, index_dir, questions_for(corpus, store, 200))
    return figures


def build_throughput(corpus: Path, store, scratch: Path, build_wall: float) -> dict:
    """Passages per second of a whole index build against raw `model.encode` of the same passages.

    A small corpus is rebuilt in this process with every model loaded and warm (the median of three
    builds, against the median of three encodings); a large one keeps the timing of its one build above,
    whose model loading is then noise, against one encoding of a sample of its passages.
    """
    from qa.encoder import SentenceTransformerEncoder
    from qa.index import build_index
    from qa.nlp import analyse, load_pipeline
    from qa.pipeline import load_encoder

    settings = Settings(corpus=corpus)
    build_encoder, reference = load_encoder(settings), SentenceTransformerEncoder(settings.model)
    texts = [p.text for p in store.passages]
    sample = random.Random(7).sample(texts, min(len(texts), LARGE_CORPUS_PASSAGES))
    build_encoder.encode(sample[:32]), reference.encode(sample[:32])  # first calls allocate: warm both
    repeats = 1 if len(texts) > LARGE_CORPUS_PASSAGES else 3
    if len(texts) > LARGE_CORPUS_PASSAGES:
        build_seconds = build_wall
    else:
        analyse(load_pipeline(), "Every model runs once before timing: throughput, not start-up.")
        build_seconds = timed(lambda: build_index(corpus, scratch, build_encoder, reuse=False), 3)
    figures = {
        "build_encoder": type(build_encoder).__name__,
        "passages": len(texts),
        "sentences": len(store.sentences),
        "build_passages_per_s": round(len(texts) / build_seconds, 1),
        "raw_encode_passages_per_s": round(len(sample) / timed(lambda: reference.encode(sample), repeats), 1),
    }
    if not isinstance(build_encoder, SentenceTransformerEncoder):
        seconds = timed(lambda: build_encoder.encode(sample), repeats)
        figures["raw_build_encoder_passages_per_s"] = round(len(sample) / seconds, 1)
    figures["build_vs_raw_encode"] = round(figures["build_passages_per_s"] / figures["raw_encode_passages_per_s"], 3)
    return figures


def recall_at_10(answerer, index_dir: Path, questions: list[str]) -> float:
    """Share of the exact top 10 passages that the approximate index also returns."""
    exact = np.load(index_dir / "passage_vectors.npy", mmap_mode="r")
    queries = answerer.retriever.encoder.encode(questions)
    found = 0
    for query in queries:
        truth = set(np.argsort(-(exact @ query), kind="stable")[:10].tolist())
        _, ids = answerer.index.vectors.search(query[None, :], 10)
        found += len(truth & set(ids[0].tolist()))
    return round(found / (10 * len(questions)), 4)


class ParagraphParser(html.parser.HTMLParser):
    """Collects the text of every <p> element of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.paragraphs: list[str] = []
        self.depth = 0
        self.current: list[str] = []

    def handle_starttag(self, tag, attrs):
        """When a paragraph opens."""
        if tag == "p":
            self.depth += 1
            self.current = []

    def handle_endtag(self, tag):
        """When a paragraph closes: keep it if it is prose."""
        if tag == "p" and self.depth:
            self.depth -= 1
            text = " ".join("".join(self.current).split())
            if len(text.split()) >= 12:
                self.paragraphs.append(text)

    def handle_data(self, data):
        """Text inside a paragraph."""
        if self.depth:
            self.current.append(data)


def large_corpus(passages: int, folder: Path, say: Say) -> Path:
    """About `passages` passages of real English, never repeated: the distinct paragraphs of the HTML
    manuals that Debian's documentation packages install (`DOC_PACKAGES`), grouped 20 to an article."""
    missing = [package for package, root in DOC_PACKAGES.items() if not root.is_dir()]
    if len(missing) == len(DOC_PACKAGES):
        raise SystemExit(f"the large corpus needs Debian's manuals: apt-get install {' '.join(missing)}")
    words_needed, words, paragraphs, seen = passages * WORDS_PER_PASSAGE, 0, [], set()
    for root in (root for root in DOC_PACKAGES.values() if root.is_dir()):
        for page in sorted(root.rglob("*.html")):
            parser = ParagraphParser()
            parser.feed(page.read_text(encoding="utf-8", errors="replace"))
            for text in parser.paragraphs:
                if text not in seen and words < words_needed:
                    seen.add(text)
                    paragraphs.append(text)
                    words += len(text.split())
    folder.mkdir(parents=True, exist_ok=True)
    for number, start in enumerate(range(0, len(paragraphs), 20)):
        body = "\n\n".join(paragraphs[start : start + 20])
        (folder / f"doc{number:06d}.txt").write_text(f"Manual excerpt {number + 1}\n\n{body}\n", encoding="utf-8")
    short = ""
    if words < words_needed:  # every distinct paragraph is used and it is not enough for N passages
        short = f" (all there is; not installed: {', '.join(missing)})" if missing else " (all there is)"
    say(f"Large corpus: {len(paragraphs):,} distinct paragraphs, {words:,} words, in {folder}{short}")
    return folder


def report(figures: dict) -> str:
    """The figures as aligned lines."""
    return "\n".join(f"  {key:<32} {value}" for key, value in figures.items())
