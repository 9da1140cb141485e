"""Sanity check of the conflict-country layer: do its villages come back when a story names them?

    PYTHONPATH=. .venv/bin/python bench/eval_layer_villages.py --country SY --sample 400

Samples villages and towns that only the layer knows (not the shipped GeoNames
towns), writes each into a one-sentence story ("Clashes were reported in the
village of NAME in ADMIN1 province, COUNTRY.") under a spelling the layer holds
(its main name, or with ``--variant`` another Latin variant of the extract),
geoparses it and counts the share placed within 10 km of the village. This is a
synthetic self-check (the names come from the layer itself and many village
names repeat within a country), not a dev-set score.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.eval_geo import distance_km  # noqa: E402
from sitrep.places import geoparse, load_gazetteer  # noqa: E402
from sitrep.places.gazetteer import LAYER_PATH  # noqa: E402
from sitrep.places.normalize import strip_diacritics  # noqa: E402

COUNTRY_NAMES = {"SY": "Syria", "IQ": "Iraq", "YE": "Yemen", "LY": "Libya", "AF": "Afghanistan", "SO": "Somalia",
                 "SD": "Sudan", "UA": "Ukraine", "ML": "Mali", "NG": "Nigeria", "CD": "the Democratic Republic of Congo"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--country", default="SY", choices=sorted(COUNTRY_NAMES))
    ap.add_argument("--sample", type=int, default=400)
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    gaz = load_gazetteer()
    con = sqlite3.connect(f"file:{LAYER_PATH}?mode=ro", uri=True)
    rows = con.execute("SELECT id, name, admin1_code, lat5, lon5 FROM places WHERE country = ? AND shipped = 0"
                       " AND feature = 0", (args.country,)).fetchall()
    random.Random(args.seed).shuffle(rows)
    rows = rows[: args.sample]
    admin1 = {code: strip_diacritics(gaz.place(i).name) for (cc, code), i in gaz.admin1.items() if cc == args.country}
    country = COUNTRY_NAMES[args.country]
    within = found = 0
    for _rid, name, code, lat5, lon5 in rows:
        area = admin1.get(code, "")
        text = f"Clashes were reported in the village of {name} in {area} province, {country}. {country} denied it."
        start = text.index(name)
        ms = [m for m in geoparse(text, gaz) if m.start < start + len(name) and start < m.end and m.lat is not None]
        if ms:
            found += 1
            within += distance_km(lat5 / 1e5, lon5 / 1e5, ms[0].lat, ms[0].lon) <= 10  # type: ignore[arg-type]
    n = len(rows)
    print(f"{args.country}: {n} layer-only villages; resolved {100 * found / n:.1f} %, "
          f"within 10 km {100 * within / n:.1f} %")


if __name__ == "__main__":
    main()
