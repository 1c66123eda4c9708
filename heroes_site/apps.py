"""The libraries' apps under names the admin shows in the site's languages (axes and
django-tasks name theirs in English only: «Axes», «Tasks Database Backend»)."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class LoginsConfig(AxesAppConfig):
    verbose_name = _("Logins and lockouts")


class BackgroundTasksConfig(TasksAppConfig):
    verbose_name = _("Background tasks")
