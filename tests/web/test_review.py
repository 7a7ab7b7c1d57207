"""Writes: HTTP Basic on the API, session cookie plus CSRF token on the pages, roles, read-only mode, and every
edit in the audit log."""

from __future__ import annotations

import re

import pytest

from sitrep.web.auth import MAX_FAILURES, SignInThrottle

from .conftest import PASSWORDS

EDITOR = ("ed", PASSWORDS["ed"])


def incident_id(client, place: str) -> str:
    (found,) = client.get("/api/incidents", params={"q": place, "country": "AF" if place == "Kabul" else None}).json()["items"]
    return found["id"]


def correction(target: str, value: str = "9") -> dict:
    return {"target_id": target, "field": "fatalities_min", "value": value, "reason": "hospital figure"}


def test_writes_are_refused_while_the_store_has_no_user(reader):
    response = reader.post("/api/review/correct", json=correction("x"), auth=EDITOR)
    assert response.status_code == 403 and "sitrep users add" in response.json()["detail"]
    page = reader.post("/incidents/x/correct", data={"field": "type", "reason": "r", "csrf": "t"})
    assert page.status_code == 403 and "sitrep users add" in page.text


@pytest.mark.parametrize(("auth", "status"), [(None, 401), (("ed", "wrong"), 401), (("nobody", "x"), 401),
                                              (("vera", PASSWORDS["vera"]), 403)])
def test_api_writes_need_an_editor(client, auth, status):
    response = client.post("/api/review/correct", json=correction(incident_id(client, "Kabul")), auth=auth)
    assert response.status_code == status
    if status == 401:
        assert response.headers["www-authenticate"].startswith("Basic")


def test_an_editor_corrects_a_field_and_the_audit_log_says_who_and_why(client):
    target = incident_id(client, "Kabul")
    response = client.post("/api/review/correct", json=correction(target), auth=EDITOR)
    assert response.status_code == 201
    edit = response.json()
    assert (edit["author"], edit["payload"]["value"], edit["payload"]["was"]) == ("ed", 9, 7)
    assert client.get(f"/api/incidents/{target}").json()["fatalities"]["min"] == 9
    (entry,) = client.get("/api/audit", params={"target": target}).json()["items"]
    assert (entry["author"], entry["action"], entry["reason"], entry["edit_id"]) == ("ed", "edit", "hospital figure",
                                                                                     edit["id"])
    assert [e["id"] for e in client.get("/api/review/edits", params={"target": target}).json()] == [edit["id"]]


@pytest.mark.parametrize(("body", "status", "words"), [
    (correction("nope-1"), 404, "E201"),
    ({**correction("{kabul}"), "field": "colour"}, 422, "E202"),
    ({**correction("{kabul}"), "value": "many"}, 422, "not valid"),
    ({**correction("{kabul}"), "reason": ""}, 422, "reason"),
    ({"target_id": "{kabul}"}, 422, "field"),
])
def test_bad_edits_are_refused_with_a_clear_message(client, body, status, words):
    body = {k: v.format(kabul=incident_id(client, "Kabul")) if isinstance(v, str) else v for k, v in body.items()}
    response = client.post("/api/review/correct", json=body, auth=EDITOR)
    assert response.status_code == status and words in response.json()["detail"]


