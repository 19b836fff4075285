package flow

import (
	"reflect"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/options"
)

// toOrders brings a fixture flow to the first person's orders.
func toOrders(t *testing.T) *Flow {
	t.Helper()
	f, _ := newFixture(t, solo(6)...)
	for range 3 {
		f.Do(Do(Confirm))
	}
	if f.Scene() != Orders {
		t.Fatalf("scene %v, want orders", f.Scene())
	}
	return f
}

// TestWhatIf forecasts the draft from the orders screen: the forecast runs
// off the caller's thread, opens its scene when polled, says what it is of,
// is the one options.Forecast makes for the draft, and goes back to the
// orders unchanged.
func TestWhatIf(t *testing.T) {
	f := toOrders(t)
	f.Do(Input{Action: SetLevel, Item: 0, Value: 2}) // Talk: much
	levels := append([]int(nil), f.Levels...)
	f.Do(Do(WhatIf))
	if !f.Forecasting() || f.ShotKey() != "orders-forecasting" {
		t.Fatalf("forecasting %v, shot %q", f.Forecasting(), f.ShotKey())
	}
	f.Do(Do(WhatIf))
	if f.Message != "Already forecasting; the result shows when it is ready." {
		t.Errorf("a second what-if says %q", f.Message)
	}
	f.WaitForecast()
	if f.Scene() != Forecast || f.Outlook == nil {
		t.Fatalf("scene %v after the forecast, want forecast", f.Scene())
	}
	if f.OutlookDraft != "Talk: much" {
		t.Errorf("draft %q", f.OutlookDraft)
	}
	want, err := options.Forecast(f.Game, 0, f.DraftOrders(), nil, ForecastOptions)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*f.Outlook, want) {
		t.Error("the window's forecast differs from options.Forecast of the same draft")
	}
	if got := f.OutlookTitle(); got != "What if: 50 play-outs of 4 turns from 2020-Q1" {
		t.Errorf("title %q", got)
	}
	rows := f.OutlookRows()
	if len(rows) != 1 || rows[0].Name != "Tension" || rows[0].Now != "50.0" {
		t.Errorf("rows %+v, want Tension now 50.0", rows)
	}
	labels, shares := f.OutlookShares()
	if len(labels) != 1 || labels[0] != "Limit: 100%" || shares[0] != 1 {
		t.Errorf("shares %v %v, want the turn limit at 100%%", labels, shares)
	}
	if !strings.Contains(f.OutlookNote(), "Your orders (Talk: much) on the first turn") {
		t.Errorf("note %q", f.OutlookNote())
	}
	if got := f.Hints(); !reflect.DeepEqual(got, []Action{Back, FullText}) || f.Label(Back) != "back to the orders" {
		t.Errorf("hints %v %q", got, f.Label(Back))
	}
	f.Do(Do(Back))
	if f.Scene() != Orders || !reflect.DeepEqual(f.Levels, levels) {
		t.Errorf("back: scene %v levels %v, want orders %v", f.Scene(), f.Levels, levels)
	}
}

// TestWhatIfDroppedWhenStale checks that a forecast finishing after its
// orders were submitted is dropped, not shown over another screen.
func TestWhatIfDroppedWhenStale(t *testing.T) {
	f := toOrders(t)
	f.Do(Do(WhatIf))
	f.Do(Do(Confirm)) // submit: the turn is played
	job := f.job
	<-job.done
	if !f.Poll() || f.Forecasting() || f.Scene() == Forecast || f.Outlook != nil {
		t.Errorf("a stale forecast was shown: scene %v", f.Scene())
	}
	if f.Poll() {
		t.Error("a second Poll reports a change")
	}
}

// TestWhatIfKeyOnOrders checks the orders screen offers the forecast.
func TestWhatIfKeyOnOrders(t *testing.T) {
	f := toOrders(t)
	found := false
	for _, a := range f.Hints() {
		found = found || a == WhatIf
	}
	if !found || WhatIf.String() != "what if?" {
		t.Errorf("orders hints %v lack %q", f.Hints(), WhatIf)
	}
}
