// Package e2e holds end-to-end tests that drive the real programs: the
// browser test (build tag browser, `make test` runs it) starts `sixparty
// serve` and plays a seminar in Chromium pages.
package e2e