def test_merge_split_reject_and_undo_through_the_api(client):
    kabul, zamfara = incident_id(client, "Kabul"), incident_id(client, "Zamfara")
    merged = client.post("/api/review/merge-incidents", json={"into": kabul, "incidents": [zamfara], "reason": "same"},
                         auth=EDITOR)
    assert merged.status_code == 201
    reports = [r["id"] for r in client.get(f"/api/incidents/{kabul}").json()["reports"]]
    assert len(reports) == 2 and client.get(f"/api/incidents/{zamfara}").status_code == 404
    split = client.post("/api/review/split", json={"incident_id": kabul, "reports": [zamfara], "reason": "not same"},
                        auth=EDITOR)
    assert split.status_code == 201
    new_incident = split.json()["payload"]["new_incident"]
    assert [r["id"] for r in client.get(f"/api/incidents/{new_incident}").json()["reports"]] == [zamfara]
    rejected = client.post("/api/review/reject", json={"target_type": "incident", "target_id": kabul, "reason": "dup"},
                           auth=EDITOR)
    assert rejected.status_code == 201 and client.get(f"/api/incidents/{kabul}").json()["rejected"]
    undone = client.post("/api/review/undo", json={"edit_id": rejected.json()["id"], "reason": "oops"}, auth=EDITOR)
    assert undone.status_code == 200 and undone.json()["undone_by"] == "ed"
    assert not client.get(f"/api/incidents/{kabul}").json()["rejected"]
    actions = [(e["action"], e["detail"]["kind"]) for e in client.get("/api/audit").json()["items"]]
    assert actions == [("undo", "reject"), ("edit", "reject"), ("edit", "split_incident"), ("edit", "merge_incidents")]


def test_merge_actors_through_the_api(client):
    response = client.post("/api/review/merge-actors", json={"into": "al-qaeda", "actors": ["al-shabaab"],
                                                             "reason": "test"}, auth=EDITOR)
    assert response.status_code == 201
    assert client.get("/api/actors/al-shabaab").json()["id"] == "al-qaeda"


def test_editors_undo_their_own_edits_admins_anyones(client):
    target = incident_id(client, "Kabul")
    admin_edit = client.post("/api/review/correct", json=correction(target), auth=("ada", PASSWORDS["ada"])).json()
    refused = client.post("/api/review/undo", json={"edit_id": admin_edit["id"], "reason": "no"}, auth=EDITOR)
    assert refused.status_code == 403 and "ada" in refused.json()["detail"]
    editor_edit = client.post("/api/review/correct", json=correction(target, "8"), auth=EDITOR).json()
    assert client.post("/api/review/undo", json={"edit_id": editor_edit["id"], "reason": "r"},
                       auth=("ada", PASSWORDS["ada"])).status_code == 200


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def sign_in(client, name: str, next_page: str = "/"):
    form = client.get("/login", params={"next": next_page})
    return client.post("/login", data={"name": name, "password": PASSWORDS[name], "csrf": csrf_of(form.text),
                                       "next": next_page})


def test_sign_in_needs_the_login_forms_csrf_token_and_the_right_password(client):
    client.get("/login")
    assert client.post("/login", data={"name": "ed", "password": PASSWORDS["ed"], "csrf": "forged"}).status_code == 403
    form = client.get("/login")
    wrong = client.post("/login", data={"name": "ed", "password": "nope", "csrf": csrf_of(form.text)})
    assert wrong.status_code == 401 and "Wrong user name or password" in wrong.text
    assert "sitrep_session" not in client.cookies


def test_a_name_with_too_many_wrong_passwords_is_refused_for_a_while_even_with_the_right_one(client):
    for _ in range(MAX_FAILURES):
        assert client.post("/api/review/correct", json=correction("x"), auth=("ed", "guess")).status_code == 401
    refused = client.post("/api/review/correct", json=correction(incident_id(client, "Kabul")), auth=EDITOR)
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 60
    form = client.get("/login")
    page = client.post("/login", data={"name": "ed", "password": PASSWORDS["ed"], "csrf": csrf_of(form.text)})
    assert page.status_code == 429 and "Too many wrong passwords" in page.text
    assert client.post("/api/review/correct", json=correction(incident_id(client, "Kabul")),
                       auth=("ada", PASSWORDS["ada"])).status_code == 201  # other names are not held back


def test_a_right_password_clears_the_wrong_ones_before_it():
    throttle = SignInThrottle(max_failures=2)
    throttle.failed("Ed")
    throttle.succeeded("ed")
    throttle.failed("ed")
    assert throttle.wait("ED") == 0
    throttle.failed("ed")
    assert throttle.wait("ed") > 0


