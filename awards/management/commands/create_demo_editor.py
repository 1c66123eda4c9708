from django.core.management.base import BaseCommand

from awards.editors import DEMO_EDITOR_USERNAME, reset_demo_editor


class Command(BaseCommand):
    help = "Create (or reset) the demo editor account and print its login and password."

    def add_arguments(self, parser):
        parser.add_argument("--username", default=DEMO_EDITOR_USERNAME)

    def handle(self, *args, username, **options):
        username, password = reset_demo_editor(username=username)
        self.stdout.write(
            self.style.SUCCESS(
                "Demo editor for http://127.0.0.1:8000/admin/ — "
                f"login: {username}  password: {password}"
            )
        )
