"""The generator and every bench script run at a tiny size and print their table (< 60 s in all)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from bench import (
    b1_tick,
    b2_reminders,
    b3_delivery,
    b4_ranking,
    b5_dashboard,
    b6_demo,
    b7_campaign_page,
    pgdb,
)
from bench.common import Figure
from bench.generate import TABLES, generate
from bench.results_md import write_section
from bench.shapes import SCALES, SHAPES, province_sizes
from cchc.db import make_engine
from tests.conftest import pg_or_skip

TINY = SCALES["tiny"]


@pytest.fixture(scope="module")
def tiny_pg() -> Iterator[str]:
    """A private PostgreSQL database holding the tiny data set of both shapes."""
    pg_or_skip()
    with pgdb.private_database("_smoke") as (_, url):
        engine = make_engine(url)
        generate(engine, scale=TINY, shapes=tuple(SHAPES))
        engine.dispose()
        yield url


def _figures(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_generator_fills_every_table_the_same_on_sqlite_and_postgres(tiny_pg, tmp_path):
    sqlite = make_engine(f"sqlite:///{tmp_path / 'tiny.sqlite3'}")
    done = generate(sqlite, scale=TINY, shapes=tuple(SHAPES))
    pg = make_engine(tiny_pg)
    with sqlite.connect() as a, pg.connect() as b:
        counts = [
            {t: c.execute(sa.text(f'SELECT count(*) FROM "{t}"')).scalar_one() for t in TABLES}
            for c in (a, b)
        ]
    sqlite.dispose()
    pg.dispose()
    assert counts[0] == counts[1] == dict(done.rows)  # same seed, same rows, COPY or executemany
    assert done.units == 2 * TINY.units_per_province and len(done.campaigns) == 2
    assert done.leaf_scores == done.units * TINY.leaves


def test_national_shapes_have_the_issue_sizes():
    import random

    sizes = province_sizes(SHAPES["pre-2025"], SCALES["national"], random.Random(1))
    assert len(sizes) == 63 and sum(s.units for s in sizes) == 12_000
    assert (sum(s.districts for s in sizes), sum(s.communes for s in sizes)) == (700, 10_000)
    two = province_sizes(SHAPES["two-tier"], SCALES["national"], random.Random(1))
    assert len(two) == 34 and sum(s.communes for s in two) == 3_300
    assert sum(s.districts for s in two) == 0


@pytest.mark.parametrize("bench", ["tick", "reminders", "ranking"])
def test_database_benches_print_a_table(tiny_pg, tmp_path, capsys, bench):
    out = tmp_path / "figures.jsonl"
    argv = ["--db", tiny_pg, "--json", str(out)]
    {
        "tick": lambda: b1_tick.main([*argv, "--flows", "0"]),
        "reminders": lambda: b2_reminders.main(argv),
        "ranking": lambda: b4_ranking.main(argv),
    }[bench]()
    printed = capsys.readouterr().out
    figures = _figures(out)
    assert "Bench" in printed and "baseline" in printed
    assert figures[0]["baseline_value"] > 0 and figures[0]["ratio"] > 0
    if bench == "ranking":
        assert "rank differences 0" in figures[0]["note"]  # compute_results agrees with the SQL
    if bench == "reminders":
        assert "rerun wrote 0" in figures[0]["note"]  # idempotent at the same instant


def test_delivery_bench_counts_every_message_once(tmp_path, capsys):
    out = tmp_path / "figures.jsonl"
    b3_delivery.main(["--messages", "30", "--mixed", "6", "--json", str(out)])
    figures = _figures(out)
    assert "Bench 3" in capsys.readouterr().out
    assert "each key once: True" in figures[0]["note"] and figures[0]["ratio"] > 0
    assert "each key once: True" in figures[1]["note"] and "per-unit" in figures[1]["figure"]
    mixed = next(f for f in figures if f["figure"].startswith("mixed"))
    assert "delivered 6, failed 0" in mixed["note"] and "2 webhook and 2 Zalo" in mixed["note"]


def test_dashboard_bench_serves_and_loads(tmp_path, capsys):
    pg_or_skip()
    out = tmp_path / "figures.jsonl"
    b5_dashboard.main(
        ["--units", "120", "--clients", "4", "--seconds", "1", "--think", "0", "--json", str(out)]
    )
    figures = {f["figure"]: f for f in _figures(out)}
    assert "Bench 5" in capsys.readouterr().out
    p95 = next(f for name, f in figures.items() if name.startswith("p95"))
    assert p95["value"] > 0 and p95["baseline_value"] > 0
    queries = next(f for name, f in figures.items() if name.startswith("SQL statements"))
    assert queries["value"] == queries["baseline_value"] > 0


def test_campaign_page_bench_times_pages_before_and_after_ranking(tmp_path, capsys):
    pg_or_skip()
    out = tmp_path / "figures.jsonl"
    b7_campaign_page.main(
        ["--units", "150", "--requests", "3", "--seconds", "1", "--json", str(out)]
    )
    figures = {f["figure"]: f for f in _figures(out)}
    assert "Bench 7" in capsys.readouterr().out
    ranked = next(f for name, f in figures.items() if name.endswith("page, ranked"))
    assert ranked["value"] > 0 and ranked["baseline_value"] > 0
    size = next(
        f for name, f in figures.items() if name.startswith("HTML size") and "ranked" in name
    )
    plain = next(
        f for name, f in figures.items() if name.startswith("HTML size") and "ranked" not in name
    )
    assert size["value"] > plain["value"]  # the ranking and its field heat map are on the page


def test_demo_bench_times_commands_against_a_baseline(tmp_path, capsys):
    out = tmp_path / "figures.jsonl"
    quick = f"{sys.executable} -c pass"
    b6_demo.main(["--command", quick, "--baseline-command", quick, "--json", str(out)])
    demo = _figures(out)[0]
    assert "Bench 6" in capsys.readouterr().out
    assert demo["met"] is True and demo["value"] > 0 and demo["baseline_value"] > 0


def test_results_section_is_replaced_not_duplicated(tmp_path):
    path = tmp_path / "RESULTS.md"
    figure = Figure("ranking", "compute_results", 1.2, "s", "hand-written", 1.0, "<= 1.5x", True)
    for value in (1.2, 1.4):
        figure.value = value
        write_section(path, "small", {"nproc": "2", "date": "today"}, [figure])
    text = path.read_text(encoding="utf-8")
    assert text.count("<!-- scale:small -->") == 1 and "1.40x" in text and "1.20x" not in text
