"""Tables that belong to the app as a whole rather than to one feature."""
from workbench.store.migrate import Database, Migrations  # sqlite-utils' own, loaded without numpy

migrations = Migrations("core")


@migrations()
def create_settings_and_audit_log(db: Database) -> None:
    db["settings"].create({"key": str, "value": str}, pk="key")
    # What left the app unmasked, and other actions the operator may want to audit later.
    db["audit_log"].create(
        {"id": int, "at": str, "action": str, "detail": str, "rows": int, "masked": int},
        pk="id",
    )
