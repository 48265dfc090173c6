"""Reading spreadsheet and CSV files: sniffing what a file is, opening it with python-calamine or the
csv module, and reading large .xlsx files in two halves. Neutral ground below the features: the report
import (reports/) and the user import (contacts/) both read files through it, and it imports neither."""
