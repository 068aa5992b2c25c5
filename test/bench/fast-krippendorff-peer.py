"""The peer of the `overens agreement` benchmark (test/bench/cli.ts): what a researcher would
write with the fast-krippendorff package (../shared/peers/fast-krippendorff, run as an outside
program, never imported by the product) to get nominal alpha from the same long CSV
(document,coder,variable,value): the csv module reads the rows, numpy holds the coders x units
matrix (nan = missing), krippendorff.alpha computes alpha. Prints alpha.
Usage: PYTHONPATH=<peers>/fast-krippendorff /usr/bin/python3 fast-krippendorff-peer.py long.csv
"""
import csv
import sys

import krippendorff
import numpy as np

units, coders = {}, {}
unit_index, coder_index, values = [], [], []
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    reader = csv.reader(f)
    next(reader)
    for document, coder, _variable, value in reader:
        if value == "":
            continue
        unit_index.append(units.setdefault(document, len(units)))
        coder_index.append(coders.setdefault(coder, len(coders)))
        values.append(float(value))
data = np.full((len(coders), len(units)), np.nan)
data[np.array(coder_index), np.array(unit_index)] = np.array(values)
print(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
