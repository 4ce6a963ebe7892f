package model

import (
	"encoding/binary"
	"hash/crc32"
)

// Reseal replaces the last four bytes of data with the checksum of the rest, so fuzzing reaches the
// decoder's structure checks instead of stopping at the checksum.
func Reseal(data []byte) []byte {
	if len(data) < 4 {
		return data
	}
	out := append([]byte{}, data...)
	body := out[:len(out)-4]
	binary.LittleEndian.PutUint32(out[len(out)-4:], crc32.Checksum(body, castagnoli))
	return out
}
