"""`manage.py copy_files_to_storage`: move an installation's uploaded files from the local disk
to object storage (STORAGE=s3), and check that every row's file is there."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import BaseCommand, CommandError

from sessions import object_storage


class Command(BaseCommand):
    help = (
        "Copy every stored file (statements, their earlier files, official documents' files) "
        "from the local disk, MEDIA_ROOT, to the bucket STORAGE=s3 names, under the same "
        "names, so that the rows find them there. A file already in the bucket with the same "
        "size is skipped: the command can run again after an interruption. With --check, copy "
        "nothing and list every row whose file is missing from the configured storage, or "
        "differs in size from what the row says; the exit code is then 1 if any is."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="say what would be copied, copy nothing"
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="list the rows whose file is missing from the configured storage",
        )

    def handle(self, *args, dry_run=False, check=False, **options):
        if check:
            return self.check_rows()
        if not object_storage.is_bucket(default_storage):
            raise CommandError(
                "The configured storage is the local disk: set STORAGE=s3 and the S3_* "
                "variables to copy files to object storage."
            )
        disk = FileSystemStorage(location=settings.MEDIA_ROOT)
        copied = skipped = 0
        missing = []
        for row, name in object_storage.stored_files():
            if not disk.exists(name):
                missing.append(f"{describe(row)}: {name} is not under MEDIA_ROOT")
                continue
            if size_in(default_storage, name) == disk.size(name):
                skipped += 1
                continue
            self.stdout.write(f"{'would copy' if dry_run else 'copying'} {name}")
            if not dry_run:
                copy(disk, default_storage, name)
            copied += 1
        verb = "would copy" if dry_run else "copied"
        self.stdout.write(f"{verb} {copied} files, skipped {skipped} already there")
        if missing:
            self.stderr.write("\n".join(missing))
            raise CommandError(f"{len(missing)} files were not found on the local disk.")

    def check_rows(self):
        wrong = []
        for row, name in object_storage.stored_files():
            size = size_in(default_storage, name)
            if size is None:
                wrong.append(f"{describe(row)}: {name} is missing")
            elif size != row.size:
                wrong.append(f"{describe(row)}: {name} has {size} bytes, not {row.size}")
        if wrong:
            self.stderr.write("\n".join(wrong))
            raise CommandError(f"{len(wrong)} files are missing or incomplete in the storage.")
        self.stdout.write("Every row's file is in the storage.")


def describe(row):
    return f"{row._meta.verbose_name} {row.pk}"


def size_in(storage, name):
    try:
        return storage.size(name)
    except FileNotFoundError:
        return None


def copy(disk, storage, name):
    # A partial copy (an interrupted run) is replaced, under the same name: the storage would
    # otherwise save the new one beside it, under a name no row knows.
    if storage.exists(name):
        storage.delete(name)
    with disk.open(name, "rb") as content:
        saved = storage.save(name, content)
    if saved != name:
        raise CommandError(f"{name} was stored as {saved}; nothing refers to that name.")
