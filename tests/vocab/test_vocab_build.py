"""tools/build_vocab.py: the committed generated files are exactly what it writes."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType

import pytest
from vocab_helpers import GENERATED, SHARED_VOCAB, VOCAB_DIR


@pytest.fixture(scope="module")
def built(build_vocab: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("vocab")
    counts = build_vocab.build(SHARED_VOCAB, out)
    assert counts == {
        "ewc": 20 + 111 + 842,
        "nace": 996,
        "naf": 21 + 88 + 272 + 615 + 732,
        "treatment": 29,
    }
    return out


@pytest.mark.parametrize("name", GENERATED)
def test_regenerating_gives_the_committed_files_byte_for_byte(built: Path, name: str) -> None:
    assert (built / f"{name}.ttl").read_bytes() == (VOCAB_DIR / f"{name}.ttl").read_bytes(), (
        f"data/vocab/{name}.ttl is stale or hand-edited: run `make vocab`"
    )


def test_only_the_generated_files_are_written(built: Path) -> None:
    assert sorted(p.name for p in built.iterdir()) == sorted(f"{n}.ttl" for n in GENERATED)


def _sources(tmp_path: Path) -> Path:
    source = tmp_path / "source"
    shutil.copytree(SHARED_VOCAB, source)
    return source


def test_a_code_missing_from_the_french_list_fails_loudly(
    build_vocab: ModuleType, tmp_path: Path
) -> None:
    source = _sources(tmp_path)
    path = source / "fr_liste_dechets_codes_trackdechets.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith('"01 03 04*"')]
    assert len(kept) == len(lines) - 1
    path.write_text("".join(kept), encoding="utf-8")
    with pytest.raises(build_vocab.VocabError, match=r"only in FR \[\], only in EN \['010304'\]"):
        build_vocab.build(source, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_hazardous_flag_disagreement_fails_loudly(
    build_vocab: ModuleType, tmp_path: Path
) -> None:
    source = _sources(tmp_path)
    path = source / "fr_liste_dechets_codes_trackdechets.csv"
    text = path.read_text(encoding="utf-8")
    assert text.count('"01 03 04*"') == 1
    path.write_text(text.replace('"01 03 04*"', '"01 03 04"'), encoding="utf-8")
    with pytest.raises(build_vocab.VocabError, match="disagree on whether 010304 is hazardous"):
        build_vocab.build(source, tmp_path / "out")


def test_the_command_line_reports_errors_and_exits_1(
    build_vocab: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = build_vocab.main(["--source", str(tmp_path / "nowhere"), "--out", str(tmp_path)])
    assert status == 1
    assert "no such directory" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
