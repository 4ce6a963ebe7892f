// Package report writes a workspace's journey report as one self-contained HTML file: a summary with the key
// numbers, the observed journey map, the friction heatmap, the personas, the top paths and moments of truth,
// the comparison with a saved assumed map, the workshop's notes and hypotheses, and a method section that
// says where every number comes from.
//
// # Basics
//
// Write loads what the workspace saved (friction settings, the last persona run, assumed maps, notes),
// computes the analyses on every customer of the snapshot, and renders them with html/template. Charts are
// inline SVG built by the same templates, so every string that came from a customer's data is escaped by
// the template engine: a touchpoint called <script>alert(1)</script> is text in the file, never markup.
//
// The file asks nothing of the network: styles are inline, fonts come from the reader's system font
// stack, there are no scripts, images or links to fetch. Print CSS (@page, break-before, break-inside)
// puts each section on its own page and keeps cards, tables' rows and charts whole, so "Print to PDF"
// gives a document a client can read.
//
// # Redaction
//
// With Options.Redact, no email address, phone number, personal name or raw identifier value appears in the
// file. The report is built from aggregates and dictionary names (touchpoints, channels, sources, stages),
// so the only customer-level references are representative customers, which become opaque labels
// ("Customer 1", numbered in order of appearance) instead of profile ids. As a second line of defence every
// string in the rendered page passes a scrubber before rendering: email addresses and phone numbers (by
// pattern), and any word or phrase equal to one of the workspace's identifier values or to the value of a
// personal attribute (ingest.PersonalKind: name, email, phone columns) are replaced by a "[hidden]" mark.
// Free text a person typed (notes, persona names, assumed maps) passes the same scrubber. Without Redact
// profile ids (p_…, hashes that reveal no identifier) may appear; identifier values are still never
// listed.
//
// # Caveats
//
// The report covers every customer of the snapshot (no filter). The scrubber matches identifier values as
// whole words or phrases, case-insensitively: an identifier hidden inside a longer word (an email pasted
// into a URL) is caught by the email pattern, not by the word match. Assumed maps and notes appear when the
// workspace has them; sections with nothing to show say so rather than disappear, so the table of contents
// is the same for every report.
package report
