package store_test

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"wayline/internal/store"
)

// childEnv makes the test binary, re-executed by a test, play a second process: "hold PATH" keeps the
// workspace open until stdin closes; "import PATH" runs crashImports.
const childEnv = "WAYLINE_STORE_CHILD"

// TestChildProcess is the entry point of the re-executed test binary; run normally it does nothing.
func TestChildProcess(t *testing.T) {
	role, path, ok := strings.Cut(os.Getenv(childEnv), " ")
	if !ok {
		t.Skip("runs only as a child process of another test")
	}
	ws, err := store.Open(path, store.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(2)
	}
	switch role {
	case "hold":
		fmt.Println("ready")
		io.Copy(io.Discard, os.Stdin)
	case "import":
		// Small chunks, so that every batch spans several transactions and kills land between them.
		defer store.SetChunkBytes(crashChunkBytes)()
		if err := crashImports(ws); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(3)
		}
	}
	ws.Close()
	os.Exit(0)
}

// The crash test's child imports crashBatches batches of crashBatchRows rows each (300,000 rows in all).
const (
	crashBatches   = 5
	crashBatchRows = 60_000
	// crashChunkBytes makes each batch (about 3.5 MB of encoded rows) span several transactions.
	crashChunkBytes = 512 << 10
)

// crashImports imports the batches one after another and reports each commit on stdout once Commit has
// returned, so the parent knows which batches must survive a kill.
func crashImports(ws *store.Workspace) error {
	for b := range crashBatches {
		im, err := ws.BeginImport(oneFile("part" + strconv.Itoa(b) + ".csv"))
		if err != nil {
			return err
		}
		for i := range crashBatchRows {
			n := b*crashBatchRows + i
			if _, err := im.Add(0, customerRow(n), seqFingerprint(7, n)); err != nil {
				return err
			}
		}
		batch, _, err := im.Commit()
		if err != nil {
			return err
		}
		fmt.Printf("committed %d %d\n", batch.ID, batch.Counts.Rows)
	}
	return nil
}

// childCommand re-executes the test binary as a child playing role on path.
func childCommand(role, path string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+role+" "+path)
	cmd.Stderr = os.Stderr
	return cmd
}
