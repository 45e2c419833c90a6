"""tools/make_demo.py refuses sources that contradict the vocabularies or each other."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import REPO, VOCAB_DIR

SOURCE = REPO / "data" / "demo" / "source"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    copy = tmp_path / "source"
    shutil.copytree(SOURCE, copy)
    return copy


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _fails(make_demo: ModuleType, source: Path, tmp_path: Path) -> str:
    with pytest.raises(make_demo.DemoError) as caught:
        make_demo.generate(tmp_path / "out", source=source, vocab_dir=VOCAB_DIR)
    assert not (tmp_path / "out" / "demo.ttl").exists()
    return str(caught.value)


def test_a_by_product_cannot_carry_a_waste_code(
    make_demo: ModuleType, source: Path, tmp_path: Path
) -> None:
    _edit(
        source / "flows.csv",
        '"Brisures et biscuits déclassés",,',
        '"Brisures et biscuits déclassés",020601,',
    )
    message = _fails(make_demo, source, tmp_path)
    assert message == (
        "flows.csv row 30 (DEMO-PIPA-0029): a flow with an EWC code has the material status 'waste'"
    )


def test_an_unknown_resource_category_is_refused(
    make_demo: ModuleType, source: Path, tmp_path: Path
) -> None:
    _edit(
        source / "flows.csv",
        "DEMO-PIPA-0001,plasturgie-plaine,out,polyethylene,",
        "DEMO-PIPA-0001,plasturgie-plaine,out,polyethylen,",
    )
    message = _fails(make_demo, source, tmp_path)
    assert message == (
        "flows.csv row 2 (DEMO-PIPA-0001): resource "
        "https://w3id.org/eitkg/vocab/resource/polyethylen is not in data/vocab"
    )


def test_a_synergy_cannot_publish_a_confidential_flow(
    make_demo: ModuleType, source: Path, tmp_path: Path
) -> None:
    _edit(source / "synergies.yaml", "received: DEMO-ROUS-0001", "received: DEMO-ROUS-0007")
    message = _fails(make_demo, source, tmp_path)
    assert message == (
        "vapeur-valorisation-thermique-silicones: "
        "a published synergy cannot link a confidential flow"
    )


def test_yearly_quantity_follows_the_period_and_unit_factor(make_demo: ModuleType) -> None:
    vocab = make_demo.load_vocab(VOCAB_DIR)
    unit = "http://qudt.org/vocab/unit/KiloGM"
    week = "https://w3id.org/eitkg/vocab/period/week"
    assert vocab.units[unit][0] == "http://qudt.org/vocab/unit/TONNE"
    assert vocab.units[unit][1] * vocab.times_per_year[week] == 52 * vocab.units[unit][1]
    assert make_demo.decimal("1500").value == "1500.0"
    assert make_demo.decimal("0.800").value == "0.8"
    assert (
        vocab.resource_top["https://w3id.org/eitkg/vocab/resource/steam-low-pressure"] == "energy"
    )
