# One command sets up everything it needs: `make chat`, `make ask Q="..."`, `make test`.
VENV   := .venv
PYTHON := $(VENV)/bin/python
QA     := $(VENV)/bin/qa
STAMP  := $(VENV)/.installed
TORCH  := torch==2.13.0

export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: setup chat ask index test bench lint format clean

setup: $(STAMP)

# torch goes in first and exactly pinned: the CPU wheel on local disk, never a CUDA build.
$(STAMP): pyproject.toml
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet $(TORCH)
	$(PYTHON) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

ask: setup
	@test -n "$(Q)" || { echo 'usage: make ask Q="your question"' >&2; exit 2; }
	@$(QA) ask "$(Q)"

index: setup
	$(QA) index

lint: setup
	$(VENV)/bin/ruff check qa tui tests
	$(VENV)/bin/ruff format --check qa tui tests

format: setup
	$(VENV)/bin/ruff format qa tui tests
	$(VENV)/bin/ruff check --fix qa tui tests

test: lint
	$(VENV)/bin/pytest

clean:
	rm -rf $(VENV) embeddings/*/ embeddings/.*-* embeddings/.models

chat: setup
	$(QA) chat

# PASSAGES=N also measures a large corpus (needs Debian's python3.11-doc).
bench: setup
	$(QA) bench $(if $(PASSAGES),--passages $(PASSAGES))
