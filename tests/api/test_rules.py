"""The rules of a title on a date (awards.api.rules): three values, with their reasons."""

from tests.support.api_answers import HSL, answer

TEMPLATE = "/api/titles/{slug}/rules/"


def _statuses(data) -> dict[str, str]:
    return {
        rule["provision"]["slug"]: rule["status"]
        for row in data["aspects"]
        for rule in row["rules"]
    }


def test_in_force_and_undecided_rules_by_aspect(client, seeded):
    data = answer(client, f"/api/titles/{HSL}/rules/?on=1975", template=TEMPLATE)
    assert data["on"] == "1975"
    assert data["existence"] == {"status": "in_force", "gaps": []}
    statuses = _statuses(data)
    assert statuses[f"{HSL}-gold-medal"] == "in_force"
    assert statuses[f"{HSL}-repeat-order-of-lenin"] == "uncertain"
    undecided = next(row for row in data["aspects"] if row["aspect"] == "repeat_order_of_lenin")
    assert undecided["rules"][0]["gaps"] == [{"boundary": "start", "date": None}]
    assert f"{HSL}-repeat-awards-limited" in {
        rule["provision"]["slug"] for rule in data["not_in_force"]
    }


def test_a_date_before_the_title_existed(client, seeded):
    data = answer(client, f"/api/titles/{HSL}/rules/?on=1930-01-01")
    assert data["existence"]["status"] == "not_in_force"


def test_labels_in_the_language_asked_for(client, seeded):
    def label(lang):
        data = answer(client, f"/api/titles/{HSL}/rules/?on=1975&lang={lang}")
        return next(row["label"] for row in data["aspects"] if row["aspect"] == "gold_medal")

    assert (label("ru"), label("en")) == ("золотая медаль", "gold medal")


def test_a_date_that_is_not_one_is_refused(client, seeded):
    for on in ("1975-13", "tomorrow", "75"):
        response = client.get(f"/api/titles/{HSL}/rules/?on={on}")
        assert response.status_code == 422
        assert "1941-06" in response.json()["detail"]
    assert client.get(f"/api/titles/{HSL}/rules/").status_code == 422
