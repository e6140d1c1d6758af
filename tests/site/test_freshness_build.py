"""Facts that age visibly, in real builds: KB_TODAY moves the build date; stale facts are marked
and listed, and the build still succeeds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kb.content import Content, load_content
from tests.site.html_index import read_site, section, text_of

pytestmark = pytest.mark.site
ROOT = Path(__file__).resolve().parents[2]


def build(out: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` (not quiet: the stale list is information) with extra env vars."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


@pytest.fixture(scope="module")
def late_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("late-site")
    result = build(out, KB_TODAY="2028-06-01")
    assert result.returncode == 0, result.stdout + result.stderr
    return out, result.stdout + result.stderr


def test_a_build_today_marks_nothing(built_site: Path) -> None:
    for url, page in read_site(built_site).items():
        if page.path.suffix == ".html":
            assert "data-stale=" not in page.path.read_text(encoding="utf-8"), url


def test_a_late_build_marks_every_step(late_build: tuple[Path, str], content: Content) -> None:
    out, _log = late_build
    guide = (out / "guide" / "index.html").read_text(encoding="utf-8")
    label = content.recheck["label"]
    for step_id, step in content.steps.items():
        block = section(guide, step_id)
        assert f'data-stale="{step["verified"].isoformat()}"' in block, step_id
        assert label in text_of(block), step_id


def test_a_late_build_marks_pitfalls_documents_and_the_status(
    late_build: tuple[Path, str], content: Content
) -> None:
    out, _log = late_build
    pitfalls = (out / "pitfalls" / "index.html").read_text(encoding="utf-8")
    for pitfall_id in content.pitfalls:
        assert "data-stale=" in section(pitfalls, pitfall_id), pitfall_id
    documents = (out / "documents" / "index.html").read_text(encoding="utf-8")
    for document_id in content.documents:
        assert "data-stale=" in section(documents, document_id), document_id
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "data-stale=" in home


def test_the_build_lists_the_stale_facts_and_succeeds(
    late_build: tuple[Path, str], content: Content
) -> None:
    _out, log = late_build
    months = content.recheck["months"]
    assert f"last checked more than {months} months before 2028-06-01" in log
    assert "data/steps.yaml: step 'egov_application' (verified " in log
    assert "WARNING" not in log


def test_a_bad_kb_today_stops_the_build(tmp_path: Path) -> None:
    result = build(tmp_path / "out", KB_TODAY="next year")
    assert result.returncode != 0
    assert "KB_TODAY: 'next year' is not a date (write it as YYYY-MM-DD)" in result.stdout + result.stderr
