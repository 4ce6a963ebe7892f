package demo_test

import (
	"os"
	"strconv"
	"testing"
	"time"

	"wayline/internal/demo"
)

// TestBigExport is opt-in (WAYLINE_DEMO_BIG=customers, WAYLINE_DEMO_DIR=folder): it times one large export.
func TestBigExport(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("WAYLINE_DEMO_BIG"))
	dir := os.Getenv("WAYLINE_DEMO_DIR")
	if n == 0 || dir == "" {
		t.Skip("set WAYLINE_DEMO_BIG and WAYLINE_DEMO_DIR to time a large export")
	}
	start := time.Now()
	m, err := demo.Export(dir, demo.Options{Customers: n})
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, f := range m.Files {
		rows += f.Rows
	}
	t.Logf("%d customers: %d rows in %v", n, rows, time.Since(start))
}
