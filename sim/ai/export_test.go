package ai

// SetRecordPlayOuts has the planner play out with a ledger (on) or
// without (off, the default), for tests that compare the two.
func SetRecordPlayOuts(on bool) { recordPlayOuts = on }
