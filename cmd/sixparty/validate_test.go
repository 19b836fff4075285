package main

import "testing"

// TestValidateJobs checks that validate's games give the same report on
// one worker as on two, and that -j below 1 is a usage error.
func TestValidateJobs(t *testing.T) {
	const file = "../../docs/tutorial/harbour.yaml"
	code1, out1, errs1 := invoke(t, "validate", "-j", "1", "--games", "60", file)
	code2, out2, errs2 := invoke(t, "validate", "-j", "2", "--games", "60", file)
	if code1 != code2 || out1 != out2 || errs1 != errs2 {
		t.Errorf("validate -j 1: %d %q %q; -j 2: %d %q %q", code1, out1, errs1, code2, out2, errs2)
	}
	if code1 != exitOK || out1 != file+": ok\n" {
		t.Errorf("validate: code %d, stdout %q, stderr %q", code1, out1, errs1)
	}
	if code, _, errs := invoke(t, "validate", "-j", "0", file); code != exitUsage || errs != "sixparty validate: -j must be at least 1\n" {
		t.Errorf("validate -j 0: code %d, stderr %q", code, errs)
	}
}
