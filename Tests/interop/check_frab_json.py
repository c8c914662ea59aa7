"""Validates a frab/c3voc schedule.json against the schema, formats included.

Usage: check_frab_json.py SCHEMA.json SCHEDULE.json
Prints each error with its path and exits 1 when there is any; prints "valid" and exits 0
otherwise. The formats the schema names (date, date-time, uri, uuid, color) are checked, and
the script refuses to run when jsonschema lacks a checker for one of them, so that a missing
optional package cannot turn a check into a pass.
"""
import json
import sys

import jsonschema


def main() -> int:
    schema_path, document_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(document_path, encoding="utf-8") as f:
        document = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    # Every format jsonschema knows, not only draft 6's: the schema also names date, uuid and
    # color, which later drafts (and draft 3) define.
    checker = jsonschema.FormatChecker()
    missing = {"date", "date-time", "uri", "uuid", "color"} - set(checker.checkers)
    if missing:
        print(f"jsonschema cannot check the formats {sorted(missing)}: install jsonschema[format-nongpl]")
        return 2
    errors = sorted(
        validator_class(schema, format_checker=checker).iter_errors(document),
        key=lambda e: list(map(str, e.absolute_path)),
    )
    for error in errors:
        print(f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}")
    if errors:
        return 1
    print("valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
