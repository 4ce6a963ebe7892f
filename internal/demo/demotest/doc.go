// Package demotest builds the workspaces that tests and benchmarks of the analysis packages share: the
// demo workspace with its planted truth, and the synthetic 100,000-customer benchmark view.
//
// # Basics
//
// Load builds the demo workspace for a set of demo.Options the way the app does (importer.BuildDemo,
// which stores the planted stage model as the workspace's own), writes the demo's exports beside it
// (truth.csv, planted.json and the raw files) and loads it with explore.Load. It does so once per options
// per test binary; every later call returns the same Data. Data.Copy gives a test a private copy of the
// workspace file to open and change.
//
// Bench builds the journey benchmark's workspace shape in memory, once per customer count per test binary:
// a walk over 25 touchpoints that mostly moves forward, about ten events a customer, four sources, a rating
// on a third of the support and retention events.
//
// # Caveats
//
// What Load and Bench return is shared by every test of the binary: read it, never change it (the
// snapshot, the export folder, the view).
//
// Go's testing package has no hook for the end of the process, so the folders Load builds in (a few tens of
// megabytes for a few thousand customers) are removed by Run, which a package's TestMain calls; without
// it they are left in the system's temporary folder for the OS to clean.
//
// Only black-box test packages (package x_test) may import demotest: it imports demo, importer, explore,
// store, journey, model and record, whose own in-package tests therefore cannot use it.
//
// Both skip the calling test under -short: they build and import thousands of customers.
package demotest
