package store

// SetChunkBytes changes how many bytes of rows an import writes per transaction and returns a function
// that restores the default. Tests use it to make small imports span many transactions.
func SetChunkBytes(n int) (restore func()) {
	old := chunkBytes
	chunkBytes = n
	return func() { chunkBytes = old }
}
