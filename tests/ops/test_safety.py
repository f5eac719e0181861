"""Promise 8: identity and secrets only from the environment, nothing fetched becomes a path or
code, SQL is parameterised, and `minerwatch sql` can only read."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from extractors.edgar.urls import document_url
from extractors.settings import Settings, load_settings
from tests.ops.conftest import REPO

PROJECT_CODE = [p for d in ("flows", "extractors", "transforms", "warehouse") for p in (REPO / d).rglob("*.py")]


def test_a_live_sec_run_without_identity_fails_fast_and_never_prompts(cli_env):
    env = {k: v for k, v in cli_env.items() if not k.startswith("MINERWATCH_SEC")}
    proc = subprocess.run([sys.executable, "-m", "flows.cli", "backfill", "--start", "2025-12-01", "--source", "sec"],
                          env=env, cwd=REPO, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    assert proc.stderr.strip() == ("minerwatch: error: SEC EDGAR requires a declared identity: set MINERWATCH_SEC_NAME "
                                   "and MINERWATCH_SEC_EMAIL (e.g. 'Acme Research' and 'data@acme.com'), or run with "
                                   "--offline")


def test_settings_come_from_the_environment_and_dotenv(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for key in ("MINERWATCH_SEC_NAME", "MINERWATCH_SEC_EMAIL", "MINERWATCH_DB"):
        monkeypatch.delenv(key, raising=False)
    (tmp_path / ".env").write_text("MINERWATCH_SEC_NAME=Acme Research\nMINERWATCH_SEC_EMAIL=data@acme.com\n")
    assert load_settings().sec_user_agent() == "Acme Research data@acme.com"
    monkeypatch.setenv("MINERWATCH_SEC_EMAIL", "ops@acme.com")  # the environment wins over .env
    assert load_settings().sec_user_agent() == "Acme Research ops@acme.com"


@pytest.mark.parametrize("name", ["../../../etc/passwd", "a/b.htm", "..", "", " "])
def test_names_from_a_fetched_index_never_escape_the_filing_folder(name):
    with pytest.raises(ValueError):
        document_url(Settings(), 1167419, "0001558370-25-016142", name)


def test_no_project_code_executes_or_shells_out_to_fetched_text():
    forbidden = re.compile(r"\b(eval|exec)\(|shell\s*=\s*True|pickle\.loads|os\.system\(|yaml\.load\(")
    hits = [f"{p.relative_to(REPO)}:{i}" for p in PROJECT_CODE
            for i, line in enumerate(p.read_text().splitlines(), 1) if forbidden.search(line)]
    assert hits == []


def test_values_reach_sql_as_parameters_not_text():
    """Values from documents go through `?` parameters or registered DataFrames; SQL text is built
    only from identifiers the code itself names. Flag f-strings that splice a value-looking name."""
    suspicious = re.compile(r"execute\(f[\"'].*\{(value|reason|url|text|body|evidence|ticker|accession)\b")
    hits = [f"{p.relative_to(REPO)}:{i}" for p in PROJECT_CODE
            for i, line in enumerate(p.read_text().splitlines(), 1) if suspicious.search(line)]
    assert hits == []
