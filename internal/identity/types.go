package identity

// How identifier types rank. Two orders exist because they answer different questions: a label should be
// what a person recognises (an e-mail), a stable id should hang on what changes least (a customer id).
const (
	rankEmail = iota
	rankPhone
	rankCustomer
	rankOther
	rankAnonymous
	rankNonMerging // only for anchors: a non-merging value names a profile only when it has nothing else
)

// customerTypes are system-issued person ids.
var customerTypes = map[string]bool{"customer_id": true, "user_id": true}

// anonymousTypes name a browser, device or session rather than a person: the worst label and the least
// stable anchor (a person gains a new one with every device and cleared cookie).
var anonymousTypes = map[string]bool{
	"anonymous_id": true, "ga_client_id": true, "device_id": true, "mixpanel_distinct_id": true,
	"session_id": true, "cookie_id": true, "client_id": true, "visitor_id": true,
}

// typeInfo is what Resolve needs to know about one identifier type present in the model.
type typeInfo struct {
	dict       uint32 // dictionary id of the type's name
	name       string
	nonMerging bool
	blocked    map[string]bool // the user's blocked values for this type; nil when none
	limit      int             // Limits' Max for this type; 0 = no limit
	labelRank  int8
	anchorRank int8
}

func newTypeInfo(dict uint32, name string, b *blocker, nonMerging map[string]bool, limits map[string]int) typeInfo {
	t := normType(name)
	ti := typeInfo{dict: dict, name: name, nonMerging: nonMerging[t], blocked: b.typeSet(t), limit: limits[t]}
	switch {
	case t == "email":
		ti.labelRank, ti.anchorRank = rankEmail, 1
	case t == "phone":
		ti.labelRank, ti.anchorRank = rankPhone, 2
	case customerTypes[t]:
		ti.labelRank, ti.anchorRank = rankCustomer, 0
	case anonymousTypes[t]:
		ti.labelRank, ti.anchorRank = rankAnonymous, rankAnonymous
	default:
		ti.labelRank, ti.anchorRank = rankOther, rankOther
	}
	if ti.nonMerging {
		ti.anchorRank = rankNonMerging
	}
	return ti
}
