package cluster_test

import (
	"errors"
	"math"
	"testing"

	"wayline/internal/persona/cluster"
)

func TestChooseKFindsPlantedK(t *testing.T) {
	tests := []struct {
		name       string
		k          int
		spread     float64
		kMin, kMax int
		want       int
	}{
		{"six anisotropic blobs", 6, 2.5, 2, 10, 6},
		{"four anisotropic blobs", 4, 2.5, 2, 10, 4},
		{"one blob, k from 2", 1, 2.5, 2, 10, 2},
		{"one blob, k from 1", 1, 2.5, 1, 10, 1},
		{"three touching blobs, k from 1", 3, 1.7, 1, 8, 3},
		{"eight blobs", 8, 2.5, 2, 12, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, d := 8000, 20
			x, _ := blobs(n, d, tt.k, tt.spread, 77)
			ch, err := cluster.ChooseK(x, n, d, tt.kMin, tt.kMax, cluster.Options{Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			if ch.K != tt.want {
				t.Errorf("got k = %d, want %d (scores %+v)", ch.K, tt.want, ch.Scores)
			}
			if ch.Method != cluster.MethodSilhouette {
				t.Errorf("got method %q, want %q", ch.Method, cluster.MethodSilhouette)
			}
			if len(ch.Scores) != tt.kMax-tt.kMin+1 {
				t.Fatalf("got %d scores, want %d", len(ch.Scores), tt.kMax-tt.kMin+1)
			}
			for i, s := range ch.Scores {
				if s.K != tt.kMin+i {
					t.Errorf("score %d: got k %d, want %d", i, s.K, tt.kMin+i)
				}
				if s.K == 1 && s.Silhouette != 0 {
					t.Errorf("k = 1: got silhouette %v, want 0", s.Silhouette)
				}
			}
		})
	}
}

func TestChooseKTinyAndInvalid(t *testing.T) {
	tests := []struct {
		name       string
		x          []float64
		n, d       int
		kMin, kMax int
		wantK      int
		wantScores int
		wantErr    error
	}{
		{"no rows", nil, 0, 2, 2, 5, 0, 0, cluster.ErrEmpty},
		{"Inf", []float64{1, 2, 3, 4, 5, 6, 7, math.Inf(1)}, 4, 2, 2, 3, 0, 0, cluster.ErrNonFinite},
		{"kMax below kMin", []float64{1, 2, 3}, 3, 1, 3, 2, 0, 0, cluster.ErrBadK},
		{"three rows, range to ten", []float64{0, 0, 10, 10, 20, 20}, 3, 2, 2, 10, 2, 2, nil},
		{"all rows equal", []float64{1, 1, 1, 1, 1}, 5, 1, 2, 6, 1, 1, nil},
		{"two pairs", []float64{0, 0.1, 10, 10.1}, 4, 1, 1, 3, 2, 3, nil},
		{"kMin zero counts as one", []float64{0, 0.1, 10, 10.1}, 4, 1, 0, 2, 2, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch, err := cluster.ChooseK(tt.x, tt.n, tt.d, tt.kMin, tt.kMax, cluster.Options{})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got error %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if ch.K != tt.wantK || len(ch.Scores) != tt.wantScores {
				t.Errorf("got k %d with %d scores, want %d with %d (%+v)", ch.K, len(ch.Scores), tt.wantK, tt.wantScores, ch.Scores)
			}
		})
	}
}

func TestChooseKOrderIndependent(t *testing.T) {
	n, d := 4000, 8
	x, _ := blobs(n, d, 3, 2, 5)
	want, err := cluster.ChooseK(x, n, d, 2, 6, cluster.Options{Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	xs, _ := shuffled(x, n, d, 3)
	got, err := cluster.ChooseK(xs, n, d, 2, 6, cluster.Options{Seed: 4, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got.K != want.K {
		t.Errorf("got k %d, want %d", got.K, want.K)
	}
	for i := range want.Scores {
		if got.Scores[i] != want.Scores[i] {
			t.Errorf("k %d: got score %+v, want %+v", want.Scores[i].K, got.Scores[i], want.Scores[i])
		}
	}
}
