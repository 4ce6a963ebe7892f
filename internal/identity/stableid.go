package identity

// idPrefix starts every profile id, so ids are recognisable in a search box and never look like an
// identifier value.
const idPrefix = "p_"

// stableHash is FNV-1a (64 bit) over type, a zero byte and value, finished with the SplitMix64 mixer so
// that similar values (c_000123, c_000124) spread over the whole range. It must never change: profile ids
// are stored in annotations and persona labels.
func stableHash(typ, value string) uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	for i := 0; i < len(typ); i++ {
		h ^= uint64(typ[i])
		h *= prime
	}
	h *= prime // the zero byte between type and value (XOR with zero changes nothing)
	for i := 0; i < len(value); i++ {
		h ^= uint64(value[i])
		h *= prime
	}
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// appendHex16 appends h as 16 lower-case hex digits.
func appendHex16(b []byte, h uint64) []byte {
	const digits = "0123456789abcdef"
	for shift := 60; shift >= 0; shift -= 4 {
		b = append(b, digits[(h>>uint(shift))&0xf])
	}
	return b
}
