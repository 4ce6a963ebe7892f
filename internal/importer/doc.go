// Package importer runs an import: it reads files through ingest, applies their recipes, and writes one
// batch through store. It is the single place where the two meet, so the command line and the desktop app
// import exactly the same way.
//
// # Basics
//
// Run reads every file in turn, streaming. The first rows of each file are buffered as a sample so the
// recipe can settle undecided questions (day-first dates) before any row is applied. Each row becomes a
// record.Row with a fingerprint; rows whose fingerprint is already stored are counted as duplicates, so
// importing the same file twice with the same recipe adds nothing.
//
// # Caveats
//
// After a commit, Run stores the model snapshot of the whole workspace (model.SaveSnapshot) so the next
// open decodes columns instead of every row; that reads every row once more, about half a second per
// million rows, and is reported in Result.Snapshot.
//
// The batch is one store transaction: a cancelled, failed or killed import leaves the workspace as it was.
// In strict mode the first rejected row aborts the whole batch.
package importer
