package benchmem_test

import (
	"testing"

	"wayline/internal/benchmem"
)

func TestPeakGrowsWithAllocation(t *testing.T) {
	benchmem.ResetPeak()
	before, ok := benchmem.PeakKB()
	if !ok {
		t.Skip("no /proc/self/status here")
	}
	buf := make([]byte, 64<<20)
	for i := range buf {
		buf[i] = byte(i)
	}
	after, _ := benchmem.PeakKB()
	if after-before < 60<<10 {
		t.Fatalf("peak grew by %d KiB after touching 64 MiB, want ≥ 60 MiB", after-before)
	}
	if benchmem.HeapInUse() < 64<<20 {
		t.Fatalf("heap in use %d, want ≥ 64 MiB while the buffer lives", benchmem.HeapInUse())
	}
	_ = buf[len(buf)-1]
}
