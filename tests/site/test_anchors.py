"""The anchor contract: every published anchor keeps resolving; renames need an alias.

``tests/site/anchors.txt`` lists every ``page/#id`` ever published. A line may never be removed. If
a step, document or pitfall is renamed, add ``old_id: new_id`` to ``data/aliases.yaml``: the page
then carries an empty element with the old id next to the renamed record, and the old link works.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.content import load_content
from tests.site.html_index import read_site

ANCHORS = Path(__file__).with_name("anchors.txt")


def published() -> list[str]:
    lines = ANCHORS.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def current() -> set[str]:
    content = load_content()
    return {f"{page[:-3]}/#{rid}" for page, ids in content.anchors().items() for rid in ids}


def test_anchor_list_has_no_duplicates() -> None:
    assert len(published()) == len(set(published()))


def test_every_anchor_from_data_is_in_the_list() -> None:
    missing = sorted(current() - set(published()))
    assert not missing, "new anchors: add these lines to tests/site/anchors.txt:\n" + "\n".join(
        missing
    )


def test_removed_anchors_have_an_alias() -> None:
    content = load_content()
    aliases = content.data["aliases"] or {}
    ids = {line.split("#", 1)[1] for line in current()}
    gone = [line for line in published() if line.split("#", 1)[1] not in ids]
    unaliased = [line for line in gone if line.split("#", 1)[1] not in aliases]
    assert not unaliased, (
        "these published anchors no longer exist; add 'old_id: new_id' to data/aliases.yaml:\n"
        + "\n".join(unaliased)
    )


@pytest.mark.site
def test_every_published_anchor_resolves_in_the_built_site(built_site: Path) -> None:
    pages = read_site(built_site)
    unresolved = []
    for line in published():
        url, anchor = line.split("#", 1)
        if url not in pages or anchor not in pages[url].ids:
            unresolved.append(line)
    assert not unresolved, "anchors that no longer resolve:\n" + "\n".join(unresolved)
