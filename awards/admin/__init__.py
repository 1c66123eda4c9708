"""The editors' workplace (Django's admin): ``base`` holds what every record's admin
shares, ``versions`` and ``history`` the concurrency and the edit history, ``records`` and
``registry`` the declarations of each kind of record. Django's autodiscovery imports this
package, which registers them all."""

from awards.admin import records, registry  # noqa: F401  (registers the model admins)
