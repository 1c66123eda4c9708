"""A visitor's paths through the site, in a real browser."""

import re

from playwright.sync_api import expect

TITLE = "/titles/hero-of-socialist-labour/"


def test_from_home_to_a_record_and_back(page):
    page.goto("/")
    expect(page.locator("h1")).to_have_text("Советские звания за труд и их история")
    page.locator(".start__list").get_by_role("link", name="Звания", exact=True).click()
    expect(page).to_have_url(re.compile(r"/titles/$"))
    page.locator("main").get_by_role("link", name="Герой Социалистического Труда").first.click()
    expect(page).to_have_url(re.compile(TITLE + "$"))
    expect(page.locator("h1")).to_have_text("Герой Социалистического Труда")
    page.go_back()
    page.go_back()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("h1")).to_have_text("Советские звания за труд и их история")


def test_the_language_switch_keeps_the_visitor_on_the_same_page(page):
    page.goto(TITLE)
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile("/en" + TITLE + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Hero of Socialist Labour")
    page.get_by_role("link", name="Русский").click()
    expect(page).to_have_url(re.compile(r"//[^/]+" + TITLE + "$"))
    expect(page.locator("h1")).to_have_text("Герой Социалистического Труда")


def test_choosing_two_titles_to_compare(page):
    page.goto("/compare/")
    page.get_by_label("Первое звание").select_option(label="Герой Труда")
    page.get_by_label("Второе звание").select_option(label="Герой Социалистического Труда")
    page.get_by_role("button", name="Сравнить").click()
    expect(page).to_have_url(re.compile(r"first=hero-of-labour&second=hero-of-socialist-labour"))
    table = page.get_by_role("table")
    expect(table).to_contain_text("Не менее 35 лет работы по найму")
    expect(table).to_contain_text("Указано только для первого звания")


def test_the_date_picker_of_the_rules_page(page):
    page.goto("/rules/")
    page.get_by_label("Звание").select_option(label="Герой Социалистического Труда")
    page.get_by_label("Год").fill("1973")
    page.get_by_label("Месяц (необязательно)").select_option(label="Май")
    page.get_by_label("День (необязательно)").fill("14")
    page.get_by_role("button", name="Показать правила").click()
    expect(page.locator("#rules-heading")).to_have_text(
        "Герой Социалистического Труда на 14 мая 1973 г."
    )
    expect(page.locator(".rules")).to_contain_text(
        "Число повторных награждений медалью «Серп и Молот» не ограничено"
    )
    expect(page.get_by_label("Год")).to_have_value("1973")


def test_a_wrong_day_is_reported_next_to_the_field(page):
    page.goto("/rules/?title=hero-of-socialist-labour&year=1973&month=2&day=30")
    expect(page.get_by_role("alert")).to_contain_text("В этом месяце нет такого дня.")
