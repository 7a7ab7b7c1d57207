"""Server-rendered pages read as a person would: what an incident page shows beside its perpetrators."""

from __future__ import annotations

import re

import sitrep
from sitrep.store.database import Store
from sitrep.store.write import store_document

from .conftest import client_for


def test_an_incident_page_shows_a_denial_beside_the_accusation(tmp_path):
    document = sitrep.extract("Bomb kills nine in Kabul\n\nPublished May 3, 2021\n\nA bomb exploded in a market in "
                              "Kabul on Monday, killing nine people. Officials blamed the Islamic State group. The "
                              "Taliban denied involvement in the attack.")
    with Store(tmp_path / "kb.db") as store, store.writer() as session, session.begin():
        store_document(session, document)
    with client_for(tmp_path / "kb.db") as client:
        page = client.get(f"/incidents/{document.incidents[0].id}").text
    perpetrators, denials = page.split('id="perpetrators"')[1], page.split('id="denials"')[1]
    assert "Islamic State" in perpetrators.split("</ul>")[0] and "Taliban" not in perpetrators.split("</ul>")[0]
    assert "Taliban" in denials.split("</ul>")[0] and "basis-denied" in denials
    # Its sentence is highlighted as evidence of who did (or did not do) it.
    mark = re.search(r'<mark class="([^"]*)"[^>]*data-facts="([^"]*)">The Taliban denied involvement', page)
    assert "ev-perpetrator" in mark.group(1).split() and "denials" in mark.group(2).split()