def test_sign_in_only_redirects_within_the_site(client):
    response = sign_in(client, "ed", "//evil.example/x")
    assert response.status_code == 303 and response.headers["location"] == "/"
    assert "sitrep_session" in client.cookies


def test_review_pages_send_strangers_to_sign_in_and_refuse_viewers(client):
    target = incident_id(client, "Kabul")
    stranger = client.post(f"/incidents/{target}/correct", data={"field": "type", "reason": "r", "csrf": "x"})
    assert stranger.status_code == 303 and stranger.headers["location"].startswith("/login?next=")
    sign_in(client, "vera")
    page = client.get(f"/incidents/{target}")
    assert 'id="correct-form"' not in page.text and "only editors" in page.text
    refused = client.post(f"/incidents/{target}/correct", data={"field": "type", "value": "riot", "reason": "r",
                                                                "csrf": csrf_of(page.text)})
    assert refused.status_code == 403


def test_an_editor_corrects_a_field_on_the_incident_page_with_the_csrf_token(client):
    target = incident_id(client, "Kabul")
    sign_in(client, "ed")
    page = client.get(f"/incidents/{target}")
    assert 'id="correct-form"' in page.text
    form = {"field": "fatalities_min", "value": "11", "reason": "ministry update"}
    assert client.post(f"/incidents/{target}/correct", data={**form, "csrf": "forged"}).status_code == 403
    saved = client.post(f"/incidents/{target}/correct", data={**form, "csrf": csrf_of(page.text)})
    assert saved.status_code == 303 and "?saved=" in saved.headers["location"]
    assert client.get(f"/api/incidents/{target}").json()["fatalities"]["min"] == 11
    audit = client.get("/audit").text
    assert "ministry update" in audit and "fatalities_min: 7 → 11" in audit


def test_a_bad_edit_on_the_page_shows_the_reason(client):
    target = incident_id(client, "Kabul")
    sign_in(client, "ed")
    csrf = csrf_of(client.get(f"/incidents/{target}").text)
    response = client.post(f"/incidents/{target}/correct", data={"field": "fatalities_min", "value": "many",
                                                                 "reason": "r", "csrf": csrf})
    assert response.status_code == 422 and "is not valid" in response.text


def test_sign_out_ends_the_session(client):
    sign_in(client, "ed")
    csrf = csrf_of(client.get("/").text)
    assert client.post("/logout", data={"csrf": csrf}).status_code == 303
    assert "Sign in" in client.get("/").text


def test_an_editor_merges_then_splits_incidents_and_undoes_on_the_pages(client):
    kabul, zamfara = incident_id(client, "Kabul"), incident_id(client, "Zamfara")
    sign_in(client, "ed")
    csrf = csrf_of(client.get(f"/incidents/{kabul}").text)
    merged = client.post(f"/incidents/{kabul}/merge", data={"others": f"{zamfara}, ", "reason": "same", "csrf": csrf})
    assert merged.status_code == 303
    page = client.get(f"/incidents/{kabul}").text
    assert 'id="conflicts"' in page and 'id="split-form"' in page and page.count('class="report"') == 2
    split = client.post(f"/incidents/{kabul}/split", data={"reports": [zamfara], "reason": "not same", "csrf": csrf})
    assert split.status_code == 303
    assert len(client.get(f"/api/incidents/{kabul}").json()["reports"]) == 1
    (last, *_) = client.get("/api/audit").json()["items"]
    undone = client.post(f"/edits/{last['edit_id']}/undo", data={"reason": "oops", "csrf": csrf,
                                                                 "back": f"/incidents/{kabul}"})
    assert undone.status_code == 303 and undone.headers["location"] == f"/incidents/{kabul}"
    assert len(client.get(f"/api/incidents/{kabul}").json()["reports"]) == 2
