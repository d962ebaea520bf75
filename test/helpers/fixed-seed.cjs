// Every fast-check property runs from a fixed seed unless its test gives its own: a failure reproduces.
require('fast-check').configureGlobal({ seed: 2026 });
