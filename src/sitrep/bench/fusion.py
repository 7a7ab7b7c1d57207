"""`sitrep bench fusion`: fusion time and memory on synthetic reports (never a timed unit test).

`fusion_bench`: synthetic incident reports, as many as asked, fused in one
`Fuser`; each size is timed on its own so the growth with corpus size shows.
"""

from __future__ import annotations

import datetime as dt
import random
import resource
import time
from collections.abc import Iterator

from ..fusion import Fuser, Report
from ..model import Count, DateRange, Incident, Location

# Synthetic world: 150 countries, ten years, a few reports per event.
COUNTRIES = [f"C{i:03d}" for i in range(150)]
START_DAY, DAYS = dt.date(2010, 1, 1), 3650
TYPES = ["armed_assault", "bombing", "armed_clash", "protest", "riot", "kidnapping", "shelling"]
WORDS = ("gunmen attacked police checkpoint market bomb exploded protesters rallied troops clashed militants "
         "village convoy killed wounded district officials said residents station mosque school").split()


def synthetic_reports(count: int, *, seed: int = 0) -> Iterator[Report]:
    """`count` reports of about count/2 events: each event told by one to three articles."""
    rng = random.Random(seed)
    made = 0
    event = 0
    while made < count:
        event += 1
        country = rng.choice(COUNTRIES)
        day = START_DAY + dt.timedelta(days=rng.randrange(DAYS))
        lat, lon = rng.uniform(-40, 60), rng.uniform(-100, 140)
        kind, killed = rng.choice(TYPES), rng.randrange(0, 30)
        words = rng.sample(WORDS, 8)
        for telling in range(min(rng.randint(1, 3), count - made)):
            location = Location.model_construct(name=f"town-{event}", admin1=f"{country}-{event % 20}",
                                                country_code=country, lat=lat, lon=lon, precision="city")
            incident = Incident.model_construct(
                id=f"e{event}-{telling}", type=kind,
                date=DateRange.model_construct(start=day, end=day, precision="day", text=None),
                location=location, targets=[], weapons=[], perpetrators=[],
                fatalities=Count.model_construct(min=killed + telling, max=killed + telling, qualifier="exact"),
                injuries=None, perpetrator_fatalities=None, context=[], evidence=[], confidence=0.8)
            yield Report(id=f"e{event}-{telling}", article_id=f"a{event}-{telling}", incident=incident,
                         published=day + dt.timedelta(days=telling), text=" ".join(rng.sample(words, 6)))
            made += 1


def fusion_bench(sizes: list[int]) -> list[dict]:
    """Time `Fuser.add` over synthetic reports for each size; report rate and peak memory (of the process)."""
    results = []
    for size in sizes:
        fuser = Fuser()
        seconds = 0.0
        for report in synthetic_reports(size):  # made on the fly: only fusion's own memory grows
            started = time.perf_counter()
            fuser.add(report)
            seconds += time.perf_counter() - started
        results.append({"reports": size, "incidents": len(fuser.incidents), "seconds": round(seconds, 2),
                        "reports_per_second": round(size / seconds) if seconds else None,
                        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)})
    return results
