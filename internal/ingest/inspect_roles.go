package ingest

import (
	"strings"
	"unicode"
)

// Roles Inspect proposes for a column. An identifier role is RoleIdentifierPrefix + type, like
// "identifier:email".
const (
	RoleIdentifierPrefix = "identifier:"
	RoleEventTime        = "event-time"
	RoleTouchpoint       = "touchpoint"
	RoleChannel          = "channel"
	RoleDevice           = "device"
	RoleValue            = "value"
	RoleRating           = "rating"
	RoleText             = "text"
	RoleAttribute        = "attribute"
	RoleIgnore           = "ignore"
)

type hint int

const (
	hintNone hint = iota
	hintTime
	hintID
	hintOtherID // ids of things, not people: products, messages, campaigns
	hintEmail
	hintPhone
	hintTouchpoint
	hintChannel
	hintDevice
	hintValue
	hintRating
	hintText
	hintAttribute
)

// nameWords splits a column name into lower-case words: "userId" → user id, "Created At" → created at,
// "properties.$device_id" → properties device id, "time:timestamp" → time timestamp.
func nameWords(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1]))) {
				flush()
			}
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return words
}

// lastSegment is the part of a dotted or prefixed name that says what the value is:
// "context.device.type" → "type" is too little, so the last two segments are folded: "devicetype".
func lastSegments(name string, n int) string {
	name = strings.ReplaceAll(name, ":", ".")
	parts := strings.Split(name, ".")
	if len(parts) > n {
		parts = parts[len(parts)-n:]
	}
	return foldName(strings.Join(parts, ""))
}

var (
	otherIDWords  = set("product", "category", "sku", "item", "variant", "campaign", "page", "message", "insert", "event", "task", "instance", "list", "template", "brand", "lineitem", "payment", "ticket", "deal", "opportunity", "request", "trace", "span", "job", "batch", "row", "record", "file", "group", "resource", "receipt")
	touchpointSet = set("event", "eventtype", "eventname", "action", "activity", "conceptname", "type", "stage", "status", "dealstage", "stagename", "step", "interaction", "touchpoint", "eventaction")
	channelSet    = set("channel", "source", "medium", "utmsource", "utmmedium", "via", "leadsource", "referrer", "origin", "originalsource", "casechannel", "trafficsourcemedium", "sourcemedium", "ticketchannel")
	deviceSet     = set("device", "devicetype", "devicecategory", "platform", "os", "deviceos", "browser")
	valueSet      = set("amount", "price", "total", "revenue", "value", "cost", "costs", "subtotal", "ordertotal", "purchaserevenue", "totalprice", "sales", "totalamount", "costtotal")
	ratingSet     = set("rating", "score", "satisfaction", "satisfactionscore", "nps", "stars", "csat", "npsscore", "reviewscore", "satisfactionrating")
	textSet       = set("subject", "description", "comment", "comments", "body", "review", "message", "note", "notes", "feedback", "text", "summary")
	attributeSet  = set("plan", "region", "country", "city", "segment", "tier", "industry", "lifecyclestage", "gender", "language", "state", "company", "companyname", "countryregion", "province", "age", "locale", "timezone", "leadstatus", "customertype", "membership", "accountname")
)

