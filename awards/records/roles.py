"""The editors' roles, defined once: what an editor and a chief editor may do.

- An **editor** sees every record and the import log, adds records (as drafts), changes
  them, and imports files with a preview: new drafts and changes to drafts.
- A **chief editor** may besides publish and withdraw records, delete records that no
  other record uses, confirm imports that create or change published records, and read
  the log of logins and lockouts (django-axes).

Who may set, keep or clear ``published`` is decided here once (``may_change_publication``,
``publication_after``) and asked by every path that writes a record: the change form and
its inlines, the list's actions, reverting and recovering from the history, both
importers. An editor's write keeps a record's publication as it was: a new record, or one
recovered after its deletion, is a draft.

Each role is a user group of the same name whose permissions are exactly those below,
for every kind of record (every model with a "publish" permission, ``Record.Meta``).
Migration 0007 made the groups; after every ``migrate`` (post_migrate, awards.apps) they
are set again, so a new kind of record or a change here reaches them without more code.
"""

from django.apps import apps as global_apps
from django.contrib.auth import get_permission_codename
from django.contrib.auth.management import create_permissions
from django.db.models import Q

EDITORS = "editors"
CHIEF_EDITORS = "chief editors"

# What each role may do with every kind of record, as permission actions.
RECORD_ACTIONS = {
    EDITORS: ("view", "add", "change"),
    CHIEF_EDITORS: ("view", "add", "change", "delete", "publish"),
}

# Permissions beyond the records: (app label, codename).
OTHER_PERMISSIONS = {
    EDITORS: (("awards", "view_importlog"),),
    CHIEF_EDITORS: (
        ("awards", "view_importlog"),
        ("axes", "view_accessattempt"),
        ("axes", "view_accessfailurelog"),
        ("axes", "view_accesslog"),
    ),
}

ROLES = tuple(RECORD_ACTIONS)


def record_model_names(apps) -> list[str]:
    """Every kind of record in the app registry: the models that may be published."""
    return [
        model._meta.model_name
        for model in apps.get_app_config("awards").get_models()
        if "publish" in model._meta.default_permissions
    ]


def role_permissions(role: str, *, apps) -> list[tuple[str, str]]:
    """The (app label, codename) pairs of the permissions a role's group holds."""
    return [
        ("awards", f"{action}_{model_name}")
        for model_name in record_model_names(apps)
        for action in RECORD_ACTIONS[role]
    ] + list(OTHER_PERMISSIONS[role])


def set_role_permissions(*, apps) -> None:
    """Create each role's group if missing and give it exactly the role's permissions.

    ``apps`` is a migration's app registry, or ``django.apps.apps`` outside migrations.
    """
    # Permissions are normally created after all migrations; the groups need them now.
    for app_label in ("awards", "axes"):
        app_config = apps.get_app_config(app_label)
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in ROLES:
        wanted = role_permissions(role, apps=apps)
        matching = Q()
        for app_label, codename in wanted:
            matching |= Q(content_type__app_label=app_label, codename=codename)
        permissions = list(Permission.objects.filter(matching))
        if len(permissions) != len(wanted):
            found = {(p.content_type.app_label, p.codename) for p in permissions}
            raise LookupError(f"Permissions missing for {role}: {sorted(set(wanted) - found)}")
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(permissions)


def set_roles_after_migrate(*, apps=global_apps, **kwargs) -> None:
    """post_migrate: the groups keep their roles as kinds of records come and go (and
    come back after a flush, which sends the signal without an app registry)."""
    set_role_permissions(apps=apps)


def may_publish(user, model) -> bool:
    """True when the user may publish and withdraw records of the model (a chief editor)."""
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.{get_permission_codename('publish', opts)}")


def may_change_publication(user, model, *, was: bool | None, becomes: bool) -> bool:
    """Whether the user may write a record of the model whose publication goes from
    ``was`` (None: the record is new, or recovered after its deletion) to ``becomes``.

    A chief editor may set and clear it; anyone else only keeps it (and adds drafts).
    """
    if may_publish(user, model):
        return True
    return becomes == bool(was)


def publication_after(user, model, *, was: bool | None, wanted: bool) -> bool:
    """The publication a write by the user leaves: ``wanted`` where the user may set it,
    otherwise what the record had (a draft when it is new or recovered)."""
    if may_change_publication(user, model, was=was, becomes=wanted):
        return wanted
    return bool(was)


def publication_for_write(user, record) -> bool:
    """The publication a form's save of ``record`` by the user may leave, whatever the
    form posted: the record's stored state is read again, as the form may have set it."""
    was = None
    if record.pk is not None:
        was = (
            type(record)._base_manager.filter(pk=record.pk).values_list("published", flat=True)
        ).first()
    return publication_after(user, type(record), was=was, wanted=record.published)
