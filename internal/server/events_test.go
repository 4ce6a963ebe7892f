package server_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// stream is an /api/events client that reads lines in the background.
type stream struct {
	resp  *http.Response
	lines chan string
}

func openStream(t *testing.T, client *http.Client, url string) *stream {
	t.Helper()
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: got %d, want 200", url, resp.StatusCode)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type: got %q, want text/event-stream", ct)
	}
	s := &stream{resp: resp, lines: make(chan string, 1024)}
	go func() {
		defer close(s.lines)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			s.lines <- sc.Text()
		}
	}()
	// The server subscribes before it writes the retry hint, so an Emit after this line is delivered.
	if line := s.next(t, "retry:"); line != "retry: 2000" {
		t.Fatalf("first line: got %q, want the retry hint", line)
	}
	return s
}

// next returns the next line starting with prefix, skipping others; it fails after 5 s.
func (s *stream) next(t *testing.T, prefix string) string {
	t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case line, ok := <-s.lines:
			if !ok {
				t.Fatalf("stream ended while waiting for %q", prefix)
			}
			if strings.HasPrefix(line, prefix) {
				return line
			}
		case <-timeout:
			t.Fatalf("no %q line within 5 s", prefix)
		}
	}
}

type event struct {
	Name string          `json:"name"`
	Data json.RawMessage `json:"data"`
}

func (s *stream) event(t *testing.T) event {
	t.Helper()
	line := s.next(t, "data: ")
	var e event
	if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &e); err != nil {
		t.Fatalf("event %q: %v", line, err)
	}
	return e
}

func TestEventsReceiveEmit(t *testing.T) {
	s, ts := start(t, baseOptions(t))
	a := openStream(t, ts.Client(), ts.URL+"/api/events")
	b := openStream(t, ts.Client(), ts.URL+"/api/events")

	s.Emit("import:progress", map[string]any{"file": "orders.csv", "fraction": 0.5})
	s.Emit("import:done", nil)
	for i, st := range []*stream{a, b} {
		e := st.event(t)
		if e.Name != "import:progress" || string(e.Data) != `{"file":"orders.csv","fraction":0.5}` {
			t.Errorf("client %d first event: got %s %s, want import:progress with its data", i, e.Name, e.Data)
		}
		if e := st.event(t); e.Name != "import:done" || string(e.Data) != "null" {
			t.Errorf("client %d second event: got %s %s, want import:done null", i, e.Name, e.Data)
		}
	}
}

func TestEventsUnencodableDataIsDropped(t *testing.T) {
	s, ts := start(t, baseOptions(t))
	st := openStream(t, ts.Client(), ts.URL+"/api/events")
	s.Emit("bad", make(chan int))
	s.Emit("good", 1)
	if e := st.event(t); e.Name != "good" {
		t.Errorf("event after an unencodable one: got %q, want good", e.Name)
	}
}

func TestEventsHeartbeat(t *testing.T) {
	opts := baseOptions(t)
	opts.Heartbeat = 20 * time.Millisecond
	_, ts := start(t, opts)
	st := openStream(t, ts.Client(), ts.URL+"/api/events")
	if line := st.next(t, ":"); line != ": ping" {
		t.Errorf("heartbeat: got %q, want \": ping\"", line)
	}
}

func TestEventsWithQueryToken(t *testing.T) {
	s, base, client := tokenServer(t)
	resp, err := client.Get(base + "/api/events")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Fatalf("events without token: got %d, want 401", resp.StatusCode)
	}
	st := openStream(t, client, base+"/api/events?token="+token)
	s.Emit("workspace:changed", "x")
	if e := st.event(t); e.Name != "workspace:changed" {
		t.Errorf("event: got %q, want workspace:changed", e.Name)
	}
}

// A client that stops reading must not hold up Emit; it loses the oldest events, not the newest.
func TestEventsSlowClientDoesNotBlock(t *testing.T) {
	s, ts := start(t, baseOptions(t))
	st := openStream(t, ts.Client(), ts.URL+"/api/events")
	// Nobody takes lines from st until all events are emitted: its line buffer fills, then the socket
	// buffers, then the server's per-client buffer.
	payload := strings.Repeat("p", 4096)
	const n = 5000 // ~20 MB: far beyond socket buffers and the per-client buffer
	began := time.Now()
	for i := range n {
		s.Emit("import:progress", fmt.Sprintf("%d:%s", i, payload))
	}
	if took := time.Since(began); took > 5*time.Second {
		t.Errorf("Emit of %d events to a stalled client took %s, want it not to wait for the client", n, took)
	}
	// Drain: the last event must arrive; some before it were dropped.
	received := 0
	for {
		e := st.event(t)
		received++
		var data string
		if err := json.Unmarshal(e.Data, &data); err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(data, fmt.Sprintf("%d:", n-1)) {
			break
		}
	}
	if received >= n {
		t.Errorf("received %d of %d events, want some dropped for a client that did not keep up", received, n)
	}
	t.Logf("slow client received %d of %d events", received, n)
}
