package demo

// Touchpoints as the recipes produce them. Web events carry their name in the "event" property; the other
// sources build theirs from constants or templates (see recipes.go).
const (
	tpHome          = "Home page"
	tpProduct       = "Product viewed"
	tpCompare       = "Product compared"
	tpLocator       = "Store locator"
	tpSignIn        = "Signed in"
	tpAddToCart     = "Added to cart"
	tpCart          = "Checkout: cart"
	tpShipping      = "Checkout: shipping"
	tpPayment       = "Checkout: payment"
	tpOrderDone     = "Order completed"
	tpAccountOrders = "Account: orders"
	tpReview        = "Review submitted"
	tpReferral      = "Referral shared"
	tpAd            = "Retargeting ad"

	tpAccountCreated = "Account created"
	tpEmailSent      = "Email sent"
	tpEmailOpen      = "Email open"
	tpEmailClick     = "Email click"
	tpTicketOpened   = "Ticket opened"
	tpTicketSolved   = "Ticket solved"
	tpStoreCall      = "Store call"
	tpStoreVisit     = "Store visit"
	tpStorePurchase  = "Store purchase"
	tpOrderWeb       = "Order: web"
	tpOrderPOS       = "Order: pos"
	tpOrderPhone     = "Order: phone"
)

// stageNames is the default stage model of the design, in order.
var stageNames = [numStages]string{"Awareness", "Consideration", "Decision", "Purchase", "Retention", "Advocacy"}

const (
	stAwareness = iota
	stConsideration
	stDecision
	stPurchase
	stRetention
	stAdvocacy
	numStages
)

// touchpointStage places every touchpoint the demo emits in one stage. planted.json carries this map so an
// analysis can use the same stage model the journeys were planted with.
var touchpointStage = map[string]int{
	tpHome:           stAwareness,
	tpEmailSent:      stAwareness,
	tpProduct:        stConsideration,
	tpCompare:        stConsideration,
	tpEmailOpen:      stConsideration,
	tpEmailClick:     stConsideration,
	tpLocator:        stDecision,
	tpSignIn:         stDecision,
	tpAccountCreated: stDecision,
	tpAddToCart:      stDecision,
	tpCart:           stDecision,
	tpShipping:       stDecision,
	tpPayment:        stDecision,
	tpStoreCall:      stDecision,
	tpStoreVisit:     stDecision,
	tpOrderDone:      stPurchase,
	tpOrderWeb:       stPurchase,
	tpOrderPOS:       stPurchase,
	tpOrderPhone:     stPurchase,
	tpStorePurchase:  stPurchase,
	tpAccountOrders:  stRetention,
	tpTicketOpened:   stRetention,
	tpTicketSolved:   stRetention,
	tpAd:             stRetention,
	tpReview:         stAdvocacy,
	tpReferral:       stAdvocacy,
}

// goalTouchpoints are the purchases: a web order, a Shopify order of any source, a till purchase.
var goalTouchpoints = []string{tpOrderDone, tpOrderWeb, tpOrderPOS, tpOrderPhone, tpStorePurchase}

// checkoutSteps are the web checkout funnel in order; the friction sits on the last one.
var checkoutSteps = []string{tpCart, tpShipping, tpPayment}

// Junk identifier values planted in the files. They belong to no one; an identity layer must block them.
const (
	junkUnknown = "unknown"       // a tag bug sends it as userId on some logged-out mobile pages
	junkNA      = "n/a"           // Shopify's Customer ID for guest checkouts
	junkEmail   = "test@test.com" // typed by till staff when a customer will not give an address
)

var blockedValues = []string{junkUnknown, junkNA, junkEmail}
