package store_test

import (
	"bufio"
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"wayline/internal/record"
	"wayline/internal/store"
)

// TestLockedByAnotherProcess holds the workspace open in a child process and checks that a second Open
// fails within about the one-second default timeout, with a message that names the file and says what
// to do.
func TestLockedByAnotherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.wayline")
	cmd := childCommand("hold", path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	if line, err := bufio.NewReader(stdout).ReadString('\n'); err != nil || line != "ready\n" {
		t.Fatalf("child: got (%q, %v), want ready", line, err)
	}

	start := time.Now()
	ws, err := store.Open(path, store.Options{})
	elapsed := time.Since(start)
	if err == nil {
		ws.Close()
		t.Fatal("second Open: got no error, want ErrLocked")
	}
	if !errors.Is(err, store.ErrLocked) {
		t.Errorf("got %v, want ErrLocked", err)
	}
	for _, want := range []string{path, "close the other Wayline window"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q does not contain %q", err, want)
		}
	}
	if elapsed < 900*time.Millisecond || elapsed > 2500*time.Millisecond {
		t.Errorf("Open gave up after %v, want about 1s", elapsed)
	}
	if _, err := store.Open(path, store.Options{ReadOnly: true, Timeout: -1}); !errors.Is(err, store.ErrLocked) {
		t.Errorf("read-only Open while a writer holds the file: got %v, want ErrLocked", err)
	}

	stdin.Close() // the child closes the workspace and exits
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
	ws, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("Open after the other process closed: %v", err)
	}
	closeAndCheck(t, ws)
}

// TestCrashMidImportLeavesNoTrace kills a child process at 22 seeded random moments spread over a
// 300,000-row, five-batch import. After every kill the workspace must open, pass Check (bbolt's tx.Check
// plus the store's invariants, which include "no interrupted import left"), and hold every batch that was
// committed before the kill, whole.
func TestCrashMidImportLeavesNoTrace(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test runs the import 23 times")
	}
	dir := t.TempDir()
	base := filepath.Join(dir, "base.wayline")
	ws, err := store.Open(base, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	earlier, _ := importRows(t, ws, "earlier.csv", 1_000_000, 1_001_000)
	ws.Close()
	baseBytes, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}

	run := func(kill time.Duration) (committed []uint64, took time.Duration, path string) {
		path = filepath.Join(dir, "crash.wayline")
		if err := os.WriteFile(path, baseBytes, 0o600); err != nil {
			t.Fatal(err)
		}
		cmd := childCommand("import", path)
		var out bytes.Buffer
		cmd.Stdout = &out
		cmd.Stderr = nil // a killed child has nothing useful to say
		start := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if kill > 0 {
			time.Sleep(kill)
			cmd.Process.Kill() // SIGKILL on Unix; fails harmlessly if the child already finished
		}
		cmd.Wait()
		took = time.Since(start)
		for line := range strings.Lines(out.String()) {
			fields := strings.Fields(line)
			id, err := strconv.ParseUint(fields[1], 10, 64)
			if len(fields) != 3 || fields[0] != "committed" || err != nil {
				t.Fatalf("child output %q", line)
			}
			committed = append(committed, id)
		}
		return committed, took, path
	}

	committed, full, path := run(0)
	if len(committed) != crashBatches {
		t.Fatalf("calibration run committed %d batches, want %d", len(committed), crashBatches)
	}
	verifyAfterCrash(t, path, earlier, committed)
	t.Logf("uninterrupted import of %d rows took %v", crashBatches*crashBatchRows, full)

	const kills = 22
	rng := rand.New(rand.NewPCG(20261129, 1))
	var hist [crashBatches + 1]int
	for i := range kills {
		// Stratified: one moment in each of 22 equal slices of the run, so the kills cover it evenly.
		at := time.Duration((float64(i) + rng.Float64()) / kills * float64(full))
		committed, _, path := run(at)
		hist[len(committed)]++
		verifyAfterCrash(t, path, earlier, committed)
	}
	t.Logf("kills by batches already committed (0..%d): %v", crashBatches, hist)
	if hist[crashBatches] == kills {
		t.Errorf("every kill came after the import finished; the test exercised nothing")
	}
}

// verifyAfterCrash opens the workspace a killed child left and checks it. Row counts come from a read-only
// scan before cleanup (readers must ignore the killed import's rows) and must match the batches' counts,
// which the writable Check then proves equal to what is stored, with nothing left of the killed import.
func verifyAfterCrash(t *testing.T, path string, earlier store.Batch, committed []uint64) {
	t.Helper()
	ro, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only Open after kill: %v", err)
	}
	rows := map[uint64]int{}
	if err := ro.ForEachRow(func(batch uint64, _ record.Row) error { rows[batch]++; return nil }); err != nil {
		t.Fatal(err)
	}
	ro.Close()

	ws, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("Open after kill: %v", err)
	}
	defer ws.Close()
	if err := ws.Check(); err != nil {
		t.Fatalf("Check after kill (child had committed %v): %v", committed, err)
	}
	batches, err := ws.Batches()
	if err != nil {
		t.Fatal(err)
	}
	// The earlier batch, every batch the child reported, and at most the one whose Commit was under way
	// when the kill came (durable, but not yet reported).
	if len(batches) < 1+len(committed) || len(batches) > 2+len(committed) || len(batches) > 1+crashBatches {
		t.Fatalf("after kill: %d batches, child reported %d commits", len(batches), len(committed))
	}
	if batches[0].ID != earlier.ID || batches[0].Counts != earlier.Counts || rows[earlier.ID] != earlier.Counts.Rows {
		t.Errorf("earlier batch: got %d %+v with %d rows, want %d %+v", batches[0].ID, batches[0].Counts,
			rows[earlier.ID], earlier.ID, earlier.Counts)
	}
	for i, id := range committed {
		if batches[1+i].ID != id {
			t.Errorf("batch %d: got id %d, want %d", i, batches[1+i].ID, id)
		}
	}
	for _, b := range batches[1:] {
		if b.Counts.Rows != crashBatchRows || rows[b.ID] != crashBatchRows {
			t.Errorf("batch %d: counts say %d rows, %d stored; want %d", b.ID, b.Counts.Rows, rows[b.ID], crashBatchRows)
		}
	}
	if len(rows) != len(batches) {
		t.Errorf("rows belong to %d batches, want %d", len(rows), len(batches))
	}
}
