"""Civilian-harm incidents on the Strikes map, under AppTest: a Bellingcat export (written here as the reference
describes it) imported into a copy of data/ is drawn as its own layer, never among or counted as the strikes."""

import json
import shutil
from pathlib import Path

from streamlit.testing.v1 import AppTest

from apptests import TIMEOUT
from conflictdesk.__main__ import main

ROOT = Path(__file__).resolve().parents[1]
SUMY_INCIDENT = {
    "id": "CIV1001",
    "date": "04/13/2025",  # month-first, as the export writes dates
    "latitude": "50.9077",
    "longitude": "34.7981",
    "location": "Sumy, city centre",
    "description": "[Graphic] Bodies in the street after the strike on the city centre.",
    "sources": [{"id": "s1", "path": "https://t.me/example/1", "description": "Video"}],
    "filters": [{"key": "Type of area affected", "value": "Residential"}],
}


def folder_with_incidents(tmp: Path) -> Path:
    folder = tmp / "data"
    shutil.copytree(ROOT / "data", folder)
    export = tmp / "civharm.json"
    export.write_text(json.dumps([SUMY_INCIDENT]), encoding="utf-8")
    assert main(["import", "bellingcat", str(export), "--out", str(folder), "--merge"]) == 0
    return folder


def test_incidents_are_their_own_layer_and_never_strikes(tmp_path, monkeypatch):
    """The Sumy incident is in the civilian-harm layer with its warning and words, the strike layers hold the two
    strikes as before, and the caption names the layer and says incidents are never counted as strikes."""
    monkeypatch.setenv("CONFLICTDESK_DATA", str(folder_with_incidents(tmp_path)))
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    at.switch_page("pages/map.py").run()
    assert not at.exception
    drawn = json.loads(at.get("deck_gl_json_chart")[0].proto.json)["layers"]
    layers = {layer["id"]: layer for layer in drawn}
    order = [layer["id"] for layer in drawn]  # later layers are drawn on top: a dot must never hide a strike's ring
    assert order.index("civilian-harm-incidents") < min(order.index(name) for name in order if name.startswith("strike-"))
    (incident,) = layers["civilian-harm-incidents"]["data"]
    assert incident["tooltip"].startswith("Civilian-harm incident (Bellingcat): not a strike")
    assert "Bodies in the street" in incident["tooltip"]
    strikes = [row["strike_id"] for name, layer in layers.items() if name.startswith("strike-")
               for row in layer["data"]]  # fmt: skip
    assert sorted(strikes) == ["odesa-2025-04-21", "sumy-2025-04-13"]
    captions = "\n".join(c.value for c in at.caption)
    assert "Civilian-harm incidents (Bellingcat), purple dots on a layer of their own: 1 incident" in captions
    assert "never counted with them" in captions


def test_without_incidents_the_map_has_no_such_layer(monkeypatch):
    monkeypatch.delenv("CONFLICTDESK_DATA", raising=False)
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    at.switch_page("pages/map.py").run()
    layers = [layer["id"] for layer in json.loads(at.get("deck_gl_json_chart")[0].proto.json)["layers"]]
    assert "civilian-harm-incidents" not in layers
    assert "Civilian-harm" not in "\n".join(c.value for c in at.caption)
