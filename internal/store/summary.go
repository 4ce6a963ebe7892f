package store

import (
	"fmt"
	"maps"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// Summary describes the whole workspace: what the overview screen and `wayline imports` show.
type Summary struct {
	Batches    int `json:"batches"`
	Rows       int `json:"rows"`
	Events     int `json:"events"`
	Links      int `json:"links"`
	Attributes int `json:"attributes"`
	Rejected   int `json:"rejected"`
	Duplicates int `json:"duplicates"`
	Skipped    int `json:"skipped"`
	// Identifiers counts distinct identifier values by type across all batches: an email seen in three
	// files counts once.
	Identifiers map[string]int `json:"identifiers"`
	// MinTime and MaxTime span all events (Unix microseconds); both are 0 when there are no events.
	MinTime int64 `json:"minTime"`
	MaxTime int64 `json:"maxTime"`
	// Event counts by source, channel, device and touchpoint.
	Sources     map[string]int `json:"sources"`
	Channels    map[string]int `json:"channels"`
	Devices     map[string]int `json:"devices"`
	Touchpoints map[string]int `json:"touchpoints"`
	Files       []FileInfo     `json:"files"` // every batch's files, in batch order
}

// Summary adds up the batches' stats and scans the rows once for distinct identifiers. The result is
// cached until the next committed write, so asking again is free. Errors: ErrCorrupt.
func (w *Workspace) Summary() (Summary, error) {
	w.summaryMu.Lock()
	defer w.summaryMu.Unlock()
	var s Summary
	err := w.db.View(func(tx *bolt.Tx) error {
		// A read transaction's ID is the last committed write's, so it tells whether the cache is current.
		if w.summary != nil && w.summaryTx == tx.ID() {
			s = *w.summary
			return nil
		}
		var err error
		if s, err = summarise(tx); err != nil {
			return err
		}
		w.summary, w.summaryTx = &s, tx.ID()
		return nil
	})
	if err != nil {
		return Summary{}, err
	}
	return s.clone(), nil
}

func summarise(tx *bolt.Tx) (Summary, error) {
	s := Summary{Identifiers: map[string]int{}, Sources: map[string]int{}, Channels: map[string]int{},
		Devices: map[string]int{}, Touchpoints: map[string]int{}}
	hasTime := false
	err := tx.Bucket(bucketBatches).ForEach(func(k, v []byte) error {
		b, err := decodeBatch(k, v)
		if err != nil {
			return err
		}
		s.Batches++
		c := b.Counts
		s.Rows += c.Rows
		s.Events += c.Events
		s.Links += c.Links
		s.Attributes += c.Attributes
		s.Rejected += c.Rejected
		s.Duplicates += c.Duplicates
		s.Skipped += c.Skipped
		if c.Events > 0 {
			if !hasTime || b.Stats.MinTime < s.MinTime {
				s.MinTime = b.Stats.MinTime
			}
			if !hasTime || b.Stats.MaxTime > s.MaxTime {
				s.MaxTime = b.Stats.MaxTime
			}
			hasTime = true
		}
		for dst, src := range map[*map[string]int]map[string]int{&s.Sources: b.Stats.Sources,
			&s.Channels: b.Stats.Channels, &s.Devices: b.Stats.Devices, &s.Touchpoints: b.Stats.Touchpoints} {
			for label, n := range src {
				(*dst)[label] += n
			}
		}
		s.Files = append(s.Files, b.Files...)
		return nil
	})
	if err != nil {
		return Summary{}, err
	}
	// Exact distinct counts: a set of values per type. For a million customers that is tens of megabytes,
	// held only for the scan.
	distinct := map[string]map[string]struct{}{}
	err = forEachCommittedRow(tx, func(_ uint64, k, v []byte) error {
		err := scanIdentifiers(v, func(typ, value []byte) {
			set, ok := distinct[string(typ)]
			if !ok {
				set = map[string]struct{}{}
				distinct[string(typ)] = set
			}
			if _, ok := set[string(value)]; !ok {
				set[string(value)] = struct{}{}
			}
		})
		if err != nil {
			return fmt.Errorf("row %x: %w", k, err)
		}
		return nil
	})
	if err != nil {
		return Summary{}, err
	}
	for typ, set := range distinct {
		s.Identifiers[typ] = len(set)
	}
	return s, nil
}

// clone copies the maps and slices so that callers cannot change the cached Summary.
func (s Summary) clone() Summary {
	s.Identifiers = maps.Clone(s.Identifiers)
	s.Sources = maps.Clone(s.Sources)
	s.Channels = maps.Clone(s.Channels)
	s.Devices = maps.Clone(s.Devices)
	s.Touchpoints = maps.Clone(s.Touchpoints)
	s.Files = slices.Clone(s.Files)
	return s
}
