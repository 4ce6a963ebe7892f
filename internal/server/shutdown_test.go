package server_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"wayline/internal/server"
)

// Gate is a bound struct whose calls wait until the test lets them finish.
type Gate struct {
	entered chan struct{}
	release chan struct{}
	stopped chan error
}

func newGate() *Gate {
	return &Gate{entered: make(chan struct{}, 1), release: make(chan struct{}), stopped: make(chan error, 1)}
}

// Wait blocks until released.
func (g *Gate) Wait(label string) (string, error) {
	g.entered <- struct{}{}
	<-g.release
	return "done:" + label, nil
}

// Cancelable blocks until its context ends, as a long import does.
func (g *Gate) Cancelable(ctx context.Context) (string, error) {
	g.entered <- struct{}{}
	<-ctx.Done()
	g.stopped <- ctx.Err()
	return "", errors.New("import cancelled; nothing was stored")
}

// serve runs ListenAndServe on a free loopback port and returns its address and result channel.
func serve(t *testing.T, opts server.Options) (*server.Server, context.CancelFunc, <-chan error) {
	t.Helper()
	s, err := server.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	finished := make(chan struct{}) // closed after the result is in done, which the test may have read
	go func() {
		done <- s.ListenAndServe(ctx)
		close(finished)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-finished:
		case <-time.After(10 * time.Second):
			t.Error("ListenAndServe did not return within 10 s of cancel")
		}
	})
	select {
	case <-s.Ready():
	case err := <-done:
		t.Fatalf("ListenAndServe: %v", err)
	}
	if s.Addr() == "" || strings.HasSuffix(s.Addr(), ":0") {
		t.Fatalf("Addr after Ready: got %q, want the real port", s.Addr())
	}
	return s, cancel, done
}

func TestListenAndServeGracefulShutdown(t *testing.T) {
	gate := newGate()
	opts := baseOptions(t)
	opts.Bound = map[string]any{"Gate": gate, "Calc": Calc{}}
	s, cancel, done := serve(t, opts)
	base := "http://" + s.Addr()
	if got, want := s.URL(), base+"/"; got != want {
		t.Errorf("URL: got %q, want %q", got, want)
	}

	// An open event stream must not hold the shutdown up.
	stream := openStream(t, http.DefaultClient, base+"/api/events")

	type answer struct {
		status int
		body   string
		err    error
	}
	answered := make(chan answer, 1)
	go func() {
		resp, err := http.Post(base+"/api/call/Gate.Wait", "application/json", strings.NewReader(`["a"]`))
		if err != nil {
			answered <- answer{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		answered <- answer{resp.StatusCode, string(b), err}
	}()
	<-gate.entered
	cancel()

	select {
	case err := <-done:
		t.Fatalf("ListenAndServe returned (%v) while a call was in flight", err)
	case <-time.After(200 * time.Millisecond):
	}
	// The stream was ended by the shutdown.
	for range stream.lines {
	}
	if _, err := http.Get(base + "/api/health"); err == nil {
		t.Error("new request during shutdown: got an answer, want the listener closed")
	}

	close(gate.release)
	a := <-answered
	if a.err != nil || a.status != 200 || a.body != "\"done:a\"\n" {
		t.Errorf("in-flight call: got %d %q %v, want 200 \"done:a\"", a.status, a.body, a.err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("ListenAndServe after graceful shutdown: got %v, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ListenAndServe did not return after the in-flight call finished")
	}
}

func TestListenAndServeForcedShutdownCancelsCalls(t *testing.T) {
	gate := newGate()
	opts := baseOptions(t)
	opts.Bound = map[string]any{"Gate": gate}
	opts.ShutdownTimeout = 200 * time.Millisecond
	s, cancel, done := serve(t, opts)

	go func() {
		resp, err := http.Post("http://"+s.Addr()+"/api/call/Gate.Cancelable", "application/json", strings.NewReader(`[]`))
		if err == nil {
			resp.Body.Close()
		}
	}()
	<-gate.entered
	began := time.Now()
	cancel()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "still running") {
			t.Errorf("forced shutdown: got %v, want an error saying requests were still running", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ListenAndServe did not return after its shutdown timeout")
	}
	if took := time.Since(began); took < 200*time.Millisecond {
		t.Errorf("shutdown took %s, want it to wait the 200ms timeout first", took)
	}
	select {
	case err := <-gate.stopped:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("method context: got %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("the method's context was not cancelled by the forced shutdown")
	}
}

func TestListenAndServeAddressInUse(t *testing.T) {
	s, _, _ := serve(t, baseOptions(t))
	opts := baseOptions(t)
	opts.Addr = s.Addr()
	other, err := server.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	err = other.ListenAndServe(context.Background())
	if err == nil || !strings.Contains(err.Error(), "listen on "+s.Addr()) {
		t.Errorf("second listener on %s: got %v, want a listen error", s.Addr(), err)
	}
	<-other.Ready()
}

func TestURLWithToken(t *testing.T) {
	opts := baseOptions(t)
	opts.Token = "abc"
	s, _, _ := serve(t, opts)
	if got, want := s.URL(), "http://"+s.Addr()+"/?token=abc"; got != want {
		t.Errorf("URL: got %q, want %q", got, want)
	}
}
