package journey

import (
	"strings"
	"unicode"
)

// The default stages, in order. Stage guessing answers with these names.
const (
	Awareness     = "Awareness"
	Consideration = "Consideration"
	Decision      = "Decision"
	Purchase      = "Purchase"
	Retention     = "Retention"
	Advocacy      = "Advocacy"
)

// DefaultStages returns the default ordered stage model of the design.
func DefaultStages() []string {
	return []string{Awareness, Consideration, Decision, Purchase, Retention, Advocacy}
}

// stageRule says that a touchpoint whose words contain phrase (whole words, in order, adjacent) belongs to
// stage. Rules are tried in order and the first match wins, so specific phrases ("payment declined",
// "account orders", "unsubscribe") come before the general words they contain ("payment", "order",
// "subscribe").
type stageRule struct {
	phrase []string
	stage  string
}

func rules(stage string, phrases ...string) []stageRule {
	out := make([]stageRule, len(phrases))
	for i, p := range phrases {
		out[i] = stageRule{phrase: strings.Fields(p), stage: stage}
	}
	return out
}

// nameRules is the documented keyword table (see doc.go and docs/journeys.md). Order matters.
var nameRules = concat(
	// Failures and abandonment happen while deciding, whatever else the name says.
	rules(Decision, "declined", "failed", "failure", "abandoned", "abandon", "payment error"),
	// After-sales words that contain purchase words ("order history", "unsubscribe").
	rules(Retention, "unsubscribe", "unsubscribed", "account orders", "my orders", "order history",
		"order status", "track order", "order tracking", "tracking", "shipped", "shipping confirmation",
		"delivered", "delivery", "reorder", "reordered", "repeat", "renewal", "renew", "renewed"),
	rules(Advocacy, "review", "reviewed", "reviews", "rating", "rated", "rate", "referral", "referred", "refer",
		"share", "shared", "nps", "testimonial", "recommend", "recommended", "survey", "csat", "satisfaction"),
	rules(Retention, "ticket", "tickets", "support", "complaint", "return", "returned", "returns", "refund",
		"refunded", "exchange", "warranty", "login", "log in", "logged in", "sign in", "signed in", "signin",
		"loyalty", "churn", "cancel", "cancelled", "canceled", "help", "chat", "faq", "service"),
	rules(Purchase, "purchase", "purchased", "order", "ordered", "orders", "paid", "payment success",
		"payment successful", "payment received", "payment completed", "checkout complete", "checkout completed",
		"checkout success", "subscribe", "subscribed", "subscription", "buy", "bought", "sale", "sold",
		"transaction", "booking confirmed", "booked", "invoice paid", "won", "closed won", "conversion"),
	rules(Decision, "cart", "basket", "bag", "checkout", "payment", "quote", "quotation", "trial", "demo",
		"store visit", "visit store", "visited store", "in store", "store locator", "locator", "call", "called",
		"phone", "appointment", "booking", "wishlist", "add to", "added to", "account created", "sign up",
		"signed up", "signup", "register", "registered", "registration", "contact sales", "proposal",
		"negotiation", "pricing", "shipping", "lead"),
	rules(Consideration, "view", "viewed", "views", "product", "products", "browse", "browsed", "compare",
		"compared", "comparison", "email open", "email opened", "opened", "open", "click", "clicked", "newsletter",
		"download", "downloaded", "brochure", "webinar", "read", "article", "category", "detail", "details",
		"search results", "catalog", "catalogue", "size guide"),
	rules(Awareness, "ad", "ads", "advert", "advertisement", "impression", "impressions", "social", "display",
		"banner", "search", "homepage", "home page", "home", "landing", "landing page", "email sent", "sent",
		"campaign", "video", "influencer", "tv", "radio", "print", "billboard", "first visit", "visit",
		"visited", "retargeting", "remarketing", "sponsored", "blog", "post", "awareness"),
)

// channelRules place a touchpoint whose name matched nothing by one of its channels.
var channelRules = concat(
	rules(Awareness, "display", "paid social", "social", "paid search", "search", "cpc", "ppc", "affiliate",
		"ads", "ad", "retargeting", "tv", "radio", "print", "organic"),
	rules(Consideration, "email", "newsletter", "web", "website", "app", "referral traffic"),
	rules(Decision, "store", "pos", "retail", "phone", "sales", "call center", "call centre"),
	rules(Retention, "support", "helpdesk", "service", "chat"),
	rules(Advocacy, "review", "reviews", "trustpilot"),
)

func concat(parts ...[]stageRule) []stageRule {
	var out []stageRule
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// words splits a name into lower-case words: letters and digits, everything else separates.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func containsPhrase(ws, phrase []string) bool {
	for i := 0; i+len(phrase) <= len(ws); i++ {
		match := true
		for k, p := range phrase {
			if ws[i+k] != p {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

func firstRule(rs []stageRule, ws []string) (string, bool) {
	for _, r := range rs {
		if containsPhrase(ws, r.phrase) {
			return r.stage, true
		}
	}
	return "", false
}

// GuessStage returns the default stage a touchpoint most likely belongs to, from its name and, when the name
// says nothing, from its channels (most frequent first). A touchpoint nothing matches is placed in
// Consideration, the stage where unnamed browsing usually sits; callers show such guesses as guesses.
func GuessStage(touchpoint string, channels []string) string {
	if s, ok := firstRule(nameRules, words(touchpoint)); ok {
		return s
	}
	for _, c := range channels {
		if s, ok := firstRule(channelRules, words(c)); ok {
			return s
		}
	}
	return Consideration
}

// paidChannels are channels whose touches are bought media; compared on lower-case words joined by "_".
var paidChannels = map[string]bool{
	"display": true, "paid_social": true, "paid_search": true, "cpc": true, "ppc": true, "retargeting": true,
	"remarketing": true, "ads": true, "ad": true, "paid": true, "affiliate": true, "sponsored": true,
}

// IsPaid reports whether a touch is a paid one (an ad, retargeting): its channel is one of display,
// paid_social, paid_search, cpc, ppc, retargeting, remarketing, ads, ad, paid, affiliate, sponsored (case and
// separators ignored), or contains the word "paid"; or its touchpoint has the word "ad", "ads", "advert" or
// "advertisement", or a word starting with "retarget" or "remarket".
func IsPaid(touchpoint, channel string) bool {
	cw := words(channel)
	if paidChannels[strings.Join(cw, "_")] {
		return true
	}
	for _, w := range cw {
		if w == "paid" {
			return true
		}
	}
	for _, w := range words(touchpoint) {
		switch {
		case w == "ad", w == "ads", w == "advert", w == "advertisement":
			return true
		case strings.HasPrefix(w, "retarget"), strings.HasPrefix(w, "remarket"):
			return true
		}
	}
	return false
}
