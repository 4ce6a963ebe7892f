package server_test

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestLoad hammers read methods from 50 concurrent clients over real loopback TCP for WAYLINE_LOAD_SECONDS
// (default 30), checking every answer, while events are emitted to a listening stream.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test skipped in -short mode")
	}
	duration := 30 * time.Second
	if v := os.Getenv("WAYLINE_LOAD_SECONDS"); v != "" {
		secs, err := strconv.ParseFloat(v, 64)
		if err != nil || secs <= 0 {
			t.Fatalf("WAYLINE_LOAD_SECONDS=%q: want a positive number of seconds", v)
		}
		duration = time.Duration(secs * float64(time.Second))
	}
	const clients = 50

	opts := baseOptions(t)
	opts.Logf = func(string, ...any) {} // the fake structs' unbindable methods would be logged once per test
	s, _, _ := serve(t, opts)
	base := "http://" + s.Addr()
	transport := &http.Transport{MaxIdleConns: clients * 2, MaxIdleConnsPerHost: clients * 2}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: 10 * time.Second}

	// Events flow during the load so that Emit and the stream run concurrently with calls.
	stream := openStream(t, client, base+"/api/events")
	stopEmit := make(chan struct{})
	emitted := make(chan int, 1)
	go func() {
		n := 0
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stopEmit:
				emitted <- n
				return
			case <-tick.C:
				s.Emit("import:progress", map[string]int{"rows": n})
				n++
			}
		}
	}()
	go func() {
		for range stream.lines {
		}
	}()

	deadline := time.Now().Add(duration)
	var (
		wg        sync.WaitGroup
		mu        sync.Mutex
		latencies []time.Duration
		failures  []string
	)
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(c), 42))
			var mine []time.Duration
			var errs []string
			for time.Now().Before(deadline) && len(errs) < 5 {
				began := time.Now()
				if err := loadCall(client, base, rng); err != nil {
					errs = append(errs, err.Error())
					continue
				}
				mine = append(mine, time.Since(began))
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			failures = append(failures, errs...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	close(stopEmit)
	events := <-emitted

	if len(failures) > 0 {
		t.Fatalf("%d failed request(s), want none; first: %s", len(failures), failures[0])
	}
	if len(latencies) == 0 {
		t.Fatal("no request completed")
	}
	slices.Sort(latencies)
	pct := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
	t.Logf("%d clients, %s: %d requests, %.0f requests/s, p50 %s, p99 %s, max %s; %d events emitted meanwhile",
		clients, duration, len(latencies), float64(len(latencies))/duration.Seconds(),
		pct(0.50), pct(0.99), latencies[len(latencies)-1], events)
}

// loadCall makes one random read call and checks its answer.
func loadCall(client *http.Client, base string, rng *rand.Rand) error {
	var name, body, want string
	if rng.IntN(2) == 0 {
		a, b := rng.IntN(1_000_000)-500_000, rng.IntN(1_000_000)
		name, body, want = "Calc.Add", fmt.Sprintf("[%d,%d]", a, b), strconv.Itoa(a+b)
	} else {
		tags := []string{strconv.Itoa(rng.IntN(100)), strconv.Itoa(rng.IntN(100))}
		p := Pair{Name: "n" + strconv.Itoa(rng.IntN(1000)), Count: rng.IntN(20), Tags: tags}
		arg, _ := json.Marshal([]Pair{p})
		expect, _ := json.Marshal(p.Name + ":" + strings.Join(tags, ",") + ":" + strings.Repeat("x", p.Count))
		name, body, want = "Calc.Describe", string(arg), string(expect)
	}
	resp, err := client.Post(base+"/api/call/"+name, "application/json", strings.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 || strings.TrimSpace(string(got)) != want {
		return fmt.Errorf("%s %s: got %d %q, want 200 %s", name, body, resp.StatusCode, got, want)
	}
	return nil
}
