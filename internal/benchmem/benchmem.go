// Package benchmem measures a benchmark's peak resident memory on Linux, so memory budgets ("under 400 MB
// while importing a million rows") are reported next to the times. Only benchmarks import it.
package benchmem

import (
	"bytes"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
)

// ResetPeak returns freed memory to the OS and resets the kernel's peak-RSS mark, so that PeakKB measures
// from now on. Writing 5 to clear_refs is Linux-only (since 4.0); elsewhere the mark stays cumulative.
func ResetPeak() {
	runtime.GC()
	debug.FreeOSMemory()
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// PeakKB is the process's peak resident set size (VmHWM) in KiB; false where /proc is not available.
func PeakKB() (int, bool) {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for line := range bytes.Lines(status) {
		if rest, ok := bytes.CutPrefix(line, []byte("VmHWM:")); ok {
			kb, err := strconv.Atoi(string(bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(rest), []byte("kB")))))
			return kb, err == nil
		}
	}
	return 0, false
}

// HeapInUse is the Go heap in use now, for sampling a peak during a run.
func HeapInUse() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}
