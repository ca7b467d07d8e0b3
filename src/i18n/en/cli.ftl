# The command line: --help, options.

