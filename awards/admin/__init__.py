"""The editors' workplace (Django's admin): ``base`` holds what every record's admin
shares, ``versions`` and ``history`` the concurrency and the edit history, ``records`` and
``registry`` the declarations of each kind of record, ``people`` the people's, with their
merge and the report of possible duplicates. Django's autodiscovery imports this
package, which registers them all."""

from awards.admin import people, records, registry  # noqa: F401  (registers the model admins)
