"""Headless Chromium (Debian's ``chromium``) driven over the DevTools protocol."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eitkg.http.templating import STATIC_DIR

from .cdp import Chromium, find_chromium


@pytest.fixture(scope="session")
def chromium_binary() -> str:
    binary = find_chromium()
    if binary is None:
        pytest.fail(
            "Chromium is not installed: run tools/install_system_deps.sh "
            "(Debian package 'chromium')",
            pytrace=False,
        )
    return binary


@pytest.fixture(scope="session")
def bundled_assets() -> None:
    missing = [
        p for p in ("yasgui/yasgui.min.js", "leaflet/leaflet.js") if not (STATIC_DIR / p).is_file()
    ]
    if missing:
        pytest.fail(
            f"front-end bundles missing ({', '.join(missing)}): run tools/build_assets.sh",
            pytrace=False,
        )


@pytest.fixture
def browser(chromium_binary: str, bundled_assets: None) -> Iterator[Chromium]:
    page = Chromium(chromium_binary)
    try:
        yield page
    finally:
        page.close()
