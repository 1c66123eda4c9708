from django.core.management.base import BaseCommand

from awards.records.editors import (
    DEMO_CHIEF_EDITOR_USERNAME,
    DEMO_EDITOR_USERNAME,
    reset_demo_editor,
)


class Command(BaseCommand):
    help = (
        "Create (or reset) the demo editor account, or with --chief a chief editor's, "
        "and print its login and password."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", help="default: editor, or chief-editor with --chief")
        parser.add_argument(
            "--chief",
            action="store_true",
            help="a chief editor: may also publish, delete and import over published records",
        )

    def handle(self, *args, username, chief, **options):
        default = DEMO_CHIEF_EDITOR_USERNAME if chief else DEMO_EDITOR_USERNAME
        username, password = reset_demo_editor(username=username or default, chief=chief)
        role = "Demo chief editor" if chief else "Demo editor"
        self.stdout.write(
            self.style.SUCCESS(
                f"{role} for http://127.0.0.1:8000/admin/ — login: {username}  password: {password}"
            )
        )
