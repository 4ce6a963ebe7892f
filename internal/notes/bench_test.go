package notes_test

import (
	"testing"

	"wayline/internal/notes"
)

// BenchmarkMoveAmong300: a workshop wall of 300 notes with 3,000 earlier changes; one move costs one note
// and one history entry, not the wall.
func BenchmarkMoveAmong300(b *testing.B) {
	ws := openTemp(b)
	var ids []string
	for range 300 {
		n, err := notes.Add(ws, sticky("a note"))
		if err != nil {
			b.Fatal(err)
		}
		ids = append(ids, n.ID)
	}
	for i := range 3000 {
		if _, err := notes.Move(ws, ids[i%300], float64(i%97)/97, 0.5, "Ana"); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := notes.Move(ws, ids[i%300], float64(i%89)/89, 0.25, "Ben"); err != nil {
			b.Fatal(err)
		}
	}
}
