"""The `sitrep` command line. Each command checks its arguments and calls the library.

Exit status: 0 when every input was read; 1 when any input failed (the rest
still went through, each failure printed on stderr with its location);
2 for a usage error.
"""

from __future__ import annotations

import json
import logging
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from . import __version__, cli_store, cli_web
from .model import Document, InputError
from .pipeline import process_paths
from .render import render_document
from .web.cache import DEFAULT_CACHE_MB

app = typer.Typer(help="Turn news about political violence into sourced, structured data.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


@app.callback()
def main_options(
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, help="-v for progress details, -vv for debugging."),
) -> None:
    level = {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders, JSONL corpora, RSS/Atom feeds, or - for stdin."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="text for people; json or jsonl for programs."),
) -> None:
    """Extract incidents, actors, relations, statements and places from news articles.

    Example:

    \b
        sitrep extract examples/quetta-police-college-2016-10-26.txt
        sitrep extract corpus.jsonl --format jsonl > results.jsonl
    """
    documents: list[Document] = []
    failures = 0
    out = Console(highlight=False, soft_wrap=True)
    for result in process_paths(paths):
        if isinstance(result, InputError):
            failures += 1
            err.print(f"error: {result.origin}: [{result.code}] {result.message}", markup=False)
            continue
        if output_format is OutputFormat.jsonl:
            sys.stdout.write(result.model_dump_json() + "\n")
            sys.stdout.flush()
        elif output_format is OutputFormat.text:
            render_document(out, result)
        else:
            documents.append(result)
    if output_format is OutputFormat.json:
        payload = [d.model_dump(mode="json") for d in documents]
        json.dump(payload[0] if len(payload) == 1 else payload, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    if failures:
        raise typer.Exit(code=1)


@app.command()
def schema(output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout.")) -> None:
    """Print the JSON Schema of the output (one Document per article).

    Example:

    \b
        sitrep schema -o docs/schema.json
    """
    text = json.dumps(Document.model_json_schema(), indent=2, sort_keys=True) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


actors_app = typer.Typer(help="Look up actors in the registry (search, show) or in the knowledge base (list).",
                         no_args_is_help=True)
app.add_typer(actors_app, name="actors")


@actors_app.command("search")
def actors_search(
    name: str = typer.Argument(..., help="A name, alias or acronym, any spelling."),
    limit: int = typer.Option(10, "--limit", "-n", min=1, help="How many matches to show."),
    json_output: bool = typer.Option(False, "--json", help="Print a JSON list."),
) -> None:
    """Find actors by name, alias or acronym (fuzzy).

    Example:

    \b
        sitrep actors search "Lashkar-i-Jhangvi"
    """
    from .registry import Registry

    matches = Registry.default().search(name, limit=limit)
    if json_output:
        typer.echo(json.dumps([{"id": e.id, "name": e.name, "kind": e.kind, "country_code": e.country_code,
                                "score": round(score, 1)} for e, score in matches], indent=2))
        return
    if not matches:
        err.print(f"no actor matches {name!r}", markup=False)
        raise typer.Exit(code=1)
    for entry, score in matches:
        typer.echo(f"{score:5.1f}  {entry.id:40}  {entry.name} ({entry.kind}{', ' + entry.country_code if entry.country_code else ''})")


@actors_app.command("show")
def actors_show(
    actor_id: str = typer.Argument(..., help="An actor id, as printed by `sitrep actors search`."),
    json_output: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show an actor: aliases, parent, factions and the relations the registry knows.

    Example:

    \b
        sitrep actors show lashkar-e-jhangvi
    """
    from .registry import Registry

    registry = Registry.default()
    entry = registry.get(actor_id)
    if entry is None:
        suggestions = ", ".join(e.id for e, _ in registry.search(actor_id, limit=3))
        err.print(f"error: no actor with id {actor_id!r}" + (f"; did you mean: {suggestions}" if suggestions else ""),
                  markup=False)
        raise typer.Exit(code=1)
    parent = registry.get(entry.parent_id) if entry.parent_id else None
    factions = registry.factions(entry.id)
    if json_output:
        typer.echo(json.dumps({
            "id": entry.id, "name": entry.name, "aliases": list(entry.aliases), "kind": entry.kind,
            "country_code": entry.country_code, "active": entry.active, "source": entry.source,
            "parent": {"id": parent.id, "name": parent.name} if parent else None,
            "factions": [{"id": f.id, "name": f.name} for f in factions],
        }, indent=2, ensure_ascii=False))
        return
    typer.echo(f"{entry.name}  [{entry.id}]")
    rows = [
        ("kind", entry.kind),
        ("country", entry.country_code or "—"),
        ("active", entry.active or "unknown"),
        ("aliases", ", ".join(entry.aliases) or "—"),
        ("parent", f"{parent.name} [{parent.id}]" if parent else "—"),
        ("factions", ", ".join(f"{f.name} [{f.id}]" for f in factions) or "—"),
        ("source", entry.source),
    ]
    for label, value in rows:
        typer.echo(f"  {label:9} {value}")


eval_app = typer.Typer(help="Score extraction on human-coded benchmarks (see docs/results.md).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

JsonOption = typer.Option(False, "--json", help="Print one JSON object instead of a table.")
PredictionsOption = typer.Option(None, "--predictions", help="Write what sitrep predicted, one JSON line per row.")
LimitOption = typer.Option(None, "--limit", min=1, help="Score only the first N rows.")


def _report(title: str, scores: dict, json_output: bool) -> None:
    if json_output:
        typer.echo(json.dumps(scores))
        return
    typer.echo(title)
    for key, value in scores.items():
        typer.echo(f"  {key:24} {value}")


def _existing(path: Path) -> Path:
    if not path.is_file():
        err.print(f"error: {path}: [E101] no such file", markup=False)
        raise typer.Exit(code=1)
    return path


@eval_app.command("acled")
def eval_acled(
    path: Path = typer.Argument(..., help="JSONL of ACLED notes: id, text, source, gold {event_class, admin1, latitude, ...}."),
    json_output: bool = JsonOption,
    predictions: Path | None = PredictionsOption,
    limit: int | None = LimitOption,
) -> None:
    """ACLED notes: event class, admin1, distance, fatalities and actors against the coded event.

    Example:

    \b
        sitrep eval acled ../shared/benchmarks/acled2015/dev.jsonl
    """
    from .evaluate import acled

    _report("ACLED notes", acled.evaluate(_existing(path), predictions=predictions, limit=limit), json_output)


@eval_app.command("fusion")
def eval_fusion(
    path: Path = typer.Argument(..., help="JSONL of reports: id, text, published, gold {event_id, deaths_low, deaths_high}."),
    json_output: bool = JsonOption,
    predictions: Path | None = PredictionsOption,
    limit: int | None = LimitOption,
) -> None:
    """Fusion across articles: pairwise and B-cubed F1 of fused incidents against gold events, and tolls.

    Example:

    \b
        sitrep eval fusion ../shared/benchmarks/ucdp-fusion/dev.jsonl --json
    """
    from .evaluate import fusion

    _report("Fusion across articles (UCDP)", fusion.evaluate(_existing(path), predictions=predictions, limit=limit),
            json_output)


@eval_app.command("mmp")
def eval_mmp(
    path: Path = typer.Argument(..., help="JSONL of Mapping Militant Organizations rows: id, text, gold relation."),
    groups: Path | None = typer.Option(None, "--groups", help="Group names to resolve to (default: groups.jsonl beside PATH)."),
    json_output: bool = JsonOption,
    predictions: Path | None = PredictionsOption,
    limit: int | None = LimitOption,
) -> None:
    """Relations between organisations: relation-type accuracy and (group1, group2, relation) F1.

    Example:

    \b
        sitrep eval mmp ../shared/benchmarks/mmp-relations/dev.jsonl --json
    """
    from .evaluate import mmp

    scores = mmp.evaluate(_existing(path), groups=groups, predictions=predictions, limit=limit)
    _report("Relations between organisations (MMP)", scores, json_output)


@eval_app.command("quotes")
def eval_quotes(
    path: Path = typer.Argument(..., help="JSONL of articles with gold attributions (PolNeAR format)."),
    json_output: bool = JsonOption,
    predictions: Path | None = PredictionsOption,
    limit: int | None = LimitOption,
) -> None:
    """Statements: content precision/recall/F1 with overlap matching, and source accuracy.

    Example:

    \b
        sitrep eval quotes ../shared/benchmarks/polnear-quotes/dev.jsonl
    """
    from .evaluate import quotes

    _report("Statements (PolNeAR attributions)", quotes.evaluate(_existing(path), predictions=predictions, limit=limit),
            json_output)


@eval_app.command("wikievents")
def eval_wikievents(
    path: Path = typer.Argument(..., help="JSONL of WikiEvents articles: id, text, sentences, event_mentions."),
    json_output: bool = JsonOption,
    predictions: Path | None = PredictionsOption,
    limit: int | None = LimitOption,
) -> None:
    """Incident roles: attacker, target, place and weapon strings against KAIROS arguments (P/R/F1).

    Example:

    \b
        sitrep eval wikievents ../shared/benchmarks/wikievents/dev.jsonl --json
    """
    from .evaluate import wikievents

    scores = wikievents.evaluate(_existing(path), predictions=predictions, limit=limit)
    _report("Incident roles (WikiEvents)", scores, json_output)


@eval_app.command("muc4")
def eval_muc4(
    path: Path = typer.Argument(..., help="JSONL of MUC-4 reports: docid, doctext, gold templates (GTT format)."),
    json_output: bool = JsonOption,
    predictions: Path | None = typer.Option(None, "--predictions",
                                            help="Write the predicted templates as GTT's {docid: {pred_templates}}."),
    limit: int | None = LimitOption,
) -> None:
    """Template filling: incident type and role (PerpInd, PerpOrg, Target, Victim, Weapon) P/R/F1, GTT's scorer.

    Example:

    \b
        sitrep eval muc4 ../shared/benchmarks/muc4/dev.jsonl
    """
    from .evaluate import muc4

    scores = muc4.evaluate(_existing(path), predictions=predictions, limit=limit)
    if json_output:
        typer.echo(json.dumps(scores))
        return
    typer.echo(f"MUC-4 template filling ({scores['documents']} reports, {scores['errors']} errors)")
    typer.echo(f"  {'':16}{'P':>8}{'R':>8}{'F1':>8}{'predicted':>11}{'gold':>7}")
    for key in (*muc4.KEYS, "micro"):
        row = scores[key]
        typer.echo(f"  {key:16}{row['precision']:8.4f}{row['recall']:8.4f}{row['f1']:8.4f}"
                   f"{row['predicted']:11}{row['gold']:7}")


train_app = typer.Typer(help="Train the learned models from benchmark train splits.", no_args_is_help=True)
app.add_typer(train_app, name="train")


@train_app.command("muc4")
def train_muc4(
    train: Path = typer.Option(Path("../shared/benchmarks/muc4/train.jsonl"), "--train",
                               help="JSONL of MUC-4 train reports with gold templates."),
    out: Path = typer.Option(Path("src/sitrep/data/models/muc4-roles.json.gz"), "--out",
                             help="Where to write the model (JSON weights, gzipped)."),
) -> None:
    """Train the role model that reads lower-cased wire reports (train split only; deterministic).

    Example:

    \b
        sitrep train muc4 --train ../shared/benchmarks/muc4/train.jsonl --out src/sitrep/data/models/muc4-roles.json.gz
    """
    from .train import muc4

    rows = list(muc4.read_rows(_existing(train)))
    docs = muc4.parse(rows)
    muc4.save(muc4.train(rows, docs, on_step=lambda step: err.print(f"{step} ...", markup=False)), out)
    typer.echo(f"wrote {out} ({out.stat().st_size:,} bytes)")


bench_app = typer.Typer()  # its help is the docstring of `bench`
app.add_typer(bench_app, name="bench")


@bench_app.callback(invoke_without_command=True)
def bench(
    context: typer.Context,
    articles: int = typer.Option(1000, "--articles", "-n", min=1, help="Articles in the corpus."),
    input_path: Path | None = typer.Option(None, "--input", help="A JSONL corpus to read instead of the benchmarks."),
    benchmarks: Path = typer.Option(Path("../shared/benchmarks"), "--benchmarks",
                                    help="The benchmarks folder (muc4/dev.jsonl and acled2015/dev.jsonl are read)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes for every stage."),
    stages: list[str] = typer.Option(["parse", "extract", "ingest"], "--stage",
                                     help="Run only this stage (parse, extract, ingest); repeat for several."),
    json_output: bool = JsonOption,
) -> None:
    """Extraction speed against the parse alone, and a full ingest, on one corpus; or `fusion`.

    Prints articles/s, tokens/s, peak memory and time for (a) the stock spaCy model's nlp.pipe,
    (b) sitrep's whole extraction, (c) an ingest into a new SQLite file, and the ratio (b)/(a).

    Example:

    \b
        sitrep bench --articles 2000 --workers 2
        sitrep bench --input corpus.jsonl --articles 500
    """
    if context.invoked_subcommand is not None:
        return
    from .bench.extraction import STAGES, run_bench
    from .errors import SitrepError

    if unknown := sorted(set(stages) - set(STAGES)):
        err.print(f"error: --stage {unknown[0]}: not one of {', '.join(STAGES)}", markup=False)
        raise typer.Exit(code=2)
    try:
        results = run_bench(articles=articles, workers=workers, benchmarks=benchmarks, input_path=input_path,
                            stages=tuple(stages), on_stage=lambda name: err.print(f"{name} ...", markup=False))
    except SitrepError as exc:
        err.print(f"error: {exc.origin}: [{exc.code}] {exc.message}", markup=False)
        raise typer.Exit(code=1)
    except ValueError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(code=2)
    for line in results["input_errors"]:
        err.print(f"error: {line} (left out of the corpus)", markup=False)
    if json_output:
        typer.echo(json.dumps(results))
        return
    tokens = f", {results['tokens']:,} tokens" if "tokens" in results else ""
    typer.echo(f"{results['articles']} articles{tokens}, {results['workers']} worker(s); rates after the warm-up")
    labels = {"parse": "(a) spaCy nlp.pipe", "extract": "(b) sitrep extraction", "ingest": "(c) ingest into SQLite"}
    for name, row in results["stages"].items():
        workers_rss = f", largest worker {row['worker_peak_rss_mb']} MB" if row["worker_peak_rss_mb"] else ""
        tokens = f" {row['tokens_per_second']:8} tokens/s" if "tokens_per_second" in row else ""
        cpu = f", {row['steady_cpu_ms_per_article']} ms/article" if workers == 1 else ""
        typer.echo(f"{labels[name]:24} {row['articles_per_second']:8.2f} articles/s{tokens}  {row['seconds']:8.1f} s  "
                   f"CPU {row['cpu_seconds']} s{cpu}  peak RSS {row['peak_rss_mb']} MB{workers_rss}  "
                   f"errors {row['errors']}")
    for name, letter in (("extract", "b"), ("ingest", "c")):
        if samples := results["stages"].get(name, {}).get("rss_mb_by_articles"):
            typer.echo(f"RSS during ({letter}): " + ", ".join(f"{mb} MB at {count}" for count, mb in samples))
    if "ratio" in results:
        typer.echo(f"ratio: {results['ratio']:.2f}")


@bench_app.command("fusion")
def bench_fusion(
    incidents: list[int] = typer.Option([10_000, 100_000, 1_000_000], "--incidents", "-n",
                                        help="Reports to fuse; repeat for several sizes."),
    json_output: bool = JsonOption,
) -> None:
    """Fusion time and memory on synthetic reports, one run per size, to show how it grows.

    Example:

    \b
        sitrep bench fusion -n 10000 -n 100000 -n 1000000
    """
    from .bench.fusion import fusion_bench

    results = fusion_bench(incidents)
    if json_output:
        typer.echo(json.dumps(results))
        return
    for row in results:
        typer.echo(f"{row['reports']:>9} reports -> {row['incidents']:>8} incidents  {row['seconds']:>8.2f} s  "
                   f"{row['reports_per_second']:>7} reports/s  peak RSS {row['peak_rss_mb']} MB")


@bench_app.command("web")
def bench_web(
    incidents: int = typer.Option(10_000, "--incidents", "-n", min=1, help="Synthetic incidents in the store."),
    clients: int = typer.Option(100, "--clients", "-c", min=1, help="Concurrent keep-alive clients."),
    seconds: float = typer.Option(30, "--seconds", "-s", min=1, help="How long to load the server."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Server processes (sitrep serve --workers)."),
    cache_mb: int = typer.Option(DEFAULT_CACHE_MB, "--cache-mb", min=0,
                                 help="sitrep serve --cache-mb: memory per process for kept answers; 0: none."),
    warmup: float = typer.Option(0, "--warmup", min=0, help="Seconds of load before the counted ones (not counted)."),
    json_output: bool = JsonOption,
) -> None:
    """Load `sitrep serve` on loopback: list and detail requests/s, p50/p99 latency, errors, and the share of
    answers that came from the server's cache.

    Example:

    \b
        sitrep bench web -n 10000 -c 100 -s 30
    """
    from .web.bench import web_bench

    report = web_bench(incidents=incidents, clients=clients, seconds=seconds, workers=workers, cache_mb=cache_mb,
                       warmup=warmup)
    if json_output:
        typer.echo(json.dumps(report))
        return
    typer.echo(f"{report['incidents']} incidents (built in {report['build_seconds']} s), {report['clients']} clients, "
               f"{report['seconds']} s after {report['warmup_seconds']:g} s of warm-up, {report['workers']} server "
               f"worker(s), {report['cache_mb']} MB cache each, "
               f"{report['cpus']} CPUs")
    for row in report["results"]:
        typer.echo(f"{row['endpoint']:>7}  {row['requests']:>7} requests  {row['requests_per_second']:>7} req/s  "
                   f"p50 {row['p50_ms']:>7} ms  p99 {row['p99_ms']:>7} ms  errors {row['errors']}  "
                   f"from cache {row['cached_share']:.0%}")


spark_app = typer.Typer(help="Run sitrep on Apache Spark (see docs/scaling.md).", no_args_is_help=True)
app.add_typer(spark_app, name="spark")


@spark_app.command("extract")
def spark_extract(
    input_path: str = typer.Argument(..., metavar="INPUT",
                                     help="JSONL file or folder, or Parquet (name ending .parquet), one article each."),
    output: str = typer.Argument(..., help="Folder for incidents/, errors/, fused/ and fusion/ (Parquet)."),
    master: str | None = typer.Option(None, "--master", help="Spark master URL (default: spark-submit's, else local[*])."),
    partitions: int | None = typer.Option(None, "--partitions", min=1, help="Input partitions (default: the cores)."),
    bucket_days: int = typer.Option(30, "--bucket-days", min=3, help="Days per fusion block."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace the datasets already in OUTPUT."),
) -> None:
    """Extract and fuse articles on Spark: Parquet incidents in the export columns, errors apart.

    Example:

    \b
        sitrep spark extract corpus.jsonl out/ --master local[2]
        sitrep spark extract s3a://bucket/articles/ s3a://bucket/sitrep/ --master spark://head:7077
    """
    import time

    if "://" not in input_path and not Path(input_path).exists():
        err.print(f"error: {input_path}: [E101] no such file or folder", markup=False)
        raise typer.Exit(code=1)
    if "://" not in output and Path(output).exists() and any(Path(output).iterdir()) and not overwrite:
        err.print(f"error: {output}: already holds files; pass --overwrite to replace its datasets", markup=False)
        raise typer.Exit(code=2)
    try:
        from .spark.extract import run_extract
        from .spark.session import spark_session
    except ImportError as exc:
        err.print(f"error: PySpark is not installed ({exc}); install it with: pip install 'sitrep[spark]'",
                  markup=False)
        raise typer.Exit(code=1)
    started = time.monotonic()
    try:
        spark = spark_session(master)
    except Exception as exc:  # the JVM did not start: no Java, or a master that does not answer
        err.print(f"error: could not start Spark (master {master or 'default'}); it needs Java 17 or newer: {exc}",
                  markup=False)
        raise typer.Exit(code=1)
    try:
        stats = run_extract(spark, input_path, output, partitions=partitions, bucket_days=bucket_days,
                            overwrite=overwrite)
    except Exception as exc:  # Spark's own failures (unreadable Parquet, an output that exists, a lost executor)
        err.print(f"error: {input_path}: the Spark job failed: {str(exc).strip().splitlines()[0]}", markup=False)
        raise typer.Exit(code=1)
    finally:
        spark.stop()
    err.print(f"{stats.summary()} in {time.monotonic() - started:.1f} s → {output}", markup=False)
    if stats.errors:
        raise typer.Exit(code=1)


app.command("ingest")(cli_store.ingest)
app.command("incidents")(cli_store.incidents)
app.command("explain")(cli_store.explain)
app.command("fuse")(cli_store.fuse)
app.command("relations")(cli_store.relations)
app.command("export")(cli_store.export_command)
app.add_typer(cli_store.review_app, name="review")
actors_app.command("list")(cli_store.actors_list)
app.command("serve")(cli_web.serve)
app.add_typer(cli_web.users_app, name="users")


@app.command()
def version() -> None:
    """Print sitrep's version."""
    typer.echo(__version__)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
