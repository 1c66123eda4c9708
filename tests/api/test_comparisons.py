"""Two titles compared, and one title over dates (awards.api.comparisons)."""

from tests.support.api_answers import HSL, HSU, answer


def test_two_titles_aspect_by_aspect(client, seeded):
    data = answer(client, f"/api/compare/?first={HSL}&second={HSU}", template="/api/compare/")
    verdicts = {row["aspect"]: row["verdict"] for row in data["aspects"]}
    assert verdicts["rank"] == "shared"
    assert verdicts["foreign_citizens"] == "different"
    assert verdicts["gold_medal"] == "only_first"
    insignia = {row["insignia"]["slug"]: row["verdict"] for row in data["insignia"]}
    assert insignia == {"hammer-and-sickle": "only_first", "order-of-lenin": "shared"}
    assert data["common_citations"]


def test_a_title_with_itself_is_refused(client, seeded):
    response = client.get(f"/api/compare/?first={HSL}&second={HSL}")
    assert response.status_code == 422
    assert client.get(f"/api/compare/?first={HSL}&second=nothing").status_code == 404


def test_one_title_over_dates_marks_the_changes(client, seeded):
    data = answer(
        client,
        f"/api/titles/{HSL}/over-dates/?dates=1975,1939,1988",
        template="/api/titles/{slug}/over-dates/",
    )
    assert [column["date"] for column in data["columns"]] == ["1939", "1975", "1988"]
    assert all(column["status"] == "in_force" for column in data["columns"])
    assert any(cell["changed"] for row in data["aspects"] for cell in row["cells"])
    assert all(len(row["cells"]) == 3 for row in data["aspects"])


def test_too_few_or_bad_dates_are_refused(client, seeded):
    for dates in ("1975", "1975,1975", "1939,soon", ",".join(str(1940 + n) for n in range(7))):
        response = client.get(f"/api/titles/{HSL}/over-dates/?dates={dates}")
        assert response.status_code == 422, dates
