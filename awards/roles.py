"""Shim: migration 0007 imports ``set_role_permissions`` from here. The roles live in
awards.records.roles; remove this module when the migrations are squashed."""

from awards.records.roles import set_role_permissions

__all__ = ["set_role_permissions"]
