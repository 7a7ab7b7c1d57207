"""`sitrep actors search` and `sitrep actors show` as a user runs them."""

import json

from typer.testing import CliRunner

from sitrep.cli import app

runner = CliRunner()


def test_search_finds_a_transliteration_variant():
    result = runner.invoke(app, ["actors", "search", "Lashkar-i-Jhangvi", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["id"] == "lashkar-e-jhangvi"


def test_search_by_acronym():
    result = runner.invoke(app, ["actors", "search", "TTP", "--json"])
    assert json.loads(result.stdout)[0]["id"] == "tehrik-i-taliban-pakistan"


def test_show_lists_aliases_parent_and_factions():
    parent = json.loads(runner.invoke(app, ["actors", "show", "lashkar-e-jhangvi", "--json"]).stdout)
    assert "LeJ" in parent["aliases"]
    assert "lashkar-e-jhangvi-al-alami" in [f["id"] for f in parent["factions"]]
    faction = json.loads(runner.invoke(app, ["actors", "show", "lashkar-e-jhangvi-al-alami", "--json"]).stdout)
    assert faction["parent"]["id"] == "lashkar-e-jhangvi"


def test_show_state_force():
    result = runner.invoke(app, ["actors", "show", "state:PK:police"])
    assert result.exit_code == 0 and "Police Forces of Pakistan" in result.stdout


def test_show_unknown_id_is_a_clear_error():
    result = runner.invoke(app, ["actors", "show", "no-such-group"])
    assert result.exit_code == 1
    assert "no actor with id 'no-such-group'" in result.output
