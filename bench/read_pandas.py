#!/usr/bin/env python3
"""Reads one sheet of a workbook with pandas and openpyxl, as the baseline for
bbt's import (bench/run, measurement 4). Run with the venv's Python:

    bench/.venv/bin/python bench/read_pandas.py WORKBOOK SHEET

Prints a JSON object on stdout: import_s (importing pandas), read_s (the
read_excel call alone), rows, columns and the versions of pandas and openpyxl.
"""

import json
import sys
import time


def main():
    path, sheet = sys.argv[1], sys.argv[2]
    t0 = time.perf_counter()
    import openpyxl
    import pandas as pd

    t1 = time.perf_counter()
    df = pd.read_excel(path, sheet_name=sheet, engine="openpyxl")
    t2 = time.perf_counter()
    print(json.dumps({
        "import_s": t1 - t0,
        "read_s": t2 - t1,
        "rows": int(df.shape[0]),
        "columns": int(df.shape[1]),
        "pandas": pd.__version__,
        "openpyxl": openpyxl.__version__,
    }))


if __name__ == "__main__":
    main()
