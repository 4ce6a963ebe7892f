package identity

// sortKeys sorts profile keys by hash with an LSD radix sort (eight passes of one byte), which on 100,000
// profiles takes a fraction of a comparison sort's time; the rare runs of equal hashes are then ordered by
// the anchors themselves.
func (res *Result) sortKeys(keys []profileKey) []profileKey {
	if len(keys) < 2 {
		return keys
	}
	tmp := make([]profileKey, len(keys))
	src, dst := keys, tmp
	var count [256]int
	for shift := 0; shift < 64; shift += 8 {
		count = [256]int{}
		for i := range src {
			count[byte(src[i].hash>>shift)]++
		}
		if count[byte(src[0].hash>>shift)] == len(src) {
			continue // every key has the same byte here: the pass would not move anything
		}
		sum := 0
		for b, c := range count {
			count[b] = sum
			sum += c
		}
		for i := range src {
			b := byte(src[i].hash >> shift)
			dst[count[b]] = src[i]
			count[b]++
		}
		src, dst = dst, src
	}
	for i := 0; i < len(src); {
		j := i + 1
		for j < len(src) && src[j].hash == src[i].hash {
			j++
		}
		for a := i + 1; a < j; a++ { // insertion sort: a run is two keys in practice
			for b := a; b > i && res.compareAnchor(src[b].anchor, src[b-1].anchor) < 0; b-- {
				src[b], src[b-1] = src[b-1], src[b]
			}
		}
		i = j
	}
	return src
}
