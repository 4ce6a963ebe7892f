package app_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"wayline/app"
)

func TestPersonasCancelKeepsThePreviousPersonas(t *testing.T) {
	a, _ := openDemo(t)
	if a.Personas.Cancel() {
		t.Fatal("Cancel with no run going answered true, want false")
	}
	if _, err := a.Personas.Run(app.PersonaRunOptions{Seed: 1}); err != nil {
		t.Fatal(err)
	}
	before, err := a.Personas.Current()
	if err != nil {
		t.Fatal(err)
	}

	// Two runs at once: one runs, the other is refused. Both methods with automatic k is the slowest run.
	type outcome struct {
		res app.PersonaResult
		err error
	}
	done := make(chan outcome, 2)
	for seed := range uint64(2) {
		go func() {
			res, err := a.Personas.Run(app.PersonaRunOptions{Method: "auto", Seed: 10 + seed})
			done <- outcome{res, err}
		}()
	}
	// Cancel as soon as a run is going; a refused run may come back first.
	var outcomes []outcome
	cancelled := false
	deadline := time.After(time.Minute)
	for !cancelled && len(outcomes) < 2 {
		select {
		case o := <-done:
			outcomes = append(outcomes, o)
		case <-deadline:
			t.Fatal("no run to cancel within a minute")
		default:
			cancelled = a.Personas.Cancel()
			time.Sleep(time.Millisecond)
		}
	}
	if !cancelled {
		t.Fatalf("both runs ended before Cancel could stop one: %v, %v", outcomes[0].err, outcomes[1].err)
	}
	start := time.Now()
	for len(outcomes) < 2 {
		outcomes = append(outcomes, <-done)
	}
	t.Logf("the runs returned within %v of the cancel", time.Since(start))

	var refused, stopped int
	for _, o := range outcomes {
		switch {
		case errors.Is(o.err, app.ErrPersonaRunning):
			refused++
			if o.err.Error() != "a persona run is already running: wait or cancel it" {
				t.Errorf("got refusal %q", o.err)
			}
		case errors.Is(o.err, app.ErrPersonaRunCancelled):
			stopped++
			if !strings.Contains(o.err.Error(), "cancelled") {
				t.Errorf("got %q, want it to say the run was cancelled", o.err)
			}
		default:
			t.Errorf("got result %d personas, error %v; want one run refused and one cancelled", len(o.res.Personas), o.err)
		}
	}
	if refused != 1 || stopped != 1 {
		t.Errorf("got %d refused and %d cancelled runs, want one of each", refused, stopped)
	}
	if a.Personas.Cancel() {
		t.Error("Cancel after the run ended answered true, want false")
	}

	after, err := a.Personas.Current()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(before)
	c, _ := json.Marshal(after)
	if string(b) != string(c) {
		t.Errorf("a cancelled run changed the personas:\nbefore %s\nafter  %s", b, c)
	}

	// The lock is released: the next run goes through.
	if _, err := a.Personas.Run(app.PersonaRunOptions{Seed: 1}); err != nil {
		t.Fatalf("a run after the cancelled one: %v", err)
	}
}