func set(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// nameHint reads what a column name suggests about its content.
func nameHint(name string) hint {
	words := nameWords(name)
	if len(words) == 0 {
		return hintNone
	}
	last := words[len(words)-1]
	one, two := lastSegments(name, 1), lastSegments(name, 2)
	switch {
	case foldName(name) == "caseconceptname", foldName(name) == "caseid", one == "distinctid", one == "anonymousid", one == "userpseudoid", last == "session":
		return hintID
	case last == "email" || last == "mail" || (len(words) > 1 && words[len(words)-2] == "email" && last == "address"):
		return hintEmail
	case last == "phone" || last == "mobile" || last == "telephone" || (len(words) > 1 && words[len(words)-2] == "phone"):
		return hintPhone
	case last == "id" || last == "ids" || last == "uuid" || last == "guid" || last == "key" && len(words) > 1:
		for _, w := range words[:len(words)-1] {
			if otherIDWords[w] {
				return hintOtherID
			}
		}
		return hintID
	case last == "at" || last == "ts" || last == "timestamp" || last == "datetime" || last == "when" ||
		strings.HasSuffix(last, "date") || last == "time" || last == "deadline":
		return hintTime
	case ratingSet[one] || ratingSet[two]:
		return hintRating
	case valueSet[one] || valueSet[two]:
		return hintValue
	case deviceSet[two] || deviceSet[one]:
		return hintDevice
	case channelSet[two] || channelSet[one]:
		return hintChannel
	case touchpointSet[two] || touchpointSet[one]:
		return hintTouchpoint
	case textSet[one]:
		return hintText
	case attributeSet[two] || attributeSet[one]:
		return hintAttribute
	}
	return hintNone
}

// identifierType turns a column name into an identifier type: the last segment in lower_snake_case,
// with well-known spellings mapped to the shared types (userId and $user_id → user_id, Record ID →
// record_id, case:concept:name → case_id).
func identifierType(name string) string {
	switch f := foldName(name); {
	case f == "caseconceptname" || f == "caseid" || f == "case":
		return "case_id"
	}
	seg := name
	if i := strings.LastIndexAny(seg, ".:"); i >= 0 && i < len(seg)-1 {
		seg = seg[i+1:]
	}
	t := strings.Join(nameWords(seg), "_")
	switch t {
	case "", "id":
		t = strings.Join(nameWords(name), "_")
	case "distinct_id":
		t = "mixpanel_distinct_id"
	case "session", "user_session":
		t = "session_id"
	case "user_pseudo_id":
		t = "ga_client_id"
	}
	if t == "" || !identifierTypePattern.MatchString(t) {
		t = "id"
	}
	return t
}

// suggestRole proposes a role and a confidence for a column from its name and typed sample.
func suggestRole(name string, st columnStats) (string, float64) {
	h := nameHint(name)
	n := float64(max(st.filled, 1))
	ratio := float64(st.distinct) / n
	switch st.typ {
	case ColEmpty:
		return RoleIgnore, 0.95
	case ColEmail:
		if h == hintEmail {
			return RoleIdentifierPrefix + TypeEmail, 0.95
		}
		return RoleIdentifierPrefix + TypeEmail, 0.85
	case ColPhone:
		if h == hintPhone {
			return RoleIdentifierPrefix + TypePhone, 0.9
		}
		return RoleIdentifierPrefix + TypePhone, 0.6
	case ColTimestamp:
		if h == hintTime {
			return RoleEventTime, 0.9
		}
		return RoleEventTime, 0.7
	}
	switch h {
	case hintID:
		if st.typ == ColID || st.typ == ColInteger || st.typ == ColCategorical || st.typ == ColText {
			return RoleIdentifierPrefix + identifierType(name), 0.85
		}
	case hintOtherID:
		return RoleIgnore, 0.6
	case hintTouchpoint:
		if st.typ == ColCategorical || st.typ == ColText || st.typ == ColURL {
			return RoleTouchpoint, 0.85
		}
	case hintChannel:
		if st.typ == ColCategorical || st.typ == ColText || st.typ == ColURL {
			return RoleChannel, 0.8
		}
	case hintDevice:
		if st.typ == ColCategorical {
			return RoleDevice, 0.8
		}
	case hintValue:
		if st.typ == ColNumber || st.typ == ColInteger || st.typ == ColMoney {
			return RoleValue, 0.85
		}
	case hintRating:
		if (st.typ == ColNumber || st.typ == ColInteger) && st.minNum >= 0 && st.maxNum <= 10 {
			return RoleRating, 0.8
		}
	case hintText:
		if st.typ == ColText || st.typ == ColCategorical {
			return RoleText, 0.7
		}
	case hintAttribute:
		return RoleAttribute, 0.7
	}
	switch st.typ {
	case ColMoney:
		return RoleValue, 0.6
	case ColText:
		return RoleText, 0.5
	case ColCategorical, ColBoolean:
		if st.distinct <= 1 {
			return RoleIgnore, 0.5
		}
		return RoleAttribute, 0.5
	case ColID:
		// A unique token without a telling name may be a person's id or a row's id; ask the user.
		return RoleIdentifierPrefix + identifierType(name), 0.4
	case ColURL:
		if ratio < 0.5 {
			return RoleTouchpoint, 0.4
		}
	}
	return RoleIgnore, 0.4
}
