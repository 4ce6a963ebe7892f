// Package store keeps a Wayline workspace in one bbolt file (.wayline): import batches with the rows
// they asserted, row fingerprints for duplicate detection, rejected rows, saved recipes, settings and
// secrets. It is the only package that imports bbolt; everything else sees record.Row and the types here.
//
// # Basics
//
// Open a workspace (creating it if missing) with Open; only one process may have it open for writing, and
// a second Open fails with ErrLocked after Options.Timeout (one second by default), naming the file.
//
// An import is a batch: BeginImport, then Add for each row (with the file index it came from and a
// fingerprint of what it asserts), Reject for rows that could not be read, Skip for rows left out on
// purpose, and finally Commit or Rollback. Add stores nothing for a fingerprint already stored by any
// batch or earlier in the same one and counts a duplicate instead; Commit of an import that found only
// duplicates writes nothing and reports duplicate=true, so importing the same export twice is harmless.
// A committed batch can be removed with RemoveBatch, which takes its rows, fingerprints and rejections
// with it.
//
// Analyses read rows with ForEachRow (all committed rows, in import order) and the overview with Summary
// (cached until the next write). Recipes, settings and the pseudonymisation key live beside the batches
// (SaveRecipe, SetSetting, Secret).
//
// Snapshots (ReadSnapshot, WriteSnapshot) are derived values stored beside the rows so that opening a
// workspace does not decode every row; the store treats them as opaque bytes and guarantees only that a
// snapshot read belongs to the committed rows: every transaction that changes them (Commit, RemoveBatch)
// increments the data generation and deletes all snapshots, and WriteSnapshot refuses a value computed
// from an older generation (ErrStaleSnapshot).
//
// Layout: every per-batch bucket is keyed by the batch id (8 bytes, big-endian) followed by a sequence
// number, so one batch is one key range: imports append at the end of the tree, with pages filled
// completely, and removal deletes a prefix. Rows are encoded in a compact binary format with a leading
// version byte (see appendRow); batches, recipes and settings are JSON. The schema version lives in the
// meta bucket, and Open runs the migrations a file lacks in one transaction.
//
// # Caveats
//
// A batch is all or nothing even if the process is killed mid-import: rows are written in transactions of
// about 8 MiB under a pending marker that readers ignore, and the batch record appears only in Commit's
// transaction; the next writable Open deletes what a killed import left. An import holds bbolt's single
// write lock from BeginImport to Commit or Rollback: meanwhile other writes on the same Workspace return
// ErrImportRunning rather than wait (waiting would deadlock a caller that drives the import itself), so
// call Secret and SaveRecipe before BeginImport. Readers are never blocked and see the state before the
// import. An Import must be driven by one goroutine.
//
// BeginImport loads every stored fingerprint into memory (about 40 bytes each), and Summary holds the
// distinct identifier values of the whole workspace while it scans. A million-row import peaks at about
// 160 MB resident (BenchmarkImport1M).
//
// Removing a batch frees pages for reuse but does not shrink the file. Counts.Rejected counts every
// rejection; only the first 1,000 per batch are kept. Stats skip empty labels.
package store
