package importer_test

import (
	"bufio"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"wayline/internal/importer"
	"wayline/internal/ingest"
	"wayline/internal/record"
	"wayline/internal/store"
)

var eventsRecipe = ingest.Recipe{
	Identifiers: []ingest.IdentifierSpec{{Column: "customer_id", Type: "customer_id"}},
	Events: []ingest.EventSpec{{Time: "timestamp", Touchpoint: ingest.Field{Column: "touchpoint"},
		Channel: &ingest.Field{Column: "channel"}, Value: "value"}},
}

// writeEvents writes a large events CSV whose rows differ from every other file's (salt).
func writeEvents(t testing.TB, path string, rows, salt int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("customer_id,timestamp,touchpoint,channel,value\n")
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	touch := []string{"Home page", "Product page", "Cart", "Checkout", "Order placed"}
	for i := 0; i < rows; i++ {
		fmt.Fprintf(w, "c%d-%d,%s,%s,web,%d.%02d\n", salt, i%5000, start.Add(time.Duration(i)*time.Second).Format(time.RFC3339),
			touch[i%len(touch)], i%200, i%100)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// TestCrashChild is the child process of TestKilledImportLeavesWorkspaceWhole: it imports the files named
// in its environment one batch each, printing a line after every commit.
func TestCrashChild(t *testing.T) {
	ws := os.Getenv("WAYLINE_CRASH_WORKSPACE")
	if ws == "" {
		t.Skip("only runs as the crash test's child process")
	}
	w, err := store.Open(ws, store.Options{Timeout: 5 * time.Second})
	if err != nil {
		fmt.Println("open failed:", err)
		os.Exit(3)
	}
	r := eventsRecipe
	for _, file := range strings.Split(os.Getenv("WAYLINE_CRASH_FILES"), ",") {
		res, err := importer.Run(context.Background(), w, importer.Request{Files: []string{file}, Recipe: &r})
		if err != nil {
			fmt.Println("import failed:", err)
			os.Exit(3)
		}
		fmt.Printf("committed %d %s %d\n", res.Batch.ID, filepath.Base(file), res.Counts.Events)
	}
	w.Close()
}

// TestKilledImportLeavesWorkspaceWhole kills a real import of large files at 20+ random moments. After each
// kill the workspace must open, pass bbolt's consistency check, hold every committed batch whole and hold
// nothing of the batch that was being written.
func TestKilledImportLeavesWorkspaceWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	dir := t.TempDir()
	const files, rows = 4, 60000
	var paths []string
	for i := 0; i < files; i++ {
		p := filepath.Join(dir, fmt.Sprintf("events-%d.csv", i))
		writeEvents(t, p, rows, i)
		paths = append(paths, p)
	}
	ws := filepath.Join(dir, "crash.wayline")
	rng := rand.New(rand.NewSource(20261129))
	committed := map[uint64]int{} // batch id → events, as reported by children before they were killed

	const kills = 22
	for k := 0; k < kills; k++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "WAYLINE_CRASH_WORKSPACE="+ws, "WAYLINE_CRASH_FILES="+strings.Join(paths, ","))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 16)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		delay := time.Duration(100+rng.Intn(1400)) * time.Millisecond
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		for line := range lines {
			var id uint64
			var name string
			var events int
			if n, _ := fmt.Sscanf(line, "committed %d %s %d", &id, &name, &events); n == 3 && id != 0 {
				committed[id] = events
			} else if strings.Contains(line, "failed") {
				t.Fatalf("kill %d: child said %q", k, line)
			}
		}
		verifyWhole(t, ws, committed, k, delay)
	}
	t.Logf("%d kills; %d batches committed across them", kills, len(committed))
}

func verifyWhole(t *testing.T, path string, committed map[uint64]int, k int, delay time.Duration) {
	t.Helper()
	w, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("kill %d after %v: workspace does not open: %v", k, delay, err)
	}
	defer w.Close()
	if err := w.Check(); err != nil {
		t.Fatalf("kill %d after %v: consistency check: %v", k, delay, err)
	}
	batches, err := w.Batches()
	if err != nil {
		t.Fatal(err)
	}
	stored := map[uint64]int{}
	if err := w.ForEachRow(func(b uint64, r record.Row) error { stored[b] += len(r.Events); return nil }); err != nil {
		t.Fatal(err)
	}
	inBatches := map[uint64]bool{}
	for _, b := range batches {
		inBatches[b.ID] = true
		if stored[b.ID] != b.Counts.Events {
			t.Fatalf("kill %d: batch %d holds %d events, its record says %d", k, b.ID, stored[b.ID], b.Counts.Events)
		}
	}
	for id := range stored {
		if !inBatches[id] {
			t.Fatalf("kill %d: rows of batch %d are stored but the batch is not: a half-written import", k, id)
		}
	}
	for id, events := range committed {
		if !inBatches[id] || stored[id] != events {
			t.Fatalf("kill %d: committed batch %d (%d events) is missing or changed (%d stored)", k, id, events, stored[id])
		}
	}
}
