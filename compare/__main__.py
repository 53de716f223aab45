"""`python -m compare` runs the same command line as `tilmash`."""

from compare.cli import main

main()
