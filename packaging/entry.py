"""The bundle's entry point: the same front door as the `workbench` console script."""
import multiprocessing
import sys

from workbench.cli import main

if __name__ == "__main__":
    # The weekly export runs in a spawned process (review/export_process.py): in a frozen bundle the
    # child is this executable again, and freeze_support() makes it run the export instead of the app.
    multiprocessing.freeze_support()
    sys.exit(main())
