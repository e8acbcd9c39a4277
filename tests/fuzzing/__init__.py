"""The fuzz suite of `extract.convert` and `extract convert` (issue 13).

Hostile inputs are made from the samples in `samples/` (and a few generated PDFs) by the
mutators of `text`, `html` and `pdf`; `inputs` picks, for input number N of a seed, the format,
the sample and the mutations (the same input for the same seed and N, in any order, on any
machine). `campaign` runs each input in a child process forked from a warm parent, with a CPU
time and a memory limit, and buckets what went wrong by the place in our code it went wrong:
exceptions escaping `convert`, `internal_error` diagnostics, failed documents that do not name
file and reason, writer and CLI exceptions, native crashes, inputs over the time limit (hangs,
placed by the Python stack at the limit) and inputs over the memory limit. It reports inputs
tried, the buckets, the slowest input and the slowest time per MB, and peak memory.

Run it with `bench/fuzz.py` (the long campaign); `tests/test_fuzz.py` runs a short seeded one
and the regression samples of `tests/data/fuzz/`.
"""
