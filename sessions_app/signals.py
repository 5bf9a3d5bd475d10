"""Stored files go with their rows: a deleted session (purge, admin) leaves no private PDF or
report behind in storage."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from sessions_app.models import ReportFile, UploadedFile


@receiver(post_delete, sender=UploadedFile)
@receiver(post_delete, sender=ReportFile)
def delete_stored_file(sender, instance, **kwargs) -> None:
    if instance.file:
        # After commit: a rolled-back delete must not lose the file.
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
