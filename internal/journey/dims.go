package journey

import (
	"sort"

	"wayline/internal/model"
)

// dim is one interned column (touchpoint, channel, device, source) re-numbered densely: ids 0..len-1 in the
// order of their labels, so every output sorted by id is sorted by name and deterministic.
type dim struct {
	names []string // label per dense id
	ids   []uint32 // dictionary id per dense id
}

// buildDim numbers the distinct dictionary ids of col (read at the given indices, or all when idx is nil)
// by label and returns the dim and a table from dictionary id to dense id (-1 elsewhere). label names a
// dictionary id; absent values (model.None) are called NoneLabel when none is true.
func buildDim(m *model.Model, col []uint32, idx []uint32, none bool) (dim, []int32) {
	table := make([]int32, m.DictSize())
	for i := range table {
		table[i] = -1
	}
	var d dim
	visit := func(id uint32) {
		if table[id] < 0 {
			table[id] = int32(len(d.ids))
			d.ids = append(d.ids, id)
		}
	}
	if idx == nil {
		for _, id := range col {
			visit(id)
		}
	} else {
		for _, e := range idx {
			visit(col[e])
		}
	}
	label := func(id uint32) string {
		if none && id == model.None {
			return NoneLabel
		}
		return m.Str(id)
	}
	sort.Slice(d.ids, func(a, b int) bool { return label(d.ids[a]) < label(d.ids[b]) })
	d.names = make([]string, len(d.ids))
	for i, id := range d.ids {
		d.names[i] = label(id)
		table[id] = int32(i)
	}
	return d, table
}

// channelsByTouchpoint lists, per dense touchpoint, its channels (dense ids, None excluded) with their event
// counts, most frequent first, ties by name.
func channelsByTouchpoint(tp, ch []uint32, nTp int, channel dim) ([][]uint32, [][]int) {
	nCh := len(channel.names)
	counts := map[uint64]int{}
	dense := nTp*nCh <= 1<<22
	var mat []int32
	if dense {
		mat = make([]int32, nTp*nCh)
		for k := range tp {
			mat[int(tp[k])*nCh+int(ch[k])]++
		}
	} else {
		for k := range tp {
			counts[uint64(tp[k])<<32|uint64(ch[k])]++
		}
	}
	chans := make([][]uint32, nTp)
	cnts := make([][]int, nTp)
	add := func(t, c int, n int) {
		if n == 0 || channel.ids[c] == model.None {
			return
		}
		chans[t] = append(chans[t], uint32(c))
		cnts[t] = append(cnts[t], n)
	}
	if dense {
		for t := 0; t < nTp; t++ {
			for c := 0; c < nCh; c++ {
				add(t, c, int(mat[t*nCh+c]))
			}
		}
	} else {
		keys := make([]uint64, 0, len(counts))
		for k := range counts {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		for _, k := range keys {
			add(int(k>>32), int(uint32(k)), counts[k])
		}
	}
	for t := range chans {
		cs, ns := chans[t], cnts[t]
		idx := make([]int, len(cs))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return ns[idx[a]] > ns[idx[b]] })
		sc, sn := make([]uint32, len(cs)), make([]int, len(cs))
		for i, k := range idx {
			sc[i], sn[i] = cs[k], ns[k]
		}
		chans[t], cnts[t] = sc, sn
	}
	return chans, cnts
}
