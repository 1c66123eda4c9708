"""The kinds of import and export: each kind of record by its Resource, and registry
lists. ``kind_for`` gives the kind a command, a job or the admin names."""

from __future__ import annotations

from awards.exchange.kinds.records import RecordKind
from awards.exchange.kinds.registry_list import RegistryListKind
from awards.exchange.resources import RESOURCES, resource_for
from awards.models.imports import REGISTRY_LIST

# The names of every kind, as commands take them: the kinds of record, then the list.
KIND_NAMES = (*RESOURCES, REGISTRY_LIST)


def kind_for(name: str) -> RecordKind | RegistryListKind:
    """The kind named ``name``: a model's name, or ``registry`` for a registry list."""
    if name == REGISTRY_LIST:
        return RegistryListKind()
    return RecordKind(resource_for(name)())
