"""Writing records: who may publish (``roles``), the edit history and its reverts
(``revisions``), what follows every write (``writes``), the fixtures (``seed``), backups,
and the demo editors."""
