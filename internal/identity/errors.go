package identity

import "errors"

// Errors Rules.Validate returns, wrapped with the offending entry; match them with errors.Is.
var (
	// ErrEmptyBlockedValue means a blocked entry has no value: blocking "nothing" would be a no-op that
	// looks like a rule, and empty values are blocked anyway.
	ErrEmptyBlockedValue = errors.New("blocked value is empty")
	// ErrEmptyType means a limit or a non-merging entry names no identifier type.
	ErrEmptyType = errors.New("identifier type is empty")
	// ErrBadLimit means a limit's maximum is below 1: every profile with an identifier of that type
	// would be flagged.
	ErrBadLimit = errors.New("limit must be at least 1")
	// ErrDuplicateLimit means two limits name the same type, so which one applies would be ambiguous.
	ErrDuplicateLimit = errors.New("more than one limit for the same type")
	// ErrValueTooLong means a blocked value or a type is longer than MaxRuleLength bytes; identifiers
	// that long are not typed by hand and rules that size would be a mistake.
	ErrValueTooLong = errors.New("rule text is too long")
)
