"""The library API, above every stage and below the CLI: what `import extract` offers.

`conversion` (convert one file or a batch, errors as data, optionally written as CSV and JSON),
`editions` (the documents `check`, `compare` and `series` work on: inputs converted in memory or
convert outputs read back), `analysis` (the path-taking `check`, `compare` and `series`: load,
then call `extract.checks`), `tracing` (`trace`: how the parser read each line of a file) and
`limits` (time limit and process count of a batch).

Nothing is imported here: `extract/__init__.py` binds the public names lazily, so `import extract`
and `extract --help` stay fast.
"""
