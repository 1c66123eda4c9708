"""django_tasks_db's worker, which first recovers the background imports a worker left.

Jobs being checked or written by a worker that died are marked failed (their files kept,
to be checked again); jobs waiting for a worker whose task was lost are queued again, for
this worker to run (awards.exchange.jobs.recover_jobs). Then it works as django_tasks_db's.
"""

from django_tasks_db.management.commands import db_worker

from awards.exchange.jobs import recover_jobs


class Command(db_worker.Command):
    help = db_worker.Command.help + ", after recovering the imports a worker left unfinished"

    def handle(self, *args, **options):
        failed, queued = recover_jobs()
        if failed or queued:
            self.stdout.write(
                f"Background imports left by a worker: {failed} marked failed, "
                f"{queued} queued again."
            )
        super().handle(*args, **options)
